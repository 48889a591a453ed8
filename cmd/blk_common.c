// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Sub-commands shared by the block interface commands ('virtio', 'scsi',
 * 'host'), with U-Boot's syntax and output: info, device, part, read,
 * write. Numbers are checked whole: a malformed one, a device that does
 * not exist or a transfer the block layer refuses or fails (a range past
 * the end, a read-only device, the driver's reason) gets one line saying
 * so and the command fails.
 */

#include <common.h>
#include <blk.h>
#include <command.h>
#include <lmb.h>
#include <mapmem.h>
#include <errno.h>
#include <part.h>

static int blk_parse_devnum(const char *if_name, const char *str, int *devp)
{
	unsigned long val;

	if (strict_strtoul(str, 10, &val) || val > 0x7fffffff) {
		printf("%s: bad device number '%s'\n", if_name, str);
		return -EINVAL;
	}
	*devp = val;

	return 0;
}

static int blk_parse_hex(const char *what, const char *str, u64 *valp)
{
	unsigned long long val;

	if (strict_strtoull(str, 16, &val)) {
		printf("bad %s '%s': not a hex number\n", what, str);
		return -EINVAL;
	}
	*valp = val;

	return 0;
}

static int blk_common_rw(int argc, char *const argv[],
			 enum uclass_id uclass_id, int devnum, bool write)
{
	const char *if_name = blk_get_uclass_name(uclass_id);
	u64 paddr, blk, cnt, bytes;
	struct blk_desc *desc;
	const char *why;
	void *vaddr;
	long n;
	int ret;

	if (blk_parse_hex("address", argv[2], &paddr) ||
	    blk_parse_hex("block number", argv[3], &blk) ||
	    blk_parse_hex("block count", argv[4], &cnt))
		return CMD_RET_FAILURE;

	printf("\n%s %s: device %d block # %llu, count %llu ... ", if_name,
	       write ? "write" : "read", devnum, (unsigned long long)blk,
	       (unsigned long long)cnt);

	desc = blk_get_devnum_by_uclass_id(uclass_id, devnum);
	if (!desc) {
		printf("ERROR (no %s device %d)\n", if_name, devnum);
		return CMD_RET_FAILURE;
	}
	/*
	 * The block layer refuses ranges past the end and writes to a
	 * read-only device; more than the whole device is never moved
	 */
	bytes = min_t(u64, cnt, desc->lba) * desc->blksz;
	/* A read must land in free RAM (lib/lmb.c); a write only reads */
	ret = write || !bytes ? 0 : lmb_check(paddr, bytes, &why);
	if (ret == -EBUSY) {
		printf("ERROR (memory 0x%llx + 0x%llx would overwrite %s)\n",
		       (unsigned long long)paddr, (unsigned long long)bytes,
		       why);
		return CMD_RET_FAILURE;
	}
	vaddr = ret ? NULL : map_sysmem(paddr, bytes);
	if (!vaddr) {
		printf("ERROR (memory 0x%llx + 0x%llx is outside RAM)\n",
		       (unsigned long long)paddr, (unsigned long long)bytes);
		return CMD_RET_FAILURE;
	}

	if (write)
		n = blk_write(desc->bdev, blk, cnt, vaddr);
	else
		n = blk_read(desc->bdev, blk, cnt, vaddr);
	unmap_sysmem(vaddr);
	if (n < 0) {
		const char *why = blk_get_fail_reason(desc->bdev);

		if (why)
			printf("ERROR (%s failed: %s)\n",
			       write ? "write" : "read", why);
		else
			printf("ERROR (%s failed: %s, error %ld)\n",
			       write ? "write" : "read", errno_str(n), n);
		return CMD_RET_FAILURE;
	}
	printf("%ld blocks %s: OK\n", n, write ? "written" : "read");

	return CMD_RET_SUCCESS;
}

int blk_common_cmd(int argc, char *const argv[], enum uclass_id uclass_id,
		   int *cur_devnump)
{
	const char *if_name = blk_get_uclass_name(uclass_id);
	int dev;

	switch (argc) {
	case 0:
	case 1:
		return CMD_RET_USAGE;
	case 2:
		if (!strncmp(argv[1], "inf", 3)) {
			blk_list_devices(uclass_id);
			return CMD_RET_SUCCESS;
		}
		if (!strncmp(argv[1], "dev", 3)) {
			if (blk_print_device_num(uclass_id, *cur_devnump)) {
				printf("\nno %s devices available\n", if_name);
				return CMD_RET_FAILURE;
			}
			return CMD_RET_SUCCESS;
		}
		if (!strncmp(argv[1], "part", 4)) {
			if (blk_list_part(uclass_id)) {
				printf("\nno %s partition table available\n",
				       if_name);
				return CMD_RET_FAILURE;
			}
			return CMD_RET_SUCCESS;
		}
		return CMD_RET_USAGE;
	case 3:
		if (!strncmp(argv[1], "dev", 3)) {
			if (blk_parse_devnum(if_name, argv[2], &dev))
				return CMD_RET_FAILURE;
			/* U-Boot's words: scripts look for them */
			if (blk_show_device(uclass_id, dev)) {
				printf("\nDevice %d: unknown device\n", dev);
				return CMD_RET_FAILURE;
			}
			*cur_devnump = dev;
			printf("... is now current device\n");
			return CMD_RET_SUCCESS;
		}
		if (!strncmp(argv[1], "part", 4)) {
			int ret;

			if (blk_parse_devnum(if_name, argv[2], &dev))
				return CMD_RET_FAILURE;
			ret = blk_print_part_devnum(uclass_id, dev);
			if (ret == -ENODEV)
				printf("\n%s device %d not available\n", if_name,
				       dev);
			return ret ? CMD_RET_FAILURE : CMD_RET_SUCCESS;
		}
		return CMD_RET_USAGE;
	default:
		if (argc == 5 && !strcmp(argv[1], "read"))
			return blk_common_rw(argc, argv, uclass_id,
					     *cur_devnump, false);
		if (argc == 5 && !strcmp(argv[1], "write"))
			return blk_common_rw(argc, argv, uclass_id,
					     *cur_devnump, true);
		return CMD_RET_USAGE;
	}
}
