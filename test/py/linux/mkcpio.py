# SPDX-License-Identifier: GPL-2.0-or-later
"""Write a cpio "newc" archive (the initramfs format) without cpio(1) or
root: directories, regular files and device nodes from a list."""

import os

TRAILER = 'TRAILER!!!'


def _entry(ino, name, mode, data=b'', rdev=(0, 0), nlink=1):
    name_b = name.encode() + b'\0'
    fields = [ino, mode, 0, 0, nlink, 0, len(data), 0, 0,
              rdev[0], rdev[1], len(name_b), 0]
    hdr = b'070701' + b''.join(b'%08X' % f for f in fields)
    out = hdr + name_b
    out += b'\0' * (-len(out) % 4)
    out += data
    out += b'\0' * (-len(out) % 4)
    return out


def make_cpio(entries):
    """entries: list of (name, kind, arg): kind 'dir', 'file' (arg: bytes,
    mode 0755), 'chr' (arg: (major, minor)). Returns the archive bytes."""
    out = b''
    for ino, (name, kind, arg) in enumerate(entries, start=1):
        if kind == 'dir':
            out += _entry(ino, name, 0o040755, nlink=2)
        elif kind == 'file':
            out += _entry(ino, name, 0o100755, data=arg)
        elif kind == 'chr':
            out += _entry(ino, name, 0o020600, rdev=arg)
        else:
            raise ValueError(kind)
    out += _entry(0, TRAILER, 0)
    out += b'\0' * (-len(out) % 512)
    return out


def make_initramfs(init_path, out_path):
    with open(init_path, 'rb') as f:
        init = f.read()
    data = make_cpio([('dev', 'dir', None), ('dev/console', 'chr', (5, 1)),
                      ('proc', 'dir', None), ('init', 'file', init)])
    tmp = out_path + '.tmp'
    with open(tmp, 'wb') as f:
        f.write(data)
    os.replace(tmp, out_path)
