// SPDX-License-Identifier: GPL-2.0-or-later
/* Environment commands: setenv, printenv and env with its sub-commands. */
#include <common.h>
#include <cli.h>
#include <command.h>
#include <env.h>
#include <malloc.h>
#include <lmb.h>
#include <mapmem.h>
#include <u-boot/crc.h>

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
		/* As U-Boot: an unset name fails without a word */
		if (!env_get(argv[i])) {
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
 * 'env info [-d] [-p] [-q]', as U-Boot's. Without options the state, in
 * U-Boot's words: an environment kept nowhere (no CONFIG_ENV_IS_IN_FAT)
 * is "invalid"; one in a file is "valid", whether it was loaded or the
 * default replaced it (env_use_default). -d succeeds if the default
 * environment is in use, -p if it can be saved, -q prints nothing.
 */
static int do_env_info(struct cmd_tbl *cmdtp, int flag, int argc,
		       char *const argv[])
{
	bool dflt = false, persist = false, quiet = false, ok = true;
	bool saves = IS_ENABLED(CONFIG_ENV_IS_IN_FAT);
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
		printf("env_valid = %s\n"
		       "env_ready = true\n"
		       "env_use_default = %s\n", saves ? "valid" : "invalid",
		       env_uses_default() ? "true" : "false");
		return CMD_RET_SUCCESS;
	}
	if (dflt) {
		ok = env_uses_default();
		if (!quiet)
			puts(ok ? "Default environment is used\n" :
			     "Environment was loaded from persistent storage\n");
	}
	if (persist) {
		if (!quiet)
			printf("Environment %s be persisted\n",
			       saves ? "can" : "cannot");
		ok = ok && saves;
	}
	return ok ? CMD_RET_SUCCESS : CMD_RET_FAILURE;
}

#ifdef CONFIG_CMD_SAVEENV
static int do_env_save(struct cmd_tbl *cmdtp, int flag, int argc,
		       char *const argv[])
{
	return env_save() ? CMD_RET_FAILURE : CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	saveenv, 1, 0, do_env_save,
	"save environment variables to persistent storage",
	""
);
#endif

/* --- env export / env import, as U-Boot's ----------------------------- */

/*
 * Formats (common/env_data.c): text ("name=value" lines, then a NUL),
 * binary ("name=value" strings each ending in a NUL, then one more NUL)
 * and checksummed (a CRC-32 of the rest, then the binary form padded
 * with NULs: U-Boot's env_t, CONFIG_ENV_SIZE bytes unless a size is
 * given). A binary export is padded to the environment's size as
 * U-Boot's, which sets filesize to CONFIG_ENV_SIZE.
 */
#define ENV_FMT_TEXT	'\n'
#define ENV_FMT_BIN	'\0'
/* The most bytes 'env import' looks through for the end of unsized data */
#define ENV_IMPORT_SCAN	(1UL << 20)

static int do_env_export(struct cmd_tbl *cmdtp, int flag, int argc,
			 char *const argv[])
{
	ulong addr, size = 0, need, hdr = 0, filesize;
	bool chk = false, sized = false;
	char sep = ENV_FMT_TEXT, *buf;
	const char *why;
	int i, nvars;

	if (!IS_ENABLED(CONFIG_CMD_EXPORTENV))
		return CMD_RET_USAGE;
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-t")) {
			sep = ENV_FMT_TEXT;
		} else if (!strcmp(argv[i], "-b")) {
			sep = ENV_FMT_BIN;
		} else if (!strcmp(argv[i], "-c")) {
			sep = ENV_FMT_BIN;
			chk = true;
		} else if (!strcmp(argv[i], "-s") && i + 1 < argc) {
			if (strict_strtoul(argv[++i], 16, &size))
				return CMD_RET_USAGE;
			sized = true;
		} else {
			return CMD_RET_USAGE;
		}
	}
	if (i >= argc || strict_strtoul(argv[i], 16, &addr))
		return CMD_RET_USAGE;
	nvars = argc - i - 1;

	/* count, then write */
	need = env_export_data(sep, NULL, nvars, argv + i + 1);
	if (chk) {
		hdr = ENV_HEADER_SIZE;
		if (!sized)
			size = CONFIG_ENV_SIZE;
		need += hdr;
	} else if (!sized && sep == ENV_FMT_BIN) {
		size = ENV_SIZE;	/* U-Boot's pad, without a header */
	}
	if (!size)
		size = need;
	if (size < need) {
		printf("## Error: env export: %lu bytes do not fit in 0x%lx\n",
		       need, size);
		return CMD_RET_FAILURE;
	}
	/* never over what the firmware keeps (its data, stack, heap) */
	if (lmb_check(addr, size, &why) == -EBUSY) {
		printf("## Error: env export: 0x%lx+0x%lx would overwrite %s\n",
		       addr, size, why);
		return CMD_RET_FAILURE;
	}
	buf = map_sysmem(addr, size);
	if (!buf) {
		printf("## Error: env export: 0x%lx+0x%lx is outside memory\n",
		       addr, size);
		return CMD_RET_FAILURE;
	}
	need = env_export_data(sep, buf + hdr, nvars, argv + i + 1);
	memset(buf + hdr + need, 0, size - hdr - need);
	if (chk) {
		u32 crc = crc32(0, (u8 *)buf + hdr, size - hdr);

		memcpy(buf, &crc, sizeof(crc));
	}
	unmap_sysmem(buf);
	/* U-Boot counts a header a binary export does not have */
	filesize = !sized && sep == ENV_FMT_BIN ? CONFIG_ENV_SIZE : size;
	env_set_hex("filesize", filesize);
	return CMD_RET_SUCCESS;
}

static int do_env_import(struct cmd_tbl *cmdtp, int flag, int argc,
			 char *const argv[])
{
	bool del = false, chk = false, crlf = false;
	ulong addr, size = 0, lim, i;
	char sep = ENV_FMT_TEXT, *copy;
	const char *src;
	int nvars, ret, a;

	if (!IS_ENABLED(CONFIG_CMD_IMPORTENV))
		return CMD_RET_USAGE;
	for (a = 1; a < argc && argv[a][0] == '-' && argv[a][1]; a++) {
		const char *o;

		for (o = argv[a] + 1; *o; o++) {
			if (*o == 'd')
				del = true;
			else if (*o == 't')
				sep = ENV_FMT_TEXT;
			else if (*o == 'r')
				crlf = true;
			else if (*o == 'b')
				sep = ENV_FMT_BIN;
			else if (*o == 'c')
				chk = true;
			else
				return CMD_RET_USAGE;
		}
	}
	if (chk)
		sep = ENV_FMT_BIN;
	if (a >= argc || strict_strtoul(argv[a], 16, &addr))
		return CMD_RET_USAGE;
	if (a + 1 < argc && strcmp(argv[a + 1], "-")) {
		if (strict_strtoul(argv[a + 1], 16, &size) || !size)
			return CMD_RET_USAGE;
	} else if (chk) {
		puts("## Error: external checksum format must pass size\n");
		return CMD_RET_FAILURE;
	}
	nvars = argc > a + 2 ? argc - a - 2 : 0;

	/* unsized: up to the end mark (NUL; two NULs for binary), looked
	 * for no further than the sandbox's memory goes
	 */
	lim = size;
	if (!size) {
		lim = ENV_IMPORT_SCAN;
		if (IS_ENABLED(CONFIG_SANDBOX) && addr < sysmem_size() &&
		    lim > sysmem_size() - addr)
			lim = sysmem_size() - addr;
	}
	src = map_sysmem(addr, lim);
	if (!src) {
		printf("## Error: env import: 0x%lx is outside memory\n", addr);
		return CMD_RET_FAILURE;
	}
	if (!size) {
		for (i = 0; i < lim; i++)
			if (!src[i] && (sep || !i || !src[i - 1]))
				break;
		if (i == lim) {
			printf("## Error: env import: no end of data within 0x%lx bytes\n",
			       lim);
			return CMD_RET_FAILURE;
		}
		size = i + 1;
		printf("## Info: input data size = %lu = 0x%lX\n", size, size);
	}
	if (chk) {
		u32 crc;

		memcpy(&crc, src, sizeof(crc));
		if (size < sizeof(crc) ||
		    crc != crc32(0, (const u8 *)src + 4, size - 4)) {
			puts("## Error: bad CRC, import failed\n");
			return CMD_RET_FAILURE;
		}
		src += sizeof(crc);
		size -= sizeof(crc);
	}

	copy = malloc(size + 1);
	if (!copy) {
		puts("## Error: env import: out of memory\n");
		return CMD_RET_FAILURE;
	}
	memcpy(copy, src, size);
	unmap_sysmem(src);
	ret = env_import_data(copy, size, sep, (del ? ENV_IMPORT_DELETE : 0) |
			      (crlf ? ENV_IMPORT_CRLF : 0), nvars,
			      argv + a + 2);
	free(copy);
	if (ret == -ENOMEM)
		puts("## Error: env import: out of memory\n");
	return ret ? CMD_RET_FAILURE : CMD_RET_SUCCESS;
}

/*
 * editenv name / env edit name: the value shown after "edit: " to be
 * edited; an empty line deletes the variable, Ctrl-C leaves it
 */
static int do_env_edit(struct cmd_tbl *cmdtp, int flag, int argc,
		       char *const argv[])
{
	char buf[CONFIG_SYS_CBSIZE + 1];
	const char *val;

	if (!IS_ENABLED(CONFIG_CMD_EDITENV) || argc != 2)
		return CMD_RET_USAGE;
	val = env_get(argv[1]);
	strlcpy(buf, val ?: "", sizeof(buf));
	if (cli_readline_edit("edit: ", buf) < 0)
		return CMD_RET_FAILURE;
	return env_set(argv[1], buf[0] ? buf : NULL) ? CMD_RET_FAILURE :
						       CMD_RET_SUCCESS;
}

#ifdef CONFIG_CMD_EDITENV
U_BOOT_CMD(
	editenv, 2, 0, do_env_edit,
	"edit environment variable",
	"name\n"
	"    - edit environment variable 'name'"
);
#endif

/* U-Boot 2023.01's text, with the sub-commands built in */
U_BOOT_CMD_WITH_SUBCMDS(env, "environment handling commands",
	"default [-f] -a - [forcibly] reset default environment\n"
	"env default [-f] var [...] - [forcibly] reset variable(s) to their default values\n"
	"env delete [-f] var [...] - [forcibly] delete variable(s)\n"
#ifdef CONFIG_CMD_EDITENV
	"env edit name - edit environment variable\n"
#endif
	"env exists name - tests for existence of variable\n"
#ifdef CONFIG_CMD_EXPORTENV
	"env export [-t | -b | -c] [-s size] addr [var ...] - export environment\n"
#endif
#ifdef CONFIG_CMD_IMPORTENV
	"env import [-d] [-t [-r] | -b | -c] addr [size] [var ...] - import environment\n"
#endif
#ifdef CONFIG_CMD_NVEDIT_INFO
	"env info - display environment information\n"
	"env info [-d] [-p] [-q] - evaluate environment information\n"
	"      \"-d\": default environment is used\n"
	"      \"-p\": environment can be persisted\n"
	"      \"-q\": quiet output\n"
#endif
	"env print [-a | name ...] - print environment\n"
#ifdef CONFIG_CMD_RUN
	"env run var [...] - run commands in an environment variable\n"
#endif
#ifdef CONFIG_CMD_SAVEENV
	"env save - save environment\n"
#endif
	"env set [-f] name [arg ...]\n",
	U_BOOT_SUBCMD_MKENT(default, CONFIG_SYS_MAXARGS, 0, do_env_default),
	U_BOOT_SUBCMD_MKENT(delete, CONFIG_SYS_MAXARGS, 0, do_env_delete),
	U_BOOT_SUBCMD_MKENT(edit, 2, 0, do_env_edit),
	U_BOOT_SUBCMD_MKENT(exists, 2, 0, do_env_exists),
	U_BOOT_SUBCMD_MKENT(export, CONFIG_SYS_MAXARGS, 0, do_env_export),
	U_BOOT_SUBCMD_MKENT(import, CONFIG_SYS_MAXARGS, 0, do_env_import),
	U_BOOT_SUBCMD_MKENT(info, 4, 0, do_env_info),
	U_BOOT_SUBCMD_MKENT(print, CONFIG_SYS_MAXARGS, 1, do_printenv),
#ifdef CONFIG_CMD_RUN
	U_BOOT_SUBCMD_MKENT(run, CONFIG_SYS_MAXARGS, 1, do_run),
#endif
#ifdef CONFIG_CMD_SAVEENV
	U_BOOT_SUBCMD_MKENT(save, 1, 0, do_env_save),
#endif
	U_BOOT_SUBCMD_MKENT(set, CONFIG_SYS_MAXARGS, 0, do_setenv));
