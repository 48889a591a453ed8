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
from harness.fsimg import ext_image, iso_image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'linux'))
import fixture  # noqa: E402
from ziplimg import combined_image  # noqa: E402

pytestmark = pytest.mark.boards('qemu-s390x')

BOOT_TIMEOUT = 120
# The prompt, not the default boot (which would boot the BLS entries)
PROMPT = ['-machine', 'loadparm=PROMPT']


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
    con = make_console([Disk(disk, ro=True)], PROMPT)
    out = boot(board, con, '${ramdisk_addr_r}', 'inplace')
    assert 'Starting kernel ...' in out


def test_booti_s390_initrd_moved(board, make_console, disk):
    """An initrd loaded at 7 MiB, right above the kernel: moved to 8 MiB
    (an overlapping move)."""
    con = make_console([Disk(disk, ro=True)], PROMPT)
    boot(board, con, '700000', 'moved')


def test_booti_s390_errors(board, make_console, disk):
    con = make_console([Disk(disk, ro=True)], PROMPT)
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
    con = make_console([Disk(disk, kind=kind, ro=True, bootindex=1)],
                       PROMPT)
    con.run_command('bootflow scan -lb', wait_for_prompt=False)
    out = con.wait_for(fixture.MARKER, timeout=BOOT_TIMEOUT * board.scale)
    con.wait_for(re.compile(r'cmdline: \[([^\]]*)\]'))
    assert con.p.match.group(1) == \
        'console=ttysclp0 quiet virtboot=bls-6.1.0-57'
    assert re.search(r'bls +ready +\w+ +0 ', out), out
    con.mark_halted()


# The default boot (no key, bootcmd "zipl boot"): the devices in the IPL
# order; on each, zipl first (a boot map, an El Torito image), then the
# file-based methods on its partitions, each entry picked by the loadparm


@pytest.fixture(scope='module')
def iso(tmp_path_factory):
    """A CD that both boots through El Torito (zipl's method: an s390
    image with its command line, cd=1) and holds extlinux.conf with two
    labels and the kernel files for it."""
    d = tmp_path_factory.mktemp('ipl-iso')
    boot = d / 'tree' / 'boot'
    (boot / 'extlinux').mkdir(parents=True)
    kernel, initrd = fixture.kernel(), fixture.initramfs()
    shutil.copyfile(kernel, boot / 'vmlinuz')
    shutil.copyfile(initrd, boot / 'initrd')
    (boot / 'linux.img').write_bytes(combined_image(
        Path(kernel).read_bytes(), Path(initrd).read_bytes(),
        'console=ttysclp0 quiet cd=1'))
    conf = 'default l0\nprompt 0\ntimeout 0\n'
    for name in ('l0', 'l0r'):
        conf += (f'label {name}\n\tlinux /boot/vmlinuz\n'
                 f'\tinitrd /boot/initrd\n'
                 f'\tappend console=ttysclp0 quiet virtboot={name}\n')
    (boot / 'extlinux' / 'extlinux.conf').write_text(conf)
    iso_image(d / 'ipl.iso', d / 'tree',
              extra=['-b', 'boot/linux.img', '-no-emul-boot',
                     '-boot-load-size', '4'])
    return d / 'ipl.iso'


def ipl(board, console_log, disks, loadparm=None):
    extra = ['-machine', f'loadparm={loadparm}'] if loadparm else []
    cmdline, out, _ = fixture.power_on(board, console_log, disks, extra,
                                       timeout=BOOT_TIMEOUT)
    return cmdline.removeprefix('console=ttysclp0 quiet '), out


def test_ipl_bls(board, console_log, disk):
    """No boot map on the IPL disk: its BLS entries boot, newest first."""
    cmdline, out = ipl(board, console_log,
                       [Disk(disk, ro=True, bootindex=1)])
    assert cmdline == 'virtboot=bls-6.1.0-57'
    assert re.search(r'zipl: virtio 0: .*\n', out), out
    assert re.search(r"\*\* Booting bootflow '\S+\.part_0' with bls", out), \
        out


def test_ipl_bls_loadparm_number(board, console_log, disk):
    """loadparm=2: the second entry in the spec's order."""
    cmdline, _ = ipl(board, console_log, [Disk(disk, ro=True, bootindex=1)],
                     loadparm='2')
    assert cmdline == 'virtboot=bls-6.1.0-9'


def test_ipl_zipl_before_files(board, console_log, iso):
    """One device with both: its El Torito image (zipl's method) first."""
    cmdline, out = ipl(board, console_log,
                       [Disk(iso, kind='scsi', cd=True, bootindex=1)])
    assert cmdline == 'cd=1'
    assert 'bootflow' not in out


def test_ipl_loadparm_label(board, console_log, iso):
    """A loadparm that is a label (QEMU upper-cases it): no boot map entry
    has a name, so the files' label of that name boots."""
    cmdline, _ = ipl(board, console_log,
                     [Disk(iso, kind='scsi', cd=True, bootindex=1)],
                     loadparm='L0R')
    assert cmdline == 'virtboot=l0r'


def test_ipl_order_files_before_next_device(board, console_log, disk, iso):
    """The files of the first IPL device come before the second device's
    boot map."""
    cmdline, _ = ipl(board, console_log,
                     [Disk(disk, ro=True, bootindex=1),
                      Disk(iso, kind='scsi', cd=True, bootindex=2)])
    assert cmdline == 'virtboot=bls-6.1.0-57'


def test_ipl_loadparm_names_nothing(board, make_console, disk):
    """A label no method has: one line from the method, the prompt."""
    con = make_console([Disk(disk, ro=True, bootindex=1)],
                       ['-machine', 'loadparm=NOPE'])
    # (the autoboot ran the same, unless the harness's key won the
    # bootdelay-0 race: run it again, deterministically)
    out = con.run_command('zipl boot')
    assert "No label 'NOPE'" in out, out
    assert con.run_command('echo alive') == 'alive'
