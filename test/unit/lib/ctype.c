// SPDX-License-Identifier: GPL-2.0-or-later
/* ctype: every value from EOF to 255 against the ASCII classes. */

#include <test/ut.h>
#include <linux/ctype.h>
#include <linux/string.h>

static bool in(const char *set, int c)
{
	return c > 0 && c < 0x80 && strchr(set, c);
}

static int lib_ctype_classes(struct unit_test_state *uts)
{
	static const char upper[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	static const char lower[] = "abcdefghijklmnopqrstuvwxyz";
	static const char digit[] = "0123456789";
	static const char xdigit[] = "0123456789abcdefABCDEF";
	static const char space[] = " \t\n\v\f\r";
	static const char punct[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
	int c;

	for (c = -1; c < 256; c++) {
		bool up = in(upper, c), lo = in(lower, c), di = in(digit, c);
		bool pu = in(punct, c);
		bool ctl = (c >= 0 && c < 0x20) || c == 0x7f;

		ut_assertf(!!isupper(c) == up, "isupper(%d)", c);
		ut_assertf(!!islower(c) == lo, "islower(%d)", c);
		ut_assertf(!!isdigit(c) == di, "isdigit(%d)", c);
		ut_assertf(!!isalpha(c) == (up || lo), "isalpha(%d)", c);
		ut_assertf(!!isalnum(c) == (up || lo || di), "isalnum(%d)", c);
		ut_assertf(!!isxdigit(c) == in(xdigit, c), "isxdigit(%d)", c);
		ut_assertf(!!isspace(c) == in(space, c), "isspace(%d)", c);
		ut_assertf(!!ispunct(c) == pu, "ispunct(%d)", c);
		ut_assertf(!!iscntrl(c) == ctl, "iscntrl(%d)", c);
		ut_assertf(!!isgraph(c) == (up || lo || di || pu),
			   "isgraph(%d)", c);
		ut_assertf(!!isprint(c) == (up || lo || di || pu || c == ' '),
			   "isprint(%d)", c);
		if (up)
			ut_asserteq(lower[c - 'A'], tolower(c));
		else
			ut_asserteq(c, tolower(c));
		if (lo)
			ut_asserteq(upper[c - 'a'], toupper(c));
		else
			ut_asserteq(c, toupper(c));
	}

	return 0;
}
UNIT_TEST(lib_ctype_classes, 0, lib);
