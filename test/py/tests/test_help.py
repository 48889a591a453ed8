# SPDX-License-Identifier: GPL-2.0-or-later
"""help and version, with U-Boot's layout."""

import re

import pytest

# The commands issue 2 asks of every board.
COMMANDS = ['bdinfo', 'boot', 'cmp', 'cp', 'crc32', 'dm', 'echo', 'env',
            'false', 'help', 'md', 'mw', 'poweroff', 'printenv', 'reset',
            'run', 'setenv', 'sleep', 'test', 'true', 'version']


@pytest.fixture(scope='module')
def help_lines(console):
    return console.run_command('help').split('\n')


def test_help_lists_commands(help_lines):
    names = []
    for line in help_lines:
        m = re.fullmatch(r'(\S+?) *- \S.*', line)
        assert m, f'help line {line!r} is not "name - usage"'
        names.append(m.group(1))
    missing = [c for c in COMMANDS if c not in names]
    assert not missing, f'help does not list {missing}'
    assert names == sorted(names)


@pytest.mark.parametrize('cmd, usage', [
    ('md', 'md [.b, .w, .l, .q] address [# of objects]'),
    ('mw', 'mw [.b, .w, .l, .q] address value [count]'),
    ('cp', 'cp [.b, .w, .l, .q] source target count'),
    ('cmp', 'cmp [.b, .w, .l, .q] addr1 addr2 count'),
    ('crc32', 'crc32 address count [addr]'),
])
def test_help_command(console, board, cmd, usage):
    """The summary, then (CONFIG_SYS_LONGHELP: not on qemu-s390x) the
    usage text, as U-Boot's help with and without its long help."""
    lines = console.run_command(f'help {cmd}').split('\n')
    assert re.fullmatch(rf'{cmd} - \S.*', lines[0]), lines[0]
    if board.config.get('CONFIG_SYS_LONGHELP') == 'y':
        assert 'Usage:' in lines
        assert usage in lines
    else:
        assert lines == [lines[0]], lines


def test_help_unknown(console):
    out, status = console.run_status('help nosuchcmd')
    assert out.startswith("Unknown command 'nosuchcmd'")
    assert len(out.split('\n')) == 1
    assert status == 1


def test_version(console):
    out = console.run_command('version')
    assert re.match(r'virtboot \S+', out.split('\n')[0]), out
