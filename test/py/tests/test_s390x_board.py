# SPDX-License-Identifier: GPL-2.0-or-later
"""qemu-s390x: what the firmware finds on s390-ccw-virtio, checked against
the QEMU command line and the disk images.

Oracles: the images' bytes (zlib CRCs of what `virtio read` loads, the
host file after `virtio write`), the devices and properties given to QEMU
(device numbers, subchannel sets, virtio-ccw revisions, bootindex, RAM
size) and the state QEMU ends in (exit status after poweroff and after an
unexpected interruption).
"""

import re
import zlib

import pexpect
import pytest

from harness import (ConsoleError, Disk, crc32, info_entries, loadaddr,
                     make_image)

pytestmark = pytest.mark.boards('qemu-s390x')

MIB = 1 << 20


def read_crc(con, dev, data, bs=512):
    """Read all of @data's disk (device @dev) and compare CRCs."""
    out = con.run_command(f'virtio device {dev}')
    assert out.endswith('... is now current device'), out
    cnt = len(data) // bs
    out = con.run_command(f'virtio read $loadaddr 0 {cnt:x}')
    assert out.endswith(f'{cnt} blocks read: OK'), out
    assert crc32(con, '$loadaddr', len(data)) == zlib.crc32(data)


def write_check(con, dev, path, blk, cnt, bs=512):
    """`virtio write` @cnt blocks of a pattern at @blk of device @dev and
    find them in the host file @path."""
    base = loadaddr(con)
    con.run_command(f'virtio device {dev}')
    con.run_command(f'mw.l {base:x} 5a0f3c96 {cnt * bs // 4:x}')
    out = con.run_command(f'virtio write {base:x} {blk:x} {cnt:x}')
    assert out.endswith(f'{cnt} blocks written: OK'), out
    return path


def board_has(con, option):
    """Whether the build under test has CONFIG option @option."""
    return con.board_info.config.get(option) == 'y'


def pattern(nbytes):
    return bytes.fromhex('5a0f3c96') * (nbytes // 4)


def test_boot_banner_and_ram(make_console):
    """bdinfo shows the RAM QEMU was given, read from the SCLP, also
    above 2 GiB (the firmware then sits just below 2 GiB)."""
    for arg, size in (('1G', 1 << 30), ('2560M', 2560 * MIB)):
        con = make_console(extra_args=['-m', arg])
        assert 'virtboot' in con.boot_output
        out = con.run_command('bdinfo')
        assert re.search(r'-> size\s+= 0x0*%x$' % size, out, re.M), out
        con.close()


@pytest.mark.parametrize('rev', [0, 1, 2])
def test_ccw_revision(make_console, tmp_path, rev):
    """virtio-ccw limited to revision @rev: 0 is legacy (big-endian rings,
    one feature word), 1 and 2 modern (little-endian rings, 2 reads the
    status back). Reads and writes work on each."""
    path = tmp_path / 'd.img'
    data = make_image(path, 2 * MIB, seed=10 + rev)
    con = make_console([Disk(path, props={'max_revision': rev})])
    entries = info_entries(con, 'virtio info -v')
    assert list(entries) == [0]
    assert 'Transport: ccw' in entries[0]
    read_crc(con, 0, data)
    write_check(con, 0, path, 0x10, 4)
    con.close()
    disk = path.read_bytes()
    assert disk[0x10 * 512:0x14 * 512] == pattern(4 * 512)
    assert disk[:0x10 * 512] == data[:0x10 * 512]
    assert disk[0x14 * 512:] == data[0x14 * 512:]


def test_subchannel_set_1(make_console, tmp_path):
    """A disk on subchannel set 1 (devno fe.1.0005) is found, after the
    one on set 0, and is named by its bus id."""
    d0 = make_image(tmp_path / 'a.img', MIB, seed=20)
    d1 = make_image(tmp_path / 'b.img', 3 * MIB, seed=21)
    con = make_console([Disk(tmp_path / 'b.img', devno='fe.1.0005'),
                        Disk(tmp_path / 'a.img', devno='fe.0.0007')])
    entries = info_entries(con)
    assert list(entries) == [0, 1]
    assert '(2048 x 512)' in entries[0]
    assert '(6144 x 512)' in entries[1]
    read_crc(con, 0, d0)
    read_crc(con, 1, d1)
    tree = con.run_command('dm tree')
    assert '0.0.0007' in tree and '0.1.0005' in tree, tree


TREE_NAME = re.compile(r' (.{10})  [ \d]{2}\d  \[ [+ ] \]   (.{20})  '
                       r'((?:\|   |    )*)[|`]-- (\S.*)')


def dm_tree(con):
    """`dm tree` below the root as [(depth, class, driver, name)]."""
    out = con.run_command('dm tree').splitlines()
    rows = []
    for line in out[3:]:
        m = TREE_NAME.fullmatch(line.rstrip())
        assert m, f'bad dm tree line {line!r}'
        rows.append((len(m.group(3)) // 4 + 1, m.group(1).rstrip(),
                     m.group(2).rstrip(), m.group(4)))
    return rows


def test_dm_tree_buses(make_console, tmp_path):
    """The devices hang from their buses: root -> css -> bus id
    (virtio-ccw) -> virtio-scsi -> LUN, root -> zpci -> function ->
    virtio-blk; the console and the two buses are the board's, nothing
    else sits under the root."""
    for name in ('lun', 'ccw', 'pci'):
        make_image(tmp_path / f'{name}.img', MIB, seed=60)
    # The controller is on the command line first: 0.0.0000
    con = make_console([Disk(tmp_path / 'lun.img', kind='scsi'),
                        Disk(tmp_path / 'ccw.img'),
                        Disk(tmp_path / 'pci.img', transport='pci')])
    con.run_command('virtio scan')
    rows = dm_tree(con)
    top = [r for r in rows if r[0] == 1]
    assert top == [(1, 'serial', 'serial_sclp', 'serial_sclp'),
                   (1, 'simple_bus', 'css', 'css'),
                   (1, 'simple_bus', 'zpci', 'zpci')], rows
    # Each device with its ancestors: (class, driver) from the root down
    paths, stack = [], []
    for depth, cls, drv, name in rows:
        stack[depth - 1:] = [(cls, drv, name)]
        paths.append([(c, d) for c, d, _ in stack])
    assert [('simple_bus', 'css'), ('virtio', 'virtio-ccw'),
            ('scsi', 'virtio-scsi'), ('blk', 'scsi_blk')] in paths, rows
    assert [('simple_bus', 'css'), ('virtio', 'virtio-ccw'),
            ('blk', 'virtio-blk')] in paths, rows
    assert [('simple_bus', 'zpci'), ('virtio', 'virtio-zpci'),
            ('blk', 'virtio-blk')] in paths, rows
    # Transports only under their bus; ccw named by bus id, in order
    ccw = [r[3] for r in rows if r[2] == 'virtio-ccw']
    assert all(r[0] == 2 for r in rows if r[1] == 'virtio'), rows
    assert all(re.fullmatch(r'0\.0\.[0-9a-f]{4}', n) for n in ccw), ccw
    assert ccw == sorted(ccw) and len(ccw) >= 2
    assert [r[3] for r in rows if r[2] == 'virtio-zpci'] == ['zpci-00000000']


def test_block_size_4096_and_readonly(make_console, tmp_path):
    """4096-byte logical blocks; a read-only disk refuses writes with one
    line and the shell goes on."""
    data = make_image(tmp_path / 'a.img', MIB, seed=30)
    ro = make_image(tmp_path / 'r.img', MIB, seed=31)
    con = make_console([Disk(tmp_path / 'a.img', bs=4096),
                        Disk(tmp_path / 'r.img', ro=True)])
    entries = info_entries(con)
    assert '(256 x 4096)' in entries[0]
    read_crc(con, 0, data, bs=4096)
    con.run_command('virtio device 1')
    out, status = con.run_status('virtio write $loadaddr 0 1')
    assert status != 0
    assert len(out.splitlines()) <= 2, out
    con.close()
    assert (tmp_path / 'r.img').read_bytes() == ro


def test_four_disks_numbered_stably(make_console, tmp_path):
    """Set 0 in subchannel order, then set 1, then zPCI; the same numbers
    after a restart."""
    sizes = [1, 2, 3, 4]
    datas = [make_image(tmp_path / f'{i}.img', s * MIB, seed=40 + i)
             for i, s in enumerate(sizes)]
    disks = [Disk(tmp_path / '0.img', transport='pci'),
             Disk(tmp_path / '1.img', devno='fe.1.0002'),
             Disk(tmp_path / '2.img', devno='fe.0.0010'),
             Disk(tmp_path / '3.img', devno='fe.0.0003')]
    # expected order: set 0 (2.img then 3.img), set 1 (1.img), zPCI (0.img)
    order = [2, 3, 1, 0]
    con = make_console(disks)
    for boot in range(2):
        con.run_command('virtio scan')
        entries = info_entries(con)
        assert list(entries) == [0, 1, 2, 3]
        for dev, img in enumerate(order):
            blocks = sizes[img] * MIB // 512
            assert f'({blocks} x 512)' in entries[dev], entries[dev]
            read_crc(con, dev, datas[img])
        con.restart()


@pytest.mark.parametrize('transport,expect', [
    ('pci', 'pci-modern'),              # transitional: the modern interface
    ('pci-modern', 'pci-modern'),       # disable-legacy=on
    ('pci-legacy', 'pci-legacy'),       # disable-modern=on: big-endian rings
])
def test_zpci_read_write(make_console, tmp_path, transport, expect):
    """virtio-blk-pci over zPCI (CLP, PCI LOAD/STORE) with the virtio-pci
    transport the function offers."""
    path = tmp_path / 'p.img'
    data = make_image(path, 2 * MIB, seed=50)
    con = make_console([Disk(path, transport=transport)])
    entries = info_entries(con, 'virtio info -v')
    assert list(entries) == [0]
    assert f'Transport: {expect}' in entries[0], entries[0]
    read_crc(con, 0, data)
    write_check(con, 0, path, 0x200, 8)
    con.close()
    disk = path.read_bytes()
    assert disk[0x200 * 512:0x208 * 512] == pattern(8 * 512)
    assert disk[:0x200 * 512] == data[:0x200 * 512]


def test_iplb(make_console, tmp_path):
    """iplb names the device with the lowest bootindex (QEMU 7.2 gives one
    block) and the `virtio` number of its disk; without a bootindex there
    is none."""
    make_image(tmp_path / 'a.img', MIB, seed=60)
    make_image(tmp_path / 'b.img', 2 * MIB, seed=61)
    con = make_console([Disk(tmp_path / 'a.img', devno='fe.0.0041'),
                        Disk(tmp_path / 'b.img', devno='fe.1.0042',
                             bootindex=1)],
                       extra_args=['-machine', 'loadparm=PROD1'])
    out, status = con.run_status('iplb')
    assert status == 0
    # set 0 is scanned first: a.img is virtio 0, b.img virtio 1
    assert out.splitlines()[0] == '0: ccw  0.1.0042 loadparm PROD1 (virtio 1)'
    assert '(4096 x 512)' in info_entries(con)[1]
    con.close()

    con = make_console([Disk(tmp_path / 'a.img')])
    out, status = con.run_status('iplb')
    assert status == 1
    assert out == 'iplb: no IPL parameter block (no device has a bootindex)'
    con.close()

    con = make_console([Disk(tmp_path / 'a.img'),
                        Disk(tmp_path / 'b.img', kind='scsi', target=3, lun=5,
                             bootindex=0)])
    out = con.run_command('iplb')
    m = re.fullmatch(r'0: scsi 0\.0\.[0-9a-f]{4} target 3 lun 5'
                     r'(?: \(scsi (\d)\))?', out)
    assert m, out
    # the LUN is a scsi device when virtio-scsi is built in
    if board_has(con, 'CONFIG_VIRTIO_SCSI'):
        assert m.group(1), out
        assert info_entries(con, 'scsi info')[int(m.group(1))].startswith(
            f'Device {m.group(1)}: (3:5) ')


@pytest.mark.parametrize('extra, delay', [
    (['-boot', 'menu=on'], '-1'),
    (['-boot', 'menu=on,splash-time=2500'], '3'),
    (['-machine', 'loadparm=PROMPT'], '-1'),
    ([], '0'),
], ids=['menu', 'splash-time', 'loadparm-prompt', 'none'])
def test_boot_menu_sets_bootdelay(make_console, tmp_path, extra, delay):
    """QEMU's boot menu options, read as s390-ccw.img reads them, set
    bootdelay, so that a bootable disk still lets one reach the prompt:
    -boot menu=on or loadparm PROMPT wait at the prompt (no autoboot),
    splash-time counts down its seconds (rounded up); without them the
    board's bootdelay 0 boots at once (bootcmd `zipl boot` runs and fails
    on a disk without a boot map)."""
    make_image(tmp_path / 'a.img', MIB, seed=65)
    con = make_console([Disk(tmp_path / 'a.img', bootindex=1)], extra)
    assert con.run_command('echo $bootdelay') == delay
    ran = 'zipl' in con.boot_output
    # bootdelay 0 looks for a key once, right after the line: the key the
    # harness sends on seeing it may already be there (" 0" printed again)
    raced = delay == '0' and re.search(r':\s+0[\s\x08]+0\s*$',
                                       con.boot_output)
    assert ran == (delay == '0' and not raced), con.boot_output
    # the countdown's first number (the harness ate "...stop autoboot")
    m = re.search(r'^:\s+(\d+) ', con.boot_output, re.M)
    assert (m.group(1) if m else '-1') == delay, con.boot_output


def test_virtio_info_marks_ipl_device(make_console, tmp_path):
    """`virtio info` marks the disk the IPL parameter block names: with
    bootindex on the second disk that one, not the first; a LUN named by
    target and LUN likewise, by its full LUN (blk_desc.lun stops at 255).
    The mark agrees with `iplb`'s device."""
    make_image(tmp_path / 'a.img', MIB, seed=62)
    make_image(tmp_path / 'b.img', 2 * MIB, seed=63)
    con = make_console([Disk(tmp_path / 'a.img'),
                        Disk(tmp_path / 'b.img', bootindex=1)])
    entries = info_entries(con)
    assert list(entries) == [0, 1]
    assert '(4096 x 512)' in entries[1]
    assert 'IPL device: yes (iplb 0)' in entries[1], entries[1]
    assert 'IPL device' not in entries[0], entries[0]
    assert con.run_command('iplb').endswith('(virtio 1)')
    con.close()

    if not board_has(con, 'CONFIG_VIRTIO_SCSI'):
        return
    make_image(tmp_path / 'c.img', MIB, seed=64)
    con = make_console([Disk(tmp_path / 'a.img', kind='scsi', target=1,
                             lun=300),
                        Disk(tmp_path / 'c.img', kind='scsi', target=1,
                             lun=255, bootindex=0)])
    m = re.search(r'\(scsi (\d+)\)$', con.run_command('iplb'))
    assert m
    entries = info_entries(con, 'scsi info')
    assert entries[int(m.group(1))].startswith(f'Device {m.group(1)}: (1:255) ')


def test_go_returns(console):
    """A program at $loadaddr runs as a C function: lghi %r2,42; br %r14."""
    base = loadaddr(console)
    console.run_command(f'mw.l {base:x} a729002a')
    console.run_command(f'mw.w {base + 4:x} 07fe')
    out = console.run_command(f'go {base:x}')
    assert out.splitlines()[-1] == '## Application terminated, rc = 0x2A'


def test_program_check_report(make_console):
    """An operation exception (opcode 0x00) is reported with its code and
    the PSW, and the machine stops (QEMU sees a disabled wait: a guest
    panic, which QEMU 7.2 ends with)."""
    con = make_console()
    base = loadaddr(con)
    con.run_command('mw.l $loadaddr 0')
    with con.disable_check('unexpected interruption'):
        con.run_command('go $loadaddr', wait_for_prompt=False)
        con.wait_for('*** unexpected program check interruption, code 0x1')
        line = con.wait_for('### stopped')
    m = re.search(r'old PSW ([0-9a-f]{16}) ([0-9a-f]{16})', line)
    assert m, line
    # the PSW points after the 2-byte instruction at $loadaddr
    assert int(m.group(2), 16) == base + 2
    con.p.expect(pexpect.EOF, timeout=10)


def test_poweroff_and_reset(make_console):
    """reset starts the firmware again (QEMU re-IPLs); poweroff ends QEMU
    with status 0."""
    con = make_console()
    con.run_command('setenv foo bar')
    con.run_command('reset', wait_for_prompt=False)
    con.wait_for('virtboot')
    # a fresh firmware: the countdown runs, the variable is gone
    con.wait_for('Hit any key to stop autoboot')
    con.p.send(' ')
    con.wait_for('=> ')
    con.broken = False
    assert con.run_command('printenv foo') == '## Error: "foo" not defined'
    con.p.send('poweroff\n')
    con.p.expect(pexpect.EOF, timeout=10)
    con.p.close()
    assert con.p.exitstatus == 0


def test_long_output_not_lost(console):
    """64 KiB of md: every line arrives, in order."""
    lines = 0x10000 // 16
    out = console.run_command('md.b $loadaddr 10000', timeout=120)
    rows = out.splitlines()
    assert len(rows) == lines
    base = loadaddr(console)
    assert rows[0].startswith(f'{base:08x}:')
    assert rows[-1].startswith(f'{base + 0x10000 - 16:08x}:')
    for i, row in enumerate(rows):
        assert row.startswith(f'{base + 16 * i:08x}:'), (i, row)


def test_ctrlc_stops_long_output(console):
    """Ctrl-C ends a long md early and the prompt comes back."""
    console.run_command('md.b $loadaddr 1000000', wait_for_prompt=False)
    console.wait_for(':')
    out = console.ctrlc(timeout=60)
    assert out.count('\n') < 0x1000000 // 16
    assert console.run_command('echo ok') == 'ok'


def test_console_keeps_pasted_input(console):
    """A long line and several commands sent at once (no waiting for the
    echo) arrive whole: one Read Event Data may bring more than a line."""
    text = ''.join(chr(ord('a') + i % 26) for i in range(900))
    out = console.run_raw(f'echo {text}\n')
    assert out.count(text) == 2, out      # the echo and echo's output
    cmds = ''.join(f'echo line{i}\n' for i in range(20))
    console.p.send(cmds)
    for i in range(20):     # echo's output, not the echoed command
        console.wait_for(re.compile(rf'\nline{i}\r*\n'))
    console.wait_for('=> ')
    assert console.run_command('echo done') == 'done'
