// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * 'time command [args...]': run one command and print how long it took,
 * as U-Boot's time command does ("time: 1.234 seconds", with the minutes
 * first when there are any). The status is the command's.
 */
#include <common.h>
#include <command.h>

static int do_time(struct cmd_tbl *cmdtp, int flag, int argc,
		   char *const argv[])
{
	int repeatable = 1;
	ulong ms = 0;
	int ret;

	if (argc < 2)
		return CMD_RET_USAGE;
	ret = cmd_process(0, argc - 1, argv + 1, &repeatable, &ms);
	puts("\ntime:");
	if (ms >= 60000)
		printf(" %lu minutes,", ms / 60000);
	printf(" %lu.%03lu seconds\n", ms / 1000 % 60, ms % 1000);
	return ret;
}

U_BOOT_CMD(
	time, CONFIG_SYS_MAXARGS, 0, do_time,
	"run commands and summarize execution time",
	"command [args...]\n"
	"    - run 'command' and print how long it took"
);
