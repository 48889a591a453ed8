# SPDX-License-Identifier: GPL-2.0-or-later
"""What U-Boot's test/py asks every virtboot board's env file for.

The u_boot_boardenv_virtboot_<board>.py files import this and add their
own; test/py reads every name that starts with env__.
"""

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
