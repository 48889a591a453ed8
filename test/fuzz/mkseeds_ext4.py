#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Make the seed corpus of fuzz_ext4 (test/fuzz/corpus/ext4/) from small
filesystems made by mke2fs -d: ext2 with indirect blocks (and a double
indirect one), ext3, ext4 with extents (a depth-1 tree from a fragmented
file), 64bit with 64-byte group descriptors, meta_bg, inline data, htree
directories, fast and slow symbolic links and a file with holes. Each
image becomes the harness's sparse format (fs_harness.c), as
mkseeds_fat.py writes it.

    test/fuzz/mkseeds_ext4.py [DIR]     (default test/fuzz/corpus/ext4)
"""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkseeds_fat import sparse  # noqa: E402


def mke2fs(img, size_kib, tree, *opts):
    if os.path.exists(img):
        os.unlink(img)
    subprocess.run(['/usr/sbin/mke2fs', '-q', '-F', *opts, '-d', tree, img,
                    f'{size_kib}k'], check=True, stdout=subprocess.DEVNULL)


def debugfs(img, *cmds):
    subprocess.run(['/usr/sbin/debugfs', '-w', '-f', '-', img],
                   input='\n'.join(cmds).encode(), check=True,
                   capture_output=True)


def marked(size):
    """@size bytes, zero but for each 1 KiB block's number at its start
    (not a hole to mke2fs, a few bytes to the sparse format)"""
    return b''.join(i.to_bytes(4, 'little') + bytes(1020)
                    for i in range(1, size // 1024 + 1))


def tree(tmp, name, many=0, big=0):
    root = os.path.join(tmp, name)
    os.makedirs(os.path.join(root, 'boot/extlinux'))
    with open(os.path.join(root, 'boot/extlinux/extlinux.conf'), 'w') as f:
        f.write('label l\n  kernel /boot/vmlinuz\n')
    with open(os.path.join(root, 'boot/vmlinuz'), 'wb') as f:
        f.write(b'kernel' * 500)
    with open(os.path.join(root, 'hole.bin'), 'wb') as f:
        f.write(b'head')
        f.seek(20000)
        f.write(b'tail')
    if big:
        with open(os.path.join(root, 'big.bin'), 'wb') as f:
            f.write(marked(big))
    os.symlink('boot/vmlinuz', os.path.join(root, 'fast.link'))
    os.symlink('/' + 'long-name-' * 8 + '/x',
               os.path.join(root, 'slow.link'))
    if many:
        os.makedirs(os.path.join(root, 'many'))
        for i in range(many):
            open(os.path.join(root, f'many/f{i:03d}'), 'w').close()
    return root


def main():
    dst = sys.argv[1] if len(sys.argv) > 1 else 'test/fuzz/corpus/ext4'
    os.makedirs(dst, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        img = os.path.join(tmp, 'i.img')
        small = tree(tmp, 'small')
        htree = tree(tmp, 'htree', many=100)
        big = tree(tmp, 'big', big=300 * 1024)
        shapes = {
            'ext2': (192, small, '-t', 'ext2', '-b', '1024', '-N', '32'),
            'ext2-double-indirect': (512, big, '-t', 'ext2', '-b', '1024',
                                     '-N', '32'),
            'ext3': (4096, small, '-t', 'ext3', '-b', '1024', '-N', '32',
                     '-J', 'size=1'),
            'ext4': (256, small, '-t', 'ext4', '-b', '1024', '-N', '32',
                     '-O', '^has_journal'),
            'ext4-64bit': (256, small, '-t', 'ext4', '-b', '1024', '-N',
                           '32', '-O', '^has_journal,64bit'),
            'ext4-htree': (512, htree, '-t', 'ext4', '-b', '1024', '-N',
                           '160', '-O', '^has_journal'),
            'ext4-inline': (256, small, '-t', 'ext4', '-b', '1024', '-N',
                            '32', '-O', '^has_journal,inline_data'),
            'ext4-meta-bg': (2048, small, '-t', 'ext4', '-b', '1024', '-N',
                             '64', '-O', '^has_journal,^resize_inode,'
                             'meta_bg', '-g', '256'),
            'ext4-4k': (1024, small, '-t', 'ext4', '-b', '4096', '-N', '32',
                        '-O', '^has_journal'),
        }
        for name, (kib, root, *opts) in shapes.items():
            mke2fs(img, kib, root, *opts)
            if name == 'ext4-htree':
                # index the directory as Linux does (mke2fs -d does not)
                subprocess.run(['/usr/sbin/e2fsck', '-fyD', img],
                               stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
            with open(img, 'rb') as f:
                data = f.read()
            with open(os.path.join(dst, name), 'wb') as f:
                f.write(sparse(data))
        # a depth-1 extent tree: a file written into many holes
        mke2fs(img, 1024, small, '-t', 'ext4', '-b', '1024', '-N', '64',
               '-O', '^has_journal')
        fill = os.path.join(tmp, 'fill')
        with open(fill, 'wb') as f:
            f.write(marked(1024))
        debugfs(img, *[f'write {fill} g{i}' for i in range(24)])
        debugfs(img, *[f'rm g{i}' for i in range(0, 24, 2)])
        frag = os.path.join(tmp, 'frag')
        with open(frag, 'wb') as f:
            f.write(marked(14 * 1024))
        debugfs(img, f'write {frag} frag.bin')
        with open(img, 'rb') as f:
            data = f.read()
        with open(os.path.join(dst, 'ext4-extent-index'), 'wb') as f:
            f.write(sparse(data))
    for name in sorted(os.listdir(dst)):
        print(name, os.path.getsize(os.path.join(dst, name)))


if __name__ == '__main__':
    main()
