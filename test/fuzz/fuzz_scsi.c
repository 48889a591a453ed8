// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the SCSI disk logic (drivers/scsi/): the scan
 * (REPORT LUNS, INQUIRY, TEST UNIT READY with its wait, READ CAPACITY,
 * VPD pages, MODE SENSE), the sense decoding, and reads and writes through
 * the block devices it creates, against a SCSI host whose answers come
 * from the input. The driver model, the BLK uclass and the partition
 * parsers are the firmware's own.
 *
 * Input: byte 0 sets the host up (bits 0-1: targets 1-4, bits 2-4: largest
 * LUN 0-7, bit 5: a transfer limit of 4 KiB). Then each command the host
 * executes takes one control byte:
 *
 *   bit 7 set: a correct disk answers (one LUN, 64 blocks of 512 bytes,
 *	data from the rest of the input); bits 0-6 are free for mutation
 *   0x00-0x7f: low 3 bits pick the answer: good status with data from the
 *	input (length from a byte, residual as it follows), CHECK CONDITION
 *	with 18 bytes of sense from the input (fixed or descriptor format,
 *	any key, any length), BUSY, TASK SET FULL, -ETIMEDOUT, -ENODEV
 *	(no such target), -EIO without sense, or data longer than the buffer
 *	(which a host must cut: the harness cuts it and says so in trans_bytes)
 *
 * When the input runs out every command times out. What must hold: no
 * crash, no hang, no leak; a transfer asked of the block layer reads or
 * writes only inside the buffer given (ASan), and every block device made
 * has a sane block size.
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <scsi.h>
#include <dm/device-internal.h>
#include "fuzz_support.h"

struct input {
	const u8 *p;
	size_t left;
};

static struct input in;
static u8 setup;

static u8 next(void)
{
	if (!in.left)
		return 0;
	in.left--;
	return *in.p++;
}

static void take(u8 *buf, size_t len)
{
	size_t n = min(len, in.left);

	memcpy(buf, in.p, n);
	memset(buf + n, 0, len - n);
	in.p += n;
	in.left -= n;
}

/* What a small disk answers at target 0, LUN 0 */
static int good_answer(struct scsi_cmd *cmd)
{
	u8 *d = cmd->pdata;
	size_t len = cmd->datalen;
	u8 buf[64] = { };

	if (cmd->target || cmd->lun)
		return -ENODEV;
	switch (cmd->cmd[0]) {
	case SCSI_REPORT_LUNS:
		buf[3] = 8;		/* one LUN: 0 */
		len = min_t(size_t, len, 16);
		break;
	case SCSI_INQUIRY:
		if (cmd->cmd[1] & 1) {	/* VPD: page 0 lists 0 and 0xb0 */
			buf[1] = cmd->cmd[2];
			buf[3] = 2;
			buf[4] = 0;
			buf[5] = 0xb0;
			if (cmd->cmd[2] == 0xb0) {
				buf[3] = 0x3c;
				buf[7] = 8;	/* max transfer 8 blocks */
				buf[8 + 3] = 8;
			}
		} else {
			buf[2] = 5;
			buf[3] = 2;
			buf[4] = 31;
			memcpy(buf + 8, "FUZZ    DISK            0001", 28);
		}
		len = min_t(size_t, len, sizeof(buf));
		break;
	case SCSI_RD_CAPAC10:
		buf[3] = 63;		/* last LBA */
		buf[6] = 2;		/* 512 */
		len = min_t(size_t, len, 8);
		break;
	case SCSI_READ10:
	case SCSI_READ16_OP:
		take(d, len);
		cmd->trans_bytes = len;
		cmd->status = S_GOOD;
		return 0;
	default:
		len = min_t(size_t, len, 4);
		break;
	}
	if (d && len)
		memcpy(d, buf, len);
	cmd->trans_bytes = d ? len : 0;
	cmd->status = S_GOOD;
	return 0;
}

static int fz_exec(struct udevice *dev, struct scsi_cmd *cmd)
{
	u8 c;
	size_t n;

	cmd->trans_bytes = 0;
	cmd->sensedatalen = 0;
	if (!in.left)
		return -ETIMEDOUT;
	c = next();
	if (c & 0x80)
		return good_answer(cmd);
	switch (c & 7) {
	case 0:		/* good, with what data the input gives */
	case 7:		/* ... or more than the buffer, cut by the host */
		n = next();
		if (c & 0x40)
			n = n << 8 | next();
		if (!cmd->pdata)
			n = 0;
		n = min_t(size_t, n, cmd->datalen);
		if (cmd->pdata)
			take(cmd->pdata, n);
		cmd->trans_bytes = n;
		cmd->status = S_GOOD;
		return 0;
	case 1:		/* CHECK CONDITION */
		cmd->status = S_CHECK_COND;
		take(cmd->sense_buf, 18);
		cmd->sensedatalen = next() % (sizeof(cmd->sense_buf) + 1);
		return -EIO;
	case 2:
		cmd->status = S_BUSY;
		return -EBUSY;
	case 3:
		cmd->status = 0x28;	/* TASK SET FULL */
		return -EBUSY;
	case 4:
		return -ETIMEDOUT;
	case 5:
		return -ENODEV;
	default:
		cmd->status = c & 0x40 ? S_GOOD : 0x02;
		return -EIO;
	}
}

static int fz_probe(struct udevice *dev)
{
	struct scsi_plat *plat = dev_get_uclass_plat(dev);

	plat->max_id = 1 + (setup & 3);
	plat->max_lun = (setup >> 2) & 7;
	plat->max_bytes_per_req = setup & 0x20 ? 4096 : 0;
	return 0;
}

static const struct scsi_ops fz_ops = {
	.exec = fz_exec,
};

U_BOOT_DRIVER(fuzz_scsi) = {
	.name	= "fuzz_scsi",
	.id	= UCLASS_SCSI,
	.ops	= &fz_ops,
	.probe	= fz_probe,
};

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static u8 buf[8 * 4096];
	struct udevice *host, *bdev;
	struct uclass *uc;
	const char *why;

	if (size < 1 || size > 8192)
		return 0;
	fuzz_reset(0);
	in.p = data + 1;
	in.left = size - 1;
	setup = data[0];

	if (dm_init(false))
		__builtin_trap();
	if (device_bind_driver(dm_root(), "fuzz_scsi", "scsi0", &host))
		__builtin_trap();
	device_probe(host);		/* scans */

	if (!uclass_get(UCLASS_BLK, &uc)) {
		uclass_foreach_dev(bdev, uc) {
			struct blk_desc *desc = dev_get_uclass_plat(bdev);
			lbaint_t start;
			ulong cnt, n;

			if (!device_active(bdev))
				continue;
			if (desc->blksz < 512 || desc->blksz > 65536 ||
			    (desc->blksz & (desc->blksz - 1)))
				__builtin_trap();
			if (desc->blksz > 4096)
				continue;
			start = next() % (desc->lba + 2);
			cnt = next() % (sizeof(buf) / desc->blksz + 1);
			n = blk_dread(desc, start, cnt, buf);
			/* A LUN is a scsi device: virtio-scsi numbers it so too */
			if (desc->uclass_id != UCLASS_SCSI)
				__builtin_trap();
			if (fuzz_verbose())
				printf("%s: %llu blocks of %lu: read %lu at %llu: %lu\n",
				       bdev->name, (unsigned long long)desc->lba,
				       desc->blksz, cnt,
				       (unsigned long long)start, n);
			blk_dwrite(desc, start, cnt, buf);
			why = blk_get_fail_reason(bdev);
			if (why && strnlen(why, BLK_REASON_SIZE) >= BLK_REASON_SIZE)
				__builtin_trap();
		}
	}
	/* A second scan finds what is there now */
	scsi_scan_dev(host, false);

	dm_uninit();
	return 0;
}
