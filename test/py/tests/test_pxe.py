# SPDX-License-Identifier: GPL-2.0-or-later
"""pxe get|boot and the network boot device of bootflow, on the board's
virtio-net device over user-mode networking (the sandbox's libslirp,
QEMU's -netdev user), whose built-in TFTP server serves a folder this
module rewrites between tests.

The names 'pxe get' tries are pxelinux's, in its order: pxelinux.cfg/
then $pxeuuid, 01-<MAC>, the IP in hex (10.0.2.15 is 0A00020F) shortened
one digit at a time, default-<arch>, default; all in the folder of
$bootfile. On the sandbox a label's kernel cannot be started: the line
saying so shows the label's files were all fetched.
"""

import re
import shutil

import pytest

from conftest import _close, _start

pytestmark = [pytest.mark.buildconfigspec('cmd_pxe', 'virtio_net')]

MAC = '01-52-54-00-12-34-56'
IP_NAMES = ['0A00020F', '0A00020', '0A0002', '0A000', '0A00', '0A0', '0A',
            '0']
CONFIG = ('default l1\n'
          'label l0\n kernel k0\n'
          'label l1\n menu label The second\n kernel k1\n'
          ' initrd r1\n append console=x\n')


@pytest.fixture(scope='module')
def tftp(tmp_path_factory):
    return tmp_path_factory.mktemp('pxe')


@pytest.fixture(scope='module')
def net(board, console_log, tftp):
    """The board with its network device, configured by dhcp once."""
    con = _start(board, console_log,
                 extra_args=board.plugin.net_args(f'user,tftp={tftp}'))
    con.run_command('setenv autoload no')
    out = con.run_command('dhcp', timeout=60)
    assert '10.0.2.15' in out, out
    yield con
    _close(con)


def serve(tftp, files):
    """Make the TFTP folder hold exactly @files {path: text or bytes}."""
    for p in tftp.iterdir():
        shutil.rmtree(p) if p.is_dir() else p.unlink()
    for name, data in files.items():
        p = tftp / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            data = data.encode()
        p.write_bytes(data)


def tried(out):
    return re.findall(r'^Retrieving file: (\S+)$', out, re.M)


def arch(board):
    return {'qemu-arm64': 'arm', 'qemu-s390x': 's390'}.get(board.name,
                                                         'sandbox')


def test_pxe_get_order(board, net, tftp):
    """Nothing there: every name is tried, in pxelinux's order."""
    serve(tftp, {})
    net.run_command('setenv bootfile; setenv pxeuuid')
    out, st = net.run_status('pxe get')
    assert st == 1
    assert tried(out) == ([f'pxelinux.cfg/{MAC}'] +
                          [f'pxelinux.cfg/{n}' for n in IP_NAMES] +
                          [f'pxelinux.cfg/default-{arch(board)}',
                           'pxelinux.cfg/default'])
    assert out.endswith('Config file not found'), out


@pytest.mark.parametrize('name', ['UUID-1', MAC, '0A00', 'default-ARCH',
                                  'default'])
def test_pxe_get_finds(board, net, tftp, name):
    """Each kind of name is found after the ones before it, and the search
    stops there."""
    name = name.replace('ARCH', arch(board))
    order = (['UUID-1', MAC] + IP_NAMES +
             [f'default-{arch(board)}', 'default'])
    serve(tftp, {f'pxelinux.cfg/{name}': CONFIG})
    net.run_command('setenv bootfile; setenv pxeuuid UUID-1')
    out, st = net.run_status('pxe get')
    net.run_command('setenv pxeuuid')
    assert st == 0, out
    assert tried(out) == ['pxelinux.cfg/' + n
                          for n in order[:order.index(name) + 1]]
    assert out.endswith('Config file found'), out
    assert net.run_command('echo ${filesize}') == f'{len(CONFIG):x}'


def test_pxe_bootfile_folder(board, net, tftp):
    """$bootfile in a folder: pxelinux.cfg and the label's files there."""
    serve(tftp, {'boot/pxelinux.cfg/default': CONFIG, 'boot/k1': b'K' * 4000,
                 'boot/r1': b'R' * 3000})
    net.run_command('setenv bootfile boot/pxelinux.0')
    out, st = net.run_status('pxe get')
    assert st == 0 and tried(out)[-1] == 'boot/pxelinux.cfg/default', out
    out = net.run_command('pxe boot')
    net.run_command('setenv bootfile')
    names = tried(out)
    assert names[:2] == ['boot/r1', 'boot/k1'], out
    assert '2:\tThe second' in out
    assert 'append: console=x' in out
    # The default's kernel loaded and (on the sandbox) refused; then l0,
    # whose kernel does not exist
    assert 'Skipping l0 for failure retrieving kernel' in out, out


def test_pxe_errors(board, net, tftp):
    serve(tftp, {'pxelinux.cfg/default': 'default nope\nlabel a\n'})
    out, st = net.run_status('pxe get')
    assert st == 0, out
    out, st = net.run_status('pxe boot')
    assert st == 1
    assert 'Missing default: nope' in out, out
    assert 'No kernel given, skipping a' in out, out
    net.run_command('setenv save ${pxefile_addr_r}; setenv pxefile_addr_r')
    out, st = net.run_status('pxe get')
    net.run_command('setenv pxefile_addr_r ${save}')
    assert (out, st) == ('missing environment variable: pxefile_addr_r', 1)
    out, st = net.run_status('pxe boot zz')
    assert (out, st) == ("pxe: bad address 'zz'", 1)
    out, st = net.run_status('pxe')
    assert st == 1 and 'Usage:' in out
    assert net.run_command('echo alive') == 'alive'


@pytest.mark.buildconfigspec('bootmeth_pxe')
def test_bootflow_network(board, net, tftp):
    """The network boot device after the disks: DHCP, then 'pxe get'."""
    serve(tftp, {'pxelinux.cfg/default': CONFIG})
    out = net.run_command('bootflow scan -l', timeout=60)
    assert re.search(r'^  0  pxe +ready +ethernet +0  \S+\.bootdev\.0 +'
                     r'pxelinux\.cfg/default$', out, re.M), out
    out = net.run_command('bootmeth list')
    assert re.search(r'pxe +PXE boot from a network device', out), out
    # $boot_targets: "dhcp" names it; a disk word does not
    out = net.run_command('setenv boot_targets dhcp; bootflow scan -l; '
                          'setenv boot_targets', timeout=60)
    assert 'Hunting with: dhcp' in out and '(1 bootflow, 1 valid)' in out
    serve(tftp, {})
    out = net.run_command('bootflow scan -l', timeout=60)
    assert 'Config file not found' in out and '(0 bootflows, 0 valid)' \
        in out, out


def test_pxe_kernel_does_not_fit(board, net, tftp):
    """$kernel_addr_r just below memory the firmware owns (or the end of
    RAM): the kernel's TFTP load is refused with one line, and the label
    is skipped."""
    bd = net.run_command('bdinfo')
    # the firmware's first reserved range, else (the sandbox) RAM's end
    m = (re.search(r'reserved\[\d+\]\s+\[0x([0-9a-f]+)-0x[0-9a-f]+\]', bd)
         or re.search(r'sysmem size = 0x([0-9a-f]+)', bd))
    assert m, bd
    serve(tftp, {'pxelinux.cfg/default': CONFIG, 'k1': b'K' * 4000,
                 'r1': b'R' * 300})
    net.run_command('setenv bootfile; setenv save_k ${kernel_addr_r}')
    net.run_command(f'setenv kernel_addr_r {int(m.group(1), 16) - 0x200:x}')
    out, st = net.run_status('pxe get')
    assert st == 0, out
    out, st = net.run_status('pxe boot')
    net.run_command('setenv kernel_addr_r ${save_k}')
    assert st == 1
    assert re.search(r'TFTP error: 0xfa0 bytes at 0x[0-9a-f]+ ', out), out
    assert 'Skipping l1 for failure retrieving kernel' in out, out
    assert net.run_command('echo alive') == 'alive'
