// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The names the FAT writer gives a new file (include/fat.h): which long
 * names are legal (U-Boot's rule), their UTF-16 form for the long-name
 * slots, and the 8.3 name as Linux's vfat makes it (shortname=mixed),
 * with its numeric tail. Pure functions, unit-tested in
 * test/unit/fs/fat_name.c.
 */
#include <common.h>
#include <errno.h>
#include <fat.h>
#include <linux/string.h>
#include "fat_internal.h"

bool fat_name_valid(const char *name)
{
	size_t len = strlen(name);
	const char *p;

	/* U-Boot's rule (normalize_longname) */
	if (!len || len >= 256 || name[len - 1] == '.')
		return false;
	for (p = name; *p; p++) {
		if ((u8)*p < 0x20 || strchr("<>:\"/\\|?*", *p))
			return false;
	}

	return fat_name_utf16(name, NULL) > 0;
}

int fat_name_utf16(const char *name, u16 *out)
{
	const u8 *p = (const u8 *)name;
	int n = 0, more, i;
	u32 c;

	while (*p) {
		c = *p++;
		more = c < 0x80 ? 0 : c >= 0xf0 && c < 0xf5 ? 3 :
		       c >= 0xe0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : -1;
		if (more < 0)
			return -EINVAL;
		if (more)
			c &= 0x3f >> more;
		for (i = 0; i < more; i++, p++) {
			if ((*p & 0xc0) != 0x80)
				return -EINVAL;
			c = c << 6 | (*p & 0x3f);
		}
		/* no overlong forms, no surrogates, nothing past U+10FFFF */
		if ((more == 2 && c < 0x800) || (more == 3 && c < 0x10000) ||
		    (c >= 0xd800 && c < 0xe000) || c > 0x10ffff)
			return -EINVAL;
		if (c >= 0x10000) {
			if (out) {
				out[n] = 0xd800 + ((c - 0x10000) >> 10);
				out[n + 1] = 0xdc00 + (c & 0x3ff);
			}
			n += 2;
		} else {
			if (out)
				out[n] = c;
			n++;
		}
		if (n > LFN_MAX * 13 - 5)	/* 255 units at most */
			return -EINVAL;
	}

	return n;
}

/*
 * One character of an 8.3 name from @p (advanced past it): upper case;
 * 0 for one dropped (a space or a dot); '_' for one an 8.3 name cannot
 * hold; *@lossy set for both
 */
static char sfn_char(const char **p, bool *lossy)
{
	u8 c = *(*p)++;

	if (c == ' ' || c == '.') {
		*lossy = true;
		return 0;
	}
	if (c >= 0x80) {
		/* one '_' for a whole UTF-8 sequence */
		while ((**p & 0xc0) == 0x80)
			(*p)++;
		*lossy = true;
		return '_';
	}
	if (strchr("+,;=[]", c)) {
		*lossy = true;
		return '_';
	}

	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

int fat_sfn_make(const char *name, char *sfn)
{
	const char *dot = strrchr(name, '.'), *p, *end;
	bool lossy = false, upper = true;
	int n;
	char c;

	for (p = name; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			upper = false;
	/* a name whose dots and spaces all come first has no extension */
	if (dot) {
		for (p = name; p < dot && (*p == '.' || *p == ' '); p++)
			;
		if (p == dot)
			dot = NULL;
	}
	memset(sfn, ' ', 11);
	end = dot ? dot : name + strlen(name);
	for (p = name, n = 0; p < end;) {
		c = sfn_char(&p, &lossy);
		if (!c)
			continue;
		if (n == 8) {
			lossy = true;
			break;
		}
		sfn[n++] = c;
	}
	if (!n)
		return -EINVAL;
	if (dot) {
		for (p = dot + 1, n = 8; *p;) {
			c = sfn_char(&p, &lossy);
			if (!c)
				continue;
			if (n == 11) {
				lossy = true;
				break;
			}
			sfn[n++] = c;
		}
	}
	if (lossy)
		return FAT_SFN_LOSSY;

	return upper ? FAT_SFN_EXACT : FAT_SFN_LOSSLESS;
}

void fat_sfn_tail(const char *sfn, u32 num, char *out)
{
	char tail[12], name[11];
	int len = snprintf(tail, sizeof(tail), "~%u", num), base;

	for (base = 8; base > 0 && sfn[base - 1] == ' '; base--)
		;
	base = min(base, 8 - len);
	memcpy(name, sfn, 11);
	memcpy(name + base, tail, len);
	memset(name + base + len, ' ', 8 - base - len);
	memcpy(out, name, 11);
}
