// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for what a network boot reads from a TFTP server
 * before it boots: pxelinux.cfg files (boot/pxe_parse.c) with the label
 * an s390 load parameter picks (pxe_find_loadparm()), and .INS files
 * (boot/ins.c).
 *
 * The first byte picks the reader; the rest is its input. A pxelinux.cfg
 * input is tried against load parameters made of its own label names,
 * cut to 8 upper-case characters as QEMU hands them over; what must hold:
 * the label found is one of the menu's, and a full label name of up to 8
 * characters finds a label of that name (without case). An .INS input:
 * each file line gives a non-empty name without blanks, and no line is
 * reported after an error.
 */

#include <common.h>
#include <ins.h>
#include <pxe_utils.h>
#include <linux/ctype.h>

#include "fuzz_support.h"

static void fuzz_pxe(const u8 *data, size_t size)
{
	struct pxe_menu menu;
	struct pxe_label *label;
	char lp[9];
	int i, j;

	if (pxe_parse((const char *)data, size, &menu))
		return;
	for (i = 0; i < menu.count; i++) {
		const char *name = menu.labels[i].name;

		if (!name || !name[0])
			continue;
		for (j = 0; j < 8 && name[j]; j++)
			lp[j] = toupper(name[j]);
		lp[j] = 0;
		label = pxe_find_loadparm(&menu, lp);
		if (label && (label < menu.labels ||
			      label >= menu.labels + menu.count))
			__builtin_trap();
		if (!name[j] && (!label || strcasecmp(label->name, lp)))
			__builtin_trap();
	}
	pxe_find_loadparm(&menu, "3");
	pxe_menu_free(&menu);
}

struct ins_check {
	int files;
};

static int ins_file(void *priv, const char *file, ulong addr)
{
	struct ins_check *c = priv;

	if (!file[0] || strchr(file, ' ') || strchr(file, '\n'))
		__builtin_trap();
	c->files++;
	/* A loader refuses what does not fit: stop at a high address */
	return addr > 0x7fffffff ? -EINVAL : 0;
}

static void fuzz_ins(const u8 *data, size_t size)
{
	struct ins_check c = { 0 };
	char *text = malloc(size + 1);

	if (!text)
		return;
	memcpy(text, data, size);
	text[size] = 0;
	ins_parse(text, size, ins_file, &c);
	free(text);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	if (!size)
		return 0;
	if (data[0] & 1)
		fuzz_ins(data + 1, size - 1);
	else
		fuzz_pxe(data + 1, size - 1);
	return 0;
}
