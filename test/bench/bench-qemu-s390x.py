#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""virtboot on QEMU's s390-ccw-virtio machine: the s390x rows.

    /usr/bin/python3 test/bench/bench-qemu-s390x.py [--runs N]
        [--virtboot build/qemu-s390x/virtboot.elf]
        [--transport ccw|pci]

One 64 MiB disk of random bytes (virtio-blk-ccw, or virtio-blk-pci over
zPCI with --transport pci), -nic none. One untimed boot first brings QEMU,
the image and the disk into the host's cache. Measured from the host, per
run, from the moment the command is sent to the next prompt (benchlib.py:
wall and QEMU's cpu time):

  prompt   QEMU start to the autoboot line (the firmware waits for a key)
  scan     `virtio scan`
  read64c  `virtio read` of the whole 64 MiB (one command), the first:
           the host allocates the memory behind that guest RAM as the
           device writes it, at a cost that depends on the host's load
  read64   the same read into the same, now allocated, memory (32 reads
           in a shell loop, the time divided by 32)
  read1x4k 4096 `virtio read`s of one block each (a nested shell loop)

and the image size, next to QEMU's own s390-ccw.img: that firmware has no
shell, so it has no other row (bench-zipl-boot.py compares the two on
what they share, booting Linux). The table gives the median of each. The
CRC of what the 64 MiB reads left in memory is compared with the host's
to be sure the reads are real.
"""

import argparse
import os
import re
import sys
import tempfile
import zlib
from pathlib import Path

import pexpect

from benchlib import Firmware, log_run, medians, record, virtio_read_rows

REPO = Path(__file__).resolve().parents[2]
STOCK = Path('/usr/share/qemu/s390-ccw.img')
KEYS = ['prompt', 'scan', 'read64c', 'read64', 'read1x4k']


def image_max(bios):
    """CONFIG_S390_IMAGE_MAX of the build of @bios (its .config beside it),
    the size the build refuses to pass; None if there is none."""
    try:
        cfg = (Path(bios).parent / '.config').read_text()
    except OSError:
        return None
    m = re.search(r'^CONFIG_S390_IMAGE_MAX=(\S+)$', cfg, re.M)
    return int(m.group(1), 0) if m else None


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
    fw = Firmware(qemu_argv(bios, disk, transport), res)
    virtio_read_rows(fw, res, bios, crc, '$loadaddr',
                     'mw $loadaddr 0 40000; '
                     'setexpr bench_end $loadaddr + 3f00000; '
                     'mw $bench_end 0 40000')
    fw.p.sendline('poweroff')
    fw.p.expect(pexpect.EOF)
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
        Firmware(qemu_argv(bios, disk, args.transport)).close()  # warm-up
        results = []
        for run in range(args.runs):
            results.append(run_once(bios, disk, crc, args.transport))
            log_run(f'run {run + 1}', results[-1])

    med = medians(results, KEYS)
    print(f'qemu-s390x, virtio-blk-{args.transport}, median of {args.runs}'
          ' runs (s390-ccw.img has no shell: no peer for these rows)')
    print(f'{"":10} {"wall s":>10} {"cpu s":>10}')
    for k in KEYS:
        print(f'{k:10} {med[k][0]:10.3f} {med[k][1]:10.3f}')
    size = bios.stat().st_size
    limit = image_max(bios)
    line = f'{"image":10} {size:10d} bytes'
    if STOCK.exists():
        stock = STOCK.stat().st_size
        line += f'; s390-ccw.img {stock} bytes, ratio {size / stock:.2f}'
        record('qemu-s390x image', 'image size', [size], 's390-ccw.img',
               [stock], limit / stock if limit else None)
    if limit:
        line += (f'; <= CONFIG_S390_IMAGE_MAX ({limit} bytes): '
                 f'{"met" if size <= limit else "missed"}')
    print(line)


if __name__ == '__main__':
    main()
