# SPDX-License-Identifier: GPL-2.0-or-later
# U-Boot test/py board environment for virtboot (disks.py makes the disks).

# The virtio-scsi LUN: scsi device 0, a 16 MiB hard disk (test_scsi.py)
env__scsi_device_test = {
    'dev_num': 0,
    'device_type': 'Hard Disk',
    'device_capacity': '16.0 MB',
}
