# SPDX-License-Identifier: GPL-2.0-or-later
"""The ext2/3/4 filesystem (fs/ext4/) on real mke2fs images, on the host.

Images are made at test time by mke2fs -d (and e2fsck -D, which indexes
large directories as Linux does) in the shapes the reader must know:
ext2 with direct, single, double and triple indirect blocks; ext3; ext4
with 1 KiB and 4 KiB blocks, 64bit, meta_bg, without flex_bg, bigalloc,
a 64 KiB block size; files with holes; extent trees with an
index level (a file written into the holes of deleted ones); htree
directories; fast and slow symbolic links, relative and absolute. The
host mode of the fuzz target (test/fuzz/fuzz_ext4.c, FUZZ_EXT4_IMAGE=)
walks each image and prints every file with its bytes (links followed),
which must match the source tree; a contiguous file must come in few
device reads, and the UUID must be blkid's.

A missing tool (mke2fs, debugfs, e2fsck, blkid, clang) fails the test:
run scripts/setup.
"""

import os
import random
import subprocess

import pytest

from harness import fsimg

pytestmark = pytest.mark.boards('sandbox')

MIB = 1 << 20


@pytest.fixture(scope='module')
def reader():
    return fsimg.fuzz_reader('ext4')


@pytest.fixture(scope='module')
def tree(tmp_path_factory):
    """A source tree: fsimg's corner sizes, a 400-entry directory, a file
    with holes whose data lies in the triple-indirect range of 1 KiB
    blocks, symbolic links (fast, slow, absolute, through a link)."""
    root = tmp_path_factory.mktemp('exttree') / 't'
    files = fsimg.make_tree(root, seed=31, many=400)
    rnd = random.Random(32)
    sparse = bytearray(70 * MIB)
    for off in (0, 12 * 1024, 300 * 1024, 40 * MIB, 70 * MIB - 4096):
        sparse[off:off + 4096] = rnd.randbytes(4096)
    (root / 'sparse.bin').write_bytes(bytes(sparse))
    files['sparse.bin'] = bytes(sparse)
    os.symlink('a/b/' + 'x' * 70, root / 'slow.link')
    (root / 'a/b' / ('x' * 70)).write_bytes(b'slow target\n')
    files['a/b/' + 'x' * 70] = b'slow target\n'
    os.symlink('boot', root / 'bootdir.link')
    # links resolve to their targets' bytes
    files['boot/vmlinuz.link'] = files['boot/vmlinuz']
    files['deep.link'] = files['a/b/c/d/deep.txt']
    files['slow.link'] = b'slow target\n'
    return root, files


SHAPES = [
    # name, fstype, block size, size, extra mke2fs options
    ('ext2-1k', 'ext2', 1024, 96 * MIB, ()),
    ('ext3-4k', 'ext3', 4096, 96 * MIB, ()),
    ('ext4-1k', 'ext4', 1024, 96 * MIB, ()),
    ('ext4-4k', 'ext4', 4096, 96 * MIB, ()),
    ('ext4-64bit', 'ext4', 4096, 96 * MIB, ('-O', '64bit')),
    ('ext4-meta-bg', 'ext4', 1024, 96 * MIB,
     ('-O', '^resize_inode,meta_bg', '-g', '1024')),
    ('ext4-no-flex-bg', 'ext4', 4096, 96 * MIB, ('-O', '^flex_bg')),
    ('ext4-bigalloc', 'ext4', 4096, 96 * MIB, ('-O', 'bigalloc', '-C',
                                               '16384')),
    ('ext4-64k', 'ext4', 65536, 128 * MIB, ()),
]


def check(reader, img, root, want):
    files, dirs, _, reads = fsimg.host_walk(reader, 'EXT4', img)
    missing = set(want) - set(files)
    assert not missing, missing
    for path, data in want.items():
        assert files[path] == data, path
    want_dirs = {str(p.relative_to(root)) for p in root.rglob('*')
                 if p.is_dir() and not p.is_symlink()}
    assert want_dirs <= dirs, want_dirs - dirs
    return reads


@pytest.mark.parametrize('shape', SHAPES, ids=[s[0] for s in SHAPES])
def test_real_images(reader, tree, tmp_path, shape):
    """Every file reads back whole (holes as zeros), every directory is
    seen, and a file written in one piece comes in few reads."""
    name, fstype, bs, size, opts = shape
    root, want = tree
    img = tmp_path / (name + '.img')
    fsimg.ext_image(img, root, size, fstype, bs, opts)
    reads = check(reader, img, root, want)
    blkid = subprocess.run(['/usr/sbin/blkid', '-s', 'UUID', '-o', 'value',
                            str(img)], capture_output=True, text=True,
                           check=True).stdout.strip()
    env = dict(os.environ, FUZZ_EXT4_IMAGE=str(img))
    out = subprocess.run([str(reader)], env=env, capture_output=True,
                         check=True).stdout
    assert f'U {blkid}\n'.encode() in out
    os.unlink(img)
    # big.bin (1 MiB + 3) is one extent or one run of pointers (ext2/3:
    # broken by each indirect block in between)
    # (the count includes the look-up's reads of directories and inodes)
    assert reads['big.bin'] <= (16 if fstype != 'ext4' else 4), reads


def test_extent_index(reader, tree, tmp_path):
    """A file written into 300 holes has an extent tree with an index
    level (checked with debugfs) and reads whole."""
    root, want = tree
    img = tmp_path / 'frag.img'
    fsimg.ext_image(img, root, 16 * MIB, 'ext4', 1024)
    data = fsimg.ext_fragment(img, tmp_path / 'frag', 'frag.bin', seed=33,
                              size=600 * 1024, piece=2048, count=600)
    stat = subprocess.run(['/usr/sbin/debugfs', '-R', 'stat frag.bin',
                           str(img)], capture_output=True, text=True,
                          check=True).stdout
    assert '(ETB0)' in stat, stat[-500:]
    files, _, _, reads = fsimg.host_walk(reader, 'EXT4', img)
    assert files['frag.bin'] == data
    assert reads['frag.bin'] > 100


def test_damaged_features(reader, tree, tmp_path):
    """An INCOMPAT feature the reader does not know: probe refuses the
    filesystem (the harness walks nothing)."""
    root, _ = tree
    img = tmp_path / 'f.img'
    fsimg.ext_image(img, root, 16 * MIB, 'ext4', 4096)
    with open(img, 'r+b') as f:
        f.seek(1024 + 0x60)
        inc = int.from_bytes(f.read(4), 'little')
        f.seek(1024 + 0x60)
        f.write((inc | 0x1).to_bytes(4, 'little'))     # compression
    env = dict(os.environ, FUZZ_EXT4_IMAGE=str(img))
    out = subprocess.run([str(reader)], env=env, capture_output=True,
                         check=True).stdout
    assert out == b''


def test_inline_data(reader, tmp_path):
    """inline_data: a file whose bytes fit the inode's 60 reads; data
    continued in an extended attribute and inline directories are not
    read (as U-Boot): one clear error each, the rest of the volume reads."""
    root = tmp_path / 't'
    (root / 'd').mkdir(parents=True)
    (root / 'tiny').write_bytes(b't' * 40)
    (root / 'small').write_bytes(b's' * 100)
    (root / 'big').write_bytes(b'b' * 10000)
    (root / 'd' / 'f').write_bytes(b'f')
    img = tmp_path / 'i.img'
    fsimg.ext_image(img, root, 8 * MIB, 'ext4', 4096, ('-O', 'inline_data'))
    env = dict(os.environ, FUZZ_EXT4_IMAGE=str(img))
    res = subprocess.run([str(reader)], env=env, capture_output=True)
    out = res.stdout
    assert res.returncode == 1
    assert b'F 40 /tiny\n' + b't' * 40 in out
    assert b'F 10000 /big\n' + b'b' * 10000 in out
    assert b'E -5 /small: inode ' in out
    assert b'keeps data in an extended attribute (not supported)' in out
    assert b'E -5 /d: directory inode ' in out
