// SPDX-License-Identifier: GPL-2.0-or-later
/* The environment: set, get, delete, numbers, order, size, defaults. */
#include <test/ut.h>
#include <env.h>
#include <malloc.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <vsprintf.h>

static int cli_env_set_get(struct unit_test_state *uts)
{
	ut_assertnull(env_get("ut_e"));
	ut_assertok(env_set("ut_e", "one"));
	ut_asserteq_str("one", env_get("ut_e"));
	ut_assertok(env_set("ut_e", "two words"));
	ut_asserteq_str("two words", env_get("ut_e"));

	/* "" and NULL delete; deleting a missing variable is fine */
	ut_assertok(env_set("ut_e", ""));
	ut_assertnull(env_get("ut_e"));
	ut_assertok(env_set("ut_e", "x"));
	ut_assertok(env_set("ut_e", NULL));
	ut_assertnull(env_get("ut_e"));
	ut_assertok(env_set("ut_e", NULL));

	ut_asserteq(-EINVAL, env_set("", "x"));
	ut_asserteq(-EINVAL, env_set(NULL, "x"));
	ut_asserteq(-EINVAL, env_set("a=b", "x"));
	ut_asserteq(-EINVAL, env_set("a b", "x"));
	ut_assertnull(env_get(NULL));
	/* U-Boot names need not be shell names */
	ut_assertok(env_set("ut_serial#", "1"));
	ut_asserteq_str("1", env_get("ut_serial#"));
	ut_assertok(env_set("ut_serial#", NULL));
	return 0;
}
UNIT_TEST(cli_env_set_get, 0, cli);

static int cli_env_numbers(struct unit_test_state *uts)
{
	ut_asserteq(42, env_get_ulong("ut_e", 10, 42));
	ut_asserteq(0x55, env_get_hex("ut_e", 0x55));
	ut_assertok(env_set_hex("ut_e", 0x1000000));
	ut_asserteq_str("1000000", env_get("ut_e"));
	ut_asserteq(0x1000000, env_get_hex("ut_e", 0));
	ut_assertok(env_set_ulong("ut_e", 1234));
	ut_asserteq_str("1234", env_get("ut_e"));
	ut_asserteq(1234, env_get_ulong("ut_e", 10, 0));
	ut_asserteq(0x1234, env_get_ulong("ut_e", 16, 0));
	ut_assertok(env_set("ut_e", "0x20"));
	ut_asserteq(0x20, env_get_ulong("ut_e", 0, 0));
	ut_asserteq(0x20, env_get_hex("ut_e", 0));
	ut_assertok(env_set("ut_e", NULL));
	return 0;
}
UNIT_TEST(cli_env_numbers, 0, cli);

struct walk {
	char last[64];
	int count;
	bool sorted;
};

static int walk_one(const char *name, const char *value, void *priv)
{
	struct walk *w = priv;

	if (w->count && strcmp(w->last, name) >= 0)
		w->sorted = false;
	strlcpy(w->last, name, sizeof(w->last));
	w->count++;
	return 0;
}

static int count_bytes(const char *name, const char *value, void *priv)
{
	*(int *)priv += strlen(name) + strlen(value) + 2;
	return 0;
}

static int cli_env_order_size(struct unit_test_state *uts)
{
	struct walk w = { .sorted = true };
	int before, bytes = 1;

	ut_assertok(env_set("ut_z", "1"));
	ut_assertok(env_set("ut_a", "1"));
	ut_assertok(env_set("ut_m", "1"));
	env_foreach(walk_one, &w);
	ut_assert(w.sorted);
	ut_assert(w.count >= 3);

	/* size as U-Boot counts it: "name=value\n" each, then a NUL */
	env_foreach(count_bytes, &bytes);
	ut_asserteq(bytes, env_used_bytes());
	before = env_used_bytes();
	ut_assertok(env_set("ut_q", "12345"));
	ut_asserteq(before + 11, env_used_bytes());
	ut_asserteq(CONFIG_ENV_SIZE - 4, env_max_bytes());

	env_set("ut_z", NULL);
	env_set("ut_a", NULL);
	env_set("ut_m", NULL);
	env_set("ut_q", NULL);
	return 0;
}
UNIT_TEST(cli_env_order_size, 0, cli);

static int cli_env_full(struct unit_test_state *uts)
{
	int room = env_max_bytes() - env_used_bytes() - 6;	/* "ut_e=" "\n" */
	char *big = malloc(room + 2);

	ut_assertnonnull(big);
	memset(big, 'x', room + 1);
	big[room + 1] = '\0';
	ut_asserteq(-ENOSPC, env_set("ut_e", big));
	ut_assertnull(env_get("ut_e"));
	big[room] = '\0';
	ut_assertok(env_set("ut_e", big));
	ut_asserteq(env_max_bytes(), env_used_bytes());
	ut_assertok(env_set("ut_e", NULL));
	free(big);
	return 0;
}
UNIT_TEST(cli_env_full, 0, cli);

static int cli_env_defaults(struct unit_test_state *uts)
{
	char buf[24];
	char *const vars[] = { "bootdelay", "ut_e" };

	snprintf(buf, sizeof(buf), "%lx", (ulong)CONFIG_SYS_LOAD_ADDR);
	ut_asserteq_str(buf, env_get_default("loadaddr"));
	ut_asserteq_str(CONFIG_SYS_ARCH, env_get_default("arch"));
	ut_asserteq_str(CONFIG_SYS_BOARD, env_get_default("board"));
	ut_assertnull(env_get_default("ut_e"));

	/* env default var...: back to the default, or (none) left alone */
	ut_assertok(env_set("bootdelay", "77"));
	ut_assertok(env_set("ut_e", "1"));
	ut_assertok(env_set_default_vars(2, vars, 0));
	ut_asserteq_str(env_get_default("bootdelay"), env_get("bootdelay"));
	ut_asserteq_str("1", env_get("ut_e"));
	ut_assertok(env_set("ut_e", NULL));
	return 0;
}
UNIT_TEST(cli_env_defaults, 0, cli);
