# SPDX-License-Identifier: GPL-2.0-or-later
"""Damaged filesystems: one clear line, a failed status, a working prompt.

Images are made by the real tools and then damaged the way a disk goes
bad (debugfs's set_inode_field/set_bg/link, bytes poked with Python):

    virtio 0  ext4: a symlink loop, an extent past the end of the disk,
              an extent index block that points to itself, a directory
              hard-linked into itself, a 3 GiB file with holes
    virtio 1  ext4 whose group descriptor puts inode table past the end
    virtio 2  ext4 cut to half its size (blocks past the end of the disk)
    virtio 3  FAT16 with a cluster chain that loops, one that leaves the
              data area, and a file longer than its chain
    virtio 4  ISO 9660 (Rock Ridge) with a symlink loop, a file and a
              directory whose extents lie past the end of the image
"""

import os
import re
import struct
import subprocess

import pytest

from harness import Disk
from harness import fsimg

MIB = 1 << 20


def debugfs(img, *cmds):
    subprocess.run(['/usr/sbin/debugfs', '-w', '-f', '-', str(img)],
                   input='\n'.join(cmds).encode(), check=True,
                   capture_output=True)


def inode_of(img, path):
    out = subprocess.run(['/usr/sbin/debugfs', '-R', f'stat {path}',
                          str(img)], capture_output=True, text=True,
                         check=True).stdout
    return int(re.search(r'Inode: (\d+)', out).group(1))


def fat16_poke(img, name, how):
    """Damage the chain of root-directory file @name of FAT16 image @img:
    'loop' (its second cluster points back to the first), 'outside' (to a
    cluster past the data area), 'short' (it ends after one cluster)."""
    with open(img, 'r+b') as f:
        bs = f.read(512)
        bps, spc, rsvd, nfats, nroot, _, _, fatsz = struct.unpack_from(
            '<HBHBHHBH', bs, 11)
        total = struct.unpack_from('<H', bs, 19)[0] or \
            struct.unpack_from('<I', bs, 32)[0]
        root = (rsvd + nfats * fatsz) * bps
        f.seek(root)
        ents = f.read(nroot * 32)
        want = name.upper().ljust(8).encode()[:8]
        for off in range(0, len(ents), 32):
            if ents[off:off + 8] == want:
                first = struct.unpack_from('<H', ents, off + 26)[0]
                break
        else:
            raise RuntimeError(f'{name} not in {img}')
        nclusters = (total - rsvd - nfats * fatsz -
                     nroot * 32 // bps) // spc
        for fat in range(nfats):
            base = (rsvd + fat * fatsz) * bps
            f.seek(base + 2 * first)
            second = struct.unpack('<H', f.read(2))[0]
            if how == 'loop':
                f.seek(base + 2 * second)
                f.write(struct.pack('<H', first))
            elif how == 'outside':
                f.seek(base + 2 * first)
                f.write(struct.pack('<H', nclusters + 10))
            else:
                f.seek(base + 2 * first)
                f.write(struct.pack('<H', 0xffff))


def make_disks(tmp):
    """The damaged images in @tmp: (disks, files of the tree, frag.bin)"""
    tree = tmp / 'tree'
    files = fsimg.make_tree(tree, seed=21, long_names=False)
    os.symlink('loop2', tree / 'loop1')
    os.symlink('loop1', tree / 'loop2')
    with open(tree / 'huge.bin', 'wb') as f:
        f.truncate(3 << 30)
        f.write(b'x')
    e = tmp / 'e.img'
    fsimg.ext_image(e, tree, 24 * MIB)
    frag = fsimg.ext_fragment(e, tmp / 'frag', 'frag.bin', seed=22)
    fsimg.ext_fragment(e, tmp / 'frag', 'frag2.bin', seed=23)
    # frag2.bin's extent block points to itself; pastend.bin's
    # first extent starts far past the end of the disk
    ino = inode_of(e, 'frag2.bin')
    out = subprocess.run(['/usr/sbin/debugfs', '-R', f'stat <{ino}>', str(e)],
                         capture_output=True, text=True, check=True).stdout
    idx = int(re.search(r'\(ETB0\):\s*(\d+)', out).group(1))
    bsize = 4096
    with open(e, 'r+b') as f:
        # the leaf under the inode's index becomes an index node
        # (eh_depth 1) whose first entry (ei_leaf_lo) points to itself
        f.seek(idx * bsize + 6)
        f.write(struct.pack('<H', 1))
        f.seek(idx * bsize + 12 + 4)
        f.write(struct.pack('<I', idx))
    debugfs(e, 'write /dev/null pastend.bin')
    with open(tmp / 'pe', 'wb') as f:
        f.write(os.urandom(8192))
    debugfs(e, 'rm pastend.bin', f'write {tmp / "pe"} pastend.bin',
            'sif pastend.bin block[5] 0x7ffffff0',
            'mkdir selfdir', 'link selfdir selfdir/again')

    g = tmp / 'g.img'
    fsimg.ext_image(g, tree, 8 * MIB)
    debugfs(g, 'set_bg 0 inode_table 0x7ffffff0', 'set_bg 0 checksum calc')

    h = tmp / 'h.img'
    fsimg.ext_image(h, tree, 16 * MIB)
    with open(h, 'r+b') as f:
        f.truncate(8 * MIB)

    fat = tmp / 'f.img'
    ft = tmp / 'ftree'
    os.makedirs(ft)
    for n in ('loop.bin', 'outside.bin', 'short.bin', 'good.bin'):
        with open(ft / n, 'wb') as f:
            f.write(os.urandom(20000))
    fsimg.fat_image(fat, ft, 16 * MIB, 16)
    fat16_poke(fat, 'loop', 'loop')
    fat16_poke(fat, 'outside', 'outside')
    fat16_poke(fat, 'short', 'short')

    iso = tmp / 'i.iso'
    it = tmp / 'itree'
    os.makedirs(it / 'subdir')
    for n in ('pastend.bin', 'good.bin', 'subdir/inner.bin'):
        with open(it / n, 'wb') as f:
            f.write(os.urandom(20000))
    os.symlink('loop2', it / 'loop1')
    os.symlink('loop1', it / 'loop2')
    fsimg.iso_image(iso, it, joliet=False)
    iso_poke_extent(iso, b'PASTEND.BIN;1', 0x7ffffff0)
    iso_poke_extent(iso, b'SUBDIR', 0x7ffffff0)

    return [Disk(e), Disk(g), Disk(h), Disk(fat), Disk(iso)], files, frag


def iso_poke_extent(img, ident, lba):
    """Point the root-directory record @ident of ISO image @img at
    sector @lba (both byte orders)."""
    with open(img, 'r+b') as f:
        f.seek(16 * 2048 + 156)
        root = f.read(34)
        start, size = struct.unpack_from('<I', root, 2)[0], \
            struct.unpack_from('<I', root, 10)[0]
        f.seek(start * 2048)
        data = f.read(size)
        off = 0
        while off < len(data):
            n = data[off]
            if not n:
                off = (off // 2048 + 1) * 2048
                continue
            if data[off + 33:off + 33 + data[off + 32]] == ident:
                f.seek(start * 2048 + off + 2)
                f.write(struct.pack('<I', lba) + struct.pack('>I', lba))
                return
            off += n
    raise RuntimeError(f'{ident} not in {img}')


@pytest.fixture(scope='module')
def bad(board, console_log, tmp_path_factory):
    from conftest import _start, _close
    disks, files, frag = make_disks(tmp_path_factory.mktemp('fsbad'))
    con = _start(board, console_log, disks)
    con.files = files
    con.frag = frag
    con.run_command('virtio scan')
    yield con
    _close(con)


def fails_one_line(con, cmd, start=None):
    """@cmd fails with one line (starting with @start) and the prompt
    works after it. A load's failure is U-Boot's line ("Failed to load
    'name'", @start without its ': ') and the reason on one more."""
    out, st = con.run_status(cmd)
    assert st == 1, (cmd, out)
    if start and start.startswith('Failed to load'):
        lines = out.split('\n')
        assert len(lines) == 2 and lines[0] == start[:-2] and \
            lines[1].startswith('** ') and lines[1].endswith(' **'), \
            (cmd, out)
        start = None
    assert out and (start is None or '\n' not in out), (cmd, out)
    if start:
        assert out.startswith(start), (cmd, out)
    assert con.run_command('echo alive') == 'alive'
    return out


def test_ext4_symlink_loop(bad):
    out = fails_one_line(bad, 'load virtio 0 $loadaddr /loop1',
                         "Failed to load '/loop1': ")
    assert 'link' in out, out


def test_ext4_extent_past_disk(bad):
    fails_one_line(bad, 'load virtio 0 $loadaddr /pastend.bin',
                   "Failed to load '/pastend.bin': ")
    # the filesystem is still usable
    out = bad.run_command('load virtio 0 $loadaddr /frag.bin')
    assert out.startswith(f'{len(bad.frag)} bytes read'), out


def test_ext4_extent_index_loop(bad):
    fails_one_line(bad, 'load virtio 0 $loadaddr /frag2.bin',
                   "Failed to load '/frag2.bin': ")


def test_ext4_directory_in_itself(bad):
    """A directory linked into itself is just a deep path: finite."""
    out = bad.run_command('ls virtio 0 /selfdir/again/again/again')
    assert 'again/' in out, out


def test_ext4_group_table_past_end(bad):
    out = fails_one_line(bad, 'load virtio 1 $loadaddr /one',
                         "Failed to load '/one': ")
    assert 'past the end' in out, out


def test_ext4_cut_short(bad):
    out, st = bad.run_status('ls virtio 2 /')
    assert st in (0, 1)
    out, st = bad.run_status('load virtio 2 $loadaddr /big.bin')
    assert bad.run_command('echo alive') == 'alive'


def test_file_larger_than_memory(bad):
    fails_one_line(bad, 'load virtio 0 $loadaddr /huge.bin',
                   "Failed to load '/huge.bin': ")


def test_fat_chain_loop(bad):
    out = fails_one_line(bad, 'load virtio 3 $loadaddr /loop.bin',
                         "Failed to load '/loop.bin': ")
    fails_one_line(bad, 'load virtio 3 $loadaddr /outside.bin',
                   "Failed to load '/outside.bin': ")
    fails_one_line(bad, 'load virtio 3 $loadaddr /short.bin',
                   "Failed to load '/short.bin': ")
    out = bad.run_command('load virtio 3 $loadaddr /good.bin')
    assert out.startswith('20000 bytes read'), out


def test_iso_damaged(bad):
    """A Rock Ridge symlink loop and extents past the end of the image:
    one line each, and the rest of the volume still reads."""
    out = fails_one_line(bad, 'load virtio 4 $loadaddr /loop1',
                         "Failed to load '/loop1': ")
    assert 'link' in out, out
    fails_one_line(bad, 'load virtio 4 $loadaddr /pastend.bin',
                   "Failed to load '/pastend.bin': ")
    out, st = bad.run_status('ls virtio 4 /subdir')
    assert st == 1 and '\n' not in out, out
    fails_one_line(bad, 'load virtio 4 $loadaddr /subdir/inner.bin',
                   "Failed to load '/subdir/inner.bin': ")
    out = bad.run_command('load virtio 4 $loadaddr /good.bin')
    assert out.startswith('20000 bytes read'), out
