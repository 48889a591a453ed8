# SPDX-License-Identifier: GPL-2.0-or-later
"""virtio-scsi LUNs through the `scsi` command, on every board.

The LUNs are the block devices of the `scsi` interface, numbered in scan
order, listed by `scsi info` as U-Boot lists them ("Device N: (T:L) Vendor:
... Prod.: ... Rev: ..."); `virtio` has the virtio-blk disks only.

One controller carries LUNs at several addresses (target 0 LUN 0, target 7
LUN 3, target 255 LUN 300), a disk with 4096-byte blocks, a CD-ROM holding
an ISO image genisoimage makes here, a sparse disk larger than 2 TiB, a
read-only disk and a GPT disk; a second controller carries 64 LUNs. Every
read is checked with `crc32` against zlib.crc32 of the host's bytes, every
write in the host file. On QEMU the disks are scsi-hd / scsi-cd on one
virtio-scsi-pci (qemu-arm64) or virtio-scsi-ccw (qemu-s390x) controller;
on the sandbox they are the emulator's --scsi LUNs. The boards are started
once per group of disks: QEMU under TCG is slow.
"""

import os
import re
import shutil
import subprocess
import zlib

import pytest

from harness import Disk, crc32, info_entries, loadaddr, make_image

MIB = 1 << 20
BIG = 3 << 40                   # 3 TiB, sparse
BIG_MARK = 1 << 41              # 2 TiB: the first block READ(10) cannot reach


def tool(name):
    path = shutil.which(name) or shutil.which(name, path='/usr/sbin:/sbin')
    assert path, f'{name} is missing: run scripts/setup'
    return path


def lun_map(con):
    """{(target, lun): (devnum, info entry)} of the SCSI LUNs."""
    luns = {}
    for dev, text in info_entries(con, 'scsi info').items():
        # the hosts' lines follow the last device
        text = '\n'.join(l for l in text.splitlines()
                         if l.startswith(('Device', ' ')))
        m = re.match(r'Device \d+: \((\d+):(\d+)\) Vendor: ', text)
        assert m, text
        luns[(int(m.group(1)), int(m.group(2)))] = (dev, text)
    return luns


def read_ok(con, dev, blk, cnt, iface='scsi'):
    out = con.run_command(f'{iface} device {dev}')
    assert out.endswith('... is now current device'), out
    out = con.run_command(f'{iface} read $loadaddr {blk:x} {cnt:x}')
    assert out == (f'{iface} read: device {dev} block # {blk}, count {cnt} '
                   f'... {cnt} blocks read: OK')


def make_iso(path, tmp):
    """An ISO-9660 image of a few files, made by genisoimage."""
    src = tmp / 'iso-src'
    src.mkdir()
    for i in range(5):
        (src / f'file{i}.bin').write_bytes(
            make_image(tmp / 'x', 50000 + i * 1000, seed=300 + i))
    subprocess.run([tool('genisoimage'), '-quiet', '-V', 'VIRTBOOT', '-o',
                    str(path), str(src)], check=True)
    return path.read_bytes()


def make_gpt(path, size=4 * MIB):
    with open(path, 'wb') as f:
        f.truncate(size)
    subprocess.run([tool('sgdisk'), '-n', '1:2048:+1M', '-c', '1:boot',
                    '-n', '2:0:0', '-c', '2:root', str(path)],
                   check=True, capture_output=True)
    return path


class Disks:
    """The images of the main controller and what they hold."""

    def __init__(self, tmp):
        self.hd = make_image(tmp / 'hd.img', 2 * MIB, seed=101)
        self.t7 = make_image(tmp / 't7.img', MIB, seed=102)
        self.t255 = make_image(tmp / 't255.img', MIB // 2, seed=103)
        self.bs4k = make_image(tmp / 'bs4k.img', MIB, seed=104)
        self.ro = make_image(tmp / 'ro.img', MIB // 4, seed=105)
        self.iso = make_iso(tmp / 'cd.iso', tmp)
        make_gpt(tmp / 'gpt.img')
        self.big_path = tmp / 'big.img'
        with open(self.big_path, 'wb') as f:
            f.truncate(BIG)
            self.big_mark = make_image(tmp / 'm', 4096, seed=106)
            f.seek(BIG_MARK)
            f.write(self.big_mark)
            self.big_last = make_image(tmp / 'm', 512, seed=107)
            f.seek(BIG - 512)
            f.write(self.big_last)
        self.list = [
            Disk(tmp / 'hd.img', kind='scsi'),
            Disk(tmp / 't7.img', kind='scsi', target=7, lun=3),
            Disk(tmp / 't255.img', kind='scsi', target=255, lun=300),
            Disk(tmp / 'bs4k.img', kind='scsi', target=1, bs=4096),
            Disk(tmp / 'cd.iso', kind='scsi', target=2, cd=True),
            Disk(self.big_path, kind='scsi', target=3),
            Disk(tmp / 'ro.img', kind='scsi', target=4, ro=True),
            Disk(tmp / 'gpt.img', kind='scsi', target=5, lun=2),
        ]


@pytest.fixture(scope='module')
def scsi(board, console_log, tmp_path_factory):
    """One board with the main controller's LUNs, shared by the module."""
    from conftest import _start
    tmp = tmp_path_factory.mktemp('scsi')
    disks = Disks(tmp)
    con = _start(board, console_log, disks.list)
    con.disks = disks
    con.tmp = tmp
    yield con
    con.close()


def test_scsi_info(scsi):
    """Every LUN is listed with kind, block size, capacity, target, LUN,
    numbered in scan order (targets, then LUNs); none is a virtio disk."""
    out = scsi.run_command('virtio scan')
    assert out == '', out
    assert scsi.run_command('virtio info') == ''
    luns = lun_map(scsi)
    assert sorted(luns) == [(0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (5, 2),
                            (7, 3), (255, 300)]
    assert [luns[k][0] for k in sorted(luns)] == list(range(8))
    _, hd = luns[(0, 0)]
    assert 'Type: Hard Disk' in hd
    assert 'Capacity: 2.0 MB = 0.0 GB (4096 x 512)' in hd
    assert '(256 x 4096)' in luns[(1, 0)][1]
    _, cd = luns[(2, 0)]
    assert 'Type: Removable CD ROM' in cd
    assert f'({len(scsi.disks.iso) // 2048} x 2048)' in cd
    assert f'({BIG // 512} x 512)' in luns[(3, 0)][1]
    assert 'Capacity: 3145728.0 MB = 3072.0 GB' in luns[(3, 0)][1]
    assert luns[(0, 0)][1].startswith('Device 0: (0:0) Vendor: ')
    assert luns[(255, 300)][1].startswith('Device 7: (255:300) Vendor: ')


def test_scsi_uboot_commands(scsi):
    """What U-Boot's test/py test_scsi.py asks of device 0: `scsi info`,
    `scsi scan`, `scsi device` (current and set) and `scsi part` list it
    with its type and capacity and succeed."""
    for cmd in ('scsi info', 'scsi scan', 'scsi device'):
        out, status = scsi.run_status(cmd)
        assert status == 0, out
        assert 'device 0:' in out.lower(), out
        assert 'Type: Hard Disk' in out and \
            'Capacity: 2.0 MB = 0.0 GB (4096 x 512)' in out, out
    out = scsi.run_command('scsi scan')
    assert out.splitlines()[0] == 'scanning bus for devices...'
    assert '  Device 0: (0:0) Vendor: ' in out
    out, status = scsi.run_status('scsi device 0')
    assert status == 0 and out.endswith('is now current device'), out
    out, status = scsi.run_status('scsi part')
    assert status == 0, out
    gpt = lun_map(scsi)[(5, 2)][0]
    assert f'Partition Map for scsi device {gpt}' in out, out
    out, status = scsi.run_status('scsi device 9')
    assert status == 1, out


def test_scsi_reset(scsi):
    """`scsi reset`, as U-Boot's (test_scsi.py asks it too): the buses are
    reset, then scanned again with the scan's device list; the LUNs keep
    their numbers."""
    before = lun_map(scsi)
    out, status = scsi.run_status('scsi reset')
    assert status == 0, out
    assert out.splitlines()[:2] == ['Reset SCSI',
                                    'scanning bus for devices...'], out
    assert '  Device 0: (0:0) Vendor: ' in out
    assert 'Capacity: 2.0 MB = 0.0 GB (4096 x 512)' in out
    assert lun_map(scsi) == before


def test_lsblk(scsi):
    """lsblk in U-Boot's layout: each block driver, then its devices; the
    LUNs are scsi devices of the SCSI disk driver, no virtio-blk disk."""
    lines = scsi.run_command('lsblk').splitlines()
    assert lines[:2] == ['Block Driver          Devices',
                         '-----------------------------']
    rows = {line[:20].rstrip(): line[20:] for line in lines[2:]}
    assert rows['scsi_blk'] == ': ' + ', '.join(f'scsi {i}'
                                                for i in range(8))
    assert rows['virtio-blk'] == ': <none>'


def test_scsi_read_crc(scsi):
    """Each disk read whole (and a slice), checked by CRC."""
    luns = lun_map(scsi)
    base = loadaddr(scsi)
    d = scsi.disks
    for addr, data in (((0, 0), d.hd), ((7, 3), d.t7), ((255, 300), d.t255),
                       ((4, 0), d.ro)):
        dev = luns[addr][0]
        read_ok(scsi, dev, 0, len(data) // 512)
        assert crc32(scsi, base, len(data)) == zlib.crc32(data), addr
    dev = luns[(7, 3)][0]
    read_ok(scsi, dev, 0x123, 0x45)
    assert crc32(scsi, base, 0x45 * 512) == \
        zlib.crc32(d.t7[0x123 * 512:(0x123 + 0x45) * 512])


def test_scsi_bs4096(scsi):
    """4096-byte blocks: block numbers and counts in them."""
    dev = lun_map(scsi)[(1, 0)][0]
    base = loadaddr(scsi)
    data = scsi.disks.bs4k
    read_ok(scsi, dev, 0, 256)
    assert crc32(scsi, base, MIB) == zlib.crc32(data)
    read_ok(scsi, dev, 255, 1)
    assert crc32(scsi, base, 4096) == zlib.crc32(data[255 * 4096:])


def test_scsi_cdrom(scsi):
    """The ISO reads back whole in 2048-byte blocks; writes are refused."""
    dev = lun_map(scsi)[(2, 0)][0]
    iso = scsi.disks.iso
    base = loadaddr(scsi)
    read_ok(scsi, dev, 0, len(iso) // 2048)
    assert crc32(scsi, base, len(iso)) == zlib.crc32(iso)
    # The primary volume descriptor is block 16
    read_ok(scsi, dev, 16, 1)
    assert crc32(scsi, base, 2048) == zlib.crc32(iso[16 * 2048:17 * 2048])
    out, status = scsi.run_status('scsi write $loadaddr 0 1')
    assert status == 1
    assert out.splitlines()[-1].endswith(
        'ERROR (write failed: the device is read-only)')


def test_scsi_big_disk(scsi):
    """A disk larger than 2 TiB: blocks past 2^32 and the last one
    (READ(16)) read what the host wrote there."""
    dev = lun_map(scsi)[(3, 0)][0]
    base = loadaddr(scsi)
    d = scsi.disks
    read_ok(scsi, dev, BIG // 512 - 1, 1)
    assert crc32(scsi, base, 512) == zlib.crc32(d.big_last)
    read_ok(scsi, dev, BIG_MARK // 512, 8)
    assert crc32(scsi, base, 4096) == zlib.crc32(d.big_mark)
    # A read across the 2^32 block boundary
    read_ok(scsi, dev, BIG_MARK // 512 - 2, 4)
    assert crc32(scsi, base + 1024, 1024) == zlib.crc32(d.big_mark[:1024])


def test_scsi_read_only(scsi):
    dev = lun_map(scsi)[(4, 0)][0]
    out = scsi.run_command(f'scsi device {dev}')
    assert out.endswith('... is now current device')
    out, status = scsi.run_status('scsi write $loadaddr 0 1')
    assert status == 1
    assert out.splitlines()[-1].endswith(
        'ERROR (write failed: the device is read-only)')
    assert (scsi.tmp / 'ro.img').read_bytes() == scsi.disks.ro


def test_scsi_write(scsi):
    """Blocks written through target 0 LUN 0 land in the host file."""
    dev = lun_map(scsi)[(0, 0)][0]
    path = scsi.tmp / 'hd.img'
    data = scsi.disks.hd
    read_ok(scsi, dev, 0x10, 0x20)
    out, status = scsi.run_status('scsi write $loadaddr 800 20')
    assert status == 0, out
    assert out.endswith('32 blocks written: OK'), out
    want = data[:0x800 * 512] + data[0x10 * 512:0x30 * 512] + \
        data[0x820 * 512:]
    assert path.read_bytes() == want
    scsi.disks.hd = want


def test_scsi_gpt(scsi):
    """A GPT on a SCSI disk: `scsi part` and `part list scsi` list its
    partitions."""
    dev = lun_map(scsi)[(5, 2)][0]
    out, status = scsi.run_status(f'scsi part {dev}')
    assert status == 0, out
    assert f'Partition Map for scsi device {dev}  --   Partition Type: EFI' \
        in out, out
    assert scsi.run_command(f'part list scsi {dev}') == out
    assert 'EFI' in out
    rows = re.findall(r'^\s+(\d+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+"(.*)"',
                      out, re.M)
    assert [(int(n), int(s, 16), int(e, 16), name)
            for n, s, e, name in rows] == [(1, 2048, 4095, 'boot'),
                                           (2, 4096, 8158, 'root')]


def test_scsi_64_luns(make_console, tmp_path):
    """A controller with 64 LUNs spread over targets and LUN numbers: all
    listed, each readable; the scan time is printed by `scsi scan`."""
    disks, images = [], {}
    for i in range(64):
        target, lun = (i % 8) * 31, (i // 8) * 37
        path = tmp_path / f'l{i}.img'
        images[(target, lun)] = make_image(path, 64 * 1024, seed=1000 + i)
        disks.append(Disk(path, kind='scsi', target=target, lun=lun))
    con = make_console(disks)
    luns = lun_map(con)
    assert sorted(luns) == sorted(images)
    assert [luns[k][0] for k in sorted(luns)] == list(range(64))
    base = loadaddr(con)
    for key in [(0, 0), (31, 37), (217, 259)]:
        read_ok(con, luns[key][0], 0, 128)
        assert crc32(con, base, 64 * 1024) == zlib.crc32(images[key])
    pat = (r'^(\S+): (\d+) targets, (\d+) LUNs, 0 failed, (\d+) '
           r'commands in (\d+)\.(\d+) ms \(partition tables '
           r'(\d+)\.(\d+) ms\)$')
    # The host's limits: QEMU's and the sandbox's max_target 255; LUNs
    # from REPORT LUNS, min(max_lun, 8) probed where it is refused
    hosts = [l for l in con.run_command('scsi info').splitlines()
             if not l.startswith(('Device', ' '))]
    assert re.fullmatch(r'\S+: targets 0-255, LUNs from REPORT LUNS '
                        r'\(0-7 if refused\), \d+ bytes per command',
                        hosts[0]), hosts
    # The first scan (with each LUN's UNIT ATTENTION), then a rescan
    for cmd in ('scsi info', 'scsi scan'):
        out = con.run_command(cmd)
        m = re.search(pat, out, re.M)
        assert m, out
        assert (int(m.group(2)), int(m.group(3))) == (8, 64)
        ms = int(m.group(5)) + int(m.group(6)) / 1000
        part_ms = int(m.group(7)) + int(m.group(8)) / 1000
        con.log.write(f'\n--- {cmd}: 256 targets, 64 LUNs: {ms} ms, '
                      f'{m.group(4)} commands; partition tables '
                      f'{part_ms} ms\n')
        assert ms < 5000
    # The rescan numbered them the same way
    assert lun_map(con) == luns


@pytest.mark.boards('sandbox')
def test_scsi_medium_error(make_console, tmp_path):
    """A READ failing with sense data prints one line with the decoded
    sense; the prompt stays and a virtio-blk disk beside it still reads."""
    make_image(tmp_path / 'bad.img', MIB, seed=201)
    good = make_image(tmp_path / 'good.img', MIB, seed=202)
    con = make_console([Disk(tmp_path / 'good.img'),
                        Disk(tmp_path / 'bad.img', kind='scsi')],
                       extra_args=['--fault', 'scsi:medium-error'])
    luns = lun_map(con)
    dev = luns[(0, 0)][0]
    out = con.run_command(f'scsi device {dev}')
    assert out.endswith('... is now current device')
    for _ in range(2):
        out, status = con.run_status('scsi read $loadaddr 10 8')
        assert status == 1
        assert out == (f'scsi read: device {dev} block # 16, count 8 ... '
                       'ERROR (read failed: MEDIUM ERROR, asc 0x11 ascq 0x00 '
                       '(unrecovered read error))')
    assert con.run_command('echo alive') == 'alive'
    read_ok(con, 0, 0, 0x800, iface='virtio')
    assert crc32(con, loadaddr(con), MIB) == zlib.crc32(good)


@pytest.mark.boards('sandbox')
def test_scsi_transient_faults(make_console, tmp_path):
    """BUSY responses and a LUN becoming ready are waited out (a command
    that never completes: test/unit/scsi)."""
    data = make_image(tmp_path / 'd.img', MIB, seed=210)
    for fault in ('scsi-busy,count=2', 'becoming-ready,count=5'):
        con = make_console([Disk(tmp_path / 'd.img', kind='scsi')],
                           extra_args=['--fault', fault])
        read_ok(con, 0, 0, 0x800)
        assert crc32(con, loadaddr(con), MIB) == zlib.crc32(data)
        con.close()


@pytest.mark.boards('sandbox')
def test_scsi_bad_options(sandbox_run, tmp_path):
    """Bad --scsi options are reported in one line."""
    make_image(tmp_path / 'd.img', MIB, seed=220)
    for spec in (f'{tmp_path}/d.img,target=256', f'{tmp_path}/d.img,bs=1000',
                 f'{tmp_path}/nothere.img', f'{tmp_path}/d.img,sparkle'):
        _, out = sandbox_run(['--scsi', spec, '-c', 'echo hi'])
        assert len([l for l in out.splitlines()
                    if l == '--scsi: bad option or file']) == 1, out


def _on(board_name, transport, extra=(), name=None):
    return pytest.param(transport, list(extra),
                        marks=pytest.mark.boards(board_name),
                        id=f'{board_name}-{name or transport}')


@pytest.mark.parametrize('transport, extra', [
    _on('sandbox', None, name='sandbox'),
    _on('qemu-arm64', 'pci'),
    _on('qemu-arm64', 'pci-legacy'),
    _on('qemu-arm64', 'pci-modern'),
    _on('qemu-arm64', 'mmio'),
    _on('qemu-arm64', 'mmio-legacy'),
    _on('qemu-arm64', 'mmio-modern'),
    _on('qemu-s390x', 'ccw'),
    _on('qemu-s390x', 'ccw', ['-global', 'virtio-scsi-ccw.max_revision=0'],
        name='ccw-rev0'),
    _on('qemu-s390x', 'pci'),
    _on('qemu-s390x', 'pci-legacy'),
    _on('qemu-s390x', 'pci-modern'),
])
def test_scsi_transport(make_console, tmp_path, transport, extra):
    """The controller over each transport, legacy ones included (their
    configuration and rings in the CPU's byte order, big-endian on s390x):
    two LUNs read (checked by CRC) and written (checked in the file)."""
    a = make_image(tmp_path / 'a.img', MIB, seed=400)
    b = make_image(tmp_path / 'b.img', MIB, seed=401)
    con = make_console([Disk(tmp_path / 'a.img', kind='scsi',
                             transport=transport),
                        Disk(tmp_path / 'b.img', kind='scsi', target=3, lun=5,
                             bs=4096, transport=transport)],
                       extra_args=extra)
    luns = lun_map(con)
    assert sorted(luns) == [(0, 0), (3, 5)]
    assert '(256 x 4096)' in luns[(3, 5)][1]
    base = loadaddr(con)
    read_ok(con, luns[(3, 5)][0], 0, 256)
    assert crc32(con, base, MIB) == zlib.crc32(b)
    read_ok(con, luns[(0, 0)][0], 0, 2048)
    assert crc32(con, base, MIB) == zlib.crc32(a)
    out, status = con.run_status('scsi write $loadaddr 10 8')
    assert status == 0, out
    assert (tmp_path / 'a.img').read_bytes() == \
        a[:16 * 512] + a[:8 * 512] + a[24 * 512:]
