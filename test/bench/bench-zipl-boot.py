#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Power-on to Linux's init on qemu-s390x: virtboot against QEMU's own
firmware (s390-ccw.img) and QEMU's direct -kernel boot, same kernel,
same initramfs, same command line.

    /usr/bin/python3 test/bench/bench-zipl-boot.py [--runs N] [--scsi]
        [--virtboot build/qemu-s390x/virtboot.elf]

The disk is made by tools/mkzipl from the Linux fixture (test/py/linux/:
Debian's s390x kernel and a static init that prints a marker and powers
off). The firmwares boot it as the boot device (bootindex=1) from
virtio-blk-ccw, or with --scsi from a scsi-hd on virtio-scsi-ccw; -kernel
gets the kernel, initrd and command line from QEMU. Runs alternate
(virtboot, s390-ccw.img, -kernel, virtboot, ...) so that a busy host slows
each alike. Per run, measured from the host until the init's marker:

  wall   seconds since QEMU was started
  cpu    user + system seconds QEMU used (all its threads, from
         /proc/PID/stat), less sensitive to other load on the host

The table gives the medians and the ratios virtboot / s390-ccw.img and
virtboot / -kernel (targets: at most 1.0 and 1.2).
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path


REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / 'test' / 'py' / 'linux'))
sys.path.insert(0, str(REPO / 'test' / 'bench'))
import fixture  # noqa: E402
from benchlib import alternate_boots, boot_to_init  # noqa: E402

CMDLINE = 'console=ttysclp0 quiet'


def base_argv():
    return ['qemu-system-s390x', '-M', 's390-ccw-virtio', '-m', '1G',
            '-nographic', '-nic', 'none']


def disk_args(disk, scsi):
    drive = ['-drive', f'if=none,id=d0,file={disk},format=raw,readonly=on']
    if scsi:
        return drive + ['-device', 'virtio-scsi-ccw,id=scsi0', '-device',
                        'scsi-hd,drive=d0,bus=scsi0.0,bootindex=1']
    return drive + ['-device', 'virtio-blk-ccw,drive=d0,bootindex=1']


def run_once(argv):
    return boot_to_init(argv, fixture.MARKER, CMDLINE)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--scsi', action='store_true')
    ap.add_argument('--virtboot', type=Path,
                    default=REPO / 'build' / 'qemu-s390x' / 'virtboot.elf')
    args = ap.parse_args()

    kernel, initrd = fixture.kernel(), fixture.initramfs()
    tmp = tempfile.mkdtemp(prefix='bench-zipl-')
    disk = Path(tmp) / 'linux.img'
    os.system(f'make -s -C {REPO} tools')
    rc = os.system(f'{REPO}/build/tools/mkzipl -o {disk} -s 64M -k {kernel} '
                   f'-i {initrd} -c "{CMDLINE}"')
    if rc:
        sys.exit('mkzipl failed')

    ways = {
        'virtboot': base_argv() + ['-bios', str(args.virtboot)] +
        disk_args(disk, args.scsi),
        's390-ccw.img': base_argv() + disk_args(disk, args.scsi),
        '-kernel': base_argv() + ['-kernel', str(kernel), '-initrd',
                                  str(initrd), '-append', CMDLINE],
    }
    _, med = alternate_boots(ways, args.runs, run_once)
    print(f'\npower-on to init, {"virtio-scsi" if args.scsi else "virtio-blk"}'
          f', median of {args.runs} runs')
    print(f'{"":14} {"wall s":>8} {"cpu s":>8}')
    for k, (w, c) in med.items():
        print(f'{k:14} {w:8.2f} {c:8.2f}')
    vb = med['virtboot']
    for ref in ('s390-ccw.img', '-kernel'):
        print(f'virtboot / {ref:13} wall {vb[0] / med[ref][0]:5.2f}  '
              f'cpu {vb[1] / med[ref][1]:5.2f}')


if __name__ == '__main__':
    main()
