// SPDX-License-Identifier: GPL-2.0-or-later
/* Environment commands: setenv, printenv and env with its sub-commands. */
#include <common.h>
#include <cli.h>
#include <command.h>
#include <env.h>
#include <malloc.h>
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

/* --- env export / env import, as U-Boot's ----------------------------- */

/*
 * Formats: text ("name=value" lines, then a NUL), binary ("name=value"
 * strings each ending in a NUL, then one more NUL) and checksummed (a
 * CRC-32 of the rest, then the binary form padded with NULs: U-Boot's
 * env_t, CONFIG_ENV_SIZE bytes unless a size is given). In the text and
 * binary forms a backslash escapes the next character: the separator or
 * a backslash in a value is written with one before it.
 */
#define ENV_FMT_TEXT	'\n'
#define ENV_FMT_BIN	'\0'
/* The most bytes 'env import' looks through for the end of unsized data */
#define ENV_IMPORT_SCAN	(1UL << 20)

struct env_export {
	char *p;		/* where the next byte goes; NULL: only count */
	size_t len;		/* bytes so far */
	char sep;
	int nvars;
	char *const *vars;	/* only these, if nvars */
};

static bool env_listed(const char *name, int nvars, char *const vars[])
{
	int i;

	for (i = 0; i < nvars; i++)
		if (!strcmp(name, vars[i]))
			return true;
	return !nvars;
}

static void env_put(struct env_export *x, char c)
{
	if (x->p)
		x->p[x->len] = c;
	x->len++;
}

static int export_one(const char *name, const char *value, void *priv)
{
	struct env_export *x = priv;

	if (!env_listed(name, x->nvars, x->vars))
		return 0;
	while (*name)
		env_put(x, *name++);
	env_put(x, '=');
	for (; *value; value++) {
		if (*value == x->sep || *value == '\\')
			env_put(x, '\\');
		env_put(x, *value);
	}
	env_put(x, x->sep);
	return 0;
}

static int do_env_export(struct cmd_tbl *cmdtp, int flag, int argc,
			 char *const argv[])
{
	struct env_export x = { .sep = ENV_FMT_TEXT };
	ulong addr, size = 0, need, hdr = 0;
	bool chk = false, sized = false;
	char *buf;
	int i;

	if (!IS_ENABLED(CONFIG_CMD_EXPORTENV))
		return CMD_RET_USAGE;
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-t")) {
			x.sep = ENV_FMT_TEXT;
		} else if (!strcmp(argv[i], "-b")) {
			x.sep = ENV_FMT_BIN;
		} else if (!strcmp(argv[i], "-c")) {
			x.sep = ENV_FMT_BIN;
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
	x.nvars = argc - i - 1;
	x.vars = argv + i + 1;

	/* count, then write */
	env_foreach(export_one, &x);
	env_put(&x, '\0');
	need = x.len;
	if (chk) {
		hdr = sizeof(u32);
		if (!sized)
			size = CONFIG_ENV_SIZE;
		need += hdr;
	}
	if (!sized && !chk)
		size = need;
	if (size < need) {
		printf("## Error: env export: %lu bytes do not fit in 0x%lx\n",
		       need, size);
		return CMD_RET_FAILURE;
	}
	buf = map_sysmem(addr, size);
	if (!buf) {
		printf("## Error: env export: 0x%lx+0x%lx is outside memory\n",
		       addr, size);
		return CMD_RET_FAILURE;
	}
	x.p = buf + hdr;
	x.len = 0;
	env_foreach(export_one, &x);
	env_put(&x, '\0');
	memset(buf + hdr + x.len, 0, size - hdr - x.len);
	if (chk) {
		u32 crc = crc32(0, (u8 *)buf + hdr, size - hdr);

		memcpy(buf, &crc, sizeof(crc));
	}
	unmap_sysmem(buf);
	env_set_hex("filesize", size);
	return CMD_RET_SUCCESS;
}

static int delete_first(const char *name, const char *value, void *priv)
{
	env_set(name, NULL);
	*(bool *)priv = true;
	return 1;
}

/*
 * Import one entry of @len bytes at @s (escapes still in): "name=value"
 * sets, "name" and "name=" delete, as in U-Boot. With @nvars, only the
 * names in @vars are taken, and each one taken is marked in @found.
 */
static int import_one(char *s, size_t len, int nvars, char *const vars[],
		      char *found)
{
	char *end = s + len, *eq, *d, *v;
	int i;

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	eq = memchr(s, '=', end - s);
	if (eq == s || s == end)
		return 0;
	if (!eq)
		eq = end;
	*eq = '\0';
	if (!env_listed(s, nvars, vars))
		return 0;
	for (i = 0; i < nvars; i++)
		if (!strcmp(s, vars[i]))
			found[i] = 1;
	for (d = v = eq + 1; v < end; v++) {
		if (*v == '\\' && v + 1 < end)
			v++;
		*d++ = *v;
	}
	if (eq < end)
		*d = '\0';
	if (env_set(s, eq < end ? eq + 1 : NULL)) {
		printf("## Error: env import: cannot set \"%s\"\n", s);
		return -EINVAL;
	}
	return 0;
}

static int do_env_import(struct cmd_tbl *cmdtp, int flag, int argc,
			 char *const argv[])
{
	bool del = false, chk = false, crlf = false, more;
	ulong addr, size = 0, lim, i, start, len;
	char sep = ENV_FMT_TEXT, *data, *copy, *found;
	const char *src;
	int nvars, ret = 0, a;

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
	found = calloc(nvars + 1, 1);
	if (!copy || !found) {
		free(copy);
		free(found);
		puts("## Error: env import: out of memory\n");
		return CMD_RET_FAILURE;
	}
	memcpy(copy, src, size);
	copy[size] = sep;	/* the last entry ends, without one too */
	unmap_sysmem(src);

	if (del && !nvars)
		do {
			more = false;
			env_foreach(delete_first, &more);
		} while (more);

	data = copy;
	for (start = i = 0; i <= size && !ret; i++) {
		char c = data[i];

		if (c == '\\' && i + 1 < size) {
			i++;
			continue;
		}
		if (sep && !c) {	/* text ends at its NUL */
			size = i;
			c = sep;
		}
		if (c != sep)
			continue;
		if (!sep && i == start)
			break;		/* binary ends with an empty string */
		len = i - start;
		if (crlf && len && data[i - 1] == '\r')
			len--;
		if (!sep || data[start] != '#')
			ret = import_one(data + start, len, nvars, argv + a + 2,
					 found);
		start = i + 1;
	}
	for (a = 0; del && !ret && a < nvars; a++)
		if (!found[a])
			env_set(argv[argc - nvars + a], NULL);
	free(copy);
	free(found);
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

U_BOOT_CMD_WITH_SUBCMDS(env, "environment handling commands",
	"default [-f] -a\n"
	"    - reset the whole environment to its default\n"
	"env default [-f] var [...]\n"
	"    - reset variables to their default values\n"
	"env delete [-f] var [...]\n"
	"    - delete variables\n"
#ifdef CONFIG_CMD_EDITENV
	"env edit name\n"
	"    - edit environment variable\n"
#endif
	"env exists name\n"
	"    - succeed if variable 'name' is set\n"
	"env export [-t | -b | -c] [-s size] addr [var ...]\n"
	"    - export the environment (or the variables named) to memory:\n"
	"      -t text (default), -b binary, -c with CRC; sets filesize\n"
	"env import [-d] [-t [-r] | -b | -c] addr [size|-] [var ...]\n"
	"    - import an environment (or only the variables named); -d\n"
	"      deletes the others first (or the named ones not found)\n"
	"      -r: lines may end in CRLF\n"
	"env info [-d] [-p] [-q]\n"
	"    - environment state; -d: default in use? -p: can be saved?\n"
	"      (never here) -q: quiet, only the status\n"
	"env print [-a | name ...]\n"
	"    - print the environment, or some variables\n"
	"env set [-f] name [value ...]\n"
	"    - set (or without value: delete) a variable",
	U_BOOT_SUBCMD_MKENT(default, CONFIG_SYS_MAXARGS, 0, do_env_default),
	U_BOOT_SUBCMD_MKENT(delete, CONFIG_SYS_MAXARGS, 0, do_env_delete),
	U_BOOT_SUBCMD_MKENT(edit, 2, 0, do_env_edit),
	U_BOOT_SUBCMD_MKENT(exists, 2, 0, do_env_exists),
	U_BOOT_SUBCMD_MKENT(export, CONFIG_SYS_MAXARGS, 0, do_env_export),
	U_BOOT_SUBCMD_MKENT(import, CONFIG_SYS_MAXARGS, 0, do_env_import),
	U_BOOT_SUBCMD_MKENT(info, 4, 0, do_env_info),
	U_BOOT_SUBCMD_MKENT(print, CONFIG_SYS_MAXARGS, 1, do_printenv),
	U_BOOT_SUBCMD_MKENT(set, CONFIG_SYS_MAXARGS, 0, do_setenv));
