// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bdinfo: U-Boot 2023.01's fields, in its order and layout ("name" padded
 * to 12 columns, "= 0x" and 16 hex digits), with what virtboot has: the
 * RAM banks, where the firmware runs, the network's current device and
 * addresses, the control device tree, the memory map loads may use and
 * the architecture's own lines (stack, page tables).
 */

#include <common.h>
#include <command.h>
#include <env.h>
#include <fdt.h>
#include <fdtdec.h>
#include <init.h>
#include <lmb.h>
#include <mapmem.h>
#include <net.h>

#define BDINFO_MAX_BANKS	8

void bdinfo_print_num_l(const char *name, ulong value)
{
	printf("%-12s= 0x%0*lx\n", name, 2 * (int)sizeof(value), value);
}

static void bdinfo_print_str(const char *name, const char *value)
{
	printf("%-12s= %s\n", name, value);
}

__weak void board_bdinfo(struct bd_layout *layout)
{
}

__weak void arch_print_bdinfo(void)
{
}

static int do_bdinfo(struct cmd_tbl *cmdtp, int flag, int argc,
		     char *const argv[])
{
	struct mem_bank banks[BDINFO_MAX_BANKS];
	struct bd_layout layout = { 0 };
	const void *fdt = NULL;
	const char *val;
	ulong addr;
	int i, n;

	if (IS_ENABLED(CONFIG_OF_LIBFDT))
		fdt = gd_fdt_blob();
	board_bdinfo(&layout);
	bdinfo_print_num_l("boot_params", 0);	/* no ATAG list */
	n = board_get_mem_banks(banks, BDINFO_MAX_BANKS);
	for (i = 0; i < n; i++) {
		bdinfo_print_num_l("DRAM bank", i);
		bdinfo_print_num_l("-> start", banks[i].start);
		bdinfo_print_num_l("-> size", banks[i].size);
	}
	bdinfo_print_num_l("flashstart", layout.flash_start);
	bdinfo_print_num_l("flashsize", layout.flash_size);
	bdinfo_print_num_l("flashoffset", layout.flash_offset);
	printf("%-12s= %u bps\n", "baudrate", CONFIG_BAUDRATE);
	bdinfo_print_num_l("relocaddr", layout.reloc_addr);
	bdinfo_print_num_l("reloc off", layout.reloc_off);
	printf("%-12s= %d-bit\n", "Build", 8 * (int)sizeof(ulong));
	if (IS_ENABLED(CONFIG_CMD_BDI_NET)) {
		bdinfo_print_str("current eth", eth_get_name());
		val = env_get("ethaddr");
		bdinfo_print_str("ethaddr", val ? val : "(not set)");
		val = env_get("ipaddr");
		bdinfo_print_str("IP addr", val ? val : "<NULL>");
	}
	addr = fdt ? map_to_sysmem(fdt) : 0;
	bdinfo_print_num_l("fdt_blob", addr);
	/* The control tree is already the copy U-Boot calls new_fdt */
	bdinfo_print_num_l("new_fdt", addr);
	bdinfo_print_num_l("fdt_size", fdt ? fdt_totalsize(fdt) : 0UL);
#ifdef CONFIG_SANDBOX
	/* Addresses typed at the prompt are offsets in this arena. */
	bdinfo_print_num_l("sysmem size", sysmem_size());
#endif
	/* U-Boot's map of what loads may use, with what each range is */
	lmb_dump_all();
	if (fdt)
		bdinfo_print_str("devicetree", "board");
	arch_print_bdinfo();
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	bdinfo, 1, 1, do_bdinfo,
	"print Board Info structure",
	""
);
