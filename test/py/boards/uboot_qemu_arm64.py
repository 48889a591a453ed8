# SPDX-License-Identifier: GPL-2.0-or-later
"""U-Boot 2023.01 built by `make uboot-module` (qemu_arm64_defconfig with
virtboot's virtio-scsi driver), as -bios of qemu-system-aarch64 -M virt.

Not a virtboot board (it is not in boards.BOARDS and has no --board): the
qemu-arm64 tests of test_uboot_module.py start it with harness.Console.
The QEMU command line is qemu-arm64's, so Disk() means the same here.
"""

from . import qemu_arm64

NAME = 'u-boot-qemu-arm64'
ENDIAN = 'little'
BOOT_TIMEOUT = 60
TIMEOUT = 60
POWEROFF_TIMEOUT = 10
FIFO = 16
BAD_PATTERNS = {
    'exception': r'"Synchronous Abort" handler|"Error" handler|'
                 r'Resetting CPU \.\.\.',
}
TRANSPORTS = qemu_arm64.TRANSPORTS


def default_bin(repo):
    """u-boot.bin that scripts/uboot-module leaves in build/u-boot/."""
    return repo / 'build' / 'u-boot' / 'u-boot.bin'


def command(bin, disks, extra_args):
    return qemu_arm64.command(bin, disks, extra_args)
