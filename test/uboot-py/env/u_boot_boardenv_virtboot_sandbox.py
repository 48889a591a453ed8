# SPDX-License-Identifier: GPL-2.0-or-later
"""U-Boot test/py board env of board type virtboot-sandbox."""

from virtboot_boardenv import *  # noqa: F401,F403
from virtboot_boardenv import tftp_readable_file

env__net_tftp_readable_file = tftp_readable_file(0x1000000)

