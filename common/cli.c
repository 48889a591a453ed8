// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Running command lines: the entry points other code calls (run_command
 * and friends), the interactive loop, and the 'run' command.
 */
#include <common.h>
#include <cli.h>
#include <cli_hush.h>
#include <command.h>
#include <env.h>

int run_command(const char *cmd, int flag)
{
	return cli_hush_run(cmd, flag, NULL);
}

int run_command_repeatable(const char *cmd, int flag)
{
	int repeatable = 1;

	if (cli_hush_run(cmd, flag, &repeatable))
		return -1;
	return repeatable;
}

int run_command_list(const char *cmd, int len, int flag)
{
	char *buf;
	int ret;

	if (!cmd)
		return 0;
	if (len < 0)
		return cli_hush_run(cmd, flag, NULL);

	buf = strndup(cmd, len);
	if (!buf) {
		printf("%s: out of memory\n", __func__);
		return 1;
	}
	ret = cli_hush_run(buf, flag, NULL);
	free(buf);
	return ret;
}

void cli_init(void)
{
	clear_ctrlc();
}

void cli_loop(void)
{
	static char lastcommand[CONFIG_SYS_CBSIZE + 1];

	for (;;) {
		int flag = 0, len, rep;

		len = cli_readline(CONFIG_SYS_PROMPT);
		if (len == -1) {
			puts("<INTERRUPT>\n");
			lastcommand[0] = '\0';
			continue;
		}
		if (len > 0)
			strlcpy(lastcommand, console_buffer,
				sizeof(lastcommand));
		else
			flag |= CMD_FLAG_REPEAT;
		/* a quote, an if or a loop left open: more lines, as U-Boot */
		while (len > 0 && cli_hush_incomplete(lastcommand)) {
			size_t used = strlen(lastcommand);

			len = cli_readline("> ");
			if (len < 0 || used + 1 + len >= sizeof(lastcommand)) {
				puts(len < 0 ? "<INTERRUPT>\n" :
				     "## Command too long!\n");
				lastcommand[0] = '\0';
				break;
			}
			lastcommand[used] = '\n';
			strcpy(lastcommand + used + 1, console_buffer);
			len = 1;
		}
		if (!lastcommand[0])
			continue;

		clear_ctrlc();
		rep = run_command_repeatable(lastcommand, flag);
		if (rep <= 0 || had_ctrlc())
			lastcommand[0] = '\0';
	}
}

#ifdef CONFIG_CMD_RUN
int do_run(struct cmd_tbl *cmdtp, int flag, int argc, char *const argv[])
{
	int i;

	if (argc < 2)
		return CMD_RET_USAGE;

	for (i = 1; i < argc; i++) {
		const char *script = env_get(argv[i]);

		if (!script) {
			printf("## Error: \"%s\" not defined\n", argv[i]);
			return CMD_RET_FAILURE;
		}
		if (run_command(script, flag))
			return CMD_RET_FAILURE;
	}
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	run, CONFIG_SYS_MAXARGS, 1, do_run,
	"run commands in an environment variable",
	"var [...]\n"
	"    - run the commands in the environment variable(s) 'var'"
);
#endif
