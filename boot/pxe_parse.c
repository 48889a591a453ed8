// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Parse the syslinux configuration syntax that extlinux.conf and
 * pxelinux.cfg files use, as U-Boot reads it: one keyword per line,
 * case-insensitive, '#' starts a comment line, global keywords before
 * the first "label", label keywords after it. The input may be hostile
 * (it is fuzzed): lines are bounded by the buffer, never by a NUL.
 */

#include <common.h>
#include <malloc.h>
#include <pxe_utils.h>
#include <linux/ctype.h>

enum pxe_kw {
	KW_NONE,
	KW_DEFAULT, KW_ONTIMEOUT, KW_TIMEOUT, KW_PROMPT, KW_MENU, KW_LABEL,
	KW_KERNEL, KW_LINUX, KW_INITRD, KW_FDT, KW_FDTDIR, KW_APPEND,
	KW_LOCALBOOT, KW_IPAPPEND, KW_TITLE, KW_INCLUDE,
};

static const struct {
	const char *word;
	enum pxe_kw kw;
} keywords[] = {
	{ "default", KW_DEFAULT },
	{ "ontimeout", KW_ONTIMEOUT },
	{ "timeout", KW_TIMEOUT },
	{ "prompt", KW_PROMPT },
	{ "menu", KW_MENU },
	{ "label", KW_LABEL },
	{ "kernel", KW_KERNEL },
	{ "linux", KW_LINUX },
	{ "initrd", KW_INITRD },
	{ "fdt", KW_FDT },
	{ "devicetree", KW_FDT },
	{ "fdtdir", KW_FDTDIR },
	{ "devicetreedir", KW_FDTDIR },
	{ "append", KW_APPEND },
	{ "localboot", KW_LOCALBOOT },
	{ "ipappend", KW_IPAPPEND },
	{ "title", KW_TITLE },
	{ "include", KW_INCLUDE },
};

/* The next word of [*p, end): its start and length; *p moves past it */
static int next_word(const char **p, const char *end, const char **word)
{
	const char *s = *p;

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	*word = s;
	while (s < end && *s != ' ' && *s != '\t')
		s++;
	*p = s;
	return s - *word;
}

static enum pxe_kw lookup(const char *word, int len)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(keywords); i++) {
		if (strlen(keywords[i].word) == len &&
		    !strncasecmp(keywords[i].word, word, len))
			return keywords[i].kw;
	}
	return KW_NONE;
}

/* The rest of the line, blanks trimmed at both ends, as a new string */
static int rest(const char *p, const char *end, char **out)
{
	char *s;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' ||
			   end[-1] == '\r'))
		end--;
	s = malloc(end - p + 1);
	if (!s)
		return -ENOMEM;
	memcpy(s, p, end - p);
	s[end - p] = 0;
	free(*out);
	*out = s;
	return 0;
}

static int parse_int(const char *p, const char *end)
{
	int val = 0;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (p < end && isdigit(*p) && val < 1000000)
		val = val * 10 + (*p++ - '0');
	return val;
}

static int parse_line(struct pxe_menu *menu, const char *p, const char *end)
{
	/* The label being read; none before the first or past the last kept */
	struct pxe_label *label = menu->count && menu->count <= PXE_MAX_LABELS ?
		&menu->labels[menu->count - 1] : NULL;
	const char *word;
	int len = next_word(&p, end, &word);
	enum pxe_kw kw = lookup(word, len);

	if (kw == KW_MENU) {
		len = next_word(&p, end, &word);
		kw = lookup(word, len);
		/* "menu label" inside a label, "menu title" anywhere */
		if (len == 5 && !strncasecmp(word, "label", 5))
			return label ? rest(p, end, &label->menu) : 0;
		/* "menu default" makes the current label the default */
		if (kw == KW_DEFAULT && label && label->name)
			return rest(label->name, label->name + strlen(label->name),
				    &menu->default_label);
		if (kw == KW_TITLE) {
			/* U-Boot shows the menu when it has a title */
			menu->prompt = 1;
			return rest(p, end, &menu->title);
		}
		return 0;
	}
	switch (kw) {
	case KW_DEFAULT:
	case KW_ONTIMEOUT:
		/* The first word: "default vesamenu.c32" is syslinux's */
		len = next_word(&p, end, &word);
		return rest(word, word + len, &menu->default_label);
	case KW_TIMEOUT:
		menu->timeout = parse_int(p, end);
		return 0;
	case KW_PROMPT:
		menu->prompt = parse_int(p, end);
		return 0;
	case KW_LABEL:
		if (menu->count == PXE_MAX_LABELS) {
			printf("extlinux: more than %d labels, the rest are ignored\n",
			       PXE_MAX_LABELS);
			menu->count++;		/* later lines go nowhere */
			return 0;
		}
		if (menu->count > PXE_MAX_LABELS)
			return 0;
		label = &menu->labels[menu->count++];
		return rest(p, end, &label->name);
	default:
		break;
	}
	if (!label)
		return 0;
	switch (kw) {
	case KW_KERNEL:
	case KW_LINUX:
		return rest(p, end, &label->kernel);
	case KW_INITRD:
		return rest(p, end, &label->initrd);
	case KW_FDT:
		return rest(p, end, &label->fdt);
	case KW_FDTDIR:
		return rest(p, end, &label->fdtdir);
	case KW_APPEND:
		return rest(p, end, &label->append);
	case KW_LOCALBOOT:
		label->localboot = true;
		return 0;
	case KW_IPAPPEND:
		label->ipappend = parse_int(p, end);
		return 0;
	default:
		return 0;
	}
}

int pxe_parse(const char *text, size_t len, struct pxe_menu *menu)
{
	const char *p = text, *end = text + len, *eol;
	int ret;

	memset(menu, 0, sizeof(*menu));
	while (p < end) {
		eol = memchr(p, '\n', end - p);
		if (!eol)
			eol = end;
		ret = parse_line(menu, p, eol);
		if (ret) {
			pxe_menu_free(menu);
			return ret;
		}
		p = eol + 1;
	}
	if (menu->count > PXE_MAX_LABELS)
		menu->count = PXE_MAX_LABELS;
	return 0;
}

void pxe_menu_free(struct pxe_menu *menu)
{
	int i;

	for (i = 0; i < menu->count && i < PXE_MAX_LABELS; i++) {
		struct pxe_label *l = &menu->labels[i];

		free(l->name);
		free(l->menu);
		free(l->kernel);
		free(l->initrd);
		free(l->fdt);
		free(l->fdtdir);
		free(l->append);
	}
	free(menu->title);
	free(menu->default_label);
	memset(menu, 0, sizeof(*menu));
}

struct pxe_label *pxe_find_label(struct pxe_menu *menu, const char *name)
{
	char *end;
	ulong n;
	int i;

	if (!name || !*name)
		return NULL;
	for (i = 0; i < menu->count; i++) {
		if (menu->labels[i].name && !strcmp(menu->labels[i].name, name))
			return &menu->labels[i];
	}
	n = simple_strtoul(name, &end, 10);
	if (!*end && n >= 1 && n <= menu->count)
		return &menu->labels[n - 1];
	for (i = 0; i < menu->count; i++) {
		if (menu->labels[i].menu && !strcmp(menu->labels[i].menu, name))
			return &menu->labels[i];
	}
	return NULL;
}

struct pxe_label *pxe_find_loadparm(struct pxe_menu *menu, const char *lp)
{
	const char *name;
	int i, pass, len = strlen(lp);

	/*
	 * A name as it is, then without case, then (8 characters: all QEMU
	 * keeps) one they start
	 */
	for (pass = 0; pass < 3; pass++) {
		for (i = 0; i < menu->count; i++) {
			name = menu->labels[i].name;
			if (name && (pass == 0 ? !strcmp(name, lp) :
				     pass == 1 ? !strcasecmp(name, lp) :
				     len == 8 && !strncasecmp(name, lp, 8)))
				return &menu->labels[i];
		}
	}
	/* Then a number or a menu label */
	return pxe_find_label(menu, lp);
}
