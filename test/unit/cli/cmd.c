// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The command table and the shell commands: lookup by name, prefix and
 * size suffix, the maxargs check, and 'test' with U-Boot's semantics.
 */
#include <test/ut.h>
#include <command.h>
#include <env.h>
#include <linux/string.h>
#include <vsprintf.h>

/* The name of the command @name finds, or "(none)" */
static const char *found(const char *name)
{
	struct cmd_tbl *cmdtp = find_cmd(name);

	return cmdtp ? cmdtp->name : "(none)";
}

static int cli_cmd_find(struct unit_test_state *uts)
{
	struct cmd_tbl *cmdtp;

	cmdtp = find_cmd("echo");
	ut_assertnonnull(cmdtp);
	ut_asserteq_str("echo", cmdtp->name);
	/* an unambiguous prefix, and a .size suffix, find the command */
	ut_asserteq_str("version", found("vers"));
	ut_asserteq_str("echo", found("echo.b"));
	ut_asserteq_str("printenv", found("printenv"));
	/* an exact name wins over longer names it is a prefix of */
	ut_asserteq_str("boot", found("boot"));
	/* ambiguous prefixes and unknown names find nothing */
	ut_assertnull(find_cmd("s"));
	ut_assertnull(find_cmd("nosuchcommand"));
	ut_assertnull(find_cmd(""));
	ut_assertnull(find_cmd(NULL));
	ut_asserteq_str("?", found("?"));
	return 0;
}
UNIT_TEST(cli_cmd_find, 0, cli);

static int sub_a(struct cmd_tbl *cmdtp, int flag, int argc, char *const argv[])
{
	return 0;
}

static int cli_cmd_find_tbl(struct unit_test_state *uts)
{
	struct cmd_tbl table[] = {
		U_BOOT_SUBCMD_MKENT(info, 2, 1, sub_a),
		U_BOOT_SUBCMD_MKENT(init, 2, 1, sub_a),
		U_BOOT_SUBCMD_MKENT(read, 5, 1, sub_a),
		U_BOOT_SUBCMD_MKENT(readx, 5, 1, sub_a),
	};
	int n = ARRAY_SIZE(table);

	ut_assert(find_cmd_tbl("info", table, n) == &table[0]);
	ut_assert(find_cmd_tbl("inf", table, n) == &table[0]);
	ut_assertnull(find_cmd_tbl("in", table, n));
	ut_assert(find_cmd_tbl("read", table, n) == &table[2]);
	ut_assert(find_cmd_tbl("readx", table, n) == &table[3]);
	ut_assertnull(find_cmd_tbl("rea", table, n));
	ut_assertnull(find_cmd_tbl("write", table, n));
	return 0;
}
UNIT_TEST(cli_cmd_find_tbl, 0, cli);

static int cli_cmd_process(struct unit_test_state *uts)
{
	char *const ok[] = { "true", NULL };
	char *const bad[] = { "ut_no_such_command", NULL };
	char *const toomany[] = { "version", "x", NULL };
	char *const setenv[] = { "setenv", "ut_c", "1", NULL };
	int rep;

	rep = 1;
	ut_asserteq(CMD_RET_SUCCESS, cmd_process(0, 1, ok, &rep, NULL));
	ut_asserteq(1, rep);
	ut_asserteq(CMD_RET_FAILURE, cmd_process(0, 1, bad, &rep, NULL));
	ut_asserteq(CMD_RET_FAILURE, cmd_process(0, 2, toomany, &rep, NULL));
	/* setenv is not repeatable */
	rep = 1;
	ut_asserteq(CMD_RET_SUCCESS, cmd_process(0, 3, setenv, &rep, NULL));
	ut_asserteq(0, rep);
	ut_asserteq_str("1", env_get("ut_c"));
	env_set("ut_c", NULL);
	return 0;
}
UNIT_TEST(cli_cmd_process, 0, cli);

/* "if EXPR; then ...": the cases U-Boot's own hush tests check */
static const struct {
	const char *expr;
	bool result;
} test_cases[] = {
	{ "true", true },
	{ "false", false },
	{ "test aaa = aaa", true },
	{ "test aaa = bbb", false },
	{ "test aaa != bbb", true },
	{ "test aaa != aaa", false },
	{ "test aaa < bbb", true },
	{ "test bbb < aaa", false },
	{ "test bbb > aaa", true },
	{ "test aaa > bbb", false },
	{ "test 123 -eq 123", true },
	{ "test 123 -eq 456", false },
	{ "test 123 -ne 456", true },
	{ "test 123 -ne 123", false },
	{ "test 123 -lt 456", true },
	{ "test 123 -lt 123", false },
	{ "test 456 -lt 123", false },
	{ "test 123 -le 456", true },
	{ "test 123 -le 123", true },
	{ "test 456 -le 123", false },
	{ "test 456 -gt 123", true },
	{ "test 123 -gt 123", false },
	{ "test 123 -gt 456", false },
	{ "test 456 -ge 123", true },
	{ "test 123 -ge 123", true },
	{ "test 123 -ge 456", false },
	{ "test 010 -eq 010", true },
	{ "test 010 -eq 011", false },
	{ "test 010 -ne 011", true },
	{ "test 010 -ne 010", false },
	{ "test 0x2000000 -gt 0x2000001", false },
	{ "test 0x2000000 -gt 0x2000000", false },
	{ "test 0x2000000 -gt 0x1ffffff", true },
	{ "test 010 -eq 10", false },
	{ "test 010 -ne 10", true },
	{ "test 0xa -eq 10", true },
	{ "test 0xa -eq 012", true },
	{ "test 2000000 -gt 0x1ffffff", false },
	{ "test 0x2000000 -gt 1ffffff", true },
	{ "test 0x2000000 -lt 1ffffff", false },
	{ "test 0x2000000 -eq 2000000", false },
	{ "test 0x2000000 -ne 2000000", true },
	{ "test -5 -lt 3", true },
	{ "test -z \"\"", true },
	{ "test -z \"aaa\"", false },
	{ "test -n \"aaa\"", true },
	{ "test -n \"\"", false },
	{ "test -z \"$ut_none\"", true },
	{ "test ! aaa = aaa", false },
	{ "test ! aaa = bbb", true },
	{ "test ! ! aaa = aaa", true },
	{ "test ! ! aaa = bbb", false },
	{ "test aaa != aaa -o bbb != bbb", false },
	{ "test aaa != aaa -o bbb = bbb", true },
	{ "test aaa = aaa -o bbb != bbb", true },
	{ "test aaa = aaa -o bbb = bbb", true },
	{ "test aaa != aaa -a bbb != bbb", false },
	{ "test aaa != aaa -a bbb = bbb", false },
	{ "test aaa = aaa -a bbb != bbb", false },
	{ "test aaa = aaa -a bbb = bbb", true },
	{ "test ! aaa != aaa -o ! bbb != bbb", true },
	{ "test ! aaa != aaa -o ! bbb = bbb", true },
	{ "test ! aaa = aaa -o ! bbb != bbb", true },
	{ "test ! aaa = aaa -o ! bbb = bbb", false },
	{ "test ! ! aaa != aaa -o ! ! bbb != bbb", false },
	{ "test ! ! aaa != aaa -o ! ! bbb = bbb", true },
	{ "test ! ! aaa = aaa -o ! ! bbb != bbb", true },
	{ "test ! ! aaa = aaa -o ! ! bbb = bbb", true },
	/* left to right, no precedence: (a -o b) -a c */
	{ "test a = a -o a = b -a a = b", false },
	/* U-Boot: fewer than two arguments is false */
	{ "test", false },
	{ "test aaa", false },
	/*
	 * U-Boot 2023.01: a term it cannot read ends the test true, and a
	 * trailing -o or ! changes nothing
	 */
	{ "test aaa bbb", true },
	{ "test aaa == bbb", true },
	{ "test = x", true },
	{ "test aaa = aaa -o", true },
	{ "test aaa = aaa !", true },
	{ "test aaa = bbb -a", false },
};

static int cli_cmd_test(struct unit_test_state *uts)
{
	char script[128];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(test_cases); i++) {
		env_set("ut_r", NULL);
		snprintf(script, sizeof(script),
			 "if %s; then setenv ut_r true; else setenv ut_r false; fi",
			 test_cases[i].expr);
		ut_assertok(run_command(script, 0));
		ut_assertf(!strcmp(env_get("ut_r"),
				   test_cases[i].result ? "true" : "false"),
			   "'%s' should be %s", test_cases[i].expr,
			   test_cases[i].result ? "true" : "false");
	}
	env_set("ut_r", NULL);
	return 0;
}
UNIT_TEST(cli_cmd_test, 0, cli);

static int cli_cmd_env(struct unit_test_state *uts)
{
	/* setenv joins its arguments with spaces */
	ut_assertok(run_command("setenv ut_c a  b 'c  d'", 0));
	ut_asserteq_str("a b c  d", env_get("ut_c"));
	ut_assertok(run_command("setenv -f ut_c x", 0));
	ut_asserteq_str("x", env_get("ut_c"));
	ut_assertok(run_command("setenv ut_c", 0));
	ut_assertnull(env_get("ut_c"));
	ut_assertok(run_command("setenv ut_c", 0));
	ut_asserteq(1, run_command("setenv", 0));
	ut_asserteq(1, run_command("setenv a=b c", 0));

	ut_assertok(run_command("env set ut_c 1 2", 0));
	ut_asserteq_str("1 2", env_get("ut_c"));
	ut_assertok(run_command("env exists ut_c", 0));
	ut_assertok(run_command("printenv ut_c", 0));
	ut_assertok(run_command("env print ut_c", 0));
	ut_assertok(run_command("env delete ut_c", 0));
	ut_asserteq(1, run_command("env exists ut_c", 0));
	ut_asserteq(1, run_command("env delete ut_c", 0));
	ut_asserteq(1, run_command("printenv ut_c", 0));
	ut_asserteq(1, run_command("env", 0));
	ut_asserteq(1, run_command("env nosuchsub", 0));
	ut_asserteq(1, run_command("env default", 0));
	ut_asserteq(1, run_command("env default -x", 0));

	ut_assertok(run_command("setenv bootdelay 9; env default -f bootdelay", 0));
	ut_asserteq_str(env_get_default("bootdelay"), env_get("bootdelay"));
	return 0;
}
UNIT_TEST(cli_cmd_env, 0, cli);

static int cli_cmd_misc(struct unit_test_state *uts)
{
	ut_assertok(run_command("echo -n", 0));
	ut_assertok(run_command("sleep 0", 0));
	ut_assertok(run_command("sleep 0.01", 0));
	ut_asserteq(1, run_command("sleep", 0));
	ut_asserteq(1, run_command("sleep x", 0));
	ut_asserteq(1, run_command("sleep 1x", 0));
	ut_asserteq(1, run_command("sleep .", 0));
	ut_asserteq(1, run_command("sleep 99999999999", 0));
	/* help shows the usage and fails, as U-Boot's */
	ut_asserteq(1, run_command("help echo", 0));
	ut_asserteq(1, run_command("help ut_no_such_command", 0));

	ut_assertok(run_command("setenv ut_c 'setenv ut_r booted'; setenv bootcmd 'run ut_c'", 0));
	ut_assertok(run_command("boot", 0));
	ut_asserteq_str("booted", env_get("ut_r"));
	env_set("bootcmd", NULL);
	ut_asserteq(1, run_command("boot", 0));
	ut_asserteq(1, run_command("boot x", 0));
	run_command("env default -f bootcmd", 0);
	env_set("ut_c", NULL);
	env_set("ut_r", NULL);
	return 0;
}
UNIT_TEST(cli_cmd_misc, 0, cli);

static int cli_cmd_setexpr(struct unit_test_state *uts)
{
	ut_assertok(run_command("setexpr ut_c 9 + 1", 0));
	ut_asserteq_str("a", env_get("ut_c"));
	ut_assertok(run_command("setexpr ut_c ff '&' 0f", 0));
	ut_asserteq_str("f", env_get("ut_c"));
	ut_assertok(run_command("setexpr ut_c 0x10 * 0x10", 0));
	ut_asserteq_str("100", env_get("ut_c"));
	ut_assertok(run_command("setexpr ut_c 11 % 4", 0));
	ut_asserteq_str("1", env_get("ut_c"));
	ut_assertok(run_command("setexpr ut_c 1 - 2", 0));
	ut_asserteq(-1UL, env_get_hex("ut_c", 0));
	ut_assertok(run_command("setexpr ut_c 1234", 0));
	ut_asserteq_str("1234", env_get("ut_c"));

	/* counting in a loop (its status: the last condition's, as U-Boot) */
	ut_asserteq(1, run_command("setexpr ut_c 0; while test $ut_c != 5; do setexpr ut_c $ut_c + 1; done", 0));
	ut_asserteq_str("5", env_get("ut_c"));

	ut_asserteq(1, run_command("setexpr ut_c 1 / 0", 0));
	ut_asserteq(1, run_command("setexpr ut_c 1 ** 2", 0));
	ut_asserteq(1, run_command("setexpr ut_c xyz + 1", 0));
	ut_asserteq(1, run_command("setexpr.x ut_c 1", 0));
	ut_asserteq(1, run_command("setexpr ut_c 1 +", 0));
	ut_asserteq(1, run_command("setexpr ut_c", 0));
	ut_asserteq_str("5", env_get("ut_c"));
	env_set("ut_c", NULL);
	return 0;
}
UNIT_TEST(cli_cmd_setexpr, 0, cli);
