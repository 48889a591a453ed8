// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * booti [addr [initrd[:size]|-] [fdt]]: boot an arm64 Linux Image, as
 * U-Boot's booti does. The kernel is moved to where its header says it
 * must run, the ramdisk and the device tree (the firmware's own when
 * none is named) are checked against the firmware and each other, the
 * tree gets /chosen's bootargs and initrd range, every device is
 * stopped, and the kernel starts with the MMU off (in EL2 when QEMU
 * gave the firmware EL2).
 */

#include <common.h>
#include <bootm.h>
#include <command.h>
#include <env.h>

static int do_booti(struct cmd_tbl *cmdtp, int flag, int argc,
		    char *const argv[])
{
	ulong addr;
	char *end;

	if (argc > 4)
		return CMD_RET_USAGE;
	if (argc > 1) {
		addr = hextoul(argv[1], &end);
		if (end == argv[1] || *end) {
			printf("booti: bad address '%s'\n", argv[1]);
			return CMD_RET_FAILURE;
		}
	} else {
		addr = env_get_hex("loadaddr", CONFIG_SYS_LOAD_ADDR);
	}
	bootm_boot_linux(addr, argc > 2 ? argv[2] : NULL,
			 argc > 3 ? argv[3] : NULL);
	return CMD_RET_FAILURE;
}

U_BOOT_CMD(
	booti, CONFIG_SYS_MAXARGS, 1, do_booti,
	"boot Linux kernel 'Image' format from memory",
	"[addr [initrd[:size]|-] [fdt]]\n"
	"    - start the arm64 Linux Image at addr ($loadaddr by default)\n"
	"      initrd: a raw ramdisk at initrd of size bytes (hex), or a\n"
	"              legacy ramdisk image; '-' for none\n"
	"      fdt:    the device tree; without it, the firmware's own"
);
