#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""virtboot against U-Boot on the same QEMU arm64 virt machine and disk.

    /usr/bin/python3 test/bench/bench-qemu-arm64.py [--runs N]
        [--virtboot build/qemu-arm64/virtboot.bin]
        [--uboot /usr/lib/u-boot/qemu_arm64/u-boot.bin]

Both firmwares get the same command line (one 64 MiB virtio-blk-pci disk
of random bytes, -nic none) and the same commands; runs alternate
(virtboot, U-Boot, virtboot, ...) so that a busy host slows both alike.
Measured from the host, per run:

  prompt   QEMU start to the first prompt or autoboot line
  scan     `virtio scan`
  read64   `virtio read` of the whole 64 MiB (one command)
  read1x4k 4096 `virtio read`s of one block each (a nested shell `for`
           loop in both, so the console output is the same)

and the image size. The table gives the median of each and the ratio
virtboot / U-Boot (below 1: virtboot is faster or smaller). A CRC of the
64 MiB read is compared with the host's to be sure both really read.
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
HEX = '0 1 2 3 4 5 6 7 8 9 a b c d e f'
LOOP = (f'for a in {HEX}; do for b in {HEX}; do for c in {HEX}; do '
        'virtio read 0x48000000 $a$b$c 1; done; done; done')


def qemu_argv(bios, disk):
    return ['qemu-system-aarch64', '-M', 'virt', '-cpu', 'cortex-a57',
            '-m', '1G', '-nographic', '-nic', 'none', '-bios', str(bios),
            '-drive', f'if=none,id=d0,file={disk},format=raw',
            '-device', 'virtio-blk-pci,drive=d0']


def run_once(bios, disk, crc):
    res = {}
    t0 = time.monotonic()
    p = pexpect.spawn(qemu_argv(bios, disk)[0], qemu_argv(bios, disk)[1:],
                      encoding='latin-1', timeout=600)
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
    res['read64'], out = cmd('virtio read 0x48000000 0 20000')
    if '131072 blocks read: OK' not in out:
        raise RuntimeError(f'{bios}: read failed: {out!r}')
    _, out = cmd('crc32 0x48000000 4000000')
    if f'{crc:08x}' not in out:
        raise RuntimeError(f'{bios}: wrong data: {out!r}, want {crc:08x}')
    res['read1x4k'], out = cmd(LOOP)
    if out.count('1 blocks read: OK') != 4096:
        raise RuntimeError(f'{bios}: the loop did not do 4096 reads')
    p.terminate(force=True)
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--virtboot',
                    default=REPO / 'build/qemu-arm64/virtboot.bin')
    ap.add_argument('--uboot', default='/usr/lib/u-boot/qemu_arm64/u-boot.bin')
    args = ap.parse_args()
    bins = {'virtboot': Path(args.virtboot), 'U-Boot': Path(args.uboot)}
    for name, path in bins.items():
        if not path.exists():
            sys.exit(f'{name}: {path} does not exist')

    with tempfile.TemporaryDirectory() as tmp:
        disk = Path(tmp) / 'disk.img'
        data = os.urandom(64 << 20)
        disk.write_bytes(data)
        crc = zlib.crc32(data)
        results = {name: [] for name in bins}
        for run in range(args.runs):
            for name, path in bins.items():
                results[name].append(run_once(path, disk, crc))
                print(f'run {run + 1} {name}: ' + ' '.join(
                    f'{k}={v:.3f}s' for k, v in results[name][-1].items()),
                    file=sys.stderr)

    keys = ['prompt', 'scan', 'read64', 'read1x4k']
    med = {n: {k: statistics.median(r[k] for r in rs) for k in keys}
           for n, rs in results.items()}
    print(f'{"":10} {"virtboot":>12} {"U-Boot":>12} {"ratio":>7}')
    for k in keys:
        v, u = med['virtboot'][k], med['U-Boot'][k]
        print(f'{k:10} {v:11.3f}s {u:11.3f}s {v / u:7.2f}')
    v, u = bins['virtboot'].stat().st_size, bins['U-Boot'].stat().st_size
    print(f'{"image":10} {v // 1024:9d} KiB {u // 1024:8d} KiB {v / u:7.2f}')


if __name__ == '__main__':
    main()
