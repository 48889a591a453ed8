/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shell commands, registered with U_BOOT_CMD() as in U-Boot. A command
 * returns CMD_RET_SUCCESS, CMD_RET_FAILURE (after printing one line that
 * says what failed and why) or CMD_RET_USAGE (the shell prints usage).
 */
#ifndef __COMMAND_H
#define __COMMAND_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linker_lists.h>

struct cmd_tbl {
	char *name;		/* command name */
	int maxargs;		/* maximum number of arguments, name included */
	int (*cmd_rep)(struct cmd_tbl *cmd, int flags, int argc,
		       char *const argv[], int *repeatable);
	int (*cmd)(struct cmd_tbl *cmd, int flags, int argc,
		   char *const argv[]);
	char *usage;		/* one-line summary for 'help' */
	char *help;		/* argument list and details for 'help cmd' */
	int (*complete)(int argc, char *const argv[], char last_char,
			int maxv, char *cmdv[]);
};

enum command_ret_t {
	CMD_RET_SUCCESS = 0,
	CMD_RET_FAILURE = 1,
	CMD_RET_USAGE = -1,
};

#define CMD_FLAG_REPEAT		0x0001
#define CMD_FLAG_BOOTD		0x0002

/* Plain-command helper used by U_BOOT_CMD_COMPLETE(). */
int cmd_always_repeatable(struct cmd_tbl *cmdtp, int flag, int argc,
			  char *const argv[], int *repeatable);
int cmd_never_repeatable(struct cmd_tbl *cmdtp, int flag, int argc,
			 char *const argv[], int *repeatable);

/*
 * The long help (the text after "Usage:"), as U-Boot's CONFIG_SYS_LONGHELP:
 * without it a command's usage is its one-line summary only.
 */
#ifdef CONFIG_SYS_LONGHELP
#define CMD_LONGHELP(_help)	_help
#else
#define CMD_LONGHELP(_help)	NULL
#endif

#define U_BOOT_CMD_MKENT_COMPLETE(_name, _maxargs, _rep, _cmd,		\
				  _usage, _help, _comp)			\
	{ #_name, _maxargs,						\
	  _rep ? cmd_always_repeatable : cmd_never_repeatable,		\
	  _cmd, _usage, CMD_LONGHELP(_help), _comp }

#define U_BOOT_CMD_MKENT(_name, _maxargs, _rep, _cmd, _usage, _help)	\
	U_BOOT_CMD_MKENT_COMPLETE(_name, _maxargs, _rep, _cmd, _usage,	\
				  _help, NULL)

#define U_BOOT_CMD_COMPLETE(_name, _maxargs, _rep, _cmd, _usage, _help, _comp) \
	ll_entry_declare(struct cmd_tbl, _name, cmd) =			\
		U_BOOT_CMD_MKENT_COMPLETE(_name, _maxargs, _rep, _cmd,	\
					  _usage, _help, _comp)

#define U_BOOT_CMD(_name, _maxargs, _rep, _cmd, _usage, _help)		\
	U_BOOT_CMD_COMPLETE(_name, _maxargs, _rep, _cmd, _usage, _help, NULL)

/* A command made of sub-commands: 'virtio scan', 'env default', ... */
#define U_BOOT_SUBCMD_MKENT(_name, _maxargs, _rep, _do_cmd)		\
	U_BOOT_CMD_MKENT(_name, _maxargs, _rep, _do_cmd, "", "")

#define U_BOOT_CMD_WITH_SUBCMDS(_name, _usage, _help, ...)		\
	static struct cmd_tbl _##_name##_subcmds[] = { __VA_ARGS__ };	\
	static int do_##_name(struct cmd_tbl *cmdtp, int flag, int argc,	\
			      char *const argv[], int *repeatable)	\
	{								\
		struct cmd_tbl *subcmd;					\
		if (argc < 2)						\
			return CMD_RET_USAGE;				\
		subcmd = find_cmd_tbl(argv[1], _##_name##_subcmds,	\
				      ARRAY_SIZE(_##_name##_subcmds));	\
		if (!subcmd || argc - 1 > subcmd->maxargs)		\
			return CMD_RET_USAGE;				\
		return subcmd->cmd_rep(subcmd, flag, argc - 1, argv + 1,	\
				       repeatable);			\
	}								\
	ll_entry_declare(struct cmd_tbl, _name, cmd) =			\
		{ #_name, CONFIG_SYS_MAXARGS, do_##_name, NULL,		\
		  _usage, CMD_LONGHELP(_help), NULL }

/**
 * find_cmd() - look a command up by name (an unambiguous prefix works)
 * @cmd:	the name typed
 * Return: the command, or NULL
 */
struct cmd_tbl *find_cmd(const char *cmd);

/** find_cmd_tbl() - look a command up in a table of sub-commands */
struct cmd_tbl *find_cmd_tbl(const char *cmd, struct cmd_tbl *table,
			     int table_len);

/** cmd_usage() - print a command's usage and help; returns 1 */
int cmd_usage(const struct cmd_tbl *cmdtp);

/**
 * cmd_process() - run one parsed command line
 * @flag:	CMD_FLAG_* bits passed to the command
 * @argc:	number of words in @argv, the name included
 * @argv:	the words; argv[0] names the command
 * @repeatable:	cleared if the command cannot be repeated by an empty line
 * @ticks:	if not NULL, set to the time the command took (get_timer())
 * Return: CMD_RET_SUCCESS or CMD_RET_FAILURE (usage errors are printed
 *	   and reported as failure)
 */
enum command_ret_t cmd_process(int flag, int argc, char *const argv[],
			       int *repeatable, ulong *ticks);

/**
 * run_command() - parse and run a command string through the shell
 * @cmd:	the command string
 * @flag:	CMD_FLAG_* bits passed to each command
 * Return: 0 on success, non-zero if the (last) command failed
 */
int run_command(const char *cmd, int flag);

/** run_command_list() - run several lines; len -1 means NUL-terminated */
int run_command_list(const char *cmd, int len, int flag);

/**
 * do_run() - (CONFIG_CMD_RUN) the 'run' command, also 'env run': run the
 * commands of each variable named in @argv[1..], stopping at a failure
 * @cmdtp:	the command
 * @flag:	CMD_FLAG_* bits
 * @argc:	number of words in @argv
 * @argv:	"run", then the variables' names
 * Return: CMD_RET_SUCCESS, CMD_RET_FAILURE or CMD_RET_USAGE
 */
int do_run(struct cmd_tbl *cmdtp, int flag, int argc, char *const argv[]);

#endif
