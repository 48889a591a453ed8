# SPDX-License-Identifier: GPL-2.0-or-later
"""The U-Boot module: virtboot's virtio-scsi driver inside U-Boot 2023.01.

`make uboot-module` (scripts/uboot-module) builds Debian's U-Boot 2023.01
for qemu_arm64 with drivers/virtio/virtio_scsi.c copied in unchanged; these
tests boot that u-boot.bin (build/u-boot/u-boot.bin) under
qemu-system-aarch64 with a virtio-scsi-pci controller and use U-Boot's own
commands: `scsi scan/info/device/read/write`, `part list`, `load`.

Oracles: the disk images' bytes (every read is checked by U-Boot's
`crc32` against zlib.crc32 of the same bytes on the host; a write is read
back from the host file), sgdisk (the partition it made) and mcopy (the
file it put in the FAT). The rig: target 0 LUN 0 a GPT disk with a FAT
partition, target 2 LUN 1 a disk of random bytes, target 3 LUN 0 a disk
with 4096-byte blocks, target 4 LUN 0 a CD-ROM made by genisoimage.

Output formats are U-Boot 2023.01's, including its SCSI layer's habit of
printing the last LBA where it means the number of blocks (doc/develop/
uboot-module.md, "U-Boot 2023.01's SCSI layer").
"""

import os
import re
import shutil
import subprocess
import time
import zlib
from pathlib import Path

import pytest

from boards import uboot_qemu_arm64
from harness import Console, Disk, crc32, make_image

pytestmark = pytest.mark.boards('qemu-arm64')

REPO = Path(__file__).resolve().parents[3]
MIB = 1 << 20
ADDR = '$kernel_addr_r'

# scsi device number in scan order -> (target, lun)
RIG = {0: (0, 0), 1: (2, 1), 2: (3, 0), 3: (4, 0)}
# `scsi scan` of 256 targets x 8 LUNs must stay well below this (seconds
# of wall time for the whole command under TCG, console included)
SCAN_LIMIT = 5


def tool(name):
    path = shutil.which(name) or shutil.which(name, path='/usr/sbin:/sbin')
    assert path, f'{name} is missing: run scripts/setup'
    return path


def run(*argv):
    return subprocess.run(argv, capture_output=True, text=True,
                          check=True).stdout


def uboot_bin():
    path = uboot_qemu_arm64.default_bin(REPO)
    if not path.exists():
        pytest.fail(f'{path} does not exist: run "make uboot-module"',
                    pytrace=False)
    return path


def start(board, log, disks):
    argv = uboot_qemu_arm64.command(uboot_bin(), disks, [])
    con = Console(uboot_qemu_arm64, argv, log, cwd=str(REPO),
                  timeout=uboot_qemu_arm64.TIMEOUT * board.scale,
                  boot_timeout=uboot_qemu_arm64.BOOT_TIMEOUT * board.scale)
    return con.start()


def make_gpt_fat(path, tmp, size=8 * MIB):
    """A GPT disk whose partition 1 ("boot", LBA 2048 on) holds a FAT
    file system with kernel.bin; return (image bytes, kernel.bin bytes)."""
    make_image(path, size)
    run(tool('sgdisk'), '-o', '-n', '1:2048:0', '-c', '1:boot',
        '-t', '1:0700', str(path))
    first, last = 2048, size // 512 - 34
    fat = tmp / 'fat.img'
    run(tool('mkfs.vfat'), '-C', str(fat), str((last - first + 1) // 2))
    kernel = make_image(tmp / 'kernel.bin', 300 * 1024 + 123, seed=7)
    run(tool('mcopy'), '-i', str(fat), str(tmp / 'kernel.bin'),
        '::kernel.bin')
    with open(path, 'r+b') as f:
        f.seek(first * 512)
        f.write(fat.read_bytes())
    return path.read_bytes(), kernel


def make_iso(path, tmp):
    src = tmp / 'iso'
    src.mkdir()
    make_image(src / 'data.bin', 200 * 1024, seed=9)
    (src / 'hello.txt').write_text('hello from the CD-ROM\n')
    run(tool('genisoimage'), '-quiet', '-V', 'VIRTBOOT', '-o', str(path),
        str(src))
    return path.read_bytes()


@pytest.fixture(scope='module')
def rig(board, console_log, tmp_path_factory):
    """U-Boot with the four-LUN controller; (console, {dev: bytes}, info)."""
    tmp = tmp_path_factory.mktemp('uboot')
    data = {}
    data[0], kernel = make_gpt_fat(tmp / 't0l0.img', tmp)
    data[1] = make_image(tmp / 't2l1.img', 2 * MIB, seed=21)
    data[2] = make_image(tmp / 't3l0.img', 12 * MIB, seed=30)
    data[3] = make_iso(tmp / 'cd.iso', tmp)
    disks = [
        Disk(tmp / 't0l0.img', kind='scsi', target=0, lun=0),
        Disk(tmp / 't2l1.img', kind='scsi', target=2, lun=1),
        Disk(tmp / 't3l0.img', kind='scsi', target=3, lun=0, bs=4096),
        Disk(tmp / 'cd.iso', kind='scsi', target=4, lun=0, cd=True),
    ]
    con = start(board, console_log, disks)
    t0 = time.monotonic()
    scan = con.run_command('scsi scan')
    scan_seconds = time.monotonic() - t0
    yield con, data, {'scan': scan, 'scan_seconds': scan_seconds,
                      'kernel': kernel, 'tmp': tmp, 'scale': board.scale}
    con.close()


def entries(text):
    """`scsi info` / `scsi scan` output as {devnum: entry text}."""
    found = {}
    for part in re.split(r'^\s*(?=Device \d+: )', text, flags=re.M):
        m = re.match(r'Device (\d+): ', part)
        if m:
            found[int(m.group(1))] = part
    return found


def select(con, dev):
    out = con.run_command(f'scsi device {dev}')
    assert out.endswith('... is now current device'), out


def read_crc(con, dev, blk, cnt, blksz):
    select(con, dev)
    out = con.run_command(f'scsi read {ADDR} {blk:x} {cnt:x}')
    assert out.strip() == (f'scsi read: device {dev} block # {blk}, '
                           f'count {cnt} ... {cnt} blocks read: OK'), out
    return crc32(con, ADDR, cnt * blksz)


def test_module_file_is_shared():
    """The driver in the U-Boot tree is virtboot's file, byte for byte."""
    uboot_bin()
    tree = REPO / 'build' / 'u-boot' / 'tree'
    lines = (REPO / 'contrib' / 'u-boot' / 'files').read_text().splitlines()
    files = [ln.split('#')[0].split() for ln in lines]
    files = [f for f in files if f]
    assert ['drivers/virtio/virtio_scsi.c'] in files
    for f in files:
        src, dst = f[0], f[-1]
        assert (tree / dst).read_bytes() == (REPO / src).read_bytes(), dst
    config = (REPO / 'build' / 'u-boot' / '.config').read_text()
    assert 'CONFIG_VIRTIO_SCSI=y' in config.splitlines()


def test_scan(rig):
    """Every LUN of the rig is found, in target order, with its kind;
    the scan of 256 targets x 8 LUNs is quick."""
    con, data, info = rig
    assert info['scan'].startswith('scanning bus for devices...')
    found = entries(info['scan'])
    assert sorted(found) == sorted(RIG)
    for dev, (target, lun) in RIG.items():
        assert found[dev].startswith(f'Device {dev}: ({target}:{lun}) '
                                     'Vendor: QEMU'), found[dev]
    assert 'Type: Hard Disk' in found[0]
    assert 'Type: Removable CD ROM' in found[3]
    con.log.write(f'\n--- scsi scan took {info["scan_seconds"]:.3f}s\n')
    assert info['scan_seconds'] < SCAN_LIMIT * info['scale']


def test_info(rig):
    """`scsi info`: block size and size of every LUN, as U-Boot prints
    them (the number it shows is the last LBA: blocks - 1)."""
    con, data, info = rig
    found = entries(con.run_command('scsi info'))
    sizes = {0: 512, 1: 512, 2: 4096, 3: 2048}
    assert sorted(found) == sorted(RIG)
    for dev, blksz in sizes.items():
        last = len(data[dev]) // blksz - 1
        assert re.search(rf'Capacity: [0-9.]+ MB = [0-9.]+ GB '
                         rf'\({last} x {blksz}\)', found[dev]), found[dev]


@pytest.mark.parametrize('dev,blk,cnt,blksz', [
    (0, 0, 0x40, 512),        # target 0 LUN 0: MBR, GPT, FAT start
    (0, 0x800, 0x100, 512),
    (1, 0, 0x10, 512),        # target 2 LUN 1
    (1, 0xf00, 0x100, 512),   # ... its last 128 KiB
    (2, 0, 2, 4096),          # 4096-byte blocks
    (2, 0xbf0, 0xf, 4096),
    (3, 0x10, 2, 2048),       # CD-ROM: volume descriptors
    (3, 0x14, 0x40, 2048),
])
def test_read_crc(rig, dev, blk, cnt, blksz):
    """`scsi read` on every LUN, checked by crc32 against the image."""
    con, data, info = rig
    want = zlib.crc32(data[dev][blk * blksz:(blk + cnt) * blksz])
    assert read_crc(con, dev, blk, cnt, blksz) == want


def test_read_large(rig):
    """A read larger than one request: the driver's max_bytes_per_req
    (8 MiB) splits it."""
    con, data, info = rig
    cnt = len(data[2]) // 4096 - 1   # U-Boot: blocks up to the last LBA
    want = zlib.crc32(data[2][:cnt * 4096])
    assert read_crc(con, 2, 0, cnt, 4096) == want


def test_part_list(rig):
    """`part list scsi 0` shows the GPT partition sgdisk made."""
    con, data, info = rig
    out = con.run_command('part list scsi 0')
    assert 'Partition Type: EFI' in out
    assert re.search(r'^\s*1\s+0x00000800\s+0x[0-9a-f]+\s+"boot"$', out,
                     re.M), out
    assert 'ebd0a0a2-b9e5-4433-87c0-68b6b72699c7' in out  # type 0700


def test_load_fat(rig):
    """`load scsi 0:1` reads a file from the FAT partition."""
    con, data, info = rig
    kernel = info['kernel']
    out = con.run_command(f'load scsi 0:1 {ADDR} kernel.bin')
    assert re.match(rf'{len(kernel)} bytes read in \d+ ms', out), out
    assert con.run_command('printenv filesize') == \
        f'filesize={len(kernel):x}'
    assert crc32(con, ADDR, len(kernel)) == zlib.crc32(kernel)


def test_write(rig):
    """`scsi write` to target 2 LUN 1 lands in the host file."""
    con, data, info = rig
    blk, cnt = 0x123, 5
    select(con, 1)
    con.run_command(f'mw.b {ADDR} 5a {cnt * 512:x}')
    out = con.run_command(f'scsi write {ADDR} {blk:x} {cnt:x}')
    assert out.strip() == (f'scsi write: device 1 block # {blk}, count '
                           f'{cnt} ... {cnt} blocks written: OK'), out
    img = info['tmp'] / 't2l1.img'
    got = img.read_bytes()[blk * 512:(blk + cnt) * 512]
    assert got == b'\x5a' * (cnt * 512)
    data[1] = img.read_bytes()
    # and back through the device
    want = zlib.crc32(data[1][(blk - 1) * 512:(blk + cnt + 1) * 512])
    assert read_crc(con, 1, blk - 1, cnt + 2, 512) == want


def test_reset_rescan(rig):
    """`scsi reset` (the driver's bus_reset: a TMF on the control queue)
    and a new scan find the same LUNs and read them."""
    con, data, info = rig
    out = con.run_command('scsi reset')
    assert 'Reset SCSI' in out
    found = entries(out)
    assert sorted(found) == sorted(RIG)
    want = zlib.crc32(data[1][:0x20 * 512])
    assert read_crc(con, 1, 0, 0x20, 512) == want


@pytest.mark.parametrize('transport', ['pci-modern', 'pci-legacy', 'mmio',
                                       'mmio-legacy'])
def test_transports(board, console_log, tmp_path, transport):
    """The driver on U-Boot's other transports: virtio-pci modern only
    (disable-legacy=on) and legacy only (disable-modern=on), virtio-mmio
    version 2 (QEMU's default) and version 1 (force-legacy)."""
    data = make_image(tmp_path / 'd.img', 1 * MIB, seed=5)
    con = start(board, console_log,
                [Disk(tmp_path / 'd.img', kind='scsi', target=1, lun=2,
                      transport=transport)])
    try:
        found = entries(con.run_command('scsi scan'))
        assert list(found) == [0]
        assert found[0].startswith('Device 0: (1:2) Vendor: QEMU')
        want = zlib.crc32(data[0x100 * 512:0x180 * 512])
        assert read_crc(con, 0, 0x100, 0x80, 512) == want
    finally:
        con.close()
