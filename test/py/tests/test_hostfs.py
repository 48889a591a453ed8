# SPDX-License-Identifier: GPL-2.0-or-later
"""The sandbox's host files ("hostfs", device "-"), as U-Boot's sandbox:
the generic file commands, 'host load|ls|size', 'test -e'. A folder of
files made here is read by absolute path and compared byte for byte."""

import os
import random
import zlib

import pytest

from harness import crc32, loadaddr

pytestmark = pytest.mark.boards('sandbox')


@pytest.fixture(scope='module')
def tree(tmp_path_factory):
    root = tmp_path_factory.mktemp('hostfs')
    (root / 'sub').mkdir()
    data = random.Random(11).randbytes(70000)
    (root / 'big.bin').write_bytes(data)
    (root / 'sub' / 'small.txt').write_text('small\n')
    os.symlink('big.bin', root / 'link')
    return root, data


def test_hostfs_load(console, tree):
    """load and host load: the whole file, then bytes from a position."""
    root, data = tree
    base = loadaddr(console)
    for cmd in ('load', 'host load'):
        out, status = console.run_status(
            f'{cmd} hostfs - {base:x} {root}/big.bin')
        assert status == 0 and out.startswith('70000 bytes read in'), out
        assert crc32(console, base, len(data)) == zlib.crc32(data)
        assert console.run_command('echo $filesize') == '11170'
    out = console.run_command(f'load hostfs - {base:x} {root}/big.bin 100 '
                              f'1000')
    assert out.startswith('256 bytes read'), out
    assert crc32(console, base, 256) == zlib.crc32(data[0x1000:0x1100])
    out = console.run_command(f'load hostfs - {base:x} {root}/link')
    assert out.startswith('70000 bytes read'), out


def test_hostfs_ls_size_exists(console, tree):
    """U-Boot's sandbox listing (type, size, name; readdir's order), size,
    test -e of files, folders and missing names."""
    root, _ = tree
    out = console.run_command(f'ls hostfs - {root}')
    lines = sorted(out.split('\n'))
    assert lines == sorted(['DIR       4096 .', 'DIR       4096 sub',
                            f'DIR {os.stat(root.parent).st_size:10} ..',
                            '         70000 big.bin',
                            'SYM      70000 link']), out
    assert console.run_command(f'host ls hostfs - {root}/sub').split('\n') \
        .count('             6 small.txt') == 1
    console.run_command(f'host size hostfs - {root}/sub/small.txt')
    assert console.run_command('echo $filesize') == '6'
    console.run_command(f'size hostfs - {root}/big.bin')
    assert console.run_command('echo $filesize') == '11170'
    for path, want in (('big.bin', 0), ('sub', 0), ('nosuch', 1)):
        _, status = console.run_status(f'test -e hostfs - {root}/{path}')
        assert status == want, path


def test_hostfs_errors(console, tree):
    """A missing file or folder: U-Boot's lines and status 1, the prompt
    stays."""
    root, _ = tree
    out, status = console.run_status(f'load hostfs - 0 {root}/nosuch')
    assert status == 1 and out.split('\n')[-1] == \
        f"Failed to load '{root}/nosuch'", out
    out, status = console.run_status(f'ls hostfs - {root}/nosuch')
    assert status == 1 and out == ''
    _, status = console.run_status(f'size hostfs - {root}/sub')
    assert status == 1
    assert console.run_command('fstypes') == \
        'Supported filesystems: ext4, fat, iso9660, sandbox'
    assert console.run_command('echo alive') == 'alive'
