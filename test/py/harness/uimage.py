# SPDX-License-Identifier: GPL-2.0-or-later
"""U-Boot's legacy images (mkimage's 64-byte header), made in Python:
u-boot-tools is not among the packages the tests install."""

import struct
import zlib

IH_MAGIC = 0x27051956
IH_TYPE_KERNEL = 2
IH_TYPE_SCRIPT = 6


def script_image(text, itype=IH_TYPE_SCRIPT, name=b'test script'):
    """A legacy image holding @text as a script (mkimage -T script)."""
    body = text.encode()
    data = struct.pack('>II', len(body), 0) + body
    hdr = struct.pack('>7I4B32s', IH_MAGIC, 0, 0, len(data), 0, 0,
                      zlib.crc32(data), 5, 0, itype, 0, name)
    hdr = hdr[:4] + struct.pack('>I', zlib.crc32(hdr)) + hdr[8:]
    return hdr + data
