# SPDX-License-Identifier: GPL-2.0-or-later
"""booti on qemu-s390x: Debian's s390x kernel file (S390EP) and the test
initramfs (test/py/linux/fixture.py) loaded from an ext4 disk (mke2fs)
over virtio-blk-ccw, booted without zipl: the kernel placed at 0x10000,
the initrd left where it is or moved to 8 MiB, both and the command
line written into the kernel's parameter area, as zipl's loader does.
The init prints the command line it got."""

import re
import shutil
import sys
from pathlib import Path

import pytest

from harness import Disk
from harness.fsimg import ext_image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'linux'))
import fixture  # noqa: E402

pytestmark = pytest.mark.boards('qemu-s390x')

BOOT_TIMEOUT = 120


@pytest.fixture(scope='module')
def disk(tmp_path_factory):
    """ext4: /boot/vmlinuz and /boot/initrd, and two Boot Loader
    Specification entries for them (the newer version must win)."""
    d = tmp_path_factory.mktemp('booti-s390')
    (d / 'tree' / 'boot').mkdir(parents=True)
    shutil.copyfile(fixture.kernel(), d / 'tree' / 'boot' / 'vmlinuz')
    shutil.copyfile(fixture.initramfs(), d / 'tree' / 'boot' / 'initrd')
    entries = d / 'tree' / 'loader' / 'entries'
    entries.mkdir(parents=True)
    for ver in ('6.1.0-9', '6.1.0-57'):
        (entries / f'debian-{ver}.conf').write_text(
            f'title Debian GNU/Linux 12 (bookworm)\nversion {ver}\n'
            'linux /boot/vmlinuz\ninitrd /boot/initrd\n'
            f'options console=ttysclp0 quiet virtboot=bls-{ver}\n')
    ext_image(d / 'linux.img', d / 'tree', 64 << 20)
    return d / 'linux.img'


def boot(board, con, rdaddr, tag):
    cmdline = f'console=ttysclp0 quiet virtboot={tag}'
    out = con.run_command(f'load virtio 0 {rdaddr} boot/initrd')
    assert 'bytes read' in out, out
    con.run_command('setenv rdsize ${filesize}')
    out = con.run_command('load virtio 0 ${kernel_addr_r} boot/vmlinuz')
    assert 'bytes read' in out, out
    con.run_command(f'setenv bootargs {cmdline}')
    con.run_command(f'booti ${{kernel_addr_r}} {rdaddr}:${{rdsize}}',
                    wait_for_prompt=False)
    out = con.wait_for(fixture.MARKER, timeout=BOOT_TIMEOUT * board.scale)
    con.wait_for(re.compile(r'cmdline: \[([^\]]*)\]'))
    assert con.p.match.group(1) == cmdline
    con.mark_halted()
    return out


def test_booti_s390_initrd_in_place(board, make_console, disk):
    con = make_console([Disk(disk, ro=True)])
    out = boot(board, con, '${ramdisk_addr_r}', 'inplace')
    assert 'Starting kernel ...' in out


def test_booti_s390_initrd_moved(board, make_console, disk):
    """An initrd loaded at 7 MiB, right above the kernel: moved to 8 MiB
    (an overlapping move)."""
    con = make_console([Disk(disk, ro=True)])
    boot(board, con, '700000', 'moved')


def test_booti_s390_errors(board, make_console, disk):
    con = make_console([Disk(disk, ro=True)])
    # The lowcore is the firmware's: a load there is refused
    out, st = con.run_status('load virtio 0 0 boot/initrd')
    assert st == 1 and 'would overwrite the lowcore' in out, out
    # An initrd where the kernel goes
    con.run_command('load virtio 0 100000 boot/initrd')
    con.run_command('setenv rdsize ${filesize}')
    con.run_command('load virtio 0 ${kernel_addr_r} boot/vmlinuz')
    out, st = con.run_status('booti ${kernel_addr_r} 100000:${rdsize}')
    assert st == 1
    assert re.fullmatch(r'booti: the kernel \(0x10000-0x[0-9a-f]+\) would '
                        r'overwrite the ramdisk: load it higher', out), out
    # Not a kernel
    con.run_command('load virtio 0 ${kernel_addr_r} boot/initrd')
    out, st = con.run_status('setenv filesize 100; booti ${kernel_addr_r}')
    assert (out, st) == ('booti: not an s390x kernel image (no S390EP mark '
                         'at 0x10008)', 1)
    assert con.run_command('echo alive') == 'alive'


@pytest.mark.parametrize('kind', ['blk', 'scsi'])
def test_bls_s390(board, make_console, disk, kind):
    """BLS entries booted by 'bootflow scan -lb' without zipl, over
    virtio-blk-ccw and virtio-scsi-ccw (bootindex set)."""
    con = make_console([Disk(disk, kind=kind, ro=True, bootindex=1)])
    con.run_command('bootflow scan -lb', wait_for_prompt=False)
    out = con.wait_for(fixture.MARKER, timeout=BOOT_TIMEOUT * board.scale)
    con.wait_for(re.compile(r'cmdline: \[([^\]]*)\]'))
    assert con.p.match.group(1) == \
        'console=ttysclp0 quiet virtboot=bls-6.1.0-57'
    assert re.search(r'bls +ready +\w+ +0 ', out), out
    con.mark_halted()
