// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * An emulated SCSI target (include/scsi_emul.h): the LUNs of the sandbox's
 * --scsi options, FILE[,cd][,ro][,bs=N][,target=T][,lun=L] (FILE may be
 * "mem:SIZE" for unit tests; "nomedium" makes a LUN a drive without a
 * disc), answering as QEMU's scsi-hd and scsi-cd do. Commands come from a
 * host that knows how they travel (drivers/virtio/emul/ for virtio-scsi);
 * this file knows only SCSI.
 *
 * A target id with LUNs is the host's to check (for virtio-scsi an
 * absent one is BAD_TARGET). For an absent LUN of a present target,
 * INQUIRY gives qualifier 3 / type 0x1f, REPORT LUNS the target's list
 * and other commands ILLEGAL REQUEST, LOGICAL UNIT NOT SUPPORTED. Each LUN
 * reports UNIT ATTENTION, POWER ON OR RESET, to its first command other
 * than INQUIRY, REPORT LUNS and REQUEST SENSE, and again after a reset. A
 * write to a read-only LUN or a CD-ROM ends with DATA PROTECT, WRITE
 * PROTECTED; blocks past the end with ILLEGAL REQUEST, LBA OUT OF RANGE;
 * a READ or WRITE longer than the host's max_sectors or the VPD limit
 * (max_xfer) with ILLEGAL REQUEST, counted as a violation.
 */

#include <common.h>
#include <malloc.h>
#include <scsi.h>
#include <scsi_emul.h>

static bool scsi_emul_fires(struct scsi_emul *e, enum scsi_emul_fault kind)
{
	return e->fault && e->fault(e, kind);
}

static void scsi_emul_check(struct scsi_emul_cmd *c, u8 key, u8 asc, u8 ascq)
{
	c->status = S_CHECK_COND;
	memset(c->sense, 0, sizeof(c->sense));
	c->sense[0] = 0x70;
	c->sense[2] = key;
	c->sense[7] = 10;
	c->sense[12] = asc;
	c->sense[13] = ascq;
	c->sense_len = sizeof(c->sense);
}

/* Return data-in: at most what the initiator offered and the CDB allows */
static void scsi_emul_data_in(struct scsi_emul_cmd *c, const void *data,
			      u64 len, u64 alloc)
{
	len = min(len, alloc);
	c->done = emul_sg_write(&c->data_in, 0, data, len);
}

static int scsi_emul_opt(struct scsi_emul *e, struct scsi_emul_lun *l,
			 const char *opt,
			 int (*host_opt)(void *ctx, const char *opt), void *ctx)
{
	u32 val;
	int ret;

	if (!strcmp(opt, "ro")) {
		l->ro = true;
		return 0;
	}
	if (!strcmp(opt, "cd")) {
		l->cd = true;
		return 0;
	}
	if (!strcmp(opt, "nomedium")) {
		l->nomedium = true;
		return 0;
	}
	if (!strcmp(opt, "noreport")) {
		e->noreport = true;
		return 0;
	}
	if (!strcmp(opt, "absent-illegal")) {
		e->absent_illegal = true;
		return 0;
	}
	ret = emul_opt_uint(opt, "bs", &l->blksz);
	if (ret != -ENOENT)
		return ret;
	ret = emul_opt_uint(opt, "target", &val);
	if (ret != -ENOENT) {
		l->target = val;
		return ret ? ret : (val > e->target_limit ? -EINVAL : 0);
	}
	ret = emul_opt_uint(opt, "lun", &val);
	if (ret != -ENOENT) {
		l->lun = val;
		return ret ? ret : (val > e->lun_limit ? -EINVAL : 0);
	}
	ret = emul_opt_uint(opt, "max_xfer", &e->max_xfer);
	if (ret != -ENOENT)
		return ret;

	return host_opt ? host_opt(ctx, opt) : -EINVAL;
}

int scsi_emul_add_lun(struct scsi_emul *e, const char *spec_in,
		      int (*host_opt)(void *ctx, const char *opt), void *ctx)
{
	struct scsi_emul_lun *l = &e->luns[e->nluns];
	char spec[256], *file, *opt, *next;
	int ret, i;

	if (e->nluns == e->room)
		return -ENOSPC;
	if (strlen(spec_in) >= sizeof(spec))
		return -EINVAL;
	strcpy(spec, spec_in);
	memset(l, 0, sizeof(*l));
	l->medium.fd = -1;
	file = spec;
	next = strchr(spec, ',');
	if (next)
		*next++ = '\0';
	while (next) {
		opt = next;
		next = strchr(opt, ',');
		if (next)
			*next++ = '\0';
		ret = scsi_emul_opt(e, l, opt, host_opt, ctx);
		if (ret)
			return ret;
	}
	if (!l->blksz)
		l->blksz = l->cd ? 2048 : 512;
	if (!*file || l->blksz < 512 || l->blksz > 65536 ||
	    (l->blksz & (l->blksz - 1)))
		return -EINVAL;
	for (i = 0; i < e->nluns; i++)
		if (e->luns[i].target == l->target && e->luns[i].lun == l->lun)
			return -EINVAL;
	ret = emul_medium_open(&l->medium, file, l->ro || l->cd);
	if (ret)
		return ret;
	l->ua = true;
	e->nluns++;

	return 0;
}

void scsi_emul_remove(struct scsi_emul *e)
{
	int i;

	for (i = 0; i < e->nluns; i++)
		emul_medium_close(&e->luns[i].medium);
	free(e->luns);
	free(e->buf);
	e->luns = NULL;
	e->buf = NULL;
	e->nluns = 0;
	e->room = 0;
}

int scsi_emul_init(struct scsi_emul *e, int room, unsigned int target_limit,
		   unsigned int lun_limit)
{
	memset(e, 0, sizeof(*e));
	e->target_limit = target_limit;
	e->lun_limit = lun_limit;
	e->max_sectors = 0xffff;
	e->luns = calloc(room, sizeof(*e->luns));
	e->buf = malloc(EMUL_MEDIUM_MAX_IO);
	if (!e->luns || !e->buf) {
		scsi_emul_remove(e);
		return -ENOMEM;
	}
	e->room = room;

	return 0;
}

void scsi_emul_reset(struct scsi_emul *e, int target)
{
	int i;

	for (i = 0; i < e->nluns; i++)
		if (target < 0 || e->luns[i].target == target)
			e->luns[i].ua = true;
}

bool scsi_emul_has_target(struct scsi_emul *e, unsigned int target)
{
	int i;

	for (i = 0; i < e->nluns; i++)
		if (e->luns[i].target == target)
			return true;

	return false;
}

static struct scsi_emul_lun *scsi_emul_find(struct scsi_emul *e,
					    unsigned int target,
					    unsigned int lun)
{
	int i;

	for (i = 0; i < e->nluns; i++)
		if (e->luns[i].target == target && e->luns[i].lun == lun)
			return &e->luns[i];

	return NULL;
}

static void scsi_emul_report_luns(struct scsi_emul *e,
				  struct scsi_emul_cmd *c, const u8 *cdb)
{
	u32 alloc = get_unaligned_be32(cdb + 6);
	u64 len = 8;
	u8 *buf = e->buf;
	int i;

	e->stats.report_luns++;
	if (e->noreport) {
		scsi_emul_check(c, SENSE_ILLEGAL_REQUEST, 0x20, 0);
		return;
	}
	if (alloc < 16) {
		scsi_emul_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
		return;
	}
	memset(buf, 0, 8);
	for (i = 0; i < e->nluns; i++) {
		unsigned int lun = e->luns[i].lun;

		if (e->luns[i].target != c->target)
			continue;
		memset(buf + len, 0, 8);
		/* As QEMU: peripheral addressing below 256, flat above */
		if (lun < 256) {
			buf[len + 1] = lun;
		} else {
			buf[len] = 0x40 | lun >> 8;
			buf[len + 1] = lun & 0xff;
		}
		len += 8;
	}
	put_unaligned_be32(len - 8, buf);
	scsi_emul_data_in(c, buf, len, alloc);
}

static void scsi_emul_inquiry(struct scsi_emul *e, struct scsi_emul_lun *l,
			      struct scsi_emul_cmd *c, const u8 *cdb)
{
	u16 alloc = get_unaligned_be16(cdb + 3);
	u8 *buf = e->buf;
	u64 len;

	memset(buf, 0, 256);
	if (!l && e->absent_illegal) {
		scsi_emul_check(c, SENSE_ILLEGAL_REQUEST, 0x25, 0);
		return;
	}
	if (!l) {
		/* No LUN here: qualifier 3, type 0x1f */
		buf[0] = 0x7f;
		buf[4] = 31;
		scsi_emul_data_in(c, buf, 36, alloc);
		return;
	}
	buf[0] = l->cd ? SCSI_TYPE_ROM : SCSI_TYPE_DISK;
	if (!(cdb[1] & 1)) {
		if (cdb[2]) {
			scsi_emul_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
			return;
		}
		buf[1] = l->cd ? 0x80 : 0;
		buf[2] = 5;		/* SPC-3 */
		buf[3] = 0x02;		/* response data format 2 */
		buf[4] = 91;		/* 96 bytes in all */
		buf[7] = 0x02;		/* command queueing */
		memcpy(buf + 8, "VIRTBOOT", 8);
		memcpy(buf + 16, l->cd ? "SANDBOX CD-ROM  " : "SANDBOX DISK    ",
		       16);
		memcpy(buf + 32, "1.0 ", 4);
		scsi_emul_data_in(c, buf, 96, alloc);
		return;
	}
	buf[1] = cdb[2];
	switch (cdb[2]) {
	case 0x00:
		buf[4] = 0x00;
		buf[5] = 0x80;
		len = 2;
		if (!l->cd)
			buf[4 + len++] = 0xb0;
		put_unaligned_be16(len, buf + 2);
		len += 4;
		break;
	case 0x80:
		snprintf((char *)buf + 4, 20, "T%uL%u", l->target, l->lun);
		len = strlen((char *)buf + 4);
		put_unaligned_be16(len, buf + 2);
		len += 4;
		break;
	case 0xb0:
		if (l->cd) {
			scsi_emul_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
			return;
		}
		put_unaligned_be16(0x3c, buf + 2);
		put_unaligned_be32(e->max_xfer, buf + 8);
		len = 0x40;
		break;
	default:
		scsi_emul_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
		return;
	}
	scsi_emul_data_in(c, buf, len, alloc);
}

static void scsi_emul_rw(struct scsi_emul *e, struct scsi_emul_lun *l,
			 struct scsi_emul_cmd *c, const u8 *cdb)
{
	bool is16 = cdb[0] == SCSI_READ16_OP || cdb[0] == SCSI_WRITE16_OP;
	bool write = cdb[0] == SCSI_WRITE10 || cdb[0] == SCSI_WRITE16_OP;
	u64 blocks = l->medium.size / l->blksz;
	u64 lba, count, bytes;

	if (is16) {
		lba = get_unaligned_be64(cdb + 2);
		count = get_unaligned_be32(cdb + 10);
	} else {
		lba = get_unaligned_be32(cdb + 2);
		count = get_unaligned_be16(cdb + 7);
	}
	if (write)
		e->stats.writes++;
	else if (is16)
		e->stats.reads16++;
	else
		e->stats.reads++;
	bytes = count * l->blksz;
	e->stats.max_xfer_bytes = max(e->stats.max_xfer_bytes, bytes);
	if (bytes > (u64)e->max_sectors * 512 ||
	    (e->max_xfer && count > e->max_xfer)) {
		e->stats.violations++;
		scsi_emul_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
		return;
	}
	if (lba > blocks || count > blocks - lba) {
		scsi_emul_check(c, SENSE_ILLEGAL_REQUEST, 0x21, 0);
		return;
	}
	if (write && (l->ro || l->cd)) {
		scsi_emul_check(c, SENSE_DATA_PROTECT, 0x27, 0);
		return;
	}
	if (scsi_emul_fires(e, SCSI_EMUL_FAULT_NOT_READY)) {
		scsi_emul_check(c, SENSE_NOT_READY, 0x04, 0x03);
		return;
	}
	if (scsi_emul_fires(e, SCSI_EMUL_FAULT_HARDWARE_ERROR)) {
		scsi_emul_check(c, SENSE_HARDWARE_ERROR, 0x44, 0);
		return;
	}
	if (scsi_emul_fires(e, SCSI_EMUL_FAULT_ILLEGAL_REQUEST)) {
		scsi_emul_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
		return;
	}
	if (!write && scsi_emul_fires(e, SCSI_EMUL_FAULT_MEDIUM_ERROR)) {
		scsi_emul_check(c, SENSE_MEDIUM_ERROR, 0x11, 0);
		c->sense[0] |= 0x80;	/* INFORMATION holds the LBA */
		put_unaligned_be32((u32)lba, c->sense + 3);
		return;
	}
	/* The command's data buffer must hold the whole transfer */
	if ((write ? c->data_out.len : c->data_in.len) < bytes) {
		scsi_emul_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
		return;
	}
	if (emul_medium_io(&l->medium, e->buf,
			   write ? &c->data_out : &c->data_in, 0,
			   lba * l->blksz, bytes, write)) {
		scsi_emul_check(c, SENSE_MEDIUM_ERROR, write ? 0x0c : 0x11, 0);
		return;
	}
	if (!write)
		c->done = bytes;
}

void scsi_emul_command(struct scsi_emul *e, struct scsi_emul_cmd *c)
{
	struct scsi_emul_lun *l = scsi_emul_find(e, c->target, c->lun);
	const u8 *cdb = c->cdb;
	u8 buf[32];

	c->status = S_GOOD;
	c->sense_len = 0;
	c->done = 0;

	if (cdb[0] == SCSI_REPORT_LUNS) {
		scsi_emul_report_luns(e, c, cdb);
		return;
	}
	if (cdb[0] == SCSI_INQUIRY) {
		scsi_emul_inquiry(e, l, c, cdb);
		return;
	}
	if (!l) {
		if (cdb[0] == SCSI_REQ_SENSE) {
			scsi_emul_check(c, SENSE_ILLEGAL_REQUEST, 0x25, 0);
			c->status = S_GOOD;
			scsi_emul_data_in(c, c->sense, 18, cdb[4]);
			c->sense_len = 0;
			return;
		}
		scsi_emul_check(c, SENSE_ILLEGAL_REQUEST, 0x25, 0);
		return;
	}
	if (cdb[0] == SCSI_REQ_SENSE) {
		memset(buf, 0, 18);
		buf[0] = 0x70;
		buf[7] = 10;
		scsi_emul_data_in(c, buf, 18, cdb[4]);
		return;
	}
	if (l->ua || scsi_emul_fires(e, SCSI_EMUL_FAULT_UNIT_ATTENTION)) {
		l->ua = false;
		scsi_emul_check(c, SENSE_UNIT_ATTENTION, 0x29, 0);
		return;
	}
	if (l->nomedium && cdb[0] != SCSI_MODE_SEN6) {
		scsi_emul_check(c, SENSE_NOT_READY, 0x3a, 0);
		return;
	}
	switch (cdb[0]) {
	case SCSI_TST_U_RDY:
		if (scsi_emul_fires(e, SCSI_EMUL_FAULT_BECOMING_READY))
			scsi_emul_check(c, SENSE_NOT_READY, 0x04, 0x01);
		else if (scsi_emul_fires(e, SCSI_EMUL_FAULT_NOT_READY))
			scsi_emul_check(c, SENSE_NOT_READY, 0x04, 0x03);
		break;
	case SCSI_MODE_SEN6:
		memset(buf, 0, 4);
		buf[0] = 3;
		buf[2] = l->ro || l->cd ? 0x80 : 0;
		scsi_emul_data_in(c, buf, 4, cdb[4]);
		break;
	case SCSI_RD_CAPAC10: {
		u64 last = l->medium.size / l->blksz - 1;

		put_unaligned_be32(min_t(u64, last, 0xffffffff), buf);
		put_unaligned_be32(l->blksz, buf + 4);
		scsi_emul_data_in(c, buf, 8, 8);
		break;
	}
	case SCSI_RD_CAPAC16:
		if ((cdb[1] & 0x1f) != SCSI_SAI_RD_CAPAC16) {
			scsi_emul_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
			break;
		}
		memset(buf, 0, 32);
		put_unaligned_be64(l->medium.size / l->blksz - 1, buf);
		put_unaligned_be32(l->blksz, buf + 8);
		scsi_emul_data_in(c, buf, 32, get_unaligned_be32(cdb + 10));
		break;
	case SCSI_READ10:
	case SCSI_WRITE10:
	case SCSI_READ16_OP:
	case SCSI_WRITE16_OP:
		scsi_emul_rw(e, l, c, cdb);
		break;
	case SCSI_SYNC_CACHE:
		if (!l->ro && !l->cd && emul_medium_flush(&l->medium))
			scsi_emul_check(c, SENSE_MEDIUM_ERROR, 0x0c, 0);
		break;
	default:
		scsi_emul_check(c, SENSE_ILLEGAL_REQUEST, 0x20, 0);
		break;
	}
}

