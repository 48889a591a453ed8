#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""virtboot against U-Boot on the same QEMU arm64 virt machine and disk.

    /usr/bin/python3 test/bench/bench-qemu-arm64.py [--runs N]
        [--virtboot build/qemu-arm64/virtboot.bin]
        [--uboot /usr/lib/u-boot/qemu_arm64/u-boot.bin]

Both firmwares get the same command line (one 64 MiB virtio-blk-pci disk
of random bytes, -nic none) and the same commands. One untimed boot of
each first brings QEMU, both images and the disk into the host's cache;
then the runs alternate, the order reversed every round (virtboot, U-Boot,
U-Boot, virtboot, ...) so that neither always goes first. Measured from
the host, per run, from the moment the command is sent to the next
prompt (benchlib.py: wall and QEMU's cpu time):

  prompt   QEMU start to the first prompt or autoboot line
  scan     `virtio scan`
  ready    prompt + scan: U-Boot's board code probes the virtio devices
           before its prompt (virtio_init()), virtboot at the first
           `virtio` command, so the sum compares the same work
  read64c  `virtio read` of the whole 64 MiB (one command), the first
           one: the host memory behind that guest RAM is allocated as
           the device writes it, which costs the host from a few ms to
           most of a second depending on its load, alike for both
  read64   the same read into the same, now allocated, memory: the
           firmware and the device alone; 32 reads in a shell loop, the
           time divided by 32 (one read is too short to time alone)
  read1x4k 4096 `virtio read`s of one block each (a nested shell `for`
           loop in both, so the console output is the same)

and the image size. The table gives the median of each, the ratios
virtboot / U-Boot (below 1: virtboot is faster or smaller) and the
targets of the virtio issue. The CRC of what each 64 MiB read left in
memory is compared with the host's to be sure both really read.
"""

import argparse
import os
import sys
import tempfile
import zlib
from pathlib import Path

from benchlib import (Firmware, log_run, medians, print_ratios, record,
                      record_rows, rounds, virtio_read_rows)

REPO = Path(__file__).resolve().parents[2]
# Targets of the virtio issue, as ratios virtboot / U-Boot
TARGETS = {'prompt': 0.5, 'read64c': 1.0, 'read64': 1.0}
KEYS = ['prompt', 'scan', 'ready', 'read64c', 'read64', 'read1x4k']
# The rows of the figure (plot.py)
ROWS = {'prompt': 'prompt', 'scan': 'virtio scan',
        'ready': 'ready (prompt + scan)', 'read64c': '64 MiB read, first',
        'read64': '64 MiB read, warm', 'read1x4k': '4096 one-block reads'}
BENCH = 'qemu-arm64 shell (virtio-blk-pci)'
IMAGE_TARGET = 256 << 10


def qemu_argv(bios, disk):
    return ['qemu-system-aarch64', '-M', 'virt', '-cpu', 'cortex-a57',
            '-m', '1G', '-nographic', '-nic', 'none', '-bios', str(bios),
            '-drive', f'if=none,id=d0,file={disk},format=raw',
            '-device', 'virtio-blk-pci,drive=d0']


def run_once(bios, disk, crc):
    res = {}
    fw = Firmware(qemu_argv(bios, disk), res)
    virtio_read_rows(fw, res, bios, crc, '0x48000000',
                     'mw 0x48000000 0 40000; mw 0x4bf00000 0 40000')
    # U-Boot probes virtio before its prompt, virtboot at the first command
    res['ready'] = tuple(p + s for p, s in zip(res['prompt'], res['scan']))
    fw.close()
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
        for path in bins.values():      # warm-up, not counted
            Firmware(qemu_argv(path, disk)).close()
        results = {name: [] for name in bins}
        for run, name in rounds(bins, args.runs):
            results[name].append(run_once(bins[name], disk, crc))
            log_run(f'run {run + 1} {name}', results[name][-1])

    med = {n: medians(rs, KEYS) for n, rs in results.items()}
    print_ratios(f'qemu-arm64, virtio-blk-pci, median of {args.runs} runs',
                 med['virtboot'], med['U-Boot'], list(bins), KEYS, TARGETS)
    v, u = bins['virtboot'].stat().st_size, bins['U-Boot'].stat().st_size
    print(f'{"image":10} {v // 1024:6d} KiB {u // 1024:6d} KiB  '
          f'{v / u:6.2f} {"":6}  <= 256 KiB: '
          f'{"met" if v <= IMAGE_TARGET else "missed"}')
    record_rows(BENCH, results, list(bins), ROWS, TARGETS)
    record(BENCH, 'image size', [v], 'U-Boot', [u], IMAGE_TARGET / u)


if __name__ == '__main__':
    main()
