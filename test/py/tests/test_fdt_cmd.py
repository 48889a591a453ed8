# SPDX-License-Identifier: GPL-2.0-or-later
"""The fdt command on qemu-arm64, on QEMU's own tree at $fdt_addr: the
working address, print/list, header, resize, set (strings, cells,
bytes), mknode, rm, chosen, and the errors a script sees (no working
tree, no such node, no room, a bad value, an existing node)."""

import re

import pytest

pytestmark = pytest.mark.boards('qemu-arm64')


def st(con, cmd):
    return con.run_status(cmd)


def test_fdt_no_working_tree(console):
    out, status = st(console, 'fdt print /')
    assert status == 1
    assert out.startswith('No FDT memory address configured.'), out


def test_fdt_edit_qemu_tree(console):
    assert st(console, 'fdt addr ${fdt_addr}')[1] == 0
    assert console.run_command('printenv fdtaddr') == 'fdtaddr=40000000'
    assert console.run_command('fdt addr') == \
        'The address of the fdt is 0x40000000'
    out = console.run_command('fdt list /')
    assert out.splitlines()[0] == '/ {'
    assert '\tchosen {' in out and '\t};' in out
    assert re.search(r'\tcompatible = "linux,dummy-virt";', out), out
    out = console.run_command('fdt print /chosen stdout-path')
    assert out == 'stdout-path = "/pl011@9000000";'
    # QEMU's blob claims 1 MiB: resize makes it its size plus the room
    assert st(console, 'fdt resize 100')[1] == 0
    hdr = dict(line.split(':', 1) for line in
               console.run_command('fdt header').splitlines())
    assert hdr['magic'].strip() == '0xd00dfeed'
    total = int(hdr['totalsize'].split()[0], 16)
    assert total % 4096 == 0 and total < 0x10000
    for cmd in ('fdt set /chosen bootargs "console=ttyAMA0 x"',
                'fdt set /chosen cells <1 0x20>',
                'fdt set /chosen bytes [01 ab]',
                'fdt set /chosen two a b',
                'fdt set /chosen empty',
                'fdt mknode / virtboot',
                'fdt chosen 44000000 44100000'):
        out, status = st(console, cmd)
        assert status == 0, (cmd, out)
    out = console.run_command('fdt print /chosen')
    for line in ('\tbootargs = "console=ttyAMA0 x";',
                 '\tcells = <0x00000001 0x00000020>;',
                 '\tbytes = [01 ab];', '\ttwo = "a", "b";', '\tempty;',
                 '\tlinux,initrd-start = <0x00000000 0x44000000>;',
                 '\tlinux,initrd-end = <0x00000000 0x44100000>;'):
        assert line in out.splitlines(), (line, out)
    assert console.run_command('fdt list /virtboot') == 'virtboot {\n};'
    assert st(console, 'fdt rm /chosen cells')[1] == 0
    assert 'cells' not in console.run_command('fdt print /chosen')


def test_fdt_errors(console):
    console.run_command('fdt addr ${fdt_addr}')
    assert st(console, 'fdt print /nosuch') == (
        'libfdt fdt_path_offset() returned FDT_ERR_NOTFOUND', 1)
    assert st(console, 'fdt mknode / chosen') == ('libfdt: FDT_ERR_EXISTS', 1)
    assert st(console, 'fdt set /chosen x <1 2') == \
        ('libfdt: FDT_ERR_BADVALUE', 1)
    # No room left: the tree given exactly the size of its blocks
    hdr = dict(line.split(':', 1) for line in
               console.run_command('fdt header').splitlines())
    used = int(hdr['off_dt_strings'], 16) + int(hdr['size_dt_strings'], 16)
    assert st(console, f'fdt addr ${{fdt_addr}} {used:x}')[1] == 0
    out, status = st(console, 'fdt set /chosen big xxxxxxxx')
    assert status == 1
    assert out == 'libfdt: FDT_ERR_NOSPACE (make room: fdt resize)'
    assert st(console, 'fdt addr 50000000')[1] == 1
    # The working tree is still the good one
    assert st(console, 'fdt list /chosen')[1] == 0
