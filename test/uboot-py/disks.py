# SPDX-License-Identifier: GPL-2.0-or-later
"""The disks U-Boot's test/py finds on virtboot's boards.

One virtio-blk disk with a GPT and one virtio-scsi LUN with a DOS (MBR)
partition table, both 16 MiB, made once with sgdisk and sfdisk in
test/py's persistent-data folder. The boardenv files describe them to
the tests (env__scsi_device_test: scsi device 0, a 16 MiB hard disk).
"""

import subprocess

from harness import Disk

SIZE = 16 << 20


def _make(path, tool_args, stdin=None):
    if path.exists() and path.stat().st_size == SIZE:
        return
    tmp = path.with_suffix('.tmp')
    with open(tmp, 'wb') as f:
        f.truncate(SIZE)
    subprocess.run(tool_args + [str(tmp)], input=stdin, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tmp.rename(path)


def board_disks(board, data_dir):
    """[Disk] to attach on @board, made in @data_dir if missing."""
    data_dir.mkdir(parents=True, exist_ok=True)
    blk = data_dir / 'virtio-blk-gpt.img'
    scsi = data_dir / 'virtio-scsi-dos.img'
    _make(blk, ['sgdisk', '-n', '1:2048:+4M', '-t', '1:8300',
                '-n', '2:0:0', '-t', '2:ef00'])
    _make(scsi, ['sfdisk'], stdin=b'label: dos\n,8M,83\n,,c\n')
    return [Disk(blk), Disk(scsi, kind='scsi')]
