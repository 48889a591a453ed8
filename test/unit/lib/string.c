// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * String and memory functions. The word-at-a-time paths of memcpy(),
 * memmove() and memset() are checked against byte-by-byte reference
 * loops for every small size and every alignment of both ends.
 */

#include <test/ut.h>
#include <linux/string.h>
#include <malloc.h>

#define AREA	96
#define GUARD	0xa5

static void fill(u8 *buf, size_t len, u8 seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		buf[i] = seed + i * 7;
}

static int lib_string_memcpy_memset(struct unit_test_state *uts)
{
	u8 src[AREA], dst[AREA], ref[AREA];
	int so, doff, n, i;

	fill(src, AREA, 1);
	for (so = 0; so < 9; so++) {
		for (doff = 0; doff < 9; doff++) {
			for (n = 0; n < AREA - 9; n++) {
				memset(dst, GUARD, AREA);
				for (i = 0; i < AREA; i++)
					ref[i] = GUARD;
				for (i = 0; i < n; i++)
					ref[doff + i] = src[so + i];
				ut_asserteq_ptr(dst + doff,
						memcpy(dst + doff, src + so, n));
				ut_assertf(!memcmp(dst, ref, AREA),
					   "memcpy so=%d do=%d n=%d", so, doff,
					   n);
			}
		}
	}

	for (doff = 0; doff < 9; doff++) {
		for (n = 0; n < AREA - 9; n++) {
			memset(dst, GUARD, AREA);
			ut_asserteq_ptr(dst + doff, memset(dst + doff, 0x3c, n));
			for (i = 0; i < AREA; i++) {
				u8 want = i >= doff && i < doff + n ? 0x3c :
								      GUARD;

				ut_assertf(dst[i] == want,
					   "memset do=%d n=%d at %d", doff, n,
					   i);
			}
		}
	}
	/* only the low byte of the value counts */
	memset(dst, 0x1ff, 20);
	ut_asserteq(0xff, dst[19]);

	return 0;
}
UNIT_TEST(lib_string_memcpy_memset, 0, lib);

/* Overlapping moves in both directions, every size, offset and distance. */
static int lib_string_memmove(struct unit_test_state *uts)
{
	u8 buf[AREA], ref[AREA], tmp[AREA];
	int from, to, n, i;

	for (from = 0; from < 24; from++) {
		for (to = 0; to < 24; to++) {
			for (n = 0; n < AREA - 24; n += (n < 20 ? 1 : 5)) {
				fill(buf, AREA, 3);
				fill(ref, AREA, 3);
				for (i = 0; i < n; i++)
					tmp[i] = ref[from + i];
				for (i = 0; i < n; i++)
					ref[to + i] = tmp[i];
				ut_asserteq_ptr(buf + to,
						memmove(buf + to, buf + from, n));
				ut_assertf(!memcmp(buf, ref, AREA),
					   "memmove from=%d to=%d n=%d", from,
					   to, n);
			}
		}
	}

	return 0;
}
UNIT_TEST(lib_string_memmove, 0, lib);

static int lib_string_mem_search(struct unit_test_state *uts)
{
	static const u8 a[] = { 1, 2, 3, 0x80 }, b[] = { 1, 2, 3, 0x7f };
	u8 buf[16];

	ut_asserteq(0, memcmp(a, b, 3));
	ut_assert(memcmp(a, b, 4) > 0);	/* bytes compare unsigned */
	ut_assert(memcmp(b, a, 4) < 0);
	ut_asserteq(0, memcmp(a, b, 0));

	ut_asserteq_ptr(a + 2, memchr(a, 3, 4));
	ut_asserteq_ptr(a + 3, memchr(a, 0x80, 4));
	ut_asserteq_ptr(a + 3, memchr(a, 0x180, 4));
	ut_assertnull(memchr(a, 3, 2));
	ut_assertnull(memchr(a, 9, 4));

	memset(buf, 0xff, sizeof(buf));
	ut_assertnull(memchr_inv(buf, 0xff, sizeof(buf)));
	buf[11] = 0;
	ut_asserteq_ptr(buf + 11, memchr_inv(buf, 0xff, sizeof(buf)));
	ut_assertnull(memchr_inv(buf, 0xff, 11));

	return 0;
}
UNIT_TEST(lib_string_mem_search, 0, lib);

static int lib_string_compare(struct unit_test_state *uts)
{
	ut_asserteq(0, strlen(""));
	ut_asserteq(5, strlen("hello"));
	ut_asserteq(3, strnlen("hello", 3));
	ut_asserteq(5, strnlen("hello", 10));
	ut_asserteq(0, strnlen("hello", 0));

	ut_asserteq(0, strcmp("abc", "abc"));
	ut_assert(strcmp("abc", "abd") < 0);
	ut_assert(strcmp("abd", "abc") > 0);
	ut_assert(strcmp("ab", "abc") < 0);
	ut_assert(strcmp("abc", "ab") > 0);
	ut_assert(strcmp("\x80", "\x7f") > 0);	/* unsigned chars */
	ut_asserteq(0, strncmp("abcX", "abcY", 3));
	ut_assert(strncmp("abcX", "abcY", 4) < 0);
	ut_asserteq(0, strncmp("ab", "ab", 10));
	ut_asserteq(0, strncmp("x", "y", 0));

	ut_asserteq(0, strcasecmp("Hello", "hELLO"));
	ut_assert(strcasecmp("apple", "Banana") < 0);
	ut_assert(strcasecmp("abc", "AB") > 0);
	ut_asserteq(0, strncasecmp("VIRTIO0", "virtio1", 6));
	ut_assert(strncasecmp("VIRTIO0", "virtio1", 7) < 0);

	return 0;
}
UNIT_TEST(lib_string_compare, 0, lib);

static int lib_string_copy(struct unit_test_state *uts)
{
	char buf[16];

	ut_asserteq_ptr(buf, strcpy(buf, "abc"));
	ut_asserteq_str("abc", buf);

	memset(buf, 'G', sizeof(buf));
	ut_asserteq_ptr(buf, strncpy(buf, "ab", 5));
	ut_asserteq_mem("ab\0\0\0G", buf, 6);	/* padded with NULs */
	memset(buf, 'G', sizeof(buf));
	strncpy(buf, "abcdef", 3);
	ut_asserteq_mem("abcG", buf, 4);	/* not terminated */

	memset(buf, 'G', sizeof(buf));
	ut_asserteq(11, strlcpy(buf, "hello world", 6));
	ut_asserteq_str("hello", buf);
	ut_asserteq('G', buf[6]);
	ut_asserteq(2, strlcpy(buf, "hi", sizeof(buf)));
	ut_asserteq_str("hi", buf);
	buf[0] = 'G';
	ut_asserteq(2, strlcpy(buf, "hi", 0));
	ut_asserteq('G', buf[0]);

	strcpy(buf, "abc");
	ut_asserteq(6, strlcat(buf, "def", sizeof(buf)));
	ut_asserteq_str("abcdef", buf);
	ut_asserteq(9, strlcat(buf, "xyz", 8));
	ut_asserteq_str("abcdefx", buf);
	/* no terminator within size: nothing appended */
	ut_asserteq(5, strlcat(buf, "xy", 3));
	ut_asserteq_str("abcdefx", buf);

	strcpy(buf, "ab");
	ut_asserteq_ptr(buf, strcat(buf, "cd"));
	ut_asserteq_str("abcd", buf);
	ut_asserteq_ptr(buf, strncat(buf, "efgh", 2));
	ut_asserteq_str("abcdef", buf);
	strncat(buf, "g", 10);
	ut_asserteq_str("abcdefg", buf);

	return 0;
}
UNIT_TEST(lib_string_copy, 0, lib);

static int lib_string_search(struct unit_test_state *uts)
{
	static const char s[] = "virtio-blk virtio-scsi";

	ut_asserteq_ptr(s + 6, strchr(s, '-'));
	ut_asserteq_ptr(s + strlen(s), strchr(s, '\0'));
	ut_assertnull(strchr(s, 'z'));
	ut_asserteq_ptr(s + 17, strrchr(s, '-'));
	ut_asserteq_ptr(s + strlen(s), strrchr(s, '\0'));
	ut_assertnull(strrchr(s, 'z'));

	ut_asserteq_ptr(s + 11, strstr(s, "virtio-s"));
	ut_asserteq_ptr(s, strstr(s, ""));
	ut_asserteq_ptr(s + 18, strstr(s, "scsi"));
	ut_assertnull(strstr(s, "scsix"));
	ut_assertnull(strstr("", "a"));

	ut_asserteq(6, strspn(s, "virtoab"));
	ut_asserteq(0, strspn(s, ""));
	ut_asserteq(6, strcspn(s, "- "));
	ut_asserteq(strlen(s), strcspn(s, "#"));
	ut_asserteq_ptr(s + 6, strpbrk(s, " -"));
	ut_assertnull(strpbrk(s, "#!"));

	return 0;
}
UNIT_TEST(lib_string_search, 0, lib);

static int lib_string_sep_dup_trim(struct unit_test_state *uts)
{
	char buf[32], *p, *tok, *copy;

	strcpy(buf, "a,b,,c");
	p = buf;
	ut_asserteq_str("a", strsep(&p, ","));
	ut_asserteq_str("b", strsep(&p, ","));
	ut_asserteq_str("", strsep(&p, ","));
	tok = strsep(&p, ",");
	ut_asserteq_str("c", tok);
	ut_assertnull(p);
	ut_assertnull(strsep(&p, ","));

	copy = strdup("virtboot");
	ut_assertnonnull(copy);
	ut_asserteq_str("virtboot", copy);
	free(copy);
	copy = strndup("virtboot", 4);
	ut_assertnonnull(copy);
	ut_asserteq_str("virt", copy);
	free(copy);
	copy = strndup("ab", 10);
	ut_asserteq_str("ab", copy);
	free(copy);

	strcpy(buf, " \t hello world \n ");
	p = strim(buf);
	ut_asserteq_str("hello world", p);
	strcpy(buf, "   ");
	ut_asserteq_str("", strim(buf));
	strcpy(buf, "x");
	ut_asserteq_ptr(buf, strim(buf));

	return 0;
}
UNIT_TEST(lib_string_sep_dup_trim, 0, lib);
