# SPDX-License-Identifier: GPL-2.0-or-later
"""Faults and bad input, as doc/develop/robustness.md lists them.

Each fault the sandbox's emulated devices can play (--fault) ends in one
error line, a working prompt, and, where the device cannot be used, the
device shown as failed by `virtio scan` / `virtio info`. Read-only commands
never change a disk, and nothing is loaded outside memory. The last test
checks the catalogue itself: every test it names exists.
"""

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from harness import Disk, make_image

MIB = 1 << 20
ROOT = Path(__file__).resolve().parents[3]
CATALOGUE = ROOT / 'doc' / 'develop' / 'robustness.md'


def one_error_line(out):
    """@out is one line saying what failed."""
    lines = out.splitlines()
    assert len(lines) == 1, out
    return lines[0]


def alive(con):
    assert con.run_command('echo alive') == 'alive'


@pytest.mark.boards('sandbox')
@pytest.mark.parametrize('fault, reason', [
    ('queue-size-odd', 'no usable request queue'),
    ('generation', 'configuration kept changing'),
])
def test_scan_fault(make_console, tmp_path, fault, reason):
    """A device that cannot be set up: `virtio scan` says which and why in
    one line, no disk appears, the shell goes on."""
    make_image(tmp_path / 'd.img', MIB, seed=70)
    con = make_console([Disk(tmp_path / 'd.img')],
                       extra_args=['--fault', fault])
    out, status = con.run_status('virtio scan')
    assert status == 1
    assert one_error_line(out).startswith(f'virtio: blk0 failed: {reason} (')
    assert con.run_command('virtio info') == ''
    out, status = con.run_status('virtio read $loadaddr 0 1')
    assert status == 1
    assert 'ERROR' in one_error_line(out)
    alive(con)


@pytest.mark.boards('sandbox')
@pytest.mark.parametrize('fault, why', [
    ('never-complete', 'read failed: the device did not answer in time, error -110'),
    ('ioerr', 'read failed: I/O error, error -5'),
    ('unsupp', 'read failed: not supported by the device, error -95'),
    ('used-len', 'read failed: I/O error, error -5'),
])
def test_request_fault_says_why(make_console, tmp_path, fault, why):
    """The one line of a failed virtio-blk read says why in words."""
    make_image(tmp_path / 'd.img', MIB, seed=77)
    con = make_console([Disk(tmp_path / 'd.img')],
                       extra_args=['--fault', fault])
    out, status = con.run_status('virtio read $loadaddr 0 1')
    assert status == 1
    assert one_error_line(out).endswith(f'ERROR ({why})'), out
    alive(con)


@pytest.mark.boards('sandbox')
def test_capacity_zero(make_console, tmp_path):
    """A disk of capacity 0 is listed without a size, and every read is
    refused in one line."""
    make_image(tmp_path / 'd.img', MIB, seed=71)
    con = make_console([Disk(tmp_path / 'd.img')],
                       extra_args=['--fault', 'capacity-0'])
    info = con.run_command('virtio info')
    assert 'Capacity: not available' in info, info
    for cmd in ('virtio read $loadaddr 0 1', 'virtio write $loadaddr 0 1'):
        out, status = con.run_status(cmd)
        assert status == 1
        assert 'past the end of the device' in one_error_line(out)
    alive(con)


@pytest.mark.boards('sandbox')
def test_failed_after_restart(make_console, tmp_path):
    """A request is lost and the device then stays in reset: the disk is
    given up on. `virtio info` and `virtio scan` say it failed and why, every
    read fails at once with one line, and the disk beside it still works."""
    make_image(tmp_path / 'good.img', MIB, seed=72)
    make_image(tmp_path / 'bad.img', MIB, seed=73)
    con = make_console([Disk(tmp_path / 'good.img'),
                        Disk(tmp_path / 'bad.img')],
                       extra_args=['--fault', 'blk1:never-complete',
                                   '--fault', 'blk1:reset-stuck,after=1'])
    out = con.run_command('virtio device 1')
    for _ in range(2):
        out, status = con.run_status('virtio read $loadaddr 0 1')
        assert status == 1
        assert 'ERROR' in one_error_line(out)
    info = con.run_command('virtio info')
    dev1 = info[info.index('Device 1:'):]
    assert 'Status: failed (device does not come out of reset)' in dev1
    assert 'Status:' not in info[:info.index('Device 1:')]
    out, status = con.run_status('virtio scan')
    assert status == 1
    assert one_error_line(out) == \
        'virtio: blk1 failed: device does not come out of reset (-5)'
    con.run_command('virtio device 0')
    out, status = con.run_status('virtio read $loadaddr 0 800')
    assert status == 0, out
    alive(con)


@pytest.mark.boards('sandbox')
@pytest.mark.parametrize('cmd, why', [
    ('virtio read 0xfffff00 0 10', 'outside RAM'),
    ('virtio read 0xffffffffffff0000 0 1', 'outside RAM'),
    ('virtio write 0xffffffffffffff00 0 1', 'outside RAM'),
    ('virtio read $loadaddr 7ff 2', 'past the end of the device'),
    ('virtio read $loadaddr 0 fffffffffff', 'past the end of the device'),
    ('virtio read $loadaddr fffffffffffffffff 1',
     "bad block number 'fffffffffffffffff': not a hex number"),
])
def test_transfer_bounds(make_console, tmp_path, cmd, why):
    """A transfer that would go outside memory or the disk is refused
    before any I/O, in one line; the disk is unchanged."""
    path = tmp_path / 'd.img'
    data = make_image(path, MIB, seed=74)
    con = make_console([Disk(path)])
    out, status = con.run_status(cmd)
    assert status == 1
    line = one_error_line(out)
    assert why in line
    alive(con)
    assert path.read_bytes() == data


def _digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.mark.boards('sandbox')
def test_read_only_commands_do_not_write(make_console, tmp_path):
    """Scanning, listing, partition tables, reads and every zipl
    subcommand but boot, over good disks, damaged ones, a zipl disk and a
    SCSI LUN, never write: only `virtio write` does."""
    from ziplimg import mkzipl

    good = tmp_path / 'good.img'
    make_image(good, MIB, seed=75)
    bad = tmp_path / 'bad.img'
    # GPT-looking garbage: a protective MBR and a damaged header
    img = bytearray(make_image(bad, MIB, seed=76))
    img[446:462] = bytes([0, 0, 2, 0, 0xee, 0xff, 0xff, 0xff,
                          1, 0, 0, 0, 0xff, 0x07, 0, 0])
    img[510:512] = b'\x55\xaa'
    img[512:520] = b'EFI PART'
    bad.write_bytes(bytes(img))
    zipl = tmp_path / 'zipl.img'
    (tmp_path / 'blob').write_bytes(bytes(range(256)) * 64)
    mkzipl('-o', zipl, '-s', '4M', '-l', f'{tmp_path / "blob"}@0x200000',
           '-x', '0x200000')
    lun = tmp_path / 'lun.img'
    make_image(lun, MIB, seed=78)
    disks = (good, bad, zipl, lun)
    before = {p: _digest(p) for p in disks}
    con = make_console([Disk(good), Disk(bad), Disk(zipl),
                        Disk(lun, kind='scsi')])
    for cmd in ('virtio scan', 'virtio info', 'virtio part', 'virtio part 0',
                'virtio part 1', 'part list virtio 1', 'virtio device 1',
                'virtio read $loadaddr 0 800', 'virtio device 0',
                'virtio read $loadaddr 0 800', 'virtio device',
                'zipl info virtio 2', 'zipl load virtio 2',
                'zipl info virtio 1', 'zipl load virtio 0', 'scsi scan',
                'scsi info', 'virtio device 3', 'virtio read $loadaddr 0 10'):
        con.run_status(cmd)
    alive(con)
    con.close()
    assert {p: _digest(p) for p in disks} == before


# --- SCSI: sense keys and virtio-scsi responses ----------------------------

# after=N lets the scan bring the LUN up first (N: its commands the fault
# would otherwise bite); the fault then lasts for ever.
SCSI_READ_FAULTS = [
    ('not-ready,after=1', 'NOT READY, asc 0x04 ascq 0x03 (logical unit not ready)',
     '1 target, 0 LUNs, 1 failed'),
    ('hardware-error', 'HARDWARE ERROR, asc 0x44 ascq 0x00 (internal target failure)',
     '1 target, 1 LUN, 0 failed'),
    ('illegal-request', 'ILLEGAL REQUEST, asc 0x24 ascq 0x00 (invalid field in cdb)',
     '1 target, 1 LUN, 0 failed'),
    ('medium-error', 'MEDIUM ERROR, asc 0x11 ascq 0x00 (unrecovered read error)',
     '1 target, 1 LUN, 0 failed'),
    ('unit-attention,after=2', 'UNIT ATTENTION, asc 0x29 ascq 0x00 (power on or reset occurred)',
     '1 target, 0 LUNs, 1 failed'),
    ('bad-target,after=5', 'target 0 is gone', '0 targets, 0 LUNs'),
    ('transport-failure,after=5',
     'the path to target 0 failed (transport failure)',
     '1 target, 0 LUNs, 8 failed'),
    ('ioerr,after=5', 'the SCSI host failed the command',
     '1 target, 0 LUNs, 8 failed'),
    ('scsi-busy,after=5', 'the device stayed busy', '1 target, 0 LUNs, 8 failed'),
    ('never-complete,after=260', 'the device did not answer in time',
     '256 targets, 0 LUNs, 2048 failed'),
]


@pytest.mark.boards('sandbox')
@pytest.mark.parametrize('fault, why, rescan', SCSI_READ_FAULTS,
                         ids=[f[0].split(',')[0] for f in SCSI_READ_FAULTS])
def test_scsi_fault(make_console, tmp_path, fault, why, rescan):
    """A LUN whose commands keep failing (a sense key for ever, or a
    virtio-scsi response other than OK): each read is one error line that
    says why, the prompt stays, the virtio-blk disk beside it still reads,
    and a new `scsi scan` counts the LUN as failed or gone."""
    make_image(tmp_path / 'good.img', MIB, seed=80)
    path = tmp_path / 'lun.img'
    data = make_image(path, MIB, seed=81)
    con = make_console([Disk(tmp_path / 'good.img'),
                        Disk(path, kind='scsi')],
                       extra_args=['--fault', f'scsi:{fault}'])
    info = con.run_command('scsi info')
    assert 'Device 0: (0:0) ' in info, info
    assert con.run_command('scsi device 0').endswith('is now current device')
    cmds = ['scsi read $loadaddr 0 8', 'scsi read $loadaddr 10 1']
    if not fault.startswith('medium-error'):     # reads only
        cmds.append('scsi write $loadaddr 0 1')
    for cmd in cmds:
        out, status = con.run_status(cmd)
        assert status == 1
        line = one_error_line(out)
        assert 'ERROR' in line and why in line, line
    alive(con)
    out, status = con.run_status('virtio read $loadaddr 0 800')
    assert status == 0, out
    out = con.run_command('scsi scan')
    assert rescan in out, out
    alive(con)
    con.close()
    assert path.read_bytes() == data


SCSI_SCAN_FAULTS = [
    ('not-ready', ['  target 0 LUN 0: failed to come up: NOT READY, asc 0x04 '
                   'ascq 0x03 (logical unit not ready)']),
    ('unit-attention', ['  target 0 LUN 0: failed to come up: UNIT ATTENTION, '
                        'asc 0x29 ascq 0x00 (power on or reset occurred)']),
    ('scsi-busy', ['  target 0 LUNs 0-7: failed to come up: the device '
                   'stayed busy']),
    ('transport-failure', ['  target 0 LUNs 0-7: failed to come up: the path '
                           'to target 0 failed (transport failure)']),
    ('ioerr', ['  target 0 LUNs 0-7: failed to come up: the SCSI host failed '
               'the command']),
    ('bad-target', []),
]


@pytest.mark.boards('sandbox')
@pytest.mark.parametrize('fault, lines', SCSI_SCAN_FAULTS,
                         ids=[f[0] for f in SCSI_SCAN_FAULTS])
def test_scsi_scan_fault(make_console, tmp_path, fault, lines):
    """A LUN that cannot be brought up: no disk appears, `scsi scan` says
    which LUN failed and why (one line each), the shell goes on."""
    make_image(tmp_path / 'lun.img', MIB, seed=82)
    con = make_console([Disk(tmp_path / 'lun.img', kind='scsi')],
                       extra_args=['--fault', f'scsi:{fault}'])
    assert 'Device' not in con.run_command('scsi info')
    out = con.run_command('scsi scan').splitlines()
    assert out[0] == 'scanning bus for devices...'
    assert out[1:-1] == lines
    failed = {'bad-target': 0, 'not-ready': 1, 'unit-attention': 1}.get(fault, 8)
    assert re.match(rf'virtio-scsi#0: {0 if fault == "bad-target" else 1} '
                    rf'targets?, 0 LUNs, {failed} failed, ', out[-1]), out
    out, status = con.run_status('scsi read $loadaddr 0 1')
    assert status == 1
    assert one_error_line(out).endswith('ERROR (no scsi device 0)')
    alive(con)


@pytest.mark.boards('sandbox')
def test_scsi_never_ready(make_console, tmp_path):
    """A LUN that stays NOT READY, becoming ready, for ever (catalogue
    #29): the wait gives up after CONFIG_SCSI_READY_TIMEOUT_MS, at start
    and at each `scsi scan`, the LUN is reported failed with its sense,
    and the shell goes on. A wait that never gives up fails this test at
    the first prompt (the boot timeout) or at `scsi scan` (the command
    timeout), not by hanging the run."""
    make_image(tmp_path / 'lun.img', MIB, seed=83)
    con = make_console([Disk(tmp_path / 'lun.img', kind='scsi')],
                       extra_args=['--fault', 'scsi:becoming-ready'])
    wait_ms = int(con.board_info.config['CONFIG_SCSI_READY_TIMEOUT_MS'])
    # the scan at start waited the whole time, not much longer
    m = re.search(r'^virtio-scsi#0: 1 target, 0 LUNs, 1 failed, \d+ '
                  r'commands in (\d+)\.\d+ ms', con.run_command('scsi info'),
                  re.M)
    assert m and wait_ms <= int(m.group(1)) < wait_ms + 2000, m
    out = con.run_command('scsi scan',
                          timeout=2 * wait_ms / 1000 + 10).splitlines()
    assert out[1:-1] == ['  target 0 LUN 0: failed to come up: NOT READY, '
                         'asc 0x04 ascq 0x01 (becoming ready)'], out
    out, status = con.run_status('scsi read $loadaddr 0 1')
    assert status == 1
    assert one_error_line(out).endswith('ERROR (no scsi device 0)')
    alive(con)


@pytest.mark.boards('sandbox')
@pytest.mark.parametrize('fault, why', [
    ('medium-error', 'MEDIUM ERROR, asc 0x11 ascq 0x00 (unrecovered read '
                     'error)'),
    ('hardware-error', 'HARDWARE ERROR, asc 0x44 ascq 0x00 (internal target '
                       'failure)'),
    ('illegal-request', 'ILLEGAL REQUEST, asc 0x24 ascq 0x00 (invalid field '
                        'in cdb)'),
])
def test_scsi_bad_answers(make_console, tmp_path, fault, why):
    """A LUN whose reads end in an error of each kind (catalogue #38, the
    cases a shell user sees; the fuzz seeds cover every answer): one line
    with the sense in words, the prompt stays, and the next read fails the
    same way."""
    make_image(tmp_path / 'lun.img', MIB, seed=84)
    con = make_console([Disk(tmp_path / 'lun.img', kind='scsi')],
                       extra_args=['--fault', f'scsi:{fault}'])
    for _ in range(2):
        out, status = con.run_status('scsi read $loadaddr 0 1')
        assert status == 1
        assert one_error_line(out) == ('scsi read: device 0 block # 0, '
                                       f'count 1 ... ERROR (read failed: '
                                       f'{why})'), out
    alive(con)


# --- the catalogue ---------------------------------------------------------

def catalogue_entries():
    """The table rows of the Catalogue section of
    doc/develop/robustness.md: (what, [test refs], tests cell)."""
    rows = []
    section = False
    for line in CATALOGUE.read_text().splitlines():
        if line.startswith('## '):
            section = line == '## Catalogue'
        if not section or not line.startswith('|'):
            continue
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) < 4 or cells[0] == '#' or set(cells[0]) <= set('-: '):
            continue
        tests = re.findall(r'`([^`]+::[^`]+|test/fuzz/corpus/[^`]+)`',
                           cells[-1])
        rows.append((cells[1], tests, cells[-1]))
    return rows


def collected_ids():
    """Node ids of every test/py test on the sandbox, as pytest names them."""
    res = subprocess.run(
        [sys.executable, '-m', 'pytest', '--collect-only', '-q',
         '-p', 'no:cacheprovider', '--board', 'sandbox', 'test/py'],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    return {'test/py/' + ln.strip() for ln in res.stdout.splitlines()
            if '::' in ln}


def ref_exists(ref, ids):
    """Whether the test @ref names exists: a pytest node id collected on
    the sandbox (with its parameters if it gives them), a test function of
    another board's (no parameters named), a C unit test
    (file::function declared with UNIT_TEST) or a corpus file."""
    if '::' not in ref:
        return (ROOT / ref).is_file() and ref.startswith('test/fuzz/corpus/')
    path, name = ref.split('::', 1)
    if path.endswith('.py'):
        if '[' in name:
            return ref in ids
        if any(i == ref or i.startswith(ref + '[') for i in ids):
            return True
        # a test of another board: not collected on the sandbox
        src = ROOT / path
        return src.is_file() and re.search(
            rf'^def {re.escape(name)}\(', src.read_text(), re.M) is not None
    if path.endswith('.c'):
        src = ROOT / path
        return src.is_file() and re.search(
            rf'^UNIT_TEST\({re.escape(name)},', src.read_text(),
            re.M) is not None
    return False


@pytest.mark.boards('sandbox')
def test_catalogue():
    """Every entry of the catalogue names at least one test, every test it
    names exists (pytest ids as collected, C unit tests, corpus files), so
    that the list cannot rot; at least 40 entries."""
    rows = catalogue_entries()
    assert len(rows) >= 40, len(rows)
    ids = collected_ids()
    assert len(ids) > 100, 'pytest collected nothing'
    missing = []
    for what, tests, cell in rows:
        assert tests, f'no test named for: {what} ({cell})'
        missing += [t for t in tests if not ref_exists(t, ids)]
    assert not missing, missing
