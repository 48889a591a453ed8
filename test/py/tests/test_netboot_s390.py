# SPDX-License-Identifier: GPL-2.0-or-later
"""The s390 IPL from a virtio-net-ccw device (bootindex=1), as QEMU's
s390-netboot.img does it, booted from power-on to Debian's s390x kernel
and the test initramfs (test/py/linux/fixture.py) over QEMU's user
network: DHCP, then the boot file (a kernel laid out from 0, a
"# pxelinux" configuration, an .INS file), else pxelinux.cfg by
pxelinux's names (the UUID from STSI, 01-<MAC>, the IP in hex, default),
the label picked by the loadparm; a device that boots nothing hands over
to the next in the IPL order. The init prints the command line it got.
"""

import re
import shutil
import struct
import sys
from pathlib import Path

import pytest

from harness import Disk
from harness.fsimg import ext_image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'linux'))
import fixture  # noqa: E402
from ziplimg import combined_image  # noqa: E402

pytestmark = [pytest.mark.boards('qemu-s390x'),
              pytest.mark.buildconfigspec('ipl_net')]

CONSOLE = 'console=ttysclp0 quiet'
UUID = '550e8400-e29b-11d4-a716-446655441234'
# The labels of QEMU's own pxelinux test: the default is the second
CONFIG = ('# pxelinux.cfg style config file\n'
          'default Debian\n'
          'label Nonexisting\n kernel kernel.notavailable\n'
          'label Debian\n kernel vmlinuz\n initrd initrd\n'
          f' append {CONSOLE} virtboot=NAME-debian\n'
          'label Third\n kernel vmlinuz\n initrd initrd\n'
          f' append {CONSOLE} virtboot=NAME-third\n')


@pytest.fixture(scope='module')
def tftp(tmp_path_factory):
    d = tmp_path_factory.mktemp('netboot')
    kernel, initrd = fixture.kernel(), fixture.initramfs()
    shutil.copyfile(kernel, d / 'vmlinuz')
    shutil.copyfile(initrd, d / 'initrd')
    return d


def serve(tftp, files):
    """Only vmlinuz and initrd and @files {name: text or bytes}."""
    for p in tftp.rglob('*'):
        if p.is_file() and p.name not in ('vmlinuz', 'initrd'):
            p.unlink()
    for name, data in files.items():
        p = tftp / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode() if isinstance(data, str) else data)


def netboot(board, console_log, tftp, bootfile=None, extra=(), disks=(),
            net_props=('bootindex=1',)):
    user = f'user,tftp={tftp}' + (f',bootfile={bootfile}' if bootfile
                                   else '')
    args = board.plugin.net_args(user, props=list(net_props)) + list(extra)
    cmdline, out, _ = fixture.power_on(board, console_log, list(disks), args)
    return cmdline.removeprefix(CONSOLE + ' '), out


def test_netboot_default(board, console_log, tftp):
    """No boot file: pxelinux.cfg/default after the UUID-less, MAC and IP
    names; its default label."""
    serve(tftp, {'pxelinux.cfg/default': CONFIG.replace('NAME', 'dflt')})
    cmdline, out = netboot(board, console_log, tftp)
    assert cmdline == 'virtboot=dflt-debian'
    assert 'Network boot from virtio-net' in out, out
    assert 'Retrieving file: pxelinux.cfg/01-52-54-00-12-34-56' in out
    assert 'Retrieving file: pxelinux.cfg/0A00020F' in out


def test_netboot_mac_loadparm(board, console_log, tftp):
    """01-<MAC>, the third label by loadparm=3 (QEMU's test_mac)."""
    serve(tftp, {'pxelinux.cfg/01-02-ca-fe-ba-be-42':
                 CONFIG.replace('NAME', 'mac')})
    cmdline, _ = netboot(board, console_log, tftp,
                         net_props=['bootindex=1', 'mac=02:ca:fe:ba:be:42'],
                         extra=['-machine', 'loadparm=3'])
    assert cmdline == 'virtboot=mac-third'


def test_netboot_uuid_label(board, console_log, tftp):
    """The machine's UUID names the file; loadparm THIRD a label."""
    serve(tftp, {f'pxelinux.cfg/{UUID}': CONFIG.replace('NAME', 'uuid'),
                 'pxelinux.cfg/default': CONFIG.replace('NAME', 'dflt')})
    cmdline, _ = netboot(board, console_log, tftp,
                         extra=['-uuid', UUID, '-machine', 'loadparm=THIRD'])
    assert cmdline == 'virtboot=uuid-third'


def test_netboot_bootfile_pxelinux(board, console_log, tftp):
    """The DHCP boot file is a "# pxelinux" configuration."""
    serve(tftp, {'boot.cfg': CONFIG.replace('NAME', 'bootfile')})
    cmdline, _ = netboot(board, console_log, tftp, bootfile='boot.cfg')
    assert cmdline == 'virtboot=bootfile-debian'


def test_netboot_bootfile_kernel(board, console_log, tftp):
    """The boot file is a kernel with its initrd and command line in one
    image laid out from 0 (as a CD's boot image): booted as it is."""
    image = combined_image(Path(fixture.kernel()).read_bytes(),
                           Path(fixture.initramfs()).read_bytes(),
                           f'{CONSOLE} virtboot=image')
    serve(tftp, {'linux.img': image})
    cmdline, _ = netboot(board, console_log, tftp, bootfile='linux.img')
    assert cmdline == 'virtboot=image'


def test_netboot_ins(board, console_log, tftp):
    """An .INS file as Debian's installer media write it: the kernel at 0,
    the initrd at 16 MiB, its place and size (4-byte files) into the
    parameter area, the command line at 0x10480."""
    initrd = Path(fixture.initramfs()).read_bytes()
    serve(tftp, {
        'debian.ins': ('* Debian GNU/Linux for S/390 (boot from network)\n'
                       'vmlinuz 0x00000000\n'
                       'initrd.off 0x0001040c\n'
                       'initrd.siz 0x00010414\n'
                       'parmfile 0x00010480\n'
                       'initrd 0x01000000\n'),
        'initrd.off': struct.pack('>I', 0x1000000),
        'initrd.siz': struct.pack('>I', len(initrd)),
        'parmfile': f'{CONSOLE} virtboot=ins\0'})
    cmdline, out = netboot(board, console_log, tftp, bootfile='debian.ins')
    assert cmdline == 'virtboot=ins'
    assert 'Retrieving file: parmfile' in out


def test_netboot_falls_back_to_disk(board, console_log, tftp,
                                    tmp_path_factory):
    """Nothing on the network: the next IPL device (a BLS disk) boots."""
    serve(tftp, {})
    d = tmp_path_factory.mktemp('netboot-disk')
    (d / 'tree' / 'boot').mkdir(parents=True)
    shutil.copyfile(fixture.kernel(), d / 'tree' / 'boot' / 'vmlinuz')
    shutil.copyfile(fixture.initramfs(), d / 'tree' / 'boot' / 'initrd')
    (d / 'tree' / 'loader' / 'entries').mkdir(parents=True)
    (d / 'tree' / 'loader' / 'entries' / 'd.conf').write_text(
        f'linux /boot/vmlinuz\ninitrd /boot/initrd\n'
        f'options {CONSOLE} virtboot=disk\n')
    ext_image(d / 'bls.img', d / 'tree', 64 << 20)
    cmdline, out = netboot(board, console_log, tftp,
                           disks=[Disk(d / 'bls.img', ro=True, bootindex=2)])
    assert cmdline == 'virtboot=disk'
    assert 'Config file not found' in out, out
    assert re.search(r'Booting bootflow .* with bls', out), out


def test_netboot_bad_ins_then_pxelinux(board, console_log, tftp):
    """A boot file that is a broken .INS file: one line naming the line,
    then the pxelinux.cfg lookup boots."""
    serve(tftp, {'bad.ins': '* broken\nvmlinuz\n',
                 'pxelinux.cfg/default': CONFIG.replace('NAME', 'after')})
    cmdline, out = netboot(board, console_log, tftp, bootfile='bad.ins')
    assert cmdline == 'virtboot=after-debian'
    assert "Bad .INS line: 'vmlinuz'" in out, out


def test_netboot_menu_splash_time(board, console_log, tftp):
    """-boot menu=on,splash-time=1000 (QEMU's test_menu): the countdown,
    then the pxelinux.cfg menu with every label, then its default."""
    serve(tftp, {'pxelinux.cfg/default': CONFIG.replace('NAME', 'menu')})
    cmdline, out = netboot(board, console_log, tftp,
                           extra=['-boot', 'menu=on,splash-time=1000'])
    assert cmdline == 'virtboot=menu-debian'
    for line in ('1:\tNonexisting', '2:\tDebian', '3:\tThird',
                 'Enter choice: '):
        assert line in out, out


def test_netboot_menu_prompt(board, make_console, tftp):
    """loadparm PROMPT: the prompt; 'zipl boot' then shows the menu and
    waits for a choice."""
    serve(tftp, {'pxelinux.cfg/default': CONFIG.replace('NAME', 'pick')})
    con = make_console(
        [], board.plugin.net_args(f'user,tftp={tftp}', props=['bootindex=1']) +
        ['-machine', 'loadparm=PROMPT'])
    con.run_command('zipl boot', wait_for_prompt=False)
    con.wait_for('Enter choice: ', timeout=60)
    con.p.send('3\n')
    con.wait_for(fixture.MARKER, timeout=120 * board.scale)
    con.wait_for(re.compile(r'cmdline: \[([^\]]*)\]'))
    assert con.p.match.group(1) == f'{CONSOLE} virtboot=pick-third'
    con.mark_halted()


def test_netboot_loadparm_names_nothing(board, make_console, tftp):
    """A loadparm no label has: one line, then the prompt (no other
    device to try)."""
    serve(tftp, {'pxelinux.cfg/default': CONFIG.replace('NAME', 'x')})
    con = make_console(
        [], board.plugin.net_args(f'user,tftp={tftp}', props=['bootindex=1']) +
        ['-machine', 'loadparm=NOPE'])
    # the autoboot did the same unless the harness's key won the
    # bootdelay-0 race: run it again, deterministically
    out = con.run_command('zipl boot', timeout=60)
    assert "No label 'NOPE'" in out, out
    assert 'Starting kernel' not in out
    assert con.run_command('echo alive') == 'alive'
