// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lib/regex.c: matches (where, how long, the groups) against what
 * Python's re module gives for the same patterns, bad patterns refused,
 * and a search too deep for the stack stopped.
 */

#include <errno.h>
#include <malloc.h>
#include <regex.h>
#include <test/ut.h>
#include <linux/string.h>

struct rx_case {
	const char *re, *subject;
	int start, len;		/* -1: no match */
	int g1_start, g1_len;	/* group 1, -1: none */
};

static const struct rx_case rx_cases[] = {
	{ "o", "hello world", 4, 1, -1, 0 },
	{ "l+", "hello", 2, 2, -1, 0 },
	{ "(l+)o", "hello", 2, 3, 2, 2 },
	{ "^h", "hello", 0, 1, -1, 0 },
	{ "^e", "hello", -1, 0, -1, 0 },
	{ "o$", "hello", 4, 1, -1, 0 },
	{ "l$", "hello", -1, 0, -1, 0 },
	{ "[aeiou]", "xyz_e", 4, 1, -1, 0 },
	{ "[^a-z]", "abc1d", 3, 1, -1, 0 },
	{ "[a-c]+", "xxbcay", 2, 3, -1, 0 },
	{ "\\d+", "ab123c", 2, 3, -1, 0 },
	{ "\\s\\S", "a  b", 2, 2, -1, 0 },
	{ "\\w+", "  ab_9-", 2, 4, -1, 0 },
	{ "\\W", "ab-", 2, 1, -1, 0 },
	{ "a.c", "xabcx", 1, 3, -1, 0 },
	{ "\\.", "a.b", 1, 1, -1, 0 },
	{ "colou?r", "my color", 3, 5, -1, 0 },
	{ "colou?r", "my colour", 3, 6, -1, 0 },
	{ "a|b", "cba", 1, 1, -1, 0 },
	{ "cat|dog", "hotdog", 3, 3, -1, 0 },
	{ "(ab)+", "xababab", 1, 6, 5, 2 },
	{ "(a|b)c", "zbc", 1, 2, 1, 1 },
	{ "a.*b", "aXbYb", 0, 5, -1, 0 },
	{ "a.*?b", "aXbYb", 0, 3, -1, 0 },
	{ "x*", "abc", 0, 0, -1, 0 },
	{ "a+?", "aaa", 0, 1, -1, 0 },
	{ "(\\d+)-(\\d+)", "v 10-22", 2, 5, 2, 2 },
	{ "z", "abc", -1, 0, -1, 0 },
	{ "", "abc", 0, 0, -1, 0 },
};

static int lib_regex_cases(struct unit_test_state *uts)
{
	static const char foo[] = "foo", ab[] = "ab";
	struct regex_cap caps[REGEX_MAX_CAPS];
	int i, ret;

	for (i = 0; i < ARRAY_SIZE(rx_cases); i++) {
		const struct rx_case *c = &rx_cases[i];

		ret = regex_search(c->re, c->subject, c->subject, caps,
				   REGEX_MAX_CAPS);
		if (c->start < 0) {
			ut_asserteq(-ENOENT, ret);
			continue;
		}
		ut_assertok(ret);
		ut_asserteq(c->start, (int)(caps[0].ptr - c->subject));
		ut_asserteq(c->len, caps[0].len);
		if (c->g1_start >= 0) {
			ut_asserteq(c->g1_start, (int)(caps[1].ptr - c->subject));
			ut_asserteq(c->g1_len, caps[1].len);
		}
	}
	/* a start point inside the subject; '^' only at its real start */
	ut_assertok(regex_search("o", foo, &foo[2], caps, 1));
	ut_asserteq_ptr(&foo[2], caps[0].ptr);
	ut_asserteq(0, regex_search("b", ab, &ab[1], NULL, 0));
	ut_asserteq(-ENOENT, regex_search("^b", ab, &ab[1], NULL, 0));
	return 0;
}
UNIT_TEST(lib_regex_cases, 0, lib);

static int lib_regex_bad(struct unit_test_state *uts)
{
	static const char *const bad[] = {
		"(", "(a", "a)", "[ab", "*a", "+", "?", "a\\", "(*)", "a|*",
	};
	char *deep, *subject;
	int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		ut_asserteq(-EINVAL, regex_check(bad[i]));
		ut_asserteq(-EINVAL, regex_search(bad[i], "a", "a", NULL, 0));
	}
	/* a group repeated past the depth limit: refused, no crash */
	subject = malloc(5001);
	ut_assertnonnull(subject);
	memset(subject, 'a', 5000);
	subject[5000] = 0;
	ut_asserteq(-E2BIG, regex_search("(a)*b", subject, subject, NULL, 0));
	/* a character repeated is not deep: any length */
	ut_assertok(regex_search("a*$", subject, subject, NULL, 0));
	free(subject);
	/* groups nested deeply are a pattern, not a search: fine */
	deep = malloc(2 * 50 + 2);
	ut_assertnonnull(deep);
	memset(deep, '(', 50);
	deep[50] = 'a';
	memset(deep + 51, ')', 50);
	deep[101] = 0;
	ut_assertok(regex_search(deep, "xa", "xa", NULL, 0));
	free(deep);
	return 0;
}
UNIT_TEST(lib_regex_bad, 0, lib);
