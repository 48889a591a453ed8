// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * 'read' and 'write': move blocks between memory and a block device or
 * one of its partitions, as U-Boot's read command. Block numbers are
 * relative to the partition; all numbers are hex. Nothing is printed on
 * success; a failure prints one line.
 */

#include <common.h>
#include <blk.h>
#include <command.h>
#include <lmb.h>
#include <mapmem.h>
#include <part.h>

static int rw_parse_hex(const char *what, const char *str, u64 *valp)
{
	unsigned long long val;

	if (strict_strtoull(str, 16, &val)) {
		printf("Invalid %s '%s': not a hex number\n", what, str);
		return -EINVAL;
	}
	*valp = val;

	return 0;
}

static __maybe_unused int do_rw(struct cmd_tbl *cmdtp, int flag, int argc,
		 char *const argv[])
{
	bool reading = !strcmp(argv[0], "read");
	struct disk_partition info;
	struct blk_desc *desc;
	u64 addr, blk, cnt, offset, limit;
	char devstr[16];
	const char *colon, *why;
	unsigned long part = 0;
	size_t len;
	void *buf;
	long n;
	int ret;

	if (argc != 6)
		return CMD_RET_USAGE;

	colon = strchr(argv[2], ':');
	len = colon ? (size_t)(colon - argv[2]) : strlen(argv[2]);
	if (len >= sizeof(devstr) ||
	    (colon && (strict_strtoul(colon + 1, 16, &part) ||
		       part > 0x7fffffff))) {
		printf("Invalid block device %s\n", argv[2]);
		return CMD_RET_FAILURE;
	}
	memcpy(devstr, argv[2], len);
	devstr[len] = '\0';
	ret = blk_get_device_by_str(argv[1], devstr, &desc);
	if (ret < 0) {
		part_print_dev_err(argv[1], devstr, ret);
		return CMD_RET_FAILURE;
	}

	if (rw_parse_hex("address", argv[3], &addr) ||
	    rw_parse_hex("block number", argv[4], &blk) ||
	    rw_parse_hex("block count", argv[5], &cnt))
		return CMD_RET_FAILURE;

	if (part) {
		if (part_get_info(desc, part, &info)) {
			printf("Cannot find partition %lu on %s %s\n", part,
			       argv[1], devstr);
			return CMD_RET_FAILURE;
		}
		offset = info.start;
		limit = info.size;
	} else {
		offset = 0;
		limit = desc->lba;
	}
	if (blk > limit || cnt > limit - blk) {
		printf("%s out of range: blocks 0x%llx+0x%llx, the %s has 0x%llx blocks\n",
		       reading ? "Read" : "Write", (unsigned long long)blk,
		       (unsigned long long)cnt, part ? "partition" : "device",
		       (unsigned long long)limit);
		return CMD_RET_FAILURE;
	}
	if (!reading && desc->read_only) {
		printf("Write refused: %s %s is read-only\n", argv[1], devstr);
		return CMD_RET_FAILURE;
	}
	/* a read lands in free RAM only (lib/lmb.c); a write only reads */
	ret = reading && cnt ? lmb_check(addr, cnt * desc->blksz, &why) : 0;
	if (ret == -EBUSY) {
		printf("Memory 0x%llx+0x%llx would overwrite %s\n",
		       (unsigned long long)addr,
		       (unsigned long long)(cnt * desc->blksz), why);
		return CMD_RET_FAILURE;
	}
	buf = ret ? NULL : map_sysmem(addr, cnt * desc->blksz);
	if (!buf) {
		printf("Memory 0x%llx+0x%llx is outside RAM\n",
		       (unsigned long long)addr,
		       (unsigned long long)(cnt * desc->blksz));
		return CMD_RET_FAILURE;
	}

	if (reading)
		n = blk_read(desc->bdev, offset + blk, cnt, buf);
	else
		n = blk_write(desc->bdev, offset + blk, cnt, buf);
	unmap_sysmem(buf);
	if (n < 0) {
		printf("Error %s blocks (error %ld)\n",
		       reading ? "reading" : "writing", n);
		return CMD_RET_FAILURE;
	}

	return CMD_RET_SUCCESS;
}

#ifdef CONFIG_CMD_READ
U_BOOT_CMD(
	read,	6,	0,	do_rw,
	"Load binary data from a partition",
	"<interface> <dev[:part]> addr blk# cnt"
);
#endif

#ifdef CONFIG_CMD_WRITE
U_BOOT_CMD(
	write,	6,	0,	do_rw,
	"Store binary data in a partition",
	"<interface> <dev[:part]> addr blk# cnt"
);
#endif
