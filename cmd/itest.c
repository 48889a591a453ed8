// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * itest[.b, .w, .l, .q, .s] [*]value1 <op> [*]value2: compare two
 * values, true (status 0) or false (1), as U-Boot's itest. Numbers are
 * hex, cut to the width (.l by default) and compared signed at the full
 * width of a long; "*addr" reads the value from memory. With .s the
 * operands are strings: "*addr" the one in memory, "${name}" (quoted, so
 * that the shell left it) a variable's value. The operators are test's
 * (-lt -gt -eq -ne -ge -le) and their symbols (< > == != <> >= <=).
 */

#include <common.h>
#include <command.h>
#include <env.h>
#include <mapmem.h>

enum { IT_EQ, IT_NE, IT_LT, IT_GT, IT_LE, IT_GE };

static const struct {
	char name[4];
	u8 op;
} itest_ops[] = {
	{ "-lt", IT_LT }, { "<", IT_LT }, { "-gt", IT_GT }, { ">", IT_GT },
	{ "-eq", IT_EQ }, { "==", IT_EQ }, { "-ne", IT_NE }, { "!=", IT_NE },
	{ "<>", IT_NE }, { "-ge", IT_GE }, { ">=", IT_GE }, { "-le", IT_LE },
	{ "<=", IT_LE },
};

/* A number operand of @width bytes (1, 2, 4, 8) */
static long itest_num(const char *arg, int width)
{
	ulong val;
	void *p;

	if (*arg != '*') {
		val = hextoul(arg, NULL);
		if (width < (int)sizeof(long))
			val &= (1UL << (8 * width)) - 1;
		return (long)val;
	}
	p = map_sysmem(hextoul(arg + 1, NULL), width);
	if (!p) {
		puts("Failed to map physical memory\n");
		return 0;
	}
	switch (width) {
	case 1:
		val = *(u8 *)p;
		break;
	case 2:
		val = *(u16 *)p;
		break;
	case 4:
		val = *(u32 *)p;
		break;
	default:
		val = *(u64 *)p;
	}
	unmap_sysmem(p);
	return (long)val;
}

/* A string operand; never NULL (an unset variable reads as "") */
static const char *itest_str(const char *arg)
{
	const char *s = arg;
	char name[64];
	size_t len;

	if (*arg == '*') {
		s = map_sysmem(hextoul(arg + 1, NULL), 1);
	} else if (arg[0] == '$' && arg[1] == '{') {
		len = strcspn(arg + 2, "}");
		if (arg[2 + len] != '}' || len >= sizeof(name))
			return "";
		memcpy(name, arg + 2, len);
		name[len] = '\0';
		s = env_get(name);
	}
	return s ? s : "";
}

static int do_itest(struct cmd_tbl *cmdtp, int flag, int argc,
		    char *const argv[])
{
	const char *dot = strchr(argv[0], '.');
	int width = 4, i;
	long cmp;

	if (argc != 4)
		return CMD_RET_USAGE;
	if (dot) {
		width = !dot[1] || dot[2] ? -1 :
			dot[1] == 'b' ? 1 : dot[1] == 'w' ? 2 :
			dot[1] == 'l' ? 4 : dot[1] == 'q' ? 8 :
			dot[1] == 's' ? 0 : -1;
	}
	if (width < 0) {
		puts("Invalid data width specifier\n");
		return CMD_RET_FAILURE;
	}
	for (i = 0; i < ARRAY_SIZE(itest_ops); i++)
		if (!strcmp(argv[2], itest_ops[i].name))
			break;
	if (i == ARRAY_SIZE(itest_ops)) {
		printf("Unknown operator '%s'\n", argv[2]);
		return CMD_RET_FAILURE;
	}
	if (width) {
		long l = itest_num(argv[1], width), r = itest_num(argv[3], width);

		cmp = (l > r) - (l < r);
	} else {
		cmp = strcmp(itest_str(argv[1]), itest_str(argv[3]));
	}
	switch (itest_ops[i].op) {
	case IT_EQ:
		return cmp != 0;
	case IT_NE:
		return cmp == 0;
	case IT_LT:
		return cmp >= 0;
	case IT_GT:
		return cmp <= 0;
	case IT_LE:
		return cmp > 0;
	default:
		return cmp < 0;
	}
}

U_BOOT_CMD(
	itest, 4, 0, do_itest,
	"return true/false on integer compare",
	"[.b, .w, .l, .q, .s] [*]value1 <op> [*]value2"
);
