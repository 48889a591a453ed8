// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Boot Loader Specification type #1 entries: parse, sort, convert. The
 * files may be hostile (they are fuzzed): lines are bounded by the
 * buffer, never by a NUL.
 */

#include <common.h>
#include <bls.h>
#include <malloc.h>
#include <pxe_utils.h>
#include <linux/ctype.h>

/* Append @val (len bytes) to *@out, joined with @sep if not empty */
static int set_or_join(char **out, const char *val, int len, char sep)
{
	int old = *out ? strlen(*out) : 0;
	char *s;

	if (old && !sep) {
		free(*out);		/* a single-valued key: the last wins */
		*out = NULL;
		old = 0;
	}
	s = realloc(*out, old + (old ? 1 : 0) + len + 1);
	if (!s)
		return -ENOMEM;
	if (old)
		s[old++] = sep;
	memcpy(s + old, val, len);
	s[old + len] = 0;
	*out = s;
	return 0;
}

int bls_parse(const char *text, size_t len, const char *id,
	      struct bls_entry *e)
{
	const char *p = text, *end = text + len, *eol, *key, *val, *vend;
	int klen, ret = 0;
	char **field;
	char sep;

	memset(e, 0, sizeof(*e));
	e->id = strdup(id);
	if (!e->id)
		return -ENOMEM;
	for (; p < end && !ret; p = eol + 1) {
		eol = memchr(p, '\n', end - p);
		if (!eol)
			eol = end;
		while (p < eol && isspace(*p))
			p++;
		if (p == eol || *p == '#')
			continue;
		key = p;
		while (p < eol && !isspace(*p))
			p++;
		klen = p - key;
		while (p < eol && isspace(*p))
			p++;
		val = p;
		vend = eol;
		while (vend > val && isspace(vend[-1]))
			vend--;
		sep = 0;
#define KEY(name) (klen == sizeof(name) - 1 && !strncmp(key, name, klen))
		if (KEY("title")) {
			field = &e->title;
		} else if (KEY("version")) {
			field = &e->version;
		} else if (KEY("machine-id")) {
			field = &e->machine_id;
		} else if (KEY("sort-key")) {
			field = &e->sort_key;
		} else if (KEY("linux")) {
			field = &e->kernel;
		} else if (KEY("devicetree")) {
			field = &e->devicetree;
		} else if (KEY("initrd")) {
			field = &e->initrd;
			sep = ',';
		} else if (KEY("options")) {
			field = &e->options;
			sep = ' ';
		} else {
			continue;	/* efi, architecture, ...: not ours */
		}
#undef KEY
		ret = set_or_join(field, val, vend - val, sep);
	}
	if (ret)
		bls_free(e);
	return ret;
}

void bls_free(struct bls_entry *e)
{
	free(e->id);
	free(e->title);
	free(e->version);
	free(e->machine_id);
	free(e->sort_key);
	free(e->kernel);
	free(e->initrd);
	free(e->options);
	free(e->devicetree);
	memset(e, 0, sizeof(*e));
}

int bls_versioncmp(const char *a, const char *b)
{
	const char *na, *nb;
	int la, lb, c;

	for (;;) {
		/* Separators are only boundaries */
		while (*a && !isalnum(*a) && *a != '~')
			a++;
		while (*b && !isalnum(*b) && *b != '~')
			b++;
		if (*a == '~' || *b == '~') {
			if (*a != '~')
				return 1;
			if (*b != '~')
				return -1;
			a++;
			b++;
			continue;
		}
		if (!*a || !*b)
			return !!*a - !!*b;
		if (isdigit(*a) != isdigit(*b))
			return isdigit(*a) ? 1 : -1;
		if (isdigit(*a)) {
			while (*a == '0')
				a++;
			while (*b == '0')
				b++;
			for (na = a; isdigit(*na); na++)
				;
			for (nb = b; isdigit(*nb); nb++)
				;
			la = na - a;
			lb = nb - b;
			if (la != lb)
				return la - lb;
			c = strncmp(a, b, la);
			if (c)
				return c;
			a = na;
			b = nb;
		} else {
			for (na = a; isalpha(*na); na++)
				;
			for (nb = b; isalpha(*nb); nb++)
				;
			la = na - a;
			lb = nb - b;
			c = strncmp(a, b, min(la, lb));
			if (c)
				return c;
			if (la != lb)
				return la - lb;
			a = na;
			b = nb;
		}
	}
}

static int strcmp_null(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/* <0 when @a comes first in the menu */
static int entry_cmp(const struct bls_entry *a, const struct bls_entry *b)
{
	int c;

	if (!a->sort_key != !b->sort_key)
		return a->sort_key ? -1 : 1;
	if (a->sort_key) {
		c = strcmp(a->sort_key, b->sort_key);
		if (!c)
			c = strcmp_null(a->machine_id, b->machine_id);
		if (!c)
			c = -bls_versioncmp(a->version ? a->version : "",
					    b->version ? b->version : "");
		if (c)
			return c;
	}
	/* Last, the file names: the highest version first */
	return -bls_versioncmp(a->id, b->id);
}

void bls_sort(struct bls_entry *entries, int count)
{
	struct bls_entry tmp;
	int i, j;

	/* Insertion sort: a few dozen entries at most, and stable */
	for (i = 1; i < count; i++) {
		tmp = entries[i];
		for (j = i; j > 0 && entry_cmp(&entries[j - 1], &tmp) > 0; j--)
			entries[j] = entries[j - 1];
		entries[j] = tmp;
	}
}

static int dup_str(char **out, const char *s)
{
	*out = NULL;
	if (!s)
		return 0;
	*out = strdup(s);
	return *out ? 0 : -ENOMEM;
}

int bls_to_label(const struct bls_entry *e, struct pxe_label *label)
{
	char *menu = NULL;
	int ret;

	memset(label, 0, sizeof(*label));
	if (!e->kernel)
		return -ENOENT;
	if (e->title || e->version) {
		menu = malloc(strlen(e->title ? e->title : e->id) +
			      (e->version ? strlen(e->version) + 3 : 0) + 1);
		if (!menu)
			return -ENOMEM;
		strcpy(menu, e->title ? e->title : e->id);
		if (e->version) {
			strcat(menu, " (");
			strcat(menu, e->version);
			strcat(menu, ")");
		}
	}
	label->menu = menu;
	ret = dup_str(&label->name, e->id);
	if (!ret)
		ret = dup_str(&label->kernel, e->kernel);
	if (!ret)
		ret = dup_str(&label->initrd, e->initrd);
	if (!ret)
		ret = dup_str(&label->append, e->options);
	if (!ret)
		ret = dup_str(&label->fdt, e->devicetree);
	return ret;
}
