// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * inflate: whole streams (made by Python's zlib), the end of a stream,
 * bad data, and inflate_hist()'s history (zlib's preset dictionary,
 * which the qemu-s390x stub uses for the firmware's cold text).
 */

#include <test/ut.h>
#include <inflate.h>
#include <malloc.h>
#include <linux/string.h>

static const char lazy[] =
	"The lazy dog sleeps; the quick brown fox jumps over it.";
static const char fox[] = "The quick brown fox jumps over the lazy dog. ";

/* lazy[], raw DEFLATE with fox[] as zlib's preset dictionary */
static const u8 lazy_z[] = {
	0x0b, 0x41, 0xe2, 0x29, 0x14, 0xe7, 0xa4, 0xa6, 0x16, 0x14,
	0x5b, 0x83, 0x95, 0xe0, 0x31, 0x21, 0xb3, 0x44, 0x0f, 0x00,
};

/* Fixed codes: 'A', then 10 bytes from distance 32768 (the farthest) */
static const u8 far_z[] = { 0x73, 0x44, 0xdc, 0xff, 0x0f, 0x00 };

/* Fixed codes: 3 bytes from distance 5, before anything was written */
static const u8 d5_z[] = { 0x03, 0x12, 0x00 };

/* zlib.compress(b'hello, hello, hello', 9, wbits=-15): no history */
static const u8 hello_z[] = {
	0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0xd7, 0x51, 0xc8, 0x40, 0xa2, 0x00,
};

static int lib_inflate_plain(struct unit_test_state *uts)
{
	char out[32];
	size_t used;

	memset(out, 0, sizeof(out));
	ut_asserteq(19, inflate(out, sizeof(out), hello_z, sizeof(hello_z)));
	ut_asserteq_str("hello, hello, hello", out);
	/* the same with a history: nothing reaches into it */
	memset(out, 0, sizeof(out));
	ut_asserteq(19, inflate_hist(out + 8, sizeof(out) - 8, 8, hello_z,
				     sizeof(hello_z)));
	ut_asserteq_str("hello, hello, hello", out + 8);
	/* room for all but one byte: refused */
	ut_asserteq(-1, inflate(out, 18, hello_z, sizeof(hello_z)));
	/* the stream cut short */
	ut_asserteq(-1, inflate(out, sizeof(out), hello_z, 6));
	/* inflate_len() says where the stream ended */
	ut_asserteq(19, inflate_len(out, sizeof(out), hello_z,
				    sizeof(hello_z), &used));
	ut_asserteq(sizeof(hello_z), used);
	/* a match before the start, with no history */
	ut_asserteq(-1, inflate(out, sizeof(out), d5_z, sizeof(d5_z)));

	return 0;
}
UNIT_TEST(lib_inflate_plain, 0, lib);

static int lib_inflate_history(struct unit_test_state *uts)
{
	size_t hlen = strlen(fox), n = strlen(lazy);
	char buf[128];

	/* zlib's preset dictionary: fox[] right before the output */
	memset(buf, 0, sizeof(buf));
	memcpy(buf, fox, hlen);
	ut_asserteq(n, inflate_hist(buf + hlen, sizeof(buf) - hlen, hlen,
				    lazy_z, sizeof(lazy_z)));
	ut_asserteq_mem(lazy, buf + hlen, n);
	/* the history is read, never written */
	ut_asserteq_mem(fox, buf, hlen);
	/* without it the stream's matches reach before its start */
	ut_asserteq(-1, inflate(buf, sizeof(buf), lazy_z, sizeof(lazy_z)));
	/* the history must be long enough: distance 5 needs 5 bytes */
	memcpy(buf, "abcde", 5);
	ut_asserteq(-1, inflate_hist(buf + 4, 16, 4, d5_z, sizeof(d5_z)));
	ut_asserteq(3, inflate_hist(buf + 5, 16, 5, d5_z, sizeof(d5_z)));
	ut_asserteq_mem("abcdeabc", buf, 8);

	return 0;
}
UNIT_TEST(lib_inflate_history, 0, lib);

/* The farthest distance DEFLATE has: 32768, all of it in the history */
static int lib_inflate_far(struct unit_test_state *uts)
{
	const size_t hist = 32767;
	u8 *buf = malloc(hist + 64);
	int i;

	ut_assertnonnull(buf);
	for (i = 0; i < hist; i++)
		buf[i] = i * 7 + 1;
	/* 'A' lands at hist; the match copies from hist + 1 - 32768 = 0 */
	ut_asserteq(11, inflate_hist(buf + hist, 64, hist, far_z,
				     sizeof(far_z)));
	ut_asserteq('A', buf[hist]);
	for (i = 0; i < 10; i++)
		ut_asserteq((u8)(i * 7 + 1), buf[hist + 1 + i]);
	/* one byte of history short */
	ut_asserteq(-1, inflate_hist(buf + hist, 64, hist - 1, far_z,
				     sizeof(far_z)));
	free(buf);

	return 0;
}
UNIT_TEST(lib_inflate_far, 0, lib);
