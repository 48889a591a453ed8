# SPDX-License-Identifier: GPL-2.0-or-later
"""Real Linux for the s390x boot tests, cached under build/linux/.

- vmlinuz: Debian's s390x kernel (package linux-image-<abi>-s390x, found
  through the linux-image-s390x meta package), fetched with 'apt-get
  download' after 'dpkg --add-architecture s390x' and 'apt-get update'
  (done once, if the architecture is not enabled yet). The image is an
  "S390EP" image laid out from address 0, as QEMU's -kernel and zipl take
  it.
- initramfs.cpio: a cpio newc archive with /dev/console, /proc and a
  static init (test/py/linux/init.c, built with s390x-linux-gnu-gcc
  -static) that prints MARKER and its /proc/cmdline, then powers off.

Run as a program it prepares both and prints their paths, or makes a
zipl-bootable demo disk for 'make qemu BOARD=qemu-s390x':

    /usr/bin/python3 test/py/linux/fixture.py
    /usr/bin/python3 test/py/linux/fixture.py --demo-disk build/qemu-s390x/zipl-demo.img
"""

import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
CACHE = REPO / 'build' / 'linux'
MARKER = 'VIRTBOOT-INIT-OK'
META = 'linux-image-s390x:s390x'

sys.path.insert(0, str(HERE))
import mkcpio  # noqa: E402


def _run(*argv, **kw):
    return subprocess.run(argv, check=True, capture_output=True, text=True,
                          **kw)


def _sudo():
    return [] if os.geteuid() == 0 else ['sudo']


def _enable_s390x():
    archs = _run('dpkg', '--print-foreign-architectures').stdout.split()
    if 's390x' not in archs:
        _run(*_sudo(), 'dpkg', '--add-architecture', 's390x')
        _run(*_sudo(), 'apt-get', 'update', '-q')


def _kernel_package():
    out = subprocess.run(['apt-cache', 'depends', META], capture_output=True,
                         text=True).stdout
    if 'Depends:' not in out:
        _enable_s390x()
        out = _run('apt-cache', 'depends', META).stdout
    for line in out.splitlines():
        line = line.strip()
        if line.startswith('Depends:') and 'linux-image-' in line:
            return line.split()[1]
    raise RuntimeError(f'no kernel package behind {META}:\n{out}')


def kernel():
    """Path of the cached vmlinuz, fetched and extracted if missing."""
    out = CACHE / 'vmlinuz'
    if out.exists():
        return out
    CACHE.mkdir(parents=True, exist_ok=True)
    debs = glob.glob(str(CACHE / 'linux-image-*_s390x.deb'))
    if not debs:
        pkg = _kernel_package()
        _run('apt-get', 'download', pkg, cwd=CACHE)
        debs = glob.glob(str(CACHE / 'linux-image-*_s390x.deb'))
    tmp = CACHE / 'x'
    shutil.rmtree(tmp, ignore_errors=True)
    _run('dpkg-deb', '-x', debs[0], str(tmp))
    found = glob.glob(str(tmp / 'boot' / 'vmlinuz-*'))
    if not found:
        raise RuntimeError(f'{debs[0]} holds no /boot/vmlinuz-*')
    shutil.copyfile(found[0], str(out) + '.tmp')
    os.replace(str(out) + '.tmp', out)
    return out


def initramfs():
    """Path of the cached initramfs, rebuilt when init.c changed."""
    out = CACHE / 'initramfs.cpio'
    src = HERE / 'init.c'
    init = CACHE / 'init'
    if out.exists() and out.stat().st_mtime >= src.stat().st_mtime:
        return out
    CACHE.mkdir(parents=True, exist_ok=True)
    _run('s390x-linux-gnu-gcc', '-static', '-Os', '-o', str(init), str(src))
    _run('s390x-linux-gnu-strip', str(init))
    mkcpio.make_initramfs(str(init), str(out))
    return out


def demo_disk(path, cmdline='console=ttysclp0'):
    """A 64 MiB disk with a zipl boot map for that Linux (two entries:
    entry 1 adds 'quiet'), made by tools/mkzipl if it does not exist."""
    path = Path(path)
    if path.exists():
        return path
    k, i = kernel(), initramfs()
    _run('make', '-s', 'tools', cwd=REPO)
    tmp = path.with_suffix('.tmp')
    tmp.unlink(missing_ok=True)
    _run(str(REPO / 'build' / 'tools' / 'mkzipl'), '-o', str(tmp), '-s', '64M',
         '-k', str(k), '-i', str(i), '-c', cmdline,
         '-k', str(k), '-i', str(i), '-c', cmdline + ' quiet')
    os.replace(tmp, path)
    return path


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--demo-disk':
        print(demo_disk(sys.argv[2]))
    else:
        print(kernel())
        print(initramfs())
