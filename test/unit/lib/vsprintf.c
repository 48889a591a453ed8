// SPDX-License-Identifier: GPL-2.0-or-later
/* The printf family: conversions, flags, lengths, truncation. */

#include <test/ut.h>
#include <linux/string.h>
#include <vsprintf.h>

/*
 * Format into a buffer with guard bytes behind it; fail the test if the
 * output or the returned length is not the expected one.
 */
#define check(expect, fmt, ...)						\
	do {								\
		char _buf[128];						\
		int _n;							\
									\
		memset(_buf, 'G', sizeof(_buf));			\
		_n = snprintf(_buf, 100, fmt, ##__VA_ARGS__);		\
		ut_asserteq_str(expect, _buf);				\
		ut_asserteq(strlen(expect), _n);			\
		ut_asserteq('G', _buf[100]);				\
	} while (0)

/* The formats tested on purpose include some the compiler frowns at. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-overflow"
#endif

static int lib_printf_int(struct unit_test_state *uts)
{
	check("0", "%d", 0);
	check("-1", "%d", -1);
	check("2147483647 -2147483648", "%d %d", 0x7fffffff,
	      -0x7fffffff - 1);
	check("42", "%i", 42);
	check("4294967295", "%u", 0xffffffffU);
	check("[   42]", "[%5d]", 42);
	check("[42   ]", "[%-5d]", 42);
	check("[00042]", "[%05d]", 42);
	check("[-0042]", "[%05d]", -42);
	check("[  -42]", "[%5d]", -42);
	check("[-42  ]", "[%-05d]", -42);
	check("+5 -5 +0", "%+d %+d %+d", 5, -5, 0);
	check(" 5 -5", "% d % d", 5, -5);
	check("+5", "% +d", 5);
	check("123", "%2d", 123);
	/* precision: minimum digits; it turns the '0' flag off */
	check("007", "%.3d", 7);
	check("    -007", "%8.3d", -7);
	check("     007", "%08.3d", 7);
	check("", "%.0d", 0);
	check("[   ]", "[%3.0d]", 0);
	check("", "%.0d%.0u%.0x", 0, 0U, 0U);
	/* '*' width and precision, negative width means '-' */
	check("[   42]", "[%*d]", 5, 42);
	check("[42   ]", "[%*d]", -5, 42);
	check("[42   ]", "[%-*d]", 5, 42);
	check("[00042]", "[%.*d]", 5, 42);
	check("[42]", "[%.*d]", -3, 42);
	check("[  0042]", "[%*.*d]", 6, 4, 42);

	return 0;
}
UNIT_TEST(lib_printf_int, 0, lib);

static int lib_printf_hex_oct(struct unit_test_state *uts)
{
	check("ff FF 377", "%x %X %o", 255, 255, 255);
	check("0xff 0XFF 0377", "%#x %#X %#o", 255, 255, 255);
	check("0 0", "%#x %#o", 0, 0);
	check("0x00ff", "%#06x", 255);
	check("  0xff", "%#6x", 255);
	check("0xff  ", "%-#6x", 255);
	check("0x001", "%#.3x", 1);
	check("01", "%#.2o", 1);
	check("0", "%#.0o", 0);
	check("deadbeef", "%x", 0xdeadbeefU);
	check("0000beef", "%08x", 0xbeef);
	check("ffffffff", "%x", -1);
	check("37777777777", "%o", -1);

	return 0;
}
UNIT_TEST(lib_printf_hex_oct, 0, lib);

static int lib_printf_length(struct unit_test_state *uts)
{
	check("123456789abcdef0", "%llx", 0x123456789abcdef0ULL);
	check("FEDCBA9876543210", "%llX", 0xfedcba9876543210ULL);
	check("18446744073709551615", "%llu", ~0ULL);
	check("-9223372036854775808", "%lld", (long long)(1ULL << 63));
	check("9223372036854775807", "%lld", (long long)(~0ULL >> 1));
	check("1777777777777777777777", "%llo", ~0ULL);
	check("0x00000000deadbeef", "%#018llx", 0xdeadbeefULL);
	check("-1", "%ld", -1L);
	check("-1 255", "%hhd %hhu", 255, 255);
	check("5 -128", "%hhu %hhd", 256 + 5, 128);
	check("-1 65535 2345", "%hd %hu %hx", 0xffff, 0xffff, 0x12345);
	check("4096 -3", "%zu %zd", (size_t)4096, (ssize_t)-3);
	check("-8 8", "%td %tu", (ptrdiff_t)-8, (ptrdiff_t)8);
	check("-9 ffffffffffffffff", "%jd %jx", (intmax_t)-9,
	      (uintmax_t)~0ULL);
	check("1 2 3", "%d %ld %lld", 1, 2L, 3LL);
	/* a long argument does not eat the next int */
	check("100000000 7", "%lx %d", 1UL << 32, 7);

	return 0;
}
UNIT_TEST(lib_printf_length, 0, lib);

static int lib_printf_str_char_ptr(struct unit_test_state *uts)
{
	static const u8 mac[6] = { 0x52, 0x54, 0, 0x0a, 0xbc, 0xff };
	phys_addr_t phys;
	char expect[40];
	int i;

	check("hello", "%s", "hello");
	check("[  abc]", "[%5s]", "abc");
	check("[abc  ]", "[%-5s]", "abc");
	check("[ab]", "[%.2s]", "abc");
	check("[   ab]", "[%5.2s]", "abc");
	check("[abc]", "[%.*s]", 3, "abcdef");
	check("<NULL>", "%s", (char *)NULL);
	check("x", "%c", 'x');
	check("[  x]", "[%3c]", 'x');
	check("[x  ]", "[%-3c]", 'x');
	check("100%", "%d%%", 100);
	check("a%yb", "a%yb");
	check("tail%", "tail%");

	/* %p: lower-case hex, no "0x", as wide as a pointer by default */
	for (i = 0; i < 2 * (int)sizeof(void *) - 4; i++)
		expect[i] = '0';
	strcpy(expect + i, "abcd");
	check(expect, "%p", (void *)0xabcd);
	for (i = 0; i < 2 * (int)sizeof(void *); i++)
		expect[i] = '0';
	expect[i] = '\0';
	check(expect, "%p", NULL);
	check("[    abcd]", "[%8p]", (void *)0xabcd);
	check("[abcd    ]", "[%-8p]", (void *)0xabcd);
	check("0xabcd", "%#1p", (void *)0xabcd);
	/*
	 * Letters after %p are U-Boot's extensions: %pa is a phys_addr_t,
	 * %pM a MAC address; unknown ones print the pointer
	 */
	check("[1]", "[%1pZ]", (void *)1);
	check("[1 x]", "[%1pZAC x]", (void *)1);
	check("52:54:00:0a:bc:ff x", "%pM x", mac);
	phys = 0x12345678;
	check("0x0000000012345678", "%pa", &phys);
	check("0x0000000012345678.", "%pap.", &phys);

	return 0;
}
UNIT_TEST(lib_printf_str_char_ptr, 0, lib);

static int lib_printf_truncate(struct unit_test_state *uts)
{
	char buf[16];
	int n;

	memset(buf, 'G', sizeof(buf));
	n = snprintf(buf, 5, "%s", "hello world");
	ut_asserteq(11, n);
	ut_asserteq_str("hell", buf);
	ut_asserteq('G', buf[5]);

	/* size 1: only the terminator */
	memset(buf, 'G', sizeof(buf));
	ut_asserteq(3, snprintf(buf, 1, "%d", 123));
	ut_asserteq(0, buf[0]);
	ut_asserteq('G', buf[1]);

	/* size 0: nothing written, the buffer may be NULL */
	ut_asserteq(6, snprintf(NULL, 0, "%06d", 1));
	memset(buf, 'G', sizeof(buf));
	ut_asserteq(3, snprintf(buf, 0, "abc"));
	ut_asserteq('G', buf[0]);

	/* a number cut in the middle */
	ut_asserteq(8, snprintf(buf, 4, "%08x", 0x1234));
	ut_asserteq_str("000", buf);

	/* scnprintf() returns what was stored */
	ut_asserteq(4, scnprintf(buf, 5, "%s", "hello world"));
	ut_asserteq_str("hell", buf);
	ut_asserteq(2, scnprintf(buf, 5, "%s", "hi"));
	ut_asserteq(0, scnprintf(buf, 0, "%s", "hi"));

	/* exactly filling the buffer */
	ut_asserteq(15, snprintf(buf, 16, "%015d", 7));
	ut_asserteq_str("000000000000007", buf);
	ut_asserteq(16, snprintf(buf, 16, "%016d", 7));
	ut_asserteq_str("000000000000000", buf);

	ut_asserteq(9, sprintf(buf, "%s-%d", "abc", -1234));
	ut_asserteq_str("abc--1234", buf);

	return 0;
}
UNIT_TEST(lib_printf_truncate, 0, lib);
