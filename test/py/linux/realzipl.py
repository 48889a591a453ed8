# SPDX-License-Identifier: GPL-2.0-or-later
"""Disks written by the real zipl: Debian's s390-tools 2.16 run inside an
s390x Linux guest under qemu-system-s390x, once for all the disks.

The host makes each disk (partition table with sfdisk or sgdisk, an ext4
/boot made by mke2fs -d holding Debian's kernel, the test initramfs of
fixture.py and a zipl.conf); one guest boot (QEMU's -kernel with Debian's
s390x kernel and an initramfs of busybox-static, zipl with its C library
and loader, and the kernel modules the disks need) mounts each /boot and
runs zipl on it; the guest then powers off. The written disks are cached
under build/linux/realzipl/<hash of every input>/, so a clean build runs
the guest once.

The disks (name: label, how the guest sees it, what zipl writes):

- dos: DOS label, virtio-blk in the guest (zipl's 'virtblk' path); a menu
  of three sections (1 first, 2 second, 3 sparse), default 2, prompt and
  timeout.
- gpt: GPT label, a virtio-scsi LUN in the guest (zipl's 'sd' path); the
  same menu.
- secure: DOS label, virtio-blk; zipl --secure 1 with a signed stage3
  loader, kernel and initramfs (a key made with openssl for this run
  only), so each of the three LOADs has a SIGNATURE component before it.

Every file mke2fs -d copies has holes where its blocks are zero (Debian's
vmlinuz has a few dozen); the 'sparse' sections boot an initramfs with a
4 MiB hole near its start, so that zipl's block lists repeat its one zero
block hundreds of times.

Each entry's command line is CONSOLE plus 'zipl=<disk>-<section>', which
the test init prints. Run as a program it builds the disks and prints
their folder:

    /usr/bin/python3 test/py/linux/realzipl.py
"""

import glob
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import fixture  # noqa: E402
import mkcpio  # noqa: E402
from harness.fsimg import ext_image, partitioned_disk  # noqa: E402

CACHE = fixture.CACHE / 'realzipl'
CONSOLE = 'console=ttysclp0 quiet'
DEBS = ['s390-tools:s390x', 'libc6:s390x', 'busybox-static:s390x']
# Modules the guest loads, in this order (Debian's s390x 6.1 has none of
# them built in; depends= and softdep= of their .modinfo give the order).
MODULES = ['crc16', 'mbcache', 'jbd2', 'crc32c_generic', 'ext4',
           'virtio_blk', 'scsi_common', 'scsi_mod', 'virtio_scsi',
           'crct10dif_common', 'crct10dif_generic', 'crc-t10dif', 'crc64',
           'crc64_rocksoft_generic', 'crc64-rocksoft', 't10-pi', 'sd_mod']
DISK_SIZE = 64 << 20
BOOT_SIZE = 48 << 20
SECTIONS = ['first', 'second', 'sparse']   # menu entries 1, 2, 3
DEFAULT = 2
# disk (also its filesystem's label) -> (partition table, guest device)
DISKS = {
    'dos': ('dos', 'blk'),
    'gpt': ('gpt', 'scsi'),
    'secure': ('dos', 'blk'),
}
SIG_MAGIC = b'~Module signature appended~\n'
GUEST_TIMEOUT = 600


def _run(*argv, **kw):
    return fixture._run(*[str(a) for a in argv], **kw)


def cmdline(disk, section):
    return f'{CONSOLE} zipl={disk}-{section}'


def _debs():
    """The .deb files of DEBS, downloaded once into CACHE/debs."""
    d = CACHE / 'debs'
    d.mkdir(parents=True, exist_ok=True)
    out = []
    for pkg in DEBS:
        name = pkg.split(':')[0]
        found = glob.glob(str(d / f'{name}_*_s390x.deb'))
        if not found:
            fixture._kernel_package('s390x')      # the architecture is on
            _run('apt-get', '-o', 'APT::Sandbox::User=root', 'download',
                 pkg, cwd=d)
            found = glob.glob(str(d / f'{name}_*_s390x.deb'))
        out.append(Path(found[0]))
    return out


def _extract(deb, dest, *patterns):
    tar = subprocess.run(['dpkg-deb', '--fsys-tarfile', str(deb)],
                         check=True, capture_output=True).stdout
    subprocess.run(['tar', '-x', '-C', str(dest), '--wildcards', *patterns],
                   input=tar, check=True, capture_output=True)


def _modules(dest):
    """[(name, bytes)] of MODULES from the kernel .deb, in load order."""
    deb = glob.glob(str(fixture.CACHE / 'linux-image-*_s390x.deb'))[0]
    _extract(deb, dest, './lib/modules/*/kernel/crypto/*.ko',
             './lib/modules/*/kernel/lib/*.ko',
             './lib/modules/*/kernel/block/*.ko',
             './lib/modules/*/kernel/fs/*',
             './lib/modules/*/kernel/drivers/block/*.ko',
             './lib/modules/*/kernel/drivers/scsi/*.ko')
    paths = {}
    for p in glob.glob(str(dest / 'lib/modules/*/kernel/**/*.ko'),
                       recursive=True):
        paths[Path(p).stem.replace('-', '_')] = Path(p)
    out = []
    for name in MODULES:
        path = paths[name.replace('-', '_')]
        info = _run('s390x-linux-gnu-readelf', '-p', '.modinfo',
                    path).stdout
        for dep in re.findall(r'depends=(\S*)', info)[0].split(','):
            if dep and dep.replace('-', '_') not in [
                    m.replace('-', '_') for m, _ in out]:
                raise RuntimeError(f'{name} needs {dep} loaded before it')
        out.append((name, path.read_bytes()))
    return out


def _sign(data, key, cert, tmp):
    """@data with a signature appended as Linux's scripts/sign-file lays it
    out: PKCS#7 (CMS, DER, no certificates, no attributes), then struct
    module_signature (id_type 2 = PKCS#7, be32 length), then the magic."""
    src = tmp / 'tosign'
    src.write_bytes(data)
    sig = tmp / 'sig'
    _run('openssl', 'cms', '-sign', '-in', src, '-signer', cert, '-inkey',
         key, '-outform', 'DER', '-out', sig, '-binary', '-nocerts',
         '-noattr', '-nosmimecap', '-md', 'sha256')
    p7 = sig.read_bytes()
    return data + p7 + struct.pack('>BBBBB3xI', 0, 0, 2, 0, 0,
                                   len(p7)) + SIG_MAGIC


def _sparse_initrd(initrd):
    """An archive of a 4 MiB file of zeros, then the test initramfs: the
    kernel unpacks concatenated archives, and mke2fs -d leaves the zeros
    as a hole."""
    hole = mkcpio.make_cpio([('zeros', 'file', bytes(4 << 20))])
    return hole + Path(initrd).read_bytes()


def _zipl_conf(disk, mnt, secure):
    lines = ['[defaultboot]']
    lines += ([f'default = {SECTIONS[0]}'] if secure
              else ['defaultmenu = menu'])
    sections = SECTIONS[:1] if secure else SECTIONS
    for s in sections:
        kernel = 'vmlinuz.signed' if secure else 'vmlinuz'
        initrd = {'sparse': 'initrd.sparse'}.get(s, 'initrd.img')
        if secure:
            initrd = 'initrd.signed'
        lines += ['', f'[{s}]', f'target = {mnt}',
                  f'image = {mnt}/{kernel}', f'ramdisk = {mnt}/{initrd}',
                  f'parameters = "{cmdline(disk, s)}"']
    if not secure:
        lines += ['', ':menu', f'target = {mnt}']
        lines += [f'{i} = {s}' for i, s in enumerate(SECTIONS, 1)]
        lines += [f'default = {DEFAULT}', 'prompt = 1', 'timeout = 5']
    return '\n'.join(lines) + '\n'


def _inputs():
    """Every input that decides the disks' bytes, for the cache key."""
    h = hashlib.sha256()
    for p in [fixture.kernel(), fixture.initramfs(), Path(__file__),
              HERE / 'mkcpio.py'] + _debs():
        h.update(Path(p).name.encode())
        h.update(hashlib.sha256(Path(p).read_bytes()).digest())
    return h.hexdigest()[:16]


INIT = r'''#!/bin/busybox sh
/bin/busybox mkdir -p /sys /tmp /mnt
/bin/busybox --install -s /bin
export PATH=/bin:/sbin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
for m in $(cat /lib/modules/order); do
	insmod /lib/modules/$m.ko || echo "REALZIPL-FAIL insmod $m"
done
# disks by filesystem label: the order of vda, vdb varies from boot to boot
run() {
	name=$1; mnt=/mnt/$1; shift
	n=0
	while ! dev=$(findfs LABEL=$name) && [ $n -lt 100 ]; do
		sleep 0.1; n=$((n + 1))
	done
	mkdir -p $mnt
	if ! mount -t ext4 "$dev" $mnt; then
		echo "REALZIPL-FAIL mount $name"; return
	fi
	zipl -V -c $mnt/zipl.conf "$@"
	echo "REALZIPL-RC $mnt $?"
	umount $mnt
}
'''


def _initramfs(tmp, key, cert):
    debs = _debs()
    root = tmp / 'pkgs'
    root.mkdir()
    _extract(debs[0], root, './sbin/zipl', './lib/s390-tools/stage3.bin')
    _extract(debs[1], root, './lib/s390x-linux-gnu/ld64.so.1',
             './lib/s390x-linux-gnu/libc.so.6')
    _extract(debs[2], root, './bin/busybox')
    stage3 = (root / 'lib/s390-tools/stage3.bin').read_bytes()
    mods = _modules(tmp)
    script = INIT
    for disk in DISKS:
        extra = ' --secure 1' if disk == 'secure' else ''
        if disk == 'secure':
            script += ('cp /lib/s390-tools/stage3.signed '
                       '/lib/s390-tools/stage3.bin\n')
        script += f'run {disk}{extra}\n'
    script += 'echo REALZIPL-END\nsync\npoweroff -f\n'
    lib = 'lib/s390x-linux-gnu/'
    entries = [('dev', 'dir', None), ('dev/console', 'chr', (5, 1)),
               ('proc', 'dir', None), ('bin', 'dir', None),
               ('sbin', 'dir', None), ('lib', 'dir', None),
               ('lib/s390x-linux-gnu', 'dir', None),
               ('lib/s390-tools', 'dir', None), ('lib/modules', 'dir', None),
               ('init', 'file', script.encode()),
               ('bin/busybox', 'file', (root / 'bin/busybox').read_bytes()),
               ('sbin/zipl', 'file', (root / 'sbin/zipl').read_bytes()),
               ('lib/ld64.so.1', 'file',
                (root / lib / 'ld64.so.1').read_bytes()),
               (lib + 'libc.so.6', 'file',
                (root / lib / 'libc.so.6').read_bytes()),
               ('lib/s390-tools/stage3.bin', 'file', stage3),
               ('lib/s390-tools/stage3.signed', 'file',
                _sign(stage3, key, cert, tmp)),
               ('lib/modules/order', 'file',
                ' '.join(n for n, _ in mods).encode())]
    entries += [(f'lib/modules/{n}.ko', 'file', b) for n, b in mods]
    out = tmp / 'guest.cpio'
    out.write_bytes(mkcpio.make_cpio(entries))
    return out


def _disk(tmp, disk, key, cert):
    label = DISKS[disk][0]
    mnt = f'/mnt/{disk}'
    tree = tmp / f'{disk}.root'
    tree.mkdir()
    kernel = fixture.kernel().read_bytes()
    initrd = fixture.initramfs().read_bytes()
    if disk == 'secure':
        (tree / 'vmlinuz.signed').write_bytes(_sign(kernel, key, cert, tmp))
        (tree / 'initrd.signed').write_bytes(_sign(initrd, key, cert, tmp))
    else:
        (tree / 'vmlinuz').write_bytes(kernel)
        (tree / 'initrd.img').write_bytes(initrd)
        (tree / 'initrd.sparse').write_bytes(
            _sparse_initrd(fixture.initramfs()))
    (tree / 'zipl.conf').write_text(_zipl_conf(disk, mnt,
                                               disk == 'secure'))
    fs = tmp / f'{disk}.fs'
    ext_image(fs, tree, BOOT_SIZE, 'ext4', opts=('-L', disk))
    out = tmp / f'{disk}.img'
    partitioned_disk(out, [(fs, '8300' if label == 'gpt' else '83')],
                     label=label, size=DISK_SIZE)
    return out


def _guest(tmp, images, initramfs):
    argv = ['qemu-system-s390x', '-M', 's390-ccw-virtio', '-m', '512',
            '-nographic', '-no-reboot', '-kernel', fixture.kernel(),
            '-initrd', initramfs, '-append', CONSOLE,
            '-device', 'virtio-scsi-ccw,id=scsi0,devno=fe.0.0010']
    blk = 0
    for i, (disk, (_, kind)) in enumerate(DISKS.items()):
        argv += ['-drive', f'file={images[disk]},if=none,id=d{i},'
                 'format=raw']
        if kind == 'blk':
            blk += 1
            argv += ['-device', f'virtio-blk-ccw,drive=d{i},'
                     f'devno=fe.0.{blk:04x}']
        else:
            argv += ['-device', f'scsi-hd,drive=d{i},bus=scsi0.0']
    start = time.monotonic()
    res = subprocess.run([str(a) for a in argv], capture_output=True,
                         text=True, errors='replace', timeout=GUEST_TIMEOUT)
    secs = time.monotonic() - start
    log = res.stdout + res.stderr
    (tmp / 'guest.log').write_text(log)
    rcs = dict(re.findall(r'REALZIPL-RC /mnt/(\w+) (\d+)', log))
    if ('REALZIPL-END' not in log or 'REALZIPL-FAIL' in log
            or any(rcs.get(d) != '0' for d in DISKS)):
        raise RuntimeError(f'the zipl guest failed (log in {tmp}):\n'
                           + log[-4000:])
    return secs


def disks():
    """{disk name: Path} of the written disks (see the module's text),
    made if missing; also 'log' (the guest's console: zipl -V of each
    disk) and 'info' (how long the guest ran)."""
    key = _inputs()
    d = CACHE / key
    if not (d / 'done.json').exists():
        tmp = CACHE / f'{key}.tmp{os.getpid()}'
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        pem, crt = tmp / 'key.pem', tmp / 'cert.pem'
        _run('openssl', 'req', '-new', '-x509', '-newkey', 'rsa:2048',
             '-nodes', '-days', '1', '-subj', '/CN=virtboot throw-away',
             '-keyout', pem, '-out', crt)
        images = {disk: _disk(tmp, disk, pem, crt) for disk in DISKS}
        initramfs = _initramfs(tmp, pem, crt)
        secs = _guest(tmp, images, initramfs)
        keep = [img.name for img in images.values()] + ['guest.log']
        for f in tmp.iterdir():
            if f.name not in keep:
                shutil.rmtree(f) if f.is_dir() else f.unlink()
        (tmp / 'done.json').write_text(json.dumps({'guest_seconds': secs}))
        # disks of older inputs go; the key and certificate never stay
        for old in CACHE.iterdir():
            if old.name not in ('debs', tmp.name):
                shutil.rmtree(old, ignore_errors=True)
        os.rename(tmp, d)
    out = {disk: d / f'{disk}.img' for disk in DISKS}
    out['log'] = d / 'guest.log'
    out['info'] = json.loads((d / 'done.json').read_text())
    return out


if __name__ == '__main__':
    found = disks()
    print(found['log'].parent, found['info'])
