# SPDX-License-Identifier: GPL-2.0-or-later
"""What the QEMU boards share: turning Disks into -drive/-device options."""


def drive_arg(index, disk):
    """-drive for @disk; its id is d<index>."""
    opts = [f'if=none', f'id=d{index}', f'file={disk.path}', 'format=raw']
    if disk.cd:
        opts.append('media=cdrom')
    if disk.ro:
        opts.append('readonly=on')
    return ['-drive', ','.join(opts)]


def device_props(disk):
    """-device properties every kind of disk may have, as 'k=v' strings."""
    props = {}
    if disk.bs:
        # QEMU refuses a logical block size above the physical one.
        props['logical_block_size'] = disk.bs
        props['physical_block_size'] = disk.bs
    if disk.bootindex is not None:
        props['bootindex'] = disk.bootindex
    props.update(disk.props)
    return [f'{k}={v}' for k, v in props.items()]


def scsi_transport(disks, default):
    """The transport of the one virtio-scsi controller, or None if no
    disk is a scsi disk; all scsi disks must name the same one."""
    seen = {d.transport or default for d in disks if d.kind == 'scsi'}
    if len(seen) > 1:
        raise ValueError('all scsi disks share one controller, but they '
                         f'name transports {sorted(seen)}')
    return seen.pop() if seen else None


def scsi_device(index, disk):
    """-device for a scsi-hd or scsi-cd on controller scsi0."""
    if disk.devno is not None:
        raise ValueError(f'{disk}: a SCSI LUN has no devno (give the '
                         'controller one with props)')
    dev = ['scsi-cd' if disk.cd else 'scsi-hd', f'drive=d{index}',
           'bus=scsi0.0', 'channel=0', f'scsi-id={disk.target or 0}',
           f'lun={disk.lun or 0}']
    return ['-device', ','.join(dev + device_props(disk))]


def check_kind(board, disk):
    if disk.kind == 'host':
        raise ValueError(f'{board}: host disks ({disk}) exist only on the '
                         'sandbox; use kind="blk"')
