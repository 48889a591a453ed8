#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Power-on to Linux's init on qemu-s390x: virtboot against QEMU's own
firmware (s390-ccw.img) and QEMU's direct -kernel boot, same kernel,
same initramfs, same command line; and power-on to a payload behind
32 MiB of zipl components, virtboot against s390-ccw.img.

    /usr/bin/python3 test/bench/bench-zipl-boot.py [--runs N] [--scsi]
        [--payload-runs N] [--payload-only]
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

The payload case leaves Linux, whose own run-to-run spread is larger than
the firmwares' whole difference, out: a second mkzipl disk on the same
transport whose one entry loads 32 MiB of random bytes at 16 MiB and a
32-byte program at 0x10000 (its start), which loads a disabled-wait PSW
with address 0xfff. QEMU takes that PSW as the guest's shutdown
(is_special_wait_psw()) and exits with status 0; any other disabled wait
is a guest panic, which -action panic=exit-failure makes status 1, so a
firmware that fails (s390-ccw.img stops in a disabled wait with its
error) is caught. Per run (--payload-runs, default 11; the first boot of
each firmware is not counted), from QEMU's start to its exit: wall
seconds, and the cpu seconds of the exited QEMU (its rusage: exact, not
in 10 ms ticks). Runs alternate, the order reversed every round. The
table gives the medians, the range of the per-run values and the ratio
virtboot / s390-ccw.img (target: at most 1.0 over virtio-blk-ccw, 0.5
over virtio-scsi-ccw).
"""

import argparse
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / 'test' / 'py' / 'linux'))
sys.path.insert(0, str(REPO / 'test' / 'bench'))
import fixture  # noqa: E402
from benchlib import (alternate_boots, boot_to_init, record,  # noqa: E402
                      rounds)

CMDLINE = 'console=ttysclp0 quiet'
MIB = 1 << 20
PAYLOAD_SIZE = 32 * MIB
PAYLOAD_ADDR = 0x1000000
STOP_ADDR = 0x10000
# At STOP_ADDR, in whatever addressing mode the firmware starts it:
#   larl  %r1,.+16          the PSW below
#   lpswe 0(%r1)
#   bcr   0,%r7 (x3)        padding to the PSW's doubleword
#   .quad 0x0002000000000000, 0xfff   disabled wait, QEMU's "shutdown"
STOP_PROGRAM = bytes.fromhex('c01000000008' 'b2b21000' '070707070707'
                             '0002000000000000' '0000000000000fff')
# The targets for virtboot / s390-ccw.img on the payload case
PAYLOAD_TARGET = {False: 1.0, True: 0.5}


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


def mkzipl(*args):
    subprocess.run([str(REPO / 'build' / 'tools' / 'mkzipl'), *args],
                   check=True)


def payload_disk(tmp):
    """The payload case's disk in folder @tmp."""
    (tmp / 'payload.bin').write_bytes(os.urandom(PAYLOAD_SIZE))
    (tmp / 'stop.bin').write_bytes(STOP_PROGRAM)
    disk = tmp / 'payload.img'
    mkzipl('-o', str(disk), '-s', '48M',
           '-l', f'{tmp / "payload.bin"}@{PAYLOAD_ADDR:#x}',
           '-l', f'{tmp / "stop.bin"}@{STOP_ADDR:#x}', '-x', f'{STOP_ADDR:#x}')
    return disk


def to_exit(argv, name):
    """Run QEMU (@argv) to its exit: (wall seconds from its start, cpu
    seconds it used, wall seconds to its first console output). Exits
    the script if QEMU's status is not 0 (the payload did not run)."""
    t0 = time.monotonic()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    first = None
    out = b''
    deadline = t0 + 60
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([p.stdout], [], [], left)[0]:
            p.kill()
            out += b'\n[no exit in 60 s]'
            break
        chunk = os.read(p.stdout.fileno(), 4096)
        if not chunk:
            break
        if first is None:
            first = time.monotonic() - t0
        out += chunk
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    p.stdout.close()
    if p.returncode:
        sys.exit(f'{name}: QEMU exited with status {p.returncode}, not at '
                 f'the payload; last output:\n'
                 f'{out[-500:].decode("latin-1")}')
    return wall, ru.ru_utime + ru.ru_stime, first or wall


def payload_case(args, bench):
    transport = 'virtio-scsi-ccw' if args.scsi else 'virtio-blk-ccw'
    with tempfile.TemporaryDirectory(prefix='bench-zipl-') as tmp:
        disk = payload_disk(Path(tmp))
        tail = ['-action', 'panic=exit-failure'] + disk_args(disk, args.scsi)
        ways = {'virtboot': base_argv() + ['-bios', str(args.virtboot)] + tail,
                's390-ccw.img': base_argv() + tail}
        for name, argv in ways.items():     # warm-up, not counted
            to_exit(argv, name)
        res = {k: [] for k in ways}
        for run, name in rounds(ways, args.payload_runs):
            res[name].append(to_exit(ways[name], name))
            w, c, f = res[name][-1]
            print(f'run {run + 1} {name:13} wall {w * 1000:6.1f} ms  '
                  f'cpu {c * 1000:6.1f} ms  first output {f * 1000:6.1f} ms',
                  flush=True)

    print(f'\npower-on to a payload behind 32 MiB of zipl components, '
          f'{transport}, median [range] of {args.payload_runs} runs, ms')
    print(f'{"":14} {"wall":>22} {"cpu":>22} {"first output":>22}')
    med = {}
    for name, runs in res.items():
        cols = list(zip(*runs))
        med[name] = [statistics.median(c) for c in cols]
        print(f'{name:14} ' + ' '.join(
            f'{m * 1000:6.1f} [{min(c) * 1000:5.1f}-{max(c) * 1000:5.1f}]'
            .rjust(22) for m, c in zip(med[name], cols)))
    vb, ref = med['virtboot'], med['s390-ccw.img']
    target = PAYLOAD_TARGET[args.scsi]
    verdict = 'met' if vb[0] / ref[0] <= target else 'missed'
    print(f'virtboot / s390-ccw.img   wall {vb[0] / ref[0]:5.2f}  '
          f'cpu {vb[1] / ref[1]:5.2f}   target <= {target:g} (wall): '
          f'{verdict}')
    record(bench, '32 MiB payload', [r[:2] for r in res['virtboot']],
           's390-ccw.img', [r[:2] for r in res['s390-ccw.img']], target)


def linux_case(args, bench):
    kernel, initrd = fixture.kernel(), fixture.initramfs()
    tmp = tempfile.mkdtemp(prefix='bench-zipl-')
    disk = Path(tmp) / 'linux.img'
    mkzipl('-o', str(disk), '-s', '64M', '-k', str(kernel), '-i', str(initrd),
           '-c', CMDLINE)

    ways = {
        'virtboot': base_argv() + ['-bios', str(args.virtboot)] +
        disk_args(disk, args.scsi),
        's390-ccw.img': base_argv() + disk_args(disk, args.scsi),
        '-kernel': base_argv() + ['-kernel', str(kernel), '-initrd',
                                  str(initrd), '-append', CMDLINE],
    }
    res, med = alternate_boots(ways, args.runs, run_once)
    shutil.rmtree(tmp)
    print(f'\npower-on to init, {"virtio-scsi" if args.scsi else "virtio-blk"}'
          f', median of {args.runs} runs')
    print(f'{"":14} {"wall s":>8} {"cpu s":>8}')
    for k, (w, c) in med.items():
        print(f'{k:14} {w:8.2f} {c:8.2f}')
    vb = med['virtboot']
    for ref, target in (('s390-ccw.img', 1.0), ('-kernel', 1.2)):
        print(f'virtboot / {ref:13} wall {vb[0] / med[ref][0]:5.2f}  '
              f'cpu {vb[1] / med[ref][1]:5.2f}')
        record(bench, "Linux's init", res['virtboot'], ref, res[ref],
               target)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--payload-runs', type=int, default=11)
    ap.add_argument('--payload-only', action='store_true',
                    help='only the payload case, no Linux boots')
    ap.add_argument('--scsi', action='store_true')
    ap.add_argument('--virtboot', type=Path,
                    default=REPO / 'build' / 'qemu-s390x' / 'virtboot.elf')
    args = ap.parse_args()

    subprocess.run(['make', '-s', '-C', str(REPO), 'tools'], check=True)
    bench = (f'qemu-s390x IPL from '
             f'{"virtio-scsi-ccw" if args.scsi else "virtio-blk-ccw"}')
    if not args.payload_only:
        linux_case(args, bench)
    payload_case(args, bench)


if __name__ == '__main__':
    main()
