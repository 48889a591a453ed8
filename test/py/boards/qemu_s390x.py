# SPDX-License-Identifier: GPL-2.0-or-later
"""qemu-s390x: virtboot.elf as -bios of qemu-system-s390x -M s390-ccw-virtio."""

from . import qemu

NAME = 'qemu-s390x'
ENDIAN = 'big'
BOOT_TIMEOUT = 60
TIMEOUT = 60
POWEROFF_TIMEOUT = 10
FIFO = 16
# start.S reports an unexpected interruption (program check...) and stops
BAD_PATTERNS = {
    'unexpected interruption': r'\*\*\* unexpected [A-Za-z/ ]+ interruption',
}
TRANSPORTS = {'blk': ['ccw', 'pci', 'pci-legacy', 'pci-modern'],
              'scsi': ['ccw', 'pci', 'pci-legacy', 'pci-modern']}
NET_TRANSPORTS = ['ccw', 'pci', 'pci-legacy', 'pci-modern']
# transport -> (QEMU device suffix, extra -device properties)
_TRANSPORT_DEV = {
    'ccw': ('ccw', []),
    'pci': ('pci', []),
    'pci-legacy': ('pci', ['disable-modern=on']),
    'pci-modern': ('pci', ['disable-legacy=on']),
}


def default_bin(build_dir):
    return build_dir / 'virtboot.elf'


def _virtio(kind, transport):
    """The -device name and extra properties for @transport."""
    if transport not in _TRANSPORT_DEV:
        raise ValueError(f'{NAME}: unknown transport {transport!r}; '
                         f'known: {", ".join(_TRANSPORT_DEV)}')
    bus, props = _TRANSPORT_DEV[transport]
    return [f'virtio-{kind}-{bus}'] + props


def net_args(user, transport=None, props=(), index=0):
    """-netdev and -device for virtio-net device @index on @user
    networking; over zPCI, the CPU offers it."""
    transport = transport or NET_TRANSPORTS[0]
    dev = _virtio('net', transport) + [f'netdev=n{index}'] + list(props)
    args = ['-netdev', user.replace('user', f'user,id=n{index}', 1)]
    if transport.startswith('pci'):
        dev.append('romfile=')
        args += ['-cpu', 'qemu,zpci=on']
    return args + ['-device', ','.join(dev)]


def command(bin, disks, extra_args):
    args = ['qemu-system-s390x', '-M', 's390-ccw-virtio', '-m', '1G',
            '-nographic', '-bios', str(bin)]
    scsi = qemu.scsi_transport(disks, 'ccw')
    # virtio-pci on s390x goes through zPCI, which the CPU must offer.
    used = {d.transport or 'ccw' for d in disks if d.kind != 'scsi'}
    if scsi:
        used.add(scsi)
    if any(t.startswith('pci') for t in used):
        args += ['-cpu', 'qemu,zpci=on']
    if scsi:
        args += ['-device', ','.join(_virtio('scsi', scsi) + ['id=scsi0'])]
    for i, d in enumerate(disks):
        qemu.check_kind(NAME, d)
        args += qemu.drive_arg(i, d)
        if d.kind == 'scsi':
            args += qemu.scsi_device(i, d)
            continue
        transport = d.transport or 'ccw'
        dev = _virtio('blk', transport) + [f'drive=d{i}']
        if d.devno is not None:
            if transport != 'ccw':
                raise ValueError(f'{NAME}: devno is for ccw devices ({d})')
            dev.append(f'devno={d.devno}')
        args += ['-device', ','.join(dev + qemu.device_props(d))]
    return args + list(extra_args)
