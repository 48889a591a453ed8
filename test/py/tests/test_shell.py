# SPDX-License-Identifier: GPL-2.0-or-later
"""The shell: hush syntax, exit status, and one clear line for bad input.

Console tests run on every board; the -c tests need the sandbox program.
"""

import time

import pytest

UNKNOWN = "Unknown command 'nosuchcmd' - try 'help'"


def test_if_then_else(console):
    out = console.run_command(
        'setenv a 1; if test $a = 1; then echo yes; else echo no; fi')
    assert out == 'yes'
    out = console.run_command(
        'setenv a 2; if test $a = 1; then echo yes; else echo no; fi')
    assert out == 'no'


def test_elif(console):
    out = console.run_command(
        'setenv n 5; if test $n -lt 3; then echo small; '
        'elif test $n -lt 10; then echo medium; else echo large; fi')
    assert out == 'medium'


def test_unknown_command(console):
    out, status = console.run_status('nosuchcmd')
    assert out == UNKNOWN
    assert status != 0


def test_or_and(console):
    assert console.run_command('false || echo ok') == 'ok'
    assert console.run_command('true || echo no') == ''
    assert console.run_command('true && echo ok') == 'ok'
    assert console.run_command('false && echo no') == ''
    assert console.run_command('false || false || echo third') == 'third'
    assert console.run_command('nosuchcmd || echo ok').split('\n') == [
        UNKNOWN, 'ok']


def test_status_variable(console):
    assert console.run_command('true; echo $?') == '0'
    assert console.run_command('false; echo $?') == '1'
    assert console.run_command('false; true; echo $?') == '0'


def test_plain_lines(console):
    """A line of plain words runs without the parser (cli_hush_run()):
    the same status, $?, exit and keyword handling as a parsed line."""
    assert console.run_status('false') == ('', 1)
    assert console.run_status('true') == ('', 0)
    assert console.run_status('  echo  a.b  c/d:e,f+g@h%i-j_k  ') == (
        'a.b c/d:e,f+g@h%i-j_k', 0)
    assert console.run_status('nosuchcmd') == (UNKNOWN, 1)
    assert console.run_status('exit 3') == ('', 3)
    # keywords, and a word the parser takes apart, go to the parser
    assert console.run_command('fi').startswith('syntax error')
    assert console.run_command('if').startswith('syntax error')
    assert console.run_command('echo a=b') == 'a=b'


def test_semicolons(console):
    assert console.run_command('echo a; echo b;echo c').split('\n') == [
        'a', 'b', 'c']


def test_quotes(console):
    console.run_command('setenv v world')
    assert console.run_command("echo 'a  $v  b'") == 'a  $v  b'
    assert console.run_command('echo "a  $v  b"') == 'a  world  b'
    assert console.run_command('echo a  $v  b') == 'a world b'
    assert console.run_command("echo 'x;y'") == 'x;y'
    assert console.run_command('echo "p || q"') == 'p || q'


def test_braced_variable(console):
    console.run_command('setenv v abc')
    assert console.run_command('echo ${v}def') == 'abcdef'
    assert console.run_command('echo $v.x') == 'abc.x'
    # An unset variable is empty.
    assert console.run_command('echo [${nosuchvar}]') == '[]'


def test_test_command(console):
    assert console.run_command('test 3 -gt 2 && echo gt') == 'gt'
    assert console.run_command('test 2 -gt 3 || echo le') == 'le'
    assert console.run_command('test abc = abc && echo eq') == 'eq'
    assert console.run_command('test abc != abd && echo ne') == 'ne'
    assert console.run_command('test -n "" || echo empty') == 'empty'
    assert console.run_command('test -z "" && echo empty') == 'empty'


def _one_error_line(console, cmd):
    """@cmd prints exactly one non-empty line, fails, and the prompt
    still works afterwards."""
    out, status = console.run_status(cmd)
    lines = out.split('\n')
    assert len(lines) == 1 and lines[0].strip(), \
        f'{cmd!r} printed {out!r}, not one line'
    assert status == 1, f'{cmd!r} returned {status}'
    assert console.run_command('echo alive') == 'alive'
    return out


def test_unterminated_quote(console):
    """At the prompt an open quote asks for the next line ('> ', as U-Boot's
    hush) and Ctrl-C abandons it; in a script it is one syntax error."""
    for cmd in ("echo 'abc", 'echo "abc', "setenv x 'a"):
        out = console.run_raw(cmd + '\n\x03')
        assert '> ' in out and '<INTERRUPT>' in out, out
        assert console.run_command('echo alive') == 'alive'
    console.run_command('setenv ut_q "echo \'abc"')
    out, status = console.run_status('run ut_q')
    assert status == 1 and out == 'syntax error: unterminated quoted string', \
        out


@pytest.mark.parametrize('cmd', [
    'md zz',
    'md 1000 zz',
    'md 0x',
    'md 12g4',
    'md -1',
    'md.x 1000',
    'mw zz 1',
    'mw 1000 zz',
    'mw 1000 1 zz',
    'mw.b 1000 100',
    'mw.w 1000 10000',
    'mw.l 1000 100000000',
    'mw.q 1000 10000000000000000',
    'crc32 zz 10',
    'crc32 1000 zz',
    'crc32 1000 10 zz',
    'crc32 -v 1000 10 zz',
    'cp zz 1000 1',
    'cmp 1000 zz 1',
])
def test_bad_number(console, cmd):
    """Strict numbers: anything that is not all hex digits is refused."""
    out = _one_error_line(console, cmd)
    assert cmd.split()[0].split('.')[0] in out or 'size' in out


@pytest.mark.parametrize('cmd', [
    'mw',
    'mw 1000',
    'crc32',
    'crc32 1000',
    'crc32 -v 1000 10',
    'cp 1000 2000',
    'cmp 1000',
])
def test_missing_arguments(console, board, cmd):
    """Too few arguments: the command's usage block, status 1, as U-Boot
    (its summary alone without CONFIG_SYS_LONGHELP: qemu-s390x)."""
    out, status = console.run_status(cmd)
    name = cmd.split()[0]
    assert status == 1, out
    assert out.startswith(f'{name} - '), out
    if board.config.get('CONFIG_SYS_LONGHELP') == 'y':
        assert f'\n\nUsage:\n{name} ' in out, out
    else:
        assert '\n' not in out, out


def test_long_line(console):
    """A line longer than any serial FIFO arrives whole."""
    words = ' '.join(f'word{i:02d}' + 'x' * 20 for i in range(9))
    assert console.run_command(f'echo {words}') == words


def test_backspace(console):
    """Backspace (and DEL) erase the character before the cursor."""
    out = console.run_raw('echo abX\bc\n')
    assert out.split('\n')[-1] == 'abc'
    out = console.run_raw('echo abY\x7fd\n')
    assert out.split('\n')[-1] == 'abd'


def test_ctrlc_abandons_line(console):
    """Ctrl-C drops the line typed so far: nothing runs."""
    console.run_command('setenv flag clear')
    console.run_raw('setenv flag set\x03')
    assert console.run_command('printenv flag') == 'flag=clear'


def test_ctrlc_stops_sleep(console):
    """Ctrl-C interrupts a running command and the prompt comes back."""
    start = time.monotonic()
    console.run_command('sleep 30', wait_for_prompt=False)
    time.sleep(0.5)
    console.ctrlc(timeout=10)
    assert time.monotonic() - start < 15
    assert console.run_command('echo alive') == 'alive'


# --- the sandbox program's -c mode: exit status of the last command ------
# The program prints its banner first; what the commands print follows.

MARK = '@@commands@@'


def _after_mark(out):
    assert MARK in out, out
    return out.split(MARK, 1)[1].replace('\r', '').strip('\n')


@pytest.mark.boards('sandbox')
def test_c_if_then_else(sandbox_run):
    rc, out = sandbox_run(['-c', 'setenv a 1; if test $a = 1; then echo yes; '
                                 'else echo no; fi'])
    assert rc == 0
    assert out.rstrip().split('\n')[-1] == 'yes'
    assert 'no' not in out.split('\n')


@pytest.mark.boards('sandbox')
def test_c_unknown_command(sandbox_run):
    rc, out = sandbox_run(['-c', 'nosuchcmd'])
    assert out.rstrip().split('\n')[-1] == UNKNOWN
    assert rc != 0


@pytest.mark.boards('sandbox')
@pytest.mark.parametrize('cmds, status, output', [
    ('true', 0, ''),
    ('false', 1, ''),
    ('false || echo ok', 0, 'ok'),
    ('echo a; false', 1, 'a'),
    ('false; echo b', 0, 'b'),
    ('true && false', 1, ''),
    ('nosuchcmd; true', 0, UNKNOWN),
    ('md zz', 1, "md: bad address 'zz' (hex number expected)"),
])
def test_c_exit_status(sandbox_run, cmds, status, output):
    rc, out = sandbox_run(['-c', f'echo {MARK}; {cmds}'])
    assert rc == status
    assert _after_mark(out) == output


@pytest.mark.boards('sandbox')
def test_c_bad_option(sandbox_run):
    """A bad option is refused with a message, not ignored."""
    rc, out = sandbox_run(['--no-such-option'])
    assert rc == 2, out
    lines = out.strip().splitlines()
    assert lines[0] == ('sandbox: unknown option or missing argument: '
                        '--no-such-option'), out
    assert lines[1].startswith('Usage: ') and '--blk FILE' in out, out
    # the program did not start: no sign-on, no prompt
    assert 'virtboot 20' not in out and '=> ' not in out, out


def test_time(console, board):
    """time runs a command and says how long it took, as U-Boot's; its
    status is the command's."""
    out, status = console.run_status('time sleep 0.3')
    assert status == 0
    secs = out.split()
    assert secs[0] == 'time:' and secs[2] == 'seconds', out
    assert 0.3 <= float(secs[1]) < 2.0, out
    out, status = console.run_status('time false')
    assert status == 1 and out.startswith('time: 0.0'), out
    out, status = console.run_status('time')
    assert status == 1 and out.startswith('time - '), out
    if board.config.get('CONFIG_SYS_LONGHELP') == 'y':
        assert 'time command [args...]' in out, out


def test_multiline_block(console):
    """A block typed (or pasted) over several lines: '> ' asks for more
    until it is complete, as U-Boot's hush; an open quote too; Ctrl-C
    abandons it."""
    out = console.run_raw('if true; then\necho multi\n\nfi\n')
    assert out.count('> ') == 3 and out.rstrip().endswith('multi'), out
    out = console.run_raw("for i in a b\ndo echo i=$i\ndone\n")
    assert 'i=a' in out and 'i=b' in out, out
    out = console.run_raw("echo 'one\ntwo'\n")
    assert out.rstrip().endswith('one\ntwo'), out
    out = console.run_raw('while true; do\n\x03')
    assert '<INTERRUPT>' in out, out
    assert console.run_command('echo alive') == 'alive'
