# SPDX-License-Identifier: GPL-2.0-or-later
"""virtboot's pytest harness: consoles, disks and board plug-ins."""

from .console import Console, ConsoleError, PROMPT
from .disk import Disk, make_image
from .util import crc32, info_entries, loadaddr

__all__ = ['Console', 'ConsoleError', 'PROMPT', 'Disk', 'make_image', 'crc32',
           'info_entries', 'loadaddr']
