# SPDX-License-Identifier: GPL-2.0-or-later
"""Disks written by the real zipl (Debian's s390-tools 2.16, run in an
s390x Linux guest by test/py/linux/realzipl.py, cached under build/),
booted by virtboot on qemu-s390x to the test init, which prints the
command line of the entry that ran.

Each menu disk (DOS and GPT label) boots over virtio-blk-ccw and over
virtio-scsi-ccw: the default entry (2) without a loadparm, entries 1
and 3 (sparse files: block lists that repeat one zero block) with
loadparm=N; the --secure 1 disk (SIGNATURE components before the
stage3 loader, the kernel and the initramfs) over both; 'zipl info'
lists every disk's entries; QEMU's own s390-ccw.img boots the same
disks, which keeps the fixture honest.

zipl 2.16 writes more components than mkzipl: its stage3 loader at
0xa000 (the EXEC PSW starts it), stage3's parameter block at 0x9000,
zero-filled heap (0x2000) and stack (0xf000) components, the kernel
from file offset 0 at 0x10000 (stage3 moves it down by 64 KiB).
"""

import collections
import re
import sys
from pathlib import Path

import pytest

from harness import Disk
from ziplimg import BootMap, ptr

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'linux'))
import fixture  # noqa: E402
import realzipl  # noqa: E402

pytestmark = pytest.mark.boards('qemu-s390x')

BOOT_TIMEOUT = 120
ENTRIES = {1: 'first', 2: 'second', 3: 'sparse'}
LOAD, SIGNATURE, EXEC = 2, 3, 1
DEFAULT = realzipl.DEFAULT


@pytest.fixture(scope='module')
def real():
    return realzipl.disks()


def boot(board, console_log, disk, extra=(), firmware=True):
    return fixture.power_on(board, console_log, [disk], extra, firmware,
                            BOOT_TIMEOUT)


def _load_ptrs(bm, first):
    """Every data pointer (blockno, size, blockct) of a block list."""
    out = []
    for blk in bm.list_blocks(first):
        for slot in range(bm.bs // 16 - 1):
            p = ptr(bm.data, blk * bm.bs + 16 * slot)
            if not p[0]:
                break
            out.append(p)
    return out


def test_zipl_real_fixture(real):
    """What the guest's zipl wrote: the menu's program table (entry 0 is
    the default, entry 2), the components zipl 2.16 adds, a zero block
    repeated for each hole, SIGNATURE components before the signed
    LOADs; and how long the guest ran."""
    print(f'zipl guest: {real["info"]["guest_seconds"]:.1f} s')
    for name in ('dos', 'gpt'):
        bm = BootMap(real[name])
        assert bm.entries[0] == bm.entries[DEFAULT] != 0
        assert all(bm.entries[i] for i in ENTRIES) and not bm.entries[4]
        comps = bm.components(3)
        assert [(t, a) for t, _, a in comps] == [
            (LOAD, 0x2000), (LOAD, 0xf000), (LOAD, 0xa000), (LOAD, 0x9000),
            (LOAD, 0x10000), (LOAD, comps[5][2]), (LOAD, comps[6][2]),
            (EXEC, 0x000800008000a000)]
        # the sparse initramfs: its 4 MiB of zeros are one repeated block
        initrd = collections.Counter(
            p[0] for p in _load_ptrs(bm, comps[6][1]))
        assert initrd.most_common(1)[0][1] >= 4 * 2048 - 8
    bm = BootMap(real['secure'])
    types = [t for t, _, _ in bm.components(0)]
    assert types == [LOAD, LOAD, SIGNATURE, LOAD, LOAD, SIGNATURE, LOAD,
                     LOAD, SIGNATURE, LOAD, EXEC]
    for t, _, data in bm.components(0):
        if t == SIGNATURE:      # format 1 (PKCS#7) and the length
            assert data >> 56 == 1 and 0 < data & 0xffffffff < 4096


@pytest.mark.parametrize('name', ['dos', 'gpt'])
@pytest.mark.parametrize('kind', ['blk', 'scsi'])
@pytest.mark.parametrize('loadparm', [None, 1, 3])
def test_zipl_real_menu(board, console_log, real, name, kind, loadparm):
    """Entry by loadparm (none: the menu's default, 2), from the IPL
    parameter block of the bootindex device."""
    extra = [] if loadparm is None else ['-machine', f'loadparm={loadparm}']
    cmdline, out, _ = boot(board, console_log,
                           Disk(real[name], kind=kind, ro=True,
                                bootindex=1), extra)
    entry = loadparm or DEFAULT
    assert cmdline == realzipl.cmdline(name, ENTRIES[entry])
    assert re.search(rf'zipl: loading entry {loadparm or 0} from '
                     rf'{"virtio" if kind == "blk" else "scsi"} 0: '
                     r'7 to load', out), out


@pytest.mark.parametrize('kind', ['blk', 'scsi'])
def test_zipl_real_secure(board, console_log, real, kind):
    """zipl --secure 1: the SIGNATURE components are passed over."""
    cmdline, out, _ = boot(board, console_log,
                           Disk(real['secure'], kind=kind, ro=True,
                                bootindex=1))
    assert cmdline == realzipl.cmdline('secure', 'first')
    assert 'to load' in out


def test_zipl_real_info(board, make_console, real):
    """'zipl info' on each disk, over virtio-blk and over virtio-scsi."""
    disks = [Disk(real[n], ro=True) for n in ('dos', 'gpt', 'secure')]
    disks += [Disk(real[n], kind='scsi', ro=True, target=i)
              for i, n in enumerate(('dos', 'gpt', 'secure'))]
    con = make_console(disks, ['-machine', 'loadparm=PROMPT'])
    for ifname in ('virtio', 'scsi'):
        for dev, name in enumerate(('dos', 'gpt', 'secure')):
            out = con.run_command(f'zipl info {ifname} {dev}')
            assert f'on {ifname} {dev} (512-byte blocks)' in out, out
            n = 1 if name == 'secure' else 4
            for i in range(n):
                assert re.search(rf'^entry {i}\b.*, 7 to load',
                                 out, re.M), out
            assert not re.search(rf'^entry {n}\b', out, re.M), out
            assert 'exec       PSW 0x000800008000a000' in out, out
            if name == 'secure':
                sigs = [x for x in out.splitlines() if 'signature' in x]
                assert len(sigs) == 3, out


@pytest.mark.parametrize('name,kind,loadparm', [('dos', 'blk', 3),
                                                ('secure', 'scsi', None)])
def test_zipl_real_qemu_firmware(board, console_log, real, name, kind,
                                 loadparm):
    """QEMU's own s390-ccw.img boots the same disks: the sparse entry,
    and the disk with SIGNATURE components."""
    extra = [] if loadparm is None else ['-machine', f'loadparm={loadparm}']
    cmdline, out, _ = boot(board, console_log,
                           Disk(real[name], kind=kind, ro=True,
                                bootindex=1), extra, firmware=False)
    entry = ENTRIES[loadparm] if loadparm else 'first'
    assert cmdline == realzipl.cmdline(name, entry)
    assert 'Using SCSI scheme' in out
