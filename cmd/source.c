// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * 'source [addr]': run the script of a legacy script image (mkimage -T
 * script, as boot.scr files are) at addr, $loadaddr by default, as
 * U-Boot's source does. The header's magic, its CRC, the data's CRC
 * (unless $verify is "n") and the type are checked; FIT images are not
 * supported. The status is the script's.
 */
#include <common.h>
#include <command.h>
#include <env.h>
#include <image.h>
#include <mapmem.h>
#include <u-boot/crc.h>
#include <linux/byteorder.h>

/* Find the script in the image at @addr; print why not and return -1 */
static int script_find(ulong addr, const char **textp, ulong *lenp)
{
	const u8 *data;
	ulong size, off, len;
	int ret;

	ret = image_legacy_check(addr, IH_TYPE_SCRIPT, "source", &data, &size);
	if (ret == -ENOENT)
		puts("Wrong image format for \"source\" command\n");
	if (ret)
		return -1;
	/* the lengths of the files, up to a zero one; the script is first */
	for (off = 0; off + 4 <= size && get_unaligned_be32(data + off);)
		off += 4;
	len = size >= 4 ? get_unaligned_be32(data) : 0;
	off += 4;
	if (!len) {
		puts("Empty Script\n");
		return -1;
	}
	if (off > size || len > size - off) {
		printf("source: script of 0x%lx bytes does not fit the image's 0x%lx\n",
		       len, size);
		return -1;
	}
	*textp = (const char *)data + off;
	*lenp = len;
	return 0;
}

static int do_source(struct cmd_tbl *cmdtp, int flag, int argc,
		     char *const argv[])
{
	const char *text;
	ulong addr, len;

	if (argc > 2)
		return CMD_RET_USAGE;
	if (argc == 2 && strict_strtoul(argv[1], 16, &addr)) {
		printf("source: '%s' is not a hex address (FIT images are not supported)\n",
		       argv[1]);
		return CMD_RET_FAILURE;
	}
	if (argc < 2)
		addr = env_get_hex("loadaddr", 0);
	printf("## Executing script at %08lx\n", addr);
	if (script_find(addr, &text, &len))
		return CMD_RET_FAILURE;
	return run_command_list(text, len, 0) ? CMD_RET_FAILURE :
						CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	source, 2, 0, do_source,
	"run script from memory",
	"[addr]\n"
	"    - run the script of the legacy script image at addr\n"
	"      ($loadaddr by default), made by 'mkimage -T script'"
);
