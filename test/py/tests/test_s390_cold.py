# SPDX-License-Identifier: GPL-2.0-or-later
"""qemu-s390x: the image's hot and cold code (arch/s390/virtboot.lds).

The boot stub expands the functions an IPL from a disk runs (listed in
arch/s390/hot.txt) at power-on and the rest of the code only when it
first runs (start.S turns the operation exception of the zeros in its
place into stub_expand_cold()).

- The IPL runs no function hot.txt misses and never expands the cold
  code: scripts/s390-hot --check, which IPLs the benchmark's payload
  disk under QEMU's -d in_asm (a miss costs ~2 ms of every IPL).
- Once expanded, the cold code is the linked code byte for byte: the
  firmware's own crc32 of it against the ELF's .text.
- What the shell runs first (cold code) works, and a program check
  outside the cold code is still reported (test_s390x_board.py's
  test_program_check_report).
- A damaged cold stream stops the machine at once (a disabled wait,
  0xbadc01d, which QEMU reports as a guest panic): no hang, no report
  (which would be cold code itself).
"""

import subprocess
import sys
import zlib
from pathlib import Path

import pytest

pytestmark = [pytest.mark.boards('qemu-s390x'),
              pytest.mark.buildconfigspec('s390_compress')]

ROOT = Path(__file__).resolve().parents[3]
ELF = ROOT / 'build' / 'qemu-s390x' / 'virtboot'


def section(name):
    """(address, bytes) of section @name of the linked firmware."""
    out = subprocess.run(['s390x-linux-gnu-readelf', '-SW', str(ELF)],
                         check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        f = line.replace('[ ', '[').split()
        if len(f) > 6 and f[1] == name:
            addr, off, size = (int(x, 16) for x in f[3:6])
            with open(ELF, 'rb') as elf:
                elf.seek(off)
                return addr, elf.read(size)
    raise AssertionError(f'no {name} in {ELF}')


def test_ipl_runs_only_hot_code():
    """The IPL's functions are all in hot.txt; the cold code stays as
    it is, unexpanded."""
    run = subprocess.run([sys.executable, str(ROOT / 'scripts' / 's390-hot'),
                          '--check'], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, (
        f'{run.stdout}{run.stderr}\nrun scripts/s390-hot and build again')


def test_cold_code_expands_exactly(console):
    """The shell has run cold code; what the stub expanded is the linked
    .text, byte for byte, where the firmware runs."""
    out = console.run_command('bdinfo')
    base = next(int(line.split('=')[1], 16) for line in out.splitlines()
                if line.startswith('relocaddr'))
    addr, text = section('.text')
    hot_addr, hot = section('.hot')
    assert len(text) > 64 << 10 and len(hot) > 16 << 10
    for start, data in ((addr, text), (hot_addr, hot)):
        out = console.run_command(f'crc32 {base + start:x} {len(data):x}')
        assert out.split()[-1] == f'{zlib.crc32(data):08x}', out
    # cold commands run
    assert 'md - memory display' in console.run_command('help md')


def symbol(elf, name):
    out = subprocess.run(['s390x-linux-gnu-nm', str(elf)], check=True,
                         capture_output=True, text=True).stdout
    return next(int(line.split()[0], 16) for line in out.splitlines()
                if line.split()[-1] == name)


def test_damaged_cold_stream_stops(tmp_path):
    """64 bytes flipped in the middle of the cold stream: the firmware
    starts, needs its cold code, and stops with QEMU's guest panic."""
    build = ROOT / 'build' / 'qemu-s390x'
    start = symbol(build / 'virtboot-stub', '__cold_z_start')
    end = symbol(build / 'virtboot-stub', '__cold_z_end')
    image = bytearray((build / 'virtboot.elf').read_bytes())
    # the stub's one file-backed segment: its file offset and address
    out = subprocess.run(['s390x-linux-gnu-readelf', '-lW',
                          str(build / 'virtboot.elf')], check=True,
                         capture_output=True, text=True).stdout
    load = next(line.split() for line in out.splitlines()
                if line.split()[:1] == ['LOAD'])
    off = int(load[1], 16) - int(load[2], 16) + (start + end) // 2
    for i in range(64):
        image[off + i] ^= 0x5a
    bad = tmp_path / 'bad.elf'
    bad.write_bytes(bytes(image))
    run = subprocess.run(['qemu-system-s390x', '-M', 's390-ccw-virtio',
                          '-m', '1G', '-nographic', '-nic', 'none',
                          '-bios', str(bad), '-action', 'panic=exit-failure'],
                         stdin=subprocess.DEVNULL, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 1, run.stdout[-500:]
    assert 'virtboot' in run.stdout       # the hot code ran
    assert '=>' not in run.stdout         # the shell (cold) did not
