// SPDX-License-Identifier: GPL-2.0-or-later
/* CRC-32: known vectors (from Python's zlib.crc32) and incremental use. */

#include <test/ut.h>
#include <u-boot/crc.h>
#include <linux/string.h>

static int lib_crc32_vectors(struct unit_test_state *uts)
{
	static const char fox[] = "The quick brown fox jumps over the lazy dog";
	u8 buf[256];
	int i;

	ut_asserteq(0xcbf43926, crc32(0, "123456789", 9));
	ut_asserteq(0x414fa339, crc32(0, fox, strlen(fox)));
	ut_asserteq(0xe8b7be43, crc32(0, "a", 1));
	ut_asserteq(0, crc32(0, "", 0));
	/* no data leaves the CRC as it was */
	ut_asserteq(0x12345678, crc32(0x12345678, buf, 0));

	memset(buf, 0, 32);
	ut_asserteq(0x190a55ad, crc32(0, buf, 32));
	memset(buf, 0xff, 32);
	ut_asserteq(0xff6cab0b, crc32(0, buf, 32));
	for (i = 0; i < 256; i++)
		buf[i] = i;
	ut_asserteq(0x29058c73, crc32(0, buf, 256));

	return 0;
}
UNIT_TEST(lib_crc32_vectors, 0, lib);

/* Any split of the data, at any alignment, gives the same CRC. */
static int lib_crc32_incremental(struct unit_test_state *uts)
{
	u8 buf[300];
	u32 x = 12345, whole;
	int i, off, split;

	for (i = 0; i < sizeof(buf); i++) {
		x = x * 1103515245 + 12345;
		buf[i] = x >> 16;
	}
	for (off = 0; off < 8; off++) {
		size_t len = sizeof(buf) - off;

		whole = crc32(0, buf + off, len);
		for (split = 0; split <= len; split += 7) {
			u32 crc = crc32(0, buf + off, split);

			crc = crc32(crc, buf + off + split, len - split);
			ut_asserteq(whole, crc);
		}
		/* crc32() is crc32_no_comp() with both inversions */
		ut_asserteq(whole, ~crc32_no_comp(~0U, buf + off, len));
	}
	/* a CRC differs if one bit differs */
	whole = crc32(0, buf, sizeof(buf));
	buf[150] ^= 0x10;
	ut_assert(crc32(0, buf, sizeof(buf)) != whole);

	return 0;
}
UNIT_TEST(lib_crc32_incremental, 0, lib);
