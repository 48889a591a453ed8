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
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / 'test' / 'py' / 'linux'))
import fixture  # noqa: E402

CMDLINE = 'console=ttysclp0 quiet'
TICKS = os.sysconf('SC_CLK_TCK')


def base_argv():
    return ['qemu-system-s390x', '-M', 's390-ccw-virtio', '-m', '1G',
            '-nographic', '-nic', 'none']


def disk_args(disk, scsi):
    drive = ['-drive', f'if=none,id=d0,file={disk},format=raw,readonly=on']
    if scsi:
        return drive + ['-device', 'virtio-scsi-ccw,id=scsi0', '-device',
                        'scsi-hd,drive=d0,bus=scsi0.0,bootindex=1']
    return drive + ['-device', 'virtio-blk-ccw,drive=d0,bootindex=1']


def cpu_seconds(pid):
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def run_once(argv):
    t0 = time.monotonic()
    p = pexpect.spawn(argv[0], argv[1:], encoding='latin-1', timeout=300)
    try:
        p.expect(fixture.MARKER)
        wall = time.monotonic() - t0
        cpu = cpu_seconds(p.pid)
        p.expect(r'cmdline: \[([^\]]*)\]')
        if p.match.group(1) != CMDLINE:
            sys.exit(f'wrong command line: {p.match.group(1)!r}')
        p.expect(pexpect.EOF, timeout=60)
    finally:
        if p.isalive():
            p.terminate(force=True)
        p.close()
    return wall, cpu


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
    res = {k: [] for k in ways}
    for i in range(args.runs):
        for name, argv in ways.items():
            wall, cpu = run_once(argv)
            res[name].append((wall, cpu))
            print(f'run {i + 1} {name:13} wall {wall:6.2f} s  cpu {cpu:6.2f} s',
                  flush=True)

    med = {k: (statistics.median(w for w, _ in v),
               statistics.median(c for _, c in v)) for k, v in res.items()}
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
