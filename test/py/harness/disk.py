# SPDX-License-Identifier: GPL-2.0-or-later
"""A disk a test attaches to a board, described once for every board.

The board plug-ins (test/py/boards/) turn a Disk into their own options:
sandbox program options (--blk, --scsi, --host) or QEMU -drive/-device
arguments. A board that cannot attach a disk as described raises
ValueError, which fails the test: nothing is dropped silently.
"""

import os

KINDS = ('blk', 'scsi', 'host')


class Disk:
    """One disk image and how it is attached.

    Args:
        path: the image file on the host.
        kind: 'blk' (a virtio-blk device), 'scsi' (a LUN on the board's one
            virtio-scsi controller) or 'host' (sandbox only: a plain host
            block device, `--host FILE`).
        ro: attach read-only.
        bs: logical block size in bytes (None: the device's default, 512).
        target, lun: SCSI address (scsi only; None means 0).
        transport: how the device reaches the CPU. None is the board's
            default; each board lists what it knows in its TRANSPORTS.
            qemu-arm64: 'pci' (transitional), 'pci-legacy'
            (disable-modern=on), 'pci-modern' (disable-legacy=on), 'mmio'
            (QEMU's default mode), 'mmio-legacy', 'mmio-modern' (the last
            two set -global virtio-mmio.force-legacy, one value per machine).
            qemu-s390x: 'ccw', 'pci' (zPCI). For scsi disks the transport
            is the controller's: all scsi disks of a board must agree.
        cd: a CD-ROM (scsi only): 2048-byte blocks, read-only.
        bootindex: QEMU bootindex of the device.
        devno: s390x device number of a ccw device, e.g. 'fe.1.0005'.
        props: further QEMU -device properties, e.g. {'max_revision': 0}.
    """

    def __init__(self, path, kind='blk', ro=False, bs=None, target=None,
                 lun=None, transport=None, cd=False, bootindex=None,
                 devno=None, props=None):
        if kind not in KINDS:
            raise ValueError(f'disk kind {kind!r} is not one of {KINDS}')
        if (target is not None or lun is not None or cd) and kind != 'scsi':
            raise ValueError('target, lun and cd are for scsi disks')
        self.path = os.fspath(path)
        self.kind = kind
        self.ro = ro
        self.bs = bs
        self.target = target
        self.lun = lun
        self.transport = transport
        self.cd = cd
        self.bootindex = bootindex
        self.devno = devno
        self.props = dict(props or {})

    def __repr__(self):
        fields = [f'{k}={v!r}' for k, v in vars(self).items()
                  if v not in (None, False, {}) and k not in ('path', 'kind')]
        return f'Disk({self.path!r}, {self.kind!r}{", " if fields else ""}' \
               f'{", ".join(fields)})'


def make_image(path, size, seed=None, data=None):
    """Write a disk image of @size bytes and return its contents.

    With @data the image holds those bytes (zero-padded to @size); else
    random bytes from @seed (deterministic) or os.urandom.
    """
    import random
    if data is None:
        if seed is None:
            data = os.urandom(size)
        else:
            data = random.Random(seed).randbytes(size)
    data = bytes(data).ljust(size, b'\0')
    with open(path, 'wb') as f:
        f.write(data)
    return data
