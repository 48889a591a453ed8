# SPDX-License-Identifier: GPL-2.0-or-later
"""source: scripts in legacy script images (mkimage -T script) and in FIT
images (mkimage -f), as U-Boot.

The legacy images are made here, byte for byte as mkimage lays them out
(a 64-byte big-endian header with two CRC-32s, then the lengths of the
files ending with a zero, then the script); the FIT images by Debian's
mkimage (u-boot-tools) from .its sources. All are put on a virtio-blk
disk and read into memory with 'virtio read'.
"""

import subprocess

import pytest

from harness import Disk, loadaddr
from harness.uimage import IH_TYPE_KERNEL, script_image


FIT_ITS = """/dts-v1/;
/ {
    description = "virtboot source test";
    #address-cells = <1>;
    images {
        default = "one";
        one {
            data = "echo fit-one";
            type = "script";
            compression = "none";
            hash-1 { algo = "crc32"; };
        };
        two {
            data = "echo fit-two; false";
            type = "script";
            compression = "none";
            hash-1 { algo = "md5"; };
            hash-2 { algo = "crc32"; };
        };
        kernel {
            data = "echo kernel";
            type = "kernel";
            compression = "none";
        };
        strong {
            data = "echo strong";
            type = "script";
            compression = "none";
            hash-1 { algo = "sha256"; };
        };
    };
    configurations {
        default = "c2";
        c1 { script = "one"; };
        c2 { script = "two"; };
        empty { description = "no script"; };
    };
};
"""

FIT_AT = 16 * 1024        # the FIT images: 16 KiB apart from here


def fit_images(tmp):
    """The FIT of FIT_ITS with its data inline, the same with its data
    after the tree (mkimage -E), and the first with a byte of 'one'
    changed (its crc32 no longer matches)."""
    its = tmp / 'fit.its'
    its.write_text(FIT_ITS)
    out = []
    for extra in ([], ['-E']):
        itb = tmp / f'fit{len(out)}.itb'
        subprocess.run(['mkimage', *extra, '-f', str(its), str(itb)],
                       check=True, capture_output=True)
        out.append(itb.read_bytes())
    bad = bytearray(out[0])
    bad[bad.index(b'echo fit-one') + 11] ^= 1
    out.append(bytes(bad))
    assert all(len(f) <= 16 * 1024 for f in out)
    return out


@pytest.fixture(scope='module')
def scripts(board, console_log, tmp_path_factory):
    """A board with one disk holding five images, 1 KiB apart: a good
    script, one with a bad data CRC, a kernel image, an empty script and
    data that is no image; and from FIT_AT three FIT images (fit_images)."""
    from conftest import _start
    good = script_image('echo one; setenv srcvar two\n'
                        'if test $srcvar = two; then echo three; fi\n'
                        'false\n')
    bad = bytearray(script_image('echo never'))
    bad[-1] ^= 1
    images = [good, bytes(bad),
              script_image('echo kernel', itype=IH_TYPE_KERNEL),
              script_image(''), b'not an image' * 8]
    tmp = tmp_path_factory.mktemp('source')
    path = tmp / 'scripts.img'
    with open(path, 'wb') as f:
        for i, img in enumerate(images):
            f.seek(i * 1024)
            f.write(img)
        for i, img in enumerate(fit_images(tmp)):
            f.seek(FIT_AT + i * 16 * 1024)
            f.write(img)
        f.truncate(64 * 1024)
    con = _start(board, console_log, [Disk(path)])
    con.run_command('virtio scan')
    base = loadaddr(con)
    con.run_command(f'virtio read {base:x} 0 80')
    con.base = base
    yield con
    con.close()


def test_source_runs_script(scripts):
    """The script runs line after line; its last command's status is the
    command's; U-Boot's '## Executing script at' line comes first."""
    out, status = scripts.run_status(f'source {scripts.base:x}')
    assert out.split('\n') == [f'## Executing script at {scripts.base:08x}',
                               'one', 'three'], out
    assert status == 1
    assert scripts.run_command('printenv srcvar') == 'srcvar=two'


def test_source_loadaddr_default(scripts):
    """Without an address, source takes $loadaddr."""
    out = scripts.run_command('source')
    assert out.split('\n')[1:] == ['one', 'three'], out


@pytest.mark.parametrize('index, line', [
    (1, 'Bad data crc'),
    (2, 'Bad image type'),
    (3, 'Empty Script'),
    (4, 'Wrong image format for "source" command'),
])
def test_source_bad_image(scripts, index, line):
    """A damaged or wrong image gives U-Boot's one line and fails."""
    addr = scripts.base + index * 1024
    out, status = scripts.run_status(f'source {addr:x}')
    assert out.split('\n') == [f'## Executing script at {addr:08x}', line]
    assert status == 1
    assert scripts.run_command('echo alive') == 'alive'


def test_source_verify_n(scripts):
    """verify=n skips the data CRC, as in U-Boot: the damaged script
    (its last letter changed) runs."""
    addr = scripts.base + 1024
    scripts.run_command('setenv verify n')
    try:
        assert scripts.run_command(f'source {addr:x}').split('\n')[1] == \
            'neves'
    finally:
        scripts.run_command('setenv verify')


def test_source_bad_args(scripts):
    out, status = scripts.run_status('source zz')
    assert status == 1
    assert out == "source: 'zz' is not a hex address"
    out, status = scripts.run_status('source 1 2')
    assert status == 1 and out.startswith('source - run script from memory')


FIT_BOARDS = pytest.mark.boards('sandbox', 'qemu-arm64')


@FIT_BOARDS
@pytest.mark.parametrize('spec, lines, status', [
    # no image or configuration named: the default configuration's
    ('', ['fit-two'], 1),
    (':', ['fit-one'], 0),                  # the default image
    (':one', ['fit-one'], 0),
    (':two', ['fit-two'], 1),
    ('#', ['fit-two'], 1),                  # the default configuration
    ('#c1', ['fit-one'], 0),
    ('#c2', ['fit-two'], 1),
    (':kernel', ['Not a image image'], 1),  # sic, U-Boot's words
    (':nosuch', ["Can't find 'nosuch' FIT subimage"], 1),
    ('#nosuch', ['Could not find config nosuch'], 1),
    ('#empty', ['Could not find script in empty'], 1),
    (':strong', ["Bad Data Hash: algorithm 'sha256' not supported"], 1),
])
@pytest.mark.parametrize('which', [0, 1], ids=['inline', 'external'])
def test_source_fit(scripts, which, spec, lines, status):
    """A FIT image's script by image, by configuration, by the defaults,
    its data inline or after the tree (mkimage -E), its hashes checked;
    U-Boot's line for each thing that is not there."""
    addr = scripts.base + FIT_AT + which * 16 * 1024
    out, st = scripts.run_status(f'source {addr:x}{spec}')
    assert out.split('\n') == [f'## Executing script at {addr:08x}'] + \
        lines, out
    assert st == status


@FIT_BOARDS
def test_source_fit_loadaddr_and_hash(scripts):
    """'source :one' reads $loadaddr; a script whose crc32 does not match
    is refused, and runs with verify=n."""
    addr = scripts.base + FIT_AT + 2 * 16 * 1024
    scripts.run_command(f'setenv loadaddr {addr:x}')
    try:
        out, st = scripts.run_status('source :one')
        assert out.split('\n') == [f'## Executing script at {addr:08x}',
                                    'Bad Data Hash'] and st == 1, out
        scripts.run_command('setenv verify n')
        assert scripts.run_command('source :one').split('\n')[1] == \
            'fit-ond'
    finally:
        scripts.run_command(f'setenv verify; setenv loadaddr '
                            f'{scripts.base:x}')


@FIT_BOARDS
def test_source_fit_defaults_removed(scripts):
    """With the default configuration gone, source takes the default
    image; with that gone too, it fails with U-Boot's line (test/py's
    test_source does this with 'fdt rm')."""
    addr = scripts.base + 3 * 16 * 1024 + FIT_AT
    scripts.run_command(f'cp.b {scripts.base + FIT_AT:x} {addr:x} 4000')
    scripts.run_command(f'fdt addr {addr:x}')
    scripts.run_command('fdt rm /configurations default')
    assert scripts.run_command(f'source {addr:x}').split('\n')[1:] == \
        ['fit-one']
    scripts.run_command('fdt rm /images default')
    out, st = scripts.run_status(f'source {addr:x}')
    assert out.split('\n')[1:] == ['No FIT subimage unit name'] and st == 1


@pytest.mark.boards('qemu-s390x')
def test_source_fit_not_built(scripts):
    """qemu-s390x has no FIT support (no libfdt): a FIT image is an image
    source does not know."""
    addr = scripts.base + FIT_AT
    out, st = scripts.run_status(f'source {addr:x}')
    assert out.split('\n')[1:] == \
        ['Wrong image format for "source" command'] and st == 1
