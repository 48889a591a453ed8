# SPDX-License-Identifier: GPL-2.0-or-later
"""booti on qemu-arm64: Debian's arm64 kernel (the uncompressed Image as
the package ships it) and the test initramfs (test/py/linux/fixture.py)
loaded from an ext4 disk made by mke2fs and booted to the init's marker,
which prints the command line the firmware put in /chosen; in EL1, and
in EL2 when QEMU gives the firmware EL2 (virtualization=on).

The hand-over: a stand-in kernel (test/py/payload/handover.S) copies the
firmware's heap, where virtio-net's rings and receive buffers were, lets
the test send UDP packets at the machine, then reports whether anything
wrote there. Through booti, nothing may; through 'go' (no hand-over) the
still-running device must be seen writing, or the test could not fail.

Bad input (a bad magic, a kernel over the firmware, a ramdisk the kernel
would overwrite, a raw ramdisk without its size, a bad device tree)
gives one line and a working prompt.
"""

import re
import shutil
import socket
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from conftest import _close, _start
from harness import Disk
from harness.fsimg import ext_image

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'linux'))
import fixture  # noqa: E402

pytestmark = pytest.mark.boards('qemu-arm64')

HERE = Path(__file__).resolve().parent
PAYLOAD_SRC = HERE.parent / 'payload' / 'handover.S'
CMDLINE = 'console=ttyAMA0 quiet virtboot=booti'
BOOT_TIMEOUT = 120
KERNEL = 0x40400000
SCRATCH = 0x48000000


@pytest.fixture(scope='module')
def linux_disk(tmp_path_factory):
    """ext4 with /boot/Image, /boot/Image.gz (gzip -9, as a distribution
    compresses it), a copy cut short, and /boot/initrd.img."""
    d = tmp_path_factory.mktemp('booti')
    tree = d / 'tree'
    (tree / 'boot').mkdir(parents=True)
    shutil.copyfile(fixture.kernel('arm64'), tree / 'boot' / 'Image')
    shutil.copyfile(fixture.initramfs('arm64'), tree / 'boot' / 'initrd.img')
    gz = subprocess.run(['gzip', '-9', '-n', '-c', str(tree / 'boot' / 'Image')],
                        check=True, capture_output=True).stdout
    (tree / 'boot' / 'Image.gz').write_bytes(gz)
    (tree / 'boot' / 'cut.gz').write_bytes(gz[:len(gz) // 2])
    img = d / 'linux.img'
    ext_image(img, tree, 64 << 20)
    return img


def load_linux(con):
    con.run_command('virtio scan')
    out = con.run_command('load virtio 0 ${kernel_addr_r} boot/Image')
    assert 'bytes read' in out, out
    out = con.run_command('load virtio 0 ${ramdisk_addr_r} boot/initrd.img')
    assert 'bytes read' in out, out
    con.run_command(f'setenv bootargs {CMDLINE}')


def boot_to_init(board, con, cmd):
    """Type @cmd (a booti); return everything up to the init's command
    line, which must be CMDLINE."""
    con.run_command(cmd, wait_for_prompt=False)
    out = con.wait_for(fixture.MARKER, timeout=BOOT_TIMEOUT * board.scale)
    con.wait_for(re.compile(r'cmdline: \[([^\]]*)\]'))
    assert con.p.match.group(1) == CMDLINE
    # init powers the machine off: close() sees the end
    con.wait_for('reboot: Power down', timeout=30 * board.scale)
    con.mark_halted()
    return out


def test_booti_linux(board, make_console, linux_disk):
    """U-Boot's way: kernel, raw ramdisk with its size, QEMU's own device
    tree at fdt_addr (edited in place)."""
    con = make_console([Disk(linux_disk, ro=True)])
    load_linux(con)
    out = boot_to_init(board, con, 'booti ${kernel_addr_r} '
                       '${ramdisk_addr_r}:${filesize} ${fdt_addr}')
    assert '## Flattened Device Tree blob at 40000000' in out
    assert 'Starting kernel ...' in out


def test_booti_gzip(board, make_console, linux_disk):
    """A gzip-compressed Image: booti expands it (behind the compressed
    file, 2 MiB aligned) and boots it."""
    con = make_console([Disk(linux_disk, ro=True)])
    load_linux(con)
    con.run_command('setenv rdsize ${filesize}')
    out = con.run_command('load virtio 0 ${kernel_addr_r} boot/Image.gz')
    assert 'bytes read' in out, out
    out = boot_to_init(board, con, 'booti ${kernel_addr_r} '
                       '${ramdisk_addr_r}:${rdsize} ${fdt_addr}')
    assert '   Uncompressing Kernel Image to ' in out


def test_booti_el2_firmware_fdt(board, make_console, linux_disk):
    """virtualization=on: the kernel starts in EL2 (the firmware itself
    runs in EL1, entering the kernel through its EL2 stub); no device
    tree named, so the firmware's own is handed over."""
    con = make_console([Disk(linux_disk, ro=True)],
                       ['-machine', 'virtualization=on'])
    load_linux(con)
    con.run_command(f'setenv bootargs {CMDLINE.replace(" quiet", "")}')
    con.run_command(f'booti ${{kernel_addr_r}} ${{ramdisk_addr_r}}:'
                    f'${{filesize}}', wait_for_prompt=False)
    out = con.wait_for(fixture.MARKER, timeout=BOOT_TIMEOUT * board.scale)
    con.wait_for('reboot: Power down', timeout=30 * board.scale)
    con.mark_halted()
    assert "## Using the firmware's device tree" in out
    assert 'CPU: All CPU(s) started at EL2' in out


def test_qfw_load_booti(board, make_console):
    """QEMU's -kernel, -initrd and -append through fw_cfg (qfw load),
    booted by booti."""
    cmdline = 'console=ttyAMA0 quiet virtboot=qfw'
    con = make_console(extra_args=[
        '-kernel', str(fixture.kernel('arm64')),
        '-initrd', str(fixture.initramfs('arm64')), '-append', cmdline])
    size = fixture.kernel('arm64').stat().st_size
    out = con.run_command('qfw list')
    assert out.splitlines()[0] == f'kernel: {size} bytes'
    out, status = con.run_status('qfw load')
    assert status == 0, out
    assert out.splitlines()[0] == \
        f'loading kernel to address 40400000 size {size:x}'
    assert con.run_command('printenv bootargs') == f'bootargs={cmdline}'
    con.run_command('booti ${kernel_addr_r} ${ramdisk_addr_r}:${filesize} '
                    '${fdt_addr}', wait_for_prompt=False)
    con.wait_for(fixture.MARKER, timeout=BOOT_TIMEOUT * board.scale)
    con.wait_for(re.compile(r'cmdline: \[([^\]]*)\]'))
    assert con.p.match.group(1) == cmdline
    con.wait_for('reboot: Power down', timeout=30 * board.scale)
    con.mark_halted()


@pytest.fixture(scope='module')
def payload(tmp_path_factory):
    d = tmp_path_factory.mktemp('payload')
    elf, out = d / 'handover.elf', d / 'handover.bin'
    subprocess.run(['aarch64-linux-gnu-gcc', '-nostdlib', '-static',
                    '-Wl,--build-id=none', '-Wl,-Ttext=0', '-Wl,-e,_start',
                    '-o', str(elf), str(PAYLOAD_SRC)], check=True)
    subprocess.run(['aarch64-linux-gnu-objcopy', '-O', 'binary', '-j',
                    '.text', str(elf), str(out)], check=True)
    return d


def free_udp_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def run_handover(board, make_console, payload, how):
    """Load the payload over TFTP (virtio-net active, receive buffers
    posted), point it at the firmware's heap, start it with @how, send
    packets while it waits; return its verdict line."""
    port = free_udp_port()
    user = f'user,tftp={payload},hostfwd=udp:127.0.0.1:{port}-:7777'
    con = make_console(extra_args=board.plugin.net_args(user))
    con.run_command('setenv autoload no')
    out = con.run_command('dhcp', timeout=60)
    assert 'DHCP client bound' in out, out
    out = con.run_command(f'tftpboot {KERNEL:x} handover.bin', timeout=60)
    assert 'Bytes transferred' in out, out
    bdinfo = con.run_command('bdinfo')
    m = re.search(r'\[0x([0-9a-f]+)-0x([0-9a-f]+)\], .*\(the firmware\'s '
                  r'heap\)', bdinfo)
    assert m, bdinfo
    start, end = int(m.group(1), 16), int(m.group(2), 16) + 1
    con.run_command(f'mw.q {KERNEL + 0x20:x} {SCRATCH:x}')
    con.run_command(f'mw.q {KERNEL + 0x28:x} {start:x}')
    con.run_command(f'mw.q {KERNEL + 0x30:x} {end:x}')
    con.run_command(how, wait_for_prompt=False)
    con.wait_for('HANDOVER: copied', timeout=60 * board.scale)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        for i in range(200):
            s.sendto(b'virtboot hand-over %d ' % i + b'x' * 1000,
                     ('127.0.0.1', port))
            time.sleep(0.005)
    time.sleep(0.5)
    con.p.send('x')
    con.wait_for(re.compile(r'HANDOVER: (clean|dirty at 0x[0-9a-f]+)'),
                 timeout=60 * board.scale)
    verdict = con.p.match.group(0)
    con.mark_halted()
    return verdict


@pytest.mark.buildconfigspec('virtio_net')
def test_handover_booti(board, make_console, payload):
    """booti resets every device first: the packets land nowhere."""
    assert run_handover(board, make_console, payload,
                        f'booti {KERNEL:x} - ${{fdt_addr}}') == \
        'HANDOVER: clean'


@pytest.mark.buildconfigspec('virtio_net')
def test_handover_go_control(board, make_console, payload):
    """The control: 'go' does no hand-over, and the payload sees the
    running virtio-net device write into the memory it filled."""
    verdict = run_handover(board, make_console, payload, f'go {KERNEL:x}')
    assert verdict.startswith('HANDOVER: dirty at 0x'), verdict


@pytest.fixture(scope='module')
def con_bad(board, console_log, linux_disk):
    con = _start(board, console_log, [Disk(linux_disk, ro=True)])
    con.run_command('virtio scan')
    yield con
    _close(con)


def status_line(con, cmd):
    out, status = con.run_status(cmd)
    assert status == 1, (cmd, out)
    return out


def test_booti_bad_magic(con_bad):
    con_bad.run_command('mw.b 50000000 0 100')
    assert status_line(con_bad, 'booti 50000000') == \
        'Bad Linux ARM64 Image magic!'


def fake_image(con, addr, image_size, flags=0xa):
    con.run_command(f'mw.b {addr:x} 0 40')
    con.run_command(f'mw.l {addr + 0x38:x} 644d5241')
    con.run_command(f'mw.q {addr + 0x10:x} {image_size:x}')
    con.run_command(f'mw.q {addr + 0x18:x} {flags:x}')


def test_booti_kernel_over_firmware(con_bad):
    """A kernel whose image_size reaches the heap at the top of RAM."""
    fake_image(con_bad, 0x7e000000, 0x2000000)
    out = status_line(con_bad, 'booti 7e000000 - ${fdt_addr}')
    assert out == ("booti: the kernel at 0x7e000000 (image_size 0x2000000) "
                   "would overwrite the firmware's heap"), out
    fake_image(con_bad, 0x7e000000, 0x10000000)
    out = status_line(con_bad, 'booti 7e000000 - ${fdt_addr}')
    assert out.endswith('is outside RAM'), out


def test_booti_ramdisk_errors(con_bad):
    fake_image(con_bad, KERNEL, 0x2000000)
    out = status_line(con_bad, f'booti {KERNEL:x} 41000000:100000 '
                      '${fdt_addr}')
    assert out.splitlines()[-1] == (
        'The kernel (0x40400000-0x423fffff) would overwrite the ramdisk '
        '(0x41000000-0x410fffff)'), out
    # No size, no legacy header: U-Boot's two lines
    con_bad.run_command('mw.b 44000000 0 100')
    out = status_line(con_bad, f'booti {KERNEL:x} 44000000 ${{fdt_addr}}')
    assert out.splitlines()[-2:] == ['Wrong Ramdisk Image Format',
                                     'Ramdisk image is corrupt or invalid']
    out = status_line(con_bad, f'booti {KERNEL:x} 44000000:zz')
    assert out.startswith("Bad ramdisk argument '44000000:zz'"), out


def test_unzip(con_bad):
    """unzip gives the kernel's bytes (CRC-32 as the host's) and size."""
    image = fixture.kernel('arm64').read_bytes()
    out = con_bad.run_command('load virtio 0 50000000 boot/Image.gz')
    assert 'bytes read' in out, out
    out, st = con_bad.run_status('unzip 50000000 41000000')
    assert st == 0, out
    assert out == f'Uncompressed size: {len(image)} = 0x{len(image):X}'
    assert con_bad.run_command('printenv filesize') == \
        f'filesize={len(image):x}'
    out = con_bad.run_command(f'crc32 41000000 {len(image):x}')
    assert out.endswith(f'{zlib.crc32(image):08x}'), out
    # Too little room: refused, nothing written past it
    con_bad.run_command('mw.l 41100000 12345678')
    out = status_line(con_bad, 'unzip 50000000 41000000 100000')
    assert out.startswith('Error: inflate() failed'), out
    assert con_bad.run_command('md.l 41100000 1').split()[1] == '12345678'


def test_unzip_and_booti_bad_gzip(con_bad):
    """A gzip file cut in half, one with a wrong CRC, one not gzip. (As
    U-Boot's, unzip reads on past the file: the memory behind the cut
    file is cleared first.)"""
    con_bad.run_command('mw.b 50000000 0 c00000')
    con_bad.run_command('load virtio 0 50000000 boot/cut.gz')
    out = status_line(con_bad, 'unzip 50000000 41000000')
    assert out.startswith('Error: inflate() failed'), out
    out = status_line(con_bad, f'booti 50000000 - ${{fdt_addr}}')
    assert out.splitlines()[-1] == ('Error: the gzip-compressed kernel at '
                                    '0x50000000 is corrupt, cut short, or '
                                    'larger than the free memory'), out
    con_bad.run_command('load virtio 0 50000000 boot/Image.gz')
    size = int(con_bad.run_command('printenv filesize').split('=')[1], 16)
    # the trailer's CRC-32, 8 bytes before the end: one byte flipped
    crc_at = 0x50000000 + size - 8
    byte = int(con_bad.run_command(f'md.b {crc_at:x} 1').split()[1], 16)
    con_bad.run_command(f'mw.b {crc_at:x} {byte ^ 0xff:x} 1')
    out = status_line(con_bad, 'unzip 50000000 41000000')
    assert out == ('Error: gzip trailer: CRC-32 or length do not match the '
                   'data'), out
    con_bad.run_command('mw.b 50000000 0 10')
    assert status_line(con_bad, 'unzip 50000000 41000000') == \
        'Error: Bad gzipped data'


def test_qfw_without_kernel(con_bad):
    out, status = con_bad.run_status('qfw load')
    assert (out, status) == ('warning: no kernel available', 1)


def test_booti_bad_fdt(con_bad):
    fake_image(con_bad, KERNEL, 0x2000000)
    con_bad.run_command('mw.b 48000000 0 100')
    out = status_line(con_bad, f'booti {KERNEL:x} - 48000000')
    assert out.splitlines()[-2:] == [
        'ERROR: Did not find a cmdline Flattened Device Tree',
        'Could not find a valid device tree'], out
    # The prompt still works and the real kernel still boots afterwards
    assert con_bad.run_command('echo alive') == 'alive'
