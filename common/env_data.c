// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The environment as bytes, in U-Boot's forms (its hexport_r() and
 * himport_r()): "name=value" entries sorted by name, each ended by a
 * separator ('\n' for text, '\0' for binary), then a NUL. A separator or
 * a backslash inside a value is written with a backslash before it, and
 * a backslash escapes the next character when the data is read back.
 *
 * 'env export' / 'env import' and the environment kept in a file
 * (common/env_fat.c) share these.
 */
#include <common.h>
#include <env.h>

struct env_out {
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

static void env_put(struct env_out *x, char c)
{
	if (x->p)
		x->p[x->len] = c;
	x->len++;
}

static int export_one(const char *name, const char *value, void *priv)
{
	struct env_out *x = priv;

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

size_t env_export_data(char sep, char *buf, int nvars, char *const vars[])
{
	struct env_out x = {
		.p = buf, .sep = sep, .nvars = nvars, .vars = vars,
	};

	env_foreach(export_one, &x);
	env_put(&x, '\0');
	return x.len;
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

int env_import_data(char *data, size_t size, char sep, int flags, int nvars,
		    char *const vars[])
{
	char *found = NULL;
	size_t i, start, len;
	bool more;
	int ret = 0, a;

	if (nvars) {
		found = calloc(nvars, 1);
		if (!found)
			return -ENOMEM;
	}
	if (flags & ENV_IMPORT_DELETE && !nvars)
		do {
			more = false;
			env_foreach(delete_first, &more);
		} while (more);

	data[size] = sep;	/* the last entry ends, without one too */
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
		if (flags & ENV_IMPORT_CRLF && len && data[i - 1] == '\r')
			len--;
		if (!sep || data[start] != '#')
			ret = import_one(data + start, len, nvars, vars, found);
		start = i + 1;
	}
	for (a = 0; flags & ENV_IMPORT_DELETE && !ret && a < nvars; a++)
		if (!found[a])
			env_set(vars[a], NULL);
	free(found);
	return ret;
}
