// SPDX-License-Identifier: GPL-2.0-or-later
/* An in-memory block device for the block-layer and partition tests */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <dm/device-internal.h>
#include "memdisk.h"

struct memdisk_stats memdisk_stats;

struct memdisk_plat {
	u8 *data;
};

static bool memdisk_in_range(struct udevice *dev, lbaint_t start,
			     lbaint_t blkcnt)
{
	struct blk_desc *desc = dev_get_uclass_plat(dev);

	if (start > desc->lba || blkcnt > desc->lba - start) {
		memdisk_stats.out_of_range++;
		return false;
	}

	return true;
}

static unsigned long memdisk_read(struct udevice *dev, lbaint_t start,
				  lbaint_t blkcnt, void *buffer)
{
	struct blk_desc *desc = dev_get_uclass_plat(dev);
	struct memdisk_plat *plat = dev_get_plat(dev);

	memdisk_stats.reads++;
	if (!memdisk_in_range(dev, start, blkcnt))
		return -EIO;
	memcpy(buffer, plat->data + start * desc->blksz, blkcnt * desc->blksz);

	return blkcnt;
}

static unsigned long memdisk_write(struct udevice *dev, lbaint_t start,
				   lbaint_t blkcnt, const void *buffer)
{
	struct blk_desc *desc = dev_get_uclass_plat(dev);
	struct memdisk_plat *plat = dev_get_plat(dev);

	memdisk_stats.writes++;
	if (!memdisk_in_range(dev, start, blkcnt))
		return -EIO;
	memcpy(plat->data + start * desc->blksz, buffer, blkcnt * desc->blksz);

	return blkcnt;
}

static const struct blk_ops memdisk_ops = {
	.read	= memdisk_read,
	.write	= memdisk_write,
};

U_BOOT_DRIVER(part_test_blk) = {
	.name		= "part_test_blk",
	.id		= UCLASS_BLK,
	.ops		= &memdisk_ops,
	.plat_auto	= sizeof(struct memdisk_plat),
};

int memdisk_create(u8 *img, unsigned long blksz, lbaint_t lba, bool read_only,
		   struct blk_desc **descp)
{
	struct memdisk_plat *plat;
	struct blk_desc *desc;
	struct udevice *dev;
	int ret;

	ret = blk_create_device(dm_root(), "part_test_blk", "memdisk",
				UCLASS_TEST, -1, blksz, lba, &dev);
	if (ret)
		return ret;
	plat = dev_get_plat(dev);
	plat->data = img;
	desc = dev_get_uclass_plat(dev);
	desc->read_only = read_only;
	ret = blk_probe_or_unbind(dev);
	if (ret)
		return ret;
	*descp = desc;

	return 0;
}

void memdisk_destroy(struct blk_desc *desc)
{
	device_remove(desc->bdev, DM_REMOVE_NORMAL);
	device_unbind(desc->bdev);
}
