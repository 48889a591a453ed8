// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * .INS files, as s390 installation media carry them (Debian's
 * generic.ins) and QEMU's s390 network boot reads them: a first line
 * "* title", then one line per file, "name address", the file to be
 * loaded at that address (0x hex, else decimal) of a memory image that
 * starts at 0. Blank lines and further "*" lines are skipped.
 */

#include <common.h>
#include <ins.h>

int ins_parse(char *text, ulong len, ins_load_fn fn, void *priv)
{
	char *end = text + len, *line, *next, *sp, *num;
	ulong addr;
	int ret;

	if (len < 2 || strncmp(text, "* ", 2)) {
		puts("Not an .INS file (no \"* \" first line)\n");
		return -EINVAL;
	}
	for (line = text; line < end; line = next + 1) {
		next = memchr(line, '\n', end - line) ?: end;
		*next = 0;
		if (next > line && next[-1] == '\r')
			next[-1] = 0;
		if (!*line || *line == '*')
			continue;
		sp = strchr(line, ' ');
		num = sp ? sp + 1 + strspn(sp + 1, " ") : NULL;
		/* base 10, or 16 after "0x" */
		if (!sp || sp == line || strict_strtoul(num, 10, &addr)) {
			printf("Bad .INS line: '%s'\n", line);
			return -EINVAL;
		}
		*sp = 0;
		ret = fn(priv, line, addr);
		if (ret)
			return ret;
	}
	return 0;
}
