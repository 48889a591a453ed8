# SPDX-License-Identifier: GPL-2.0-or-later
"""What U-Boot's md prints for given bytes: the oracle the memory tests use.

Written from U-Boot 2023.01's output, not from virtboot's code: the
address (%08lx), the objects in hex, a short last line padded, two spaces,
the bytes as text with anything outside 0x20-0x7e shown as '.'.
"""

LINE_BYTES = 16


def md_text(addr, data, size, endian):
    """The lines `md.<size> addr <len(data)/size>` prints for @data."""
    per_line = LINE_BYTES // size
    lines = []
    for off in range(0, len(data), LINE_BYTES):
        chunk = data[off:off + LINE_BYTES]
        words = [int.from_bytes(chunk[i:i + size], endian)
                 for i in range(0, len(chunk), size)]
        hexes = ''.join(f' {w:0{size * 2}x}' for w in words)
        hexes += ' ' * ((size * 2 + 1) * (per_line - len(words)))
        text = ''.join(chr(b) if 0x20 <= b < 0x7f else '.' for b in chunk)
        lines.append(f'{addr + off:08x}:{hexes}  {text}')
    return '\n'.join(lines)


SIZES = {'b': 1, 'w': 2, 'l': 4, 'q': 8}
