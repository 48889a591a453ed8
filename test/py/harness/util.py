# SPDX-License-Identifier: GPL-2.0-or-later
"""Small helpers tests on every board share."""

import re

from .console import ConsoleError


def loadaddr(console):
    """$loadaddr of the running board, as a number."""
    out = console.run_command('printenv loadaddr')
    m = re.fullmatch(r'loadaddr=(?:0x)?([0-9a-fA-F]+)', out)
    if not m:
        raise ConsoleError(f'printenv loadaddr printed {out!r}')
    return int(m.group(1), 16)


def crc32(console, addr, length):
    """Run `crc32 addr length` and return the CRC it printed.

    @addr may be a number or a string such as '$loadaddr'. The output
    must be the single line U-Boot prints.
    """
    if isinstance(addr, int):
        addr = f'{addr:x}'
    out = console.run_command(f'crc32 {addr} {length:x}')
    m = re.fullmatch(r'crc32 for [0-9a-f]+ \.\.\. [0-9a-f]+ ==> ([0-9a-f]{8})',
                     out)
    if not m:
        raise ConsoleError(f'crc32 {addr} {length:x} printed {out!r}')
    return int(m.group(1), 16)


def info_entries(console, cmd='virtio info'):
    """What `virtio info` (or @cmd, which lists devices the same way)
    prints, as {devnum: the text of that device's entry}."""
    out = console.run_command(cmd)
    entries = {}
    for part in re.split(r'^(?=Device \d+: )', out, flags=re.M):
        m = re.match(r'Device (\d+): ', part)
        if m:
            entries[int(m.group(1))] = part
    return entries
