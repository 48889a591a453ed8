#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Power-on to Linux's init over the network on qemu-s390x: virtboot
against QEMU's own network boot (s390-ccw.img, which loads
s390-netboot.img when the IPL device is a network card), same TFTP
folder, same files.

    /usr/bin/python3 test/bench/bench-netboot.py [--runs N]
        [--virtboot build/qemu-s390x/virtboot.elf]

The folder holds Debian's s390x kernel and the test initramfs
(test/py/linux/) and pxelinux.cfg/default naming them with a command
line; QEMU's user network serves it by TFTP (-netdev user,tftp=DIR), and
a virtio-net-ccw card with bootindex=1 is the IPL device. Both firmwares
do DHCP, try pxelinux's names (01-<MAC>, the IP in hex...) until
"default", then fetch the kernel and the initrd. Runs alternate
(virtboot, QEMU's, virtboot, ...) so that a busy host slows each alike.
Per run, until the init's marker: wall seconds since QEMU was started,
and cpu (user + system seconds of QEMU, all threads). The table gives
the medians and the ratio virtboot / QEMU's (target: at most 1.0).
"""

import argparse
import shutil
import sys
import tempfile
from pathlib import Path


REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / 'test' / 'py' / 'linux'))
sys.path.insert(0, str(REPO / 'test' / 'bench'))
import fixture  # noqa: E402
from benchlib import alternate_boots, boot_to_init, record  # noqa: E402

CMDLINE = 'console=ttysclp0 quiet'


def argv_for(tftp, bios):
    argv = ['qemu-system-s390x', '-M', 's390-ccw-virtio', '-m', '1G',
            '-nographic', '-netdev', f'user,id=n0,tftp={tftp}',
            '-device', 'virtio-net-ccw,netdev=n0,bootindex=1']
    return argv + (['-bios', str(bios)] if bios else [])


def run_once(argv):
    return boot_to_init(argv, fixture.MARKER, CMDLINE)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--runs', type=int, default=7)
    ap.add_argument('--virtboot', type=Path,
                    default=REPO / 'build' / 'qemu-s390x' / 'virtboot.elf')
    args = ap.parse_args()

    tftp = Path(tempfile.mkdtemp(prefix='bench-netboot-'))
    shutil.copyfile(fixture.kernel(), tftp / 'vmlinuz')
    shutil.copyfile(fixture.initramfs(), tftp / 'initrd')
    (tftp / 'pxelinux.cfg').mkdir()
    (tftp / 'pxelinux.cfg' / 'default').write_text(
        f'default linux\nlabel linux\n kernel vmlinuz\n initrd initrd\n'
        f' append {CMDLINE}\n')

    ways = {'virtboot': argv_for(tftp, args.virtboot),
            'qemu-netboot': argv_for(tftp, None)}
    res, med = alternate_boots(ways, args.runs, run_once)
    shutil.rmtree(tftp)
    print(f'\nnetwork boot, power-on to init, median of {args.runs} runs')
    print(f'{"":14} {"wall s":>8} {"cpu s":>8}')
    for k, (w, c) in med.items():
        print(f'{k:14} {w:8.2f} {c:8.2f}')
    vb, ref = med['virtboot'], med['qemu-netboot']
    print(f'virtboot / qemu-netboot   wall {vb[0] / ref[0]:5.2f}  '
          f'cpu {vb[1] / ref[1]:5.2f}')
    record('qemu-s390x network boot (virtio-net-ccw)', "to Linux's init",
           res['virtboot'], "QEMU's netboot", res['qemu-netboot'], 1.0)


if __name__ == '__main__':
    main()
