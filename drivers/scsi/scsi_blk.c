// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The SCSI disk layer, the block devices of the LUNs (driver "scsi_blk",
 * bound by the scan: scsi_probe.c).
 *
 * Reads and writes use READ/WRITE(10) or (16) (scsi_setup_rw()), cut to
 * the host's max_bytes_per_req and the LUN's maximum transfer length.
 * A failed command leaves its reason, in words (the decoded sense data
 * when there is some), with the block device: blk_set_fail_reason().
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <scsi.h>
#include <vsprintf.h>
#include "scsi_internal.h"

/* Say why @cmd failed, for the command that prints the error */
static void scsi_blk_failed(struct udevice *bdev, struct scsi_cmd *cmd,
			    int err)
{
	struct blk_desc *desc = dev_get_uclass_plat(bdev);
	struct scsi_failure fail;
	char why[BLK_REASON_SIZE];

	scsi_failure_set(&fail, cmd, err);
	blk_set_fail_reason(bdev, scsi_failure_str(&fail, desc->target, why,
						   sizeof(why)));
}

static int scsi_blk_sync(struct udevice *bdev)
{
	struct blk_desc *desc = dev_get_uclass_plat(bdev);
	struct scsi_sense sense;
	struct scsi_cmd cmd;
	int ret;

	scsi_setup_cmd(&cmd, desc->target, desc->lun, NULL, 0);
	cmd.cmd[0] = SCSI_SYNC_CACHE;
	cmd.cmdlen = 10;
	ret = scsi_run(dev_get_parent(bdev), &cmd);
	/* A device without a cache may not know the command */
	if (ret == -EIO &&
	    scsi_cmd_sense_key(&cmd, &sense) == SENSE_ILLEGAL_REQUEST)
		return 0;
	if (ret)
		scsi_blk_failed(bdev, &cmd, ret);

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

	while (blkcnt) {
		u32 n = min_t(u64, blkcnt, bplat->max_blocks);

		scsi_setup_cmd(&cmd, desc->target, desc->lun, buf,
			       (unsigned long)n * desc->blksz);
		scsi_setup_rw(&cmd, write, start, n);
		ret = scsi_run(host, &cmd);
		if (!ret && cmd.trans_bytes != cmd.datalen)
			ret = -EIO;	/* short transfer */
		if (ret) {
			scsi_blk_failed(bdev, &cmd, ret);
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
