# SPDX-License-Identifier: GPL-2.0-or-later
"""The harness itself: a board that hangs or dies must fail the test, with
the reason, and the next test must get a working board."""

import pytest

from harness import ConsoleError


def test_timeout_is_reported(make_console):
    con = make_console(timeout=1)
    with pytest.raises(ConsoleError, match='timed out'):
        con.run_command('sleep 5')
    assert con.broken


def test_exit_is_reported(make_console):
    con = make_console()
    con.p.terminate(force=True)
    with pytest.raises(ConsoleError, match='exited'):
        con.run_command('echo never')


def test_restart(make_console):
    con = make_console()
    con.run_command('setenv mark 1')
    con.restart()
    assert con.run_command('echo back') == 'back'


def test_output_has_no_echo_or_prompt(console):
    out = console.run_command('echo one; echo two')
    assert out == 'one\ntwo'
    assert console.run_command('true') == ''


def test_command_list(console):
    assert console.run_command_list(['echo a', 'echo b']) == ['a', 'b']


def test_boot_output_recorded(console):
    assert console.boot_seconds > 0
    assert isinstance(console.boot_output, str)
