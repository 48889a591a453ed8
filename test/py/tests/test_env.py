# SPDX-License-Identifier: GPL-2.0-or-later
"""The environment: setenv, printenv, env, run, with U-Boot's output."""

import re

import pytest

from harness import loadaddr


def test_setenv_printenv(console):
    assert console.run_command('setenv foo bar') == ''
    assert console.run_command('printenv foo') == 'foo=bar'
    # Several words are joined with single spaces, as U-Boot does.
    console.run_command('setenv foo a b  c')
    assert console.run_command('printenv foo') == 'foo=a b c'
    console.run_command("setenv foo 'x;  y'")
    assert console.run_command('printenv foo') == 'foo=x;  y'


def test_setenv_delete(console):
    console.run_command('setenv gone 1')
    assert console.run_command('setenv gone') == ''
    out, status = console.run_status('printenv gone')
    assert out == '## Error: "gone" not defined'
    assert status == 1


def test_printenv_several(console):
    console.run_command('setenv e1 one; setenv e2 two')
    assert console.run_command('printenv e1 e2').split('\n') == [
        'e1=one', 'e2=two']


def test_printenv_all(console):
    console.run_command('setenv zzlast 1')
    lines = console.run_command('printenv').split('\n')
    assert 'zzlast=1' in lines
    assert any(line.startswith('loadaddr=') for line in lines)
    assert re.fullmatch(r'Environment size: \d+/\d+ bytes', lines[-1]), \
        lines[-1]
    names = [line.split('=', 1)[0] for line in lines if '=' in line]
    assert names == sorted(names)


def test_env_subcommands(console):
    assert console.run_command('env set sub value') == ''
    assert console.run_command('env print sub') == 'sub=value'
    assert console.run_command('env delete sub') == ''
    out, status = console.run_status('env print sub')
    assert status == 1 and 'not defined' in out


def test_run(console):
    console.run_command("setenv script 'echo one; echo two'")
    assert console.run_command('run script').split('\n') == ['one', 'two']
    console.run_command("setenv s2 'echo three'")
    assert console.run_command('run script s2').split('\n') == [
        'one', 'two', 'three']


def test_run_status(console):
    console.run_command("setenv fails 'echo x; false'")
    out, status = console.run_status('run fails')
    assert (out, status) == ('x', 1)
    out, status = console.run_status('run nosuchvar')
    assert out == '## Error: "nosuchvar" not defined'
    assert status == 1


def test_run_nested_variables(console):
    """Variables in a script are expanded when it runs, not when set."""
    console.run_command("setenv greet 'echo hello $who'")
    console.run_command('setenv who world')
    assert console.run_command('run greet') == 'hello world'
    console.run_command('setenv who there')
    assert console.run_command('run greet') == 'hello there'


def test_env_default(console):
    before = console.run_command('printenv loadaddr')
    console.run_command('setenv loadaddr 1234; setenv extra 1')
    out = console.run_command('env default -a')
    assert out == '## Resetting to default environment'
    assert console.run_command('printenv loadaddr') == before
    out, status = console.run_status('printenv extra')
    assert status == 1 and 'not defined' in out


def test_default_environment(console, board):
    """Every board sets loadaddr and bootdelay; qemu-s390x boots with
    zipl (shared/DESIGN.md)."""
    console.run_command('env default -a')
    for name in ('loadaddr', 'bootdelay'):
        out = console.run_command(f'printenv {name}')
        assert out.startswith(name + '='), out
    if board.name == 'qemu-s390x':
        assert console.run_command('printenv bootcmd') == 'bootcmd=zipl boot'


def test_restart_gives_default_environment(console):
    """The environment lives in RAM: a new start has the default one."""
    console.run_command('setenv volatile 1')
    console.restart()
    out, status = console.run_status('printenv volatile')
    assert status == 1 and 'not defined' in out


def test_env_info(console, board):
    """env info as U-Boot's: with no disk the default environment is in
    use; it can be saved where the environment is kept in a FAT file
    (valid) and not elsewhere (invalid); -d and -p set the status, -q
    prints nothing."""
    saves = board.config.get('CONFIG_ENV_IS_IN_FAT') == 'y'
    assert console.run_command('env info').split('\n') == [
        f'env_valid = {"valid" if saves else "invalid"}', 'env_ready = true',
        'env_use_default = true']
    assert console.run_status('env info -d') == (
        'Default environment is used', 0)
    can = 'can' if saves else 'cannot'
    assert console.run_status('env info -p -d') == (
        f'Default environment is used\nEnvironment {can} be persisted',
        0 if saves else 1)
    assert console.run_status('env info -d -q') == ('', 0)
    assert console.run_status('env info -p -q') == ('', 0 if saves else 1)
    out, status = console.run_status('env info -x')
    assert status == 1 and out.startswith('env - '), out
    if board.config.get('CONFIG_SYS_LONGHELP') == 'y':
        assert 'env info [-d] [-p] [-q]' in out, out


@pytest.mark.buildconfigspec('cmd_exportenv', 'cmd_importenv')
def test_env_export_import_text(console):
    """env export writes "name=value" lines and a NUL, as U-Boot's (sorted,
    a backslash escaped), sets filesize; env import reads them back, all
    or only the variables named; -d deletes the named ones not found."""
    addr = loadaddr(console)
    console.run_command("setenv ex1 'a b\\c'; setenv ex2 two")
    assert console.run_command(f'env export {addr:x} ex2 ex1') == ''
    text = 'ex1=a b\\\\c\nex2=two\n\0'
    assert console.run_command('printenv filesize') == \
        f'filesize={len(text):x}'
    out = console.run_command(f'md.b {addr:x} {len(text):x}')
    dump = bytes(int(h, 16) for line in out.splitlines()
                 for h in line.split(': ', 1)[1].split('  ')[0].split())
    assert dump == text.encode(), out
    console.run_command('setenv ex1; setenv ex2 changed; setenv ex3 three')
    assert console.run_command(f'env import {addr:x} - ex1') == \
        f'## Info: input data size = {len(text)} = 0x{len(text):X}'
    assert console.run_command('printenv ex1 ex2').split('\n') == [
        'ex1=a b\\c', 'ex2=changed']
    console.run_command(f'env import -d {addr:x} {len(text):x} ex2 ex3')
    assert console.run_command('printenv ex2') == 'ex2=two'
    out, status = console.run_status('printenv ex3')
    assert status == 1, out
    console.run_command('setenv ex1; setenv ex2')


@pytest.mark.buildconfigspec('cmd_exportenv', 'cmd_importenv')
def test_env_export_import_binary_crc(console, board):
    """-b: NUL-separated strings padded to the environment's size, whose
    $filesize is CONFIG_ENV_SIZE, as U-Boot's; -c: U-Boot's env_t, a
    CRC-32 first, the size given; a changed byte fails the CRC, a missing
    size is refused."""
    addr = loadaddr(console)
    env_size = int(board.config['CONFIG_ENV_SIZE'], 16)

    def md_bytes(at, count):
        out = console.run_command(f'md.b {at:x} {count:x}')
        return bytes(int(b, 16) for line in out.splitlines()
                     for b in line.split(':', 1)[1].split('  ')[0].split())
    console.run_command(f'mw.b {addr:x} 55 {env_size:x}')
    console.run_command('setenv bx1 one; setenv bx2 two')
    console.run_command(f'env export -b {addr:x} bx1 bx2')
    assert console.run_command('printenv filesize') == \
        f'filesize={env_size:x}'
    # U-Boot writes the data (CONFIG_ENV_SIZE - 4 bytes), not the 4 after
    assert md_bytes(addr, 18) == b'bx1=one\0bx2=two\0\0\0'
    assert md_bytes(addr + env_size - 8, 8) == bytes(4) + b'\x55' * 4
    console.run_command('setenv bx1; setenv bx2')
    console.run_command(f'env import -b {addr:x} -')
    assert console.run_command('printenv bx1 bx2').split('\n') == [
        'bx1=one', 'bx2=two']
    console.run_command(f'env export -c -s 100 {addr:x} bx1')
    assert console.run_command('printenv filesize') == 'filesize=100'
    console.run_command('setenv bx1 gone')
    assert console.run_status(f'env import -c {addr:x} 100') == ('', 0)
    assert console.run_command('printenv bx1') == 'bx1=one'
    assert console.run_status(f'env import -c {addr:x} -') == (
        '## Error: external checksum format must pass size', 1)
    console.run_command(f'mw.b {addr + 8:x} 55 1')
    assert console.run_status(f'env import -c {addr:x} 100') == (
        '## Error: bad CRC, import failed', 1)
    console.run_command('setenv bx1; setenv bx2')


@pytest.mark.boards('sandbox')
@pytest.mark.buildconfigspec('cmd_exportenv', 'cmd_importenv')
def test_env_import_export_outside_memory(console):
    """A size past the end of the sandbox's memory is refused with one
    line (the cli fuzz target found the import reading past it)."""
    assert console.run_status('env import -c 0 20000000') == (
        '## Error: env import: 0x0 is outside memory', 1)
    assert console.run_status('env export -s 20000000 0') == (
        '## Error: env export: 0x0+0x20000000 is outside memory', 1)
    assert console.run_command('echo alive') == 'alive'


# U-Boot's boot-method variables with U-Boot's values: board/sandbox/
# sandbox.env, and Debian's U-Boot 2023.01 qemu_arm64 (its printenv)
BOOT_VARIABLES = {
    'sandbox': {'kernel_addr_r': '0x1000000', 'fdt_addr_r': '0xc00000',
                'ramdisk_addr_r': '0x2000000', 'scriptaddr': '0x1000',
                'pxefile_addr_r': '0x2000'},
    'qemu-arm64': {'kernel_addr_r': '0x40400000',
                   'fdt_addr_r': '0x40000000',
                   'ramdisk_addr_r': '0x44000000',
                   'scriptaddr': '0x40200000',
                   'pxefile_addr_r': '0x40300000'},
}


@pytest.mark.boards('sandbox', 'qemu-arm64')
def test_boot_variables(console, board):
    """The default environment has U-Boot's load addresses."""
    for name, value in BOOT_VARIABLES[board.name].items():
        assert console.run_command(f'printenv {name}') == f'{name}={value}'


@pytest.mark.buildconfigspec('cmd_editenv')
def test_editenv(console):
    """editenv shows the value after 'edit: ' to be edited; Enter sets
    what is on the line, an emptied line deletes the variable."""
    console.run_command('setenv ed bar')
    console.run_command('editenv ed', wait_for_prompt=False)
    console.wait_for('edit: bar')
    out = console.run_command('X')
    assert console.run_command('printenv ed') == 'ed=barX', out
    console.run_command('env edit ed', wait_for_prompt=False)
    console.wait_for('edit: barX')
    console.run_raw('\x15\n')		# Ctrl-U: the line emptied
    assert console.run_command('printenv ed') == '## Error: "ed" not defined'
    out, status = console.run_status('editenv')
    assert status == 1 and 'Usage:\neditenv name' in out, out
