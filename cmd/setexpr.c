// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * 'setexpr': set a variable to the result of integer arithmetic, as
 * U-Boot's. Numbers are hex; "*addr" reads a value of the command's size
 * (.b .w .l .q, default .l) from memory. The result is stored in hex
 * without 0x, as U-Boot stores it. With .s the values are strings ("*addr":
 * the string at addr) and '+' joins them; 'sub' and 'gsub' replace what a
 * regular expression matches (lib/regex.c), "\\0" to "\\9" in the
 * replacement standing for the match and its groups.
 */
#include <common.h>
#include <command.h>
#include <env.h>
#include <malloc.h>
#include <mapmem.h>
#include <regex.h>

/* .s: the values are strings */
#define EXPR_STRING	0
/* The longest string .s reads from memory, or sub/gsub make */
#define EXPR_STR_MAX	16384

/* Bytes named by the command's size suffix, or -EINVAL */
static int expr_size(const char *cmd)
{
	const char *dot = strchr(cmd, '.');

	if (!dot)
		return sizeof(u32);
	if (strlen(dot) != 2)
		return -EINVAL;
	switch (dot[1]) {
	case 'b': return 1;
	case 'w': return 2;
	case 'l': return 4;
	case 'q': return 8;
	case 's': return EXPR_STRING;
	}
	return -EINVAL;
}

static int get_arg(const char *s, int size, ulong *val)
{
	unsigned long addr;
	const void *p;

	if (*s != '*') {
		if (strict_strtoul(s, 16, val)) {
			printf("setexpr: bad number '%s'\n", s);
			return -EINVAL;
		}
		return 0;
	}

	if (strict_strtoul(s + 1, 16, &addr)) {
		printf("setexpr: bad address '%s'\n", s + 1);
		return -EINVAL;
	}
	if (!IS_ALIGNED(addr, size)) {
		printf("setexpr: address %lx is not aligned to %d bytes\n",
		       addr, size);
		return -EINVAL;
	}
	p = map_sysmem(addr, size);
	if (IS_ENABLED(CONFIG_SANDBOX) && !p) {
		printf("setexpr: address %lx is outside memory\n", addr);
		return -EINVAL;
	}
	switch (size) {
	case 1:
		*val = *(const u8 *)p;
		break;
	case 2:
		*val = *(const u16 *)p;
		break;
	case 4:
		*val = *(const u32 *)p;
		break;
	default:
		*val = *(const u64 *)p;
	}
	unmap_sysmem(p);
	return 0;
}

/* A .s value: the string itself, or ("*addr") the one at addr */
static const char *str_arg(const char *s)
{
	unsigned long addr;
	const char *p;

	if (*s != '*')
		return s;
	if (strict_strtoul(s + 1, 16, &addr)) {
		printf("setexpr: bad address '%s'\n", s + 1);
		return NULL;
	}
	p = map_sysmem(addr, 1);
	if (!p || strnlen(p, EXPR_STR_MAX) == EXPR_STR_MAX) {
		printf("setexpr: no string at %lx\n", addr);
		return NULL;
	}
	return p;
}

static int do_setexpr_str(int argc, char *const argv[])
{
	const char *a = str_arg(argv[2]), *b = NULL;
	char *join;
	int ret;

	if (!a)
		return CMD_RET_FAILURE;
	if (argc == 3)
		return env_set(argv[1], a) ? CMD_RET_FAILURE : CMD_RET_SUCCESS;
	if (strlen(argv[3]) != 1)
		return CMD_RET_USAGE;
	if (argv[3][0] != '+') {
		puts("invalid op\n");
		return CMD_RET_FAILURE;
	}
	b = str_arg(argv[4]);
	if (!b)
		return CMD_RET_FAILURE;
	join = malloc(strlen(a) + strlen(b) + 1);
	if (!join) {
		puts("setexpr: out of memory\n");
		return CMD_RET_FAILURE;
	}
	strcpy(join, a);
	strcat(join, b);
	ret = env_set(argv[1], join);
	free(join);
	return ret ? CMD_RET_FAILURE : CMD_RET_SUCCESS;
}

/* Append @len bytes of @p to @out (@used of EXPR_STR_MAX); false if full */
static bool put(char *out, int *used, const char *p, int len)
{
	if (len < 0 || *used + len >= EXPR_STR_MAX)
		return false;
	memcpy(out + *used, p, len);
	*used += len;
	out[*used] = 0;
	return true;
}

/*
 * setexpr name sub|gsub r s [t]: @t (or $name) with the first match of
 * @r (every match, for gsub) replaced by @s
 */
static int do_setexpr_sub(int argc, char *const argv[], bool global)
{
	struct regex_cap caps[REGEX_MAX_CAPS];
	const char *name = argv[1], *re = argv[3], *rep = argv[4];
	const char *t = argc > 5 ? argv[5] : env_get(name), *at, *r;
	char *out;
	int used = 0, ret = CMD_RET_FAILURE, err, n, matched = 0;
	bool ok = true;

	if (!t) {
		printf("## Error: variable \"%s\" not defined\n", name);
		return CMD_RET_FAILURE;
	}
	if (regex_check(re)) {
		printf("setexpr: bad regular expression '%s'\n", re);
		return CMD_RET_FAILURE;
	}
	out = malloc(EXPR_STR_MAX);
	if (!out) {
		puts("setexpr: out of memory\n");
		return CMD_RET_FAILURE;
	}
	out[0] = 0;
	for (at = t; ok;) {
		err = regex_search(re, t, at, caps, REGEX_MAX_CAPS);
		if (err) {
			if (err != -ENOENT) {
				puts("setexpr: the regular expression takes too long\n");
				goto out;
			}
			break;
		}
		matched++;
		ok = put(out, &used, at, caps[0].ptr - at);
		/* the replacement, "\\N" standing for capture N */
		for (r = rep; ok && *r; r++) {
			if (*r == '\\' && r[1] >= '0' && r[1] <= '9') {
				n = *++r - '0';
				ok = put(out, &used, caps[n].ptr ? caps[n].ptr :
					 "", caps[n].len);
			} else {
				ok = put(out, &used, r, 1);
			}
		}
		at = caps[0].ptr + caps[0].len;
		/* an empty match moves on by one character */
		if (!caps[0].len) {
			if (!*at)
				break;
			ok = ok && put(out, &used, at, 1);
			at++;
		}
		if (!global)
			break;
	}
	/* U-Boot's words for nothing matched, and for the result */
	if (!matched) {
		printf("%s: No match\n", t);
		goto out;
	}
	ok = ok && put(out, &used, at, strlen(at));
	if (!ok) {
		printf("setexpr: the result is longer than %d bytes\n",
		       EXPR_STR_MAX - 1);
		goto out;
	}
	printf("%s=%s\n", name, out);
	ret = env_set(name, out) ? CMD_RET_FAILURE : CMD_RET_SUCCESS;
out:
	free(out);
	return ret;
}

static int do_setexpr(struct cmd_tbl *cmdtp, int flag, int argc,
		      char *const argv[])
{
	int size = expr_size(argv[0]);
	ulong a, b, value;

	if (IS_ENABLED(CONFIG_REGEX) && argc >= 5 && argc <= 6 &&
	    (!strcmp(argv[2], "sub") || !strcmp(argv[2], "gsub")))
		return do_setexpr_sub(argc, argv, argv[2][0] == 'g');
	if (argc != 3 && argc != 5)
		return CMD_RET_USAGE;
	if (size < 0) {
		printf("setexpr: bad size suffix in '%s' (use .b, .w, .l, .q or .s)\n",
		       argv[0]);
		return CMD_RET_FAILURE;
	}
	if (size == EXPR_STRING)
		return IS_ENABLED(CONFIG_REGEX) ? do_setexpr_str(argc, argv) :
						  CMD_RET_USAGE;
	if (get_arg(argv[2], size, &a))
		return CMD_RET_FAILURE;

	if (argc == 3) {
		value = a;
	} else {
		/* U-Boot's answers: the usage, or "invalid op" */
		if (strlen(argv[3]) != 1)
			return CMD_RET_USAGE;
		if (!strchr("&|^+-*/%", argv[3][0])) {
			puts("invalid op\n");
			return CMD_RET_FAILURE;
		}
		if (get_arg(argv[4], size, &b))
			return CMD_RET_FAILURE;
		switch (argv[3][0]) {
		case '&':
			value = a & b;
			break;
		case '|':
			value = a | b;
			break;
		case '^':
			value = a ^ b;
			break;
		case '+':
			value = a + b;
			break;
		case '-':
			value = a - b;
			break;
		case '*':
			value = a * b;
			break;
		default:
			if (!b) {
				puts("setexpr: division by zero\n");
				return CMD_RET_FAILURE;
			}
			value = argv[3][0] == '/' ? a / b : a % b;
		}
	}

	if (env_set_hex(argv[1], value)) {
		printf("setexpr: cannot set '%s'\n", argv[1]);
		return CMD_RET_FAILURE;
	}
	return CMD_RET_SUCCESS;
}

/* U-Boot 2023.01's usage text: scripts and tests see it */
U_BOOT_CMD(
	setexpr, 6, 0, do_setexpr,
	"set environment variable as the result of eval expression",
	"[.b, .w, .l, .s] name [*]value1 <op> [*]value2\n"
	"    - set environment variable 'name' to the result of the evaluated\n"
	"      expression specified by <op>.  <op> can be &, |, ^, +, -, *, /, %\n"
	"      (for strings only + is supported)\n"
	"      size argument is only meaningful if value1 and/or value2 are\n"
	"      memory addresses (*)\n"
	"setexpr[.b, .w, .l] name [*]value\n"
	"    - load a value into a variable"
#ifdef CONFIG_REGEX
	"\n"
	"setexpr name gsub r s [t]\n"
	"    - For each substring matching the regular expression <r> in the\n"
	"      string <t>, substitute the string <s>.  The result is\n"
	"      assigned to <name>.  If <t> is not supplied, use the old\n"
	"      value of <name>\n"
	"setexpr name sub r s [t]\n"
	"    - Just like gsub(), but replace only the first matching substring"
#endif
);
