#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""virtio-scsi against virtio-blk, and the SCSI scan, on one board.

    /usr/bin/python3 test/bench/bench-virtio-scsi.py --board qemu-arm64
        [--runs N] [--bin FILE]

Per run, one boot with two 64 MiB disks of the same random bytes, one
virtio-blk and one virtio-scsi LUN (target 0 LUN 0), then:

  blk64    `virtio read` of the whole virtio-blk disk (host wall time
           from the send of the command to the prompt; 4 reads in a
           loop, divided by 4)
  scsi64   the same through virtio-scsi (`scsi read` of scsi device 0)
  scan     a second boot with 64 LUNs spread over targets 0..217 of a
           controller with max_target 255: the time of the first scan as
           the firmware itself measured it (`scsi info`: SCSI commands
           only) and, apart, the time it took to read the partition
           tables of the 64 disks

Each 64 MiB read is checked by crc32 against the host's. The table gives
the median of the runs. Boards: sandbox, qemu-arm64 (virtio-*-pci),
qemu-s390x (virtio-*-ccw).
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import zlib
from pathlib import Path

from benchlib import Firmware, record

REPO = Path(__file__).resolve().parents[2]
SIZE = 64 << 20


def argv_for(board, binary, blk, scsi_disks):
    """Command line with @blk (virtio-blk, may be None) and the SCSI LUNs
    @scsi_disks [(path, target, lun)]."""
    if board == 'sandbox':
        argv = [str(binary)]
        if blk:
            argv += ['--blk', str(blk)]
        for path, t, l in scsi_disks:
            argv += ['--scsi', f'{path},target={t},lun={l}']
        return argv
    if board == 'qemu-arm64':
        argv = ['qemu-system-aarch64', '-M', 'virt', '-cpu', 'cortex-a57',
                '-m', '1G', '-nographic', '-nic', 'none', '-bios',
                str(binary)]
        bus = 'pci'
    else:
        argv = ['qemu-system-s390x', '-M', 's390-ccw-virtio', '-m', '1G',
                '-nographic', '-nic', 'none', '-bios', str(binary)]
        bus = 'ccw'
    if blk:
        argv += ['-drive', f'if=none,id=b0,file={blk},format=raw',
                 '-device', f'virtio-blk-{bus},drive=b0']
    if scsi_disks:
        argv += ['-device', f'virtio-scsi-{bus},id=scsi0']
    for i, (path, t, l) in enumerate(scsi_disks):
        argv += ['-drive', f'if=none,id=s{i},file={path},format=raw',
                 '-device', f'scsi-hd,drive=s{i},bus=scsi0.0,channel=0,'
                 f'scsi-id={t},lun={l}']
    return argv


class Board(Firmware):
    def __init__(self, argv):
        super().__init__(argv, cwd=str(REPO))

    def cmd(self, line):
        """(wall seconds, output) of @line, timed from the send."""
        wall, _, out = super().cmd(line)
        return wall, out


def read64(b, iface, crc):
    """Seconds one 64 MiB read of device 0 of @iface ('virtio', 'scsi')
    takes: 4 reads in a shell loop, timed together (one is too short to
    time alone from the host). Both ends of the buffer are cleared first:
    the two disks hold the same bytes, so without that the CRC could be
    the other disk's."""
    b.cmd(f'{iface} device 0')
    b.cmd('mw $loadaddr 0 40000; setexpr bench_end $loadaddr + 3f00000; '
          'mw $bench_end 0 40000')
    t, out = b.cmd('for i in 1 2 3 4; do '
                   f'{iface} read $loadaddr 0 {SIZE // 512:x}; done')
    if out.count(f'{SIZE // 512} blocks read: OK') != 4:
        raise RuntimeError(f'read failed: {out!r}')
    t /= 4
    _, out = b.cmd(f'crc32 $loadaddr {SIZE:x}')
    if f'{crc:08x}' not in out:
        raise RuntimeError(f'wrong data: {out!r}, want {crc:08x}')
    return t


def run_once(board, binary, tmp, crc):
    res = {}
    b = Board(argv_for(board, binary, tmp / 'blk.img',
                       [(tmp / 'scsi.img', 0, 0)]))
    # Each disk twice, alternating, the second read counted: the host's
    # page cache holds both files alike by then, and the guest RAM of
    # the buffer is allocated on the host (the first read paid for it)
    for _ in range(2):
        res['blk64'] = read64(b, 'virtio', crc)
        res['scsi64'] = read64(b, 'scsi', crc)
    b.close()

    luns = [(tmp / f'l{i}.img', (i % 8) * 31, (i // 8) * 37)
            for i in range(64)]
    b = Board(argv_for(board, binary, None, luns))
    # The first scan (at start-up, with each LUN's UNIT ATTENTION)
    _, out = b.cmd('scsi info')
    m = re.search(r'(\d+) LUNs, 0 failed, (\d+) commands in ([\d.]+) ms '
                  r'\(partition tables ([\d.]+) ms\)', out)
    if not m or m.group(1) != '64':
        raise RuntimeError(f'scan: {out!r}')
    res['scan'] = float(m.group(3)) / 1000
    res['parttab'] = float(m.group(4)) / 1000
    res['cmds'] = int(m.group(2))
    b.close()
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--board', default='sandbox',
                    choices=['sandbox', 'qemu-arm64', 'qemu-s390x'])
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--bin')
    args = ap.parse_args()
    binary = Path(args.bin) if args.bin else REPO / 'build' / args.board / {
        'sandbox': 'virtboot', 'qemu-arm64': 'virtboot.bin',
        'qemu-s390x': 'virtboot.elf'}[args.board]
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        data = os.urandom(SIZE)
        (tmp / 'blk.img').write_bytes(data)
        (tmp / 'scsi.img').write_bytes(data)
        for i in range(64):
            with open(tmp / f'l{i}.img', 'wb') as f:
                f.truncate(1 << 20)
        runs = [run_once(args.board, binary, tmp, zlib.crc32(data))
                for _ in range(args.runs)]
    print(f'{args.board}, median of {args.runs} runs:')
    for key, what in (('blk64', '64 MiB read, virtio-blk'),
                      ('scsi64', '64 MiB read, virtio-scsi'),
                      ('scan', 'scan, 256 targets, 64 LUNs'),
                      ('parttab', '... then 64 partition tables')):
        print(f'  {what:32} {statistics.median(r[key] for r in runs) * 1000:9.1f} ms')
    print(f'  {"scan commands":32} {runs[0]["cmds"]:9d}')
    blk = statistics.median(r['blk64'] for r in runs)
    scsi = statistics.median(r['scsi64'] for r in runs)
    scan = statistics.median(r['scan'] for r in runs)
    print(f'  {"ratio virtio-scsi / virtio-blk":32} {scsi / blk:9.2f}')
    record('virtboot against itself, 64 MiB read', args.board,
           [r['scsi64'] for r in runs], 'virtio-blk',
           [r['blk64'] for r in runs], name='virtio-scsi')
    print(f'  scan target <= 50 ms: {"met" if scan <= 0.050 else "missed"}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
