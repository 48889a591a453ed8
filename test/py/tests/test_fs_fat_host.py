# SPDX-License-Identifier: GPL-2.0-or-later
"""The FAT filesystem (fs/fat/) on real mkfs.vfat images, on the host.

Images are made at test time by mkfs.vfat and mcopy in every shape the
FAT specification allows a formatter to choose: FAT12, FAT16 and FAT32;
1 to 64 sectors per cluster; 512- and 4096-byte sectors; one and two
FATs; directories that span many clusters; fragmented files. The host
mode of the fuzz target (test/fuzz/fuzz_fat.c, FUZZ_FAT_IMAGE=) walks
each image and prints every entry with its bytes, which must match the
source tree file by file; a contiguous file must come in few device reads
(the reads are coalesced), and the type and label as `fatinfo` prints
them.

A missing tool (mkfs.vfat, mtools, clang) fails the test: run
scripts/setup.
"""

import os
import random

import pytest

from harness import fsimg

pytestmark = pytest.mark.boards('sandbox')

MIB = 1 << 20


@pytest.fixture(scope='module')
def reader():
    return fsimg.fuzz_reader('fat')


@pytest.fixture(scope='module')
def tree(tmp_path_factory):
    """A source tree: fsimg's corner sizes and names, a directory of 600
    entries (many clusters), names with UTF-8 and dots, deep paths."""
    root = tmp_path_factory.mktemp('fattree') / 't'
    files = fsimg.make_tree(root, seed=21, symlinks=False, many=0)
    rnd = random.Random(22)
    extra = {
        'wide/' + f'entry number {i:03d} with a long name.txt': 3 * i
        for i in range(600)
    }
    extra.update({
        'Ünïcödé name.txt': 100,
        'dots.in.the.name.tar.gz': 4096,
        'x/y/z/w/v/u/t/s/r/q/deep.bin': 8193,
        'UPPER.TXT': 33,
        'lower.txt': 34,
    })
    for rel, size in extra.items():
        data = rnd.randbytes(size)
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        files[rel] = data
    return root, files


def make(tmp, name, root, size, fat, *opts):
    img = tmp / name
    with open(img, 'wb') as f:
        f.truncate(size)
    fsimg._run('mkfs.vfat', '-F', str(fat), '-n', 'HOSTTEST', *opts,
               str(img))
    fsimg._run('mcopy', '-s', '-i', str(img),
               *[str(p) for p in sorted(root.iterdir())], '::')
    return img


SHAPES = [
    # name, size, FAT bits, mkfs.vfat options, device block size
    ('fat12-s2', 3 * MIB + MIB // 2, 12, ('-s', '2', '-r', '112'), 512),
    ('fat12-s8', 12 * MIB, 12, ('-s', '8',), 512),
    ('fat16-s1', 24 * MIB, 16, ('-s', '1',), 512),
    ('fat16-s64', 300 * MIB, 16, ('-s', '64',), 512),
    ('fat16-1fat', 24 * MIB, 16, ('-s', '2', '-f', '1'), 512),
    ('fat32-s1', 48 * MIB, 32, ('-s', '1',), 512),
    ('fat32-s8', 300 * MIB, 32, ('-s', '8',), 512),
    ('fat32-4k', 300 * MIB, 32, ('-S', '4096', '-s', '1'), 4096),
]


@pytest.mark.parametrize('shape', SHAPES, ids=[s[0] for s in SHAPES])
def test_real_images(reader, tree, tmp_path, shape):
    """Every file of the tree reads back whole, every directory is seen,
    and fatinfo names the type mkfs.vfat chose."""
    name, size, fat, opts, blksz = shape
    root, want = tree
    img = make(tmp_path, name + '.img', root, size, fat, *opts)
    files, dirs, info, reads = fsimg.host_walk(reader, 'FAT', img, blksz)
    os.unlink(img)
    assert info == f'Filesystem: FAT{fat} "HOSTTEST   "'
    assert set(files) == set(want), set(files) ^ set(want)
    for path, data in want.items():
        assert files[path] == data, path
    want_dirs = {str(p.relative_to(root)) for p in root.rglob('*')
                 if p.is_dir()}
    assert dirs == want_dirs
    # mcopy writes a file into one run of clusters: one device read for
    # the data (plus the FAT window the chain needs)
    assert reads['big.bin'] <= 4, reads['big.bin']


def test_fragmented(reader, tree, tmp_path):
    """A file written into the holes of deleted ones reads whole."""
    root, want = tree
    img = make(tmp_path, 'frag.img', root, 48 * MIB, 32, '-s', '1')
    data = fsimg.fat_fragment(img, tmp_path / 'filler', 'frag.bin', seed=5,
                              size=600 * 1024, piece=4096, count=200)
    files, _, _, reads = fsimg.host_walk(reader, 'FAT', img)
    assert files['frag.bin'] == data
    assert reads['frag.bin'] > 50
    for path in ('big.bin', 'wide/entry number 599 with a long name.txt'):
        assert files[path] == want[path]
