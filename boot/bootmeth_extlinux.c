// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The extlinux boot method: /extlinux/extlinux.conf or
 * /boot/extlinux/extlinux.conf on a partition, as Debian's u-boot-menu
 * and Fedora write it; paths in it are the partition's.
 */

#include <common.h>
#include <bootflow.h>
#include <pxe_utils.h>

static const char *const prefixes[] = { "/", "/boot/" };

static int extlinux_read(struct bootflow *bflow)
{
	int i, ret = -ENOENT;

	for (i = 0; i < ARRAY_SIZE(prefixes) && ret == -ENOENT; i++)
		ret = bootflow_read_file(bflow, prefixes[i],
					 "extlinux/extlinux.conf");
	return ret;
}

static int extlinux_boot(struct bootflow *bflow)
{
	struct pxe_blk_ctx bc = { .desc = bflow->desc, .part = bflow->part };
	struct pxe_context ctx = {
		.getfile = pxe_blk_getfile,
		.ctx = &bc,
		.bootdir = bflow->subdir,
	};
	struct pxe_menu menu;
	int ret;

	ret = pxe_parse(bflow->buf, bflow->size, &menu);
	if (ret)
		return ret;
	ret = pxe_boot_menu(&ctx, &menu, bflow->loadparm);
	pxe_menu_free(&menu);
	return ret;
}

const struct bootmeth bootmeth_extlinux = {
	.name	= "extlinux",
	.desc	= "Extlinux boot from a block device",
	.read	= extlinux_read,
	.boot	= extlinux_boot,
};
