// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SCSI helpers without a device: sense data decoding, READ/WRITE CDBs,
 * REPORT LUNS parsing. Unit-tested in test/unit/scsi/.
 */

#include <common.h>
#include <scsi.h>
#include <vsprintf.h>
#include <linux/byteorder.h>

static const char *const sense_key_names[16] = {
	[SENSE_NO_SENSE]	= "NO SENSE",
	[SENSE_RECOVERED_ERROR]	= "RECOVERED ERROR",
	[SENSE_NOT_READY]	= "NOT READY",
	[SENSE_MEDIUM_ERROR]	= "MEDIUM ERROR",
	[SENSE_HARDWARE_ERROR]	= "HARDWARE ERROR",
	[SENSE_ILLEGAL_REQUEST]	= "ILLEGAL REQUEST",
	[SENSE_UNIT_ATTENTION]	= "UNIT ATTENTION",
	[SENSE_DATA_PROTECT]	= "DATA PROTECT",
	[SENSE_BLANK_CHECK]	= "BLANK CHECK",
	[SENSE_VENDOR_SPECIFIC]	= "VENDOR SPECIFIC",
	[SENSE_COPY_ABORTED]	= "COPY ABORTED",
	[SENSE_ABORTED_COMMAND]	= "ABORTED COMMAND",
	[0xc]			= "EQUAL",
	[SENSE_VOLUME_OVERFLOW]	= "VOLUME OVERFLOW",
	[SENSE_MISCOMPARE]	= "MISCOMPARE",
	[0xf]			= "COMPLETED",
};

/* The additional sense codes a user of a disk or CD-ROM meets most */
static const struct {
	u8 asc;
	u8 ascq;	/* 0xff: any */
	const char *text;
} asc_names[] = {
	{ 0x00, 0x00, "no additional sense information" },
	{ 0x04, 0x00, "logical unit not ready" },
	{ 0x04, 0x01, "becoming ready" },
	{ 0x04, 0x02, "initializing command required" },
	{ 0x04, 0xff, "logical unit not ready" },
	{ 0x0c, 0xff, "write error" },
	{ 0x11, 0xff, "unrecovered read error" },
	{ 0x1a, 0x00, "parameter list length error" },
	{ 0x20, 0x00, "invalid command operation code" },
	{ 0x21, 0x00, "logical block address out of range" },
	{ 0x24, 0x00, "invalid field in cdb" },
	{ 0x25, 0x00, "logical unit not supported" },
	{ 0x26, 0x00, "invalid field in parameter list" },
	{ 0x27, 0xff, "write protected" },
	{ 0x28, 0x00, "medium may have changed" },
	{ 0x29, 0xff, "power on or reset occurred" },
	{ 0x2a, 0x09, "capacity data has changed" },
	{ 0x2a, 0xff, "parameters changed" },
	{ 0x30, 0xff, "incompatible medium installed" },
	{ 0x3a, 0xff, "medium not present" },
	{ 0x3f, 0x0e, "reported luns data has changed" },
	{ 0x44, 0x00, "internal target failure" },
	{ 0x64, 0x00, "illegal mode for this track" },
};

const char *scsi_sense_key_name(u8 key)
{
	return sense_key_names[key & 0xf];
}

int scsi_decode_sense(const u8 *buf, unsigned int len,
		      struct scsi_sense *sense)
{
	u8 code;

	if (len < 1)
		return -EINVAL;
	code = buf[0] & 0x7f;
	switch (code) {
	case 0x70:	/* fixed format, current / deferred */
	case 0x71:
		if (len < 3)
			return -EINVAL;
		sense->key = buf[2] & 0xf;
		/* ASC/ASCQ only if the additional length covers them */
		sense->asc = len > 12 && buf[7] >= 6 ? buf[12] : 0;
		sense->ascq = len > 13 && buf[7] >= 6 ? buf[13] : 0;
		return 0;
	case 0x72:	/* descriptor format */
	case 0x73:
		if (len < 4)
			return -EINVAL;
		sense->key = buf[1] & 0xf;
		sense->asc = buf[2];
		sense->ascq = buf[3];
		return 0;
	default:
		return -EINVAL;
	}
}

char *scsi_sense_str(const struct scsi_sense *sense, char *buf, int size)
{
	const char *text = NULL;
	int i;

	for (i = 0; i < ARRAY_SIZE(asc_names) && !text; i++) {
		if (asc_names[i].asc == sense->asc &&
		    (asc_names[i].ascq == sense->ascq ||
		     asc_names[i].ascq == 0xff))
			text = asc_names[i].text;
	}
	if (text)
		snprintf(buf, size, "%s, asc 0x%02x ascq 0x%02x (%s)",
			 scsi_sense_key_name(sense->key), sense->asc,
			 sense->ascq, text);
	else
		snprintf(buf, size, "%s, asc 0x%02x ascq 0x%02x",
			 scsi_sense_key_name(sense->key), sense->asc,
			 sense->ascq);

	return buf;
}

void scsi_setup_rw(struct scsi_cmd *cmd, bool write, u64 lba, u32 blocks)
{
	memset(cmd->cmd, 0, sizeof(cmd->cmd));
	cmd->dma_dir = write ? DMA_TO_DEVICE : DMA_FROM_DEVICE;
	/* (10) reaches blocks below 2^32 and counts to 0xffff */
	if (lba + blocks <= 0x100000000ULL && blocks <= 0xffff) {
		cmd->cmd[0] = write ? SCSI_WRITE10 : SCSI_READ10;
		put_unaligned_be32((u32)lba, &cmd->cmd[2]);
		put_unaligned_be16((u16)blocks, &cmd->cmd[7]);
		cmd->cmdlen = 10;
	} else {
		cmd->cmd[0] = write ? SCSI_WRITE16_OP : SCSI_READ16_OP;
		put_unaligned_be64(lba, &cmd->cmd[2]);
		put_unaligned_be32(blocks, &cmd->cmd[10]);
		cmd->cmdlen = 16;
	}
}

int scsi_lun_from_report(const u8 *entry)
{
	int i;

	/* Single level only: the second to fourth levels must be empty */
	for (i = 2; i < 8; i++)
		if (entry[i])
			return -EINVAL;
	switch (entry[0] >> 6) {
	case 0:		/* peripheral device addressing, bus 0 */
		if (entry[0] & 0x3f)
			return -EINVAL;
		return entry[1];
	case 1:		/* flat space addressing */
		return (entry[0] & 0x3f) << 8 | entry[1];
	default:	/* logical unit / extended addressing */
		return -EINVAL;
	}
}

int scsi_report_luns_parse(const u8 *buf, unsigned int len, u16 *luns,
			   unsigned int max, unsigned int *needed)
{
	u32 list_len;
	unsigned int off;
	int n = 0;

	if (len < 8)
		return -EINVAL;
	list_len = get_unaligned_be32(buf);
	*needed = list_len > 0xfffffff0U ? 0xffffffffU : list_len + 8;
	for (off = 8; off + 8 <= len && off <= list_len &&
	     n < max; off += 8) {
		int lun = scsi_lun_from_report(buf + off);

		if (lun >= 0)
			luns[n++] = lun;
	}

	return n;
}
