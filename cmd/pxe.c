// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pxe get [addr] | pxe boot [addr], as U-Boot's: fetch the pxelinux.cfg
 * file that names this machine (boot/pxe_net.c) by TFTP to addr
 * ($pxefile_addr_r by default), then boot the label it chooses, its
 * files fetched by TFTP too. Run 'dhcp' first (with $autoload "no").
 */

#include <common.h>
#include <command.h>
#include <env.h>
#include <malloc.h>
#include <mapmem.h>
#include <pxe_utils.h>

/* The longest configuration 'pxe boot' reads at an address */
#define PXE_MAX_CONFIG	(64 * 1024)

static int pxe_addr(int argc, char *const argv[], ulong *addr)
{
	const char *s = argc > 1 ? argv[1] : env_get("pxefile_addr_r");
	char *end;

	if (!s) {
		puts("missing environment variable: pxefile_addr_r\n");
		return -ENOENT;
	}
	*addr = hextoul(s, &end);
	if (end == s || *end) {
		printf("pxe: bad address '%s'\n", s);
		return -EINVAL;
	}
	return 0;
}

static int do_pxe_get(struct cmd_tbl *cmdtp, int flag, int argc,
		      char *const argv[])
{
	struct pxe_context ctx = { .getfile = pxe_net_getfile };
	char *bootdir, *end;
	ulong addr, size;
	int ret;

	if (pxe_addr(argc, argv, &addr))
		return CMD_RET_FAILURE;
	bootdir = pxe_net_bootdir();
	ctx.bootdir = bootdir ?: "";
	ret = pxe_get(&ctx, addr, &size, NULL);
	free(bootdir);
	if (ret)
		return CMD_RET_FAILURE;
	/* A NUL after it, as U-Boot's: 'pxe boot' reads up to there */
	end = map_sysmem(addr + size, 1);
	if (end)
		*end = 0;
	return CMD_RET_SUCCESS;
}

static int do_pxe_boot(struct cmd_tbl *cmdtp, int flag, int argc,
		       char *const argv[])
{
	struct pxe_context ctx = { .getfile = pxe_net_getfile };
	const char *text;
	char *bootdir;
	ulong addr;

	if (pxe_addr(argc, argv, &addr))
		return CMD_RET_FAILURE;
	text = map_sysmem(addr, PXE_MAX_CONFIG);
	if (!text) {
		printf("pxe: no configuration at %lx\n", addr);
		return CMD_RET_FAILURE;
	}
	bootdir = pxe_net_bootdir();
	ctx.bootdir = bootdir ?: "";
	pxe_net_boot(&ctx, text, strnlen(text, PXE_MAX_CONFIG), NULL, -1);
	free(bootdir);
	return CMD_RET_FAILURE;
}

U_BOOT_CMD_WITH_SUBCMDS(pxe, "commands to get and boot from pxe files",
	"get [pxefile_addr_r] - fetch this machine's pxelinux.cfg file by TFTP\n"
	"pxe boot [pxefile_addr_r] - boot the label it chooses",
	U_BOOT_SUBCMD_MKENT(get, 2, 1, do_pxe_get),
	U_BOOT_SUBCMD_MKENT(boot, 2, 0, do_pxe_boot));
