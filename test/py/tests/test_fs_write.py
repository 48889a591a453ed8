# SPDX-License-Identifier: GPL-2.0-or-later
"""Writing FAT12/16/32 files: fatwrite and save, as U-Boot's.

The images are made by mkfs.vfat and mcopy; after each write the host
checks the partition with `fsck.fat -n` (no complaint, status 0) and
reads it back with mtools (mdir for the names, mcopy for the bytes).
One board carries the disks:

    virtio 0  GPT: 1 FAT32, 2 FAT16, 3 FAT12, 4 ext4; each FAT holds
              src.bin (random), old.bin and the folder dir/sub/
    virtio 1  FAT12 on the whole disk, 200 KiB, 16 root entries: full
    virtio 2  a FAT16 image, read-only
"""

import hashlib
import os
import random
import re
import subprocess
import zlib

import pytest

from harness import Disk, crc32, loadaddr
from harness import fsimg

pytestmark = pytest.mark.buildconfigspec('fat_write')

MIB = 1 << 20
SBIN = '/usr/sbin:/sbin'
PARTS = {'fat32': 1, 'fat16': 2, 'fat12': 3}
SRC = random.Random(11).randbytes(MIB + 3)
OLD = random.Random(12).randbytes(70000)


def run(*argv, check=True):
    env = dict(os.environ, PATH=os.environ.get('PATH', '') + ':' + SBIN,
               MTOOLS_SKIP_CHECK='1', LC_ALL='C.UTF-8')
    res = subprocess.run(argv, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    if check:
        assert res.returncode == 0, (argv, res.stdout.decode())
    return res


class Layout:
    """The disks, where each partition lies, and the host's view of it."""

    def __init__(self, tmp):
        self.tmp = tmp
        tree = tmp / 'tree'
        (tree / 'dir' / 'sub').mkdir(parents=True)
        (tree / 'src.bin').write_bytes(SRC)
        (tree / 'old.bin').write_bytes(OLD)
        (tree / 'dir' / 'sub' / 'in.txt').write_text('in a folder\n')
        parts = []
        for name, size, bits in (('fat32', 40 * MIB, 32),
                                 ('fat16', 16 * MIB, 16),
                                 ('fat12', 3 * MIB, 12)):
            fsimg.fat_image(tmp / f'{name}.img', tree, size, bits)
            parts.append((tmp / f'{name}.img', '0700'))
        fsimg.ext_image(tmp / 'ext4.img', tree, 4 * MIB)
        parts.append((tmp / 'ext4.img', '8300'))
        self.gpt = tmp / 'gpt.img'
        self.starts = fsimg.partitioned_disk(self.gpt, parts)
        self.sizes = [os.path.getsize(p) for p, _ in parts]
        # a small FAT12 with a small root directory, to fill
        self.tiny = tmp / 'tiny.img'
        with open(self.tiny, 'wb') as f:
            f.truncate(200 * 1024)
        run('mkfs.vfat', '-F', '12', '-r', '16', '-n', 'TINY', str(self.tiny))
        self.ro = tmp / 'ro.img'
        fsimg.fat_image(self.ro, tree, 16 * MIB, 16)
        self.disks = [Disk(self.gpt), Disk(self.tiny), Disk(self.ro, ro=True)]

    def image(self, fs):
        """The partition @fs ('fat32', 'tiny'...) as a file of its own."""
        if fs == 'tiny':
            return self.tiny
        i = PARTS[fs] - 1
        out = self.tmp / f'check-{fs}.img'
        with open(self.gpt, 'rb') as f:
            f.seek(self.starts[i] * 512)
            out.write_bytes(f.read(self.sizes[i]))
        return out

    def fsck(self, fs):
        """fsck.fat -n finds nothing wrong with the partition."""
        res = run('fsck.fat', '-n', str(self.image(fs)), check=False)
        out = res.stdout.decode()
        assert res.returncode == 0 and len(out.strip().splitlines()) == 2, \
            out

    def names(self, fs, folder='/'):
        """{long name: 8.3 name} of a folder, as mdir lists it."""
        res = run('mdir', '-i', str(self.image(fs)), '::' + folder)
        names = {}
        for line in res.stdout.decode().splitlines():
            m = re.match(r'(\S+) +(\S*) +(<DIR>|\d+) +\S+ +\S+ *(.*)$',
                         line)
            if m and m.group(1) not in ('.', '..'):
                short = m.group(1) + ('.' + m.group(2) if m.group(2)
                                      else '')
                names[m.group(4) or short] = short
        return names

    def read(self, fs, path):
        """The bytes of a file, by mcopy; None if there is none."""
        out = self.tmp / 'out.bin'
        if out.exists():
            out.unlink()
        res = run('mcopy', '-n', '-i', str(self.image(fs)), '::' + path,
                  str(out), check=False)
        return out.read_bytes() if res.returncode == 0 else None


@pytest.fixture(scope='module')
def fw(board, console_log, tmp_path_factory):
    """One board with the disks, src.bin loaded at $loadaddr."""
    from conftest import _start, _close
    layout = Layout(tmp_path_factory.mktemp('fsw'))
    con = _start(board, console_log, layout.disks)
    con.layout = layout
    con.base = loadaddr(con)
    con.run_command('virtio scan')
    load_src(con)
    yield con
    _close(con)


def load_src(con):
    out = con.run_command(f'load virtio 0:1 {con.base:x} src.bin')
    assert out.startswith(f'{len(SRC)} bytes read'), out


def fw_read(con, fs, name, data):
    """The firmware loads the file back (past its block cache): @data."""
    addr = con.base + 2 * MIB
    out = con.run_command(f'load virtio 0:{PARTS[fs]} {addr:x} "{name}"')
    assert out.startswith(f'{len(data)} bytes read'), out
    if data:
        assert crc32(con, addr, len(data)) == zlib.crc32(data), name


def write(con, fs, name, size, pos=None, cmd='fatwrite', ok=True):
    """fatwrite @size bytes of SRC to @name on partition @fs."""
    dev = '1' if fs == 'tiny' else f'0:{PARTS.get(fs, fs)}'
    line = f'{cmd} virtio {dev} {con.base:x} "{name}" {size:x}'
    if pos is not None:
        line += f' {pos:x}'
    out, status = con.run_status(line)
    if ok:
        m = re.fullmatch(r'(\d+) bytes written in \d+ ms'
                         r'( \(\d+(\.\d)? ([KMG]iB|Bytes)/s\))?', out)
        assert m and int(m.group(1)) == size and status == 0, (line, out)
    return out, status


@pytest.mark.parametrize('fs', list(PARTS))
def test_write_new(fw, fs):
    """New files of every size class: an 8.3 name alone, a lower-case one
    (a long name beside its 8.3 name), long and Unicode names; the bytes
    and names as the host reads them, fsck clean."""
    lay = fw.layout
    files = {'DATA.BIN': 5000, 'lower.txt': 1, 'A Long File Name.txt': 4097,
             'Ünïcødé name €.bin': 70001, 'x' * 200 + '.dat': 0,
             'big.bin': MIB + 3}
    for name, size in files.items():
        write(fw, fs, name, size)
    lay.fsck(fs)
    names = lay.names(fs)
    assert names['DATA.BIN'] == 'DATA.BIN'
    assert names['lower.txt'] == 'LOWER.TXT'
    assert names['A Long File Name.txt'] == 'ALONGF~1.TXT'
    assert names['Ünïcødé name €.bin'] == '_N_C_D~1.BIN'
    assert names['x' * 200 + '.dat'] == 'XXXXXX~1.DAT'
    for name, size in files.items():
        assert lay.read(fs, name) == SRC[:size], name
    # and the firmware reads them back
    for name, size in (('A Long File Name.txt', 4097), ('big.bin', MIB + 3)):
        fw_read(fw, fs, name, SRC[:size])


@pytest.mark.parametrize('fs', list(PARTS))
def test_write_tails(fw, fs):
    """Names that make the same 8.3 name get ~1, ~2, ...; a lower-case
    name whose plain 8.3 name is taken gets a tail too."""
    lay = fw.layout
    for i in range(12):
        write(fw, fs, f'dir/longfilename{i}.txt', 10 + i)
    write(fw, fs, 'dir/LONGFI~1.TXT', 3)   # taken: overwrites it
    names = lay.names(fs, '/dir')
    shorts = sorted(names[f'longfilename{i}.txt'] for i in range(12))
    assert shorts == sorted([f'LONGFI~{i}.TXT' for i in range(1, 10)] +
                            [f'LONGF~{i}.TXT' for i in range(10, 13)])
    lay.fsck(fs)


@pytest.mark.parametrize('fs', list(PARTS))
def test_overwrite(fw, fs):
    """An existing file written again: smaller (its chain cut), larger
    (grown), at offsets inside and at its end (U-Boot's: it then ends
    where the data ends), past its end (refused, unchanged)."""
    lay = fw.layout
    fw_read(fw, fs, 'old.bin', OLD)
    write(fw, fs, 'old.bin', 3000)
    assert lay.read(fs, 'old.bin') == SRC[:3000]
    fw_read(fw, fs, 'old.bin', SRC[:3000])
    lay.fsck(fs)
    write(fw, fs, 'old.bin', 300000)
    assert lay.read(fs, 'old.bin') == SRC[:300000]
    fw_read(fw, fs, 'old.bin', SRC[:300000])
    lay.fsck(fs)
    # at an offset: the old bytes before it stay
    fw.run_command(f'mw.b {fw.base:x} 5a 100')
    write(fw, fs, 'old.bin', 0x100, 1000)
    expect = SRC[:1000] + b'\x5a' * 0x100
    assert lay.read(fs, 'old.bin') == expect
    write(fw, fs, 'old.bin', 0x100, len(expect))       # at the end
    expect += b'\x5a' * 0x100
    assert lay.read(fs, 'old.bin') == expect
    out, status = write(fw, fs, 'old.bin', 0x10, len(expect) + 1, ok=False)
    assert (out, status) == ('** Unable to write file old.bin **', 1)
    assert lay.read(fs, 'old.bin') == expect
    # a new file at an offset: refused, not created
    out, status = write(fw, fs, 'new-at.bin', 0x10, 4, ok=False)
    assert (out, status) == ('** Unable to write file new-at.bin **', 1)
    assert lay.read(fs, 'new-at.bin') is None
    # cut to nothing at 0
    write(fw, fs, 'old.bin', 0)
    assert lay.read(fs, 'old.bin') == b''
    lay.fsck(fs)
    load_src(fw)


def test_folders(fw):
    """A file in a subfolder (found whatever the case); a folder that does
    not exist, a folder in place of the file, a file as a folder."""
    lay = fw.layout
    write(fw, 'fat16', '/DIR/Sub/new in sub.txt', 777)
    assert lay.read('fat16', '/dir/sub/new in sub.txt') == SRC[:777]
    assert lay.read('fat16', '/dir/sub/in.txt') == b'in a folder\n'
    assert write(fw, 'fat16', '/nosuch/x', 10, ok=False) == (
        '/nosuch: doesn\'t exist (-2)\n** Unable to write file /nosuch/x **',
        1)
    assert write(fw, 'fat16', 'dir', 10, ok=False) == (
        '** Unable to write file dir **', 1)
    assert write(fw, 'fat16', 'dir/sub/', 10, ok=False) == (
        '** Unable to write file dir/sub/ **', 1)
    assert write(fw, 'fat16', 'old.bin/x', 10, ok=False) == (
        "old.bin: doesn't exist (-20)\n** Unable to write file old.bin/x **",
        1)
    # a subfolder grows when its clusters are full
    for i in range(70):
        write(fw, 'fat16', f'dir/many-{i:03d}-long-name.txt', i)
    names = lay.names('fat16', '/dir')
    assert len([n for n in names if n.startswith('many-')]) == 70
    lay.fsck('fat16')
    assert lay.read('fat16', 'dir/many-069-long-name.txt') == SRC[:69]


def test_bad_names(fw):
    """U-Boot's illegal names: its line, nothing written."""
    for name in ('a*b', 'a?b', 'a:b', 'a<b', 'x.', 'a|b'):
        assert write(fw, 'fat16', name, 4, ok=False) == (
            f'FAT: illegal filename ({name})\n'
            f'** Unable to write file {name} **', 1), name
    fw.layout.fsck('fat16')


def test_full(fw):
    """A disk too full for the file: U-Boot's lines, nothing changed; the
    root directory of 16 entries full: an error line, fsck clean."""
    lay = fw.layout
    before = hashlib.sha256(lay.tiny.read_bytes()).hexdigest()
    assert write(fw, 'tiny', 'huge.bin', 300000, ok=False) == (
        'Error: no space left: 300000\nError: writing contents\n'
        '** Unable to write file huge.bin **', 1)
    assert hashlib.sha256(lay.tiny.read_bytes()).hexdigest() == before
    write(fw, 'tiny', 'fits.bin', 150000)
    assert lay.read('tiny', 'fits.bin') == SRC[:150000]
    lay.fsck('tiny')
    for i in range(20):
        out, status = write(fw, 'tiny', f'F{i}', 1, ok=False)
        if status:
            break
    assert (out, status) == ('FAT: the directory is full\n'
                             f'** Unable to write file F{i} **', 1)
    # 16 entries: the label, fits.bin (and its long name), F0..F12
    assert i == 13
    lay.fsck('tiny')
    # growing a file past the free space
    assert write(fw, 'tiny', 'fits.bin', 190000, ok=False)[1] == 1
    assert lay.read('tiny', 'fits.bin') == SRC[:150000]
    lay.fsck('tiny')


def test_read_only(fw):
    """A read-only disk: one line and U-Boot's, the image unchanged."""
    before = hashlib.sha256(fw.layout.ro.read_bytes()).hexdigest()
    out, status = fw.run_status(f'fatwrite virtio 2 {fw.base:x} new.bin 10')
    assert (out, status) == ('FAT: the device is read-only\n'
                             '** Unable to write file new.bin **', 1)
    assert hashlib.sha256(fw.layout.ro.read_bytes()).hexdigest() == before


def test_save_and_usage(fw):
    """save on FAT writes as fatwrite; on ext4 it cannot (U-Boot's line);
    fatwrite on ext4 fails without a word; too few arguments: usage."""
    write(fw, 'fat32', 'saved.bin', 1234, cmd='save')
    assert fw.layout.read('fat32', 'saved.bin') == SRC[:1234]
    assert write(fw, 4, 'x', 10, cmd='save', ok=False) == (
        '** Unable to write file x **', 1)
    assert write(fw, 4, 'x', 10, ok=False) == ('', 1)
    out, status = fw.run_status(f'fatwrite virtio 0:1 {fw.base:x} x')
    assert status == 1 and out.startswith(
        'fatwrite - write file into a dos filesystem\n\nUsage:\n'), out
    out, status = fw.run_status(f'save virtio 0:1 {fw.base:x} x')
    assert status == 1 and out.startswith('save - save file to a filesystem')
    # from memory that is not all RAM, or no bytes from anywhere
    out, status = fw.run_status('fatwrite virtio 0:1 fffff000 x 2000')
    assert (out, status) == (
        '8192 bytes at 0xfffff000 are not all in RAM\n'
        '** Unable to write file x **', 1)
    write(fw, 'fat32', 'none.bin', 0)
    assert fw.layout.read('fat32', 'none.bin') == b''
    assert fw.run_status(f'fatwrite virtio 0:9 {fw.base:x} x 1') == (
        '** Invalid partition 9 **\nCouldn\'t find partition virtio 0:9', 1)
