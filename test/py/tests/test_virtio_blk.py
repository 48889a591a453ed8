# SPDX-License-Identifier: GPL-2.0-or-later
"""virtio-blk disks through the `virtio` command, as a user sees them.

Every disk holds known random bytes made here; what `virtio read` puts in
memory is checked with `crc32` against zlib.crc32 of the same bytes, and
what `virtio write` puts on a disk is read back from the host file. The
output follows U-Boot 2023.01's (block numbers and counts typed in hex,
printed in decimal). Tests marked for the sandbox use its emulator's
extra options (--fault, legacy mode, segment limits).
"""

import re
import subprocess
import time
import zlib

import pytest

from harness import Disk, crc32, info_entries, loadaddr, make_image

MIB = 1 << 20


def read_ok(con, dev, blk, cnt, addr='$loadaddr'):
    """`virtio read` @cnt blocks at @blk of the current device @dev."""
    out = con.run_command(f'virtio read {addr} {blk:x} {cnt:x}')
    assert out == (f'virtio read: device {dev} block # {blk}, count {cnt} '
                   f'... {cnt} blocks read: OK')


def select(con, dev):
    out = con.run_command(f'virtio device {dev}')
    assert out.endswith('... is now current device'), out


def test_virtio_read_crc(make_console, tmp_path):
    """Whole disk and a slice of it, checked by CRC; info as U-Boot's."""
    data = make_image(tmp_path / 'd.img', 2 * MIB, seed=1)
    con = make_console([Disk(tmp_path / 'd.img')])
    assert con.run_command('virtio scan') == ''
    entries = info_entries(con)
    assert list(entries) == [0]
    assert 'VirtIO Block Device' in entries[0]
    assert 'Type: Hard Disk' in entries[0]
    assert 'Capacity: 2.0 MB = 0.0 GB (4096 x 512)' in entries[0]
    # U-Boot's lines only; -v (virtboot's) adds the transport
    assert 'Transport' not in entries[0]
    assert re.search(r'^            Transport: \S+$',
                     con.run_command('virtio info -v'), re.M)

    base = loadaddr(con)
    read_ok(con, 0, 0, 4096)
    assert crc32(con, base, 2 * MIB) == zlib.crc32(data)
    read_ok(con, 0, 0x123, 0x45)
    assert crc32(con, base, 0x45 * 512) == \
        zlib.crc32(data[0x123 * 512:(0x123 + 0x45) * 512])


def test_virtio_without_scan(make_console, tmp_path):
    """The disks are there for a read without a `virtio scan` first."""
    data = make_image(tmp_path / 'd.img', MIB, seed=2)
    con = make_console([Disk(tmp_path / 'd.img')])
    base = loadaddr(con)
    read_ok(con, 0, 7, 1)
    assert crc32(con, base, 512) == zlib.crc32(data[7 * 512:8 * 512])


def test_virtio_bs4096(make_console, tmp_path):
    """4096-byte logical blocks: capacity and block numbers in them."""
    data = make_image(tmp_path / 'd.img', MIB, seed=3)
    con = make_console([Disk(tmp_path / 'd.img', bs=4096)])
    entries = info_entries(con)
    assert 'Capacity: 1.0 MB = 0.0 GB (256 x 4096)' in entries[0]
    base = loadaddr(con)
    read_ok(con, 0, 0, 256)
    assert crc32(con, base, MIB) == zlib.crc32(data)
    read_ok(con, 0, 0x11, 3)
    assert crc32(con, base, 3 * 4096) == \
        zlib.crc32(data[0x11 * 4096:0x14 * 4096])


def test_virtio_write(make_console, tmp_path):
    """Blocks 0x10.. copied to block 2 with read then write; file checked."""
    path = tmp_path / 'd.img'
    data = make_image(path, MIB, seed=4)
    con = make_console([Disk(path)])
    read_ok(con, 0, 0x10, 4)
    out, status = con.run_status('virtio write $loadaddr 2 4')
    assert out == ('virtio write: device 0 block # 2, count 4 ... '
                   '4 blocks written: OK')
    assert status == 0
    expect = data[:2 * 512] + data[0x10 * 512:0x14 * 512] + data[6 * 512:]
    assert path.read_bytes() == expect


def test_virtio_read_only(make_console, tmp_path):
    """A read-only disk refuses writes with one line; nothing changes."""
    path = tmp_path / 'd.img'
    data = make_image(path, MIB, seed=5)
    con = make_console([Disk(path, ro=True)])
    read_ok(con, 0, 0, 1)
    out, status = con.run_status('virtio write $loadaddr 1 1')
    assert status == 1
    assert len(out.splitlines()) == 1 and 'read-only' in out
    assert con.run_command('echo still here') == 'still here'
    assert path.read_bytes() == data


def test_virtio_past_end(make_console, tmp_path):
    """Blocks past the end: one error line, failure, a working prompt."""
    make_image(tmp_path / 'd.img', MIB, seed=6)
    con = make_console([Disk(tmp_path / 'd.img')])
    read_ok(con, 0, 0x7ff, 1)
    for cmd in ('virtio read $loadaddr 7ff 2', 'virtio read $loadaddr 800 1'):
        out, status = con.run_status(cmd)
        assert status == 1
        assert len(out.splitlines()) == 1 and 'ERROR' in out
    assert con.run_command('echo ok') == 'ok'


def test_virtio_four_disks(make_console, tmp_path):
    """Four disks are numbered in the order they were attached."""
    images, disks = [], []
    for i in range(4):
        path = tmp_path / f'd{i}.img'
        images.append(make_image(path, (i + 1) * MIB, seed=10 + i))
        disks.append(Disk(path))
    con = make_console(disks)
    entries = info_entries(con)
    assert list(entries) == [0, 1, 2, 3]
    for i in range(4):
        assert f'({(i + 1) * 2048} x 512)' in entries[i]
    base = loadaddr(con)
    for i in (2, 0, 3, 1):
        select(con, i)
        read_ok(con, i, 0x20, 8)
        assert crc32(con, base, 8 * 512) == \
            zlib.crc32(images[i][0x20 * 512:0x28 * 512])


def test_virtio_part_gpt(make_console, tmp_path):
    """`virtio part` on a GPT disk made by sgdisk."""
    path = tmp_path / 'gpt.img'
    make_image(path, 16 * MIB, data=b'')
    subprocess.run(['sgdisk', '-n', '1:2048:+4M', '-c', '1:boot',
                    '-n', '2:0:0', '-c', '2:root', str(path)],
                   check=True, capture_output=True)
    out = subprocess.run(['sgdisk', '-p', str(path)], check=True,
                         capture_output=True, text=True).stdout
    parts = [tuple(int(x) for x in m.groups()) for m in
             re.finditer(r'^\s+(\d+)\s+(\d+)\s+(\d+)\s', out, re.M)]
    assert len(parts) == 2

    con = make_console([Disk(path)])
    out = con.run_command('virtio part 0')
    assert 'Partition Map for virtio device 0' in out
    assert 'Partition Type: EFI' in out
    for num, start, end in parts:
        assert re.search(rf'^\s*{num}\s+0x{start:08x}\s+0x{end:08x}\s', out,
                         re.M), out
    assert '"boot"' in out and '"root"' in out
    out, status = con.run_status('virtio part 1')
    assert status == 1 and 'not available' in out


def test_virtio_usage(console, board):
    """Bad sub-commands print the usage; the prompt stays."""
    out = console.run_command('virtio')
    if board.config.get('CONFIG_SYS_LONGHELP') == 'y':
        assert 'virtio scan - initialize virtio bus' in out
    else:
        assert out == 'virtio - virtio block devices sub-system', out
    out, status = console.run_status('virtio frobnicate')
    assert status == 1
    assert console.run_command('echo ok') == 'ok'


# --- sandbox: the emulator's extra options ---------------------------------

@pytest.mark.buildconfigspec('virtio_sandbox')
def test_virtio_timeout(make_console, tmp_path):
    """A device that never completes a request: a timeout error, a working
    prompt, and the other disks unharmed."""
    good = make_image(tmp_path / 'good.img', MIB, seed=20)
    make_image(tmp_path / 'hung.img', MIB, seed=21)
    con = make_console([Disk(tmp_path / 'good.img'),
                        Disk(tmp_path / 'hung.img')],
                       extra_args=['--fault', 'blk1:never-complete'])
    base = loadaddr(con)
    select(con, 1)
    start = time.monotonic()
    out, status = con.run_status('virtio read $loadaddr 0 10')
    assert time.monotonic() - start < 10
    assert status == 1
    assert len(out.splitlines()) == 1 and 'ERROR' in out
    assert con.run_command('echo alive') == 'alive'
    out, status = con.run_status('virtio read $loadaddr 0 1')
    assert status == 1
    select(con, 0)
    read_ok(con, 0, 0, 0x800)
    assert crc32(con, base, MIB) == zlib.crc32(good)


@pytest.mark.buildconfigspec('virtio_sandbox')
def test_virtio_recovers(make_console, tmp_path):
    """After one request is lost the device is reset: the next read works."""
    data = make_image(tmp_path / 'd.img', MIB, seed=22)
    con = make_console([Disk(tmp_path / 'd.img')],
                       extra_args=['--fault', 'never-complete,count=1'])
    base = loadaddr(con)
    # The first request (the partition probe, or this read) is lost
    con.run_status('virtio read $loadaddr 0 1')
    read_ok(con, 0, 0, 0x800)
    assert crc32(con, base, MIB) == zlib.crc32(data)


@pytest.mark.buildconfigspec('virtio_sandbox')
@pytest.mark.parametrize('opts, transport', [
    ('legacy', 'sandbox-legacy'),
    ('size_max=4096,seg_max=2', 'sandbox'),
    ('defer,queue=16,size_max=1024,seg_max=3', 'sandbox'),
])
def test_virtio_emulator_modes(make_console, tmp_path, opts, transport):
    """The legacy layout, and segment limits with completions out of order."""
    path = tmp_path / 'd.img'
    data = make_image(path, MIB, seed=23)
    con = make_console(extra_args=['--blk', f'{path},{opts}'])
    entries = info_entries(con, 'virtio info -v')
    assert f'Transport: {transport}\n' in entries[0] + '\n'
    base = loadaddr(con)
    read_ok(con, 0, 0, 0x800)
    assert crc32(con, base, MIB) == zlib.crc32(data)
    out, status = con.run_status('virtio write $loadaddr 100 100')
    assert status == 0, out
    assert path.read_bytes() == data[:0x100 * 512] + \
        data[:0x100 * 512] + data[0x200 * 512:]


@pytest.mark.buildconfigspec('virtio_sandbox')
@pytest.mark.parametrize('fault, reason', [
    ('features-refused', 'device refused the features'),
    ('queue-size-0', 'no usable request queue'),
    ('reset-stuck', 'device does not come out of reset'),
])
def test_virtio_scan_failure(make_console, tmp_path, fault, reason):
    """A device that cannot be brought up: `virtio scan` says why."""
    make_image(tmp_path / 'd.img', MIB, seed=24)
    con = make_console([Disk(tmp_path / 'd.img')],
                       extra_args=['--fault', fault])
    out, status = con.run_status('virtio scan')
    assert status == 1
    assert len(out.splitlines()) == 1
    assert out.startswith(f'virtio: blk0 failed: {reason} (')
    assert con.run_command('virtio info') == ''
    assert con.run_command('echo ok') == 'ok'


@pytest.mark.buildconfigspec('virtio_sandbox')
def test_virtio_bad_options(sandbox_run, tmp_path):
    """Bad --blk and --fault options are reported in one line each."""
    make_image(tmp_path / 'd.img', MIB, seed=25)
    for args, msg in (
            (['--blk', str(tmp_path / 'nope.img')], 'cannot open'),
            (['--blk', f'{tmp_path / "d.img"},bs=1000'], 'bad option'),
            (['--blk', str(tmp_path / 'd.img'), '--fault', 'blk7:ioerr'],
             'no such device'),
            (['--blk', str(tmp_path / 'd.img'), '--fault', 'sparkle'],
             'bad fault spec')):
        _, out = sandbox_run(args + ['-c', 'echo hi'])
        assert len([l for l in out.splitlines() if msg in l]) == 1, out


def _on(board_name, transport, props=None, name=None):
    return pytest.param(transport, props, marks=pytest.mark.boards(board_name),
                        id=f'{board_name}-{name or transport}')


@pytest.mark.parametrize('transport, props', [
    _on('sandbox', None, name='sandbox'),
    _on('qemu-arm64', 'pci'),
    _on('qemu-arm64', 'pci-legacy'),
    _on('qemu-arm64', 'pci-modern'),
    _on('qemu-arm64', 'mmio'),
    _on('qemu-arm64', 'mmio-legacy'),
    _on('qemu-arm64', 'mmio-modern'),
    _on('qemu-s390x', 'ccw'),
    _on('qemu-s390x', 'ccw', {'max_revision': 0}, name='ccw-rev0'),
    # _on('qemu-s390x', 'pci') joins when virtio-pci over zPCI does
])
def test_virtio_transport(make_console, tmp_path, transport, props):
    """Read (checked by CRC) and write (checked in the file) over each
    transport, legacy ones included: their rings are in the CPU's byte
    order, big-endian on s390x."""
    path = tmp_path / 'd.img'
    data = make_image(path, 2 * MIB, seed=30)
    con = make_console([Disk(path, transport=transport, props=props)])
    entries = info_entries(con)
    assert list(entries) == [0]
    assert 'Capacity: 2.0 MB = 0.0 GB (4096 x 512)' in entries[0]
    base = loadaddr(con)
    read_ok(con, 0, 0, 0x1000)
    assert crc32(con, base, 2 * MIB) == zlib.crc32(data)
    out, status = con.run_status('virtio write $loadaddr 800 10')
    assert status == 0, out
    assert path.read_bytes() == data[:0x800 * 512] + data[:0x10 * 512] + \
        data[0x810 * 512:]


@pytest.mark.buildconfigspec('virtio_sandbox')
@pytest.mark.parametrize('fault, why', [
    pytest.param(f, w, id=f) for f, w in [
        ('ioerr', 'I/O error, error -5'),
        ('unsupp', 'not supported by the device, error -95'),
        ('never-complete', 'the device did not answer in time, error -110'),
        # a ring the device broke: the request is failed, the queue stopped
        ('used-id-range', 'I/O error, error -5'),
        ('used-id-not-head', 'I/O error, error -5'),
        ('used-len', 'I/O error, error -5'),
        ('used-idx-jump', 'I/O error, error -5')]])
def test_virtio_request_faults(make_console, tmp_path, fault, why):
    """A device that fails every request: each read gives one error line,
    the prompt stays, and a healthy disk beside it still reads."""
    good = make_image(tmp_path / 'good.img', MIB, seed=40)
    make_image(tmp_path / 'bad.img', MIB, seed=41)
    con = make_console([Disk(tmp_path / 'good.img'),
                        Disk(tmp_path / 'bad.img')],
                       extra_args=['--fault', f'blk1:{fault}'])
    base = loadaddr(con)
    assert len(info_entries(con)) == 2
    select(con, 1)
    for _ in range(2):
        out, status = con.run_status('virtio read $loadaddr 0 8')
        assert status == 1
        assert out == ('virtio read: device 1 block # 0, count 8 ... '
                       f'ERROR (read failed: {why})'), out
    assert con.run_command('echo alive') == 'alive'
    select(con, 0)
    read_ok(con, 0, 0, 0x800)
    assert crc32(con, base, MIB) == zlib.crc32(good)


@pytest.mark.boards('qemu-arm64')
def test_virtio_mixed_transports(make_console, tmp_path):
    """Four disks over PCI (transitional, legacy, modern) and MMIO: each
    readable, and numbered the same way on every boot."""
    transports = ['pci', 'mmio', 'pci-legacy', 'pci-modern']
    images, disks = {}, []
    for i, transport in enumerate(transports):
        path = tmp_path / f'd{i}.img'
        blocks = (i + 1) * 2048
        images[blocks] = make_image(path, blocks * 512, seed=50 + i)
        disks.append(Disk(path, transport=transport))

    orders = []
    for _ in range(2):
        con = make_console(disks)
        entries = info_entries(con)
        assert list(entries) == [0, 1, 2, 3]
        order = []
        for dev in range(4):
            m = re.search(r'\((\d+) x 512\)', entries[dev])
            order.append(int(m.group(1)))
        assert sorted(order) == sorted(images)
        base = loadaddr(con)
        for dev, blocks in enumerate(order):
            select(con, dev)
            read_ok(con, dev, blocks - 8, 8)
            assert crc32(con, base, 8 * 512) == \
                zlib.crc32(images[blocks][-8 * 512:])
        con.close()
        orders.append(order)
    assert orders[0] == orders[1]
