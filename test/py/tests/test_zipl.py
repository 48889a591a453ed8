# SPDX-License-Identifier: GPL-2.0-or-later
"""zipl on the sandbox: images made by tools/mkzipl are listed, loaded and
checked byte for byte (crc32 of each component in memory against the
host's), with and without a partition table, on 512- and 4096-byte
blocks; every malformed boot map and every component outside the memory
policy is refused with one line, before anything is written; 'zipl boot'
loads, falls back from a disk without a boot map to the next, and says
the sandbox cannot IPL.
"""

import random
import re
import struct
import subprocess
import zlib

import pytest

from harness import Disk
from ziplimg import (ECKD_SECS, VOL1_LD_BR, BootMap, combined_image,
                     eckd_block, fake_kernel, ld_block, ld_map, linux_loaded,
                     make_iso, mkzipl, pad, set_ptr)

pytestmark = pytest.mark.boards('sandbox')

MIB = 1 << 20
ARENA = 256 * MIB           # the sandbox's -m default
LOAD_RE = re.compile(r'^\s*(\d+) load\s+0x([0-9a-f]+)-0x([0-9a-f]+)\s+'
                     r'(\d+) bytes\s+crc32 ([0-9a-f]{8})$', re.M)


def rand(seed, size):
    return random.Random(seed).randbytes(size)


def loaded(out):
    """{address: (size, crc)} from 'zipl load' output."""
    return {int(m.group(2), 16): (int(m.group(4)), int(m.group(5), 16))
            for m in LOAD_RE.finditer(out)}


def zipl_lines(out):
    return [ln for ln in out.splitlines() if ln.startswith('zipl')]


@pytest.fixture
def files(tmp_path):
    """A kernel, an initrd and two raw blobs on the host."""
    f = {'kernel': fake_kernel(1), 'initrd': rand(2, 100 * 1024 + 17),
         'a': rand(3, 64 * 1024 + 5), 'b': rand(4, 3000)}
    for name, data in f.items():
        (tmp_path / name).write_bytes(data)
    return f


@pytest.mark.parametrize('bs', [512, 4096])
def test_zipl_roundtrip(sandbox_run, tmp_path, files, bs):
    img = tmp_path / 'z.img'
    cmdline = 'console=ttysclp0 root=/dev/vda1 marker=' + str(bs)
    mkzipl('-o', img, '-s', '32M', '-b', bs,
           '-k', tmp_path / 'kernel', '-i', tmp_path / 'initrd',
           '-c', cmdline,
           '-e',
           '-l', f'{tmp_path / "a"}@0x200000',
           '-l', f'{tmp_path / "b"}@0x400000', '-x', '0x200000')
    disk = Disk(img, bs=bs)

    st, out = sandbox_run(['-c', 'zipl info virtio 0'], [disk])
    assert st == 0, out
    assert f'({bs}-byte blocks)' in out
    assert re.search(r'^entry 0 \(default\): .* 2 to load', out, re.M), out
    assert re.search(r'^entry 1: empty$', out, re.M), out
    assert re.search(r'^entry 2: .* 2 to load', out, re.M), out
    assert 'PSW 0x0008000080010000 (start at 0x10000)' in out
    assert 'PSW 0x0008000080200000 (start at 0x200000)' in out

    # Entry 0: the kernel with its parameter area, the initrd at 8 MiB
    st, out = sandbox_run(['-c', 'zipl load virtio 0'], [disk])
    assert st == 0, out
    kern = pad(linux_loaded(files['kernel'], 0x800000, files['initrd'],
                            cmdline), bs)
    initrd = pad(files['initrd'], bs)
    assert loaded(out) == {
        0x10000: (len(kern), zlib.crc32(kern)),
        0x800000: (len(initrd), zlib.crc32(initrd))}, out
    assert 'loading entry 0 from virtio 0' in out

    # Entry 2 by number
    st, out = sandbox_run(['-c', 'zipl load virtio 0 2'], [disk])
    assert st == 0, out
    a, b = pad(files['a'], bs), pad(files['b'], bs)
    assert loaded(out) == {0x200000: (len(a), zlib.crc32(a)),
                           0x400000: (len(b), zlib.crc32(b))}, out


def _partitioned(path, kind):
    with open(path, 'wb') as f:
        f.truncate(64 * MIB)
    if kind == 'gpt':
        subprocess.run(['sgdisk', '-o', '-n', '1:2048:+8M', '-n',
                        '2:40960:0', str(path)], check=True,
                       capture_output=True)
    else:
        subprocess.run(['/usr/sbin/sfdisk', '-q', str(path)], check=True,
                       input='label: dos\nstart=2048, size=16384, type=83\n'
                       'start=40960, type=83\n', text=True)
    # Fill the partitions, to prove mkzipl leaves them alone
    with open(path, 'r+b') as f:
        f.seek(2048 * 512)
        f.write(rand(9, 8 * MIB))
        f.seek(40960 * 512)
        f.write(rand(10, 8 * MIB))


@pytest.mark.parametrize('kind', ['gpt', 'dos'])
def test_zipl_partitioned(sandbox_run, tmp_path, files, kind):
    img = tmp_path / 'p.img'
    _partitioned(img, kind)
    before = img.read_bytes()
    mkzipl('-o', img, '-k', tmp_path / 'kernel', '-c', 'quiet')
    after = img.read_bytes()
    bm = BootMap(img)
    # Everything mkzipl wrote is in the gap between the partitions
    changed = [i // 512 for i in range(0, len(after), 512)
               if before[i:i + 512] != after[i:i + 512]]
    assert changed[0] == 0 and after[32:512] == before[32:512]
    assert all(18432 <= b < 40960 for b in changed[1:]), changed[:5]
    assert bm.table >= 18432

    st, out = sandbox_run(['-c', 'virtio scan; part list virtio 0; '
                           'zipl load virtio 0'],
                          [Disk(img)])
    assert st == 0, out
    assert re.search(r'^\s+1\s+(0x0*800|2048)\s', out, re.M), out
    assert re.search(r'^\s+2\s+(0x0*a000|40960)\s', out, re.M), out
    kern = pad(linux_loaded(files['kernel'], cmdline='quiet'), 512)
    assert loaded(out) == {0x10000: (len(kern), zlib.crc32(kern))}, out


def _raw(tmp_path, name, addr, size, psw=None, bs=512, extra=()):
    img = tmp_path / name
    (tmp_path / 'blob').write_bytes(rand(5, size))
    mkzipl('-o', img, '-s', '16M', '-b', bs,
           '-l', f'{tmp_path / "blob"}@{addr:#x}', *extra,
           '-x', hex(psw if psw is not None else addr))
    return img


def _corrupt_list_pointer(img):
    bm = BootMap(img)
    lst = bm.components(0)[0][1]
    with open(img, 'r+b') as f:
        set_ptr(f, lst * 512, len(bm.data) // 512 + 10, 512)


def _corrupt_loop(img):
    bm = BootMap(img)
    lst = bm.components(0)[0][1]
    data = bm.block(lst)
    first = int.from_bytes(data[:8], 'big')
    with open(img, 'r+b') as f:
        for s in range(31):
            set_ptr(f, lst * 512 + 16 * s, first, 512)
        set_ptr(f, lst * 512 + 16 * 31, lst, 512)


def _corrupt_exec(img):
    bm = BootMap(img)
    with open(img, 'r+b') as f:
        f.seek(bm.entries[0] * 512 + 64 + 23)    # component 1 type
        f.write(b'\0')


def _too_many(img):
    bm = BootMap(img, 4096)
    with open(img, 'r+b') as f:
        set_ptr(f, bm.table * 4096 + 16 * 32, bm.entries[0], 4096)


def _bad_magic(img):
    with open(img, 'r+b') as f:
        f.write(b'ZIPL')


REFUSALS = {
    # name: (make args, corrupt, command, message)
    'no-boot-record': (dict(addr=0x200000, size=4096), _bad_magic, None,
                       'no zipl boot record'),
    'pointer-beyond-device': (dict(addr=0x200000, size=4096),
                              _corrupt_list_pointer, None,
                              'beyond the device'),
    'block-list-loop': (dict(addr=0x200000, size=512), _corrupt_loop, None,
                        'block list loops back'),
    'missing-exec': (dict(addr=0x200000, size=512), _corrupt_exec, None,
                     'ends without EXEC'),
    'too-many-entries': (dict(addr=0x200000, size=512, bs=4096), _too_many,
                         None, 'more than 31 entries'),
    'lowcore': (dict(addr=0x1000, size=4096), None, None,
                'overlaps the lowcore (0x0-0x1fff)'),
    'firmware': (dict(addr=ARENA - MIB - 4096, size=8192), None, None,
                 'overlaps the firmware'),
    'beyond-memory': (dict(addr=ARENA + 0x10000, size=4096), None, None,
                      'lies beyond memory'),
    'straddles-end': (dict(addr=ARENA - 2048, size=4096), None, None,
                      'lies beyond memory'),
    'exec-outside': (dict(addr=0x200000, size=4096, psw=0x300000), None,
                     None, 'EXEC address 0x300000 is in no loaded component'),
    'components-overlap': (dict(addr=0x200000, size=8192,
                                extra=('-l', 'BLOB@0x201000')), None, None,
                           'components 0 and 1 overlap'),
    'empty-slot': (dict(addr=0x200000, size=512), None,
                   'zipl load virtio 0 1', 'entry 1: empty slot'),
    'entry-out-of-range': (dict(addr=0x200000, size=512), None,
                           'zipl load virtio 0 31',
                           "bad entry '31': entries are 0 to 30"),
}


@pytest.mark.parametrize('name', list(REFUSALS))
def test_zipl_refused(sandbox_run, tmp_path, name):
    args, corrupt, cmd, msg = REFUSALS[name]
    args = dict(args)
    extra = [a.replace('BLOB', str(tmp_path / 'blob'))
             for a in args.pop('extra', ())]
    img = _raw(tmp_path, 'r.img', extra=extra, **args)
    if name == 'empty-slot':
        bm = BootMap(img)
        with open(img, 'r+b') as f:     # entry 1 empty, entry 2 in use
            set_ptr(f, bm.table * 512 + 48, bm.entries[0], 512)
    if corrupt:
        corrupt(img)
    bs = args.get('bs', 512)
    st, out = sandbox_run(['-c', cmd or 'zipl load virtio 0'],
                          [Disk(img, bs=bs)])
    assert st != 0, out
    lines = zipl_lines(out)
    assert len(lines) == 1 and msg in lines[0], out
    # The prompt still works after a refusal: the next command runs
    st, out = sandbox_run(['-c', (cmd or 'zipl load virtio 0') +
                           '; echo still-here'], [Disk(img, bs=bs)])
    assert 'still-here' in out and st == 0


def test_zipl_refused_before_writing(sandbox_run, tmp_path):
    """Component 0 would fit; component 1 lies beyond memory: nothing of
    component 0 may be written either."""
    (tmp_path / 'a').write_bytes(rand(6, 64 * 1024))
    img = tmp_path / 'w.img'
    mkzipl('-o', img, '-s', '8M', '-l', f'{tmp_path / "a"}@0x200000',
           '-l', f'{tmp_path / "a"}@{ARENA + MIB:#x}', '-x', '0x200000')
    st, out = sandbox_run(['-c', 'mw.b 200000 5a 10000; '
                           'zipl load virtio 0; crc32 200000 10000'],
                          [Disk(img)])
    assert 'component 1' in out and 'lies beyond memory' in out, out
    assert f'{zlib.crc32(b"Z" * 0x10000):08x}' in out, out


def test_zipl_info_lists_signature_and_bad_entries(sandbox_run, tmp_path):
    """A SIGNATURE component is shown and not loaded; a broken entry is shown
    as bad while the others are listed."""
    (tmp_path / 'a').write_bytes(rand(7, 4096))
    img = tmp_path / 's.img'
    mkzipl('-o', img, '-s', '8M', '-l', f'{tmp_path / "a"}@0x200000',
           '-x', '0x200000', '-l', f'{tmp_path / "a"}@0x1000', '-x', '0x1000')
    bm = BootMap(img)
    with open(img, 'r+b') as f:
        # Entry 0: LOAD becomes component 1, a SIGNATURE goes first
        ct = bm.entries[0] * 512
        f.seek(ct + 32)
        comps = f.read(64)
        f.seek(ct + 64)
        f.write(comps)
        f.seek(ct + 32)
        f.write(bytes(23) + b'\x03' + bytes(8))
        set_ptr(f, ct + 32, 3, 512)
    st, out = sandbox_run(['-c', 'zipl info virtio 0; zipl load virtio 0'],
                          [Disk(img)])
    assert st == 0, out
    assert re.search(r'^\s+0 signature\s+format 0, 0 bytes, signs component 1 '
                     r'\(not verified\)$', out, re.M), out
    assert re.search(r'^entry 1: bad: .*overlaps the lowcore', out, re.M), out
    a = pad(rand(7, 4096), 512)
    assert loaded(out) == {0x200000: (len(a), zlib.crc32(a))}, out


def test_zipl_boot_sandbox(sandbox_run, tmp_path, files):
    img = tmp_path / 'b.img'
    mkzipl('-o', img, '-s', '8M', '-l', f'{tmp_path / "a"}@0x200000',
           '-x', '0x200000')
    st, out = sandbox_run(['-c', 'zipl boot virtio 0'], [Disk(img)])
    assert st != 0
    assert 'loading entry 0 from virtio 0' in out
    assert 'starting PSW 0x0008000080200000' in out
    assert 'this board cannot IPL' in out, out


def test_zipl_boot_falls_back(sandbox_run, tmp_path, files):
    """Without a device: the disks in order; one without a boot map is
    passed over with one line."""
    plain = tmp_path / 'plain.img'
    plain.write_bytes(rand(8, 1 * MIB))
    img = tmp_path / 'b.img'
    mkzipl('-o', img, '-s', '8M', '-l', f'{tmp_path / "a"}@0x200000',
           '-x', '0x200000')
    st, out = sandbox_run(['-c', 'zipl boot'], [Disk(plain), Disk(img)])
    assert st != 0
    lines = zipl_lines(out)
    assert 'virtio 0: no zipl boot record' in lines[0], out
    assert 'loading entry 0 from virtio 1' in lines[1], out
    assert 'this board cannot IPL' in out, out

    st, out = sandbox_run(['-c', 'zipl boot'], [Disk(plain)])
    assert st != 0
    assert zipl_lines(out) == ['zipl: virtio 0: no zipl boot record '
                               '(no "zIPL" magic in block 0)']


def test_zipl_usage(sandbox_run, tmp_path):
    st, out = sandbox_run(['-c', 'zipl info'])
    assert st != 0 and 'Usage:' in out and 'zipl info' in out, out
    st, out = sandbox_run(['-c', 'zipl info virtio 5'])
    assert st != 0
    assert len([ln for ln in out.splitlines() if 'virtio' in ln]) == 1, out
    st, out = sandbox_run(['-c', 'zipl load virtio 0 x'])
    assert st != 0 and "bad entry 'x'" in out, out


@pytest.mark.parametrize('how', ['cd', 'disk512'])
def test_zipl_eltorito(sandbox_run, tmp_path, how):
    """An ISO with an s390 boot image (in a subdirectory, so the size comes
    from the directory tree): on a SCSI CD-ROM, and on a 512-byte disk."""
    kernel, initrd = fake_kernel(11, 300 * 1024), rand(12, 70 * 1024 + 3)
    image = combined_image(kernel, initrd, 'iso=1')
    iso = make_iso(tmp_path / 't.iso', {'README': b'hello\n',
                                        'boot/s390/linux.img': image},
                   'boot/s390/linux.img')
    if how == 'cd':
        disk, dev = Disk(iso, kind='scsi', cd=True), 'scsi 0'
    else:
        disk, dev = Disk(iso), 'virtio 0'
    st, out = sandbox_run(['-c', f'zipl info {dev}; zipl load {dev}'],
                          [disk])
    assert st == 0, out
    assert f'El Torito boot catalog on {dev}' in out, out
    body = pad(image[0x10000:], 2048 if how == 'cd' else 512)
    assert loaded(out) == {0x10000: (len(body), zlib.crc32(body))}, out
    assert 'PSW 0x0008000080010000' in out


def test_zipl_eltorito_refused(sandbox_run, tmp_path):
    """An El Torito image that is not an s390 one; an ISO without a boot
    catalog."""
    iso = make_iso(tmp_path / 'x86.iso', {'boot.bin': rand(13, 8192)},
                   'boot.bin')
    st, out = sandbox_run(['-c', 'zipl load scsi 0'],
                          [Disk(iso, kind='scsi', cd=True)])
    assert st != 0
    assert zipl_lines(out) == ['zipl: scsi 0: El Torito boot catalog has '
                               'no s390 boot image'], out
    iso = make_iso(tmp_path / 'plain.iso', {'a': b'a'}, None)
    st, out = sandbox_run(['-c', 'zipl load scsi 0'],
                          [Disk(iso, kind='scsi', cd=True)])
    assert st != 0
    assert 'no zipl boot record' in zipl_lines(out)[0], out


def _iso_with_image(tmp_path, image):
    iso = make_iso(tmp_path / 'e.iso', {'boot/linux.img': image},
                   'boot/linux.img')
    data = bytearray(iso.read_bytes())
    catalog = int.from_bytes(data[17 * 2048 + 0x47:17 * 2048 + 0x4b],
                             'little')
    rba = int.from_bytes(data[catalog * 2048 + 32 + 8:
                              catalog * 2048 + 32 + 12], 'little')
    return iso, data, catalog, rba


def _iso_patch(iso, data):
    iso.write_bytes(bytes(data))
    return iso


ISO_REFUSALS = {
    'no-validation-entry': 'has no validation entry',
    'catalog-beyond-device': 'beyond the device',
    'image-beyond-device': 'runs beyond the device',
    'image-in-lowcore': 'overlaps the lowcore',
}


@pytest.mark.parametrize('name', list(ISO_REFUSALS))
def test_zipl_eltorito_malformed(sandbox_run, tmp_path, name):
    image = combined_image(fake_kernel(14, 200 * 1024), b'x' * 1000, 'a')
    if name == 'image-in-lowcore':
        image = image[:24] + bytes(8192)     # an IPL image, not S390EP
    iso, data, catalog, rba = _iso_with_image(tmp_path, image)
    if name == 'no-validation-entry':
        data[catalog * 2048] = 0
    elif name == 'catalog-beyond-device':
        data[17 * 2048 + 0x47:17 * 2048 + 0x4b] = (1 << 30).to_bytes(4,
                                                                     'little')
    elif name == 'image-beyond-device':
        # the image's directory record: extent (LE, BE), then its size
        key = rba.to_bytes(4, 'little') + rba.to_bytes(4, 'big')
        at = data.index(key, 18 * 2048) + 8
        data[at:at + 8] = (1 << 30).to_bytes(4, 'little') + \
            (1 << 30).to_bytes(4, 'big')
    _iso_patch(iso, data)
    st, out = sandbox_run(['-c', 'zipl load scsi 0; echo status $?; '
                           'md.b 0 1'],
                          [Disk(iso, kind='scsi', cd=True)])
    # one line, from zipl, naming the device; the command failed and the
    # shell went on (nothing written at address 0: the image's bytes)
    lines = zipl_lines(out)
    assert len(lines) == 1, out
    assert lines[0].startswith('zipl: scsi 0: '), out
    assert ISO_REFUSALS[name] in lines[0], out
    assert 'status 1' in out.splitlines(), out
    assert st == 0 and '00000000: 00' in out, out


@pytest.mark.parametrize('scheme,bs', [('cdl', 4096), ('ldl', 4096),
                                       ('cdl', 512)])
def test_zipl_eckd(sandbox_run, tmp_path, files, scheme, bs):
    """ECKD DASD images (cylinder/head/record pointers on the guessed
    geometry), made by mkzipl -t cdl|ldl."""
    img = tmp_path / 'e.img'
    mkzipl('-o', img, '-s', '32M', '-b', bs, '-t', scheme,
           '-k', tmp_path / 'kernel', '-i', tmp_path / 'initrd', '-c', 'x=1',
           '-l', f'{tmp_path / "a"}@0x200000', '-x', '0x200000')
    st, out = sandbox_run(['-c', 'zipl info virtio 0; zipl load virtio 0 1'],
                          [Disk(img, bs=bs)])
    assert st == 0, out
    # zipl 2.25+ (and mkzipl) add the list-directed map to a CDL disk
    kind = {'cdl': 'CDL, list-directed', 'ldl': 'LDL'}[scheme]
    assert f'zipl boot map (ECKD {kind}) on virtio 0' in out, out
    assert re.search(r'^entry 0 \(default\): .* 2 to load', out, re.M), out
    a = pad(files['a'], bs)
    assert loaded(out) == {0x200000: (len(a), zlib.crc32(a))}, out


def _eckd_off_geometry(img, bs):
    # the program table the IPL2 record (block 1, offset 92) names
    table = eckd_block(img.read_bytes()[bs + 92 + 8:], bs)
    with open(img, 'r+b') as f:
        # its entry 0: record 13 on a track of 12
        f.seek(table * bs + 16 + 4)
        f.write(b'\x0d')


def _eckd_no_vol1(img, bs):
    with open(img, 'r+b') as f:
        f.seek(2 * bs)
        f.write(b'\xe5\xd6\xd3\xf2')


def _eckd_wrong_arch(img, bs):
    with open(img, 'r+b') as f:
        f.seek(0x70 + 7)
        f.write(b'\x00')


@pytest.mark.parametrize('scheme,corrupt,msg', [
    ('cdl', _eckd_off_geometry, 'is not on the guessed geometry'),
    ('cdl', _eckd_no_vol1, 'without a VOL1 label'),
    ('ldl', _eckd_wrong_arch, 'not for s390x'),
])
def test_zipl_eckd_malformed(sandbox_run, tmp_path, files, scheme, corrupt,
                             msg):
    img = tmp_path / 'e.img'
    # -L: the CCW-type record only, the one these corrupt
    mkzipl('-o', img, '-s', '8M', '-b', 4096, '-t', scheme, '-L',
           '-l', f'{tmp_path / "a"}@0x200000', '-x', '0x200000')
    corrupt(img, 4096)
    st, out = sandbox_run(['-c', 'zipl load virtio 0'],
                          [Disk(img, bs=4096)])
    assert st != 0
    lines = zipl_lines(out)
    assert len(lines) == 1 and msg in lines[0], out


# zipl 2.25+: the list-directed map of a CDL disk (s390-ccw 8.0 and later
# use it first, the CCW-type record when it is missing or bad)


def _cdl(tmp_path, files, bs, *extra):
    img = tmp_path / 'ld.img'
    mkzipl('-o', img, '-s', '8M', '-b', bs, '-t', 'cdl', *extra,
           '-l', f'{tmp_path / "a"}@0x200000', '-x', '0x200000',
           '-l', f'{tmp_path / "b"}@0x400000', '-g', tmp_path / 'b',
           '-x', '0x400000')
    return img


@pytest.mark.parametrize('bs', [512, 4096])
def test_zipl_eckd_list_directed(sandbox_run, tmp_path, files, bs):
    img = _cdl(tmp_path, files, bs)
    br, table, comps = ld_map(img, bs)
    st, out = sandbox_run(['-c', 'zipl info virtio 0; zipl load virtio 0 1'],
                          [Disk(img, bs=bs)])
    assert st == 0, out
    assert (f'zipl boot map (ECKD CDL, list-directed) on virtio 0 '
            f'({bs}-byte blocks), program table at block {table}') in out
    assert re.search(rf'^entry 1: component table at block {comps[1]}, '
                     r'1 to load', out, re.M), out
    b = pad(files['b'], bs)
    assert loaded(out) == {0x400000: (len(b), zlib.crc32(b))}, out
    assert re.search(r'^\s+0 signature\s+format 2, 3000 bytes, signs '
                     r'component 1 \(not verified\)$', out, re.M), out

    # Without it (-L, zipl before 2.25): the CCW-type record, same bytes
    img = _cdl(tmp_path, files, bs, '-L')
    assert not any(img.read_bytes()[2 * bs + VOL1_LD_BR:
                                    2 * bs + VOL1_LD_BR + 5])
    st, out2 = sandbox_run(['-c', 'zipl info virtio 0; '
                            'zipl load virtio 0 1'], [Disk(img, bs=bs)])
    assert st == 0, out2
    assert f'zipl boot map (ECKD CDL) on virtio 0 ({bs}-byte blocks)' in out2
    assert 'list-directed' not in out2
    assert loaded(out2) == loaded(out)


def _ld_vol1_out_of_range(img, bs):
    # cylinder 0xffff: far beyond an 8 MiB disk
    with open(img, 'r+b') as f:
        f.seek(2 * bs + VOL1_LD_BR)
        f.write(b'\xff\xff\x00\x00\x01')


def _ld_vol1_off_geometry(img, bs):
    with open(img, 'r+b') as f:
        f.seek(2 * bs + VOL1_LD_BR + 4)
        f.write(bytes([ECKD_SECS[bs] + 1]))


def _ld_record_bad(img, bs):
    br = ld_map(img, bs)[0]
    with open(img, 'r+b') as f:
        f.seek(br * bs)
        f.write(b'ZIPL')


def _ld_table_bad(img, bs):
    table = ld_map(img, bs)[1]
    with open(img, 'r+b') as f:
        f.seek(table * bs)
        f.write(b'\0')


LD_FALLBACKS = {
    'vol1-pointer-out-of-range': (_ld_vol1_out_of_range,
                                  'list-directed boot record at block '
                                  r'\d+: beyond the device'),
    'vol1-pointer-off-geometry': (_ld_vol1_off_geometry,
                                  r'ECKD pointer \d+/\d+/13 is not on the '
                                  'guessed geometry'),
    'boot-record-no-magic': (_ld_record_bad, 'no "zIPL" magic in the '
                             r'list-directed boot record \(block \d+\)'),
    'program-table-no-magic': (_ld_table_bad, 'no "zIPL" magic in the '
                               r'program table'),
}


@pytest.mark.parametrize('name', list(LD_FALLBACKS))
def test_zipl_eckd_list_directed_fallback(sandbox_run, tmp_path, files,
                                          name):
    """A list-directed record that cannot be used: one line says why, and
    the CCW-type record's map is listed and loads."""
    corrupt, why = LD_FALLBACKS[name]
    img = _cdl(tmp_path, files, 4096)
    corrupt(img, 4096)
    st, out = sandbox_run(['-c', 'zipl info virtio 0; zipl load virtio 0'],
                          [Disk(img, bs=4096)])
    assert st == 0, out
    assert 'zipl boot map (ECKD CDL) on virtio 0' in out, out
    assert re.search('^list-directed boot record not used: ' + why, out,
                     re.M), out
    a = pad(files['a'], 4096)
    assert loaded(out) == {0x200000: (len(a), zlib.crc32(a))}, out


def test_zipl_eckd_list_directed_entry_bad(sandbox_run, tmp_path, files):
    """An entry the list-directed map cannot load (its block list points
    off the geometry): listed as bad, loaded from the CCW-type map."""
    img = _cdl(tmp_path, files, 4096)
    data = img.read_bytes()
    comp = ld_map(img, 4096)[2][0]
    lst = ld_block(data[comp * 4096 + 32:], 4096)
    with open(img, 'r+b') as f:
        f.seek(lst * 4096 + 5)          # the first pointer's record
        f.write(b'\x63')
    st, out = sandbox_run(['-c', 'zipl info virtio 0; zipl load virtio 0'],
                          [Disk(img, bs=4096)])
    assert st == 0, out
    assert re.search(r'^entry 0: bad: ECKD pointer \d+/\d+/99 is not on the '
                     r'guessed geometry', out, re.M), out
    a = pad(files['a'], 4096)
    assert loaded(out) == {0x200000: (len(a), zlib.crc32(a))}, out


def test_zipl_stage3_layout(sandbox_run, tmp_path, files):
    """zipl's stage 3 layout (mkzipl -z): the zero-filled heap and stack at
    0x2000 and 0xf000, stage 3 at 0xa000 and its parameter block at
    0x9000, the kernel (after its signature), the command line, the
    initrd and the environment block, each loaded untouched."""
    img = tmp_path / 's3.img'
    (tmp_path / 'sig').write_bytes(rand(20, 700))
    cmdline = 'console=ttysclp0 zipl=stage3'
    mkzipl('-o', img, '-s', '16M', '-k', tmp_path / 'kernel',
           '-g', tmp_path / 'sig', '-i', tmp_path / 'initrd', '-c', cmdline,
           '-z')
    st, out = sandbox_run(['-c', 'zipl info virtio 0; zipl load virtio 0'],
                          [Disk(img)])
    assert st == 0, out
    kern = linux_loaded(files['kernel'], 0x800000, files['initrd'], cmdline)
    cmd_at = 0x10000 + (len(kern) + 0xfff & ~0xfff)
    env_at = 0x800000 + (len(files['initrd']) + 0xfff & ~0xfff)
    params = struct.pack('>10Q', cmd_at, 0x800000, len(files['initrd']),
                         0x0008000080010000, 0, 1 << 48, len(kern),
                         0x10000, env_at, 4096)
    stage3 = bytes.fromhex('0dd05810d00a82001018070000009000')
    env = b'# zIPL Environment Block\n'
    want = {0x2000: bytes(0x4000), 0xf000: bytes(0x1000), 0xa000: stage3,
            0x9000: params, 0x10000: kern, cmd_at: cmdline.encode() + b'\0',
            0x800000: files['initrd'], env_at: env + bytes(4096 - len(env))}
    assert loaded(out) == {a: (len(pad(d, 512)), zlib.crc32(pad(d, 512)))
                           for a, d in want.items()}, out
    assert re.search(r'^\s+4 signature\s+format 2, 700 bytes, signs '
                     r'component 5', out, re.M), out
    assert 'PSW 0x000800008000a000 (start at 0xa000)' in out


@pytest.mark.parametrize('scheme', ['scsi', 'cdl', 'ldl'])
def test_zipl_dump_refused(sandbox_run, tmp_path, files, scheme):
    """A dump tool's map (zipl --dumpto): refused in one line."""
    img = tmp_path / 'dump.img'
    mkzipl('-o', img, '-s', '8M', '-b', 4096, '-t', scheme, '-D', '-L',
           '-l', f'{tmp_path / "a"}@0x200000', '-x', '0x200000')
    st, out = sandbox_run(['-c', 'zipl load virtio 0'], [Disk(img, bs=4096)])
    assert st != 0
    assert zipl_lines(out) == ['zipl: virtio 0: a dump record, not a boot '
                               'record'], out


def test_zipl_dump_component_table(sandbox_run, tmp_path, files):
    """The boot record says IPL, an entry's component table says dump."""
    img = _raw(tmp_path, 'd.img', 0x200000, 4096)
    bm = BootMap(img)
    with open(img, 'r+b') as f:
        f.seek(bm.entries[0] * 512 + 4)
        f.write(b'\x01')
    st, out = sandbox_run(['-c', 'zipl info virtio 0; zipl load virtio 0'],
                          [Disk(img)])
    assert re.search(r'^entry 0: bad: entry 0: a dump record, not a boot '
                     r'record$', out, re.M), out
    assert zipl_lines(out)[-1] == ('zipl: virtio 0: entry 0: a dump record, '
                                   'not a boot record'), out


def test_zipl_signature_without_load(sandbox_run, tmp_path, files):
    """A SIGNATURE component with no LOAD after it: the entry is refused."""
    img = tmp_path / 'sig.img'
    mkzipl('-o', img, '-s', '8M', '-l', f'{tmp_path / "a"}@0x200000',
           '-g', tmp_path / 'b', '-x', '0x200000')
    bm = BootMap(img)
    with open(img, 'r+b') as f:       # swap: LOAD, then SIGNATURE, EXEC
        f.seek(bm.entries[0] * 512 + 32)
        sig, load = f.read(32), f.read(32)
        f.seek(bm.entries[0] * 512 + 32)
        f.write(load + sig)
    st, out = sandbox_run(['-c', 'zipl load virtio 0'], [Disk(img)])
    assert st != 0
    assert zipl_lines(out) == ['zipl: virtio 0: entry 0: component 1: a '
                               'signature with no LOAD after it'], out
