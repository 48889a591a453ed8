# SPDX-License-Identifier: GPL-2.0-or-later
"""The harness itself: a board that hangs or dies must fail the test, with
the reason, and the next test must get a working board."""

import sys
from types import SimpleNamespace

import pytest

from harness import Console, ConsoleError


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


# A stand-in board for the checks at power-off (written with the runner
# branch): it echoes what it is typed and prints a prompt after each line;
# on 'poweroff' it runs the shell command put in AT_POWEROFF's place and
# exits with its status (99: it does not exit, it prompts again).
FAKE_BOARD = r'''
import os, subprocess, sys, tty
tty.setraw(0)
out = sys.stdout
out.write('=> '); out.flush()
line = ''
while True:
    c = os.read(0, 1).decode()
    if c in '\r\n':
        out.write('\r\n'); out.flush()
        if line == 'poweroff':
            rc = subprocess.run(['/bin/sh', '-c', 'AT_POWEROFF']).returncode
            if rc != 99:
                sys.exit(rc)
        line = ''
        out.write('=> '); out.flush()
    else:
        line += c
        out.write(c); out.flush()
'''


def _fake_console(board, console_log, at_poweroff):
    plugin = SimpleNamespace(**{k: getattr(board.plugin, k)
                                for k in ('NAME', 'FIFO', 'BAD_PATTERNS',
                                          'TIMEOUT', 'BOOT_TIMEOUT')},
                             POWEROFF_TIMEOUT=1)
    argv = [sys.executable, '-c',
            FAKE_BOARD.replace('AT_POWEROFF', at_poweroff)]
    con = Console(plugin, argv, console_log, timeout=5, boot_timeout=5)
    con.start()
    assert con.run_command('echo hi') == ''
    return con


@pytest.mark.boards('sandbox')
@pytest.mark.parametrize('at_poweroff, why', [
    ('echo "==1==ERROR: LeakSanitizer: detected memory leaks"; exit 23',
     'sanitizer report at power-off'),
    ('echo "lib/x.c:3:1: runtime error: shift exponent"; exit 0',
     'sanitizer report at power-off'),
    ('exit 3', 'exited with status 3 at power-off'),
    ('exit 99', 'the board did not power off'),
    ('sleep 5', 'the board did not power off in time'),
], ids=['leak', 'ubsan-status-0', 'status', 'prompt', 'hang'])
def test_poweroff_is_checked(board, console_log, at_poweroff, why):
    """What a board does at power-off is the verdict of the test that owns
    it: a sanitizer report (LeakSanitizer reports only at exit), an exit
    status other than 0, no exit."""
    con = _fake_console(board, console_log, at_poweroff)
    problem = con.close()
    assert problem and why in problem, problem
    assert con.p is None


@pytest.mark.boards('sandbox')
def test_clean_poweroff_passes(board, console_log):
    con = _fake_console(board, console_log, 'exit 0')
    assert con.close() is None
    assert con.p is None


@pytest.mark.boards('sandbox')
def test_sandbox_run_sanitizer_report(sandbox_run):
    """sandbox_run fails the test on a sanitizer report, whatever the exit
    status (here 0)."""
    with pytest.raises(pytest.fail.Exception, match='sanitizer report'):
        sandbox_run(['-c', 'echo "==1==ERROR: AddressSanitizer: x"'])
    st, out = sandbox_run(['-c', 'echo fine'])
    assert st == 0 and out.splitlines()[-1] == 'fine'
