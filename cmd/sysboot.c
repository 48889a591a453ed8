// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sysboot [-p] <interface> <dev[:part]> <ext2|fat|any> [addr] [filename]:
 * read an extlinux.conf from a partition (to addr, $pxefile_addr_r by
 * default; the file $bootfile, else /extlinux/extlinux.conf) and boot
 * the label it chooses, as U-Boot's sysboot. -p shows the menu even when
 * the file does not ask for it.
 */

#include <common.h>
#include <blk.h>
#include <command.h>
#include <env.h>
#include <fs.h>
#include <mapmem.h>
#include <part.h>
#include <pxe_utils.h>

static int do_sysboot(struct cmd_tbl *cmdtp, int flag, int argc,
		      char *const argv[])
{
	struct disk_partition info;
	struct pxe_blk_ctx bc;
	struct pxe_context ctx = { .getfile = pxe_blk_getfile, .ctx = &bc };
	struct pxe_menu menu;
	const char *filename;
	char *bootdir, *slash;
	bool prompt = false;
	ulong addr, size;
	int ret;

	if (argc > 1 && !strcmp(argv[1], "-p")) {
		prompt = true;
		argc--;
		argv++;
	}
	if (argc < 4 || argc > 6)
		return CMD_RET_USAGE;
	if (strcmp(argv[3], "ext2") && strcmp(argv[3], "fat") &&
	    strcmp(argv[3], "any")) {
		printf("Invalid filesystem: %s\n", argv[3]);
		return CMD_RET_USAGE;
	}
	if (argc > 4) {
		char *end;

		addr = hextoul(argv[4], &end);
		if (end == argv[4] || *end) {
			printf("sysboot: bad address '%s'\n", argv[4]);
			return CMD_RET_FAILURE;
		}
	} else {
		addr = env_get_hex("pxefile_addr_r", 0);
		if (!addr) {
			puts("No address to load the configuration to: set $pxefile_addr_r\n");
			return CMD_RET_FAILURE;
		}
	}
	filename = argc > 5 ? argv[5] : env_get("bootfile");
	if (!filename)
		filename = "/extlinux/extlinux.conf";

	ret = blk_get_device_part_str(argv[1], argv[2], &bc.desc, &info, 1);
	if (ret < 0) {
		part_print_dev_err(argv[1], argv[2], ret);
		return CMD_RET_FAILURE;
	}
	bc.part = ret;
	ret = pxe_blk_getfile(&bc, filename, addr, &size);
	if (ret) {
		printf("Error reading config file\n");
		return CMD_RET_FAILURE;
	}
	ret = pxe_parse(map_sysmem(addr, size), size, &menu);
	if (ret) {
		printf("Error parsing config file\n");
		return CMD_RET_FAILURE;
	}
	/* Relative paths are the configuration file's folder's */
	bootdir = strdup(filename);
	slash = bootdir ? strrchr(bootdir, '/') : NULL;
	if (slash)
		slash[1] = 0;
	ctx.bootdir = slash ? bootdir : "";
	if (prompt)
		menu.prompt = 1;
	pxe_boot_menu(&ctx, &menu, NULL);
	pxe_menu_free(&menu);
	free(bootdir);
	return CMD_RET_FAILURE;
}

U_BOOT_CMD(
	sysboot, 7, 1, do_sysboot,
	"command to get and boot from syslinux files",
	"[-p] <interface> <dev[:part]> <ext2|fat|any> [addr] [filename]\n"
	"    - read the extlinux.conf 'filename' ($bootfile, else\n"
	"      /extlinux/extlinux.conf) from the partition to 'addr'\n"
	"      ($pxefile_addr_r) and boot the entry it chooses;\n"
	"      -p: always show its menu"
);
