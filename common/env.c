// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The environment, kept in memory as an array of variables sorted by
 * name: lookups are a binary search, and 'printenv' walks it in order.
 * Each variable is one allocation holding "name\0value\0".
 */
#include <common.h>
#include <env.h>
#include <u-boot/crc.h>
#include <version.h>

#ifndef CONFIG_BOOTDELAY
#define CONFIG_BOOTDELAY	-1	/* no autoboot */
#endif

struct env_var {
	char *name;		/* "name\0value\0", one allocation */
	char *value;		/* points into the same block */
};

static struct env_var *env_vars;
static int env_count;
static int env_alloc;
static bool env_from_default = true;


bool env_name_valid(const char *name)
{
	const char *p;

	if (!name || !*name)
		return false;
	for (p = name; *p; p++) {
		if (*p == '=' || *p == ' ' || *p == '\t' || *p == '\n' ||
		    *p == '\r')
			return false;
	}
	return true;
}

/* Index of @name, or -(insertion point) - 1 if it is not set. */
static int env_find(const char *name)
{
	int lo = 0, hi = env_count - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		int cmp = strcmp(name, env_vars[mid].name);

		if (!cmp)
			return mid;
		if (cmp < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return -lo - 1;
}

static void env_remove(int idx)
{
	free(env_vars[idx].name);
	memmove(&env_vars[idx], &env_vars[idx + 1],
		(env_count - idx - 1) * sizeof(*env_vars));
	env_count--;
}

static void env_clear(void)
{
	while (env_count)
		env_remove(env_count - 1);
}

int env_used_bytes(void)
{
	int i, total = 1;	/* the terminating NUL */

	for (i = 0; i < env_count; i++)
		total += strlen(env_vars[i].name) +
			 strlen(env_vars[i].value) + 2;
	return total;
}

int env_max_bytes(void)
{
	return CONFIG_ENV_SIZE - ENV_HEADER_SIZE;
}

/* Set without the size check: the default environment always fits. */
static int env_store(const char *name, const char *value, bool check_size)
{
	size_t nlen, vlen;
	int idx;
	char *blk;

	if (!env_name_valid(name))
		return -EINVAL;
	idx = env_find(name);
	if (!value || !*value) {
		if (idx >= 0)
			env_remove(idx);
		return 0;
	}

	nlen = strlen(name);
	vlen = strlen(value);
	if (check_size) {
		int used = env_used_bytes();

		if (idx >= 0)
			used -= strlen(env_vars[idx].value);
		else
			used += nlen + 2;
		if (used + vlen > (size_t)env_max_bytes())
			return -ENOSPC;
	}

	blk = malloc(nlen + vlen + 2);
	if (!blk)
		return -ENOMEM;
	memcpy(blk, name, nlen + 1);
	memcpy(blk + nlen + 1, value, vlen + 1);

	if (idx >= 0) {
		free(env_vars[idx].name);
	} else {
		if (env_count == env_alloc) {
			int n = env_alloc ? env_alloc * 2 : 32;
			struct env_var *vars;

			vars = realloc(env_vars, n * sizeof(*vars));
			if (!vars) {
				free(blk);
				return -ENOMEM;
			}
			env_vars = vars;
			env_alloc = n;
		}
		idx = -idx - 1;
		memmove(&env_vars[idx + 1], &env_vars[idx],
			(env_count - idx) * sizeof(*env_vars));
		env_count++;
	}
	env_vars[idx].name = blk;
	env_vars[idx].value = blk + nlen + 1;
	return 0;
}

char *env_get(const char *varname)
{
	int idx;

	if (!varname)
		return NULL;
	idx = env_find(varname);
	return idx >= 0 ? env_vars[idx].value : NULL;
}

int env_set(const char *varname, const char *value)
{
	return env_store(varname, value, true);
}

ulong env_get_ulong(const char *name, int base, ulong default_val)
{
	const char *str = env_get(name);

	return str ? simple_strtoul(str, NULL, base) : default_val;
}

ulong env_get_hex(const char *varname, ulong default_val)
{
	return env_get_ulong(varname, 16, default_val);
}

int env_set_ulong(const char *varname, ulong value)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%lu", value);
	return env_set(varname, buf);
}

int env_set_hex(const char *varname, ulong value)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%lx", value);
	return env_set(varname, buf);
}

int env_foreach(int (*func)(const char *name, const char *value, void *priv),
		void *priv)
{
	int i, ret = 0;

	for (i = 0; i < env_count && !ret; i++)
		ret = func(env_vars[i].name, env_vars[i].value, priv);
	return ret;
}

/* --- the default environment ------------------------------------------ */

static char default_bootdelay[12];
static char default_loadaddr[24];

/* The built-in defaults; board_env_extra[] follows them. */
static const struct {
	const char *name;
	const char *value;
} default_fixed[] = {
	{ "arch", CONFIG_SYS_ARCH },
	{ "board", CONFIG_SYS_BOARD },
	{ "board_name", CONFIG_SYS_BOARD },
	{ "bootcmd", CONFIG_BOOTCOMMAND },
	{ "bootdelay", default_bootdelay },
	{ "loadaddr", default_loadaddr },
#ifdef CONFIG_USE_PREBOOT
	{ "preboot", CONFIG_PREBOOT },
#endif
};

/*
 * Call @func for each default variable in order; a later entry with the
 * same name overrides an earlier one. Stops when @func returns non-zero.
 */
static int default_env_walk(int (*func)(const char *name, size_t nlen,
					const char *value, void *priv),
			    void *priv)
{
	const char *p;
	size_t i;
	int ret;

	snprintf(default_bootdelay, sizeof(default_bootdelay), "%d",
		 CONFIG_BOOTDELAY);
	snprintf(default_loadaddr, sizeof(default_loadaddr), "%lx",
		 (ulong)CONFIG_SYS_LOAD_ADDR);

	for (i = 0; i < ARRAY_SIZE(default_fixed); i++) {
		ret = func(default_fixed[i].name, strlen(default_fixed[i].name),
			   default_fixed[i].value, priv);
		if (ret)
			return ret;
	}
	/* Opaque to the compiler: a weak reference may be NULL */
	p = board_env_extra;
	__asm__("" : "+r"(p));
	for (; p && *p; p += strlen(p) + 1) {
		const char *eq = strchr(p, '=');

		if (!eq || eq == p)
			continue;
		ret = func(p, eq - p, eq + 1, priv);
		if (ret)
			return ret;
	}
	return 0;
}

static int import_one(const char *name, size_t nlen, const char *value,
		      void *priv)
{
	char buf[64];
	int ret;

	if (nlen >= sizeof(buf))
		return 0;
	memcpy(buf, name, nlen);
	buf[nlen] = '\0';
	ret = env_store(buf, value, false);
	/* Do not stop on failure: import what can be imported. */
	if (ret && !*(int *)priv)
		*(int *)priv = ret;
	return 0;
}

struct default_lookup {
	const char *name;
	const char *value;
};

static int lookup_one(const char *name, size_t nlen, const char *value,
		      void *priv)
{
	struct default_lookup *look = priv;

	if (strlen(look->name) == nlen && !strncmp(look->name, name, nlen))
		look->value = *value ? value : NULL;
	return 0;
}

const char *env_get_default(const char *name)
{
	struct default_lookup look = { .name = name };

	default_env_walk(lookup_one, &look);
	return look.value;
}

void env_set_default(const char *s, int flags)
{
	int err = 0;

	if (s) {
		if (flags & H_INTERACTIVE)
			puts(s);
		else
			printf("*** Warning - %s, using default environment\n\n", s);
	}
	env_clear();
	default_env_walk(import_one, &err);
	env_from_default = true;
}

int env_set_default_vars(int nvars, char *const vars[], int flags)
{
	int i, ret;

	/* one the default environment lacks is left as it is, as U-Boot */
	for (i = 0; i < nvars; i++) {
		if (!env_get_default(vars[i]))
			continue;
		ret = env_set(vars[i], env_get_default(vars[i]));
		if (ret)
			return ret;
	}
	return 0;
}

bool env_uses_default(void)
{
	return env_from_default;
}

int env_import(char *buf, int check, int flags)
{
	struct environment_s *ep = (struct environment_s *)buf;

	if (check && crc32(0, ep->data, ENV_SIZE) != ep->crc) {
		env_set_default("bad CRC", 0);
		return -ENOMSG;
	}
	env_clear();
	if (env_import_data((char *)ep->data, ENV_SIZE - 1, '\0', 0, 0,
			    NULL)) {
		env_set_default("import failed", 0);
		return -EIO;
	}
	env_from_default = false;
	return 0;
}

int env_init(void)
{
	int err = 0;

	env_clear();
	default_env_walk(import_one, &err);
	env_from_default = true;
	if (IS_ENABLED(CONFIG_VERSION_VARIABLE) && !err)
		err = env_store("ver", version_string, false);
	return err == -ENOMEM ? -ENOMEM : 0;
}
