# SPDX-License-Identifier: GPL-2.0-or-later
"""U-Boot test/py board env of board type virtboot-qemu-arm64."""

from virtboot_boardenv import *  # noqa: F401,F403
