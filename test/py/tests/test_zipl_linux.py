# SPDX-License-Identifier: GPL-2.0-or-later
"""Real Linux on qemu-s390x: Debian's s390x kernel and a tiny initramfs
(test/py/linux/fixture.py) on disks made by tools/mkzipl, booted from
power-on by virtboot's default bootcmd ('zipl boot', bootdelay 0) to the
init's marker, which prints the command line the boot loader passed.

Covers virtio-blk-ccw (512- and 4096-byte blocks), virtio-scsi-ccw
(scsi-hd), virtio-blk-pci over zPCI, the entry chosen by loadparm, the
bootindex naming the second of two disks, the fall-back when the boot
device has no boot map, and the same image booted by QEMU's own firmware
(s390-ccw.img), which keeps mkzipl honest against the reference; an
El Torito ISO (xorriso) on a virtio-scsi CD-ROM; ECKD DASD images (CDL,
LDL) on 4096-byte virtio-blk disks.
"""

import random
import re
import sys
from pathlib import Path

import pytest

from harness import Disk
from ziplimg import combined_image, make_iso, mkzipl

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'linux'))
import fixture  # noqa: E402

pytestmark = pytest.mark.boards('qemu-s390x')

CONSOLE = 'console=ttysclp0 quiet'
BOOT_TIMEOUT = 120


@pytest.fixture(scope='module')
def linux():
    return fixture.kernel(), fixture.initramfs()


@pytest.fixture(scope='module')
def images(linux, tmp_path_factory):
    """multi: three entries (cmdlines entry=0/1/2); b4k: 4096-byte blocks;
    other: one entry (disk=other); plain: no boot map."""
    kernel, initrd = linux
    d = tmp_path_factory.mktemp('linux')
    out = {}
    out['multi'] = d / 'multi.img'
    args = ['-o', out['multi'], '-s', '64M']
    for i in range(3):
        args += ['-k', kernel, '-i', initrd, '-c', f'{CONSOLE} entry={i}']
    mkzipl(*args)
    out['b4k'] = d / 'b4k.img'
    mkzipl('-o', out['b4k'], '-s', '64M', '-b', '4096', '-k', kernel,
           '-i', initrd, '-c', f'{CONSOLE} blocks=4096')
    for scheme in ('cdl', 'ldl'):
        out[scheme] = d / f'{scheme}.img'
        mkzipl('-o', out[scheme], '-s', '64M', '-b', '4096', '-t', scheme,
               '-k', kernel, '-i', initrd, '-c', f'{CONSOLE} eckd={scheme}')
    out['other'] = d / 'other.img'
    mkzipl('-o', out['other'], '-s', '64M', '-k', kernel, '-i', initrd,
           '-c', f'{CONSOLE} disk=other')
    out['plain'] = d / 'plain.img'
    out['plain'].write_bytes(random.Random(1).randbytes(4 << 20))
    image = combined_image(Path(kernel).read_bytes(),
                           Path(initrd).read_bytes(), f'{CONSOLE} cd=1')
    out['iso'] = make_iso(d / 'linux.iso', {'boot/linux.img': image},
                          'boot/linux.img')
    return out


def boot(board, console_log, disks, extra=(), firmware=True):
    """Power on, wait for the init; (cmdline, output, seconds)."""
    return fixture.power_on(board, console_log, disks, extra, firmware,
                            BOOT_TIMEOUT)


def test_linux_virtio_blk(board, console_log, images):
    """No bootindex, so no IPL parameter block: the first disk, entry 0."""
    cmdline, _, _ = boot(board, console_log,
                         [Disk(images['multi'], ro=True)])
    assert cmdline == f'{CONSOLE} entry=0'


def test_linux_loadparm(board, console_log, images):
    """loadparm=2 (via the IPL parameter block of the bootindex disk)
    selects entry 2."""
    cmdline, _, _ = boot(board, console_log,
                         [Disk(images['multi'], ro=True, bootindex=1)],
                         ['-machine', 'loadparm=2'])
    assert cmdline == f'{CONSOLE} entry=2'


def test_linux_4096_blocks(board, console_log, images):
    cmdline, _, _ = boot(board, console_log,
                         [Disk(images['b4k'], ro=True, bs=4096)])
    assert cmdline == f'{CONSOLE} blocks=4096'


def test_linux_virtio_scsi(board, console_log, images):
    cmdline, _, _ = boot(board, console_log,
                         [Disk(images['multi'], kind='scsi', ro=True)])
    assert cmdline == f'{CONSOLE} entry=0'


def test_linux_virtio_blk_pci(board, console_log, images):
    """virtio-blk-pci over zPCI: no subchannel, still bootable."""
    cmdline, _, _ = boot(board, console_log,
                         [Disk(images['multi'], ro=True, transport='pci')])
    assert cmdline == f'{CONSOLE} entry=0'


def test_linux_bootindex_second_disk(board, console_log, images):
    """bootindex on the second of two bootable disks: that one boots."""
    cmdline, _, _ = boot(board, console_log,
                         [Disk(images['multi'], ro=True),
                          Disk(images['other'], ro=True, bootindex=1)])
    assert cmdline == f'{CONSOLE} disk=other'


def test_linux_fallback(board, console_log, images):
    """The boot device (bootindex 1) has no boot map: one line says so and
    the next disk boots."""
    cmdline, out, _ = boot(board, console_log,
                           [Disk(images['other'], ro=True),
                            Disk(images['plain'], ro=True, bootindex=1)])
    assert cmdline == f'{CONSOLE} disk=other'
    assert re.search(r'zipl: virtio 1: no zipl boot record', out), out
    assert 'loading entry 0 from virtio 0' in out


def test_linux_qemu_firmware(board, console_log, images):
    """QEMU's own firmware boots mkzipl's image too, entry 1 by loadparm."""
    cmdline, out, _ = boot(board, console_log,
                           [Disk(images['multi'], ro=True, bootindex=1)],
                           ['-machine', 'loadparm=1'], firmware=False)
    assert cmdline == f'{CONSOLE} entry=1'
    assert 'Using SCSI scheme' in out


def test_linux_eltorito_cd(board, console_log, images):
    """An ISO-9660 CD-ROM whose El Torito boot image is an s390 Linux
    image (kernel, initrd and command line in one file)."""
    cmdline, out, _ = boot(board, console_log,
                           [Disk(images['iso'], kind='scsi', cd=True)])
    assert cmdline == f'{CONSOLE} cd=1'
    assert 'loading entry 0 from scsi 0' in out


@pytest.mark.parametrize('scheme', ['cdl', 'ldl'])
def test_linux_eckd(board, console_log, images, scheme):
    """An ECKD DASD image (mkzipl -t cdl|ldl) on a 4096-byte virtio-blk
    disk, read with the geometry QEMU's firmware guesses."""
    cmdline, _, _ = boot(board, console_log,
                         [Disk(images[scheme], ro=True, bs=4096)])
    assert cmdline == f'{CONSOLE} eckd={scheme}'


@pytest.mark.parametrize('scheme', ['cdl', 'ldl'])
def test_linux_eckd_qemu_firmware(board, console_log, images, scheme):
    """QEMU's own firmware boots mkzipl's ECKD images too, given the DASD
    geometry (15 heads, 12 records of 4096 bytes a track) on the device.
    It reads the geometry from the device, and QEMU keeps secs=12 only on
    a disk of whole cylinders (else it rounds it down to 8): mkzipl sizes
    ECKD images so."""
    path = images[scheme]
    cyl = 15 * 12 * 4096
    assert path.stat().st_size % cyl == 0
    geometry = {'cyls': path.stat().st_size // cyl, 'heads': 15, 'secs': 12}
    cmdline, out, _ = boot(board, console_log,
                           [Disk(path, ro=True, bs=4096, bootindex=1,
                                 props=geometry)], firmware=False)
    assert cmdline == f'{CONSOLE} eckd={scheme}'
    assert 'Using ECKD scheme (block size  4096)' in out


def test_linux_scsi_bootindex_lun(board, console_log, images):
    """Two bootable LUNs; the IPL parameter block (QEMU SCSI type) names
    target 1: it boots, not the first LUN in scan order."""
    cmdline, out, _ = boot(board, console_log,
                           [Disk(images['other'], kind='scsi', ro=True),
                            Disk(images['multi'], kind='scsi', ro=True,
                                 target=1, bootindex=1)])
    assert cmdline == f'{CONSOLE} entry=0'
    assert 'loading entry 0 from scsi 1' in out


def test_linux_loadparm_without_bootindex(board, console_log, images):
    """No bootindex, so no IPL parameter block: the machine's loadparm
    comes from the SCLP (Read SCP Info)."""
    cmdline, _, _ = boot(board, console_log,
                         [Disk(images['multi'], ro=True)],
                         ['-machine', 'loadparm=1'])
    assert cmdline == f'{CONSOLE} entry=1'
