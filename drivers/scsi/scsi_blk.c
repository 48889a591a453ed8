// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The SCSI disk layer, the block devices of the LUNs (driver "scsi_blk",
 * bound by the scan: scsi_probe.c).
 *
 * Reads and writes use READ/WRITE(10) or (16) (scsi_setup_rw()), cut to
 * the host's max_bytes_per_req and the LUN's maximum transfer length.
 * The last failure of a LUN, with its sense data, is kept for the command
 * layer: scsi_blk_error_str().
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <scsi.h>
#include <vsprintf.h>
#include "scsi_internal.h"

static int scsi_blk_sync(struct udevice *bdev)
{
	struct scsi_blk_plat *bplat = dev_get_plat(bdev);
	struct scsi_sense sense;
	struct scsi_cmd cmd;
	int ret;

	scsi_setup_cmd(&cmd, bplat->target, bplat->lun, NULL, 0);
	cmd.cmd[0] = SCSI_SYNC_CACHE;
	cmd.cmdlen = 10;
	ret = scsi_run(dev_get_parent(bdev), &cmd);
	/* A device without a cache may not know the command */
	if (ret == -EIO &&
	    scsi_cmd_sense_key(&cmd, &sense) == SENSE_ILLEGAL_REQUEST)
		return 0;
	if (ret)
		scsi_failure_set(&bplat->last, &cmd, ret);

	return ret;
}

static int scsi_blk_rw(struct udevice *bdev, lbaint_t start, lbaint_t blkcnt,
		       u8 *buf, bool write)
{
	struct scsi_blk_plat *bplat = dev_get_plat(bdev);
	struct blk_desc *desc = dev_get_uclass_plat(bdev);
	struct udevice *host = dev_get_parent(bdev);
	struct scsi_cmd cmd;
	int ret;

	bplat->last.err = 0;
	while (blkcnt) {
		u32 n = min_t(u64, blkcnt, bplat->max_blocks);

		scsi_setup_cmd(&cmd, bplat->target, bplat->lun, buf,
			       (unsigned long)n * desc->blksz);
		scsi_setup_rw(&cmd, write, start, n);
		ret = scsi_run(host, &cmd);
		if (!ret && cmd.trans_bytes != cmd.datalen)
			ret = -EIO;	/* short transfer */
		if (ret) {
			scsi_failure_set(&bplat->last, &cmd, ret);
			return ret;
		}
		start += n;
		blkcnt -= n;
		buf += (unsigned long)n * desc->blksz;
	}

	return write ? scsi_blk_sync(bdev) : 0;
}

static ulong scsi_blk_read(struct udevice *bdev, lbaint_t start,
			   lbaint_t blkcnt, void *buffer)
{
	int ret = scsi_blk_rw(bdev, start, blkcnt, buffer, false);

	return ret ? (ulong)(long)ret : blkcnt;
}

static ulong scsi_blk_write(struct udevice *bdev, lbaint_t start,
			    lbaint_t blkcnt, const void *buffer)
{
	int ret = scsi_blk_rw(bdev, start, blkcnt, (void *)buffer, true);

	return ret ? (ulong)(long)ret : blkcnt;
}

static bool scsi_is_blk(struct udevice *bdev)
{
	return bdev && bdev->driver && !strcmp(bdev->driver->name, "scsi_blk");
}

int scsi_blk_get_addr(struct udevice *bdev, unsigned int *target,
		      unsigned int *lun)
{
	struct scsi_blk_plat *bplat;

	if (!scsi_is_blk(bdev))
		return -ENODEV;
	bplat = dev_get_plat(bdev);
	*target = bplat->target;
	*lun = bplat->lun;

	return 0;
}

int scsi_blk_error_str(struct udevice *bdev, char *buf, int size)
{
	struct scsi_blk_plat *bplat;

	if (!scsi_is_blk(bdev))
		return -ENODEV;
	bplat = dev_get_plat(bdev);
	if (!bplat->last.err)
		return -ENOENT;
	scsi_failure_str(&bplat->last, bplat->target, buf, size);

	return 0;
}

static const struct blk_ops scsi_blk_ops = {
	.read	= scsi_blk_read,
	.write	= scsi_blk_write,
};

U_BOOT_DRIVER(scsi_blk) = {
	.name		= "scsi_blk",
	.id		= UCLASS_BLK,
	.ops		= &scsi_blk_ops,
	.plat_auto	= sizeof(struct scsi_blk_plat),
};
