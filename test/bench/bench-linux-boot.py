#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Power-on to Linux through extlinux.conf: virtboot against U-Boot on
qemu-arm64.

    /usr/bin/python3 test/bench/bench-linux-boot.py [--runs N]
        [--virtboot build/qemu-arm64/virtboot.bin]
        [--uboot /usr/lib/u-boot/qemu_arm64/u-boot.bin]

One virtio-blk-pci disk, GPT with one ext4 partition holding Debian's
arm64 kernel (the 33 MB uncompressed Image), the test initramfs
(test/py/linux/fixture.py) and /boot/extlinux/extlinux.conf as Debian's
u-boot-menu writes it, less its "menu title" line (U-Boot 2023.01 waits
the whole timeout whenever a title is present). Both firmwares boot the
disk by their own default bootcmd (U-Boot's distro boot, virtboot's
'bootflow scan -lb'), no key pressed, with the same bootdelay
(--bootdelay, default 0): U-Boot's through its default environment
with that bootdelay, stored in its second flash bank (which every
U-Boot run reads), virtboot's through a build of the same tree with
CONFIG_BOOTDELAY=N (build/bench-qemu-arm64-bdN/; virtboot has no saved
environment yet). Rows (wall seconds from QEMU's start):

  kernel    to the kernel's first console line ("Booting Linux on
            physical CPU", earlycon)
  init      to the init's marker

The table gives the medians of the alternating runs, the ratios virtboot
/ U-Boot and the issue's target for 'kernel' (<= 0.8).
"""

import argparse
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import pexpect

from benchlib import (cpu_seconds, log_run, medians, print_ratios,
                      record_rows, rounds)

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / 'test/py'))
sys.path.insert(0, str(REPO / 'test/py/linux'))
import fixture  # noqa: E402
from harness import fsimg  # noqa: E402

KEYS = ['kernel', 'init']
# CONFIG_ENV_SIZE of U-Boot's qemu_arm64
UBOOT_ENV_SIZE = 0x40000
TARGETS = {'kernel': 0.8}
VERSION = '6.1.0-arm64'


def make_disk(tmp):
    boot = tmp / 'root' / 'boot'
    (boot / 'extlinux').mkdir(parents=True)
    shutil.copyfile(fixture.kernel('arm64'), boot / f'vmlinuz-{VERSION}')
    shutil.copyfile(fixture.initramfs('arm64'), boot / f'initrd.img-{VERSION}')
    (boot / 'extlinux' / 'extlinux.conf').write_text(
        'default l0\nprompt 0\ntimeout 50\n\n\nlabel l0\n'
        f'\tmenu label Debian GNU/Linux 12 (bookworm) {VERSION}\n'
        f'\tlinux /boot/vmlinuz-{VERSION}\n'
        f'\tinitrd /boot/initrd.img-{VERSION}\n'
        '\tappend console=ttyAMA0 earlycon\n')
    fsimg.ext_image(tmp / 'root.img', tmp / 'root', 64 << 20)
    disk = tmp / 'disk.img'
    fsimg.partitioned_disk(disk, [(tmp / 'root.img', '8300')])
    return disk


def qemu_argv(bios, disk, flash):
    return ['qemu-system-aarch64', '-M', 'virt', '-cpu', 'cortex-a57',
            '-m', '1G', '-nographic', '-nic', 'none', '-bios', str(bios),
            '-drive', f'if=pflash,unit=1,file={flash},format=raw',
            '-drive', f'if=none,id=d0,file={disk},format=raw,readonly=on',
            '-device', 'virtio-blk-pci,drive=d0']


def uboot_env_flash(uboot, disk, path, bootdelay):
    """A flash bank holding U-Boot's default environment (read from its
    'printenv') with @bootdelay, in the layout its qemu_arm64 build reads
    at 0x4000000: a CRC-32 then ENV_SIZE - 4 bytes of name=value strings.
    (U-Boot's own saveenv times out writing QEMU's flash under TCG.)"""
    with open(path, 'wb') as f:
        f.write(b'\xff' * (64 << 20))
    argv = qemu_argv(uboot, disk, path)
    p = pexpect.spawn(argv[0], argv[1:], encoding='latin-1', timeout=60)
    p.expect('Hit any key to stop autoboot')
    p.send(' ')
    p.expect('=> ')
    p.sendline('printenv')
    p.expect('\r\n=> ')
    p.terminate(force=True)
    env = {}
    for line in p.before.replace('\r', '').split('\n')[1:]:
        if '=' in line and not line.startswith('Environment size'):
            name, value = line.split('=', 1)
            env[name] = value
    env['bootdelay'] = str(bootdelay)
    data = b''.join(f'{k}={v}'.encode() + b'\0' for k, v in env.items())
    data = (data + b'\0').ljust(UBOOT_ENV_SIZE - 4, b'\0')
    with open(path, 'r+b') as f:
        f.write(struct.pack('<I', zlib.crc32(data)) + data)


def virtboot_build(bootdelay):
    """virtboot.bin of this tree with CONFIG_BOOTDELAY=@bootdelay."""
    out = REPO / 'build' / f'bench-qemu-arm64-bd{bootdelay}'
    out.mkdir(parents=True, exist_ok=True)
    cfg = (REPO / 'build/qemu-arm64/.config').read_text()
    cfg = re.sub(r'^CONFIG_BOOTDELAY=.*$', f'CONFIG_BOOTDELAY={bootdelay}',
                 cfg, flags=re.M)
    old = (out / '.config').read_text() if (out / '.config').exists() else ''
    if old != cfg:
        (out / '.config').write_text(cfg)
    subprocess.run(['make', '-s', '-f', 'scripts/build.mk',
                    'BOARD=qemu-arm64', f'O={out}'], cwd=REPO, check=True)
    return out / 'virtboot.bin'


def run_once(bios, disk, flash):
    res = {}
    t0 = time.monotonic()
    argv = qemu_argv(bios, disk, flash)
    p = pexpect.spawn(argv[0], argv[1:], encoding='latin-1', timeout=120)
    try:
        p.expect('Booting Linux on physical CPU')
        res['kernel'] = (time.monotonic() - t0, cpu_seconds(p.pid))
        p.expect(fixture.MARKER)
        res['init'] = (time.monotonic() - t0, cpu_seconds(p.pid))
        p.expect(pexpect.EOF, timeout=30)
    finally:
        p.terminate(force=True)
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--runs', type=int, default=7)
    ap.add_argument('--virtboot',
                    default=REPO / 'build/qemu-arm64/virtboot.bin')
    ap.add_argument('--uboot', default='/usr/lib/u-boot/qemu_arm64/u-boot.bin')
    ap.add_argument('--bootdelay', type=int, default=0)
    args = ap.parse_args()
    virtboot = Path(args.virtboot)
    if args.bootdelay != 2:
        virtboot = virtboot_build(args.bootdelay)
    bins = {'virtboot': virtboot, 'U-Boot': Path(args.uboot)}
    for name, path in bins.items():
        if not path.exists():
            sys.exit(f'{name}: {path} does not exist')

    with tempfile.TemporaryDirectory() as tmp:
        disk = make_disk(Path(tmp))
        flash = Path(tmp) / 'flash1.img'
        uboot_env_flash(bins['U-Boot'], disk, flash, args.bootdelay)
        for path in bins.values():      # warm-up, not counted
            run_once(path, disk, flash)
        results = {name: [] for name in bins}
        for run, name in rounds(bins, args.runs):
            results[name].append(run_once(bins[name], disk, flash))
            log_run(f'run {run + 1} {name}', results[name][-1])

    med = {n: medians(rs, KEYS) for n, rs in results.items()}
    print_ratios(f'qemu-arm64, power-on to Linux through extlinux.conf on '
                 f'virtio-blk-pci, bootdelay {args.bootdelay}, median of '
                 f'{args.runs} runs',
                 med['virtboot'], med['U-Boot'], list(bins), KEYS, TARGETS)
    record_rows(f'qemu-arm64 Linux via extlinux.conf, bootdelay '
                f'{args.bootdelay}', results, list(bins),
                {'kernel': "to the kernel's first line",
                 'init': "to Linux's init"}, TARGETS)


if __name__ == '__main__':
    main()
