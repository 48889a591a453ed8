# SPDX-License-Identifier: GPL-2.0-or-later
"""The ISO 9660 filesystem (fs/iso9660/) and the ISO partition type
(disk/part_iso.c) on real images, on the host.

Images are made at test time by `xorriso -as mkisofs` and `genisoimage`
from source trees with long names, deep directories, symbolic links
(relative, absolute, dangling, looping), UTF-8 names and files of awkward
sizes; the host mode of the fuzz target (test/fuzz/fuzz_iso.c, ISO_IMAGE=)
lists every entry with its size and CRC-32, which must match the source
tree file by file, on devices with 512- and 2048-byte blocks. Also: El
Torito entries and hybrid MBR/GPT images as `part list` shows them, the
UUID as udev's (blkid), and look-ups (case, "..", links).

A missing tool (xorriso, genisoimage, blkid, clang) fails the test: run
scripts/setup.
"""

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

pytestmark = pytest.mark.boards('sandbox')

ROOT = Path(__file__).resolve().parents[3]
FUZZ = ROOT / 'build' / 'fuzz' / 'iso' / 'fuzz_iso'
SECTOR = 2048


def need(tool):
    if not shutil.which(tool):
        pytest.fail(f'{tool} is missing: run scripts/setup')


@pytest.fixture(scope='module')
def reader():
    need('clang')
    subprocess.run(['make', '-s', '-f', 'test/fuzz/fuzz.mk', 'TARGETS=iso'],
                   cwd=ROOT, check=True)
    return FUZZ


def read_iso(reader, img, bs=512, part=0, paths=()):
    env = dict(os.environ, ISO_IMAGE=str(img), ISO_BLKSZ=str(bs),
               ISO_PART=str(part), ISO_PATHS=':'.join(paths))
    env.pop('FUZZ_VERBOSE', None)
    res = subprocess.run([str(reader)], env=env, capture_output=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr.decode(errors='replace')
    return res.stdout.decode('utf-8', 'surrogateescape')


def entries(out):
    """{path: description} of the listing lines of the reader."""
    got = {}
    for line in out.splitlines():
        if line[:2] in ('d ', 'f ', 'l '):
            kind, rest = line[0], line[2:]
            if kind == 'd':
                got[rest] = 'd'
            else:
                path, _, what = rest.partition(' ')
                # a name may hold a space: the description is the tail
                parts = rest.split(' ')
                if parts[-1] in ('dir',) or parts[-2] == 'error':
                    n = 1 if parts[-1] == 'dir' else 2
                else:
                    n = 2
                path = ' '.join(parts[:-n])
                got[path] = kind + ' ' + ' '.join(parts[-n:])
    return got


def lookups(out):
    return {line[2:].rsplit(' ', 2)[0] if 'error' not in line else
            line[2:].rsplit(' ', 2)[0]: line for line in out.splitlines()
            if line.startswith('p ')}


def crc(data):
    return '%d %08x' % (len(data), zlib.crc32(data) & 0xffffffff)


def resolve(src, path, follow=True):
    """What path @path of the image leads to, as the driver resolves it:
    component by component from the root, '..' pops, up to 8 links."""
    stack, links = [], 0
    comps = [c for c in path.split('/') if c]
    while comps:
        c = comps.pop(0)
        if c == '.':
            continue
        if c == '..':
            if stack:
                stack.pop()
            continue
        p = src.joinpath(*stack, c)
        if not os.path.lexists(p):
            return 'error -2'
        if p.is_symlink() and (comps or follow):
            links += 1
            if links > 8:
                return 'error -40'
            target = os.readlink(p)
            if target.startswith('/'):
                stack = []
            comps = [x for x in target.split('/') if x] + comps
            continue
        if p.is_dir():
            stack.append(c)
            continue
        if comps:
            return 'error -20'
        return crc(p.read_bytes())
    return 'dir'


def expected(src, lower=False, links=True):
    """{path: description} of the source tree, as the reader lists it."""
    want = {}
    for dirpath, dirnames, filenames in os.walk(src):
        rel = Path(dirpath).relative_to(src)
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            ipath = '/' + str(rel / name) if str(rel) != '.' else '/' + name
            if lower:
                ipath = ipath.lower()
            if p.is_symlink():
                if links:
                    want[ipath] = 'l ' + resolve(src, ipath)
            elif p.is_dir():
                want[ipath] = 'd'
            else:
                want[ipath] = 'f ' + crc(p.read_bytes())
    return want


def rand(seed, size):
    out = bytearray()
    x = seed
    while len(out) < size:
        x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
        out += struct.pack('<Q', x)
    return bytes(out[:size])


def make_tree(top, long_target=True):
    """The tree of the Rock Ridge tests (genisoimage 1.1.11 spins forever
    on it with the long link target: @long_target False)"""
    def w(path, data):
        p = top / path
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)

    w('README.txt', b'hello\n')
    w('empty', b'')
    for n in (1, 2047, 2048, 2049, 100000):
        w(f'sizes/f{n}', rand(n, n))
    w('big/kernel', rand(7, 3 * 1024 * 1024 + 5))
    w('boot/extlinux/extlinux.conf', b'label l\n kernel /boot/vmlinuz\n')
    w('boot/vmlinuz', rand(9, 70000))
    w('A-' + 'long-name-' * 24 + 'end.txt', b'long\n')
    w('MixedCase.TXT', b'case\n')
    w('with space and ;1 and dot.', b'odd\n')
    w('ünïcödé-名前.txt', b'utf-8\n')
    w('/'.join('level%d' % i for i in range(20)) + '/leaf.txt', b'deep\n')
    os.symlink('boot/vmlinuz', top / 'vmlinuz')
    os.symlink('/boot/extlinux/extlinux.conf', top / 'abs-link')
    os.symlink('../README.txt', top / 'boot/up')
    os.symlink('extlinux', top / 'boot/dirlink')
    os.symlink('../boot/dirlink/../vmlinuz', top / 'sizes/through-dir')
    os.symlink('missing', top / 'dangling')
    os.symlink('loop-b', top / 'loop-a')
    os.symlink('loop-a', top / 'loop-b')
    chain = top / 'chain'
    chain.mkdir()
    for i in range(9):
        os.symlink(f'c{i + 1}', chain / f'c{i}')
    (chain / 'c9').write_bytes(b'end of chain\n')
    if long_target:
        os.symlink('../' * 3 + 'x' * 40 + '/y' * 100, top / 'long-target')


@pytest.fixture(scope='module')
def tree(tmp_path_factory):
    top = tmp_path_factory.mktemp('isotree') / 'src'
    make_tree(top)
    return top


@pytest.fixture(scope='module')
def tree_short(tmp_path_factory):
    top = tmp_path_factory.mktemp('isotree') / 'src'
    make_tree(top, long_target=False)
    return top


def mkiso(tmp, name, cmd, src):
    out = tmp / name
    subprocess.run(cmd + ['-quiet', '-o', str(out), str(src)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                   timeout=120)
    return out


def without_moved(got):
    return {p: d for p, d in got.items()
            if not p.startswith(('/rr_moved', '/.rr_moved'))}


RR_TOOLS = {
    'xorriso-rr-joliet': ['xorriso', '-as', 'mkisofs', '-R', '-J',
                          '-joliet-long'],
    'xorriso-iso-level-3': ['xorriso', '-as', 'mkisofs', '-iso-level', '3',
                            '-R'],
    'genisoimage-rr': ['genisoimage', '-R', '-J', '-joliet-long'],
}


@pytest.mark.parametrize('bs', [512, 2048])
@pytest.mark.parametrize('tool', list(RR_TOOLS))
def test_iso_rock_ridge(reader, tree, tree_short, tmp_path, tool, bs):
    """Every file, directory and link of the tree, by its Rock Ridge
    name, with its contents"""
    need(RR_TOOLS[tool][0])
    if tool.startswith('genisoimage'):
        tree = tree_short
    img = mkiso(tmp_path, 'rr.iso', RR_TOOLS[tool], tree)
    got = without_moved(entries(read_iso(reader, img, bs)))
    want = expected(tree)
    assert got == want


def test_iso_lookups(reader, tree, tmp_path):
    """Look-ups: '..', '.', repeated '/', links on the way, Rock Ridge
    names match case exactly, too many links"""
    need('xorriso')
    img = mkiso(tmp_path, 'rr.iso', RR_TOOLS['xorriso-rr-joliet'], tree)
    paths = ['/boot/../README.txt', '//boot///vmlinuz', '/./empty',
             '/boot/dirlink/extlinux.conf', '/boot/dirlink/../vmlinuz',
             '/readme.txt', '/README.TXT', '/chain/c0', '/chain/c1',
             '/loop-a', '/boot/vmlinuz/x', '/..', '/level0/level1/../..']
    out = read_iso(reader, img, 2048, paths=paths)
    got = [line for line in out.splitlines() if line.startswith('p ')]
    want = ['p %s %s' % (p, resolve(tree, p)) for p in paths]
    assert got == want
    assert 'p /chain/c0 error -40' in got      # 9 links: one too many
    assert 'p /chain/c1 ' + crc(b'end of chain\n') in got


def test_iso_joliet(reader, tmp_path):
    """Without Rock Ridge, Joliet names (UCS-2 to UTF-8, case kept, found
    without regard to case)"""
    need('genisoimage')
    src = tmp_path / 'src'
    for name, data in (('ünïcödé-名前.txt', b'utf-8\n'),
                       ('MixedCase.Txt', b'case\n'),
                       ('sub/dir/Deeper File', rand(3, 5000)),
                       ('x' * 64, b'64\n'),
                       ('noext', b'noext\n')):
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_bytes(data)
    img = mkiso(tmp_path, 'j.iso', ['genisoimage', '-J'], src)
    for bs in (512, 2048):
        out = read_iso(reader, img, bs, paths=['/MIXEDCASE.TXT'])
        assert entries(out) == expected(src)
        assert 'p /MIXEDCASE.TXT ' + crc(b'case\n') in out.splitlines()


def test_iso_plain(reader, tmp_path):
    """Plain ISO 9660 names: shown in lower case, without ';1' and the
    trailing '.', found without regard to case"""
    need('genisoimage')
    src = tmp_path / 'src'
    for name, data in (('README.TXT', b'hello\n'), ('noext', b'noext\n'),
                       ('BOOT/VMLINUZ', rand(5, 9000)),
                       ('a/b/c/d/e/f/file.bin', rand(6, 4096))):
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_bytes(data)
    img = mkiso(tmp_path, 'p.iso', ['genisoimage'], src)
    out = read_iso(reader, img, 2048, paths=['/Boot/VmLinuz', '/readme.txt'])
    assert entries(out) == expected(src, lower=True)
    lines = out.splitlines()
    assert 'p /Boot/VmLinuz ' + crc(rand(5, 9000)) in lines
    assert 'p /readme.txt ' + crc(b'hello\n') in lines


def catalog(img):
    """(rba, sector count) of the bootable El Torito entries, in order,
    and the volume's size in sectors, read with struct"""
    data = img.read_bytes()
    vol, cat = 0, 0
    for s in range(16, 32):
        vd = data[s * SECTOR:(s + 1) * SECTOR]
        if vd[1:6] != b'CD001' or vd[0] == 255:
            break
        if vd[0] == 1:
            vol = struct.unpack_from('<I', vd, 80)[0]
        if vd[0] == 0 and vd[7:30] == b'EL TORITO SPECIFICATION':
            cat = struct.unpack_from('<I', vd, 71)[0]
    out = []
    c = data[cat * SECTOR:(cat + 1) * SECTOR]
    for i in range(1, 64):
        e = c[i * 32:(i + 1) * 32]
        if e[0] in (0x90, 0x91, 0x44):
            continue
        if e[0] not in (0x88, 0) or (e[0] == 0 and not any(e[8:12])):
            break
        out.append((struct.unpack_from('<I', e, 8)[0],
                    struct.unpack_from('<H', e, 6)[0]))
    return out, vol


@pytest.mark.parametrize('bs', [512, 2048])
def test_iso_eltorito(reader, tree, tmp_path, bs):
    """El Torito entries are partitions 1, 2 (as U-Boot lists them), the
    whole volume comes after them; the filesystem is intact"""
    need('xorriso')
    src = tmp_path / 'src'
    shutil.copytree(tree / 'boot', src / 'boot', symlinks=True)
    (src / 'boot' / 'boot.img').write_bytes(rand(1, 4 * SECTOR))
    (src / 'efi.img').write_bytes(rand(2, 720 * 1024))
    img = mkiso(tmp_path, 'et.iso',
                ['xorriso', '-as', 'mkisofs', '-R', '-J',
                 '-b', 'boot/boot.img', '-no-emul-boot',
                 '-boot-load-size', '4', '-eltorito-alt-boot',
                 '-e', 'efi.img', '-no-emul-boot'], src)
    ents, vol = catalog(img)
    assert len(ents) == 2
    per = SECTOR // bs
    out = read_iso(reader, img, bs)
    want = ['Partition Map for scsi device 0  --   Partition Type: ISO', '',
            'Part   Start     Sect x Size Type']
    for i, (rba, count) in enumerate(ents):
        want.append(' %2d %8d %8d %6d %s' % (i + 1, rba * per,
                                             (count >> 2) * per, bs,
                                             'U-Boot'))
    want.append(' %2d %8d %8d %6d %s' % (3, 0, vol * per, bs, 'ISO 9660'))
    lines = out.splitlines()
    start = lines.index(want[0])
    assert lines[start:start + len(want)] == want
    got = entries(out)
    got.pop('/boot.catalog')
    assert got == expected(src)


def test_iso_plain_volume_partition(reader, tmp_path):
    """A volume without a boot catalog: the ISO type, one partition"""
    need('genisoimage')
    src = tmp_path / 'src'
    src.mkdir()
    (src / 'f').write_bytes(b'x')
    img = mkiso(tmp_path, 'p.iso', ['genisoimage'], src)
    vol = img.stat().st_size // SECTOR
    out = read_iso(reader, img, 512, part=1)
    assert '  1        0 %8d    512 ISO 9660' % (vol * 4) in out.splitlines()
    assert entries(out) == {'/f': 'f ' + crc(b'x')}


HYBRIDS = {
    # xorriso's MBR (a 432-byte boot code template of zeros) with the EFI
    # image as partition 2
    'mbr': (['-isohybrid-mbr', '{mbr}', '-e', 'efi.img', '-no-emul-boot',
             '-isohybrid-gpt-basdat'], 'DOS'),
    'appended-mbr': (['-append_partition', '2', '0xef', '{efi}'], 'DOS'),
    'appended-gpt': (['-appended_part_as_gpt', '-append_partition', '2',
                      '0xef', '{efi}'], 'EFI'),
}


@pytest.mark.parametrize('kind', list(HYBRIDS))
def test_iso_hybrid(reader, tree, tmp_path, kind):
    """An isohybrid image shows its MBR or GPT, not the ISO type; the
    filesystem on the whole device is intact"""
    need('xorriso')
    src = tmp_path / 'src'
    shutil.copytree(tree / 'boot', src / 'boot', symlinks=True)
    (src / 'efi.img').write_bytes(rand(2, 720 * 1024))
    mbr = tmp_path / 'mbr.bin'
    mbr.write_bytes(bytes(432))
    opts, table = HYBRIDS[kind]
    opts = [o.format(mbr=mbr, efi=src / 'efi.img') for o in opts]
    img = mkiso(tmp_path, 'h.iso', ['xorriso', '-as', 'mkisofs', '-R'] +
                opts, src)
    out = read_iso(reader, img, 512)
    assert f'--   Partition Type: {table}' in out
    got = entries(out)
    got.pop('/boot.catalog', None)
    assert got == expected(src)


def test_iso_uuid(reader, tmp_path):
    """The UUID is udev's ID_FS_UUID (blkid): the modification date,
    else the creation date"""
    need('genisoimage')
    need('blkid')
    src = tmp_path / 'src'
    src.mkdir()
    (src / 'f').write_bytes(b'x')
    img = mkiso(tmp_path, 'u.iso', ['genisoimage'], src)
    data = bytearray(img.read_bytes())
    pvd = 16 * SECTOR
    data[pvd + 813:pvd + 829] = b'2026120510000012'       # created
    data[pvd + 830:pvd + 846] = b'2027010203040506'       # modified
    cases = [bytes(data)]
    data[pvd + 830:pvd + 846] = b'0' * 16                 # no modification
    cases.append(bytes(data))
    for i, case in enumerate(cases):
        img.write_bytes(case)
        blkid = subprocess.run(['blkid', '-p', '-s', 'UUID', '-o', 'value',
                                str(img)], capture_output=True,
                               text=True).stdout.strip()
        out = read_iso(reader, img, 2048)
        assert blkid
        assert f'uuid {blkid}' in out.splitlines(), (i, blkid)
