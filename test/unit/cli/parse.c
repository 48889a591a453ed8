// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The shell's parser and word expansion: how a line is cut into words,
 * what quotes and escapes do, how variables expand, and which scripts
 * are syntax errors.
 */
#include <test/ut.h>
#include <cli_hush.h>
#include <env.h>
#include <malloc.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <vsprintf.h>

/*
 * Expand @line and compare with the @n expected words; the words are
 * given as one string, separated by '|'.
 */
static int check_words(struct unit_test_state *uts, const char *line,
		       int n, const char *words)
{
	char **argv;
	int argc, i;

	ut_assertok(cli_hush_expand(line, &argc, &argv));
	ut_asserteq(n, argc);
	for (i = 0; i < argc; i++) {
		size_t len = strcspn(words, "|");

		ut_assertf(strlen(argv[i]) == len &&
			   !strncmp(argv[i], words, len),
			   "line %s: word %d is \"%s\"", line, i, argv[i]);
		words += len + (words[len] == '|');
	}
	ut_assertnull(argv[argc]);
	free(argv);
	return 0;
}

#define words(line, n, expect) \
	ut_assertok(check_words(uts, line, n, expect))

static int cli_parse_words(struct unit_test_state *uts)
{
	words("echo a b", 3, "echo|a|b");
	words("  echo\ta    b  ", 3, "echo|a|b");
	words("", 0, "");
	words("   ", 0, "");
	words("echo a # a comment", 2, "echo|a");
	words("echo a#b #c", 2, "echo|a#b");
	words("# only a comment", 0, "");
	/* these are ordinary characters in U-Boot's hush */
	words("test a < b > c", 6, "test|a|<|b|>|c");
	return 0;
}
UNIT_TEST(cli_parse_words, 0, cli);

static int cli_parse_quotes(struct unit_test_state *uts)
{
	words("echo 'a b' \"c  d\"", 3, "echo|a b|c  d");
	words("a'b'\"c\"d", 1, "abcd");
	words("''", 1, "");
	words("\"\" x", 2, "|x");
	words("'$ut_none \\ \"'", 1, "$ut_none \\ \"");
	words("e\\ f\\'g", 1, "e f'g");
	/* in double quotes \ escapes only $ " \ ` */
	words("\"a\\\"b\\$c\\\\d\\e\"", 1, "a\"b$c\\d\\e");
	words("'multi\nline'", 1, "multi\nline");
	words("a\\\nb", 1, "ab");
	words("trailing\\", 1, "trailing\\");
	words("\"if\" then", 2, "if|then");
	return 0;
}
UNIT_TEST(cli_parse_quotes, 0, cli);

static int cli_parse_expand(struct unit_test_state *uts)
{
	ut_assertok(env_set("ut_v", "x  y"));
	ut_assertok(env_set("ut_w", "w"));
	words("$ut_v", 2, "x|y");
	words("\"$ut_v\"", 1, "x  y");
	words("pre$ut_v", 2, "prex|y");
	words("${ut_v}z", 2, "x|yz");
	words("$ut_w$ut_w ${ut_w}", 2, "ww|w");
	words("$ut_w.txt", 1, "w.txt");
	/* an unset variable vanishes unless quoted */
	words("a $ut_none b", 2, "a|b");
	words("a \"$ut_none\" b", 3, "a||b");
	words("${ut_none:-d e} \"${ut_none:-d e}\"", 3, "d|e|d e");
	words("${ut_w:-d}", 1, "w");
	/* a lone $ and $ before a non-name stay as they are */
	words("$ a$ $1 $-", 4, "$|a$|$1|$-");
	words("'$ut_w'", 1, "$ut_w");
	ut_assertok(set_local_var("ut_loc", "local"));
	words("$ut_loc", 1, "local");
	/* the environment wins over a local variable of the same name */
	ut_assertok(set_local_var("ut_w", "other"));
	words("$ut_w", 1, "w");
	unset_local_var("ut_w");
	unset_local_var("ut_loc");
	ut_assertnull(get_local_var("ut_loc"));
	env_set("ut_v", NULL);
	env_set("ut_w", NULL);
	return 0;
}
UNIT_TEST(cli_parse_expand, 0, cli);

static int cli_parse_expand_errors(struct unit_test_state *uts)
{
	char **argv;
	int argc;

	ut_asserteq(-EINVAL, cli_hush_expand("echo 'x", &argc, &argv));
	ut_asserteq(-EINVAL, cli_hush_expand("echo \"x", &argc, &argv));
	ut_asserteq(-EINVAL, cli_hush_expand("a; b", &argc, &argv));
	ut_asserteq(-EINVAL, cli_hush_expand("a && b", &argc, &argv));
	ut_asserteq(-EINVAL, cli_hush_expand("if a; then b; fi", &argc,
					     &argv));
	ut_asserteq(-EINVAL, cli_hush_expand("! a", &argc, &argv));
	return 0;
}
UNIT_TEST(cli_parse_expand_errors, 0, cli);

#define ok(script) ut_assertok(cli_hush_check(script, NULL))

/* @script must be refused with a message containing @why */
static int check_bad(struct unit_test_state *uts, const char *script,
		     const char *why)
{
	const char *err = NULL;

	ut_asserteq(-EINVAL, cli_hush_check(script, &err));
	ut_assertnonnull(err);
	ut_assertf(strstr(err, why), "'%s': got \"%s\"", script, err);
	return 0;
}

#define bad(script, why) ut_assertok(check_bad(uts, script, why))

static int cli_parse_syntax(struct unit_test_state *uts)
{
	ok("a; b && c || d");
	ok("a;;b");
	ok(";");
	ok("a &&\n b");
	ok("if a; then b; fi");
	ok("if a\nthen\n  b\nelif c; then d; else e; fi");
	ok("if a; then; fi");
	ok("if if a; then b; fi; then c; fi");
	ok("while a; do b; done");
	ok("until a; do b; done; c");
	ok("for x in 1 2 3; do echo $x; done");
	ok("for x\ndo echo; done");
	ok("for x in; do echo; done");
	ok("! a && ! b");
	ok("echo fi then done");
	ok("echo ${serial#} ${a:-b c} ${a:=}");
	ok("if a; then b; fi && c");

	bad("echo 'abc", "unterminated");
	bad("echo \"abc", "unterminated");
	bad("echo \"a'", "unterminated");
	bad("if a; then b", "'if' without 'fi'");
	bad("if a; then b; else c", "'if' without 'fi'");
	bad("if a then b fi", "'if' without 'then'");
	bad("if; then b; fi", "missing condition");
	bad("if a; then b; fi fi", "unexpected 'fi'");
	bad("fi", "unexpected 'fi'");
	bad("then", "unexpected 'then'");
	bad("done", "unexpected 'done'");
	bad("if a; then b; done", "expected 'fi'");
	bad("while a; do b", "'while' without 'done'");
	bad("while a; done", "expected 'do'");
	bad("until a; do b; fi", "expected 'done'");
	bad("for x in a b do echo; done", "expected 'do'");
	bad("for 1x in a; do b; done", "variable name");
	bad("for x in a b; echo; done", "expected 'do'");
	bad("a &&", "after '&&'");
	bad("a ||", "after '||'");
	bad("&& a", "unexpected '&&'");
	bad("a; || b", "unexpected '||'");
	bad("a | b", "pipes");
	bad("a & b", "background");
	bad("echo ${a", "missing '}'");
	bad("echo ${}", "bad variable name");
	bad("echo ${a b}", "missing '}'");
	bad("echo ${a:?b}", "only ${name:-word}");
	bad("!", "missing command after '!'");
	bad("if a; then b; fi echo", "missing ';'");
	return 0;
}
UNIT_TEST(cli_parse_syntax, 0, cli);

static int cli_parse_nesting(struct unit_test_state *uts)
{
	char buf[512];
	int i, len = 0;

	/* HUSH_MAX_DEPTH nested ifs parse, one more is refused */
	for (i = 0; i < HUSH_MAX_DEPTH; i++)
		len += snprintf(buf + len, sizeof(buf) - len, "if a; then ");
	len += snprintf(buf + len, sizeof(buf) - len, "b");
	for (i = 0; i < HUSH_MAX_DEPTH; i++)
		len += snprintf(buf + len, sizeof(buf) - len, "; fi");
	ut_assert(len < (int)sizeof(buf) - 32);
	ok(buf);

	len = snprintf(buf, sizeof(buf), "while a; do ");
	for (i = 0; i < HUSH_MAX_DEPTH; i++)
		len += snprintf(buf + len, sizeof(buf) - len, "if a; then ");
	bad(buf, "nested too deeply");
	return 0;
}
UNIT_TEST(cli_parse_nesting, 0, cli);
