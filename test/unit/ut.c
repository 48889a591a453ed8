// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The unit-test runner and the 'ut' command. Tests register with
 * UNIT_TEST() (include/test/ut.h); a test passes when it returns 0 with
 * no failed assertion.
 */
#include <common.h>
#include <blk.h>
#include <command.h>
#include <test/ut.h>

void ut_failf(struct unit_test_state *uts, const char *file, int line,
	      const char *func, const char *cond, const char *fmt, ...)
{
	char msg[256];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printf("%s:%d, %s(): %s:%s\n", file, line, func, cond, msg);
	uts->fail_count++;
}

static bool ut_selected(const struct unit_test *test, const char *suite,
			const char *name)
{
	if (strcmp(suite, "all") && strcmp(suite, test->suite))
		return false;
	return !name || !strcmp(name, test->name);
}

int ut_run(const char *suite, const char *name)
{
	struct unit_test_state uts = {};
	struct blkcache_stats cache;
	struct unit_test *test;
	int passed = 0, failed = 0;

	/*
	 * The tests change their disks behind the block layer's back (and
	 * arm faults on blocks read before): no cache unless a test asks
	 */
	blkcache_get_stats(&cache);

	ll_foreach(struct unit_test, test, ut) {
		int before = uts.fail_count;
		int ret;

		if (!ut_selected(test, suite, name))
			continue;
		printf("Test: %s.%s\n", test->suite, test->name);
		uts.test_name = test->name;
		blkcache_configure(0, 0);
		ret = test->func(&uts);
		if (ret || uts.fail_count != before) {
			printf("Test %s.%s failed\n", test->suite, test->name);
			failed++;
		} else {
			passed++;
		}
	}
	blkcache_configure(cache.max_bytes, cache.entries);
	if (!passed && !failed)
		printf("No tests match '%s%s%s'\n", suite, name ? " " : "",
		       name ? name : "");
	printf("%d passed, %d failed\n", passed, failed);
	return failed;
}

/* ut list: every test as suite.name, one a line (test/py's test_ut.py) */
static void ut_list(void)
{
	struct unit_test *test;

	ll_foreach(struct unit_test, test, ut)
		printf("%s.%s\n", test->suite, test->name);
}

static int do_ut(struct cmd_tbl *cmdtp, int flag, int argc,
		 char *const argv[])
{
	if (argc < 2)
		return CMD_RET_USAGE;
	if (argc == 2 && !strcmp(argv[1], "list")) {
		ut_list();
		return CMD_RET_SUCCESS;
	}
	return ut_run(argv[1], argc > 2 ? argv[2] : NULL) ?
		CMD_RET_FAILURE : CMD_RET_SUCCESS;
}

U_BOOT_CMD(ut, 3, 0, do_ut,
	   "unit tests",
	   "all - run every unit test\n"
	   "ut <suite> [<test>] - run one suite, or one test of it\n"
	   "ut list - list every test as suite.name");
