// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The pxe boot method of the network boot device: DHCP (without the
 * automatic TFTP load), then the pxelinux.cfg file 'pxe get' finds; its
 * labels' files come by TFTP from the same folder.
 */

#include <common.h>
#include <bootflow.h>
#include <env.h>
#include <malloc.h>
#include <mapmem.h>
#include <net-lwip.h>
#include <pxe_utils.h>

static int pxe_read(struct bootflow *bflow)
{
	struct pxe_context ctx = { .getfile = pxe_net_getfile };
	ulong addr = env_get_hex("pxefile_addr_r", 0);
	void *src;

	if (!addr) {
		puts("missing environment variable: pxefile_addr_r\n");
		return -ENOENT;
	}
	/* The address only (no TFTP load): the configuration names files */
	if (dhcp_run())
		return -ENOENT;
	bflow->subdir = pxe_net_bootdir();
	if (!bflow->subdir)
		return -ENOMEM;
	ctx.bootdir = bflow->subdir;
	if (pxe_get(&ctx, addr, &bflow->size, &bflow->fname))
		return -ENOENT;
	bflow->state = BOOTFLOWST_FILE;
	src = map_sysmem(addr, bflow->size);
	bflow->buf = malloc(bflow->size + 1);
	if (!src || !bflow->buf)
		return -ENOMEM;
	memcpy(bflow->buf, src, bflow->size);
	bflow->buf[bflow->size] = 0;
	return 0;
}

static int pxe_boot(struct bootflow *bflow)
{
	struct pxe_context ctx = {
		.getfile = pxe_net_getfile,
		.bootdir = bflow->subdir,
	};

	return pxe_net_boot(&ctx, bflow->buf, bflow->size, bflow->loadparm,
			    -1);
}

const struct bootmeth bootmeth_pxe = {
	.name	= "pxe",
	.desc	= "PXE boot from a network device",
	.read	= pxe_read,
	.boot	= pxe_boot,
	.net	= true,
};
