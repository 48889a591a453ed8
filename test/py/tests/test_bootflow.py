# SPDX-License-Identifier: GPL-2.0-or-later
"""Standard boot and extlinux.conf as a user types them, on every board
with standard boot (the sandbox, qemu-arm64, qemu-s390x), on disks made by mke2fs
and sgdisk: bootflow scan/list/select/info, bootdev list, bootmeth
list/order, $boot_targets, sysboot with its menu (a choice typed, a
timeout, a default that does not exist), BLS entries in the order the
specification gives, a boot script run by the script method, and the
bad inputs (a missing kernel, a missing initrd, an unknown method, a
config that is not text) ending in one line and a working prompt.

The kernels here are small stand-ins: what boots a real one is
test_bootflow_linux.py's.
"""

import re

import pytest

from conftest import _close, _start
from harness import Disk
from harness.fsimg import ext_image, partitioned_disk
from harness.uimage import script_image

pytestmark = [pytest.mark.buildconfigspec('bootstd')]

CONF = '''default two
menu title Pick one
timeout 20

label one
  menu label The first
  linux /boot/k1
  initrd /boot/missing.img
  append one

label two
  menu label The second
  kernel /boot/k2
  append two

label three
  linux /boot/k-none
'''


@pytest.fixture(scope='module')
def disks(tmp_path_factory):
    d = tmp_path_factory.mktemp('bootstd')
    # disk 0: GPT, partition 2 holds /boot/extlinux/extlinux.conf
    tree = d / 'ext'
    (tree / 'boot' / 'extlinux').mkdir(parents=True)
    (tree / 'boot' / 'extlinux' / 'extlinux.conf').write_text(CONF)
    (tree / 'boot' / 'extlinux' / 'missing.conf').write_text(
        'default nosuch\nlabel only\n  linux /boot/k-none\n')
    (tree / 'boot' / 'k1').write_bytes(b'not a kernel ' * 100)
    (tree / 'boot' / 'k2').write_bytes(b'not a kernel either ' * 100)
    ext_image(d / 'p2.img', tree, 8 << 20)
    empty = d / 'empty'
    empty.mkdir()
    ext_image(d / 'p1.img', empty, 4 << 20)
    gpt = d / 'gpt.img'
    partitioned_disk(gpt, [(d / 'p1.img', '8300'), (d / 'p2.img', '8300')])
    # disk 1: BLS entries and a boot script on one filesystem
    tree = d / 'bls'
    (tree / 'loader' / 'entries').mkdir(parents=True)
    entries = {
        'a-1.0': 'title A\nversion 1.0\nlinux /vmlinuz-a\n',
        'a-1.10': 'title A\nversion 1.10\nlinux /vmlinuz-a\n',
        'z-keyed': 'title Z\nsort-key aaa\nversion 2\nlinux /vmlinuz-z\n',
        'nolinux': 'title No kernel\n',
    }
    for name, text in entries.items():
        (tree / 'loader' / 'entries' / f'{name}.conf').write_text(text)
    (tree / 'vmlinuz-z').write_bytes(b'z' * 4096)
    (tree / 'boot.scr').write_bytes(script_image(
        'echo script ran from ${devtype} ${devnum}:${distro_bootpart} '
        'prefix ${prefix}\nsetenv ran_script yes\n'))
    ext_image(d / 'bls.img', tree, 8 << 20)
    return {'gpt': gpt, 'bls': d / 'bls.img'}


@pytest.fixture(scope='module')
def con(board, console_log, disks):
    c = _start(board, console_log, [Disk(disks['gpt'], ro=True),
                                    Disk(disks['bls'], ro=True)])
    # sysboot needs the disks bound (the boards that probe at start-up
    # have them already; the sandbox, as U-Boot's, does not)
    c.run_command('virtio scan')
    yield c
    _close(c)


def status(con, cmd):
    out, st = con.run_status(cmd)
    return out, st


def test_bootdev_list(con):
    out = con.run_command('bootdev list')
    lines = out.splitlines()
    assert lines[0].split() == ['Seq', 'Probed', 'Status', 'Uclass', 'Name']
    devs = [line.split()[-1] for line in lines[2:-2]]
    assert len(devs) == 2 and all(d.endswith('.bootdev') for d in devs)
    assert lines[-1] == '(2 bootdevs)'


def test_bootmeth_list_and_order(board, con):
    # pxe, the network boot device's method, where it is built
    pxe = board.config.get('CONFIG_BOOTMETH_PXE') == 'y'
    out = con.run_command('bootmeth list')
    rows = [line.split()[:3] for line in out.splitlines()[2:-2]]
    assert rows == [['0', '0', 'extlinux'], ['1', '1', 'script'],
                    ['2', '2', 'bls']] + ([['3', '3', 'pxe']] if pxe else [])
    out, st = status(con, 'bootmeth order "bls extlinux"')
    assert st == 0, out
    out = con.run_command('bootmeth list')
    rows = [line.split()[:3] for line in out.splitlines()[2:-2]]
    assert rows == [['1', '0', 'extlinux'], ['-', '1', 'script'],
                    ['0', '2', 'bls']] + ([['-', '3', 'pxe']] if pxe else [])
    out, st = status(con, 'bootmeth order "bls nosuch"')
    assert (out, st) == ("Unknown bootmeth 'nosuch'", 1)
    assert status(con, 'bootmeth order "extlinux script bls"')[1] == 0


def test_bootflow_scan_list(con):
    out, st = status(con, 'bootflow scan -l')
    assert st == 0, out
    lines = out.splitlines()
    assert lines[0] == 'Scanning for bootflows in all bootdevs'
    rows = [line.split() for line in lines if re.match(r' +\d+  ', line)]
    assert [(r[1], r[2], r[4], r[6]) for r in rows] == [
        ('extlinux', 'ready', '2', '/boot/extlinux/extlinux.conf'),
        ('script', 'ready', '0', '/boot.scr'),
        ('bls', 'ready', '0', '/loader/entries/')], out
    assert lines[-1] == '(3 bootflows, 3 valid)'
    out = con.run_command('bootflow list')
    assert out.splitlines()[0] == 'Showing all bootflows'
    assert out.splitlines()[-1] == '(3 bootflows, 3 valid)'


def test_bootflow_select_info(con):
    con.run_command('bootflow scan')
    assert status(con, 'bootflow select 0')[1] == 0
    out = con.run_command('bootflow info')
    info = dict(re.match(r'(\w[\w ]*):\s+(.*)', line).groups()
                for line in out.splitlines())
    assert info['Method'] == 'extlinux'
    assert info['State'] == 'ready'
    assert info['Partition'] == '2'
    assert info['Filename'] == '/boot/extlinux/extlinux.conf'
    assert int(info['Size'].split()[0], 16) == len(CONF)
    out, st = status(con, 'bootflow select 7')
    assert st == 1 and out.startswith("Cannot find bootflow '7'")


def test_boot_script_method(con):
    """The script method runs boot.scr with U-Boot's distro variables."""
    con.run_command('bootflow scan')
    con.run_command('bootflow select 1')
    out, st = status(con, 'bootflow boot')
    assert "** Booting bootflow '" in out
    assert re.search(r'script ran from virtio 1:0 prefix /', out), out
    assert con.run_command('echo $ran_script') == 'yes'
    assert st == 1      # the script returned: nothing booted


def test_bls_order(con):
    """Sorted as the specification says: the keyed entry first, then by
    file name with the highest version first; the entry without a kernel
    is no label."""
    con.run_command('bootflow scan')
    con.run_command('bootflow select 2')
    out, _ = status(con, 'bootflow boot')
    lines = out.splitlines()
    tried = [line for line in lines if re.match(r'\d+:\t', line)]
    assert tried[0] == '1:\tZ (2)', out
    assert [t.split('\t')[1] for t in tried] == ['Z (2)', 'A (1.10)',
                                                 'A (1.0)'], out
    assert 'Retrieving file: /vmlinuz-z' in out
    # vmlinuz-a is missing: one line each
    assert out.count('Skipping a-1.') == 2, out


def test_sysboot_menu_choice(con):
    """The title shows the menu; typing 1 picks 'one', whose initrd is
    missing: one line, then the others are tried; 'three' has no file."""
    con.run_command('sysboot virtio 0:2 any ${pxefile_addr_r} '
                    '/boot/extlinux/extlinux.conf', wait_for_prompt=False)
    con.wait_for('Enter choice: ')
    out = con.run_command('1')
    assert 'Retrieving file: /boot/missing.img' in out
    assert "Failed to load '/boot/missing.img'" in out
    assert 'Skipping one for failure retrieving initrd' in out
    # 'two' loads but is no kernel: booti's line on qemu-arm64 and
    # qemu-s390x, the sandbox's on the sandbox
    assert '2:\tThe second' in out and 'append: two' in out
    assert ('Bad Linux ARM64 Image magic!' in out or
            'not an s390x kernel image' in out or
            'not supported on this board' in out), out
    assert 'Skipping three for failure retrieving kernel' in out
    assert con.run_command('echo alive') == 'alive'


def test_sysboot_menu_timeout(con):
    """No key: after the timeout (2 s) the default 'two' is taken."""
    out = con.run_command('sysboot virtio 0:2 any ${pxefile_addr_r} '
                          '/boot/extlinux/extlinux.conf', timeout=60)
    assert 'Pick one' in out
    first = [line for line in out.splitlines() if re.match(r'\d:\t', line)]
    assert first[3] == '2:\tThe second', out


def test_sysboot_errors(con):
    out, st = status(con, 'sysboot virtio 0:2 any ${pxefile_addr_r} '
                     '/nosuch.conf')
    assert st == 1
    assert out.splitlines()[-1] == 'Error reading config file', out
    out, st = status(con, 'sysboot virtio 0:2 xfs')
    assert st == 1 and out.startswith('Invalid filesystem: xfs'), out
    out, st = status(con, 'sysboot virtio 9 any')
    assert st == 1, out


def test_sysboot_missing_default(con):
    """A default naming no label: U-Boot's line, then the first label."""
    out, st = status(con, 'sysboot virtio 0:2 any ${pxefile_addr_r} '
                     '/boot/extlinux/missing.conf')
    assert st == 1
    lines = out.splitlines()
    assert lines[:2] == ['Missing default: nosuch', '1:\tonly'], out
    assert lines[-1] == 'Skipping only for failure retrieving kernel', out


def test_boot_targets(con):
    """$boot_targets names the devices a scan visits, in its order."""
    con.run_command('setenv boot_targets virtio1')
    try:
        out = con.run_command('bootflow scan -l')
    finally:
        con.run_command('setenv boot_targets')
    assert 'Hunting with: virtio1' in out
    assert '(2 bootflows, 2 valid)' in out, out
    assert '/boot/extlinux' not in out
