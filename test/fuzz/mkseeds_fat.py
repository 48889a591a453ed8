#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Make the seed corpus of fuzz_fat (test/fuzz/corpus/fat/) from small
filesystems made by mkfs.fat and filled with mtools: FAT12, FAT16, FAT32,
4096-byte sectors, long names, a fragmented file, a partition one block
into the disk. Each image becomes the harness's sparse format (see
fuzz_fat.c): a flag byte, then (u32 offset, u16 length, bytes) records of
its nonzero parts.

    test/fuzz/mkseeds_fat.py [DIR]     (default test/fuzz/corpus/fat)
"""

import os
import struct
import subprocess
import sys
import tempfile


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def sparse(img, blk_log=0, part_shift=False):
    """The records of the nonzero 64-byte granules of @img, merged."""
    size_log = 0
    while (65536 << size_log) < len(img) + (512 << blk_log):
        size_log += 1
    out = bytearray([blk_log | size_log << 2 | (0x40 if part_shift else 0)])
    g = 64
    pos = 0
    while pos < len(img):
        if not any(img[pos:pos + g]):
            pos += g
            continue
        end = pos + g
        while end < len(img) and any(img[end:end + g]) and end - pos < 60000:
            end += g
        chunk = img[pos:end].rstrip(b'\0')
        out += struct.pack('<IH', pos, len(chunk)) + chunk
        pos = end
    return bytes(out)


def make(tmp, name, size_kib, mkfs_args, files, blk_log=0, part=False,
         fragment=False):
    img = os.path.join(tmp, name + '.img')
    if os.path.exists(img):
        os.unlink(img)
    run('mkfs.fat', '-C', *mkfs_args, img, str(size_kib))
    for path, data in files:
        parts = path.split('/')[1:-1]
        for i in range(len(parts)):
            # (an existing folder is an error mmd prints; ignored)
            subprocess.run(['mmd', '-i', img,
                            '::/' + '/'.join(parts[:i + 1])],
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        src = os.path.join(tmp, 'f')
        with open(src, 'wb') as f:
            f.write(data)
        run('mcopy', '-o', '-i', img, src, '::' + path)
    if fragment:
        for i in range(0, 6, 2):
            run('mdel', '-i', img, f'::/gap{i}')
        src = os.path.join(tmp, 'f')
        with open(src, 'wb') as f:
            f.write(b'frag' + bytes(3000))
        run('mcopy', '-i', img, src, '::/fragmented.bin')
    with open(img, 'rb') as f:
        return sparse(f.read(), blk_log, part)


def main():
    dst = sys.argv[1] if len(sys.argv) > 1 else 'test/fuzz/corpus/fat'
    os.makedirs(dst, exist_ok=True)
    small = [('/README.TXT', b'hello\n'),
             ('/lower.txt', b'lower case 8.3\n'),
             ('/A Long File Name.text', b'long name\n' * 10),
             ('/boot/EFI/deep/MiXeD.CaSe', b'deep\n'),
             ('/boot/grub.cfg', b'x' * 700)]
    gaps = [(f'/gap{i}', bytes(600)) for i in range(6)]
    with tempfile.TemporaryDirectory() as tmp:
        seeds = {
            'fat12': make(tmp, 'fat12', 256, ['-F', '12', '-n', 'SEED12'],
                          small),
            'fat12-frag': make(tmp, 'fat12f', 256,
                               ['-F', '12', '-s', '1'], small + gaps,
                               fragment=True),
            'fat16': make(tmp, 'fat16', 4200, ['-F', '16', '-s', '1'],
                          small),
            'fat32': make(tmp, 'fat32', 33800,
                          ['-F', '32', '-s', '1', '-n', 'SEED32'], small),
            'fat16-4k': make(tmp, 'fat16s', 20000,
                             ['-F', '16', '-S', '4096', '-s', '1'], small, blk_log=3),
            'fat12-part': make(tmp, 'fat12p', 256, ['-F', '12'], small,
                               part=True),
        }
    for name, data in seeds.items():
        with open(os.path.join(dst, name), 'wb') as f:
            f.write(data)
        print(f'{name}: {len(data)} bytes')


if __name__ == '__main__':
    main()
