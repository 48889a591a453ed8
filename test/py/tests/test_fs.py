# SPDX-License-Identifier: GPL-2.0-or-later
"""Files on ext2/3/4, FAT12/16/32 and ISO 9660, through U-Boot's commands.

Every image is made here by the real tools (mke2fs -d, mkfs.vfat + mcopy,
xorriso, sgdisk, sfdisk, debugfs) from a tree of files with known random
contents; what `load` puts in memory is checked with `crc32` against the
host's bytes. One board per module carries all the disks:

    virtio 0  GPT: 1 FAT32, 2 ext4 (4 KiB blocks), 3 ext2 (1 KiB blocks)
    virtio 1  MBR: 1 FAT16, 2 FAT12, 3 ext3, 4 no filesystem
    virtio 2  ext4 on the whole disk: 300-entry htree directory, a file
              with holes, a fragmented file
    virtio 3  an ISO 9660 image (Rock Ridge + Joliet) as a disk
    scsi 0    the same ISO on a CD-ROM LUN (2048-byte blocks)
    scsi 1    FAT32 with a fragmented file, on the whole disk
"""

import hashlib
import os
import re
import shutil
import zlib

import pytest

from harness import Disk, crc32, loadaddr
from harness import fsimg

MIB = 1 << 20


class Layout:
    """The disks and what each filesystem holds."""

    def __init__(self, tmp):
        self.tmp = tmp
        t = tmp / 'tree'
        self.files = fsimg.make_tree(t, seed=7)
        tf = tmp / 'tree-fat'
        self.fat_files = fsimg.make_tree(tf, seed=7, symlinks=False)
        fsimg.fat_image(tmp / 'fat32.img', tf, 40 * MIB, 32)
        fsimg.ext_image(tmp / 'ext4.img', t, 16 * MIB)
        fsimg.ext_image(tmp / 'ext2.img', t, 8 * MIB, 'ext2', 1024)
        fsimg.fat_image(tmp / 'fat16.img', tf, 16 * MIB, 16)
        fsimg.fat_image(tmp / 'fat12.img', tf, 4 * MIB, 12)
        fsimg.ext_image(tmp / 'ext3.img', t, 8 * MIB, 'ext3', 1024)
        with open(tmp / 'raw.img', 'wb') as f:
            f.write(os.urandom(MIB))
        fsimg.partitioned_disk(tmp / 'gpt.img', [
            (tmp / 'fat32.img', '0700'), (tmp / 'ext4.img', '8300'),
            (tmp / 'ext2.img', '8300')])
        fsimg.partitioned_disk(tmp / 'mbr.img', [
            (tmp / 'fat16.img', 'e'), (tmp / 'fat12.img', '1'),
            (tmp / 'ext3.img', '83'), (tmp / 'raw.img', '83')], label='dos')

        # Whole-disk ext4: htree directory, holes, a fragmented file
        tw = tmp / 'tree-whole'
        self.whole_files = fsimg.make_tree(tw, seed=8, many=300)
        sparse = bytearray(5 * MIB)
        sparse[:4096] = os.urandom(4096)
        sparse[3 * MIB:3 * MIB + 10000] = os.urandom(10000)
        sparse[-5:] = b'tail\n'
        with open(tw / 'sparse.bin', 'wb') as f:
            f.write(sparse[:4096])
            f.seek(3 * MIB)
            f.write(sparse[3 * MIB:3 * MIB + 10000])
            f.seek(5 * MIB - 5)
            f.write(b'tail\n')
        self.whole_files['sparse.bin'] = bytes(sparse)
        fsimg.ext_image(tmp / 'whole.img', tw, 32 * MIB)
        self.whole_files['frag.bin'] = fsimg.ext_fragment(
            tmp / 'whole.img', tmp / 'frag.bin', 'frag.bin', seed=9)

        # ISO 9660 (Rock Ridge and Joliet): as a disk and on a CD-ROM
        fsimg.iso_image(tmp / 'cd.iso', t)
        # (a copy for the CD-ROM: QEMU locks a file two drives write to)
        shutil.copyfile(tmp / 'cd.iso', tmp / 'cdrom.iso')
        # FAT32 on a whole SCSI disk, with a fragmented file
        self.scsi_fat_files = dict(self.fat_files)
        fsimg.fat_image(tmp / 'scsifat.img', tf, 40 * MIB, 32)
        self.scsi_fat_files['frag.bin'] = fsimg.fat_fragment(
            tmp / 'scsifat.img', tmp / 'ffrag.bin', 'frag.bin', seed=10)

        self.disks = [
            Disk(tmp / 'gpt.img'), Disk(tmp / 'mbr.img'),
            Disk(tmp / 'whole.img'), Disk(tmp / 'cd.iso'),
            Disk(tmp / 'cdrom.iso', kind='scsi', cd=True),
            Disk(tmp / 'scsifat.img', kind='scsi', target=1),
        ]
        # (interface, dev:part, fstype, files, symlinks?, case-insensitive?)
        self.fs = {
            'fat32': ('virtio', '0:1', 'fat', self.fat_files, False, True),
            'ext4': ('virtio', '0:2', 'ext4', self.files, True, False),
            'ext2': ('virtio', '0:3', 'ext4', self.files, True, False),
            'fat16': ('virtio', '1:1', 'fat', self.fat_files, False, True),
            'fat12': ('virtio', '1:2', 'fat', self.fat_files, False, True),
            'ext3': ('virtio', '1:3', 'ext4', self.files, True, False),
            'whole': ('virtio', '2', 'ext4', self.whole_files, True, False),
            'isodisk': ('virtio', '3', 'iso9660', self.files, True, False),
            'cdrom': ('scsi', '0', 'iso9660', self.files, True, False),
            'scsifat': ('scsi', '1', 'fat', self.scsi_fat_files, False,
                        True),
        }


@pytest.fixture(scope='module')
def fs(board, console_log, tmp_path_factory):
    """One board with every disk of Layout, shared by the module."""
    from conftest import _start, _close
    layout = Layout(tmp_path_factory.mktemp('fs'))
    con = _start(board, console_log, layout.disks)
    con.layout = layout
    con.base = loadaddr(con)
    # As on U-Boot's qemu boards before their first SCSI command (virtio
    # too: virtboot probes it on first use inside 'virtio' only)
    con.run_command('virtio scan')
    con.run_command('scsi scan')
    yield con
    _close(con)


def load_ok(con, iface, devpart, path, data, addr=None):
    """`load` a file; check the message, filesize and the bytes' CRC."""
    addr = con.base if addr is None else addr
    out = con.run_command(f'load {iface} {devpart} {addr:x} "{path}"')
    m = re.fullmatch(r'(\d+) bytes read in \d+ ms( \(\d+(\.\d)? '
                     r'([KMG]iB|Bytes)/s\))?', out)
    assert m, f'load {path}: {out!r}'
    assert int(m.group(1)) == len(data), (path, out)
    assert con.run_command('printenv filesize') == f'filesize={len(data):x}'
    if data:
        assert crc32(con, addr, len(data)) == zlib.crc32(data), path


ALL = ['fat32', 'ext4', 'ext2', 'fat16', 'fat12', 'ext3', 'whole',
       'isodisk', 'cdrom', 'scsifat']


def test_fstype(fs, board):
    """fstype names each filesystem; fstypes lists the three (and the
    sandbox's host files)."""
    assert fs.run_command('fstypes') == \
        'Supported filesystems: ext4, fat, iso9660' + \
        (', sandbox' if board.is_sandbox() else '')
    for name in ALL:
        iface, devpart, typ = fs.layout.fs[name][:3]
        if ':' not in devpart:
            devpart += ':0'
        assert fs.run_command(f'fstype {iface} {devpart}') == typ, name
    fs.run_command('fstype virtio 1:2 fsvar')
    assert fs.run_command('printenv fsvar') == 'fsvar=fat'


@pytest.mark.parametrize('name', ALL)
def test_load_every_file(fs, name):
    """Every file of the tree loads with its exact bytes."""
    iface, devpart, _, files, _, _ = fs.layout.fs[name]
    for path, data in sorted(files.items()):
        load_ok(fs, iface, devpart, '/' + path, data)


@pytest.mark.parametrize('name', ALL)
def test_ls_root(fs, name):
    """ls / lists the top-level names in U-Boot's generic format."""
    iface, devpart, _, files, links, _ = fs.layout.fs[name]
    out = fs.run_command(f'ls {iface} {devpart} /')
    lines = out.split('\n')
    top_files = {p: len(d) for p, d in files.items() if '/' not in p}
    top_dirs = {p.split('/')[0] for p in files if '/' in p}
    seen_files, seen_dirs = {}, set()
    for line in lines[:-2]:
        m = re.fullmatch(r' +(\d+)   (.+)', line)
        if m:
            seen_files[m.group(2)] = int(m.group(1))
            continue
        m = re.fullmatch(r' {12}(.+)/', line)
        if m:
            seen_dirs.add(m.group(1))
            continue
        m = re.fullmatch(r'    <SYM>   (.+)', line)
        assert m, f'{name}: unexpected ls line {line!r}'
        seen_files[m.group(1)] = None
    for path, size in top_files.items():
        assert seen_files.get(path) == size, (name, path, out)
    assert top_dirs <= seen_dirs, (name, out)
    if links:
        assert 'deep.link' in seen_files and seen_files['deep.link'] is None
    m = re.fullmatch(r'(\d+) file\(s\), (\d+) dir\(s\)', lines[-1])
    assert m and lines[-2] == '', out
    assert int(m.group(1)) == len(seen_files)
    assert int(m.group(2)) == len(seen_dirs)


@pytest.mark.parametrize('name', ALL)
def test_size_and_exists(fs, name):
    """size sets filesize; test -e tells files, directories and nothing
    apart; a missing file fails."""
    iface, devpart, _, files, _, _ = fs.layout.fs[name]
    assert fs.run_command(f'size {iface} {devpart} /big.bin') == ''
    assert fs.run_command('printenv filesize') == \
        f'filesize={len(files["big.bin"]):x}'
    for path, want in (('/boot/vmlinuz', 0), ('/boot', 0),
                       ('/a/b/c/d/deep.txt', 0), ('/nothere', 1),
                       ('/boot/nothere', 1)):
        out, st = fs.run_status(f'test -e {iface} {devpart} "{path}"')
        assert (out, st) == ('', want), (name, path, out)
    # a missing file: status 1 without a word, as U-Boot's size
    out, st = fs.run_status(f'size {iface} {devpart} /nothere')
    assert (out, st) == ('', 1), out
    out, st = fs.run_status(f'load {iface} {devpart} {fs.base:x} /nothere')
    assert st == 1 and out == "Failed to load '/nothere'", out


@pytest.mark.parametrize('name', ['fat32', 'ext4', 'ext2', 'isodisk',
                                  'cdrom'])
def test_load_part_of_file(fs, name):
    """bytes and pos (hex) read a slice; pos at the end fails."""
    iface, devpart, _, files, _, _ = fs.layout.fs[name]
    data = files['big.bin']
    for length, pos in ((0x1000, 0), (0x333, 0x1ff), (0x10000, 0xfffff),
                        (0, 0x100001)):
        want = data[pos:pos + length] if length else data[pos:]
        out = fs.run_command(f'load {iface} {devpart} {fs.base:x} /big.bin '
                             f'{length:x} {pos:x}')
        assert out.startswith(f'{len(want)} bytes read in'), out
        assert crc32(fs, fs.base, len(want)) == zlib.crc32(want)
    # a position at the end fails, as in U-Boot
    out, st = fs.run_status(f'load {iface} {devpart} {fs.base:x} /big.bin '
                            f'10 {len(data):x}')
    assert (out, st) == ("Failed to load '/big.bin'", 1), out


@pytest.mark.parametrize('name', ['ext4', 'ext2', 'whole', 'isodisk'])
def test_symlinks(fs, name):
    """A relative and an absolute symbolic link load their targets."""
    iface, devpart, _, files, _, _ = fs.layout.fs[name]
    load_ok(fs, iface, devpart, '/boot/vmlinuz.link', files['boot/vmlinuz'])
    load_ok(fs, iface, devpart, '/deep.link', files['a/b/c/d/deep.txt'])
    out = fs.run_command(f'ls {iface} {devpart} /boot')
    assert '    <SYM>   vmlinuz.link' in out.split('\n'), out


@pytest.mark.parametrize('name', ['fat32', 'fat16', 'fat12', 'scsifat'])
def test_fat_case_and_long_names(fs, name):
    """FAT names match whatever their case; long names with spaces load."""
    iface, devpart, _, files, _, _ = fs.layout.fs[name]
    load_ok(fs, iface, devpart, '/BOOT/VMLINUZ', files['boot/vmlinuz'])
    load_ok(fs, iface, devpart, '/mixedcase.bin', files['MixedCase.Bin'])
    out = fs.run_command(f'fatload {iface} {devpart} {fs.base:x} '
                         f'"/A Long File Name With Spaces.txt"')
    assert out.startswith('2048 bytes read'), out
    out = fs.run_command(f'fatls {iface} {devpart} /')
    assert '     2048   A Long File Name With Spaces.txt' in out.split('\n')


def test_paths(fs):
    """Repeated slashes, '.', '..' and no leading slash, as U-Boot."""
    files = fs.layout.files
    for path in ('//boot///vmlinuz', '/a/../boot/./vmlinuz', 'boot/vmlinuz',
                 '/a/b/../../boot/vmlinuz'):
        load_ok(fs, 'virtio', '0:2', path, files['boot/vmlinuz'])


def test_htree_holes_fragments(fs):
    """A 300-entry (htree) directory lists and finds every file; a file
    with holes reads zeros in them; a fragmented file reads whole."""
    files = fs.layout.whole_files
    out = fs.run_command('ls virtio 2 /many')
    assert out.split('\n')[-1] == '300 file(s), 2 dir(s)', out[-200:]
    for i in (0, 1, 150, 299):
        p = f'many/file-{i:04d}.dat'
        load_ok(fs, 'virtio', '2', '/' + p, files[p])
    load_ok(fs, 'virtio', '2', '/sparse.bin', files['sparse.bin'])
    load_ok(fs, 'virtio', '2', '/frag.bin', files['frag.bin'])


def test_fs_specific_commands(fs):
    """ext4*/ext2*/fat* accept only their filesystem; size variants set
    filesize."""
    files = fs.layout.files
    out = fs.run_command(f'ext4load virtio 0:2 {fs.base:x} /boot/vmlinuz')
    assert out.startswith(f'{len(files["boot/vmlinuz"])} bytes read'), out
    out = fs.run_command(f'ext2load virtio 0:3 {fs.base:x} /one')
    assert out.startswith('1 bytes read'), out
    # another filesystem than the command's: U-Boot's lines only
    out, st = fs.run_status(f'ext4load virtio 0:1 {fs.base:x} /one')
    assert (out, st) == ("Can't set block device", 1), out
    out, st = fs.run_status('fatls virtio 0:2 /')
    assert (out, st) == ('', 1), out
    assert fs.run_command('ext4size virtio 0:2 /b4097') == ''
    assert fs.run_command('printenv filesize') == 'filesize=1001'
    assert fs.run_command('fatsize virtio 1:1 /b511') == ''
    assert fs.run_command('printenv filesize') == 'filesize=1ff'
    out = fs.run_command('ext4ls virtio 0:2 /a/b')
    assert out.split('\n')[-1] == '0 file(s), 3 dir(s)', out


def test_fatinfo(fs):
    """fatinfo: the device as `virtio info` shows it, then the FAT type
    and label; a partition that is not FAT is U-Boot's one line."""
    for iface, devpart, bits in (('virtio', '0:1', 32), ('virtio', '1:1', 16),
                                 ('virtio', '1:2', 12), ('scsi', '1', 32)):
        out = fs.run_command(f'fatinfo {iface} {devpart}').split('\n')
        assert out[0] == f'Interface:  {iface}', out
        assert out[1].startswith(f'  Device {devpart[0]}: '), out
        assert out[-1] == f'Filesystem: FAT{bits} "VIRTBOOT   "', out
    out, st = fs.run_status('fatinfo virtio 0:2')
    # (U-Boot prints an empty line before it)
    assert st == 1 and out.strip() == \
        '** Unable to use virtio 0:2 for fatinfo **', out
    out, st = fs.run_status('fatinfo virtio 7')
    assert st == 1 and out == '** Bad device virtio 7 **', out


def test_device_specs(fs):
    """dev (partition 1), dev:auto, dev:0 (whole disk); bad devices and
    partitions and a partition without a filesystem are one line each."""
    files = fs.layout.fat_files
    load_ok(fs, 'virtio', '0', '/one', files['one'])
    load_ok(fs, 'virtio', '1:auto', '/one', files['one'])
    # U-Boot 2023.01's two lines
    out, st = fs.run_status('ls virtio 7 /')
    assert (out, st) == ('** Bad device specification virtio 7 **\n'
                         "Couldn't find partition virtio 7", 1)
    out, st = fs.run_status('ls virtio 0:9 /')
    assert (out, st) == ('** Invalid partition 9 **\n'
                         "Couldn't find partition virtio 0:9", 1)
    out, st = fs.run_status('ls virtio 1:4 /')
    assert st == 1 and out == '** Unrecognized filesystem type **', out
    out, st = fs.run_status('ls virtio 0:2 /nothere')
    assert st == 1 and out == '', out
    out, st = fs.run_status('load virtio 0:2 0 /boot')
    assert st == 1 and out.startswith("Failed to load '/boot'"), out
    out, st = fs.run_status('ls nosuch 0 /')
    assert st == 1 and out.count('\n') == 1, out
    out, st = fs.run_status('load virtio 7 0 /one')
    assert st == 1 and out.endswith("\nCan't set block device"), out


def test_load_defaults_and_bounds(fs):
    """load takes loadaddr and bootfile by default; a file that would run
    past the end of RAM is refused in one line."""
    files = fs.layout.files
    fs.run_command('setenv bootfile /boot/initrd.img')
    out = fs.run_command('load virtio 0:2')
    assert out.startswith(f'{len(files["boot/initrd.img"])} bytes read'), out
    assert fs.run_command('printenv fileaddr') == f'fileaddr={fs.base:x}'
    fs.run_command('setenv bootfile')
    out, st = fs.run_status('load virtio 0:2')
    assert st == 1 and out == '** No boot file defined **', out
    out, st = fs.run_status('load virtio 0:2 ffffffffffff0000 /big.bin')
    assert st == 1 and out.startswith("Failed to load '/big.bin'\n** "), out
    assert 'RAM' in out, out


def test_md5sum(fs):
    """md5sum of a loaded file is the host's MD5; -v checks it."""
    data = fs.layout.files['big.bin']
    load_ok(fs, 'virtio', '0:2', '/big.bin', data)
    want = hashlib.md5(data).hexdigest()
    out = fs.run_command(f'md5sum {fs.base:x} {len(data):x}')
    assert out == (f'md5 for {fs.base:08x} ... '
                   f'{fs.base + len(data) - 1:08x} ==> {want}'), out
    fs.run_command(f'md5sum {fs.base:x} {len(data):x} md5var')
    assert fs.run_command('printenv md5var') == f'md5var={want}'
    assert fs.run_status(f'md5sum -v {fs.base:x} {len(data):x} {want}') == \
        ('', 0)
    out, st = fs.run_status(f'md5sum -v {fs.base:x} 10 {want}')
    assert st == 1 and '!=' in out, out
    for n in (0, 1, 55, 56, 63, 64, 65):
        d = data[:n]
        out = fs.run_command(f'md5sum {fs.base:x} {n:x}')
        assert out.endswith(hashlib.md5(d).hexdigest()), (n, out)


def test_fsuuid(fs):
    """fsuuid gives the ext4 UUID and the FAT volume id as blkid does."""
    import subprocess
    tmp = fs.layout.tmp
    want = subprocess.run(['/usr/sbin/blkid', '-o', 'value', '-s', 'UUID',
                           str(tmp / 'ext4.img')], capture_output=True,
                          text=True, check=True).stdout.strip()
    assert fs.run_command('fsuuid virtio 0:2') == want
    want = subprocess.run(['/usr/sbin/blkid', '-o', 'value', '-s', 'UUID',
                           str(tmp / 'fat32.img')], capture_output=True,
                          text=True, check=True).stdout.strip()
    assert fs.run_command('fsuuid virtio 0:1') == want


TRANSPORTS = {'qemu-arm64': ['mmio', 'pci-legacy', 'pci-modern'],
              'qemu-s390x': ['pci-legacy', 'pci-modern']}


@pytest.mark.boards('qemu-arm64', 'qemu-s390x')
def test_fs_transports(board, make_console, tmp_path):
    """ext4 and FAT on virtio-blk over the board's other transports (MMIO,
    legacy and modern PCI on arm64; zPCI on s390x): each disk is found by
    a file only it holds and a file loads whole from it."""
    transports = TRANSPORTS[board.name]
    disks, want = [], {}
    for i, transport in enumerate(transports):
        tree = tmp_path / f't{i}'
        tree.mkdir()
        data = os.urandom(300000 + i)
        (tree / 'data.bin').write_bytes(data)
        (tree / f'is-{transport}').write_bytes(b'')
        img = tmp_path / f'{transport}.img'
        if i % 2:
            fsimg.fat_image(img, tree, 16 * fsimg.MIB, 16)
        else:
            fsimg.ext_image(img, tree, 8 * fsimg.MIB)
        disks.append(Disk(img, transport=transport))
        want[transport] = data
    con = make_console(disks)
    con.run_command('virtio scan')
    base = loadaddr(con)
    found = {}
    for dev in range(len(transports)):
        for transport in transports:
            out, st = con.run_status(f'test -e virtio {dev} /is-{transport}')
            if st == 0:
                found[transport] = dev
    assert sorted(found) == sorted(transports), found
    for transport, dev in found.items():
        data = want[transport]
        out = con.run_command(f'load virtio {dev} {base:x} /data.bin')
        assert out.startswith(f'{len(data)} bytes read'), (transport, out)
        assert crc32(con, base, len(data)) == zlib.crc32(data), transport
