#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""`load` of a 64 MiB file: virtboot against U-Boot on qemu-arm64.

    /usr/bin/python3 test/bench/bench-fs-load.py [--runs N]
        [--virtboot build/qemu-arm64/virtboot.bin]
        [--uboot /usr/lib/u-boot/qemu_arm64/u-boot.bin]

One virtio-blk-pci disk, GPT: partition 1 ext4 (4 KiB blocks), partition
2 FAT32 (32 KiB clusters, mkfs.vfat's choice), each holding a 64 MiB file
written in one piece (big.bin) and one written into 256 KiB holes left
between other files (frag.bin: about 260 pieces). Both firmwares run the
same `load virtio 0:N 48000000 /file` commands; rows:

  ext4     big.bin from ext4          ext4frag  frag.bin from ext4
  fat      big.bin from FAT32         fatfrag   frag.bin from FAT32

each timed over 12 loads in a shell loop (the host memory behind the
destination is allocated by an untimed load first), the time divided by
12. The CRC of what each load left in memory is checked against the
host's bytes. The table gives the medians, the ratios virtboot / U-Boot
and the issue's target (<= 1.0).
"""

import argparse
import sys
import tempfile
import zlib
from pathlib import Path

from benchlib import (Firmware, log_run, medians, print_ratios, record_rows,
                      rounds)

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / 'test/py'))
from harness import fsimg  # noqa: E402

MIB = 1 << 20
ROWS = {'ext4': ('1', 'big.bin'), 'ext4frag': ('1', 'frag.bin'),
        'fat': ('2', 'big.bin'), 'fatfrag': ('2', 'frag.bin')}
TARGETS = {k: 1.0 for k in ROWS}
N = 12
ADDR = '48000000'


def qemu_argv(bios, disk):
    return ['qemu-system-aarch64', '-M', 'virt', '-cpu', 'cortex-a57',
            '-m', '1G', '-nographic', '-nic', 'none', '-bios', str(bios),
            '-drive', f'if=none,id=d0,file={disk},format=raw',
            '-device', 'virtio-blk-pci,drive=d0']


def make_disk(tmp):
    """The disk and {row: crc of the file it loads}."""
    import random
    big = random.Random(1).randbytes(64 * MIB)
    tree = tmp / 'tree'
    tree.mkdir()
    (tree / 'big.bin').write_bytes(big)
    fsimg.ext_image(tmp / 'e.img', tree, 300 * MIB)
    efrag = fsimg.ext_fragment(tmp / 'e.img', tmp / 'x', 'frag.bin', 2,
                               64 * MIB, 256 << 10, 540)
    fsimg.fat_image(tmp / 'f.img', tree, 300 * MIB, 32)
    ffrag = fsimg.fat_fragment(tmp / 'f.img', tmp / 'x', 'frag.bin', 3,
                               64 * MIB, 256 << 10, 540)
    fsimg.partitioned_disk(tmp / 'disk.img', [(tmp / 'e.img', '8300'),
                                              (tmp / 'f.img', '0700')])
    crc = zlib.crc32(big)
    return tmp / 'disk.img', {'ext4': crc, 'fat': crc,
                              'ext4frag': zlib.crc32(efrag),
                              'fatfrag': zlib.crc32(ffrag)}


def run_once(bios, disk, crcs, name):
    res = {}
    fw = Firmware(qemu_argv(bios, disk), res)
    fw.cmd('virtio scan')
    for row, (part, path) in ROWS.items():
        load = f'load virtio 0:{part} {ADDR} /{path}'
        _, _, out = fw.cmd(load)
        if '67108864 bytes read' not in out:
            raise RuntimeError(f'{name}: {load}: {out!r}')
        w, c, out = fw.cmd(f'for i in {" ".join(["x"] * N)}; do {load}; '
                           f'done')
        if out.count('67108864 bytes read') != N:
            raise RuntimeError(f'{name}: {load} in a loop: {out!r}')
        res[row] = (w / N, c / N)
        _, _, out = fw.cmd(f'crc32 {ADDR} 4000000')
        if f'{crcs[row]:08x}' not in out:
            raise RuntimeError(f'{name}: {row}: wrong data: {out!r}')
        fw.cmd(f'mw {ADDR} 0 100')
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
        disk, crcs = make_disk(Path(tmp))
        for path in bins.values():      # warm-up, not counted
            Firmware(qemu_argv(path, disk)).close()
        results = {name: [] for name in bins}
        for run, name in rounds(bins, args.runs):
            results[name].append(run_once(bins[name], disk, crcs, name))
            log_run(f'run {run + 1} {name}', results[name][-1])

    keys = list(ROWS)
    med = {n: medians(rs, keys) for n, rs in results.items()}
    print_ratios(f'qemu-arm64, load of 64 MiB from ext4 and FAT32 on '
                 f'virtio-blk-pci, median of {args.runs} runs',
                 med['virtboot'], med['U-Boot'], list(bins), keys, TARGETS)
    record_rows('qemu-arm64 load of 64 MiB (virtio-blk-pci)', results,
                list(bins), {'ext4': 'ext4', 'ext4frag': 'ext4, ~260 pieces',
                             'fat': 'FAT32', 'fatfrag': 'FAT32, ~260 pieces'},
                TARGETS)


if __name__ == '__main__':
    main()
