// SPDX-License-Identifier: GPL-2.0-or-later
/* Number parsing: U-Boot's simple_strto*() and strict_*, C's strto*(). */

#include <test/ut.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <vsprintf.h>

/* Parse with simple_strtoul() and check the value and the characters used. */
#define check_ul(expect, used, str, base)				\
	do {								\
		const char *_s = (str);					\
		char *_end = NULL;					\
									\
		ut_asserteq(expect, simple_strtoul(_s, &_end, base));	\
		ut_asserteq(used, _end - _s);				\
	} while (0)

static int lib_strto_simple(struct unit_test_state *uts)
{
	check_ul(123, 3, "123", 10);
	check_ul(123, 3, "123", 0);
	check_ul(12, 2, "12abc", 10);
	check_ul(0x12abc, 5, "12abc", 16);
	check_ul(0x1f, 4, "0x1f", 16);
	check_ul(0x1f, 4, "0X1F", 0);
	check_ul(0x1f, 2, "1f", 16);
	check_ul(0xdeadbeef, 8, "DEADbeef", 16);
	check_ul(015, 3, "015", 0);
	check_ul(15, 3, "015", 10);
	check_ul(0, 1, "09", 0);
	check_ul(5, 3, "101", 2);
	/* U-Boot: a "0x" prefix means hex whatever the base */
	check_ul(0x10, 4, "0x10", 10);
	/* ... but only when a hex digit follows it */
	check_ul(0, 1, "0x", 16);
	check_ul(0, 1, "0xg", 0);
	check_ul(0, 0, "", 10);
	check_ul(0, 0, "zz", 10);
	/* no white space or sign skipping */
	check_ul(0, 0, " 12", 10);
	check_ul(0, 0, "+12", 10);
	check_ul(~0UL, 16, "ffffffffffffffff", 16);
	ut_asserteq(7, simple_strtoul("7", NULL, 10));

	ut_asserteq(0x1234, hextoul("1234", NULL));
	ut_asserteq(0x1234, hextoul("0x1234", NULL));
	ut_asserteq(1234, dectoul("1234x", NULL));

	ut_asserteq(-5, simple_strtol("-5", NULL, 10));
	ut_asserteq(-16, simple_strtol("-0x10", NULL, 0));
	ut_asserteq(42, simple_strtol("42", NULL, 0));
	ut_asserteq(-0x123456789LL, simple_strtoll("-123456789", NULL, 16));
	ut_asserteq(0xfedcba9876543210ULL,
		    simple_strtoull("0xfedcba9876543210", NULL, 0));

	return 0;
}
UNIT_TEST(lib_strto_simple, 0, lib);

static int lib_strto_strict(struct unit_test_state *uts)
{
	unsigned long long ull;
	unsigned long ul;

	ut_assertok(strict_strtoul("123", 10, &ul));
	ut_asserteq(123, ul);
	ut_assertok(strict_strtoul("123\n", 10, &ul));
	ut_asserteq(123, ul);
	ut_assertok(strict_strtoul("0x10", 16, &ul));
	ut_asserteq(16, ul);
	ut_assertok(strict_strtoul("ff", 16, &ul));
	ut_asserteq(255, ul);
	ut_assertok(strict_strtoul("0", 0, &ul));
	ut_asserteq(0, ul);

	ul = 99;
	ut_asserteq(-EINVAL, strict_strtoul("", 10, &ul));
	ut_asserteq(0, ul);
	ut_asserteq(-EINVAL, strict_strtoul("abc", 10, &ul));
	ut_asserteq(-EINVAL, strict_strtoul("123 ", 10, &ul));
	ut_asserteq(-EINVAL, strict_strtoul("12x", 10, &ul));
	ut_asserteq(-EINVAL, strict_strtoul("123\n\n", 10, &ul));
	ut_asserteq(-EINVAL, strict_strtoul("\n", 10, &ul));
	ut_asserteq(-EINVAL, strict_strtoul("-1", 10, &ul));
	ut_asserteq(-EINVAL, strict_strtoul("0x", 16, &ul));
	ut_asserteq(-EINVAL, strict_strtoul("8", 8, &ul));
	ut_asserteq(0, ul);

	/* values that do not fit are refused, not wrapped */
	if (sizeof(ul) == 8) {
		ut_assertok(strict_strtoul("ffffffffffffffff", 16, &ul));
		ut_asserteq(~0UL, ul);
		ut_asserteq(-EINVAL,
			    strict_strtoul("10000000000000000", 16, &ul));
		ut_asserteq(-EINVAL,
			    strict_strtoul("18446744073709551616", 10, &ul));
	}
	ut_assertok(strict_strtoull("18446744073709551615", 10, &ull));
	ut_asserteq(~0ULL, ull);
	ut_asserteq(-EINVAL, strict_strtoull("18446744073709551616", 10, &ull));
	ut_asserteq(-EINVAL, strict_strtoull("1 2", 10, &ull));
	ut_asserteq(0, ull);

	return 0;
}
UNIT_TEST(lib_strto_strict, 0, lib);

static int lib_strto_c(struct unit_test_state *uts)
{
	const char *s;
	char *end;

	s = "  +12z";
	ut_asserteq(12, strtoul(s, &end, 10));
	ut_asserteq(5, end - s);
	s = "zz";
	ut_asserteq(0, strtoul(s, &end, 10));
	ut_asserteq_str(s, end);
	ut_asserteq(1295, strtoul(s, &end, 36));
	ut_asserteq(2, end - s);
	s = "  -";
	ut_asserteq(0, strtol(s, &end, 10));
	ut_asserteq(0, end - s);
	ut_asserteq(~0UL, strtoul("-1", NULL, 10));
	ut_asserteq(8, strtoul("010", NULL, 0));
	ut_asserteq(10, strtoul("010", NULL, 10));
	ut_asserteq(0x1a, strtoul("0x1a", NULL, 0));
	ut_asserteq(0x1a, strtoul("0x1a", NULL, 16));
	ut_asserteq(0, strtoul("0x1a", NULL, 10));
	s = "0xq";
	ut_asserteq(0, strtoul(s, &end, 0));
	ut_asserteq(1, end - s);
	ut_asserteq(11, strtoull("1011", NULL, 2));
	ut_asserteq(-42, strtol("\t-42", NULL, 0));
	s = "12";
	ut_asserteq(0, strtoul(s, &end, 1));
	ut_asserteq(0, end - s);

	/* overflow saturates */
	ut_asserteq(~0ULL, strtoull("99999999999999999999999", NULL, 10));
	ut_asserteq(~0ULL, strtoull("-99999999999999999999999", NULL, 10));
	if (sizeof(long) == 8) {
		ut_asserteq(0x7fffffffffffffffLL,
			    strtol("9223372036854775807", NULL, 10));
		ut_asserteq(0x7fffffffffffffffLL,
			    strtol("9223372036854775808", NULL, 10));
		ut_asserteq((long long)(1ULL << 63),
			    strtol("-9223372036854775808", NULL, 10));
		ut_asserteq((long long)(1ULL << 63),
			    strtol("-9223372036854775809", NULL, 10));
		ut_asserteq(~0UL, strtoul("18446744073709551616", NULL, 10));
	}

	return 0;
}
UNIT_TEST(lib_strto_c, 0, lib);
