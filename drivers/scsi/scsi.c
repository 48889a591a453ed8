// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The SCSI disk layer: scanning a host and the block devices of its LUNs.
 *
 * Scan (scsi_scan_dev()): for every target 0 .. max_id - 1, REPORT LUNS
 * to LUN 0, the buffer grown to the length the device reports (so
 * thousands of LUNs work). A target the host says is absent (-ENODEV,
 * virtio-scsi's BAD_TARGET) is skipped at once; a target that refuses
 * REPORT LUNS gets LUNs 0 .. max_lun - 1 probed one by one. No sleeps:
 * the only waits are the host's per-command timeout and, for a LUN that
 * says it is becoming ready, CONFIG_SCSI_READY_TIMEOUT_MS.
 *
 * Each LUN: INQUIRY (qualifier 3 and type 0x1f mean no LUN; disks, CD-ROMs
 * and optical disks are kept), TEST UNIT READY (UNIT ATTENTION retried;
 * NOT READY / becoming ready waited for, bounded), READ CAPACITY(10) and,
 * when it says 0xffffffff, READ CAPACITY(16), the block limits VPD page
 * (0xB0) when page 0x00 lists it, MODE SENSE(6) for write protection.
 * Then a UCLASS_BLK device (driver "scsi_blk") numbered in scan order
 * under "virtio" when the host sits on a virtio transport, else "scsi".
 *
 * Reads and writes use READ/WRITE(10) or (16) (scsi_setup_rw()), cut to
 * the host's max_bytes_per_req and the LUN's maximum transfer length.
 * The last failure of a LUN, with its sense data, is kept for the command
 * layer: scsi_blk_error_str().
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <malloc.h>
#include <part.h>
#include <scsi.h>
#include <time.h>
#include <vsprintf.h>
#include <dm/device-internal.h>
#include <linux/byteorder.h>

#define SCSI_UA_TRIES		8	/* UNIT ATTENTIONs in a row we accept */
#define SCSI_INQ_LEN		96
#define SCSI_VPD_LEN		252
#define SCSI_REPORT_LUNS_LEN	512	/* first REPORT LUNS buffer */
/* Largest REPORT LUNS buffer: 16384 flat LUNs and the header */
#define SCSI_REPORT_LUNS_MAX	(8 + 8 * (SCSI_MAX_FLAT_LUN + 1))

#ifdef CONFIG_SCSI_READY_TIMEOUT_MS
#define SCSI_READY_TIMEOUT_MS	CONFIG_SCSI_READY_TIMEOUT_MS
#else
#define SCSI_READY_TIMEOUT_MS	10000
#endif

/**
 * struct scsi_blk_plat - a LUN behind a SCSI block device (driver plat)
 * @target:	target id
 * @lun:	LUN
 * @max_blocks:	most blocks one command transfers
 * @last_err:	error of the last failed command (0: the last one worked)
 * @last_status: its SCSI status
 * @sense:	its sense data, if @has_sense
 * @has_sense:	the last failure came with sense data
 */
struct scsi_blk_plat {
	unsigned int target;
	unsigned int lun;
	u32 max_blocks;
	int last_err;
	u8 last_status;
	struct scsi_sense sense;
	bool has_sense;
};

/**
 * struct scsi_lun_info - what bring-up found out about a LUN
 * @type:	peripheral device type
 * @removable:	removable medium
 * @read_only:	CD-ROM or write-protected
 * @blksz:	block size
 * @lba:	number of blocks (0: no medium)
 * @max_xfer:	maximum transfer length from VPD page 0xB0 (0: none)
 * @vendor:	vendor, product and revision from INQUIRY
 */
struct scsi_lun_info {
	u8 type;
	bool removable;
	bool read_only;
	u32 blksz;
	u64 lba;
	u32 max_xfer;
	char vendor[BLK_VEN_SIZE + 1];
	char product[BLK_PRD_SIZE + 1];
	char revision[BLK_REV_SIZE + 1];
};

static void scsi_count_cmd(struct udevice *host)
{
	struct scsi_uc_priv *uc_priv = dev_get_uclass_priv(host);

	if (uc_priv)
		uc_priv->cmds++;
}

/* The sense key of a failed command, or -1 */
static int scsi_cmd_sense_key(struct scsi_cmd *cmd, struct scsi_sense *sense)
{
	if (cmd->status != S_CHECK_COND ||
	    scsi_decode_sense(cmd->sense_buf, cmd->sensedatalen, sense))
		return -1;

	return sense->key;
}

/*
 * Run @cmd, again after a UNIT ATTENTION (a fresh LUN reports one, as do
 * resets and medium changes).
 */
static int scsi_run(struct udevice *host, struct scsi_cmd *cmd)
{
	struct scsi_sense sense;
	int ret, i;

	for (i = 0; i < SCSI_UA_TRIES; i++) {
		scsi_count_cmd(host);
		ret = scsi_exec(host, cmd);
		if (ret != -EIO ||
		    scsi_cmd_sense_key(cmd, &sense) != SENSE_UNIT_ATTENTION)
			return ret;
	}

	return ret;
}

static void scsi_setup_cmd(struct scsi_cmd *cmd, unsigned int target,
			   unsigned int lun, void *buf, unsigned long len)
{
	memset(cmd, 0, sizeof(*cmd));
	cmd->target = target;
	cmd->lun = lun;
	cmd->pdata = buf;
	cmd->datalen = len;
	cmd->dma_dir = len ? DMA_FROM_DEVICE : DMA_NONE;
}

static int scsi_inquiry(struct udevice *host, struct scsi_cmd *cmd,
			unsigned int target, unsigned int lun, u8 page,
			bool evpd, u8 *buf, unsigned int len)
{
	scsi_setup_cmd(cmd, target, lun, buf, len);
	memset(buf, 0, len);
	cmd->cmd[0] = SCSI_INQUIRY;
	cmd->cmd[1] = evpd ? 1 : 0;
	cmd->cmd[2] = page;
	put_unaligned_be16(len, &cmd->cmd[3]);
	cmd->cmdlen = 6;

	return scsi_run(host, cmd);
}

/* Copy an INQUIRY string field without its padding */
static void scsi_ident_copy(char *dest, const u8 *src, unsigned int len)
{
	while (len && (src[len - 1] == ' ' || !src[len - 1]))
		len--;
	while (len && *src == ' ') {
		src++;
		len--;
	}
	memcpy(dest, src, len);
	dest[len] = '\0';
}

/*
 * TEST UNIT READY until the LUN is ready. Return: 0, -ENOMEDIUM if it
 * has no medium, -ETIMEDOUT if it stayed "becoming ready", other -ve
 */
static int scsi_wait_ready(struct udevice *host, struct scsi_cmd *cmd,
			   unsigned int target, unsigned int lun)
{
	ulong start = get_timer(0);
	struct scsi_sense sense;
	int ret;

	for (;;) {
		scsi_setup_cmd(cmd, target, lun, NULL, 0);
		cmd->cmd[0] = SCSI_TST_U_RDY;
		cmd->cmdlen = 6;
		ret = scsi_run(host, cmd);
		if (ret != -EIO)
			return ret;
		if (scsi_cmd_sense_key(cmd, &sense) != SENSE_NOT_READY)
			return ret;
		if (sense.asc == 0x3a)
			return -ENOMEDIUM;
		/* Only "becoming ready" (and unspecified causes) are waited for */
		if (sense.asc != 0x04 || (sense.ascq != 0x00 &&
					  sense.ascq != 0x01))
			return ret;
		if (get_timer(start) > SCSI_READY_TIMEOUT_MS)
			return -ETIMEDOUT;
		udelay(10000);
		cpu_relax();
	}
}

static int scsi_read_capacity(struct udevice *host, struct scsi_cmd *cmd,
			      unsigned int target, unsigned int lun, u8 *buf,
			      struct scsi_lun_info *info)
{
	u32 last;
	int ret;

	scsi_setup_cmd(cmd, target, lun, buf, 8);
	cmd->cmd[0] = SCSI_RD_CAPAC10;
	cmd->cmdlen = 10;
	ret = scsi_run(host, cmd);
	if (ret)
		return ret;
	last = get_unaligned_be32(buf);
	info->blksz = get_unaligned_be32(buf + 4);
	info->lba = (u64)last + 1;
	if (last != 0xffffffff)
		return 0;

	scsi_setup_cmd(cmd, target, lun, buf, 32);
	cmd->cmd[0] = SCSI_RD_CAPAC16;
	cmd->cmd[1] = SCSI_SAI_RD_CAPAC16;
	put_unaligned_be32(32, &cmd->cmd[10]);
	cmd->cmdlen = 16;
	ret = scsi_run(host, cmd);
	if (ret)
		return ret;
	info->lba = get_unaligned_be64(buf) + 1;
	info->blksz = get_unaligned_be32(buf + 8);
	if (!info->lba)
		return -EINVAL;

	return 0;
}

/* The maximum transfer length of VPD page 0xB0, if page 0x00 lists it */
static void scsi_read_limits(struct udevice *host, struct scsi_cmd *cmd,
			     unsigned int target, unsigned int lun, u8 *buf,
			     struct scsi_lun_info *info)
{
	unsigned int n, i;

	if (scsi_inquiry(host, cmd, target, lun, 0x00, true, buf,
			 SCSI_VPD_LEN) || buf[1] != 0x00)
		return;
	n = min_t(unsigned int, get_unaligned_be16(buf + 2), SCSI_VPD_LEN - 4);
	for (i = 0; i < n; i++)
		if (buf[4 + i] == 0xb0)
			break;
	if (i == n)
		return;
	if (scsi_inquiry(host, cmd, target, lun, 0xb0, true, buf, 64) ||
	    buf[1] != 0xb0 || get_unaligned_be16(buf + 2) < 12)
		return;
	info->max_xfer = get_unaligned_be32(buf + 8);
}

/* MODE SENSE(6): the WP bit of the device-specific parameter */
static bool scsi_write_protected(struct udevice *host, struct scsi_cmd *cmd,
				 unsigned int target, unsigned int lun,
				 u8 *buf)
{
	scsi_setup_cmd(cmd, target, lun, buf, 192);
	cmd->cmd[0] = SCSI_MODE_SEN6;
	cmd->cmd[2] = 0x3f;	/* all pages */
	cmd->cmd[4] = 192;
	cmd->cmdlen = 6;
	if (scsi_run(host, cmd) || cmd->trans_bytes < 4)
		return false;

	return buf[2] & 0x80;
}

/*
 * Bring up one LUN. Return: 0 with @info filled, -ENODEV if the target is
 * absent, -ENOENT if there is no (block) LUN there, other -ve if the LUN
 * is there but failed
 */
static int scsi_probe_lun(struct udevice *host, unsigned int target,
			  unsigned int lun, u8 *buf,
			  struct scsi_lun_info *info)
{
	struct scsi_cmd cmd;
	u8 qual;
	int ret;

	memset(info, 0, sizeof(*info));
	ret = scsi_inquiry(host, &cmd, target, lun, 0, false, buf,
			   SCSI_INQ_LEN);
	if (ret)
		return ret == -ENODEV ? ret : -ENOENT;
	qual = buf[0] >> 5;
	info->type = buf[0] & 0x1f;
	if (qual == SCSI_QUAL_NO_LUN || qual == 1 ||
	    info->type == SCSI_TYPE_NO_LUN)
		return -ENOENT;
	if (info->type != SCSI_TYPE_DISK && info->type != SCSI_TYPE_ROM &&
	    info->type != SCSI_TYPE_MOD && info->type != SCSI_TYPE_RBC)
		return -ENOENT;
	info->removable = buf[1] & 0x80;
	scsi_ident_copy(info->vendor, buf + 8, 8);
	scsi_ident_copy(info->product, buf + 16, 16);
	scsi_ident_copy(info->revision, buf + 32, 4);

	ret = scsi_wait_ready(host, &cmd, target, lun);
	if (ret == -ENOMEDIUM && info->removable) {
		/* A drive without a disc: there, but nothing to read */
		info->blksz = info->type == SCSI_TYPE_ROM ? 2048 : 512;
		info->read_only = info->type == SCSI_TYPE_ROM;
		return 0;
	}
	if (ret)
		return ret;
	ret = scsi_read_capacity(host, &cmd, target, lun, buf, info);
	if (ret)
		return ret;
	if (info->blksz < 512 || info->blksz > 65536 ||
	    (info->blksz & (info->blksz - 1)))
		return -EINVAL;
	if (info->type == SCSI_TYPE_ROM) {
		info->read_only = true;
	} else {
		scsi_read_limits(host, &cmd, target, lun, buf, info);
		info->read_only = scsi_write_protected(host, &cmd, target,
						       lun, buf);
	}

	return 0;
}

/* The interface a host's LUNs are numbered under */
static enum uclass_id scsi_host_interface(struct udevice *host)
{
	struct udevice *parent = dev_get_parent(host);

	if (parent && device_get_uclass_id(parent) == UCLASS_VIRTIO)
		return UCLASS_VIRTIO;

	return UCLASS_SCSI;
}

static int scsi_add_lun(struct udevice *host, unsigned int target,
			unsigned int lun, struct scsi_lun_info *info,
			bool verbose)
{
	struct scsi_plat *plat = dev_get_uclass_plat(host);
	struct scsi_blk_plat *bplat;
	struct blk_desc *desc;
	struct udevice *bdev;
	char name[20];
	u64 max;
	int ret;

	snprintf(name, sizeof(name), "t%ul%u", target, lun);
	ret = blk_create_devicef(host, "scsi_blk", name,
				 scsi_host_interface(host), -1, info->blksz,
				 info->lba, &bdev);
	if (ret)
		return ret;
	desc = dev_get_uclass_plat(bdev);
	desc->target = target;
	desc->lun = lun > 0xff ? 0xff : lun;
	desc->type = info->type;
	desc->removable = info->removable;
	desc->read_only = info->read_only;
	strcpy(desc->vendor, info->vendor);
	strcpy(desc->product, info->product);
	strcpy(desc->revision, info->revision);

	bplat = dev_get_plat(bdev);
	bplat->target = target;
	bplat->lun = lun;
	max = 0xffffffffU;
	if (plat->max_bytes_per_req)
		max = min_t(u64, max, plat->max_bytes_per_req / info->blksz);
	if (info->max_xfer)
		max = min_t(u64, max, info->max_xfer);
	if (!max) {
		device_unbind(bdev);
		return -EINVAL;
	}
	bplat->max_blocks = max;

	ret = blk_probe_or_unbind(bdev);
	if (ret)
		return ret;
	if (verbose) {
		printf("  Device %d: ", desc->devnum);
		dev_print(desc);
	}

	return 0;
}

/*
 * REPORT LUNS to LUN 0 of @target, with a buffer as large as the list.
 * Return: number of LUNs in *@lunsp (allocated), -ENODEV if the target is
 * absent, other -ve if it did not answer
 */
static int scsi_report_luns(struct udevice *host, unsigned int target,
			    u16 **lunsp)
{
	unsigned int len = SCSI_REPORT_LUNS_LEN, needed;
	struct scsi_cmd cmd;
	u16 *luns = NULL;
	u8 *buf;
	int ret, tries;

	for (tries = 0; tries < 3; tries++) {
		buf = malloc(len);
		luns = malloc(len / 8 * sizeof(*luns));
		if (!buf || !luns) {
			ret = -ENOMEM;
			break;
		}
		scsi_setup_cmd(&cmd, target, 0, buf, len);
		memset(buf, 0, len);
		cmd.cmd[0] = SCSI_REPORT_LUNS;
		put_unaligned_be32(len, &cmd.cmd[6]);
		cmd.cmdlen = 12;
		ret = scsi_run(host, &cmd);
		if (ret)
			break;
		ret = scsi_report_luns_parse(buf, min_t(unsigned long, len,
							cmd.trans_bytes ?
							cmd.trans_bytes : len),
					     luns, len / 8, &needed);
		if (ret < 0 || needed <= len ||
		    (cmd.trans_bytes && cmd.trans_bytes < len))
			break;
		/* The list is longer than the buffer: ask again */
		free(buf);
		free(luns);
		buf = NULL;
		luns = NULL;
		if (len >= SCSI_REPORT_LUNS_MAX) {
			/* keep what fits in the largest buffer */
			ret = -E2BIG;
			break;
		}
		len = min_t(unsigned int, ALIGN(needed, 8),
			    SCSI_REPORT_LUNS_MAX);
	}
	free(buf);
	if (ret >= 0 && !luns)
		ret = -EIO;	/* the list kept growing */
	if (ret < 0) {
		free(luns);
		return ret;
	}
	*lunsp = luns;

	return ret;
}

/* Sort @luns and drop repeats: devices are numbered in LUN order */
static int scsi_sort_luns(u16 *luns, int n)
{
	int i, j, out = 0;

	for (i = 1; i < n; i++) {
		u16 v = luns[i];

		for (j = i; j > 0 && luns[j - 1] > v; j--)
			luns[j] = luns[j - 1];
		luns[j] = v;
	}
	for (i = 0; i < n; i++)
		if (!out || luns[out - 1] != luns[i])
			luns[out++] = luns[i];

	return out;
}

/* Remove and unbind the block devices of a host */
static int scsi_remove_luns(struct udevice *host)
{
	int ret;

	ret = device_chld_remove(host, NULL, DM_REMOVE_NORMAL);
	if (!ret)
		ret = device_chld_unbind(host, NULL);

	return ret;
}

static void scsi_scan_lun(struct udevice *host, unsigned int target,
			  unsigned int lun, u8 *buf, bool verbose)
{
	struct scsi_uc_priv *uc_priv = dev_get_uclass_priv(host);
	struct scsi_lun_info info;
	int ret;

	ret = scsi_probe_lun(host, target, lun, buf, &info);
	if (!ret)
		ret = scsi_add_lun(host, target, lun, &info, verbose);
	if (!ret) {
		uc_priv->luns++;
	} else if (ret != -ENOENT && ret != -ENODEV) {
		uc_priv->failed++;
		if (verbose)
			printf("  target %u LUN %u: failed to come up (%d)\n",
			       target, lun, ret);
	}
}

int scsi_scan_dev(struct udevice *dev, bool verbose)
{
	struct scsi_plat *plat = dev_get_uclass_plat(dev);
	struct scsi_uc_priv *uc_priv;
	unsigned int target;
	u64 start;
	u8 *buf;
	int ret, i, n;

	ret = device_probe(dev);
	if (ret)
		return ret;
	uc_priv = dev_get_uclass_priv(dev);
	ret = scsi_remove_luns(dev);
	if (ret)
		return ret;
	memset(uc_priv, 0, sizeof(*uc_priv));
	buf = malloc(SCSI_VPD_LEN);
	if (!buf)
		return -ENOMEM;

	start = timer_get_us();
	for (target = 0; target < plat->max_id; target++) {
		u16 *luns = NULL;

		n = scsi_report_luns(dev, target, &luns);
		if (n == -ENODEV)
			continue;
		uc_priv->targets++;
		if (n >= 0) {
			n = scsi_sort_luns(luns, n);
			for (i = 0; i < n; i++)
				scsi_scan_lun(dev, target, luns[i], buf,
					      verbose);
			free(luns);
			continue;
		}
		/* REPORT LUNS refused: try the first LUNs one by one */
		for (i = 0; i < plat->max_lun; i++)
			scsi_scan_lun(dev, target, i, buf, verbose);
	}
	uc_priv->scan_us = timer_get_us() - start;
	free(buf);

	return 0;
}

int scsi_scan(bool verbose)
{
	struct udevice *dev;
	struct uclass *uc;
	int ret, err = 0;

	ret = uclass_get(UCLASS_SCSI, &uc);
	if (ret)
		return ret;
	uclass_foreach_dev(dev, uc) {
		ret = scsi_scan_dev(dev, verbose);
		if (ret && !err)
			err = ret;
	}

	return err;
}

/* Keep why a command failed, for scsi_blk_error_str() */
static void scsi_blk_set_error(struct scsi_blk_plat *bplat,
			       struct scsi_cmd *cmd, int err)
{
	bplat->last_err = err;
	bplat->last_status = cmd->status;
	bplat->has_sense = cmd->status == S_CHECK_COND &&
			   !scsi_decode_sense(cmd->sense_buf, cmd->sensedatalen,
					      &bplat->sense);
}

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
		scsi_blk_set_error(bplat, &cmd, ret);

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

	bplat->last_err = 0;
	while (blkcnt) {
		u32 n = min_t(u64, blkcnt, bplat->max_blocks);

		scsi_setup_cmd(&cmd, bplat->target, bplat->lun, buf,
			       (unsigned long)n * desc->blksz);
		scsi_setup_rw(&cmd, write, start, n);
		ret = scsi_run(host, &cmd);
		if (!ret && cmd.trans_bytes != cmd.datalen)
			ret = -EIO;	/* short transfer */
		if (ret) {
			scsi_blk_set_error(bplat, &cmd, ret);
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
	if (!bplat->last_err)
		return -ENOENT;
	if (bplat->has_sense)
		scsi_sense_str(&bplat->sense, buf, size);
	else if (bplat->last_err == -ENODEV)
		snprintf(buf, size, "target %u is gone", bplat->target);
	else if (bplat->last_err == -ETIMEDOUT)
		snprintf(buf, size, "the device did not answer in time");
	else if (bplat->last_err == -EBUSY)
		snprintf(buf, size, "the device stayed busy");
	else if (bplat->last_status != S_GOOD &&
		 bplat->last_status != S_ILLEGAL)
		snprintf(buf, size, "SCSI status 0x%02x",
			 bplat->last_status);
	else
		snprintf(buf, size, "error %d", bplat->last_err);

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
