// SPDX-License-Identifier: GPL-2.0-or-later
/* 'echo': print the arguments. */
#include <common.h>
#include <command.h>

static int do_echo(struct cmd_tbl *cmdtp, int flag, int argc,
		   char *const argv[])
{
	bool newline = true;
	int i = 1;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = false;
		i++;
	}
	for (; i < argc; i++) {
		puts(argv[i]);
		if (i + 1 < argc)
			putc(' ');
	}
	if (newline)
		putc('\n');
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	echo, CONFIG_SYS_MAXARGS, 1, do_echo,
	"echo args to console",
	"[-n] [args..]\n"
	"    - echo args to console; -n suppresses newline"
);
