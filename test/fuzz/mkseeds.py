#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Make the small seed images of test/fuzz/corpus/part/.

The fuzz target fuzz_part takes one flag byte (bit 0: 4096-byte blocks,
bit 1: fix the GPT CRCs) and then the disk. Seeds are kept small (a few
KiB: a GPT with 4 entries instead of 128) so that the fuzzer runs fast.

    test/fuzz/mkseeds.py test/fuzz/corpus/part
"""

import struct
import sys
import uuid
import zlib
from pathlib import Path

GPT_SIG = b'EFI PART'


def mbr(parts, sig=0x12345678, pmbr=False):
    """A DOS MBR: @parts is a list of (boot, type, start, size)."""
    b = bytearray(512)
    struct.pack_into('<I', b, 440, sig)
    for i, (boot, typ, start, size) in enumerate(parts):
        struct.pack_into('<B3sB3sII', b, 446 + 16 * i, 0x80 if boot else 0,
                         b'\xfe\xff\xff', typ, b'\xfe\xff\xff', start, size)
    b[510:512] = b'\x55\xaa'
    return bytes(b)


def gpt(bs, nblocks, parts, nent=4, esz=128):
    """A GPT disk image of @nblocks blocks of @bs bytes."""
    img = bytearray(bs * nblocks)
    img[0:512] = mbr([(0, 0xee, 1, min(nblocks - 1, 0xffffffff))])
    ent = bytearray(nent * esz)
    for i, (name, first, last) in enumerate(parts):
        struct.pack_into('<16s16sQQQ72s', ent, i * esz,
                         uuid.UUID('0fc63daf-8483-4772-8e79-3d69d8477de4').bytes_le,
                         uuid.UUID(int=i + 1).bytes_le, first, last, 0,
                         name.encode('utf-16-le'))
    eblocks = (len(ent) + bs - 1) // bs
    first_usable = 2 + eblocks
    last_usable = nblocks - 2 - eblocks
    for my, alt, elba in ((1, nblocks - 1, 2),
                          (nblocks - 1, 1, nblocks - 1 - eblocks)):
        h = bytearray(struct.pack('<8sIIIIQQQQ16sQIII', GPT_SIG, 0x10000, 92,
                                  0, 0, my, alt, first_usable, last_usable,
                                  uuid.UUID(int=99).bytes_le, elba, nent,
                                  esz, zlib.crc32(ent)))
        struct.pack_into('<I', h, 16, zlib.crc32(h))
        img[my * bs:my * bs + 92] = h
        img[elba * bs:elba * bs + len(ent)] = ent
    return bytes(img)


def dos_extended():
    """An MBR with a primary, and an extended partition with two logical."""
    img = bytearray(512 * 24)
    img[0:512] = mbr([(1, 0x83, 2, 4), (0, 0x05, 8, 16)])
    # EBRs: each links to the next, relative to the extended start
    img[8 * 512:9 * 512] = mbr([(0, 0x83, 1, 2), (0, 0x05, 4, 6)], sig=0)
    img[12 * 512:13 * 512] = mbr([(0, 0x0c, 1, 3)], sig=0)
    return bytes(img)


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    seeds = {
        'gpt-512': b'\0' + gpt(512, 16, [('boot', 4, 7), ('root', 8, 11)]),
        'gpt-512-fixcrc': b'\2' + gpt(512, 16, [('a', 4, 11)]),
        'gpt-4096': b'\1' + gpt(4096, 8, [('boot', 3, 4), ('root', 5, 5)]),
        'gpt-esz256': b'\2' + gpt(512, 16, [('x', 5, 9)], nent=2, esz=256),
        'dos': b'\0' + mbr([(1, 0x83, 1, 3), (0, 0x0c, 4, 4)]) + bytes(3584),
        'dos-extended': b'\0' + dos_extended(),
        'dos-4096': b'\1' + mbr([(0, 0x83, 1, 1)]) + bytes(8192 - 512),
        'empty': b'\0' + bytes(1024),
    }
    for name, data in seeds.items():
        (out / f'seed-{name}').write_bytes(data)


if __name__ == '__main__':
    main()
