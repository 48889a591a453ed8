/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An in-memory block device for the block-layer and partition tests: a
 * BLK device (driver "part_test_blk", interface UCLASS_TEST) over a
 * buffer the test fills with a disk image.
 */
#ifndef __TEST_PART_MEMDISK_H
#define __TEST_PART_MEMDISK_H

#include <blk.h>

/**
 * struct memdisk_stats - what the driver was asked to do
 * @reads:	read calls that reached the driver
 * @writes:	write calls that reached the driver
 * @out_of_range: calls that reached the driver with a range outside the
 *		device (the uclass must make this impossible)
 */
struct memdisk_stats {
	int reads;
	int writes;
	int out_of_range;
};

extern struct memdisk_stats memdisk_stats;

/**
 * memdisk_create() - bind and probe a disk over @img
 * @img:	blksz * lba bytes, owned by the caller, read at probe time to
 *		find the partition table
 * @read_only:	make the device read-only
 * Return: 0 or -ve error
 */
int memdisk_create(u8 *img, unsigned long blksz, lbaint_t lba, bool read_only,
		   struct blk_desc **descp);

/** memdisk_destroy() - remove and unbind the disk */
void memdisk_destroy(struct blk_desc *desc);

#endif
