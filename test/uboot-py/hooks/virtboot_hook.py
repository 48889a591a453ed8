# SPDX-License-Identifier: GPL-2.0-or-later
"""What the hook scripts share: which virtboot board a test/py board type
names, where its build and images are, and the disks it starts with.

U-Boot's test/py calls the hooks as `u-boot-test-<verb> BOARD_TYPE
IDENTITY` with U_BOOT_BUILD_DIR and U_BOOT_RESULT_DIR in the environment
(conftest.py exports them). The board types are virtboot-<board>
(virtboot-sandbox, virtboot-qemu-arm64, virtboot-qemu-s390x): a type that
starts with 'sandbox' would make test/py start U-Boot's own sandbox
binary instead of calling the hooks.
"""

import os
import shutil
import struct
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / 'test' / 'py'))

sys.path.insert(0, str(REPO / 'test' / 'uboot-py' / 'env'))

from boards import BOARDS, load  # noqa: E402  (needs the path above)
from harness.disk import Disk  # noqa: E402
from virtboot_boardenv import TFTP_FILE, tftp_file_bytes  # noqa: E402

PREFIX = 'virtboot-'
# The virtio-scsi LUN that U-Boot's test_scsi.py looks at
# (env__scsi_device_test in the board env files): 16 MiB, one DOS
# partition, so that 'scsi part' has a partition map to print.
SCSI_IMAGE = 'uboot-testpy-scsi0.img'
SCSI_SIZE = 16 << 20
# The folder QEMU's user network (the sandbox's libslirp) serves by TFTP,
# for U-Boot's test_net.py
TFTP_DIR = 'uboot-testpy-tftp'


def die(msg):
    print(f'{Path(sys.argv[0]).name}: {msg}', file=sys.stderr)
    sys.exit(1)


def board_of(argv):
    """The virtboot board named by the hook's BOARD_TYPE argument."""
    if len(argv) < 2:
        die('usage: BOARD_TYPE [IDENTITY]')
    btype = argv[1]
    name = btype[len(PREFIX):] if btype.startswith(PREFIX) else None
    if name not in BOARDS:
        die(f'unknown board type {btype!r}: expected one of ' +
            ', '.join(PREFIX + b for b in BOARDS))
    return load(name)


def dirs():
    """(build folder, result folder) from test/py's environment."""
    try:
        return (Path(os.environ['U_BOOT_BUILD_DIR']),
                Path(os.environ['U_BOOT_RESULT_DIR']))
    except KeyError as e:
        die(f'{e.args[0]} is not set (run by U-Boot\'s test/py)')


def link_tools(build_dir):
    """U-Boot's tests run mkimage from <build>/tools/ (test_source):
    Debian's (u-boot-tools), which scripts/setup installs."""
    mkimage = shutil.which('mkimage')
    if not mkimage:
        die('mkimage is missing: run scripts/setup (u-boot-tools)')
    link = build_dir / 'tools' / 'mkimage'
    link.parent.mkdir(exist_ok=True)
    if not link.is_symlink() or os.readlink(link) != mkimage:
        link.unlink(missing_ok=True)
        link.symlink_to(mkimage)


def disks(result_dir):
    """The disks every board starts with."""
    return [Disk(result_dir / SCSI_IMAGE, kind='scsi')]


def net_args(board, result_dir):
    """One virtio-net device on user-mode networking, its TFTP folder
    the one write_images() fills."""
    return board.net_args(f'user,tftp={result_dir / TFTP_DIR}')


def write_images(result_dir):
    """Write the disk images and the TFTP folder (done by
    u-boot-test-flash, once a run)."""
    result_dir.mkdir(parents=True, exist_ok=True)
    (result_dir / TFTP_DIR).mkdir(exist_ok=True)
    (result_dir / TFTP_DIR / TFTP_FILE).write_bytes(tftp_file_bytes())
    path = result_dir / SCSI_IMAGE
    with open(path, 'wb') as f:
        f.truncate(SCSI_SIZE)
        # One Linux partition from sector 2048 to the end
        entry = struct.pack('<B3sB3sII', 0, b'\0\0\0', 0x83, b'\0\0\0',
                            2048, SCSI_SIZE // 512 - 2048)
        f.seek(446)
        f.write(entry)
        f.seek(510)
        f.write(b'\x55\xaa')
