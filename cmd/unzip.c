// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * unzip <srcaddr> <dstaddr> [dstsize]: expand the gzip file at srcaddr
 * to dstaddr, as U-Boot's unzip; $filesize is set to the output's size.
 * The output never goes past dstsize (when given), the end of its RAM
 * bank, the firmware's memory or the start of the file. As U-Boot's, the
 * file's length is not asked for: the data says where it ends.
 */

#include <common.h>
#include <command.h>
#include <env.h>
#include <gzip.h>
#include <lmb.h>
#include <mapmem.h>

static int parse(const char *s, ulong *val)
{
	char *end;

	*val = hextoul(s, &end);
	return end == s || *end;
}

static int do_unzip(struct cmd_tbl *cmdtp, int flag, int argc,
		    char *const argv[])
{
	ulong src, dst, room, srcroom, len;
	int ret;

	if (argc < 3 || argc > 4)
		return CMD_RET_USAGE;
	if (parse(argv[1], &src) || parse(argv[2], &dst) ||
	    (argc == 4 && parse(argv[3], &room)))
		return CMD_RET_USAGE;
	srcroom = lmb_check(src, 1, NULL) == -EFAULT ? 0 :
		  (ulong)min_t(u64, lmb_free_len(src) ?: 1 << 20, 1UL << 31);
	if (!srcroom || !map_sysmem(src, srcroom)) {
		printf("unzip: 0x%lx is not in RAM\n", src);
		return CMD_RET_FAILURE;
	}
	len = lmb_free_len(dst);
	if (argc < 4 || room > len)
		room = len;
	/*
	 * The output must not run into the file it comes from (bad data can
	 * expand without end), nor the input into the output
	 */
	if (src >= dst && src - dst < room)
		room = src - dst;
	if (dst > src && dst - src < srcroom)
		srcroom = dst - src;
	if (!room || !map_sysmem(dst, room)) {
		printf("unzip: no free memory at 0x%lx\n", dst);
		return CMD_RET_FAILURE;
	}
	ret = gunzip(map_sysmem(dst, room), room, map_sysmem(src, srcroom),
		     srcroom, &len, NULL);
	switch (ret) {
	case 0:
		break;
	case -EINVAL:
		puts("Error: Bad gzipped data\n");
		return CMD_RET_FAILURE;
	case -EBADMSG:
		puts("Error: gzip trailer: CRC-32 or length do not match the data\n");
		return CMD_RET_FAILURE;
	default:
		printf("Error: inflate() failed: the data is bad, cut short, or more than 0x%lx bytes\n",
		       room);
		return CMD_RET_FAILURE;
	}
	printf("Uncompressed size: %lu = 0x%lX\n", len, len);
	env_set_hex("filesize", len);
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	unzip, 4, 1, do_unzip,
	"unzip a memory region",
	"srcaddr dstaddr [dstsize]\n"
	"    - expand the gzip file at srcaddr to dstaddr, at most dstsize bytes"
);
