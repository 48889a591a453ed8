// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the device-free SCSI helpers: sense decoding into one
 * line, the READ/WRITE(10) or (16) choice and CDB bytes, REPORT LUNS
 * entries and lists (including one longer than the buffer it came in),
 * why a command failed in words (scsi_cmd.c).
 */

#include <common.h>
#include <scsi.h>
#include <test/ut.h>
#include "../../../drivers/scsi/scsi_internal.h"

static int scsi_sense_fixed(struct unit_test_state *uts)
{
	u8 buf[18] = { 0xf0, 0, SENSE_MEDIUM_ERROR, 0, 0, 0x12, 0x34, 10,
		       0, 0, 0, 0, 0x11, 0x00 };
	struct scsi_sense sense;
	char str[96];

	ut_assertok(scsi_decode_sense(buf, sizeof(buf), &sense));
	ut_asserteq(SENSE_MEDIUM_ERROR, sense.key);
	ut_asserteq(0x11, sense.asc);
	ut_asserteq(0, sense.ascq);
	ut_asserteq_str("MEDIUM ERROR, asc 0x11 ascq 0x00 (unrecovered read error)",
			scsi_sense_str(&sense, str, sizeof(str)));

	/* UNIT ATTENTION, power on: any ASCQ of 0x29 has the same text */
	buf[2] = SENSE_UNIT_ATTENTION;
	buf[12] = 0x29;
	buf[13] = 0x02;
	ut_assertok(scsi_decode_sense(buf, sizeof(buf), &sense));
	ut_asserteq_str("UNIT ATTENTION, asc 0x29 ascq 0x02 (power on or reset occurred)",
			scsi_sense_str(&sense, str, sizeof(str)));

	/* An additional length too short for ASC/ASCQ leaves them 0 */
	buf[7] = 0;
	ut_assertok(scsi_decode_sense(buf, sizeof(buf), &sense));
	ut_asserteq(0, sense.asc);
	ut_asserteq(0, sense.ascq);

	/* No table entry: the numbers only */
	sense.key = SENSE_HARDWARE_ERROR;
	sense.asc = 0x99;
	sense.ascq = 0x01;
	ut_asserteq_str("HARDWARE ERROR, asc 0x99 ascq 0x01",
			scsi_sense_str(&sense, str, sizeof(str)));

	/* A short buffer still yields one line, cut */
	ut_asserteq_str("HARDWARE", scsi_sense_str(&sense, str, 9));

	return 0;
}
UNIT_TEST(scsi_sense_fixed, 0, scsi);

static int scsi_sense_other(struct unit_test_state *uts)
{
	u8 desc[8] = { 0x72, SENSE_DATA_PROTECT, 0x27, 0x00 };
	struct scsi_sense sense;
	char str[96];

	ut_assertok(scsi_decode_sense(desc, sizeof(desc), &sense));
	ut_asserteq_str("DATA PROTECT, asc 0x27 ascq 0x00 (write protected)",
			scsi_sense_str(&sense, str, sizeof(str)));
	desc[1] = SENSE_ILLEGAL_REQUEST;
	desc[2] = 0x21;
	ut_assertok(scsi_decode_sense(desc, sizeof(desc), &sense));
	ut_asserteq_str("ILLEGAL REQUEST, asc 0x21 ascq 0x00 (logical block address out of range)",
			scsi_sense_str(&sense, str, sizeof(str)));

	/* Not sense data, or too short */
	desc[0] = 0x00;
	ut_asserteq(-EINVAL, scsi_decode_sense(desc, sizeof(desc), &sense));
	desc[0] = 0x72;
	ut_asserteq(-EINVAL, scsi_decode_sense(desc, 3, &sense));
	ut_asserteq(-EINVAL, scsi_decode_sense(desc, 0, &sense));
	ut_asserteq_str("NOT READY", scsi_sense_key_name(SENSE_NOT_READY));

	return 0;
}
UNIT_TEST(scsi_sense_other, 0, scsi);

static int scsi_cdb_rw(struct unit_test_state *uts)
{
	const u8 r10[10] = { SCSI_READ10, 0, 0x12, 0x34, 0x56, 0x78, 0,
			     0x00, 0x08, 0 };
	const u8 w16[16] = { SCSI_WRITE16_OP, 0, 0, 0, 0, 1, 0, 0, 0, 0,
			     0, 0, 1, 0, 0, 0 };
	struct scsi_cmd cmd;

	scsi_setup_rw(&cmd, false, 0x12345678, 8);
	ut_asserteq(10, cmd.cmdlen);
	ut_asserteq(DMA_FROM_DEVICE, cmd.dma_dir);
	ut_asserteq_mem(r10, cmd.cmd, 10);

	/* The last block below 2^32 still fits (10) */
	scsi_setup_rw(&cmd, false, 0xffffffffULL, 1);
	ut_asserteq(10, cmd.cmdlen);
	/* ... but not two blocks from there */
	scsi_setup_rw(&cmd, false, 0xffffffffULL, 2);
	ut_asserteq(16, cmd.cmdlen);
	ut_asserteq(SCSI_READ16_OP, cmd.cmd[0]);
	ut_asserteq(0xffffffffULL, get_unaligned_be64(&cmd.cmd[2]));
	ut_asserteq(2, get_unaligned_be32(&cmd.cmd[10]));
	/* More blocks than 16 bits count */
	scsi_setup_rw(&cmd, false, 0, 0x10000);
	ut_asserteq(16, cmd.cmdlen);
	scsi_setup_rw(&cmd, true, 0, 0xffff);
	ut_asserteq(10, cmd.cmdlen);
	ut_asserteq(SCSI_WRITE10, cmd.cmd[0]);
	ut_asserteq(DMA_TO_DEVICE, cmd.dma_dir);

	scsi_setup_rw(&cmd, true, 1ULL << 32, 0x100);
	ut_asserteq(16, cmd.cmdlen);
	ut_asserteq(DMA_TO_DEVICE, cmd.dma_dir);
	ut_asserteq_mem(w16, cmd.cmd, 16);

	return 0;
}
UNIT_TEST(scsi_cdb_rw, 0, scsi);

static int scsi_lun_encoding(struct unit_test_state *uts)
{
	u8 entry[8] = { 0 };

	/* REPORT LUNS entries: peripheral (QEMU below 256) and flat */
	entry[1] = 5;
	ut_asserteq(5, scsi_lun_from_report(entry));
	entry[0] = 0x41;
	entry[1] = 0x2c;
	ut_asserteq(300, scsi_lun_from_report(entry));
	entry[0] = 0x7f;
	entry[1] = 0xff;
	ut_asserteq(16383, scsi_lun_from_report(entry));
	/* Peripheral addressing on another bus, LUN/extended addressing */
	entry[0] = 0x01;
	ut_asserteq(-EINVAL, scsi_lun_from_report(entry));
	entry[0] = 0x80;
	ut_asserteq(-EINVAL, scsi_lun_from_report(entry));
	entry[0] = 0xc0;
	ut_asserteq(-EINVAL, scsi_lun_from_report(entry));
	/* A second level */
	entry[0] = 0;
	entry[3] = 1;
	ut_asserteq(-EINVAL, scsi_lun_from_report(entry));

	return 0;
}
UNIT_TEST(scsi_lun_encoding, 0, scsi);

static int scsi_report_luns(struct unit_test_state *uts)
{
	static u8 buf[512];
	unsigned int needed, i;
	u16 luns[64];

	/* The device has 1000 LUNs; 512 bytes hold the header and 63 */
	memset(buf, 0, sizeof(buf));
	put_unaligned_be32(1000 * 8, buf);
	for (i = 0; i < 63; i++) {
		buf[8 + i * 8] = 0x40 | (i * 3) >> 8;
		buf[8 + i * 8 + 1] = (i * 3) & 0xff;
	}
	ut_asserteq(63, scsi_report_luns_parse(buf, sizeof(buf), luns,
					       ARRAY_SIZE(luns), &needed));
	ut_asserteq(8 + 8000, needed);
	for (i = 0; i < 63; i++)
		ut_asserteq(i * 3, luns[i]);

	/* Fewer entries than the buffer: only the list counts */
	put_unaligned_be32(2 * 8, buf);
	ut_asserteq(2, scsi_report_luns_parse(buf, sizeof(buf), luns,
					      ARRAY_SIZE(luns), &needed));
	ut_asserteq(24, needed);

	/* An entry that cannot be addressed is skipped */
	buf[8 + 8] = 0x80;
	ut_asserteq(1, scsi_report_luns_parse(buf, sizeof(buf), luns,
					      ARRAY_SIZE(luns), &needed));

	/* No room in @luns, an empty list, no header */
	put_unaligned_be32(1000 * 8, buf);
	ut_asserteq(4, scsi_report_luns_parse(buf, sizeof(buf), luns, 4,
					      &needed));
	put_unaligned_be32(0, buf);
	ut_asserteq(0, scsi_report_luns_parse(buf, sizeof(buf), luns,
					      ARRAY_SIZE(luns), &needed));
	ut_asserteq(8, needed);
	ut_asserteq(-EINVAL, scsi_report_luns_parse(buf, 7, luns,
						    ARRAY_SIZE(luns), &needed));

	return 0;
}
UNIT_TEST(scsi_report_luns, 0, scsi);

/* Why a command failed, in words: the sense first, then the host's view */
static int scsi_failure_words(struct unit_test_state *uts)
{
	struct scsi_failure fail;
	struct scsi_cmd cmd;
	char why[96];

	memset(&cmd, 0, sizeof(cmd));
	cmd.status = S_CHECK_COND;
	cmd.sense_buf[0] = 0x70;
	cmd.sense_buf[2] = SENSE_MEDIUM_ERROR;
	cmd.sense_buf[7] = 10;
	cmd.sense_buf[12] = 0x11;
	cmd.sensedatalen = 18;
	scsi_failure_set(&fail, &cmd, -EIO);
	ut_asserteq_str("MEDIUM ERROR, asc 0x11 ascq 0x00 (unrecovered read error)",
			scsi_failure_str(&fail, 0, why, sizeof(why)));

	memset(&cmd, 0, sizeof(cmd));
	cmd.status = S_ILLEGAL;
	cmd.contr_stat = SCSI_SEL_TIME_OUT;
	scsi_failure_set(&fail, &cmd, -ENODEV);
	ut_asserteq_str("target 4 is gone",
			scsi_failure_str(&fail, 4, why, sizeof(why)));

	cmd.contr_stat = SCSI_UNEXP_DIS;
	scsi_failure_set(&fail, &cmd, -EIO);
	ut_asserteq_str("the path to target 2 failed (transport failure)",
			scsi_failure_str(&fail, 2, why, sizeof(why)));

	cmd.contr_stat = 0;
	scsi_failure_set(&fail, &cmd, -EIO);
	ut_asserteq_str("the SCSI host failed the command",
			scsi_failure_str(&fail, 2, why, sizeof(why)));

	scsi_failure_set(&fail, &cmd, -ETIMEDOUT);
	ut_asserteq_str("the device did not answer in time",
			scsi_failure_str(&fail, 2, why, sizeof(why)));

	scsi_failure_set(&fail, &cmd, -EBUSY);
	ut_asserteq_str("the device stayed busy",
			scsi_failure_str(&fail, 2, why, sizeof(why)));

	/* Good status, but fewer bytes than asked: the block layer's -EIO */
	cmd.status = S_GOOD;
	cmd.datalen = 4096;
	cmd.trans_bytes = 512;
	scsi_failure_set(&fail, &cmd, -EIO);
	ut_asserteq_str("the device moved fewer bytes than asked",
			scsi_failure_str(&fail, 2, why, sizeof(why)));

	/* A status without sense data (RESERVATION CONFLICT) */
	cmd.status = 0x18;
	scsi_failure_set(&fail, &cmd, -EIO);
	ut_asserteq_str("SCSI status 0x18",
			scsi_failure_str(&fail, 2, why, sizeof(why)));

	/* CHECK CONDITION whose sense does not decode */
	cmd.status = S_CHECK_COND;
	cmd.sensedatalen = 0;
	scsi_failure_set(&fail, &cmd, -EIO);
	ut_asserteq_str("SCSI status 0x02",
			scsi_failure_str(&fail, 2, why, sizeof(why)));

	cmd.status = S_GOOD;
	cmd.trans_bytes = cmd.datalen;
	scsi_failure_set(&fail, &cmd, -ENOMEM);
	ut_asserteq_str("error -12",
			scsi_failure_str(&fail, 2, why, sizeof(why)));

	return 0;
}
UNIT_TEST(scsi_failure_words, 0, scsi);
