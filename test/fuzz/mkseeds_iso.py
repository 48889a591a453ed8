#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Make the seed images of test/fuzz/corpus/iso/ from real ISO images.

The fuzz target fuzz_iso takes one flag byte (bit 0: 2048-byte blocks,
bit 1: the volume is partition 1 of an MBR, from block 4) and then the
volume from sector 16 on in chunks: a sector number (1 byte, from 16), a
length (2 bytes, little-endian) and the bytes. Each non-zero sector of an
image made by xorriso or genisoimage becomes one chunk without its
trailing zeros, so a seed is a few KiB.

    test/fuzz/mkseeds_iso.py test/fuzz/corpus/iso
"""

import os
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

SECTOR = 2048


def chunks(img, flags):
    """The fuzz input for image @img (bytes)."""
    out = bytearray([flags])
    for s in range(16, len(img) // SECTOR):
        data = img[s * SECTOR:(s + 1) * SECTOR].rstrip(b'\0')
        if not data:
            continue
        if s - 16 > 255:
            raise ValueError('image too large for a seed')
        out += struct.pack('<BH', s - 16, len(data)) + data
    return bytes(out)


def tree(top, kind):
    """Populate @top with a small tree of kind @kind."""
    def w(path, data):
        p = top / path
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)

    w('README.TXT', b'hello\n')
    w('boot/vmlinuz', bytes(range(256)) * 3)
    w('boot/extlinux/extlinux.conf', b'label l\n kernel /boot/vmlinuz\n')
    if kind == 'long':
        w('a-rather-long-file-name-' + 'x' * 150 + '.txt', b'long\n')
        os.symlink('../' * 30 + 'boot/' + 'y' * 200, top / 'longlink')
    if kind == 'deep':
        w('/'.join('d%d' % i for i in range(11)) + '/leaf', b'deep\n')
    if kind in ('links', 'long'):
        os.symlink('boot/vmlinuz', top / 'vmlinuz')
        os.symlink('/boot/extlinux', top / 'abs')
        os.symlink('../README.TXT', top / 'boot/up')
        os.symlink('loop', top / 'loop')
        os.symlink('missing', top / 'dangling')
    if kind == 'case':
        w('MiXeD.CaSe', b'case\n')
        w('noext', b'noext\n')


VARIANTS = [
    # name, tree, tool and options, flag bytes
    ('xorriso-rr-joliet', 'links', ['xorriso', '-as', 'mkisofs', '-R', '-J'],
     [0, 1]),
    ('xorriso-long', 'long', ['xorriso', '-as', 'mkisofs', '-R', '-J',
                              '-joliet-long'], [1]),
    ('xorriso-eltorito', 'links', ['xorriso', '-as', 'mkisofs', '-R',
                                   '-b', 'boot/vmlinuz', '-no-emul-boot'],
     [0, 1]),
    ('genisoimage-joliet', 'case', ['genisoimage', '-J'], [1]),
    ('genisoimage-plain', 'case', ['genisoimage'], [0, 3]),
    ('genisoimage-deep', 'deep', ['genisoimage', '-R'], [1]),
]


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else 'test/fuzz/corpus/iso')
    out.mkdir(parents=True, exist_ok=True)
    for name, kind, cmd, flags in VARIANTS:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / 'src'
            src.mkdir()
            tree(src, kind)
            iso = Path(tmp) / 'x.iso'
            subprocess.run(cmd + ['-quiet', '-o', str(iso), str(src)],
                           check=True, stderr=subprocess.DEVNULL)
            img = iso.read_bytes()
        for f in flags:
            (out / ('seed-%s-%d' % (name, f))).write_bytes(chunks(img, f))


if __name__ == '__main__':
    main()
