// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the block cache (drivers/block/blkcache.c): a small read
 * asked for again is answered from memory; a write, a removed device
 * and the least recently used rule make room or drop entries; large
 * reads always reach the device.
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <malloc.h>
#include <test/ut.h>
#include "memdisk.h"

#define NBLK	64

static int blkcache_setup(struct unit_test_state *uts, u8 **imgp,
			  struct blk_desc **descp)
{
	u8 *img = calloc(NBLK, 512);
	int i;

	ut_assertnonnull(img);
	for (i = 0; i < NBLK; i++)
		memset(img + i * 512, i, 512);
	ut_assertok(memdisk_create(img, 512, NBLK, false, descp));
	*imgp = img;
	/* 4 entries of at most 2 blocks, starting empty */
	blkcache_configure(1024, 4);
	memset(&memdisk_stats, 0, sizeof(memdisk_stats));

	return 0;
}

static void blkcache_teardown(struct blk_desc *desc, u8 *img)
{
	memdisk_destroy(desc);
	free(img);
	blkcache_configure(0, 0);
}

/* The same read twice reaches the device once; a write drops the entry */
static int blkcache_test_hit(struct unit_test_state *uts)
{
	struct blkcache_stats before, after;
	struct blk_desc *desc;
	u8 *img, buf[1024];

	ut_assertok(blkcache_setup(uts, &img, &desc));
	blkcache_get_stats(&before);
	ut_asserteq(2, blk_dread(desc, 7, 2, buf));
	ut_asserteq(7, buf[0]);
	ut_asserteq(8, buf[1023]);
	memset(buf, 0, sizeof(buf));
	ut_asserteq(2, blk_dread(desc, 7, 2, buf));
	ut_asserteq(7, buf[0]);
	ut_asserteq(8, buf[1023]);
	ut_asserteq(1, memdisk_stats.reads);
	blkcache_get_stats(&after);
	ut_asserteq(before.hits + 1, after.hits);
	ut_asserteq(before.misses + 1, after.misses);

	/* Only the exact read matches: a part of it goes to the device */
	ut_asserteq(1, blk_dread(desc, 7, 1, buf));
	ut_asserteq(2, memdisk_stats.reads);

	/* A write through the uclass: the next read sees the new data */
	memset(buf, 0xee, 512);
	ut_asserteq(1, blk_dwrite(desc, 8, 1, buf));
	ut_asserteq(2, blk_dread(desc, 7, 2, buf));
	ut_asserteq(7, buf[0]);
	ut_asserteq(0xee, buf[1023]);
	ut_asserteq(3, memdisk_stats.reads);

	blkcache_teardown(desc, img);
	return 0;
}
UNIT_TEST(blkcache_test_hit, 0, part);

/* Reads larger than an entry are never kept; nor anything, turned off */
static int blkcache_test_uncached(struct unit_test_state *uts)
{
	struct blk_desc *desc;
	u8 *img, buf[3 * 512];

	ut_assertok(blkcache_setup(uts, &img, &desc));
	ut_asserteq(3, blk_dread(desc, 0, 3, buf));
	ut_asserteq(3, blk_dread(desc, 0, 3, buf));
	ut_asserteq(2, memdisk_stats.reads);

	blkcache_configure(1024, 0);
	ut_asserteq(1, blk_dread(desc, 5, 1, buf));
	ut_asserteq(1, blk_dread(desc, 5, 1, buf));
	ut_asserteq(4, memdisk_stats.reads);

	blkcache_teardown(desc, img);
	return 0;
}
UNIT_TEST(blkcache_test_uncached, 0, part);

/* A fifth read pushes out the least recently used of four */
static int blkcache_test_lru(struct unit_test_state *uts)
{
	struct blk_desc *desc;
	u8 *img, buf[512];
	int i;

	ut_assertok(blkcache_setup(uts, &img, &desc));
	for (i = 0; i < 4; i++)
		ut_asserteq(1, blk_dread(desc, i, 1, buf));
	/* block 0 used again: block 1 is now the oldest */
	ut_asserteq(1, blk_dread(desc, 0, 1, buf));
	ut_asserteq(4, memdisk_stats.reads);
	ut_asserteq(1, blk_dread(desc, 10, 1, buf));
	ut_asserteq(5, memdisk_stats.reads);
	ut_asserteq(1, blk_dread(desc, 0, 1, buf));
	ut_asserteq(1, blk_dread(desc, 2, 1, buf));
	ut_asserteq(1, blk_dread(desc, 3, 1, buf));
	ut_asserteq(5, memdisk_stats.reads);
	ut_asserteq(1, blk_dread(desc, 1, 1, buf));
	ut_asserteq(6, memdisk_stats.reads);
	ut_asserteq(1, buf[0]);

	blkcache_teardown(desc, img);
	return 0;
}
UNIT_TEST(blkcache_test_lru, 0, part);

/* A device removed takes its entries along: a new one reads its own disk */
static int blkcache_test_remove(struct unit_test_state *uts)
{
	struct blk_desc *desc;
	u8 *img, buf[512];

	ut_assertok(blkcache_setup(uts, &img, &desc));
	ut_asserteq(1, blk_dread(desc, 5, 1, buf));
	ut_asserteq(5, buf[0]);
	memdisk_destroy(desc);

	memset(img + 5 * 512, 0x77, 512);
	ut_assertok(memdisk_create(img, 512, NBLK, false, &desc));
	memset(&memdisk_stats, 0, sizeof(memdisk_stats));
	ut_asserteq(1, blk_dread(desc, 5, 1, buf));
	ut_asserteq(0x77, buf[0]);
	ut_asserteq(1, memdisk_stats.reads);

	blkcache_teardown(desc, img);
	return 0;
}
UNIT_TEST(blkcache_test_remove, 0, part);
