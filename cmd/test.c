// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * 'test', 'true' and 'false' for shell conditions, with U-Boot's
 * semantics: an expression is read from left to right, '-a' and '-o'
 * join the result so far with the next term (no precedence between
 * them), '!' negates the next term, numbers are read as simple_strtol()
 * reads them with base 0 (so 0x10 and 010 work; trailing junk is
 * ignored), fewer than two arguments make the test false, and a term it
 * cannot read ends it true (U-Boot 2023.01's rule, which scripts meet as
 * 'test $unset = x' and 'test a == b': both true), without a message.
 */
#include <common.h>
#include <command.h>
#include <fs.h>

enum test_join { JOIN_NONE, JOIN_AND, JOIN_OR };

static const char *const string_ops[] = { "=", "!=", "<", ">" };
static const char *const int_ops[] = {
	"-eq", "-ne", "-lt", "-le", "-gt", "-ge",
};

static int find_op(const char *s, const char *const ops[], int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (!strcmp(s, ops[i]))
			return i;
	}
	return -1;
}

static bool is_binary(const char *s)
{
	return find_op(s, string_ops, ARRAY_SIZE(string_ops)) >= 0 ||
	       find_op(s, int_ops, ARRAY_SIZE(int_ops)) >= 0;
}

static bool binary(const char *a, const char *op, const char *b)
{
	int i = find_op(op, string_ops, ARRAY_SIZE(string_ops));
	long x, y;

	if (i >= 0) {
		int cmp = strcmp(a, b);

		switch (i) {
		case 0: return !cmp;
		case 1: return cmp;
		case 2: return cmp < 0;
		default: return cmp > 0;
		}
	}

	x = simple_strtol(a, NULL, 0);
	y = simple_strtol(b, NULL, 0);
	switch (find_op(op, int_ops, ARRAY_SIZE(int_ops))) {
	case 0: return x == y;
	case 1: return x != y;
	case 2: return x < y;
	case 3: return x <= y;
	case 4: return x > y;
	default: return x >= y;
	}
}

static int do_test(struct cmd_tbl *cmdtp, int flag, int argc,
		   char *const argv[])
{
	enum test_join join = JOIN_NONE;
	bool result = false, negate = false, term;
	char *const *ap = argv + 1;
	int left = argc - 1;

	if (argc < 3)
		return CMD_RET_FAILURE;

	while (left > 0) {
		int used;

		/* A binary operator in second place wins, as in U-Boot. */
		if (left >= 3 && is_binary(ap[1])) {
			term = binary(ap[0], ap[1], ap[2]);
			used = 3;
		} else if (!strcmp(ap[0], "!")) {
			negate = !negate;
			ap++;
			left--;
			continue;
		} else if (!strcmp(ap[0], "-a") || !strcmp(ap[0], "-o")) {
			join = ap[0][1] == 'a' ? JOIN_AND : JOIN_OR;
			ap++;
			left--;
			continue;
		} else if (left >= 2 && (!strcmp(ap[0], "-z") ||
					 !strcmp(ap[0], "-n"))) {
			bool empty = !*ap[1];

			term = ap[0][1] == 'z' ? empty : !empty;
			used = 2;
#ifdef CONFIG_FS
		} else if (left >= 4 && !strcmp(ap[0], "-e")) {
			/* -e interface dev[:part] path: does the file exist? */
			term = file_exists(ap[1], ap[2], ap[3], FS_TYPE_ANY);
			used = 4;
#endif
		} else {
			/*
			 * What U-Boot's test cannot read makes it true, and
			 * scripts rely on it: 'test $unset = x' ("= x"),
			 * 'test a == a' (no "==" operator)
			 */
			result = true;
			break;
		}

		if (negate)
			term = !term;
		negate = false;
		if (join == JOIN_AND)
			term = result && term;
		else if (join == JOIN_OR)
			term = result || term;
		join = JOIN_NONE;
		result = term;
		ap += used;
		left -= used;
	}
	return result ? CMD_RET_SUCCESS : CMD_RET_FAILURE;
}

U_BOOT_CMD(
	test, CONFIG_SYS_MAXARGS, 1, do_test,
	"minimal test like /bin/sh",
	"[args..]\n"
	"    - succeed if the expression is true: 'a = b', 'a != b', 'a < b',\n"
	"      'a > b' (strings), 'n -eq m' and -ne -lt -le -gt -ge (numbers),\n"
	"      '-z s' (empty), '-n s' (not empty), '! expr', 'expr -a expr',\n"
#ifdef CONFIG_FS
	"      '-e interface dev[:part] path' (the file exists),\n"
#endif
	"      'expr -o expr' (evaluated from left to right)"
);

/* <stdbool.h> made these macros; the command names need the words. */
#undef true
#undef false

static int do_false(struct cmd_tbl *cmdtp, int flag, int argc,
		    char *const argv[])
{
	return CMD_RET_FAILURE;
}

U_BOOT_CMD(
	false, CONFIG_SYS_MAXARGS, 1, do_false,
	"do nothing, unsuccessfully",
	NULL
);

static int do_true(struct cmd_tbl *cmdtp, int flag, int argc,
		   char *const argv[])
{
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	true, CONFIG_SYS_MAXARGS, 1, do_true,
	"do nothing, successfully",
	NULL
);
