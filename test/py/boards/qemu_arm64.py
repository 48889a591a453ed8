# SPDX-License-Identifier: GPL-2.0-or-later
"""qemu-arm64: virtboot.bin as -bios of qemu-system-aarch64 -M virt."""

from . import qemu

NAME = 'qemu-arm64'
ENDIAN = 'little'
BOOT_TIMEOUT = 60
TIMEOUT = 60
POWEROFF_TIMEOUT = 10
FIFO = 16
BAD_PATTERNS = {}
TRANSPORTS = {
    'blk': ['pci', 'pci-legacy', 'pci-modern', 'mmio', 'mmio-legacy',
            'mmio-modern'],
    'scsi': ['pci', 'pci-legacy', 'pci-modern', 'mmio', 'mmio-legacy',
             'mmio-modern'],
}

NET_TRANSPORTS = ['pci', 'pci-legacy', 'pci-modern', 'mmio', 'mmio-legacy',
                  'mmio-modern']

# transport -> (device name suffix, extra properties)
_PCI = {
    'pci': ('pci', []),
    'pci-legacy': ('pci', ['disable-modern=on']),
    'pci-modern': ('pci', ['disable-legacy=on']),
    'mmio': ('device', []),
    'mmio-legacy': ('device', []),
    'mmio-modern': ('device', []),
}
_MMIO_MODE = {'mmio-legacy': 'true', 'mmio-modern': 'false'}


def default_bin(build_dir):
    return build_dir / 'virtboot.bin'


def _virtio(kind, transport):
    if transport not in _PCI:
        raise ValueError(f'{NAME}: unknown transport {transport!r}; '
                         f'known: {", ".join(_PCI)}')
    suffix, props = _PCI[transport]
    return [f'virtio-{kind}-{suffix}'] + props


def net_args(user, transport=None, props=(), index=0):
    """-netdev and -device for virtio-net device @index on @user
    networking; a PCI one without its option ROM (romfile=), which is for
    firmware that has no driver."""
    transport = transport or NET_TRANSPORTS[0]
    dev = _virtio('net', transport) + [f'netdev=n{index}'] + list(props)
    if transport.startswith('pci'):
        dev.append('romfile=')
    args = ['-netdev', user.replace('user', f'user,id=n{index}', 1),
            '-device', ','.join(dev)]
    if transport in _MMIO_MODE:
        args += ['-global',
                 f'virtio-mmio.force-legacy={_MMIO_MODE[transport]}']
    return args


def command(bin, disks, extra_args):
    # -nic none: no default virtio-net-pci, which would take PCI slot 1
    # and a virtio device number without being a disk.
    args = ['qemu-system-aarch64', '-M', 'virt', '-cpu', 'cortex-a57',
            '-m', '1G', '-nographic', '-nic', 'none', '-bios', str(bin)]
    transports = [d.transport or 'pci' for d in disks]
    scsi = qemu.scsi_transport(disks, 'pci')
    if scsi:
        transports.append(scsi)
    modes = {_MMIO_MODE[t] for t in transports if t in _MMIO_MODE}
    if len(modes) > 1:
        raise ValueError('virtio-mmio.force-legacy is one setting per '
                         'machine: mmio-legacy and mmio-modern cannot mix')
    if modes:
        args += ['-global', f'virtio-mmio.force-legacy={modes.pop()}']
    if scsi:
        args += ['-device', ','.join(_virtio('scsi', scsi) + ['id=scsi0'])]
    for i, d in enumerate(disks):
        qemu.check_kind(NAME, d)
        if d.devno is not None:
            raise ValueError(f'{NAME}: devno is for s390x ccw devices ({d})')
        args += qemu.drive_arg(i, d)
        if d.kind == 'scsi':
            args += qemu.scsi_device(i, d)
        else:
            dev = _virtio('blk', d.transport or 'pci') + [f'drive=d{i}']
            args += ['-device', ','.join(dev + qemu.device_props(d))]
    return args + list(extra_args)
