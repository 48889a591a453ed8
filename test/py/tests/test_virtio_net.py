# SPDX-License-Identifier: GPL-2.0-or-later
"""virtio-net and the Ethernet layer, as a user sees them.

`net list` as U-Boot prints it, the MAC address of each device in
ethaddr/eth1addr, the environment's address winning over the device's,
the current device chosen by ethact, and frames over every transport a
board has (legacy and VERSION_1 devices, the 10- and 12-byte headers):
each transport gets a DHCP lease and a file by TFTP from user-mode
networking, checked by crc32. On the sandbox, the emulated device's
faults (a bad used ring, a frame never taken) must leave a transfer that
still completes, and bad options one line.
"""

import random
import re
import zlib

import pytest

from harness import crc32, loadaddr
import netsrv

pytestmark = pytest.mark.buildconfigspec('virtio_net', 'cmd_net', 'net_lwip')

MAC0 = '52:54:00:12:34:56'
MAC1 = '52:54:00:12:34:57'
SIZE = 300001


@pytest.fixture(scope='module')
def tftp(tmp_path_factory):
    """A TFTP folder with one file; its bytes."""
    d = tmp_path_factory.mktemp('tftp')
    data = random.Random(15).randbytes(SIZE)
    (d / 'f.bin').write_bytes(data)
    return d, data


def start(make_console, board, tftp_dir, transport=None, props=(), count=1,
          extra=()):
    args = []
    for i in range(count):
        args += board.plugin.net_args(f'user,tftp={tftp_dir}', transport,
                                      props, i)
    return make_console(extra_args=args + list(extra))


def env(con, name):
    out = con.run_command(f'printenv {name}')
    m = re.fullmatch(rf'{name}=(.*)', out)
    return m.group(1) if m else None


def net_list(con):
    """[(alias, name, mac, active)] of `net list`."""
    out = con.run_command('net list')
    rows = []
    for line in out.splitlines():
        m = re.fullmatch(r'(eth\d+) : (\S+) ([0-9a-f:]{17}) ?(active)?\s*',
                         line)
        assert m, out
        rows.append((m.group(1), m.group(2), m.group(3), bool(m.group(4))))
    return rows


def dhcp(con):
    con.run_command('setenv autoload no')
    out, status = con.run_status('dhcp', timeout=60)
    assert status == 0, out
    m = re.search(r'DHCP client bound to address (\S+) ', out)
    assert m, out
    return m.group(1)


def tftp_ok(con, data, name='f.bin'):
    out, status = con.run_status(f'tftpboot $loadaddr {name}', timeout=60)
    assert status == 0, out
    assert out.splitlines()[-1] == \
        f'Bytes transferred = {len(data)} ({len(data):x} hex)', out
    assert crc32(con, loadaddr(con), len(data)) == zlib.crc32(data)


def test_net_list(make_console, board, tftp):
    """One device: eth0, its MAC address from the device, active; the
    address in ethaddr; ethact set by the first network command."""
    con = start(make_console, board, tftp[0])
    rows = net_list(con)
    assert len(rows) == 1 and rows[0][0] == 'eth0', rows
    assert re.fullmatch(r'virtio-net#\d+', rows[0][1]), rows
    assert rows[0][2:] == (MAC0, True), rows
    assert env(con, 'ethaddr') == MAC0
    assert dhcp(con) == '10.0.2.15'
    assert env(con, 'ethact') == rows[0][1]
    assert con.run_command('help net').splitlines()[0].startswith(
        'net - NET sub-system'), con.run_command('help net')


def test_net_two_devices(make_console, board, tftp):
    """Two devices: eth0 and eth1 with their own addresses; ethact=eth1
    makes the second current (and ethact its name)."""
    con = start(make_console, board, tftp[0], count=2)
    rows = net_list(con)
    assert [r[0] for r in rows] == ['eth0', 'eth1'], rows
    assert {r[2] for r in rows} == {MAC0, MAC1}, rows
    assert [r[3] for r in rows] == [True, False], rows
    assert env(con, 'ethaddr') == rows[0][2]
    assert env(con, 'eth1addr') == rows[1][2]
    con.run_command('setenv ethact eth1')
    out, status = con.run_status('ping 10.0.2.2', timeout=60)
    assert status == 1 or status == 0
    assert f'Using {rows[1][1]} device' in out, out
    assert env(con, 'ethact') == rows[1][1]
    assert [r[3] for r in net_list(con)] == [False, True]


def test_ethaddr_changed(make_console, board, tftp):
    """ethaddr set after the device came up is the address the next
    command uses: user networking leases another address to it."""
    con = start(make_console, board, tftp[0])
    assert dhcp(con) == '10.0.2.15'
    con.run_command('setenv ethaddr 52:54:00:12:34:99')
    assert dhcp(con) == '10.0.2.16'
    assert net_list(con)[0][2] == '52:54:00:12:34:99'


@pytest.mark.boards('sandbox')
def test_ethaddr_env_wins(make_console, board, tftp):
    """An ethaddr set before the device comes up wins over the device's,
    with U-Boot's warning; the device then works with it."""
    con = start(make_console, board, tftp[0])
    con.run_command('setenv ethaddr 02:00:00:00:00:01')
    out = con.run_command('net list')
    assert out.splitlines()[:3] == [
        "Warning: virtio-net#0 MAC addresses don't match:",
        f'Address in ROM is\t\t{MAC0}',
        'Address in environment is\t02:00:00:00:00:01'], out
    assert out.splitlines()[-1].startswith(
        'eth0 : virtio-net#0 02:00:00:00:00:01 active'), out
    assert dhcp(con) == '10.0.2.15'
    tftp_ok(con, tftp[1])


@pytest.mark.boards('sandbox')
def test_no_mac(make_console, board, tftp):
    """A device without a MAC address (no VIRTIO_NET_F_MAC) and no ethaddr:
    one line says so, network commands find no device; with ethaddr set
    it works."""
    con = start(make_console, board, tftp[0], props=['nomac'])
    out = con.run_command('net list')
    assert [l for l in out.splitlines() if l] == [
        'Error: virtio-net#0 address not set.',
        'eth0 : virtio-net#0 00:00:00:00:00:00 '], out
    out, status = con.run_status('dhcp')
    assert (out, status) == ('No ethernet found.', 1)
    con.run_command('setenv ethaddr 02:11:22:33:44:55')
    assert dhcp(con) == '10.0.2.15'
    assert net_list(con) == [('eth0', 'virtio-net#0', '02:11:22:33:44:55',
                              True)]


def _on(board_name, transport, props=(), name=None):
    return pytest.param(transport, list(props),
                        marks=pytest.mark.boards(board_name),
                        id=f'{board_name}-{name or transport}')


@pytest.mark.parametrize('transport, props', [
    _on('sandbox', None, name='modern'),
    _on('sandbox', 'legacy'),
    # a legacy device without MRG_RXBUF: the 10-byte header
    _on('sandbox', 'legacy', ['nomrg'], name='legacy-hdr10'),
    _on('sandbox', None, ['nomrg'], name='modern-nomrg'),
    _on('sandbox', None, ['defer'], name='defer'),
    # fewer receive buffers than the driver would keep posted
    _on('sandbox', None, ['queue=8'], name='queue8'),
    _on('qemu-arm64', 'pci'),
    _on('qemu-arm64', 'pci-legacy'),
    _on('qemu-arm64', 'pci-legacy', ['mrg_rxbuf=off'], name='pci-legacy-hdr10'),
    _on('qemu-arm64', 'pci-modern'),
    _on('qemu-arm64', 'mmio'),
    _on('qemu-arm64', 'mmio-modern'),
    _on('qemu-s390x', 'ccw'),
    # virtio-ccw revision 0: a legacy device, big-endian rings and header
    _on('qemu-s390x', 'ccw', ['max_revision=0'], name='ccw-legacy'),
    _on('qemu-s390x', 'ccw', ['max_revision=0', 'mrg_rxbuf=off'],
        name='ccw-legacy-hdr10'),
    _on('qemu-s390x', 'pci'),
    _on('qemu-s390x', 'pci-legacy'),
])
def test_net_transport(make_console, board, tftp, transport, props):
    """DHCP and a TFTP transfer (crc32 checked) over each transport; the
    device in `dm tree`, no failure in `virtio scan`."""
    con = start(make_console, board, tftp[0], transport, props)
    assert con.run_command('virtio scan') == ''
    assert re.search(r'ethernet .* virtio-net#\d+',
                     con.run_command('dm tree')), con.run_command('dm tree')
    assert dhcp(con) == '10.0.2.15'
    tftp_ok(con, tftp[1])
    out, status = con.run_status('ping 10.0.2.2', timeout=60)
    assert status == 0, out


@pytest.mark.boards('sandbox')
@pytest.mark.parametrize('fault', [
    'used-id-range,after=60,count=1',
    'used-len,after=60,count=1',
    'never-complete,after=60,count=1',
])
def test_net_fault(make_console, board, tftp, fault):
    """The device breaks the ring protocol, or never takes a frame, in the
    middle of a transfer: the driver resets it and TFTP's retransmission
    carries the transfer to its end. (From our server: user networking's
    own TFTP server does not resend a block that was lost.)"""
    srv = netsrv.TftpServer(str(tftp[0])).start()
    try:
        con = start(make_console, board, tftp[0],
                    extra=['--fault', f'net0:{fault}'])
        assert dhcp(con) == '10.0.2.15'
        con.run_command('setenv tftptimeout 2000')
        tftp_ok(con, tftp[1], f'10.0.2.2:{srv.port}:f.bin')
    finally:
        srv.stop()


@pytest.mark.boards('sandbox')
@pytest.mark.parametrize('spec, why', [
    ('tap', 'bad option'),
    ('user,nosuch', 'bad option'),
    ('user,mac=01:00:00:00:00:01', 'bad option'),
])
def test_net_bad_option(sandbox_run, spec, why):
    """A --net the emulator cannot take: one line naming it."""
    _, out = sandbox_run(['--net', spec, '-c', 'echo x'])
    assert f'--net {spec}: {why}' in out.splitlines(), out
