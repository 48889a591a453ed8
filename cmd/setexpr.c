// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * 'setexpr': set a variable to the result of integer arithmetic, as
 * U-Boot's. Numbers are hex; "*addr" reads a value of the command's size
 * (.b .w .l .q, default .l) from memory. The result is stored in hex
 * without 0x, as U-Boot stores it.
 */
#include <common.h>
#include <command.h>
#include <env.h>
#include <mapmem.h>

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

static int do_setexpr(struct cmd_tbl *cmdtp, int flag, int argc,
		      char *const argv[])
{
	int size = expr_size(argv[0]);
	ulong a, b, value;

	if (argc != 3 && argc != 5)
		return CMD_RET_USAGE;
	if (size < 0) {
		printf("setexpr: bad size suffix in '%s' (use .b, .w, .l or .q)\n",
		       argv[0]);
		return CMD_RET_FAILURE;
	}
	if (get_arg(argv[2], size, &a))
		return CMD_RET_FAILURE;

	if (argc == 3) {
		value = a;
	} else {
		if (strlen(argv[3]) != 1 || !strchr("&|^+-*/%", argv[3][0])) {
			printf("setexpr: unknown operator '%s'\n", argv[3]);
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

U_BOOT_CMD(
	setexpr, 5, 0, do_setexpr,
	"set environment variable as the result of eval expression",
	"[.b, .w, .l, .q] name [*]value1 <op> [*]value2\n"
	"    - set environment variable 'name' to value1 <op> value2, where\n"
	"      <op> is one of & | ^ + - * / %; values are hex, and *addr\n"
	"      reads a value of the given size (default .l) from memory\n"
	"setexpr[.b, .w, .l, .q] name [*]value\n"
	"    - load a value into a variable"
);
