#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""virtboot on QEMU's s390-ccw-virtio machine: the s390x rows.

    /usr/bin/python3 test/bench/bench-qemu-s390x.py [--runs N]
        [--virtboot build/qemu-s390x/virtboot.elf]
        [--transport ccw|pci]

One 64 MiB disk of random bytes (virtio-blk-ccw, or virtio-blk-pci over
zPCI with --transport pci), -nic none. Measured from the host, per run:

  prompt   QEMU start to the autoboot line (the firmware waits for a key)
  scan     `virtio scan`
  read64   `virtio read` of the whole 64 MiB (one command)
  read1x4k 4096 `virtio read`s of one block each (a nested shell loop)

and the image size, next to QEMU's own s390-ccw.img (which has no shell,
so it has no other row). The table gives the median of each. A CRC of the
64 MiB read is compared with the host's to be sure the read is real.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import zlib
from pathlib import Path

import pexpect

REPO = Path(__file__).resolve().parents[2]
STOCK = Path('/usr/share/qemu/s390-ccw.img')
HEX = '0 1 2 3 4 5 6 7 8 9 a b c d e f'
LOOP = (f'for a in {HEX}; do for b in {HEX}; do for c in {HEX}; do '
        'virtio read $loadaddr $a$b$c 1; done; done; done')


def qemu_argv(bios, disk, transport):
    argv = ['qemu-system-s390x', '-M', 's390-ccw-virtio', '-m', '1G',
            '-nographic', '-nic', 'none', '-bios', str(bios),
            '-drive', f'if=none,id=d0,file={disk},format=raw',
            '-device', f'virtio-blk-{transport},drive=d0']
    if transport == 'pci':
        argv[1:1] = ['-cpu', 'qemu,zpci=on']
    return argv


def run_once(bios, disk, crc, transport):
    res = {}
    argv = qemu_argv(bios, disk, transport)
    t0 = time.monotonic()
    p = pexpect.spawn(argv[0], argv[1:], encoding='latin-1', timeout=600)
    p.delaybeforesend = None
    first = True
    while True:
        i = p.expect(['=> ', 'Hit any key to stop autoboot'])
        if first:
            res['prompt'] = time.monotonic() - t0
            first = False
        if i == 0:
            break
        p.send(' ')

    def cmd(line):
        p.sendline(line)
        p.expect_exact(line)       # the echo
        t = time.monotonic()
        p.expect('\n=> ')
        return time.monotonic() - t, p.before

    res['scan'], _ = cmd('virtio scan')
    res['read64'], out = cmd('virtio read $loadaddr 0 20000')
    if '131072 blocks read: OK' not in out:
        raise RuntimeError(f'{bios}: read failed: {out!r}')
    _, out = cmd('crc32 $loadaddr 4000000')
    if f'{crc:08x}' not in out:
        raise RuntimeError(f'{bios}: wrong data: {out!r}, want {crc:08x}')
    res['read1x4k'], out = cmd(LOOP)
    if out.count('1 blocks read: OK') != 4096:
        raise RuntimeError(f'{bios}: the loop did not do 4096 reads')
    p.sendline('poweroff')
    p.expect(pexpect.EOF)
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--virtboot',
                    default=REPO / 'build/qemu-s390x/virtboot.elf')
    ap.add_argument('--transport', choices=['ccw', 'pci'], default='ccw')
    args = ap.parse_args()
    bios = Path(args.virtboot)
    if not bios.exists():
        sys.exit(f'{bios} does not exist: make BOARD=qemu-s390x')

    with tempfile.TemporaryDirectory() as tmp:
        disk = Path(tmp) / 'disk.img'
        data = os.urandom(64 << 20)
        disk.write_bytes(data)
        crc = zlib.crc32(data)
        results = []
        for run in range(args.runs):
            results.append(run_once(bios, disk, crc, args.transport))
            print(f'run {run + 1}: ' + ' '.join(
                f'{k}={v:.3f}s' for k, v in results[-1].items()),
                file=sys.stderr)

    print(f'qemu-s390x, virtio-blk-{args.transport}, median of {args.runs}')
    for k in ['prompt', 'scan', 'read64', 'read1x4k']:
        print(f'{k:10} {statistics.median(r[k] for r in results):9.3f}s')
    size = bios.stat().st_size
    line = f'{"image":10} {size:9d} bytes ({size / 1024:.1f} KiB)'
    if STOCK.exists():
        line += f'; s390-ccw.img {STOCK.stat().st_size} bytes'
    print(line)


if __name__ == '__main__':
    main()
