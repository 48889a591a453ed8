/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef __UBOOT_CRC_H
#define __UBOOT_CRC_H

#include <linux/types.h>

/**
 * crc32() - CRC-32 as zlib computes it (polynomial 0xedb88320, reflected,
 *	     pre- and post-inverted); crc32(0, "123456789", 9) == 0xcbf43926
 * @crc: the CRC of the data before @buf, or 0 to start
 * @buf:	the data
 * @len:	its length in bytes
 */
u32 crc32(u32 crc, const void *buf, size_t len);

/** crc32_no_comp() - the same without the inversions */
u32 crc32_no_comp(u32 crc, const void *buf, size_t len);

#endif
