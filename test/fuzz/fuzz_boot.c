// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for what the boot paths read from a disk before they
 * boot: extlinux.conf / pxelinux.cfg files (boot/pxe_parse.c), Boot
 * Loader Specification entries (boot/bls.c: parse, sort, convert), the
 * arm64 Image header (boot/image_arm64.c, against a fake RAM map),
 * legacy image headers (boot/image_legacy.c: boot.scr, ramdisks), the
 * scripts of FIT images (boot/image_fit.c: by image, by configuration,
 * by the defaults; hashes) and gzip files (lib/gunzip.c, lib/inflate.c:
 * compressed kernels).
 *
 * The first byte picks the reader; the rest is its input. BLS inputs are
 * cut into up to 8 entry files at each "\n\n\n". What must hold besides
 * "no crash, no leak": a parsed menu has at most PXE_MAX_LABELS labels,
 * each with a name that finds it (unless empty); the sort is an order (each entry compares <= its
 * successor); an accepted Image lies inside the fake RAM, off the
 * reserved range; gzip output fits its buffer and its input.
 */

#include <common.h>
#include <bls.h>
#include <bootm.h>
#include <gzip.h>
#include <image.h>
#include <init.h>
#include <lmb.h>
#include <pxe_utils.h>

#include "fuzz_support.h"

#define RAM_BASE	0x40000000UL
#define RAM_SIZE	0x40000000UL
#define RSV_BASE	0x7f800000UL
#define RSV_SIZE	0x00800000UL
#define WINDOW		0x40400000UL
#define WINDOW_SIZE	0x10000

static u8 window[WINDOW_SIZE];

void *map_sysmem(phys_addr_t paddr, unsigned long len)
{
	if (paddr < WINDOW || paddr - WINDOW > WINDOW_SIZE ||
	    len > WINDOW_SIZE - (paddr - WINDOW))
		return NULL;
	return window + (paddr - WINDOW);
}

phys_addr_t map_to_sysmem(const void *ptr)
{
	return WINDOW + ((const u8 *)ptr - window);
}

phys_size_t sysmem_size(void)
{
	return RAM_SIZE;
}

int board_get_mem_banks(struct mem_bank *banks, int max)
{
	if (max < 1)
		return 0;
	banks[0].start = RAM_BASE;
	banks[0].size = RAM_SIZE;
	return 1;
}

int arch_lmb_reserved(struct lmb_area *areas, int max)
{
	if (max < 1)
		return 0;
	areas[0].base = RSV_BASE;
	areas[0].size = RSV_SIZE;
	areas[0].name = "the firmware";
	return 1;
}

char *env_get(const char *name)
{
	return NULL;		/* $verify unset: data CRCs are checked */
}

static void fuzz_pxe(const u8 *data, size_t size)
{
	static const char *const names[] = { "l0", "1", "32", "linux", "" };
	struct pxe_menu menu;
	int i;

	if (pxe_parse((const char *)data, size, &menu))
		return;
	if (menu.count > PXE_MAX_LABELS)
		__builtin_trap();
	for (i = 0; i < menu.count; i++) {
		/* A label has a name; an empty one cannot be asked for */
		if (!menu.labels[i].name)
			__builtin_trap();
		if (!menu.labels[i].name[0])
			continue;
		if (pxe_find_label(&menu, menu.labels[i].name) == NULL)
			__builtin_trap();
	}
	for (i = 0; i < ARRAY_SIZE(names); i++)
		pxe_find_label(&menu, names[i]);
	pxe_find_label(&menu, menu.default_label);
	pxe_menu_free(&menu);
}

/* The next "\n\n\n" at or after @p, else @end */
static const u8 *next_cut(const u8 *p, const u8 *end)
{
	for (; end - p >= 3; p++) {
		if (p[0] == '\n' && p[1] == '\n' && p[2] == '\n')
			return p;
	}
	return end;
}

static void fuzz_bls(const u8 *data, size_t size)
{
	struct bls_entry entries[8];
	struct pxe_label label;
	const u8 *p = data, *end = data + size, *cut;
	char id[16];
	int n = 0, i;

	while (p <= end && n < ARRAY_SIZE(entries)) {
		cut = next_cut(p, end);
		/* The file name is part of the sort: make some versions */
		snprintf(id, sizeof(id), "e-%d.%d", (int)(cut - p) % 7, n);
		if (bls_parse((const char *)p, cut - p, id, &entries[n]))
			break;
		n++;
		p = cut + 3;
	}
	bls_sort(entries, n);
	for (i = 0; i < n; i++) {
		if (i && bls_versioncmp(entries[i].id, entries[i].id))
			__builtin_trap();
		if (!bls_to_label(&entries[i], &label) && !label.kernel)
			__builtin_trap();
		free(label.name);
		free(label.menu);
		free(label.kernel);
		free(label.initrd);
		free(label.fdt);
		free(label.fdtdir);
		free(label.append);
		bls_free(&entries[i]);
	}
}

/* gzip (lib/gunzip.c over lib/inflate.c): into a buffer of 64 KiB */
static void fuzz_gzip(const u8 *data, size_t size)
{
	static u8 out[0x10000];
	ulong outlen, inlen;

	if (!gunzip(out, sizeof(out), data, size, &outlen, &inlen) &&
	    (outlen > sizeof(out) || inlen > size))
		__builtin_trap();
}

/* A FIT's script found every way source asks for one lies in the window */
static void fuzz_fit(void)
{
	static const char *const names[][2] = {
		{ NULL, NULL }, { "", NULL }, { NULL, "" }, { "script-1", NULL },
		{ NULL, "conf-1" }, { "a", NULL },
	};
	const char *text;
	ulong len;
	int i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		if (!fit_locate_script(WINDOW, names[i][0], names[i][1], &text,
				       &len) &&
		    ((const u8 *)text < window ||
		     (const u8 *)text + len > window + sizeof(window)))
			__builtin_trap();
	}
}

static void fuzz_image(const u8 *data, size_t size)
{
	struct bootm_images images = {};
	const u8 *ldata;
	ulong lsize;

	memset(window, 0, sizeof(window));
	memcpy(window, data, min(size, sizeof(window)));
	if (!booti_setup(WINDOW, &images)) {
		if (images.os_start < RAM_BASE ||
		    images.os_start + images.os_size > RAM_BASE + RAM_SIZE ||
		    (images.os_start < RSV_BASE + RSV_SIZE &&
		     images.os_start + images.os_size > RSV_BASE))
			__builtin_trap();
	}
	if (!image_legacy_check(WINDOW, IH_TYPE_SCRIPT, "fuzz", &ldata,
				&lsize) &&
	    (ldata < window || ldata + lsize > window + sizeof(window)))
		__builtin_trap();
	fuzz_fit();
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	if (!size)
		return 0;
	switch (data[0] % 4) {
	case 0:
		fuzz_pxe(data + 1, size - 1);
		break;
	case 1:
		fuzz_bls(data + 1, size - 1);
		break;
	case 3:
		fuzz_gzip(data + 1, size - 1);
		break;
	default:
		fuzz_image(data + 1, size - 1);
		break;
	}
	return 0;
}
