# SPDX-License-Identifier: GPL-2.0-or-later
"""md, mw, cp, cmp, crc32 and bdinfo, checked against what U-Boot prints
for the same bytes (membuf.md_text) and against Python's zlib.crc32.

Addresses are relative to $loadaddr, which every board's default
environment sets to free memory.
"""

import re
import zlib

import pytest

from harness import loadaddr
from membuf import SIZES, md_text


@pytest.fixture(scope='module')
def base(console):
    """$loadaddr as a number."""
    return loadaddr(console)


class Memory:
    """The test's model of what it wrote: a byte array at @addr."""

    def __init__(self, console, addr, size, endian):
        self.console = console
        self.addr = addr
        self.data = bytearray(size)
        self.endian = endian

    def mw(self, size, off, value, count=1):
        """mw.<size> at @off (from addr) and the same in the model."""
        cmd = f'mw.{size} {self.addr + off:x} {value:x}'
        if count != 1:
            cmd += f' {count:x}'
        assert self.console.run_command(cmd) == ''
        n = SIZES[size]
        for i in range(count):
            self.data[off + i * n:off + (i + 1) * n] = \
                value.to_bytes(n, self.endian)

    def clear(self):
        self.mw('q', 0, 0, len(self.data) // 8)


@pytest.fixture
def mem(console, base, board):
    m = Memory(console, base, 0x100, board.endian)
    m.clear()
    return m


@pytest.mark.parametrize('size', 'bwlq')
def test_mw_md_layout(console, mem, size):
    """md.<size> shows what mw.<size> wrote, U-Boot's layout, in the
    board's byte order; a short last line is padded."""
    n = SIZES[size]
    # A different object at each position of the first line (letters, so
    # the text column shows them), then a fill of count objects.
    for i in range(16 // n):
        obj = bytes(0x41 + (i * n + j) % 26 for j in range(n))
        mem.mw(size, i * n, int.from_bytes(obj, 'big'))
    fill = (0x7e20 << 48 | 0x2b0a_0000_2d2d) & ((1 << 8 * n) - 1)
    mem.mw(size, 16, fill, 20 // n + 1)
    # A count that leaves the last line short.
    count = (16 + 20) // n + 1
    out = console.run_command(f'md.{size} {mem.addr:x} {count:x}')
    assert out == md_text(mem.addr, bytes(mem.data[:count * n]), n,
                          mem.endian)


def test_md_default_size_is_long(console, mem):
    mem.mw('l', 0, 0x12345678, 4)
    out = console.run_command(f'md {mem.addr:x} 4')
    assert out == md_text(mem.addr, bytes(mem.data[:16]), 4, mem.endian)


def test_byte_order(console, mem, board):
    """The bytes of a word in memory follow the CPU: the sandbox and
    arm64 are little-endian, s390x big-endian."""
    mem.mw('l', 0, 0x11223344)
    mem.mw('q', 8, 0x1122334455667788)
    out_b = console.run_command(f'md.b {mem.addr:x} 4')
    out_w = console.run_command(f'md.w {mem.addr:x} 2')
    out_l = console.run_command(f'md.l {mem.addr + 8:x} 2')
    a = f'{mem.addr:08x}: '
    if board.endian == 'little':
        assert out_b.startswith(a + '44 33 22 11 ')
        assert out_w.startswith(a + '3344 1122 ')
        assert out_l.startswith(f'{mem.addr + 8:08x}: 55667788 11223344 ')
    else:
        assert out_b.startswith(a + '11 22 33 44 ')
        assert out_w.startswith(a + '1122 3344 ')
        assert out_l.startswith(f'{mem.addr + 8:08x}: 11223344 55667788 ')


def test_md_text_column(console, mem):
    """Printable ASCII shows as text, everything else as '.'."""
    text = b'Hi there!\x7f\x80\x00~ \x1fz'
    for i, c in enumerate(text):
        mem.mw('b', i, c)
    out = console.run_command(f'md.b {mem.addr:x} {len(text):x}')
    assert out.endswith('  Hi there!...~ .z')
    assert out == md_text(mem.addr, text, 1, mem.endian)


def test_md_continues(console, board, mem):
    """An empty line repeats md, which goes on after the last one with its
    size and count (U-Boot's way); a bare md prints its usage, as U-Boot."""
    mem.mw('b', 0, 0x5a, 0x40)
    first = console.run_command(f'md.b {mem.addr:x} 10')
    assert first.startswith(f'{mem.addr:08x}: 5a 5a')
    second = console.run_command('')
    assert second == md_text(mem.addr + 0x10, bytes(mem.data[0x10:0x20]), 1,
                             mem.endian)
    fourth = console.run_command('')
    assert fourth == md_text(mem.addr + 0x20, bytes(mem.data[0x20:0x30]), 1,
                             mem.endian)
    out, status = console.run_status('md')
    assert status == 1 and out.startswith('md - '), out
    if board.config.get('CONFIG_SYS_LONGHELP') == 'y':
        assert 'Usage:\nmd [.b, .w, .l, .q] address' in out, out
    # md with an address and no count keeps the last count.
    third = console.run_command(f'md.w {mem.addr:x}')
    assert third == md_text(mem.addr, bytes(mem.data[:0x20]), 2, mem.endian)


def test_mw_count_and_neighbours(console, mem):
    """mw with a count writes exactly count objects."""
    mem.mw('q', 0, 0xffffffffffffffff, 4)
    mem.mw('w', 2, 0x1234, 3)
    out = console.run_command(f'md.b {mem.addr:x} 20')
    assert out == md_text(mem.addr, bytes(mem.data[:0x20]), 1, mem.endian)


@pytest.mark.parametrize('size', 'bwlq')
def test_cp_cmp_same(console, mem, size):
    n = SIZES[size]
    for i in range(8):
        mem.mw('l', 4 * i, 0x01020304 * (i + 1))
    count = 0x20 // n
    dst = mem.addr + 0x80
    assert console.run_command(
        f'cp.{size} {mem.addr:x} {dst:x} {count:x}') == ''
    out, status = console.run_status(
        f'cmp.{size} {mem.addr:x} {dst:x} {count:x}')
    name = {1: 'byte', 2: 'halfword', 4: 'word', 8: 'double word'}[n]
    assert out == f'Total of {count} {name}(s) were the same'
    assert status == 0
    out = console.run_command(f'md.b {dst:x} 20')
    assert out == md_text(dst, bytes(mem.data[:0x20]), 1, mem.endian)


def test_cmp_difference(console, mem):
    """The first difference is printed as U-Boot prints it; cmp fails."""
    mem.mw('l', 0, 0xcafe0000, 8)
    mem.mw('l', 0x80, 0xcafe0000, 8)
    mem.mw('l', 0x80 + 12, 0x5)
    a, b = mem.addr, mem.addr + 0x80
    out, status = console.run_status(f'cmp {a:x} {b:x} 8')
    assert out.split('\n') == [
        f'word at 0x{a + 12:08x} (0xcafe0000) != word at 0x{b + 12:08x} (0x05)',
        'Total of 3 word(s) were the same']
    assert status == 1
    out, status = console.run_status(f'cmp.q {b:x} {a:x} 4')
    first = mem.data[0x88:0x90]
    second = mem.data[0x08:0x10]
    w1 = int.from_bytes(first, mem.endian)
    w2 = int.from_bytes(second, mem.endian)
    assert out.split('\n') == [
        f'double word at 0x{b + 8:08x} (0x{w1:06x}) != '
        f'double word at 0x{a + 8:08x} (0x{w2:06x})',
        'Total of 1 double word(s) were the same']
    assert status == 1


def test_cp_overlap(console, mem):
    """cp to an overlapping target copies what the source held."""
    for i in range(8):
        mem.mw('l', 4 * i, 0x10101010 * (i + 1))
    expect = bytes(mem.data[:0x20])
    assert console.run_command(
        f'cp.l {mem.addr:x} {mem.addr + 8:x} 8') == ''
    out = console.run_command(f'md.b {mem.addr + 8:x} 20')
    assert out == md_text(mem.addr + 8, expect, 1, mem.endian)


def test_cp_zero_length(console, mem):
    out, status = console.run_status(f'cp {mem.addr:x} {mem.addr + 8:x} 0')
    assert out == 'Zero length ???'
    assert status == 1


def _fill_varied(mem):
    """Different bytes everywhere in the first 0x100: a CRC catches any
    misplaced one."""
    for i in range(0x10):
        mem.mw('q', 8 * i, (0x0123456789abcdef * (i + 3)) & (2**64 - 1))
    mem.mw('l', 0x80, 0xdeadbeef, 0x1f)
    mem.mw('b', 0xfc, 0x11, 4)


@pytest.mark.parametrize('length', [0x100, 0xff, 0x1, 0x0])
def test_crc32_matches_zlib(console, mem, length):
    _fill_varied(mem)
    crc = zlib.crc32(bytes(mem.data[:length]))
    end = (mem.addr + length - 1) & (2**64 - 1)
    out = console.run_command(f'crc32 {mem.addr:x} {length:x}')
    assert out == f'crc32 for {mem.addr:08x} ... {end:08x} ==> {crc:08x}'


def test_crc32_unaligned(console, mem):
    _fill_varied(mem)
    crc = zlib.crc32(bytes(mem.data[3:3 + 0x71]))
    out = console.run_command(f'crc32 {mem.addr + 3:x} 71')
    assert out.endswith(f'==> {crc:08x}')


def test_crc32_store(console, mem):
    """crc32 ... addr stores the CRC big-endian, as U-Boot does."""
    _fill_varied(mem)
    crc = zlib.crc32(bytes(mem.data[:0x80]))
    store = mem.addr + 0x200
    console.run_command(f'mw.l {store:x} 0')
    out = console.run_command(f'crc32 {mem.addr:x} 80 {store:x}')
    assert out.endswith(f'==> {crc:08x}')
    out = console.run_command(f'md.b {store:x} 4')
    assert out.startswith(f'{store:08x}: ' +
                          ' '.join(f'{b:02x}' for b in crc.to_bytes(4, 'big')))


def test_crc32_verify(console, mem):
    _fill_varied(mem)
    crc = zlib.crc32(bytes(mem.data[:0x40]))
    out, status = console.run_status(f'crc32 -v {mem.addr:x} 40 {crc:x}')
    assert (out, status) == ('', 0)
    bad = crc ^ 1
    out, status = console.run_status(f'crc32 -v {mem.addr:x} 40 {bad:08x}')
    assert out == (f'crc32 for {mem.addr:08x} ... {mem.addr + 0x3f:08x} '
                   f'==> {crc:08x} != {bad:08x} ** ERROR **')
    assert status == 1


def test_crc32_of_loadaddr_variable(console, mem):
    """Scripts write $loadaddr, not numbers."""
    _fill_varied(mem)
    crc = zlib.crc32(bytes(mem.data[:0x10]))
    out = console.run_command('crc32 $loadaddr 10')
    assert out.endswith(f'==> {crc:08x}')


def _bdinfo_banks(out):
    banks = re.findall(r'^DRAM bank   = 0x([0-9a-f]{16})\n'
                       r'-> start    = 0x([0-9a-f]{16})\n'
                       r'-> size     = 0x([0-9a-f]{16})$', out, re.M)
    return [(int(n, 16), int(s, 16), int(z, 16)) for n, s, z in banks]


def test_bdinfo(console, board, base):
    out = console.run_command('bdinfo')
    banks = _bdinfo_banks(out)
    assert banks, f'no DRAM banks in {out!r}'
    assert [b[0] for b in banks] == list(range(len(banks)))
    total = sum(b[2] for b in banks)
    if board.is_sandbox():
        # The default arena, where offsets typed at the prompt point.
        assert banks[0][1] == 0
        assert total == 256 << 20
    else:
        assert total == 1 << 30     # -m 1G
        start = {'qemu-arm64': 0x40000000, 'qemu-s390x': 0}[board.name]
        assert banks[0][1] == start
    # $loadaddr lies in RAM.
    assert any(s <= base < s + z for _, s, z in banks)
    # U-Boot 2023.01's fields in its order (its qemu_arm64 list, less
    # 'Early malloc usage'), then each architecture's own lines.
    fields = [line.split('=')[0].rstrip() for line in out.split('\n')
              if re.match(r'[-A-Za-z_].{11}= ', line)]
    common = ['boot_params'] + ['DRAM bank', '-> start', '-> size'] * \
        len(banks) + ['flashstart', 'flashsize', 'flashoffset', 'baudrate',
                      'relocaddr', 'reloc off', 'Build']
    if board.name != 'qemu-s390x':      # no room for them there
        common += ['current eth', 'ethaddr', 'IP addr']
    common += ['fdt_blob', 'new_fdt', 'fdt_size']
    arch = {'sandbox': ['sysmem size'],
            'qemu-arm64': ['devicetree', 'arch_number', 'TLB addr',
                           'irq_sp', 'sp start'],
            'qemu-s390x': []}[board.name]
    assert fields == common + arch, out
    assert 'Build       = 64-bit' in out.split('\n')
    assert 'baudrate    = 115200 bps' in out.split('\n')
    assert 'lmb_dump_all:' in out.split('\n')


@pytest.mark.boards('sandbox')
@pytest.mark.parametrize('cmd', [
    'md 10000000000',
    'md ffffffffffffff00 100',
    'md.q fffffff0 4',
    'mw 10000000 1',
    'mw.l fffffffc 0 2',
    'cp 0 fffffff0 100',
    'cmp 0 10000000 1',
    'crc32 0 10000001',
    'crc32 0 10 10000000',
])
def test_outside_sandbox_memory(console, cmd):
    """Outside the 256 MiB arena: one error line, no crash."""
    out, status = console.run_status(cmd)
    assert len(out.split('\n')) == 1 and out, out
    assert 'outside memory' in out or 'wraps' in out
    assert status == 1
    assert console.run_command('echo alive') == 'alive'


@pytest.mark.boards('sandbox')
def test_last_bytes_of_sandbox_memory(console):
    """The arena's last byte is addressable, one more is not."""
    assert console.run_command('mw.l ffffffc 1') == ''
    out = console.run_command('md.l ffffffc 1')
    assert out.startswith('0ffffffc: 00000001 ')
    out, status = console.run_status('md.l ffffffd 1')
    assert status == 1 and 'outside memory' in out


@pytest.mark.parametrize('size, off', [('w', 1), ('l', 1), ('l', 2),
                                       ('q', 3), ('q', 4)])
def test_unaligned(console, mem, size, off):
    """Objects at unaligned addresses read and write as aligned ones do
    (bytewise: arm64 without the MMU faults on unaligned loads)."""
    n = SIZES[size]
    for i in range(0x20):
        mem.mw('b', i, 0x30 + i)
    mem.mw(size, off + n, 0x4142434445464748 & ((1 << 8 * n) - 1))
    count = 0x18 // n
    out = console.run_command(f'md.{size} {mem.addr + off:x} {count:x}')
    assert out == md_text(mem.addr + off,
                          bytes(mem.data[off:off + count * n]), n,
                          mem.endian)
    out, status = console.run_status(
        f'cmp.{size} {mem.addr + off:x} {mem.addr + off:x} {count:x}')
    assert status == 0


def test_address_zero(console, board):
    """Address 0 is memory (arm64 flash, s390 lowcore, the sandbox arena's
    start): md and crc32 work there instead of failing silently."""
    out = console.run_command('md.l 0 4')
    assert out.startswith('00000000: ')
    out = console.run_command('crc32 0 100')
    assert out.startswith('crc32 for 00000000 ... 000000ff ==> ')
    assert console.run_command('echo $?') == '0'


@pytest.mark.boards('qemu-s390x')
def test_writers_spare_the_lowcore(console):
    """The s390 lowcore (0-0x1fff: the firmware's interruption PSWs) is
    reserved: mw and cp into it give one line and status 1; md reads it
    (test_lmb.py checks every reserved range on qemu-arm64)."""
    for cmd, rng in (('mw 0 0 1', '0+4'), ('mw.q 1ff8 0 2', '1ff8+10'),
                     ('cp.b 100000 1fff 1', '1fff+1')):
        out, status = console.run_status(cmd)
        assert (out, status) == \
            (f'{cmd.split()[0]}: range {rng} would overwrite '
             f'the lowcore', 1), out
    assert console.run_command('md.l 1a0 1').startswith('000001a0:')
    _, status = console.run_status('mw 2000 0 1')
    assert status == 0
