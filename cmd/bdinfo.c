// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bdinfo: the board's memory banks and the default load address, in the
 * layout of U-Boot's bdinfo ("name        = 0x<16 hex digits>").
 */

#include <common.h>
#include <command.h>
#include <env.h>
#include <init.h>
#include <lmb.h>
#include <mapmem.h>

#define BDINFO_MAX_BANKS	8

static void bdinfo_print_num(const char *name, unsigned long long value)
{
	printf("%-12s= 0x%0*llx\n", name, 2 * (int)sizeof(ulong), value);
}

static int do_bdinfo(struct cmd_tbl *cmdtp, int flag, int argc,
		     char *const argv[])
{
	struct mem_bank banks[BDINFO_MAX_BANKS];
	const char *loadaddr;
	ulong addr;
	int i, n;

	n = board_get_mem_banks(banks, BDINFO_MAX_BANKS);
	for (i = 0; i < n; i++) {
		bdinfo_print_num("DRAM bank", i);
		bdinfo_print_num("-> start", banks[i].start);
		bdinfo_print_num("-> size", banks[i].size);
	}
#ifdef CONFIG_SANDBOX
	/* Addresses typed at the prompt are offsets in this arena. */
	bdinfo_print_num("sysmem size", sysmem_size());
#endif
	/* Where images are loaded by default (shared/DESIGN.md, Memory). */
	loadaddr = env_get("loadaddr");
	if (loadaddr && !strict_strtoul(loadaddr, 16, &addr))
		bdinfo_print_num("loadaddr", addr);
	printf("%-12s= %d-bit\n", "Build", 8 * (int)sizeof(ulong));
	/* U-Boot's map of what loads may use, with what each range is */
	lmb_dump_all();
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	bdinfo, 1, 1, do_bdinfo,
	"print Board Info structure",
	""
);
