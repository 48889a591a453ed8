# SPDX-License-Identifier: GPL-2.0-or-later
"""Partition tables and block reads on real disk images.

The images are made in the test by sgdisk (GPT) and sfdisk (MBR with an
extended partition), and what 'part list host N' prints is compared with
what those tools report (sfdisk --json, sgdisk -p). A damaged primary GPT
must be read from the backup; a GPT with both headers damaged must be
refused with one line. 'read' and 'write' must refuse ranges past the
end of a device or partition and unknown devices with one line each.

Each test runs over two interfaces: 'host' (the sandbox's --host FILE,
sandbox only) and 'virtio' (virtio-blk disks, every board).
"""

import json
import re
import shutil
import subprocess
import zlib

import pytest

from harness import Disk, crc32, loadaddr

MIB = 1 << 20
BLK = 512


def tool(name):
    path = shutil.which(name) or shutil.which(name, path='/usr/sbin:/sbin')
    assert path, f'{name} is missing: run scripts/setup'
    return path


def run(*argv, stdin=None):
    res = subprocess.run(argv, input=stdin, capture_output=True, text=True,
                         check=True)
    return res.stdout


def make_gpt(path, size=16 * MIB):
    """A GPT disk with named partitions (one name with a space), a gap
    before partition 3 and a legacy-BIOS-bootable partition 4."""
    with open(path, 'wb') as f:
        f.truncate(size)
    run(tool('sgdisk'),
        '-n', '1:2048:+1M', '-c', '1:boot', '-t', '1:ef00',
        '-n', '2:0:+2M', '-c', '2:rootfs', '-t', '2:8300',
        '-n', '3:10240:+3M', '-c', '3:data part', '-t', '3:0700',
        '-n', '4:0:0', '-c', '4:swap', '-t', '4:8200', '-A', '4:set:2',
        str(path))
    return path


def make_mbr(path, size=32 * MIB):
    """An MBR disk: two primaries (one bootable), an extended partition
    with three logical ones, and an empty slot."""
    with open(path, 'wb') as f:
        f.truncate(size)
    script = ('label: dos\nlabel-id: 0x1234abcd\n'
              'start=2048, size=4096, type=83, bootable\n'
              'start=6144, size=57344, type=5\n'
              'start=8192, size=2048, type=82\n'
              'start=12288, size=4096, type=83\n'
              'start=20480, size=8192, type=c\n'
              'start=49152, size=8192, type=7\n')
    run(tool('sfdisk'), '-q', str(path), stdin=script)
    return path


def sfdisk_json(path):
    return json.loads(run(tool('sfdisk'), '--json', str(path)))[
        'partitiontable']


def zero_block(path, lba, count=1):
    with open(path, 'r+b') as f:
        f.seek(lba * BLK)
        f.write(bytes(BLK * count))


def blocks(path):
    with open(path, 'rb') as f:
        f.seek(0, 2)
        return f.tell() // BLK


def parse_gpt_list(out):
    """The partitions of 'part list' for a GPT: [(num, start, end, name,
    attrs, type, guid)]."""
    lines = out.split('\n')
    parts = []
    for i, line in enumerate(lines):
        m = re.fullmatch(r' *(\d+)\t0x([0-9a-f]{8,})\t0x([0-9a-f]{8,})\t"(.*)"',
                         line)
        if not m:
            continue
        attrs = re.fullmatch(r'\tattrs:\t0x([0-9a-f]{16})', lines[i + 1])
        typ = re.fullmatch(r'\ttype:\t([0-9a-f-]{36})', lines[i + 2])
        guid = re.fullmatch(r'\tguid:\t([0-9a-f-]{36})', lines[i + 3])
        assert attrs and typ and guid, out
        parts.append((int(m.group(1)), int(m.group(2), 16),
                      int(m.group(3), 16), m.group(4), int(attrs.group(1), 16),
                      typ.group(1), guid.group(1)))
    return parts


NAMES = {'host': 'host', 'virtio': 'virtio'}

GPT_HEAD = ('Partition Map for {name} device {n}  --   Partition Type: EFI\n\n'
            'Part\tStart LBA\tEnd LBA\t\tName\n'
            '\tAttributes\n'
            '\tType GUID\n'
            '\tPartition GUID')

DOS_HEAD = ('Partition Map for {name} device {n}  --   Partition Type: DOS\n\n'
            'Part\tStart Sector\tNum Sectors\tUUID\t\tType')


@pytest.fixture(params=[
    pytest.param('host', marks=pytest.mark.buildconfigspec('sandbox_host')),
    'virtio'])
def iface(request):
    """The interface the images are attached to."""
    return request.param


@pytest.fixture
def start(make_console, iface):
    """start(images) -> a console with the images as devices 0, 1, ..."""
    def start(images, extra_args=()):
        kind = 'host' if iface == 'host' else 'blk'
        con = make_console([Disk(img, kind=kind) for img in images],
                           extra_args)
        if iface == 'virtio':
            assert con.run_command('virtio scan') == ''
        return con
    return start


def check_gpt_listing(out, img, iface, n=0):
    assert out.startswith(GPT_HEAD.format(name=NAMES[iface], n=n)), out
    table = sfdisk_json(img)
    assert table['label'] == 'gpt'
    want = []
    for p in table['partitions']:
        num = int(re.search(r'(\d+)$', p['node']).group(1))
        want.append((num, p['start'], p['start'] + p['size'] - 1, p['name'],
                     p['type'].lower(), p['uuid'].lower()))
    got = [(num, start, end, name, typ, guid)
           for num, start, end, name, _, typ, guid in parse_gpt_list(out)]
    assert got == want

    # sgdisk -p agrees on numbers, first and last sectors and names
    rows = re.findall(r'^\s+(\d+)\s+(\d+)\s+(\d+)\s+\S+ \S+\s+\S+\s+(.*)$',
                      run(tool('sgdisk'), '-p', str(img)), re.M)
    assert [(int(a), int(b), int(c), d) for a, b, c, d in rows] == \
        [(num, start, end, name) for num, start, end, name, _, _ in want]


def test_part_list_gpt(start, iface, tmp_path):
    img = make_gpt(tmp_path / 'gpt.img')
    con = start([img])
    out, status = con.run_status(f'part list {iface} 0')
    assert status == 0
    check_gpt_listing(out, img, iface)
    # The attributes: only partition 4 is legacy BIOS bootable (bit 2)
    attrs = {p[0]: p[4] for p in parse_gpt_list(out)}
    assert attrs == {1: 0, 2: 0, 3: 0, 4: 4}


def test_part_list_mbr(start, iface, tmp_path):
    img = make_mbr(tmp_path / 'mbr.img')
    con = start([img])
    out, status = con.run_status(f'part list {iface} 0')
    assert status == 0
    assert out.startswith(DOS_HEAD.format(name=NAMES[iface], n=0)), out

    table = sfdisk_json(img)
    assert table['label'] == 'dos'
    disk_id = int(table['id'], 16)
    want = []
    for p in table['partitions']:
        num = int(re.search(r'(\d+)$', p['node']).group(1))
        typ = int(p['type'], 16)
        flags = (' Extd' if typ in (0x05, 0x0f, 0x85) else '') + \
            (' Boot' if p.get('bootable') else '')
        want.append(f'{num:3d}\t{p["start"]:<10d}\t{p["size"]:<10d}\t'
                    f'{disk_id:08x}-{num:02x}\t{typ:02x}{flags}')
    assert [n for n in (1, 2, 5, 6, 7, 8)] == \
        [int(re.search(r'(\d+)$', p['node']).group(1))
         for p in table['partitions']]
    assert out.split('\n')[3:] == want


def test_part_numbers(start, iface, tmp_path):
    """part start/size/number set variables as U-Boot does (hex)."""
    gpt = make_gpt(tmp_path / 'gpt.img')
    mbr = make_mbr(tmp_path / 'mbr.img')
    con = start([gpt, mbr])
    for dev, img in ((0, gpt), (1, mbr)):
        for p in sfdisk_json(img)['partitions']:
            num = int(re.search(r'(\d+)$', p['node']).group(1))
            assert con.run_command(f'part start {iface} {dev} {num} s; '
                                   f'part size {iface} {dev} {num} z; '
                                   'echo $s $z') == \
                f'{p["start"]:x} {p["size"]:x}'
    assert con.run_command(f'part number {iface} 0 rootfs n; echo $n') == \
        '0x2'
    assert con.run_command(f"part start {iface} 0 'data part'") == '2800'
    assert con.run_command(f'part list {iface} 1 v; echo $v') == \
        '1 2 5 6 7 8'
    assert con.run_command(f'part list {iface} 1 -bootable v; echo $v') == '1'
    assert con.run_command('part types') == \
        'Supported partition tables: EFI, DOS, ISO'
    out, status = con.run_status(f'part start {iface} 0 9')
    assert (out, status) == (f'** No partition 9 in {iface} 0 **', 1)
    out, status = con.run_status(f'part number {iface} 0 nosuch')
    assert (out, status) == (f'** No partition nosuch in {iface} 0 **', 1)


def test_gpt_primary_damaged(start, iface, tmp_path):
    """A zeroed primary header: the table comes from the backup, with one
    warning line first."""
    good = make_gpt(tmp_path / 'good.img')
    bad = tmp_path / 'bad.img'
    shutil.copy(good, bad)
    zero_block(bad, 1)
    con = start([good, bad])
    ref = con.run_command(f'part list {iface} 0')
    out, status = con.run_status(f'part list {iface} 1')
    assert status == 0
    warning, rest = out.split('\n', 1)
    assert warning == ('GPT: primary GPT is invalid (no GPT signature at '
                       'block 1), using the backup GPT')
    assert rest.strip('\n') == ref.replace('device 0', 'device 1')
    check_gpt_listing(rest.strip('\n'), good, iface, n=1)
    # Partition look-ups use the backup too
    assert con.run_command(f'part size {iface} 1 2') == '1000'


def test_gpt_primary_entries_damaged(start, iface, tmp_path):
    """A primary whose entry array fails its CRC: the backup is used."""
    img = make_gpt(tmp_path / 'gpt.img')
    with open(img, 'r+b') as f:
        f.seek(2 * BLK + 56)    # the first entry's name
        f.write(b'X')
    con = start([img])
    out, status = con.run_status(f'part list {iface} 0')
    assert status == 0
    assert out.startswith('GPT: primary GPT is invalid (bad partition '
                          'entries CRC'), out
    assert '"boot"' in out and '"Xoot"' not in out


def test_gpt_both_damaged(start, iface, tmp_path):
    """Both headers damaged: one line, failure, and a working prompt."""
    img = make_gpt(tmp_path / 'gpt.img')
    zero_block(img, 1)
    with open(img, 'r+b') as f:     # the backup header's revision
        f.seek((blocks(img) - 1) * BLK + 8)
        f.write(b'\x07')
    con = start([img])
    out, status = con.run_status(f'part list {iface} 0')
    assert status == 1
    assert re.fullmatch(rf'\*\* {iface} 0: GPT: no valid GPT \(primary: no GPT '
                        r'signature at block 1; backup: bad header CRC '
                        r'0x[0-9a-f]{8} \(computed 0x[0-9a-f]{8}\)\) \*\*',
                        out), out
    out, status = con.run_status(f'part start {iface} 0 1')
    assert (out, status) == (f'** No partition 1 in {iface} 0 **', 1)
    assert con.run_command('echo still here') == 'still here'


def test_part_no_table(start, iface, tmp_path):
    img = tmp_path / 'blank.img'
    with open(img, 'wb') as f:
        f.truncate(MIB)
    con = start([img])
    # U-Boot's line, and success as U-Boot's
    out, status = con.run_status(f'part list {iface} 0')
    assert (out, status) == ('## Unknown partition table type 0', 0)


BAD = [
    ('part list {i} 1', '** Bad device {i} 1 **'),
    ('part list {i} 7', '** Bad device {i} 7 **'),
    ('part list {i} xyz', '** Bad device specification {i} xyz **'),
    ('part list {i} -1', '** Bad device specification {i} -1 **'),
    ('part list foo 0', "** Unknown interface 'foo' **"),
    ('read {i} 1 0 0 1', '** Bad device {i} 1 **'),
    ('read foo 0 0 0 1', "** Unknown interface 'foo' **"),
    ('read {i} x 0 0 1', '** Bad device specification {i} x **'),
    ('read {i} 0:zz 0 0 1', 'Invalid block device 0:zz'),
    ('read {i} 0 0 zz 1', "Invalid block number 'zz': not a hex number"),
    ('read {i} 0 0 0 1g', "Invalid block count '1g': not a hex number"),
    ('read {i} 0 0x1z 0 1', "Invalid address '0x1z': not a hex number"),
    ('read {i} 0:9 0 0 1', 'Cannot find partition 9 on {i} 0'),
    ('read {i} 0:3 0 0 1', 'Cannot find partition 3 on {i} 0'),
    ('write {i} 0:9 0 0 1', 'Cannot find partition 9 on {i} 0'),
]


def test_bad_device(start, iface, tmp_path):
    """Unknown devices and malformed numbers: one line each, failure, a
    working prompt."""
    img = make_mbr(tmp_path / 'mbr.img')
    con = start([img])
    for cmd, err in BAD:
        out, status = con.run_status(cmd.format(i=iface))
        assert (out, status) == (err.format(i=iface), 1)
    assert con.run_command('echo ok') == 'ok'


def test_part_usage(console, board):
    for cmd in ('part', 'part list', 'part list host', 'part nosuch',
                'read host 0 0 0', 'part start host 0'):
        out, status = console.run_status(cmd)
        assert status == 1, cmd
        if board.config.get('CONFIG_SYS_LONGHELP') == 'y':
            assert 'Usage' in out or 'usage' in out, (cmd, out)
        else:       # the summary alone
            assert out.startswith(cmd.split()[0] + ' - '), (cmd, out)


def test_read(start, iface, tmp_path):
    """read copies whole blocks of a device or a partition to memory;
    a range reaching past the end is refused and nothing is read."""
    img = make_mbr(tmp_path / 'mbr.img')
    n = blocks(img)
    data = bytes((i * 7 + 3) & 0xff for i in range(8 * BLK))
    with open(img, 'r+b') as f:
        f.seek(12288 * BLK)             # partition 6
        f.write(data)
        f.seek((n - 2) * BLK)           # the last two blocks
        f.write(data[:2 * BLK])
    con = start([img])
    addr = loadaddr(con)

    out, status = con.run_status(f'read {iface} 0:6 {addr:x} 0 8')
    assert (out, status) == ('', 0)
    assert crc32(con, addr, 8 * BLK) == zlib.crc32(data)
    out, status = con.run_status(f'read {iface} 0 {addr:x} 3000 1')
    assert (out, status) == ('', 0)
    assert crc32(con, addr, BLK) == zlib.crc32(data[:BLK])
    out, status = con.run_status(f'read {iface} 0 {addr:x} {n - 2:x} 2')
    assert (out, status) == ('', 0)
    assert crc32(con, addr, 2 * BLK) == zlib.crc32(data[:2 * BLK])

    # Past the end of the device, of the partition: refused, memory as it was
    con.run_command(f'mw.b {addr:x} 5a {2 * BLK:x}')
    ref = crc32(con, addr, 2 * BLK)
    for cmd, err in (
            (f'read {iface} 0 {addr:x} {n - 1:x} 2',
             f'Read out of range: blocks 0x{n - 1:x}+0x2, the device has '
             f'0x{n:x} blocks'),
            (f'read {iface} 0 {addr:x} {n:x} 1',
             f'Read out of range: blocks 0x{n:x}+0x1, the device has '
             f'0x{n:x} blocks'),
            (f'read {iface} 0 {addr:x} 0 ffffffffffffffff',
             'Read out of range: blocks 0x0+0xffffffffffffffff, the device '
             f'has 0x{n:x} blocks'),
            (f'read {iface} 0:6 {addr:x} fff 2',
             'Read out of range: blocks 0xfff+0x2, the partition has 0x1000 '
             'blocks')):
        out, status = con.run_status(cmd)
        assert (out, status) == (err, 1)
    assert crc32(con, addr, 2 * BLK) == ref


def test_write(start, iface, tmp_path):
    """write stores memory in a partition; past its end it is refused and
    the image is unchanged."""
    img = make_mbr(tmp_path / 'mbr.img')
    before = open(img, 'rb').read()
    con = start([img])
    addr = loadaddr(con)
    con.run_command(f'mw.b {addr:x} a5 {2 * BLK:x}')
    out, status = con.run_status(f'write {iface} 0:5 {addr:x} 7fe 2')
    assert (out, status) == ('', 0)
    out, status = con.run_status(f'write {iface} 0:5 {addr:x} 7ff 2')
    assert (out, status) == ('Write out of range: blocks 0x7ff+0x2, the '
                             'partition has 0x800 blocks', 1)
    con.close()
    after = open(img, 'rb').read()
    start = (8192 + 0x7fe) * BLK
    assert after[start:start + 2 * BLK] == b'\xa5' * (2 * BLK)
    assert after[:start] == before[:start]
    assert after[start + 2 * BLK:] == before[start + 2 * BLK:]
