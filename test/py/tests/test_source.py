# SPDX-License-Identifier: GPL-2.0-or-later
"""source: scripts in legacy script images (mkimage -T script), as U-Boot.

The images are made here, byte for byte as mkimage lays them out (a
64-byte big-endian header with two CRC-32s, then the lengths of the
files ending with a zero, then the script), put on a virtio-blk disk and
read into memory with 'virtio read'.
"""

import pytest

from harness import Disk, loadaddr
from harness.uimage import IH_TYPE_KERNEL, script_image


@pytest.fixture(scope='module')
def scripts(board, console_log, tmp_path_factory):
    """A board with one disk holding five images, 1 KiB apart: a good
    script, one with a bad data CRC, a kernel image, an empty script and
    data that is no image."""
    from conftest import _start
    good = script_image('echo one; setenv srcvar two\n'
                        'if test $srcvar = two; then echo three; fi\n'
                        'false\n')
    bad = bytearray(script_image('echo never'))
    bad[-1] ^= 1
    images = [good, bytes(bad),
              script_image('echo kernel', itype=IH_TYPE_KERNEL),
              script_image(''), b'not an image' * 8]
    path = tmp_path_factory.mktemp('source') / 'scripts.img'
    with open(path, 'wb') as f:
        for i, img in enumerate(images):
            f.seek(i * 1024)
            f.write(img)
        f.truncate(64 * 1024)
    con = _start(board, console_log, [Disk(path)])
    con.run_command('virtio scan')
    base = loadaddr(con)
    con.run_command(f'virtio read {base:x} 0 a')
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
    out, status = scripts.run_status('source :script-1')
    assert status == 1
    assert out == "source: ':script-1' is not a hex address " \
        '(FIT images are not supported)'
