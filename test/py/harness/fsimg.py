# SPDX-License-Identifier: GPL-2.0-or-later
"""Filesystem images made by the real tools, for the file-command tests.

A tree of files (make_tree) is put into an image by mke2fs -d (ext2/3/4),
mkfs.vfat + mcopy (FAT) or xorriso (ISO 9660), and images are put into a
partitioned disk with sgdisk (GPT) or sfdisk (MBR). Every tool must be
there (scripts/setup installs them): a missing one fails the test, never
skips it.
"""

import os
import re
import random
import shutil
import subprocess

MIB = 1 << 20
SBIN = '/usr/sbin:/sbin'


def _run(*argv, **kw):
    env = dict(os.environ)
    env['PATH'] = env.get('PATH', '') + ':' + SBIN
    if shutil.which(argv[0], path=env['PATH']) is None:
        raise RuntimeError(f'{argv[0]} is missing: run scripts/setup')
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE, **kw)


def make_tree(root, seed, long_names=True, symlinks=True, many=0):
    """Fill directory @root with files of known random contents.

    Returns {path relative to root, '/'-separated: bytes} of the regular
    files (what a load must give back). Sizes cover the corners: empty,
    one byte, around a 512/1024/4096 block and a FAT cluster, 1 MiB + 3.
    """
    rnd = random.Random(seed)
    files = {}

    def put(rel, size):
        data = rnd.randbytes(size)
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'wb') as f:
            f.write(data)
        files[rel] = data

    os.makedirs(root, exist_ok=True)
    put('empty', 0)
    put('one', 1)
    put('b511', 511)
    put('b4097', 4097)
    put('big.bin', MIB + 3)
    put('boot/vmlinuz', 300000)
    put('boot/initrd.img', 70001)
    put('a/b/c/d/deep.txt', 1234)
    if long_names:
        put('A Long File Name With Spaces.txt', 2048)
        put('MixedCase.Bin', 777)
        put('boot/extlinux/extlinux.conf', 150)
    for i in range(many):
        put(f'many/file-{i:04d}.dat', 17 + i)
    if symlinks:
        os.symlink('vmlinuz', os.path.join(root, 'boot/vmlinuz.link'))
        os.symlink('/a/b/c/d/deep.txt', os.path.join(root, 'deep.link'))
    return files


def ext_image(path, tree, size, fstype='ext4', blocksize=4096, opts=()):
    """An ext2/3/4 filesystem of @size bytes holding @tree (mke2fs -d)."""
    with open(path, 'wb') as f:
        f.truncate(size)
    _run('mke2fs', '-q', '-F', '-t', fstype, '-b', str(blocksize),
         *opts, '-d', str(tree), str(path))


def fat_image(path, tree, size, fat_bits):
    """A FAT12/16/32 filesystem of @size bytes holding @tree (mcopy)."""
    with open(path, 'wb') as f:
        f.truncate(size)
    _run('mkfs.vfat', '-F', str(fat_bits), '-n', 'VIRTBOOT', str(path))
    entries = [os.path.join(str(tree), e) for e in sorted(os.listdir(tree))]
    if entries:
        _run('mcopy', '-s', '-i', str(path), *entries, '::')


def iso_image(path, tree, joliet=True, rock=True, extra=()):
    """An ISO 9660 image of @tree (xorriso -as mkisofs)."""
    args = ['xorriso', '-as', 'mkisofs', '-quiet', '-V', 'VIRTBOOT']
    if rock:
        args.append('-R')
    if joliet:
        args.append('-J')
    _run(*args, *extra, '-o', str(path), str(tree))


def partitioned_disk(path, parts, label='gpt', size=None):
    """A disk holding @parts [(image path, type)] in partitions 1, 2, ...

    label 'gpt' (sgdisk, type codes such as '8300', 'ef00') or 'dos'
    (sfdisk, type bytes such as '83', 'c'). Partitions start at 1 MiB
    and are 1 MiB aligned. Returns the start of each partition in
    512-byte sectors.
    """
    starts = []
    pos = MIB
    for img, _ in parts:
        starts.append(pos // 512)
        pos += (os.path.getsize(img) + MIB - 1) // MIB * MIB
    total = size or pos + MIB
    with open(path, 'wb') as f:
        f.truncate(total)
    if label == 'gpt':
        args = ['sgdisk', '-Z']
        for i, ((img, typ), start) in enumerate(zip(parts, starts), 1):
            sectors = os.path.getsize(img) // 512
            args += [f'-n{i}:{start}:{start + sectors - 1}', f'-t{i}:{typ}']
        _run(*args, str(path))
    else:
        script = 'label: dos\n' + ''.join(
            f'start={start}, size={os.path.getsize(img) // 512}, '
            f'type={typ}\n' for (img, typ), start in zip(parts, starts))
        _run('sfdisk', '-q', str(path), input=script.encode())
    with open(path, 'r+b') as disk:
        for (img, _), start in zip(parts, starts):
            disk.seek(start * 512)
            with open(img, 'rb') as f:
                shutil.copyfileobj(f, disk, MIB)
    return starts


def _filler(tmpfile, size):
    """Write @size bytes of filler to @tmpfile."""
    with open(tmpfile, 'wb') as f:
        f.write(b'\xa5' * size)


def ext_fragment(img, tmpfile, name, seed, size=200 * 1024, piece=8192,
                 count=64):
    """Write a file of @size random bytes into ext image @img in pieces:
    @count files of @piece bytes, the rest of the free space filled, every
    other one of them deleted, the file written into the holes (debugfs).
    Returns its bytes."""
    data = random.Random(seed).randbytes(size)
    _filler(tmpfile, piece)
    cmds = [f'write {tmpfile} fill{i:03d}' for i in range(count)]
    _run('debugfs', '-w', '-f', '-', str(img),
         input='\n'.join(cmds).encode())
    out = subprocess.run(['/usr/sbin/dumpe2fs', '-h', str(img)],
                         capture_output=True, text=True, check=True).stdout
    free = int(re.search(r'Free blocks:\s+(\d+)', out).group(1))
    bsize = int(re.search(r'Block size:\s+(\d+)', out).group(1))
    pad = max(free - 64, 0) * bsize
    _filler(tmpfile, pad)
    cmds = [f'write {tmpfile} pad'] + \
        [f'rm fill{i:03d}' for i in range(0, count, 2)]
    _run('debugfs', '-w', '-f', '-', str(img), input='\n'.join(cmds).encode())
    with open(tmpfile, 'wb') as f:
        f.write(data)
    _run('debugfs', '-w', '-R', f'write {tmpfile} {name}', str(img))
    out = subprocess.run(['/usr/sbin/debugfs', '-R', f'ex {name}', str(img)],
                         capture_output=True, text=True, check=True).stdout
    if out.count('\n') < 4:
        raise RuntimeError(f'{name} in {img} is not fragmented:\n{out}')
    return data


def fat_fragment(img, tmpfile, name, seed, size=200 * 1024, piece=8192,
                 count=64):
    """The same on a FAT image, with mtools: @count files of @piece bytes,
    every other one deleted, the file written into the holes."""
    data = random.Random(seed).randbytes(size)
    _filler(tmpfile, piece)
    for i in range(count):
        _run('mcopy', '-i', str(img), str(tmpfile), f'::fill{i:03d}')
    _run('mdel', '-i', str(img),
         *[f'::fill{i:03d}' for i in range(0, count, 2)])
    with open(tmpfile, 'wb') as f:
        f.write(data)
    _run('mcopy', '-i', str(img), str(tmpfile), f'::{name}')
    return data
