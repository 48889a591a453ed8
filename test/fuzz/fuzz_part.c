// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the partition table parsers (disk/part*.c): the
 * input is a disk image; the first byte picks the block size (bit 0:
 * 512 or 4096) and whether the GPT CRCs are made right before parsing
 * (bit 1: so that the checks behind the CRCs get fuzzed too), the rest is
 * the disk, padded to whole blocks. Every query a
 * command can make is run on it: format detection, validation, every
 * partition's description, look-up by name and the 'part list' printout.
 *
 * The parsers are built with the firmware's headers, linked against the
 * host's libc; the block layer is replaced by a bounds-checked read from
 * the input. Build and run with test/fuzz/run-fuzz-part.sh.
 */

#include <common.h>
#include <blk.h>
#include <part.h>
#include <part_efi.h>
#include <u-boot/crc.h>
#include "fuzz_support.h"

static const u8 *disk;
static size_t disk_len;

/* What the BLK uclass guarantees: whole requests inside the device */
int blk_read_checked(struct blk_desc *desc, lbaint_t start, lbaint_t blkcnt,
		     void *buffer)
{
	if (start > desc->lba || blkcnt > desc->lba - start)
		return -EINVAL;
	memcpy(buffer, disk + start * desc->blksz, blkcnt * desc->blksz);

	return 0;
}

/* Not reached from the parsers; part.c refers to them */
enum uclass_id blk_get_uclass_id(const char *uclass_idname)
{
	return UCLASS_INVALID;
}

const char *blk_get_uclass_name(enum uclass_id uclass_id)
{
	return "host";
}

struct blk_desc *blk_get_devnum_by_uclass_idname(const char *uclass_idname,
						 int devnum)
{
	return NULL;
}

int strict_strtoul(const char *cp, unsigned int base, unsigned long *res)
{
	return -EINVAL;
}

/* Make the CRCs of the GPT header at @lba (and its entries) right */
static void fix_gpt_crcs(u8 *img, struct blk_desc *desc, lbaint_t lba)
{
	gpt_header *h = (gpt_header *)(img + lba * desc->blksz);
	u64 ent, bytes;
	u32 hsize;

	if (lba >= desc->lba)
		return;
	ent = le64_to_cpu(h->partition_entry_lba);
	bytes = (u64)le32_to_cpu(h->num_partition_entries) *
		le32_to_cpu(h->sizeof_partition_entry);
	hsize = le32_to_cpu(h->header_size);
	if (ent < desc->lba && bytes <= (desc->lba - ent) * desc->blksz)
		h->partition_entry_array_crc32 =
			cpu_to_le32(crc32(0, img + ent * desc->blksz, bytes));
	if (hsize >= sizeof(*h) && hsize <= desc->blksz) {
		h->header_crc32 = 0;
		h->header_crc32 = cpu_to_le32(crc32(0, h, hsize));
	}
}



int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct disk_partition info;
	struct blk_desc desc;
	char why[256];
	u8 *img;
	int i;

	if (size < 1)
		return 0;
	memset(&desc, 0, sizeof(desc));
	desc.blksz = data[0] & 1 ? 4096 : 512;
	desc.uclass_id = UCLASS_HOST;
	desc.type = DEV_TYPE_HARDDISK;
	desc.lba = DIV_ROUND_UP(size - 1, desc.blksz);
	if (!desc.lba)
		return 0;
	img = calloc(desc.lba, desc.blksz);
	if (!img)
		return 0;
	memcpy(img, data + 1, size - 1);
	disk = img;
	disk_len = desc.lba * desc.blksz;
	if (data[0] & 2) {
		fix_gpt_crcs(img, &desc, 1);
		fix_gpt_crcs(img, &desc, desc.lba - 1);
	}

	part_init(&desc);
	part_validate(&desc, why, sizeof(why));
	/* Partitions 0-16 and around the GPT's usual 128 entries */
	for (i = 0; i <= 130; i = i == 16 ? 126 : i + 1) {
		if (!part_get_info(&desc, i, &info)) {
			/* What a caller may rely on */
			if (info.size && info.start + info.size > desc.lba &&
			    desc.part_type == PART_TYPE_EFI)
				__builtin_trap();
			if (strnlen((char *)info.name, sizeof(info.name)) >=
			    sizeof(info.name))
				__builtin_trap();
		}
	}
	part_get_info_by_name(&desc, "boot", &info);
	part_print(&desc);
	part_print_checked(&desc);

	free(img);
	return 0;
}
