// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the block uclass: numbering, look-up by interface name,
 * and the range and read-only checks that keep requests from reaching a
 * driver.
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <part.h>
#include <test/ut.h>
#include "memdisk.h"

#define NBLK	64

static int blk_test_rw(struct unit_test_state *uts)
{
	struct blk_desc *desc;
	u8 *img, buf[2 * 512];
	int reads;

	img = calloc(NBLK, 512);
	ut_assertnonnull(img);
	memset(img + 5 * 512, 0xa5, 512);
	memset(&memdisk_stats, 0, sizeof(memdisk_stats));
	ut_assertok(memdisk_create(img, 512, NBLK, false, &desc));
	ut_asserteq(512, desc->blksz);
	ut_asserteq(9, desc->log2blksz);
	ut_asserteq(NBLK, desc->lba);
	/* The probe reads nothing: the table is read when first asked for */
	ut_asserteq(0, memdisk_stats.reads);
	ut_asserteq(PART_TYPE_NOT_READ, desc->part_type);
	ut_asserteq(PART_TYPE_UNKNOWN, part_get_type(desc));
	ut_assert(memdisk_stats.reads > 0);
	memset(&memdisk_stats, 0, sizeof(memdisk_stats));
	ut_asserteq(PART_TYPE_UNKNOWN, part_get_type(desc));
	ut_asserteq(0, memdisk_stats.reads);

	/* In range: whole blocks, the count returned */
	ut_asserteq(1, blk_dread(desc, 5, 1, buf));
	ut_asserteq(0xa5, buf[0]);
	ut_asserteq(0xa5, buf[511]);
	ut_asserteq(2, blk_read(desc->bdev, NBLK - 2, 2, buf));
	ut_assertok(blk_read_checked(desc, 0, 2, buf));
	ut_asserteq(0, blk_read(desc->bdev, NBLK, 0, buf));

	/* Past the end: refused before the driver sees it */
	reads = memdisk_stats.reads;
	ut_asserteq(-EINVAL, blk_read(desc->bdev, NBLK - 1, 2, buf));
	ut_asserteq(-EINVAL, blk_read(desc->bdev, NBLK, 1, buf));
	ut_asserteq(-EINVAL, blk_read(desc->bdev, NBLK + 1, 0, buf));
	ut_asserteq(-EINVAL, blk_read(desc->bdev, ~0ULL, 2, buf));
	ut_asserteq(-EINVAL, blk_read(desc->bdev, 1, ~0ULL, buf));
	ut_asserteq(-EINVAL, blk_read_checked(desc, NBLK - 1, 2, buf));
	ut_asserteq((unsigned long)-EINVAL, blk_dread(desc, NBLK, 1, buf));
	ut_asserteq(-EINVAL, blk_write(desc->bdev, NBLK - 1, 2, buf));
	ut_asserteq(reads, memdisk_stats.reads);
	ut_asserteq(0, memdisk_stats.writes);

	/* Writes land */
	memset(buf, 0x3c, 512);
	ut_asserteq(1, blk_dwrite(desc, 7, 1, buf));
	ut_asserteq(0x3c, img[7 * 512 + 100]);
	ut_assertok(blk_write_checked(desc, 8, 1, buf));
	ut_asserteq(0x3c, img[8 * 512]);
	ut_asserteq(0, memdisk_stats.out_of_range);

	memdisk_destroy(desc);
	free(img);

	return 0;
}
UNIT_TEST(blk_test_rw, 0, part);

static int blk_test_read_only(struct unit_test_state *uts)
{
	struct blk_desc *desc;
	u8 *img, buf[512];

	img = calloc(NBLK, 512);
	ut_assertnonnull(img);
	ut_assertok(memdisk_create(img, 512, NBLK, true, &desc));
	memset(&memdisk_stats, 0, sizeof(memdisk_stats));
	memset(buf, 0x77, sizeof(buf));

	ut_asserteq(-EROFS, blk_write(desc->bdev, 0, 1, buf));
	ut_asserteq((unsigned long)-EROFS, blk_dwrite(desc, 0, 1, buf));
	ut_asserteq(-EROFS, blk_write_checked(desc, 3, 1, buf));
	ut_asserteq(-EROFS, blk_erase(desc->bdev, 0, 1));
	ut_asserteq(0, memdisk_stats.writes);
	ut_asserteq(0, img[0]);
	/* Reading still works */
	ut_asserteq(1, blk_read(desc->bdev, 0, 1, buf));

	memdisk_destroy(desc);
	free(img);

	return 0;
}
UNIT_TEST(blk_test_read_only, 0, part);

static int blk_test_numbering(struct unit_test_state *uts)
{
	struct blk_desc *a, *b, *c;
	struct udevice *dev;
	u8 *img;
	int first;

	img = calloc(NBLK, 4096);
	ut_assertnonnull(img);
	first = blk_next_free_devnum(UCLASS_TEST);
	ut_assertok(memdisk_create(img, 512, NBLK, false, &a));
	ut_assertok(memdisk_create(img, 4096, NBLK, false, &b));
	ut_assertok(memdisk_create(img, 2048, NBLK, false, &c));

	/* Numbered in bind order */
	ut_asserteq(first, a->devnum);
	ut_asserteq(first + 1, b->devnum);
	ut_asserteq(first + 2, c->devnum);
	ut_asserteq(12, b->log2blksz);
	ut_asserteq(first + 2, blk_find_max_devnum(UCLASS_TEST));

	ut_assertok(blk_find_device(UCLASS_TEST, first + 1, &dev));
	ut_assert(b->bdev == dev);
	ut_asserteq(-ENODEV, blk_find_device(UCLASS_TEST, first + 3, &dev));
	ut_asserteq(-ENODEV, blk_find_device(UCLASS_VIRTIO, first, &dev));
	ut_assert(c == blk_get_devnum_by_uclass_id(UCLASS_TEST, first + 2));
	ut_assertnull(blk_get_devnum_by_uclass_id(UCLASS_TEST, first + 3));

	/* Interface names */
	ut_asserteq_str("virtio", blk_get_uclass_name(UCLASS_VIRTIO));
	ut_asserteq_str("scsi", blk_get_uclass_name(UCLASS_SCSI));
	ut_asserteq_str("host", blk_get_uclass_name(UCLASS_HOST));
	ut_asserteq_str("(none)", blk_get_uclass_name(UCLASS_TEST));
	ut_asserteq(UCLASS_VIRTIO, blk_get_uclass_id("virtio"));
	ut_asserteq(UCLASS_HOST, blk_get_uclass_id("host"));
	ut_asserteq(UCLASS_SCSI, blk_get_uclass_id("scsi"));
	ut_asserteq(UCLASS_INVALID, blk_get_uclass_id("virt"));
	ut_assertnull(blk_get_devnum_by_uclass_idname("nosuch", 0));

	/* Block sizes that are no power of two, or too small, are refused */
	ut_asserteq(-EINVAL, blk_create_device(dm_root(), "part_test_blk",
					       "bad", UCLASS_TEST, -1, 520,
					       NBLK, &dev));
	ut_asserteq(-EINVAL, blk_create_device(dm_root(), "part_test_blk",
					       "bad", UCLASS_TEST, -1, 256,
					       NBLK, &dev));

	memdisk_destroy(a);
	memdisk_destroy(b);
	memdisk_destroy(c);
	ut_asserteq(-ENODEV, blk_find_device(UCLASS_TEST, first, &dev));
	free(img);

	return 0;
}
UNIT_TEST(blk_test_numbering, 0, part);
