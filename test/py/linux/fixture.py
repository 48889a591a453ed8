# SPDX-License-Identifier: GPL-2.0-or-later
"""Real Linux for the boot tests, cached under build/linux/ (s390x) and
build/linux/arm64/.

- vmlinuz: Debian's kernel (package linux-image-<abi>-<flavour>, found
  through the linux-image-s390x or linux-image-arm64 meta package),
  fetched with 'apt-get download' after 'dpkg --add-architecture <arch>'
  and 'apt-get update' (done once, if the architecture is not enabled
  yet). On s390x an "S390EP" image laid out from address 0, as QEMU's
  -kernel and zipl take it; on arm64 the uncompressed Image (about 33 MB)
  that booti takes.
- initramfs.cpio: a cpio newc archive with /dev/console, /proc and a
  static init (test/py/linux/init.c, built with <triplet>-gcc -static)
  that prints MARKER and its /proc/cmdline, then powers off.

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
MARKER = 'VIRTBOOT-INIT-OK'

# arch -> (cache folder, meta package, cross-compiler triplet)
ARCHS = {
    's390x': (REPO / 'build' / 'linux', 'linux-image-s390x:s390x',
              's390x-linux-gnu'),
    'arm64': (REPO / 'build' / 'linux' / 'arm64', 'linux-image-arm64:arm64',
              'aarch64-linux-gnu'),
}
CACHE = ARCHS['s390x'][0]

sys.path.insert(0, str(HERE))
import mkcpio  # noqa: E402


def _run(*argv, **kw):
    return subprocess.run(argv, check=True, capture_output=True, text=True,
                          **kw)


def _sudo():
    return [] if os.geteuid() == 0 else ['sudo']


def _enable_arch(arch):
    archs = _run('dpkg', '--print-foreign-architectures').stdout.split()
    if arch not in archs:
        _run(*_sudo(), 'dpkg', '--add-architecture', arch)
        _run(*_sudo(), 'apt-get', 'update', '-q')


def _kernel_package(arch):
    meta = ARCHS[arch][1]
    out = subprocess.run(['apt-cache', 'depends', meta], capture_output=True,
                         text=True).stdout
    if 'Depends:' not in out:
        _enable_arch(arch)
        out = _run('apt-cache', 'depends', meta).stdout
    for line in out.splitlines():
        line = line.strip()
        if line.startswith('Depends:') and 'linux-image-' in line:
            return line.split()[1]
    raise RuntimeError(f'no kernel package behind {meta}:\n{out}')


def kernel(arch='s390x'):
    """Path of the cached vmlinuz, fetched and extracted if missing."""
    cache = ARCHS[arch][0]
    out = cache / 'vmlinuz'
    if out.exists():
        return out
    cache.mkdir(parents=True, exist_ok=True)
    debs = glob.glob(str(cache / f'linux-image-*_{arch}.deb'))
    if not debs:
        pkg = _kernel_package(arch)
        # apt's sandbox user may not write to the cache: download as is
        _run('apt-get', '-o', 'APT::Sandbox::User=root', 'download', pkg,
             cwd=cache)
        debs = glob.glob(str(cache / f'linux-image-*_{arch}.deb'))
    tmp = cache / 'x'
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    # Only /boot: the modules would take hundreds of megabytes
    tar = subprocess.run(['dpkg-deb', '--fsys-tarfile', debs[0]],
                         check=True, capture_output=True).stdout
    subprocess.run(['tar', '-x', '-C', str(tmp), '--wildcards',
                    './boot/vmlinuz-*'], input=tar, check=True,
                   capture_output=True)
    found = glob.glob(str(tmp / 'boot' / 'vmlinuz-*'))
    if not found:
        raise RuntimeError(f'{debs[0]} holds no /boot/vmlinuz-*')
    shutil.copyfile(found[0], str(out) + '.tmp')
    os.replace(str(out) + '.tmp', out)
    shutil.rmtree(tmp, ignore_errors=True)
    return out


def initramfs(arch='s390x'):
    """Path of the cached initramfs, rebuilt when init.c changed."""
    cache, _, triplet = ARCHS[arch]
    out = cache / 'initramfs.cpio'
    src = HERE / 'init.c'
    init = cache / 'init'
    if out.exists() and out.stat().st_mtime >= src.stat().st_mtime:
        return out
    cache.mkdir(parents=True, exist_ok=True)
    _run(f'{triplet}-gcc', '-static', '-Os', '-o', str(init), str(src))
    _run(f'{triplet}-strip', str(init))
    mkcpio.make_initramfs(str(init), str(out))
    return out


def power_on(board, console_log, disks, extra=(), firmware=True,
             timeout=120):
    """Start the board with @disks and no key pressed, wait for the init's
    MARKER; return (the init's command line, the output before the marker,
    seconds from power-on). firmware=False: QEMU's own firmware (no
    -bios) instead of virtboot. A missing marker fails the test."""
    import time

    import pexpect
    import pytest

    argv = board.command(disks, list(extra))
    if not firmware:
        i = argv.index('-bios')
        del argv[i:i + 2]
    console_log.write(f'\n--- boot: {" ".join(map(str, argv))}\n')
    start = time.monotonic()
    p = pexpect.spawn(str(argv[0]), [str(a) for a in argv[1:]],
                      encoding='utf-8', codec_errors='replace',
                      timeout=timeout * board.scale)
    p.logfile_read = console_log
    try:
        p.expect(MARKER)
        secs = time.monotonic() - start
        out = p.before
        p.expect(r'cmdline: \[([^\]]*)\]')
        cmdline = p.match.group(1)
        p.expect(pexpect.EOF, timeout=30 * board.scale)  # init powers off
        print(f'power-on to init: {secs:.1f} s')
        return cmdline, out, secs
    except pexpect.TIMEOUT:
        pytest.fail(f'no {MARKER} in {timeout} s; last output:'
                    f'\n{p.before[-3000:]}', pytrace=False)
    finally:
        if p.isalive():
            p.terminate(force=True)
        p.close()
        console_log.flush()


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


def demo_disk_arm64(path, cmdline='console=ttyAMA0'):
    """A GPT disk for 'make qemu BOARD=qemu-arm64': an ext4 partition with
    Debian's arm64 kernel, the test initramfs and an extlinux.conf as
    Debian's u-boot-menu writes it; made if it does not exist."""
    path = Path(path)
    if path.exists():
        return path
    sys.path.insert(0, str(HERE.parent))
    from harness.fsimg import ext_image, partitioned_disk
    k, i = kernel('arm64'), initramfs('arm64')
    ver = 'debian-arm64'
    tmp = path.with_suffix('.d')
    shutil.rmtree(tmp, ignore_errors=True)
    boot = tmp / 'root' / 'boot'
    (boot / 'extlinux').mkdir(parents=True)
    shutil.copyfile(k, boot / f'vmlinuz-{ver}')
    shutil.copyfile(i, boot / f'initrd.img-{ver}')
    (boot / 'extlinux' / 'extlinux.conf').write_text(
        '## /boot/extlinux/extlinux.conf\n'
        '## (as Debian\'s u-boot-menu writes it)\n\n'
        'default l0\nmenu title U-Boot menu\nprompt 0\ntimeout 50\n\n\n'
        'label l0\n'
        f'\tmenu label Debian GNU/Linux 12 (bookworm) {ver}\n'
        f'\tlinux /boot/vmlinuz-{ver}\n'
        f'\tinitrd /boot/initrd.img-{ver}\n'
        f'\tappend {cmdline}\n')
    ext_image(tmp / 'root.img', tmp / 'root', 64 << 20)
    partitioned_disk(str(path) + '.tmp', [(tmp / 'root.img', '8300')])
    os.replace(str(path) + '.tmp', path)
    shutil.rmtree(tmp, ignore_errors=True)
    return path


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--demo-disk':
        print(demo_disk(sys.argv[2]))
    elif len(sys.argv) == 3 and sys.argv[1] == '--arm64-demo-disk':
        print(demo_disk_arm64(sys.argv[2]))
    elif len(sys.argv) == 3 and sys.argv[1] == '--arch':
        print(kernel(sys.argv[2]))
        print(initramfs(sys.argv[2]))
    else:
        print(kernel())
        print(initramfs())
