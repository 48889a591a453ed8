// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The command table: commands register themselves with U_BOOT_CMD() in
 * the "cmd" linker list; this file looks them up and calls them.
 */
#include <common.h>
#include <command.h>

/*
 * Length of the part of @cmd that names the command: "md.b" looks up
 * "md", the command itself reads the size suffix from argv[0].
 */
static size_t cmd_name_len(const char *cmd)
{
	const char *dot = strchr(cmd, '.');

	return dot ? (size_t)(dot - cmd) : strlen(cmd);
}

/*
 * Match @cmd against one command: 2 for the full name, 1 for an
 * abbreviation of it, 0 for no match.
 */
static int cmd_match(const char *cmd, size_t len, const struct cmd_tbl *cmdtp)
{
	if (!len || strncmp(cmd, cmdtp->name, len))
		return 0;
	return cmdtp->name[len] ? 1 : 2;
}

struct cmd_tbl *find_cmd_tbl(const char *cmd, struct cmd_tbl *table,
			     int table_len)
{
	struct cmd_tbl *found = NULL;
	size_t len;
	int i, nfound = 0;

	if (!cmd)
		return NULL;
	len = cmd_name_len(cmd);
	for (i = 0; i < table_len; i++) {
		int m = cmd_match(cmd, len, &table[i]);

		if (m == 2)
			return &table[i];
		if (m == 1) {
			found = &table[i];
			nfound++;
		}
	}
	return nfound == 1 ? found : NULL;
}

struct cmd_tbl *find_cmd(const char *cmd)
{
	struct cmd_tbl *cmdtp, *found = NULL;
	size_t len;
	int nfound = 0;

	if (!cmd)
		return NULL;
	len = cmd_name_len(cmd);
	ll_foreach(struct cmd_tbl, cmdtp, cmd) {
		int m = cmd_match(cmd, len, cmdtp);

		if (m == 2)
			return cmdtp;
		if (m == 1) {
			found = cmdtp;
			nfound++;
		}
	}
	return nfound == 1 ? found : NULL;
}

int cmd_usage(const struct cmd_tbl *cmdtp)
{
	printf("%s - %s\n\n", cmdtp->name, cmdtp->usage ? cmdtp->usage : "");
	if (!IS_ENABLED(CONFIG_SYS_LONGHELP))
		return 1;
	printf("Usage:\n%s ", cmdtp->name);
	if (!cmdtp->help) {
		puts("- No additional help available.\n");
		return 1;
	}
	puts(cmdtp->help);
	putc('\n');
	return 1;
}

int cmd_always_repeatable(struct cmd_tbl *cmdtp, int flag, int argc,
			  char *const argv[], int *repeatable)
{
	*repeatable = 1;
	return cmdtp->cmd(cmdtp, flag, argc, argv);
}

int cmd_never_repeatable(struct cmd_tbl *cmdtp, int flag, int argc,
			 char *const argv[], int *repeatable)
{
	*repeatable = 0;
	return cmdtp->cmd(cmdtp, flag, argc, argv);
}

enum command_ret_t cmd_process(int flag, int argc, char *const argv[],
			       int *repeatable, ulong *ticks)
{
	struct cmd_tbl *cmdtp;
	int rep = 0;
	int rc;

	if (argc < 1 || !argv[0])
		return CMD_RET_FAILURE;

	cmdtp = find_cmd(argv[0]);
	if (!cmdtp) {
		printf("Unknown command '%s' - try 'help'\n", argv[0]);
		return CMD_RET_FAILURE;
	}

	if (argc > cmdtp->maxargs) {
		rc = CMD_RET_USAGE;
	} else {
		ulong start = ticks ? get_timer(0) : 0;

		rc = cmdtp->cmd_rep(cmdtp, flag, argc, argv, &rep);
		if (ticks)
			*ticks = get_timer(start);
	}
	if (repeatable)
		*repeatable &= rep;

	if (rc == CMD_RET_USAGE) {
		cmd_usage(cmdtp);
		return CMD_RET_FAILURE;
	}
	return rc ? CMD_RET_FAILURE : CMD_RET_SUCCESS;
}
