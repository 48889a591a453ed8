// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the DOS partition table: primary and logical partition
 * numbering, and extended-partition chains that are broken, loop or
 * point outside the disk.
 */

#include <common.h>
#include <blk.h>
#include <part.h>
#include <test/ut.h>
#include "../../../disk/part_dos.h"
#include "memdisk.h"

#define NBLK	16384
#define EXT	4096		/* start of the extended partition */

static void dos_set(u8 *sector, int slot, u8 boot, u8 type, u32 start,
		    u32 size)
{
	dos_partition_t *p = (dos_partition_t *)(sector + DOS_PART_TBL_OFFSET)
			     + slot;

	p->boot_ind = boot;
	p->sys_ind = type;
	put_unaligned_le32(start, p->start4);
	put_unaligned_le32(size, p->size4);
	sector[DOS_PART_MAGIC_OFFSET] = 0x55;
	sector[DOS_PART_MAGIC_OFFSET + 1] = 0xaa;
}

/*
 * MBR: 1 = Linux 2048+2048 (bootable), 2 = extended 4096+8192,
 * 4 = FAT 12288+1024; EBRs at 4096 (logical 5: 4096+63, 1000 blocks,
 * link to 6144) and 6144 (logical 6: 6144+63, 500 blocks, no link).
 */
static u8 *dos_image(void)
{
	u8 *img = calloc(NBLK, 512);

	if (!img)
		return NULL;
	put_unaligned_le32(0x12345678, img + DOS_PART_DISKSIG_OFFSET);
	dos_set(img, 0, 0x80, 0x83, 2048, 2048);
	dos_set(img, 1, 0, DOS_PART_TYPE_EXTENDED, EXT, 8192);
	dos_set(img, 3, 0, 0x0c, 12288, 1024);
	dos_set(img + EXT * 512, 0, 0, 0x83, 63, 1000);
	dos_set(img + EXT * 512, 1, 0, DOS_PART_TYPE_EXTENDED, 2048, 1024);
	dos_set(img + (EXT + 2048) * 512, 0, 0, 0x82, 63, 500);

	return img;
}

static int check_part(struct unit_test_state *uts, struct blk_desc *desc,
		      int part, lbaint_t start, lbaint_t size, u8 type)
{
	struct disk_partition info;

	ut_assertok(part_get_info(desc, part, &info));
	ut_asserteq(start, info.start);
	ut_asserteq(size, info.size);
	ut_asserteq(type, info.sys_ind);
	ut_asserteq(512, info.blksz);

	return 0;
}

static int dos_test_extended(struct unit_test_state *uts)
{
	struct disk_partition info;
	struct blk_desc *desc;
	char why[128];
	u8 *img;

	img = dos_image();
	ut_assertnonnull(img);
	ut_assertok(memdisk_create(img, 512, NBLK, false, &desc));
	ut_asserteq(PART_TYPE_DOS, part_get_type(desc));
	ut_asserteq(SIG_TYPE_MBR, desc->sig_type);
	ut_asserteq(0x12345678, desc->mbr_sig);

	ut_assertok(check_part(uts, desc, 1, 2048, 2048, 0x83));
	ut_assertok(check_part(uts, desc, 2, EXT, 8192, 0x05));
	ut_assertok(check_part(uts, desc, 4, 12288, 1024, 0x0c));
	ut_assertok(check_part(uts, desc, 5, EXT + 63, 1000, 0x83));
	ut_assertok(check_part(uts, desc, 6, EXT + 2048 + 63, 500, 0x82));
	ut_asserteq(-ENOENT, part_get_info(desc, 3, &info));
	ut_asserteq(-ENOENT, part_get_info(desc, 7, &info));
	ut_asserteq(-EINVAL, part_get_info(desc, 0, &info));

	ut_assertok(part_get_info(desc, 1, &info));
	ut_asserteq(PART_BOOTABLE, info.bootable);
	ut_asserteq_str("12345678-01", info.uuid);
	ut_assertok(part_get_info(desc, 6, &info));
	ut_asserteq(0, info.bootable);
	ut_asserteq_str("12345678-06", info.uuid);

	ut_assertok(part_validate(desc, why, sizeof(why)));

	memdisk_destroy(desc);
	free(img);

	return 0;
}
UNIT_TEST(dos_test_extended, 0, part);

/* Damage the chain in @img, re-read the table, expect it to end cleanly */
static int dos_check_damage(struct unit_test_state *uts, u8 *img,
			    const char *expect, int last_part)
{
	struct disk_partition info;
	struct blk_desc *desc;
	char why[128] = "";

	ut_assertok(memdisk_create(img, 512, NBLK, false, &desc));
	ut_asserteq(PART_TYPE_DOS, part_get_type(desc));
	memset(&memdisk_stats, 0, sizeof(memdisk_stats));
	ut_asserteq(1, part_validate(desc, why, sizeof(why)));
	ut_assertf(strstr(why, expect), "why: '%s'", why);
	if (last_part)
		ut_assertok(part_get_info(desc, last_part, &info));
	ut_asserteq(-ENOENT, part_get_info(desc, last_part + 1, &info));
	ut_assertok(part_get_info(desc, 1, &info));
	/* Only a bounded number of blocks were read, all inside the disk */
	ut_assert(memdisk_stats.reads < 3 * 4 * (MAX_EXT_PARTS + 2));
	ut_asserteq(0, memdisk_stats.out_of_range);
	memdisk_destroy(desc);

	return 0;
}

static int dos_test_chain_loops(struct unit_test_state *uts)
{
	u8 *img;

	/* The second EBR links back to the first */
	img = dos_image();
	ut_assertnonnull(img);
	dos_set(img + (EXT + 2048) * 512, 1, 0, DOS_PART_TYPE_EXTENDED, 0, 1);
	ut_assertok(dos_check_damage(uts, img, "loops back to block 4096", 6));

	/* The first EBR links to itself */
	dos_set(img + EXT * 512, 1, 0, DOS_PART_TYPE_EXTENDED, 0, 1);
	ut_assertok(dos_check_damage(uts, img, "loops back to block 4096", 5));

	/* A long chain of EBRs without logical partitions */
	free(img);
	img = dos_image();
	ut_assertnonnull(img);
	memset(img + EXT * 512, 0, 512);
	for (int i = 0; i < 2 * MAX_EXT_PARTS; i++) {
		u8 *ebr = img + (EXT + i * 8) * 512;

		dos_set(ebr, 0, 0, DOS_PART_TYPE_EXTENDED, (i + 1) * 8, 8);
	}
	ut_assertok(dos_check_damage(uts, img, "more than 256", 4));
	free(img);

	return 0;
}
UNIT_TEST(dos_test_chain_loops, 0, part);

static int dos_test_chain_broken(struct unit_test_state *uts)
{
	u8 *img;

	/* A link past the end of the disk */
	img = dos_image();
	ut_assertnonnull(img);
	dos_set(img + (EXT + 2048) * 512, 1, 0, DOS_PART_TYPE_EXTENDED_LBA,
		0xfffff000, 1);
	ut_assertok(dos_check_damage(uts, img, "past the end of the device",
				     6));

	/* An EBR without its signature: no logical partitions */
	free(img);
	img = dos_image();
	ut_assertnonnull(img);
	img[EXT * 512 + DOS_PART_MAGIC_OFFSET] = 0;
	ut_assertok(dos_check_damage(uts, img, "bad signature 0x00aa", 4));

	/* A partition reaching past the end of the disk */
	free(img);
	img = dos_image();
	ut_assertnonnull(img);
	dos_set(img, 3, 0, 0x0c, 12288, 0xffffffff);
	ut_assertok(dos_check_damage(uts, img, "partition 4", 6));
	free(img);

	return 0;
}
UNIT_TEST(dos_test_chain_broken, 0, part);

static int dos_test_not_dos(struct unit_test_state *uts)
{
	struct disk_partition info;
	struct blk_desc *desc;
	char why[128];
	u8 *img;

	/* No signature: no table */
	img = dos_image();
	ut_assertnonnull(img);
	img[DOS_PART_MAGIC_OFFSET + 1] = 0;
	ut_assertok(memdisk_create(img, 512, NBLK, false, &desc));
	ut_asserteq(PART_TYPE_UNKNOWN, part_get_type(desc));
	ut_asserteq(-EOPNOTSUPP, part_get_info(desc, 1, &info));
	ut_asserteq(-ENOENT, part_validate(desc, why, sizeof(why)));
	memdisk_destroy(desc);

	/* A bad boot flag: not an MBR */
	img[DOS_PART_MAGIC_OFFSET + 1] = 0xaa;
	img[DOS_PART_TBL_OFFSET] = 0x12;
	ut_assertok(memdisk_create(img, 512, NBLK, false, &desc));
	ut_asserteq(PART_TYPE_UNKNOWN, part_get_type(desc));
	memdisk_destroy(desc);

	/* A FAT boot sector is no partition table either */
	memset(img, 0, 512);
	memcpy(img + DOS_PBR_FSTYPE_OFFSET, "FAT16   ", 8);
	img[DOS_PART_MAGIC_OFFSET] = 0x55;
	img[DOS_PART_MAGIC_OFFSET + 1] = 0xaa;
	ut_assertok(memdisk_create(img, 512, NBLK, false, &desc));
	ut_asserteq(PART_TYPE_UNKNOWN, part_get_type(desc));
	memdisk_destroy(desc);
	free(img);

	return 0;
}
UNIT_TEST(dos_test_not_dos, 0, part);
