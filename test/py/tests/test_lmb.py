# SPDX-License-Identifier: GPL-2.0-or-later
"""The memory a load may write (lib/lmb.c), on qemu-arm64: U-Boot's qemu
variables at U-Boot's addresses, all free; the firmware's data, stack and
heap (at the top of RAM, as U-Boot relocates itself) refused with one
line by `virtio read` and `load`; the control device tree a copy, so that
a load over QEMU's blob (fdt_addr_r) leaves the firmware working.

Oracles: U-Boot 2023.01's `printenv` on the same machine (its values
below), the bytes of the disk (crc32 against zlib), QEMU's blob (the
FDT magic at fdtcontroladdr).
"""

import re
import zlib

import pytest

from harness import Disk, make_image

pytestmark = pytest.mark.boards('qemu-arm64')

# Debian's U-Boot 2023.01 (u-boot-qemu, qemu_arm64) with -m 1G
UBOOT_ENV = {
    'kernel_addr_r': '0x40400000',
    'ramdisk_addr_r': '0x44000000',
    'fdt_addr_r': '0x40000000',
    'scriptaddr': '0x40200000',
    'pxefile_addr_r': '0x40300000',
    'fdt_addr': '0x40000000',
    'fdt_high': '0xffffffff',
    'initrd_high': '0xffffffff',
}
MIB = 1 << 20


@pytest.fixture(scope='module')
def disk(tmp_path_factory):
    path = tmp_path_factory.mktemp('lmb') / 'd.img'
    make_image(path, 4 * MIB)
    data = path.read_bytes()
    return path, data


@pytest.fixture
def con(make_console, disk):
    c = make_console(disks=[Disk(disk[0])])
    c.run_command('virtio scan')
    return c


def env(con, name):
    out = con.run_command(f'printenv {name}')
    assert out.startswith(name + '='), out
    return out.split('=', 1)[1]


def reserved(con):
    """{name: (first, last)} from bdinfo's lmb map."""
    out = con.run_command('bdinfo')
    return {m.group(3): (int(m.group(1), 16), int(m.group(2), 16))
            for m in re.finditer(r'reserved\[\d+\]\s+\[0x([0-9a-f]+)-0x'
                                 r'([0-9a-f]+)\], .*\((.*)\)', out)}


def test_uboot_variables(con):
    """U-Boot's qemu variables, and loadaddr, with U-Boot's values."""
    for name, value in UBOOT_ENV.items():
        assert env(con, name) == value, name
    assert int(env(con, 'loadaddr'), 16) == 0x40200000


def test_reserved_map(con):
    """bdinfo lists the firmware's data and stack below scriptaddr and its
    heap at the top of RAM; U-Boot's addresses all lie outside both."""
    areas = reserved(con)
    data = areas["the firmware's data and stack"]
    heap = areas["the firmware's heap"]
    assert data[0] == 0x40100000 and data[1] < 0x40200000, areas
    assert heap[1] == 0x7fffffff, areas
    for name, value in UBOOT_ENV.items():
        if name.endswith('_r'):
            addr = int(value, 16)
            for first, last in areas.values():
                assert not first <= addr <= last, (name, areas)


def test_reads_into_the_firmware_refused(con, disk):
    """virtio read into the data, the stack or the heap: one line, and
    the firmware goes on; the same read at kernel_addr_r lands whole."""
    areas = reserved(con)
    for name, (first, last) in areas.items():
        for addr in (first, first + 0x1000, first - 0x200):
            out = con.run_command(f'virtio read {addr:x} 0 2; echo $?')
            lines = out.splitlines()
            assert lines[-1] == '1', out
            assert lines[-2].endswith(f'ERROR (memory 0x{addr:x} + 0x400 '
                                      f'would overwrite {name})'), out
    out = con.run_command('virtio read $kernel_addr_r 0 2000')
    assert out.endswith('8192 blocks read: OK'), out
    out = con.run_command('crc32 $kernel_addr_r 400000')
    assert out.endswith(f'{zlib.crc32(disk[1]):08x}'), out


def test_memory_writers_refused(con):
    """mw, cp, crc32's store, env export and read into the firmware's
    ranges: one line, status 1, nothing written; reading them (md, cmp,
    cp from them) and writing device registers outside RAM stay
    allowed."""
    base = int(env(con, 'kernel_addr_r'), 16)
    for name, (first, last) in reserved(con).items():
        for cmd, rng in ((f'mw {first:x} 0 1', f'{first:x}+4'),
                         (f'mw.b {first - 1:x} 0 2', f'{first - 1:x}+2'),
                         (f'cp {base:x} {last - 3:x} 1', f'{last - 3:x}+4'),
                         (f'crc32 {base:x} 10 {first:x}', f'{first:x}+4')):
            out, status = con.run_status(cmd)
            assert (out, status) == (
                f'{cmd.split()[0]}: range {rng} would overwrite {name}', 1)
        out, status = con.run_status(f'env export -t {first:x}')
        assert status == 1 and out.startswith(
            f'## Error: env export: 0x{first:x}+0x') and \
            out.endswith(f'would overwrite {name}'), out
        out, status = con.run_status(f'read virtio 0 {first:x} 0 1')
        assert (out, status) == (
            f'Memory 0x{first:x}+0x200 would overwrite {name}', 1)
        _, status = con.run_status(f'cp {first:x} {base:x} 10')
        assert status == 0
        assert con.run_command(f'md.l {first:x} 1').startswith(f'{first:08x}')
    # the PL011's flag register, outside RAM: still the user's to write
    _, status = con.run_status('mw.w 9000018 0 1')
    assert status == 0
    assert con.run_command('echo alive') == 'alive'


def test_load_over_qemu_blob(con, disk):
    """A read over QEMU's device tree (fdt_addr_r) is allowed: the
    firmware's own tree is the copy at fdtcontroladdr, which keeps its
    magic, and the firmware keeps working. (1 MiB there: the firmware's
    data start at 0x40100000.)"""
    ctrl = int(env(con, 'fdtcontroladdr'), 16)
    assert ctrl >= reserved(con)["the firmware's heap"][0]
    out = con.run_command('virtio read $fdt_addr_r 0 800')
    assert out.endswith('2048 blocks read: OK'), out
    out = con.run_command(f'md.l {ctrl:x} 1')
    assert 'edfe0dd0' in out, out
    out = con.run_command('virtio scan; virtio info')
    assert 'Device 0:' in out, out
