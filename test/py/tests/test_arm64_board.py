# SPDX-License-Identifier: GPL-2.0-or-later
"""qemu-arm64: what the board finds on QEMU's virt machine, checked against
QEMU itself.

Oracles: the device tree QEMU generates for the same command line
(`-machine dumpdtb=FILE`, decoded with `dtc -I dtb -O dts`), QEMU's own
PCI view (`info pci` on its monitor) and the disk images' bytes (zlib
CRCs). Most tests share one machine per module with a disk on every
transport, a PCIe root port with a device behind it and an HMP monitor.
"""

import os
import re
import socket
import subprocess
import time
import zlib
from pathlib import Path

import pexpect
import pytest

from harness import Console, Disk, crc32, loadaddr, make_image

pytestmark = pytest.mark.boards('qemu-arm64')

REPO = Path(__file__).resolve().parents[3]
MIB = 1 << 20

# The shared rig: (transport, size in MiB, behind the root port)
RIG = [
    ('pci', 1, False),
    ('pci-legacy', 2, False),
    ('pci-modern', 3, True),
    ('mmio', 4, False),
]


def start(board, log, argv):
    con = Console(board.plugin, argv, log, cwd=str(REPO),
                  timeout=board.plugin.TIMEOUT * board.scale,
                  boot_timeout=board.plugin.BOOT_TIMEOUT * board.scale)
    return con.start()


def rig_argv(board, disks, monitor=None):
    """The board's command line with a PCIe root port 'rp1' (before the
    disks, so that one can sit behind it) and an HMP monitor socket."""
    argv = board.command(disks)
    i = argv.index('-bios') + 2
    extra = ['-device', 'pcie-root-port,id=rp1,chassis=1,slot=1']
    if monitor:
        extra += ['-monitor', f'unix:{monitor},server=on,wait=off']
    return argv[:i] + extra + argv[i:]


class Monitor:
    """QEMU's human monitor on a unix socket."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX)
        for _ in range(100):
            try:
                self.sock.connect(str(path))
                break
            except OSError:
                time.sleep(0.05)
        self.sock.settimeout(10)
        self._read_prompt()

    def _read_prompt(self):
        data = b''
        while not data.endswith(b'(qemu) '):
            chunk = self.sock.recv(4096)
            if not chunk:
                break
            data += chunk
        return re.sub(r'\x1b\[[0-9;]*[A-Za-z]', '',
                      data.decode('latin-1')).replace('\r', '')

    def command(self, cmd):
        self.sock.sendall(cmd.encode() + b'\n')
        return self._read_prompt()

    def close(self):
        self.sock.close()


@pytest.fixture(scope='module')
def rig(board, console_log, tmp_path_factory):
    tmp = tmp_path_factory.mktemp('arm64rig')
    disks, images = [], []
    for i, (transport, mib, behind) in enumerate(RIG):
        path = tmp / f'{transport}.img'
        images.append(make_image(path, mib * MIB, seed=100 + i))
        props = {'bus': 'rp1'} if behind else None
        disks.append(Disk(path, transport=transport, props=props))
    mon_path = tmp / 'mon.sock'
    argv = rig_argv(board, disks, mon_path)
    con = start(board, console_log, argv)
    mon = Monitor(mon_path)
    dtb = tmp / 'virt.dtb'
    # The same machine (the tree does not list PCI functions, and the
    # mmio slots are there whatever is plugged in; the disks stay out:
    # the running QEMU holds their locks).
    subprocess.run(argv[:argv.index('-bios')] +
                   ['-machine', f'dumpdtb={dtb}'],
                   check=True, capture_output=True, timeout=60)
    dts = subprocess.run(['dtc', '-I', 'dtb', '-O', 'dts', str(dtb)],
                         check=True, capture_output=True, text=True).stdout
    con.rig = {'images': images, 'monitor': mon, 'dts': dts, 'argv': argv}
    yield con
    mon.close()
    con.close()


def dts_nodes(dts):
    """{node name: body text} of the root's direct children."""
    nodes = {}
    for m in re.finditer(r'^\t([\w,.@-]+) \{\n(.*?)^\t\};', dts, re.M | re.S):
        nodes[m.group(1)] = m.group(2)
    return nodes


def cells(text, prop):
    m = re.search(rf'\b{prop} = <([^>]*)>;', text)
    return [int(x, 16) for x in m.group(1).split()] if m else None


def pci_list(con):
    """`pci *` as {(bus, dev, fn): (vendor, device, class name)}."""
    out = con.run_command('pci *')
    found = {}
    for m in re.finditer(r'^([0-9a-f]{2})\.([0-9a-f]{2})\.([0-9a-f]{2})   '
                         r'0x([0-9a-f]{4})     0x([0-9a-f]{4})     (.{23}) '
                         r'0x([0-9a-f]{2})$', out, re.M):
        bdf = tuple(int(m.group(i), 16) for i in (1, 2, 3))
        found[bdf] = (int(m.group(4), 16), int(m.group(5), 16),
                      m.group(6).rstrip())
    return out, found


def test_boot_to_prompt(rig):
    """Banner, then the prompt, quickly (QEMU start included)."""
    assert re.search(r'^virtboot \S+ \(', rig.boot_output, re.M)
    assert rig.boot_seconds < 10


def test_console_keeps_pasted_input(rig):
    """A long line sent at once (no waiting for the echo) arrives whole:
    the PL011 FIFO and QEMU's flow control lose nothing."""
    text = ''.join(chr(ord('a') + i % 26) for i in range(900))
    out = rig.run_raw(f'echo {text}\n')
    assert out.count(text) == 2, out      # the echo and echo's output


def test_bdinfo_matches_dtb(rig):
    """RAM banks as the device tree's memory node says, = -m 1G."""
    nodes = dts_nodes(rig.rig['dts'])
    mem = [b for n, b in nodes.items() if n.startswith('memory@')]
    assert len(mem) == 1
    reg = cells(mem[0], 'reg')
    start, size = reg[0] << 32 | reg[1], reg[2] << 32 | reg[3]
    assert (start, size) == (0x40000000, 1 << 30)
    out = rig.run_command('bdinfo')
    assert f'DRAM bank   = 0x{0:016x}' in out
    assert f'-> start    = 0x{start:016x}' in out
    assert f'-> size     = 0x{size:016x}' in out


def test_dm_tree_matches_dtb(rig):
    """Console UART, PCIe host and the used virtio-mmio slot are the
    device tree's nodes (named after them)."""
    nodes = dts_nodes(rig.rig['dts'])
    out = rig.run_command('dm tree')
    stdout = re.search(r'stdout-path = "/([^"]+)";', rig.rig['dts']).group(1)
    assert re.search(rf'serial .* serial_pl011 .*-- {re.escape(stdout)}$',
                     out, re.M)
    pcie = [n for n, b in nodes.items()
            if '"pci-host-ecam-generic"' in b]
    assert len(pcie) == 1
    assert re.search(rf'pci .* pci_generic_ecam .*-- {pcie[0]}$', out, re.M)
    # One mmio disk: one bound slot, and it is a virtio,mmio node.
    slots = re.findall(r'virtio-mmio\s+\S+ (virtio_mmio@[0-9a-f]+)$', out,
                       re.M)
    assert len(slots) == 1
    assert '"virtio,mmio"' in nodes[slots[0]]
    mmio_nodes = [n for n, b in nodes.items() if '"virtio,mmio"' in b]
    assert len(mmio_nodes) == 32


TREE_NAME = re.compile(r' (.{10})  [ \d]{2}\d  \[ [+ ] \]   (.{20})  '
                       r'((?:\|   |    )*)[|`]-- (\S.*)')


def test_dm_tree_hierarchy(rig):
    """Devices hang from what found them: the device tree's nodes under
    the root (virtio-mmio, the PCIe host, the PL011), each PCI function
    under its bus (the one behind the root port under the port), each
    disk under its transport."""
    rig.run_command('virtio scan')
    paths, stack = [], []
    for line in rig.run_command('dm tree').splitlines()[3:]:
        m = TREE_NAME.fullmatch(line.rstrip())
        assert m, f'bad dm tree line {line!r}'
        depth = len(m.group(3)) // 4 + 1
        stack[depth - 1:] = [m.group(2).rstrip()]
        paths.append(list(stack))
    top = [p[0] for p in paths if len(p) == 1]
    assert sorted(top) == ['pci_generic_ecam', 'serial_pl011',
                           'simple_bus', 'virtio-mmio']
    disks = [p for p in paths if p[-1] == 'virtio-blk']
    assert ['virtio-mmio', 'virtio-blk'] in disks
    assert ['pci_generic_ecam', 'virtio-pci.m', 'virtio-blk'] in disks
    assert ['pci_generic_ecam', 'virtio-pci.l', 'virtio-blk'] in disks
    assert ['pci_generic_ecam', 'pci_bridge_drv', 'virtio-pci.m',
            'virtio-blk'] in disks
    assert len(disks) == len(RIG)


def test_pci_matches_qemu(rig):
    """`pci *` lists exactly the functions QEMU's `info pci` has."""
    info = rig.rig['monitor'].command('info pci')
    qemu = {}
    for m in re.finditer(r'Bus\s+(\d+), device\s+(\d+), function (\d+):\n'
                         r'\s+.*?PCI device ([0-9a-f]{4}):([0-9a-f]{4})',
                         info):
        qemu[tuple(int(m.group(i)) for i in (1, 2, 3))] = \
            (int(m.group(4), 16), int(m.group(5), 16))
    out, ours = pci_list(rig)
    assert out.startswith('BusDevFun  VendorId   DeviceId   Device Class'
                          '       Sub-Class\n' + '_' * 61)
    assert {k: v[:2] for k, v in ours.items()} == qemu
    # What the rig put there: host bridge, root port, three virtio-blk.
    ids = sorted(v[:2] for v in ours.values())
    assert ids == sorted([(0x1b36, 0x0008), (0x1b36, 0x000c),
                          (0x1af4, 0x1001), (0x1af4, 0x1001),
                          (0x1af4, 0x1042)])
    assert all(v[2] == 'Mass storage controller'
               for v in ours.values() if v[0] == 0x1af4)


def test_pci_bars_in_windows(rig):
    """Every virtio function's BARs were assigned inside the host bridge's
    windows from the device tree, and it decodes them."""
    nodes = dts_nodes(rig.rig['dts'])
    body = [b for b in nodes.values() if '"pci-host-ecam-generic"' in b][0]
    r = cells(body, 'ranges')
    windows = {}
    for i in range(0, len(r), 7):
        space = (r[i] >> 24) & 3
        windows.setdefault(space, []).append(
            (r[i + 1] << 32 | r[i + 2], r[i + 5] << 32 | r[i + 6]))
    _, ours = pci_list(rig)
    for (b, d, f), (vendor, device, _) in ours.items():
        if vendor != 0x1af4:
            continue
        out = rig.run_command(f'pci header {b:02x}.{d:02x}.{f:02x}')
        regs = dict(re.findall(r'^  (.+?) =\s+0x([0-9a-f]+)', out, re.M))
        cmd = int(regs['command register ID'], 16)
        assert cmd & 0x6 == 0x6, out          # memory + bus master
        bars = [int(regs[f'base address {i}'], 16) for i in range(6)]
        for i, bar in enumerate(bars):
            if not bar or (i and bars[i - 1] & 0x7 == 0x4):
                continue                       # unused, or a 64-bit high half
            if bar & 1:
                assert cmd & 1, out
                addr, space = bar & ~3, 1
            else:
                addr = bar & ~0xf
                if bar & 0x6 == 0x4:
                    addr |= bars[i + 1] << 32
                space = 2 if addr < 1 << 32 else 3
            assert any(s <= addr < s + n for s, n in windows[space]), \
                (hex(addr), windows)


def test_pci_config_access(rig):
    """`pci display` and `pci write` on configuration space; bad input
    gives one line and a failure."""
    _, ours = pci_list(rig)
    b, d, f = next(k for k, v in ours.items() if v[0] == 0x1af4)
    dev = f'{b:02x}.{d:02x}.{f:02x}'
    out = rig.run_command(f'pci display.w {dev} 0 2')
    assert out == f'00000000: 1af4 {ours[(b, d, f)][1]:04x}'
    out = rig.run_command(f'pci display {dev}')
    lines = out.split('\n')
    assert len(lines) == 4 and lines[1].startswith('00000010:')
    # The interrupt line register is plain storage.
    rig.run_command(f'pci write.b {dev} 3c 5a')
    assert rig.run_command(f'pci display.b {dev} 3c 1') == '0000003c: 5a'
    for cmd, msg in [(f'pci header 00.1f.07', 'No such device'),
                     ('pci 42', 'No such bus'),
                     ('pci header zz', "pci: bad device 'zz' (want bus.dev.fn)"),
                     (f'pci display.l {dev} 3', 'pci: bad address 3')]:
        out, status = rig.run_status(cmd)
        assert (out, status) == (msg, 1)


def test_pci_bar_and_regions(rig):
    """`pci bar` agrees with the header's BARs; `pci regions` with the
    device tree's ranges (U-Boot's layouts)."""
    _, ours = pci_list(rig)
    b, d, f = next(k for k, v in ours.items() if v[:2] == (0x1af4, 0x1001))
    dev = f'{b:02x}.{d:02x}.{f:02x}'
    out = rig.run_command(f'pci bar {dev}')
    lines = out.split('\n')
    assert lines[0] == 'ID   Base                Size                Width  Type'
    assert lines[1] == '-' * 58
    hdr = rig.run_command(f'pci header {dev}')
    regs = dict(re.findall(r'^  (.+?) =\s+0x([0-9a-f]+)', hdr, re.M))
    for line in lines[2:]:
        m = re.fullmatch(r' (\d)   0x([0-9a-f]{16})  0x([0-9a-f]{16})  '
                         r'(32|64)     (I/O|MEM)   (Prefetchable)?', line)
        assert m, line
        bar = int(regs[f'base address {m.group(1)}'], 16)
        assert int(m.group(2), 16) & 0xffffffff == bar & ~(3 if bar & 1
                                                             else 0xf)
        size = int(m.group(3), 16)
        assert size and size & (size - 1) == 0
    assert re.search(r'^ 0   0x0000000000001000  0x0000000000000080  32'
                     r'     I/O   $', out, re.M)    # the legacy I/O BAR

    out = rig.run_command('pci regions')
    nodes = dts_nodes(rig.rig['dts'])
    body = [b for b in nodes.values() if '"pci-host-ecam-generic"' in b][0]
    r = cells(body, 'ranges')
    want = [(r[i + 1] << 32 | r[i + 2], r[i + 3] << 32 | r[i + 4],
             r[i + 5] << 32 | r[i + 6]) for i in range(0, len(r), 7)]
    got = [tuple(int(x, 16) for x in m) for m in re.findall(
        r'^\d   0x([0-9a-f]{16}) 0x([0-9a-f]{16}) 0x([0-9a-f]{16})  ',
        out, re.M)]
    assert got == want
    assert out.startswith('Buses 00-01\n')


def test_transports_and_data(rig):
    """Each disk on its transport, in the stable order (mmio slots as the
    device tree lists them, then PCI by bus/device), read back by CRC."""
    out = rig.run_command('virtio info -v')
    entries = re.findall(r'^Device (\d+): .*?Capacity: ([\d.]+) MB.*?'
                         r'Transport: (\S+)', out, re.M | re.S)
    got = [(float(mb), tr) for _, mb, tr in entries]
    # The root port is slot 1 (first on the command line): depth-first
    # enumeration puts the disk behind it before slots 2 and 3.
    assert got == [(4.0, 'mmio'), (3.0, 'pci-modern'),
                   (1.0, 'pci-modern'), (2.0, 'pci-legacy')]
    base = loadaddr(rig)
    order = [3, 2, 0, 1]     # RIG index of each device number
    for dev, idx in enumerate(order):
        data = rig.rig['images'][idx]
        assert rig.run_command(f'virtio device {dev}').endswith(
            'is now current device')
        cnt = len(data) // 512
        out = rig.run_command(f'virtio read $loadaddr 0 {cnt:x}')
        assert out.endswith(f'{cnt} blocks read: OK'), out
        assert crc32(rig, base, len(data)) == zlib.crc32(data)


def test_go(rig):
    """`go` calls a program in memory and shows its return value."""
    base = loadaddr(rig)
    # mov x0, #0x2a ; ret
    rig.run_command(f'mw.l {base:x} d2800540')
    rig.run_command(f'mw.l {base + 4:x} d65f03c0')
    out, status = rig.run_status(f'go {base:x}')
    assert out == (f'## Starting application at 0x{base:08X} ...\n'
                   '## Application terminated, rc = 0x2A')
    assert status == 1
    rig.run_command(f'mw.l {base:x} d2800000')      # mov x0, #0
    out, status = rig.run_status(f'go {base:x} a b')
    assert out.endswith('rc = 0x0') and status == 0
    out, status = rig.run_status('go 12zz')
    assert out == "go: bad address '12zz'" and status == 1


def test_exception_report(board, make_console):
    """A fault is reported (ESR, ELR) instead of a silent hang."""
    con = make_console()
    base = loadaddr(con)
    con.run_command(f'mw.l {base:x} 0')              # udf #0
    con.run_command(f'go {base:x}', wait_for_prompt=False)
    con.wait_for('"Synchronous Abort" handler, esr 0x02000000')
    con.wait_for(f'elr: {base:016x}')
    con.wait_for('halted')
    con.mark_halted()


def test_flash_is_read_only(make_console):
    """The MMU maps the flash read-only: a store is a permission fault,
    reported, not a flash command."""
    con = make_console()
    con.run_command('mw.l 100 5', wait_for_prompt=False)
    con.wait_for('"Synchronous Abort" handler, esr 0x9600004e')
    con.wait_for('far: 0000000000000100')
    con.mark_halted()


@pytest.mark.parametrize('machine', ['virt,virtualization=on'])
def test_el2_start(make_console, tmp_path, machine):
    """Started in EL2 (virtualization=on), it drops to EL1 and works."""
    path = tmp_path / 'd.img'
    data = make_image(path, MIB, seed=11)
    con = make_console([Disk(path)], ['-M', machine])
    out = con.run_command('virtio read $loadaddr 0 800')
    assert out.endswith('2048 blocks read: OK')
    assert crc32(con, loadaddr(con), MIB) == zlib.crc32(data)


def test_partial_gib_ram(make_console):
    """RAM that ends inside a GiB (-m 1500M) is mapped up to its end: the
    firmware's heap sits in its last 8 MiB (its last word readable), and
    the word below the heap is free memory."""
    con = make_console(extra_args=['-m', '1500M'])
    out = con.run_command('bdinfo')
    assert '-> size     = 0x000000005dc00000' in out
    heap = re.search(r'reserved\[\d+\]\s+\[0x([0-9a-f]+)-0x9dbfffff\], '
                     r'.*\(the firmware\'s heap\)', out)
    assert heap, out
    below = int(heap.group(1), 16) - 4
    con.run_command(f'mw.l {below:x} 12345678')
    assert con.run_command(f'md.l {below:x} 1') == \
        f'{below:08x}: 12345678                             xV4.'
    assert con.run_command('md.l 9dbffffc 1').startswith('9dbffffc: ')


def test_reset(make_console):
    """`reset` restarts the machine through PSCI: banner and prompt again."""
    con = make_console()
    con.run_command('setenv marker 1')
    con.run_command('reset', wait_for_prompt=False)
    con.wait_for('virtboot ')
    con.wait_for('=> ')
    assert con.run_command('printenv marker') != 'marker=1'


def test_poweroff(make_console):
    """`poweroff` switches QEMU off (PSCI SYSTEM_OFF): it exits with 0."""
    con = make_console()
    con.run_command('poweroff', wait_for_prompt=False)
    con.p.expect(pexpect.EOF, timeout=10)
    con.p.close()
    assert con.p.exitstatus == 0


@pytest.mark.parametrize('transport, name', [
    ('pci', 'pci-modern'), ('pci-legacy', 'pci-legacy'),
    ('pci-modern', 'pci-modern'), ('mmio-legacy', 'mmio'),
    ('mmio-modern', 'mmio')])
def test_transport_write(make_console, tmp_path, transport, name):
    """Write through each transport, then check the host file."""
    path = tmp_path / 'd.img'
    data = make_image(path, MIB, seed=7)
    con = make_console([Disk(path, transport=transport)])
    info = con.run_command('virtio info -v')
    assert f'Transport: {name}' in info
    base = loadaddr(con)
    con.run_command(f'mw.b {base:x} 5a 400')
    out = con.run_command('virtio write $loadaddr 10 2')
    assert out.endswith('2 blocks written: OK'), out
    con.close()
    new = path.read_bytes()
    assert new[0x10 * 512:0x12 * 512] == b'\x5a' * 1024
    assert new[:0x10 * 512] == data[:0x10 * 512]
    assert new[0x12 * 512:] == data[0x12 * 512:]


def test_other_machine_layout(board, make_console, tmp_path):
    """-m 512M and highmem=off (the ECAM window moves below 4 GiB, no 64-bit
    window): found from the device tree, the disk still works."""
    extra = ['-m', '512M', '-M', 'virt,highmem=off']
    dtb = tmp_path / 'virt.dtb'
    argv = board.command([], extra)
    subprocess.run(argv[:argv.index('-bios')] + extra +
                   ['-machine', f'dumpdtb={dtb}'],
                   check=True, capture_output=True, timeout=60)
    dts = subprocess.run(['dtc', '-I', 'dtb', '-O', 'dts', str(dtb)],
                         check=True, capture_output=True, text=True).stdout
    body = [b for b in dts_nodes(dts).values()
            if '"pci-host-ecam-generic"' in b][0]
    reg = cells(body, 'reg')
    assert reg[0] << 32 | reg[1] == 0x3f000000     # below 4 GiB now

    path = tmp_path / 'd.img'
    data = make_image(path, MIB, seed=9)
    con = make_console([Disk(path, transport='pci-modern')], extra)
    out = con.run_command('bdinfo')
    assert '-> size     = 0x0000000020000000' in out
    assert 'pci-modern' in con.run_command('virtio info -v')
    out = con.run_command('virtio read $loadaddr 0 800')
    assert out.endswith('2048 blocks read: OK')
    assert crc32(con, loadaddr(con), MIB) == zlib.crc32(data)
