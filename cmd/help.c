// SPDX-License-Identifier: GPL-2.0-or-later
/* 'help': the command list, or one command's usage. */
#include <common.h>
#include <command.h>

#define HELP_CMD_WIDTH	10

static int print_list(void)
{
	struct cmd_tbl *cmdtp, **cmds;
	int i, j, n = ll_entry_count(struct cmd_tbl, cmd);

	cmds = malloc(n * sizeof(*cmds));
	if (!cmds) {
		puts("help: out of memory\n");
		return CMD_RET_FAILURE;
	}

	/* Insertion sort by name: the list is short and mostly sorted. */
	i = 0;
	ll_foreach(struct cmd_tbl, cmdtp, cmd) {
		for (j = i; j > 0 && strcmp(cmds[j - 1]->name, cmdtp->name) > 0;
		     j--)
			cmds[j] = cmds[j - 1];
		cmds[j] = cmdtp;
		i++;
	}

	for (i = 0; i < n; i++) {
		if (!cmds[i]->usage)
			continue;
		printf("%-*s- %s\n", HELP_CMD_WIDTH, cmds[i]->name,
		       cmds[i]->usage);
	}
	free(cmds);
	return CMD_RET_SUCCESS;
}

static int do_help(struct cmd_tbl *cmdtp, int flag, int argc,
		   char *const argv[])
{
	int i, ret = CMD_RET_SUCCESS;

	if (argc == 1)
		return print_list();

	for (i = 1; i < argc; i++) {
		struct cmd_tbl *c = find_cmd(argv[i]);

		/* U-Boot's status: 1, the usage shown or not */
		ret = CMD_RET_FAILURE;
		if (c) {
			cmd_usage(c);
		} else {
			printf("Unknown command '%s' - try 'help' without arguments for list of all known commands\n\n",
			       argv[i]);
		}
	}
	return ret;
}

U_BOOT_CMD(
	help, CONFIG_SYS_MAXARGS, 1, do_help,
	"print command description/usage",
	"\n"
	"\t- print brief description of all commands\n"
	"help command ...\n"
	"\t- print detailed usage of 'command'"
);

/* "?" cannot be a C name, so the entry is spelled out. */
ll_entry_declare(struct cmd_tbl, question_mark, cmd) =
	U_BOOT_CMD_MKENT(?, CONFIG_SYS_MAXARGS, 1, do_help,
			 "alias for 'help'", NULL);
