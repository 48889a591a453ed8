// SPDX-License-Identifier: GPL-2.0-or-later
/* Environment commands: setenv, printenv and env with its sub-commands. */
#include <common.h>
#include <command.h>
#include <env.h>

static int print_one(const char *name, const char *value, void *priv)
{
	printf("%s=%s\n", name, value);
	return 0;
}

static int print_env(int argc, char *const argv[])
{
	int i, ret = CMD_RET_SUCCESS;

	if (argc > 1 && !strcmp(argv[1], "-a")) {
		argc--;
		argv++;
	}
	if (argc == 1) {
		if (env_foreach(print_one, NULL))
			return CMD_RET_FAILURE;
		printf("\nEnvironment size: %d/%d bytes\n", env_used_bytes(),
		       env_max_bytes());
		return CMD_RET_SUCCESS;
	}
	for (i = 1; i < argc; i++) {
		const char *val = env_get(argv[i]);

		if (val) {
			printf("%s=%s\n", argv[i], val);
		} else {
			printf("## Error: \"%s\" not defined\n", argv[i]);
			ret = CMD_RET_FAILURE;
		}
	}
	return ret;
}

/* setenv [-f] name [value ...]: the words of value are joined by spaces. */
static int set_env(int argc, char *const argv[])
{
	const char *name;
	char *value, *p;
	size_t len = 0;
	int i, ret;

	if (argc > 1 && !strcmp(argv[1], "-f")) {
		argc--;
		argv++;
	}
	if (argc < 2)
		return CMD_RET_USAGE;
	name = argv[1];
	if (strchr(name, '=')) {
		printf("## Error: illegal character '=' in variable name \"%s\"\n",
		       name);
		return CMD_RET_FAILURE;
	}
	if (!env_name_valid(name)) {
		printf("## Error: bad variable name \"%s\"\n", name);
		return CMD_RET_FAILURE;
	}

	if (argc == 2) {
		env_set(name, NULL);	/* deleting a missing one is fine */
		return CMD_RET_SUCCESS;
	}

	for (i = 2; i < argc; i++)
		len += strlen(argv[i]) + 1;
	value = malloc(len);
	if (!value) {
		puts("## Error: out of memory\n");
		return CMD_RET_FAILURE;
	}
	for (p = value, i = 2; i < argc; i++) {
		strcpy(p, argv[i]);
		p += strlen(p);
		*p++ = i + 1 < argc ? ' ' : '\0';
	}

	ret = env_set(name, value);
	free(value);
	if (ret == -ENOSPC) {
		printf("## Error: environment full, \"%s\" does not fit in %d bytes\n",
		       name, env_max_bytes());
		return CMD_RET_FAILURE;
	}
	if (ret) {
		printf("## Error inserting \"%s\" variable, errno=%d\n", name,
		       -ret);
		return CMD_RET_FAILURE;
	}
	return CMD_RET_SUCCESS;
}

static int do_printenv(struct cmd_tbl *cmdtp, int flag, int argc,
		       char *const argv[])
{
	return print_env(argc, argv);
}

static int do_setenv(struct cmd_tbl *cmdtp, int flag, int argc,
		     char *const argv[])
{
	return set_env(argc, argv);
}

U_BOOT_CMD(
	printenv, CONFIG_SYS_MAXARGS, 1, do_printenv,
	"print environment variables",
	"[-a]\n"
	"    - print [all] values of all environment variables\n"
	"printenv name ...\n"
	"    - print value of environment variable 'name'"
);

U_BOOT_CMD(
	setenv, CONFIG_SYS_MAXARGS, 0, do_setenv,
	"set environment variables",
	"[-f] name value ...\n"
	"    - set environment variable 'name' to 'value ...'\n"
	"setenv [-f] name\n"
	"    - delete environment variable 'name'\n"
	"    (-f, force, is accepted for U-Boot compatibility)"
);

/* --- env sub-commands -------------------------------------------------- */

static int do_env_default(struct cmd_tbl *cmdtp, int flag, int argc,
			  char *const argv[])
{
	bool all = false;
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *opt;

		for (opt = argv[i] + 1; *opt; opt++) {
			if (*opt == 'a')
				all = true;
			else if (*opt != 'f')
				return CMD_RET_USAGE;
		}
	}
	argc -= i;
	argv += i;

	if (all && !argc) {
		env_set_default("## Resetting to default environment\n",
				H_INTERACTIVE);
		return CMD_RET_SUCCESS;
	}
	if (!all && argc) {
		if (env_set_default_vars(argc, argv, H_INTERACTIVE)) {
			puts("## Error: cannot reset the variables\n");
			return CMD_RET_FAILURE;
		}
		return CMD_RET_SUCCESS;
	}
	return CMD_RET_USAGE;
}

static int do_env_delete(struct cmd_tbl *cmdtp, int flag, int argc,
			 char *const argv[])
{
	int i = 1, ret = CMD_RET_SUCCESS;

	if (argc > 1 && !strcmp(argv[1], "-f"))
		i++;
	if (i >= argc)
		return CMD_RET_USAGE;
	for (; i < argc; i++) {
		if (!env_get(argv[i])) {
			printf("## Error: \"%s\" not defined\n", argv[i]);
			ret = CMD_RET_FAILURE;
			continue;
		}
		env_set(argv[i], NULL);
	}
	return ret;
}

static int do_env_exists(struct cmd_tbl *cmdtp, int flag, int argc,
			 char *const argv[])
{
	if (argc != 2)
		return CMD_RET_USAGE;
	return env_get(argv[1]) ? CMD_RET_SUCCESS : CMD_RET_FAILURE;
}

/*
 * 'env info [-d] [-p] [-q]', as U-Boot's. virtboot keeps no environment in
 * storage: it always starts from the default one, which is therefore in
 * use, and cannot be saved. Without options the state is printed in
 * U-Boot's words (an environment that was not loaded is "invalid" there
 * too); -d succeeds if the default environment is in use, -p if it can
 * be persisted (never), -q prints nothing.
 */
static int do_env_info(struct cmd_tbl *cmdtp, int flag, int argc,
		       char *const argv[])
{
	bool dflt = false, persist = false, quiet = false;
	const char *opt;
	int i;

	if (!IS_ENABLED(CONFIG_CMD_NVEDIT_INFO))
		return CMD_RET_USAGE;
	for (i = 1; i < argc; i++) {
		if (argv[i][0] != '-' || !argv[i][1])
			return CMD_RET_USAGE;
		for (opt = argv[i] + 1; *opt; opt++) {
			if (*opt == 'd')
				dflt = true;
			else if (*opt == 'p')
				persist = true;
			else if (*opt == 'q')
				quiet = true;
			else
				return CMD_RET_USAGE;
		}
	}
	if (!dflt && !persist) {
		puts("env_valid = invalid\n"
		     "env_ready = true\n"
		     "env_use_default = true\n");
		return CMD_RET_SUCCESS;
	}
	if (dflt && !quiet)
		puts("Default environment is used\n");
	if (persist) {
		if (!quiet)
			puts("Environment cannot be persisted\n");
		return CMD_RET_FAILURE;
	}
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD_WITH_SUBCMDS(env, "environment handling commands",
	"default [-f] -a\n"
	"    - reset the whole environment to its default\n"
	"env default [-f] var [...]\n"
	"    - reset variables to their default values\n"
	"env delete [-f] var [...]\n"
	"    - delete variables\n"
	"env exists name\n"
	"    - succeed if variable 'name' is set\n"
	"env info [-d] [-p] [-q]\n"
	"    - environment state; -d: default in use? -p: can be saved?\n"
	"      (never here) -q: quiet, only the status\n"
	"env print [-a | name ...]\n"
	"    - print the environment, or some variables\n"
	"env set [-f] name [value ...]\n"
	"    - set (or without value: delete) a variable",
	U_BOOT_SUBCMD_MKENT(default, CONFIG_SYS_MAXARGS, 0, do_env_default),
	U_BOOT_SUBCMD_MKENT(delete, CONFIG_SYS_MAXARGS, 0, do_env_delete),
	U_BOOT_SUBCMD_MKENT(exists, 2, 0, do_env_exists),
	U_BOOT_SUBCMD_MKENT(info, 4, 0, do_env_info),
	U_BOOT_SUBCMD_MKENT(print, CONFIG_SYS_MAXARGS, 1, do_printenv),
	U_BOOT_SUBCMD_MKENT(set, CONFIG_SYS_MAXARGS, 0, do_setenv));
