# SPDX-License-Identifier: GPL-2.0-or-later
"""The sandbox: virtboot as a host program, disks as program options."""

NAME = 'sandbox'
ENDIAN = 'little'
BOOT_TIMEOUT = 15
TIMEOUT = 15
POWEROFF_TIMEOUT = 5
FIFO = 0
BAD_PATTERNS = {
    'sanitizer report': r'ERROR: AddressSanitizer|ERROR: LeakSanitizer|'
                        r'runtime error: ',
}
TRANSPORTS = {'blk': [None], 'scsi': [None], 'host': [None]}
# the emulator's legacy mode (no VERSION_1, legacy ring layout)
NET_TRANSPORTS = [None, 'legacy']


def default_bin(build_dir):
    return build_dir / 'virtboot'


def disk_args(disks):
    """Sandbox options that attach @disks, in order."""
    args = []
    for d in disks:
        if d.transport is not None:
            raise ValueError(f'the sandbox has one virtio transport; '
                             f'transport {d.transport!r} of {d} is unknown')
        if d.bootindex is not None or d.devno is not None or d.props:
            raise ValueError(f'{d}: bootindex, devno and props are QEMU '
                             'options the sandbox does not have')
        if d.kind == 'host':
            if d.ro or d.bs:
                raise ValueError(f'{d}: --host takes no options')
            args += ['--host', d.path]
            continue
        spec = [d.path]
        if d.kind == 'scsi' and d.cd:
            spec.append('cd')
        if d.ro:
            spec.append('ro')
        if d.bs:
            spec.append(f'bs={d.bs}')
        if d.kind == 'scsi':
            if d.target is not None:
                spec.append(f'target={d.target}')
            if d.lun is not None:
                spec.append(f'lun={d.lun}')
        args += ['--' + d.kind, ','.join(spec)]
    return args


def net_args(user, transport=None, props=(), index=0):
    """--net for one emulated virtio-net device; @props are its options
    (nomrg, nomac, mac=..., defer, queue=N); devices take the next MAC
    address each, in order."""
    if transport not in NET_TRANSPORTS:
        raise ValueError(f'sandbox: unknown net transport {transport!r}')
    spec = [user] + ([transport] if transport else []) + list(props)
    return ['--net', ','.join(spec)]


def command(bin, disks, extra_args):
    return [str(bin)] + disk_args(disks) + list(extra_args)
