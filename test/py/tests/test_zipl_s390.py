# SPDX-License-Identifier: GPL-2.0-or-later
"""What zipl writes beyond a kernel and an initrd, on qemu-s390x, with
images from tools/mkzipl:

- zipl's stage 3 layout (zero-filled heap and stack at 0x2000 and
  0xf000, stage 3 at 0xa000 with its parameter block at 0x9000, the
  command line, an environment block) and a SIGNATURE component: Debian's
  kernel to its init, by virtboot and by QEMU's own s390-ccw.img;
- the list-directed map of a CDL disk (zipl 2.25+): used, and the
  CCW-type map when an entry of it cannot be loaded;
- the loadparm as s390-ccw 10.0 treats it: naming no entry of a device
  that has entries, it stops the IPL (the next device is not tried); a
  device with nothing to boot is passed over;
- an IPL parameter block the guest sets (DIAGNOSE 0x308 subcode 5) before
  a re-IPL (subcode 3): its loadparm picks the entry. (QEMU 7.2 has no
  per-device loadparm, 9.2's; and it copies a guest's block's loadparm to
  the machine's, so on 7.2 the two cannot differ after a re-IPL.)

Small payloads stop the machine with a disabled-wait PSW (QEMU then
ends); the tests read virtboot's "loading entry N" lines.
"""

import random
import re
import struct
import sys
from pathlib import Path

import pexpect
import pytest

from harness import Disk
from ziplimg import ld_block, ld_map, mkzipl

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'linux'))
import fixture  # noqa: E402

pytestmark = pytest.mark.boards('qemu-s390x')

CONSOLE = 'console=ttysclp0 quiet'
BOOT_TIMEOUT = 120
PAYLOAD = 0x20000
STOP_PSW = 0x000a000080000000 | PAYLOAD      # disabled wait
DEVNO = 4                                    # the disk's: fe.0.0004


def set_iplb_payload(loadparm):
    """s390 code for PAYLOAD (31-bit, as an IPL starts it): DIAGNOSE 0x308
    subcode 5 with a CCW IPL parameter block naming device 0.0.0004 with
    @loadparm, then subcode 3 (re-IPL); a disabled wait if that returns.

        basr 13,0; l 2,30(13); la 3,5; diag 2,3,0x308
        la 3,3; diag 2,3,0x308; lpsw 38(13)
    """
    code = bytes.fromhex('0dd0 5820d01e 41300005 83230308 41300003 '
                         '83230308 8200d026 070007000700')
    code += struct.pack('>II', PAYLOAD + 0x1000, 0)
    code += struct.pack('>Q', STOP_PSW)
    iplb = bytearray(200)
    struct.pack_into('>IBxxBIBB', iplb, 0, 200, 0, 0, 192, 2, 0x80)
    ebcdic = {c: 0xf0 + int(c) for c in '0123456789'}
    lp = bytes(ebcdic[c] for c in loadparm) + b'\x40' * 8
    iplb[16:24] = lp[:8]
    struct.pack_into('>BH', iplb, 0x6d, 0, DEVNO)
    return code + bytes(0x1000 - len(code)) + bytes(iplb)


def spawn(board, console_log, disks, extra=(), firmware=True):
    argv = [str(a) for a in board.command(disks, list(extra))]
    if not firmware:
        i = argv.index('-bios')
        del argv[i:i + 2]
    console_log.write(f'\n--- boot: {" ".join(argv)}\n')
    p = pexpect.spawn(argv[0], argv[1:], encoding='utf-8',
                      codec_errors='replace',
                      timeout=BOOT_TIMEOUT * board.scale)
    p.logfile_read = console_log
    return p


@pytest.fixture(scope='module')
def linux():
    return fixture.kernel(), fixture.initramfs()


@pytest.fixture(scope='module')
def stage3_image(linux, tmp_path_factory):
    """A Linux entry in zipl's stage 3 layout, the kernel signed."""
    kernel, initrd = linux
    d = tmp_path_factory.mktemp('stage3')
    (d / 'sig').write_bytes(random.Random(3).randbytes(700))
    img = d / 'stage3.img'
    mkzipl('-o', img, '-s', '64M', '-k', kernel, '-g', d / 'sig',
           '-i', initrd, '-c', f'{CONSOLE} zipl=stage3', '-z')
    return img


@pytest.mark.parametrize('firmware', [True, False],
                         ids=['virtboot', 's390-ccw.img'])
def test_zipl_stage3_layout_linux(board, console_log, stage3_image,
                                  firmware):
    """Every component loads (0x2000-0xffff is not the firmware's), the
    signature is skipped, stage 3 starts the kernel: on virtboot and on
    QEMU 7.2's own firmware, the same image."""
    cmdline, out, _ = fixture.power_on(
        board, console_log, [Disk(stage3_image, ro=True, bootindex=1)],
        firmware=firmware, timeout=BOOT_TIMEOUT)
    assert cmdline == f'{CONSOLE} zipl=stage3'
    if firmware:
        assert 'zipl: loading entry 0 from virtio 0: 8 to load' in out, out
        # QEMU 7.2 offers no secure IPL: nothing said about it
        assert 'secure IPL' not in out


def test_zipl_list_directed_linux(board, make_console, linux, tmp_path):
    """A CDL disk with both maps: the list-directed one is used; with an
    entry it cannot load (a block pointer off the geometry), the boot
    takes the CCW-type map, as s390-ccw does."""
    kernel, initrd = linux
    img = tmp_path / 'cdl.img'
    mkzipl('-o', img, '-s', '64M', '-b', 4096, '-t', 'cdl', '-k', kernel,
           '-i', initrd, '-c', f'{CONSOLE} eckd=ld')
    comp = ld_map(img, 4096)[2][0]
    lst = ld_block(img.read_bytes()[comp * 4096 + 32:], 4096)
    with open(img, 'r+b') as f:
        f.seek(lst * 4096 + 5)
        f.write(b'\x63')
    con = make_console([Disk(img, bs=4096, bootindex=1)],
                       ['-machine', 'loadparm=PROMPT'])
    out = con.run_command('zipl info virtio 0')
    assert 'zipl boot map (ECKD CDL, list-directed) on virtio 0' in out, out
    assert re.search(r'^entry 0: bad: ECKD pointer \d+/\d+/99', out, re.M)
    con.run_command('zipl boot', wait_for_prompt=False)
    out = con.wait_for(fixture.MARKER, timeout=BOOT_TIMEOUT * board.scale)
    assert 'zipl: loading entry 0 from virtio 0' in out, out
    con.wait_for(re.compile(r'cmdline: \[([^\]]*)\]'))
    assert con.p.match.group(1) == f'{CONSOLE} eckd=ld'
    con.mark_halted()


@pytest.fixture
def payload_disks(tmp_path):
    """a: one entry (0); b: entries 0-5; each stops the machine."""
    (tmp_path / 'stop').write_bytes(bytes(4096))
    args = ['-l', f'{tmp_path / "stop"}@{PAYLOAD:#x}', '-x', hex(STOP_PSW)]
    mkzipl('-o', tmp_path / 'a.img', '-s', '8M', *args)
    mkzipl('-o', tmp_path / 'b.img', '-s', '8M', *(args * 6))
    return tmp_path / 'a.img', tmp_path / 'b.img'


def test_loadparm_names_no_entry_stops_ipl(board, make_console,
                                           payload_disks):
    """loadparm=5: the first IPL device has a boot map without entry 5
    and no boot files: one line, and the second device (which has an
    entry 5) is not tried."""
    a, b = payload_disks
    con = make_console([Disk(a, ro=True, bootindex=1),
                        Disk(b, ro=True, bootindex=2)],
                       ['-machine', 'loadparm=5'])
    out, st = con.run_status('zipl boot')
    assert st == 1
    assert out.splitlines()[-1] == (
        "zipl: virtio 0: no entry '5' (the loadparm) in its boot map or "
        'boot files: IPL stopped'), out
    assert 'virtio 1' not in out and 'no device could be booted' not in out
    assert con.run_command('echo alive') == 'alive'


def test_loadparm_device_without_entries_passed_over(board, console_log,
                                                     payload_disks,
                                                     tmp_path):
    """A first device with nothing to boot (no boot map, no files) is
    passed over; the second boots the loadparm's entry."""
    plain = tmp_path / 'plain.img'
    plain.write_bytes(random.Random(4).randbytes(4 << 20))
    p = spawn(board, console_log,
              [Disk(plain, ro=True, bootindex=1),
               Disk(payload_disks[1], ro=True, bootindex=2)],
              ['-machine', 'loadparm=4'])
    try:
        p.expect('zipl: loading entry 4 from virtio 1')
        assert 'no zipl boot record' in p.before, p.before
        assert 'IPL stopped' not in p.before
    finally:
        p.terminate(force=True)
        p.close()


def test_iplb_loadparm_set_by_guest(board, console_log, tmp_path):
    """The machine's loadparm 1 boots entry 1, a payload that sets an IPL
    parameter block with loadparm 2 (DIAGNOSE 0x308 subcode 5) and re-IPLs
    (subcode 3): virtboot starts again and boots entry 2."""
    (tmp_path / 'stop').write_bytes(bytes(4096))
    (tmp_path / 'set').write_bytes(set_iplb_payload('2'))
    stop = ['-l', f'{tmp_path / "stop"}@{PAYLOAD:#x}', '-x', hex(STOP_PSW)]
    img = tmp_path / 'iplb.img'
    mkzipl('-o', img, '-s', '8M', *stop,
           '-l', f'{tmp_path / "set"}@{PAYLOAD:#x}', '-x', hex(PAYLOAD),
           *stop)
    p = spawn(board, console_log,
              [Disk(img, ro=True, bootindex=1, devno=f'fe.0.{DEVNO:04x}')],
              ['-machine', 'loadparm=1'])
    try:
        p.expect('zipl: loading entry 1 from virtio 0')
        p.expect('zipl: starting PSW')
        # the re-IPL: virtboot from the start, the guest's block's loadparm
        p.expect('virtboot 20')
        p.expect(r'zipl: loading entry (\d) from virtio 0')
        assert p.match.group(1) == '2', p.before
    finally:
        p.terminate(force=True)
        p.close()
