# SPDX-License-Identifier: GPL-2.0-or-later
"""TCP/IP through lwIP: dhcp, tftpboot, wget and ping as a user runs them.

One board per module with a virtio-net device on user-mode networking
(QEMU's defaults: 10.0.2.0/24, host 10.0.2.2, DNS 10.0.2.3, guest
10.0.2.15): the sandbox's libslirp backend (--net user,tftp=DIR), QEMU's
-netdev user with virtio-net-pci (qemu-arm64) or virtio-net-ccw
(qemu-s390x). Files come from the built-in TFTP server of user-mode
networking and from servers of the test on 127.0.0.1 (netsrv.py), which
the guest reaches as 10.0.2.2: HTTP, a TFTP server with windowsize, a DNS
responder on port 53. What was loaded is compared by crc32 with the host
file.
"""

import os
import random
import re
import time
import zlib

import pytest

from conftest import _close, _start
from harness import crc32, loadaddr
import netsrv

# Needs the stack and a network card (virtio-net; on the sandbox, its
# libslirp backend)
pytestmark = pytest.mark.buildconfigspec('net_lwip', 'virtio_net')

MIB = 1 << 20
FILES = {'small.bin': 100, 'one-mib.bin': MIB, 'odd.bin': 123457}
NAME = 'boot.test'


def net_args(board, tftp_dir, bootfile=None):
    """The board's options for one virtio-net device on user networking
    (its default transport)."""
    user = f'user,tftp={tftp_dir}'
    if bootfile:
        user += f',bootfile={bootfile}'
    return board.plugin.net_args(user)


@pytest.fixture(scope='module')
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp('tftp')
    rnd = random.Random(7)
    data = {}
    for name, size in FILES.items():
        data[name] = bytes(rnd.getrandbits(8) for _ in range(size)) \
            if size < 4096 else rnd.randbytes(size)
        (d / name).write_bytes(data[name])
    return d, data


@pytest.fixture(scope='module')
def servers(files):
    d, _ = files
    http = netsrv.HttpServer(d).start()
    tftp = netsrv.TftpServer(str(d)).start()
    slow = netsrv.TftpServer(str(d), delay=0.002).start()
    silent = netsrv.TftpServer(str(d), silent=True).start()
    dns = netsrv.DnsServer({NAME: '10.0.2.2'}).start()
    yield {'http': http, 'tftp': tftp, 'slow': slow, 'silent': silent,
           'dns': dns}
    for s in (http, tftp, slow, silent, dns):
        s.stop()


@pytest.fixture(scope='module')
def net(board, console_log, files, servers):
    """The board with its network device, configured by dhcp once."""
    con = _start(board, console_log, extra_args=net_args(board, files[0]))
    con.run_command('setenv autoload no')
    out = con.run_command('dhcp', timeout=60)
    con.dhcp_output = out
    yield con
    _close(con)


@pytest.fixture(autouse=True)
def _revive_net(request):
    if 'net' in request.fixturenames:
        con = request.getfixturevalue('net')
        if con.broken or not con.isalive():
            con.restart()
            con.run_command('setenv autoload no')
            con.run_command('dhcp', timeout=60)


def env(con, name):
    out = con.run_command(f'printenv {name}')
    m = re.fullmatch(rf'{name}=(.*)', out)
    return m.group(1) if m else None


def check_loaded(con, data, addr=None):
    """filesize is the file's length and crc32 matches the host file."""
    assert int(env(con, 'filesize'), 16) == len(data)
    addr = loadaddr(con) if addr is None else addr
    assert crc32(con, addr, len(data)) == zlib.crc32(data)


def transfer_lines(out, size):
    assert out.splitlines()[-1] == f'Bytes transferred = {size} ({size:x} hex)'


def test_dhcp(net):
    """dhcp: QEMU's user network gives 10.0.2.15; the environment as
    U-Boot's dhcp leaves it."""
    assert net.dhcp_output.splitlines()[0] == 'BOOTP broadcast 1', \
        net.dhcp_output
    assert re.search(r'DHCP client bound to address 10\.0\.2\.15 '
                     r'\(\d+ ms\)', net.dhcp_output), net.dhcp_output
    assert env(net, 'ipaddr') == '10.0.2.15'
    assert env(net, 'netmask') == '255.255.255.0'
    assert env(net, 'gatewayip') == '10.0.2.2'
    assert env(net, 'serverip') == '10.0.2.2'
    assert env(net, 'dnsip') == '10.0.2.3'


@pytest.mark.parametrize('name', list(FILES))
def test_tftpboot(net, files, name):
    """tftpboot of small, 1 MiB and odd-sized files from user networking's
    TFTP server, checked by crc32; filesize, fileaddr."""
    data = files[1][name]
    out, status = net.run_status(f'tftpboot $loadaddr {name}', timeout=120)
    assert status == 0, out
    assert 'Using ' in out and "Filename '%s'." % name in out
    transfer_lines(out, len(data))
    check_loaded(net, data)
    assert int(env(net, 'fileaddr'), 16) == loadaddr(net)


@pytest.mark.parametrize('blksize', [512, 1024, 8])
def test_tftpblocksize(net, files, servers, blksize):
    """tftpblocksize becomes the blksize option (checked at our server)."""
    data = files[1]['odd.bin'] if blksize != 8 else files[1]['small.bin']
    name = 'odd.bin' if blksize != 8 else 'small.bin'
    srv = servers['tftp']
    net.run_command(f'setenv tftpblocksize {blksize}')
    try:
        out, status = net.run_status(
            f'tftpboot $loadaddr 10.0.2.2:{srv.port}:{name}', timeout=120)
    finally:
        net.run_command('setenv tftpblocksize')
    assert status == 0, out
    transfer_lines(out, len(data))
    check_loaded(net, data)
    assert srv.requests[-1][1].get('blksize') == str(blksize) or \
        (blksize == 512 and 'blksize' not in srv.requests[-1][1])


def test_tftp_missing(net):
    """A file the server does not have: one error line, then the prompt."""
    out, status = net.run_status('tftpboot $loadaddr no-such-file',
                                 timeout=60)
    assert status == 1
    errors = [l for l in out.splitlines() if 'error' in l.lower()]
    assert errors == ["TFTP error: 'File not found' (1)"], out
    assert out.splitlines()[-1] == 'Not retrying...', out


def test_tftp_default_name(net):
    """No file name and no bootfile: U-Boot's default, the IP address in
    hex (10.0.2.15: 0A00020F.img), which QEMU's server does not have."""
    out, status = net.run_status('setenv bootfile; tftpboot $loadaddr',
                                 timeout=60)
    assert status == 1
    lines = out.splitlines()
    assert lines[0] == ("*** Warning: no boot file name; using "
                        "'0A00020F.img'"), out
    assert "Filename '0A00020F.img'." in lines, out
    assert "TFTP error: 'File not found' (1)" in lines, out


def test_tftp_windowsize(net, files, servers):
    """tftpwindowsize (RFC 7440) against a server that waits 2 ms before
    each window: the same file comes whole, and much faster."""
    data = files[1]['one-mib.bin']
    srv = servers['slow']
    times = {}
    for window in (1, 8):
        net.run_command(f'setenv tftpwindowsize {window}')
        start = time.monotonic()
        out, status = net.run_status(
            f'tftpboot $loadaddr 10.0.2.2:{srv.port}:one-mib.bin',
            timeout=120)
        times[window] = time.monotonic() - start
        assert status == 0, out
        transfer_lines(out, len(data))
        check_loaded(net, data)
        if window > 1:
            assert srv.requests[-1][1].get('windowsize') == str(window)
    net.run_command('setenv tftpwindowsize')
    assert times[8] < times[1] / 2, times


def test_tftp_silent_server(net, servers):
    """A server that never answers: U-Boot's "Timeout!" within the bound
    tftptimeout sets (10 s by default; 2 s here)."""
    port = servers['silent'].port
    net.run_command('setenv tftptimeout 2000')
    start = time.monotonic()
    out, status = net.run_status(f'tftpboot $loadaddr 10.0.2.2:{port}:x',
                                 timeout=60)
    elapsed = time.monotonic() - start
    net.run_command('setenv tftptimeout')
    assert status == 1
    assert out.splitlines()[-1].endswith('Timeout!'), out
    assert elapsed < 15, elapsed


def test_tftp_ctrlc(net, servers):
    """Ctrl-C ends a transfer that waits for a silent server."""
    port = servers['silent'].port
    net.run_command(f'tftpboot $loadaddr 10.0.2.2:{port}:x',
                    wait_for_prompt=False)
    net.wait_for('Loading: ')
    out = net.ctrlc()
    assert 'Abort' in out
    assert net.run_command('echo $?') == '1'


def test_tftp_past_ram(net, files):
    """A file that does not fit between the address and the end of RAM:
    stopped with one line, nothing written past the end."""
    out = net.run_command('bdinfo')
    starts = [int(x, 16) for x in re.findall(r'-> start\s*= 0x([0-9a-f]+)', out)]
    sizes = [int(x, 16) for x in re.findall(r'-> size\s*= 0x([0-9a-f]+)', out)]
    end = starts[-1] + sizes[-1]
    addr = end - 0x10000
    out, status = net.run_status(f'tftpboot {addr:x} one-mib.bin', timeout=60)
    assert status == 1
    lines = [l for l in out.splitlines() if 'do not fit' in l]
    assert len(lines) == 1, out
    assert lines[0] == (f'TFTP error: 0x{MIB:x} bytes at 0x{addr:x} do not '
                        'fit in free RAM'), out


def test_ping(net):
    out, status = net.run_status('ping 10.0.2.2', timeout=60)
    assert status == 0
    assert out.splitlines()[-1] == 'host 10.0.2.2 is alive', out


@pytest.mark.parametrize('name', ['small.bin', 'odd.bin'])
def test_wget(net, files, servers, name):
    """wget from a Python http.server on the host (10.0.2.2:PORT)."""
    data = files[1][name]
    port = servers['http'].port
    out, status = net.run_status(
        f'wget $loadaddr http://10.0.2.2:{port}/{name}', timeout=120)
    assert status == 0, out
    transfer_lines(out, len(data))
    check_loaded(net, data)


def test_wget_dns(net, files, servers):
    """A host name resolved through dnsip: our responder on the host's
    port 53, reached as 10.0.2.2."""
    data = files[1]['odd.bin']
    port = servers['http'].port
    old = env(net, 'dnsip')
    net.run_command('setenv dnsip 10.0.2.2')
    try:
        out, status = net.run_status(
            f'wget $loadaddr http://{NAME}:{port}/odd.bin', timeout=120)
    finally:
        net.run_command(f'setenv dnsip {old}')
    assert status == 0, out
    assert NAME in servers['dns'].queries
    transfer_lines(out, len(data))
    check_loaded(net, data)


def test_wget_unknown_name(net, servers):
    net.run_command('setenv dnsip 10.0.2.2')
    out, status = net.run_status('wget $loadaddr http://nowhere.test/x',
                                 timeout=60)
    net.run_command('setenv dnsip 10.0.2.3')
    assert status == 1
    assert out.splitlines()[-1] == 'Cannot resolve nowhere.test', out


@pytest.mark.boards('sandbox')
def test_dhcp_autoload(make_console, board, files):
    """dhcp with the server's boot file (BOOTP file field): bootfile is
    set and, autoload not being "no", the file is loaded by TFTP."""
    data = files[1]['odd.bin']
    con = make_console(extra_args=net_args(board, files[0], 'odd.bin'))
    out, status = con.run_status('dhcp', timeout=120)
    assert status == 0, out
    assert env(con, 'bootfile') == 'odd.bin'
    transfer_lines(out, len(data))
    check_loaded(con, data)
