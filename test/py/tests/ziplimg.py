# SPDX-License-Identifier: GPL-2.0-or-later
"""zipl disk images for the tests: make them with tools/mkzipl, read their
boot maps back (an independent reader, for corrupting one field), and say
what a Linux entry must put in memory."""

import struct
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
MKZIPL = REPO / 'build' / 'tools' / 'mkzipl'

IMAGE_ADDR = 0x10000
PSW_LOAD = 0x0008000080000000
_built = False


def mkzipl(*args, check=True):
    """Run mkzipl (built first with 'make tools'); return the process."""
    global _built
    if not _built:
        subprocess.run(['make', '-s', 'tools'], cwd=REPO, check=True)
        _built = True
    res = subprocess.run([str(MKZIPL)] + [str(a) for a in args],
                         capture_output=True, text=True)
    if check and res.returncode:
        raise AssertionError(f'mkzipl {args} failed: {res.stderr}')
    return res


def ptr(data, off):
    """(blockno, size, blockct) of the block pointer at @off."""
    return struct.unpack_from('>QHH', data, off)


def set_ptr(f, off, blockno, size, blockct=0):
    f.seek(off)
    f.write(struct.pack('>QHH4x', blockno, size, blockct))


class BootMap:
    """The boot map of an image: program table, component tables, lists."""

    def __init__(self, path, bs=512):
        self.path = Path(path)
        self.bs = bs
        self.data = self.path.read_bytes()
        assert self.data[:4] == b'zIPL'
        self.table = ptr(self.data, 16)[0]
        self.entries = []
        for slot in range(1, bs // 16):
            blk = ptr(self.data, self.table * bs + 16 * slot)[0]
            self.entries.append(blk)

    def block(self, n):
        return self.data[n * self.bs:(n + 1) * self.bs]

    def components(self, entry):
        """[(type, list block, address)] of an entry's component table."""
        ct = self.entries[entry]
        out = []
        for i in range(1, self.bs // 32):
            off = ct * self.bs + 32 * i
            typ = self.data[off + 23]
            if not typ:
                break
            blk = ptr(self.data, off)[0]
            addr = struct.unpack_from('>Q', self.data, off + 24)[0]
            out.append((typ, blk, addr))
            if typ == 1:
                break
        return out

    def list_blocks(self, first):
        """Blocks of a block list, in order."""
        out, blk = [], first
        slots = self.bs // 16
        while blk:
            out.append(blk)
            nxt = 0
            for s in range(slots):
                b = ptr(self.data, blk * self.bs + 16 * s)[0]
                if not b:
                    break
                if s == slots - 1:
                    nxt = b
            blk = nxt
        return out


def linux_loaded(kernel, initrd_addr=0, initrd=b'', cmdline=None):
    """The bytes a Linux entry puts at 0x10000: the image from 0x10000
    (an S390EP image starts at address 0), with the parameter area set."""
    img = bytearray(kernel)
    if img[0x10008:0x1000e] == b'S390EP':
        img = img[IMAGE_ADDR:]
    if initrd:
        struct.pack_into('>QQ', img, 0x408, initrd_addr, len(initrd))
    if cmdline is not None:
        maxlen = struct.unpack_from('>Q', img, 0x430)[0] or 896
        img[0x480:0x480 + maxlen] = bytes(maxlen)
        img[0x480:0x480 + len(cmdline)] = cmdline.encode()
    return bytes(img)


def pad(data, bs):
    return data + bytes(-len(data) % bs)


def fake_kernel(seed, size=256 * 1024):
    """A stand-in kernel image: S390EP layout, random contents."""
    import random
    rnd = random.Random(seed)
    img = bytearray(rnd.randbytes(size))
    img[0:8] = bytes.fromhex('0008000080010000')   # IPL PSW, IPL CCWs
    img[8:24] = bytes.fromhex('02000018600000500200006860000050')
    img[0x10008:0x1000e] = b'S390EP'
    struct.pack_into('>Q', img, 0x10430, 0)
    return bytes(img)


def combined_image(kernel, initrd, cmdline, initrd_at=0x800000):
    """An s390 CD boot image: an S390EP kernel laid out from address 0,
    the initrd at @initrd_at, the parameter area filled in."""
    img = bytearray(kernel)
    assert img[0x10008:0x1000e] == b'S390EP' and len(img) <= initrd_at
    img += bytes(initrd_at - len(img)) + initrd
    struct.pack_into('>QQ', img, 0x10408, initrd_at, len(initrd))
    maxlen = struct.unpack_from('>Q', img, 0x10430)[0] or 896
    img[0x10480:0x10480 + maxlen] = bytes(maxlen)
    img[0x10480:0x10480 + len(cmdline)] = cmdline.encode()
    return bytes(img)


def make_iso(path, files, boot):
    """An ISO-9660 image (xorriso) holding @files {name: bytes}; @boot
    names the El Torito no-emulation boot image, or None."""
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        for name, data in files.items():
            p = Path(d) / name
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        args = ['xorriso', '-as', 'mkisofs', '-quiet', '-o', str(path)]
        if boot:
            args += ['-b', boot, '-no-emul-boot', '-boot-load-size', '4']
        subprocess.run(args + [d], check=True, capture_output=True)
    return path


# ECKD DASD images (mkzipl -t cdl|ldl): 15 heads, records a track by size
ECKD_SECS = {512: 49, 1024: 33, 2048: 21, 4096: 12}
VOL1_LD_BR = 78             # CCHHB of the list-directed boot record


def eckd_block(ccw_ptr, bs):
    """The block a CCW-type ECKD pointer (its first 5 bytes) names."""
    cyl, head, rec = struct.unpack_from('>HHB', ccw_ptr)
    cyl += (head & 0xfff0) << 12
    return (cyl * 15 + (head & 0xf)) * ECKD_SECS[bs] + rec - 1


def ld_block(ld_ptr, bs):
    """The block a list-directed ECKD pointer names."""
    cyl, head, rec = struct.unpack_from('>IBB', ld_ptr)
    return (cyl * 15 + head) * ECKD_SECS[bs] + rec - 1


def ld_map(path, bs):
    """(boot record, program table, [component tables]) blocks of the
    list-directed map of a CDL image."""
    data = Path(path).read_bytes()
    br = eckd_block(data[2 * bs + VOL1_LD_BR:], bs)
    assert data[br * bs:br * bs + 4] == b'zIPL'
    table = ld_block(data[br * bs + 16:], bs)
    comps = []
    for slot in range(1, bs // 16):
        p = data[table * bs + 16 * slot:table * bs + 16 * slot + 16]
        if any(p[:6]):
            comps.append(ld_block(p, bs))
    return br, table, comps
