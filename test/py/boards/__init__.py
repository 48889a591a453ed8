# SPDX-License-Identifier: GPL-2.0-or-later
"""Board plug-ins: one module per board, all with the same small interface.

    NAME             the board's name, as in BOARD= and --board
    ENDIAN           'little' or 'big': the CPU's byte order
    BOOT_TIMEOUT     seconds from start to the first prompt
    TIMEOUT          seconds one command may take, by default
    POWEROFF_TIMEOUT seconds 'poweroff' may take before the board is killed
    FIFO             characters typed before waiting for their echo
                     (the serial input FIFO; 0: no limit)
    BAD_PATTERNS     {name: regex}: output that means the board broke
    TRANSPORTS       {'blk': [...], 'scsi': [...]}: Disk.transport values
                     the board knows, the default first
    NET_TRANSPORTS   transports a virtio-net device can sit on, the
                     default first
    net_args(user, transport=None, props=(), index=0) -> [str]: options
                     for virtio-net device @index on user-mode networking
                     (@user: 'user,tftp=DIR,...', QEMU's -netdev syntax),
                     @props: more device properties
    default_bin(build_dir) -> Path: the firmware or program to start
    command(bin, disks, extra_args) -> [str]: the command line that starts
                     the board with those disks (raises ValueError for a
                     disk it cannot attach)
"""

import importlib

BOARDS = ('sandbox', 'qemu-arm64', 'qemu-s390x')


def load(name):
    """The plug-in module of board @name."""
    if name not in BOARDS:
        raise ValueError(f'unknown board {name!r}; boards: {", ".join(BOARDS)}')
    return importlib.import_module('boards.' + name.replace('-', '_'))
