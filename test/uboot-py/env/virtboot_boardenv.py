# SPDX-License-Identifier: GPL-2.0-or-later
"""What U-Boot's test/py asks every virtboot board's env file for.

The u_boot_boardenv_virtboot_<board>.py files import this and add their
own; test/py reads every name that starts with env__.
"""

import random
import zlib

# test_scsi.py: the one virtio-scsi LUN the console hook attaches
# (test/uboot-py/hooks/virtboot_hook.py: 16 MiB, a DOS partition table).
env__scsi_device_test = {
    'dev_num': 0,
    'device_type': 'Hard Disk',
    'device_capacity': '16.0 MB',
}

# test_sleep.py: test_time sleeps env__sleep_time seconds, 10 by default;
# test_sleep's default, 3 s, proves as much in less time.
env__sleep_time = 3

# test_net.py: QEMU's user network (the sandbox's libslirp), which the
# console hook gives every board: its DHCP server, its TFTP server on the
# folder the flash hook fills (TFTP_FILE, below), the host at 10.0.2.2.
env__net_dhcp_server = True
env__net_static_env_vars = [
    ('ipaddr', '10.0.2.15'),
    ('netmask', '255.255.255.0'),
    ('serverip', '10.0.2.2'),
]

# The file test_net_tftpboot loads: TFTP_SIZE bytes that the flash hook
# (test/uboot-py/hooks/virtboot_hook.py) writes from the same seed
TFTP_FILE = 'ubtest-readable.bin'
TFTP_SIZE = 1048579	# a short last block


def tftp_file_bytes():
    """The content of TFTP_FILE."""
    return random.Random(0x7e57).randbytes(TFTP_SIZE)


def tftp_readable_file(addr):
    """env__net_tftp_readable_file for a board that loads at @addr."""
    return {
        'fn': TFTP_FILE,
        'addr': addr,
        'size': TFTP_SIZE,
        'crc32': '%08x' % zlib.crc32(tftp_file_bytes()),
    }
