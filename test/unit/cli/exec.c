// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Running scripts: status of commands and lists, &&, ||, $?, if, loops,
 * local variables, 'run', and that a syntax error runs nothing. The
 * scripts leave their results in ut_* environment variables.
 */
#include <test/ut.h>
#include <cli_hush.h>
#include <command.h>
#include <env.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <vsprintf.h>

/* Clear the variables the tests use. */
static void clear_vars(void)
{
	static const char *const names[] = {
		"ut_a", "ut_r", "ut_s", "ut_n", "ut_scr", "ut_rec", "ut_p",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		env_set(names[i], NULL);
	unset_local_var("ut_l");
	unset_local_var("ut_p");
	unset_local_var("ut_v");
}

#define run(script) run_command(script, 0)
#define assert_var(name, value) ut_asserteq_str(value, env_get(name))

static int cli_exec_if(struct unit_test_state *uts)
{
	clear_vars();
	ut_assertok(run("setenv ut_a 1; if test $ut_a = 1; then setenv ut_r yes; else setenv ut_r no; fi"));
	assert_var("ut_r", "yes");
	ut_assertok(run("if test $ut_a = 2; then setenv ut_r yes; else setenv ut_r no; fi"));
	assert_var("ut_r", "no");

	/* elif chains and nesting */
	ut_assertok(run("if false; then setenv ut_r 1; elif false; then setenv ut_r 2; elif true; then setenv ut_r 3; else setenv ut_r 4; fi"));
	assert_var("ut_r", "3");
	ut_assertok(run("if false; then setenv ut_r 1; elif false; then setenv ut_r 2; else setenv ut_r 4; fi"));
	assert_var("ut_r", "4");
	ut_assertok(run("if true; then if false; then setenv ut_r a; else if true; then setenv ut_r b; fi; fi; fi"));
	assert_var("ut_r", "b");
	ut_assertok(run("if if false; then true; else false; fi; then setenv ut_r c; else setenv ut_r d; fi"));
	assert_var("ut_r", "d");

	/* multi-line script, as an environment script would be */
	ut_assertok(run_command_list("if true\nthen\n\tsetenv ut_r e\nfi\n", -1, 0));
	assert_var("ut_r", "e");

	/* status: a false condition without else is its status, as U-Boot */
	ut_asserteq(1, run("if false; then true; fi"));
	ut_asserteq(1, run("if true; then false; fi"));
	clear_vars();
	return 0;
}
UNIT_TEST(cli_exec_if, 0, cli);

static int cli_exec_status(struct unit_test_state *uts)
{
	clear_vars();
	ut_assertok(run("true"));
	ut_asserteq(1, run("false"));
	ut_asserteq(1, cli_hush_last_status());
	ut_asserteq(1, run("ut_no_such_command"));
	ut_asserteq(1, cli_hush_last_status());

	/* && and || chains, left to right */
	ut_assertok(run("false || setenv ut_r ok"));
	assert_var("ut_r", "ok");
	ut_assertok(run("false && setenv ut_r bad; setenv ut_s $?"));
	assert_var("ut_r", "ok");
	assert_var("ut_s", "1");
	ut_assertok(run("true && false || setenv ut_r or"));
	assert_var("ut_r", "or");
	ut_assertok(run("true || setenv ut_r bad && setenv ut_r and"));
	assert_var("ut_r", "and");
	ut_asserteq(1, run("false || false && setenv ut_r bad"));
	assert_var("ut_r", "and");

	/* $? is the last command's status, after ';' too */
	ut_assertok(run("false; setenv ut_s $?; true; setenv ut_r $?"));
	assert_var("ut_s", "1");
	assert_var("ut_r", "0");
	ut_assertok(run("ut_no_such_command; setenv ut_s $?"));
	assert_var("ut_s", "1");
	/* usage errors (too many arguments) fail too */
	ut_asserteq(1, run("version extra"));
	ut_assertok(run("version extra; setenv ut_s $?"));
	assert_var("ut_s", "1");

	/* ! negates a status */
	ut_assertok(run("! false"));
	ut_asserteq(1, run("! true"));
	ut_assertok(run("! false && setenv ut_r neg"));
	assert_var("ut_r", "neg");

	/* the status of a list is that of its last command */
	ut_assertok(run("false; true"));
	ut_asserteq(1, run("true; false"));
	ut_assertok(run(""));
	ut_assertok(run("# nothing but a comment"));
	clear_vars();
	return 0;
}
UNIT_TEST(cli_exec_status, 0, cli);

static int cli_exec_syntax_error(struct unit_test_state *uts)
{
	clear_vars();
	/* nothing runs, not even what comes before the error */
	ut_asserteq(1, run("setenv ut_r ran; echo \"x"));
	ut_assertnull(env_get("ut_r"));
	ut_asserteq(1, cli_hush_last_status());
	ut_asserteq(1, run("setenv ut_r ran; if true; then true"));
	ut_assertnull(env_get("ut_r"));
	ut_asserteq(1, run("setenv ut_r ran; fi"));
	ut_assertnull(env_get("ut_r"));
	ut_asserteq(1, run_command_list("setenv ut_r ran\nwhile true; do\n", -1, 0));
	ut_assertnull(env_get("ut_r"));
	return 0;
}
UNIT_TEST(cli_exec_syntax_error, 0, cli);

static int cli_exec_loops(struct unit_test_state *uts)
{
	clear_vars();
	/* a while loop's status: its last condition's (1), as U-Boot */
	ut_asserteq(1, run("setenv ut_s x; while test $ut_s != xxxx; do setenv ut_s ${ut_s}x; setenv ut_n ${ut_n}.; done"));
	assert_var("ut_s", "xxxx");
	assert_var("ut_n", "...");
	ut_assertok(run("setenv ut_s x; until test $ut_s = xxx; do setenv ut_s ${ut_s}x; done"));
	assert_var("ut_s", "xxx");
	/* a loop whose condition fails at once runs nothing */
	ut_asserteq(1, run("while false; do setenv ut_r bad; done"));
	ut_assertnull(env_get("ut_r"));

	ut_assertok(run("setenv ut_s; for ut_v in a 'b c' d; do setenv ut_s ${ut_s}[$ut_v]; done"));
	assert_var("ut_s", "[a][b c][d]");
	ut_asserteq_str("d", get_local_var("ut_v"));
	/* the value list is expanded and split */
	ut_assertok(run("setenv ut_a '1 2  3'; setenv ut_s; for ut_v in $ut_a; do setenv ut_s ${ut_s}$ut_v; done"));
	assert_var("ut_s", "123");
	ut_assertok(run("setenv ut_s; for ut_v in; do setenv ut_s bad; done"));
	ut_assertnull(env_get("ut_s"));

	/* nested loops */
	ut_assertok(run("setenv ut_s; for ut_v in 1 2; do for ut_l in a b; do setenv ut_s $ut_s$ut_v$ut_l; done; done"));
	assert_var("ut_s", "1a1b2a2b");
	clear_vars();
	return 0;
}
UNIT_TEST(cli_exec_loops, 0, cli);

static int cli_exec_local_vars(struct unit_test_state *uts)
{
	clear_vars();
	ut_assertok(run("ut_l=5"));
	ut_asserteq_str("5", get_local_var("ut_l"));
	ut_assertnull(env_get("ut_l"));
	ut_assertok(run("setenv ut_r $ut_l"));
	assert_var("ut_r", "5");

	/* the value is expanded but not split */
	ut_assertok(run("setenv ut_a 'a  b'; ut_l=x$ut_a'y z'"));
	ut_asserteq_str("xa  by z", get_local_var("ut_l"));
	ut_assertok(run("ut_l="));
	ut_assertnull(get_local_var("ut_l"));
	ut_assertok(run("if ut_l=; then setenv ut_r empty; fi"));
	assert_var("ut_r", "empty");

	/* the environment is looked up first */
	ut_assertok(run("setenv ut_p env; ut_p=loc; setenv ut_r $ut_p"));
	assert_var("ut_r", "env");
	ut_assertok(run("setenv ut_p; setenv ut_r $ut_p"));
	assert_var("ut_r", "loc");

	/* ${name:=word} sets a local variable */
	ut_assertok(run("setenv ut_r ${ut_l:=dflt}"));
	assert_var("ut_r", "dflt");
	ut_asserteq_str("dflt", get_local_var("ut_l"));

	/* not a name: an ordinary command word */
	ut_asserteq(1, run("1x=2"));
	ut_asserteq(-EINVAL, set_local_var("1x", "2"));
	clear_vars();
	return 0;
}
UNIT_TEST(cli_exec_local_vars, 0, cli);

static int cli_exec_run(struct unit_test_state *uts)
{
	clear_vars();
	ut_assertok(run("setenv ut_scr 'setenv ut_r ran; setenv ut_s $ut_r'"));
	ut_assertok(run("run ut_scr"));
	assert_var("ut_r", "ran");
	assert_var("ut_s", "ran");

	/* run stops at the first variable that fails */
	ut_assertok(run("setenv ut_scr false; setenv ut_rec 'setenv ut_r second'"));
	ut_asserteq(1, run("setenv ut_r first; run ut_scr ut_rec"));
	assert_var("ut_r", "first");
	ut_asserteq(1, run("run ut_none"));
	ut_asserteq(1, run("run"));

	/* a script that runs itself ends with an error, not a crash */
	ut_assertok(run("setenv ut_rec 'setenv ut_n ${ut_n}.; run ut_rec'"));
	ut_asserteq(1, run("run ut_rec"));
	/* one level per run, less those of whoever runs this test */
	ut_assert(strlen(env_get("ut_n")) <= HUSH_MAX_DEPTH - 1);
	ut_assert(strlen(env_get("ut_n")) >= HUSH_MAX_DEPTH - 3);

	/* a script may change the variable it is running from */
	ut_assertok(run("setenv ut_scr 'setenv ut_scr gone; setenv ut_r still'"));
	ut_assertok(run("run ut_scr"));
	assert_var("ut_r", "still");

	/* an unquoted variable holding a command runs it */
	ut_assertok(run("setenv ut_scr setenv ut_r direct; $ut_scr"));
	assert_var("ut_r", "direct");
	clear_vars();
	return 0;
}
UNIT_TEST(cli_exec_run, 0, cli);

static int cli_exec_command_list(struct unit_test_state *uts)
{
	const char *script = "setenv ut_r a; setenv ut_r b";

	clear_vars();
	/* only the first @len bytes run */
	ut_assertok(run_command_list(script, 14, 0));
	assert_var("ut_r", "a");
	ut_assertok(run_command_list(script, -1, 0));
	assert_var("ut_r", "b");
	ut_assertok(run_command_list("setenv ut_r 1\nsetenv ut_s 2\n", -1, 0));
	assert_var("ut_r", "1");
	assert_var("ut_s", "2");
	ut_asserteq(1, run_command_list("true\nfalse\n", -1, 0));
	ut_assertok(run_command_list(NULL, -1, 0));
	clear_vars();
	return 0;
}
UNIT_TEST(cli_exec_command_list, 0, cli);

static int cli_exec_exit(struct unit_test_state *uts)
{
	clear_vars();
	ut_assertok(run("exit; setenv ut_r bad"));
	ut_assertnull(env_get("ut_r"));
	ut_asserteq(1, run("exit 1; setenv ut_r bad"));
	ut_assertnull(env_get("ut_r"));
	ut_asserteq(1, run("while true; do exit 3; done; setenv ut_r bad"));
	ut_asserteq(3, cli_hush_last_status());
	ut_assertnull(env_get("ut_r"));

	/* exit ends only the script that 'run' runs */
	ut_assertok(run("setenv ut_scr 'setenv ut_r a; exit; setenv ut_r b'"));
	ut_assertok(run("run ut_scr; setenv ut_s after"));
	assert_var("ut_r", "a");
	assert_var("ut_s", "after");

	/* a bad status is an error, not an exit */
	ut_assertok(run("exit x; setenv ut_r cont"));
	assert_var("ut_r", "cont");
	ut_asserteq(1, run("exit 256"));
	clear_vars();
	return 0;
}
UNIT_TEST(cli_exec_exit, 0, cli);
