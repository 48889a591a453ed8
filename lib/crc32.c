// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * CRC-32 as zlib and U-Boot compute it: the reflected polynomial
 * 0xedb88320, register and result inverted.
 *
 * Four tables of 256 entries let the loop fold four bytes per step
 * ("slicing by four"); the tables are built on first use, so nothing
 * here depends on the byte order of the machine.
 */

#include <linux/types.h>
#include <u-boot/crc.h>

#define CRC32_POLY	0xedb88320

static u32 crc_table[4][256];
static bool crc_table_ready;

static void crc32_make_tables(void)
{
	unsigned int i, k;

	for (i = 0; i < 256; i++) {
		u32 c = i;

		for (k = 0; k < 8; k++)
			c = (c & 1) ? (c >> 1) ^ CRC32_POLY : c >> 1;
		crc_table[0][i] = c;
	}
	/* table[k][i]: the CRC of byte i followed by k zero bytes */
	for (i = 0; i < 256; i++) {
		u32 c = crc_table[0][i];

		for (k = 1; k < 4; k++) {
			c = crc_table[0][c & 0xff] ^ (c >> 8);
			crc_table[k][i] = c;
		}
	}
	crc_table_ready = true;
}

u32 crc32_no_comp(u32 crc, const void *buf, size_t len)
{
	const u8 *p = buf;

	if (!crc_table_ready)
		crc32_make_tables();

	while (len >= 4) {
		crc ^= p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 |
		       (u32)p[3] << 24;
		crc = crc_table[3][crc & 0xff] ^
		      crc_table[2][(crc >> 8) & 0xff] ^
		      crc_table[1][(crc >> 16) & 0xff] ^
		      crc_table[0][crc >> 24];
		p += 4;
		len -= 4;
	}
	while (len--)
		crc = crc_table[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);

	return crc;
}

u32 crc32(u32 crc, const void *buf, size_t len)
{
	return ~crc32_no_comp(~crc, buf, len);
}
