// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Emulated virtio-scsi controller for the sandbox: one controller whose
 * LUNs are the --scsi options, FILE[,cd][,ro][,bs=N][,target=T][,lun=L]
 * (FILE may be "mem:SIZE" for unit tests; "nomedium" makes a LUN a drive
 * without a disc).
 *
 * It answers as QEMU's virtio-scsi with scsi-hd / scsi-cd does: max_target
 * 255, max_lun 16383, max_sectors 0xFFFF, seg_max queue size - 2; BAD_TARGET
 * for a target without LUNs; for an absent LUN of a present target,
 * INQUIRY gives qualifier 3 / type 0x1f, REPORT LUNS the target's list and
 * other commands ILLEGAL REQUEST, LOGICAL UNIT NOT SUPPORTED. Each LUN
 * reports UNIT ATTENTION, POWER ON OR RESET, to its first command other
 * than INQUIRY, REPORT LUNS and REQUEST SENSE. Commands: TEST UNIT READY,
 * REQUEST SENSE, INQUIRY (standard, VPD 0x00, 0x80, 0xB0 for disks), MODE
 * SENSE(6), READ CAPACITY(10)/(16), READ/WRITE(10)/(16), SYNCHRONIZE
 * CACHE(10), REPORT LUNS; others end with ILLEGAL REQUEST, INVALID
 * COMMAND OPERATION CODE. A write to a read-only LUN or a CD-ROM ends with
 * DATA PROTECT, WRITE PROTECTED; blocks past the end with ILLEGAL REQUEST,
 * LBA OUT OF RANGE.
 *
 * Controller options (on any --scsi): max_sectors=N, max_xfer=N (VPD 0xB0
 * maximum transfer length in blocks), max_target=N, max_lun=N, noreport
 * (REPORT LUNS refused), absent-illegal (INQUIRY of a LUN that is not
 * there answered with ILLEGAL REQUEST, LOGICAL UNIT NOT SUPPORTED instead
 * of qualifier 3, as some targets do), and the transport's (legacy, defer,
 * queue=N).
 */

#include <common.h>
#include <scsi.h>
#include <virtio.h>
#include <virtio_scsi.h>
#include <virtio_sandbox.h>
#include <asm/os.h>

/**
 * struct vsb_scsi_lun - one emulated LUN
 * @medium:	the file or memory holding the blocks
 * @blksz:	logical block size
 * @target:	target id
 * @lun:	LUN
 * @cd:		a CD-ROM (type 5, read-only, removable)
 * @ro:		read-only
 * @nomedium:	a drive without a disc: NOT READY, MEDIUM NOT PRESENT
 * @ua:		a UNIT ATTENTION is pending
 */
struct vsb_scsi_lun {
	struct vsb_medium medium;
	u32 blksz;
	unsigned int target;
	unsigned int lun;
	bool cd;
	bool ro;
	bool nomedium;
	bool ua;
};

/**
 * struct vsb_scsi - the emulated controller
 * @luns:	its LUNs
 * @nluns:	entries of @luns
 * @max_sectors: config max_sectors
 * @max_xfer:	VPD 0xB0 maximum transfer length (blocks, 0: none)
 * @max_target:	config max_target
 * @max_lun:	config max_lun
 * @noreport:	refuse REPORT LUNS
 * @absent_illegal: INQUIRY of a missing LUN fails with ILLEGAL REQUEST
 * @buf:	bounce buffer for host I/O
 * @stats:	counters for tests
 */
struct vsb_scsi {
	struct vsb_scsi_lun *luns;
	int nluns;
	u32 max_sectors;
	u32 max_xfer;
	u32 max_target;
	u32 max_lun;
	bool noreport;
	bool absent_illegal;
	u8 *buf;
	struct vsb_scsi_stats stats;
};

/**
 * struct vsb_scsi_cmd - one command being carried out
 * @status:	SCSI status
 * @sense:	fixed-format sense data
 * @sense_len:	bytes of @sense (0: none)
 * @in_off:	where data-in starts in the writable part of the chain
 * @in_len:	bytes of data-in the driver offered
 * @out_off:	where data-out starts in the readable part
 * @out_len:	bytes of data-out the driver sent
 * @done:	bytes of data-in written
 */
struct vsb_scsi_cmd {
	u8 status;
	u8 sense[18];
	u32 sense_len;
	u64 in_off;
	u64 in_len;
	u64 out_off;
	u64 out_len;
	u64 done;
};

static void vsb_scsi_check(struct vsb_scsi_cmd *c, u8 key, u8 asc, u8 ascq)
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

/* Return data-in: at most what the driver offered and the CDB allows */
static void vsb_scsi_data_in(struct virtio_sandbox_req *req,
			     struct vsb_scsi_cmd *c, const void *data,
			     u64 len, u64 alloc)
{
	len = min(len, alloc);
	len = min(len, c->in_len);
	c->done = vsb_req_write(req, c->in_off, data, len);
}

static int vsb_scsi_opt(struct virtio_sandbox_dev *vd, struct vsb_scsi *s,
			struct vsb_scsi_lun *l, const char *opt)
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
		s->noreport = true;
		return 0;
	}
	if (!strcmp(opt, "absent-illegal")) {
		s->absent_illegal = true;
		return 0;
	}
	ret = vsb_opt_uint(opt, "bs", &l->blksz);
	if (ret != -ENOENT)
		return ret;
	ret = vsb_opt_uint(opt, "target", &val);
	if (ret != -ENOENT) {
		l->target = val;
		return ret ? ret : (val > VIRTIO_SCSI_MAX_TARGET ? -EINVAL : 0);
	}
	ret = vsb_opt_uint(opt, "lun", &val);
	if (ret != -ENOENT) {
		l->lun = val;
		return ret ? ret : (val > VIRTIO_SCSI_MAX_LUN ? -EINVAL : 0);
	}
	ret = vsb_opt_uint(opt, "max_sectors", &s->max_sectors);
	if (ret != -ENOENT)
		return ret;
	ret = vsb_opt_uint(opt, "max_xfer", &s->max_xfer);
	if (ret != -ENOENT)
		return ret;
	ret = vsb_opt_uint(opt, "max_target", &s->max_target);
	if (ret != -ENOENT)
		return ret;
	ret = vsb_opt_uint(opt, "max_lun", &s->max_lun);
	if (ret != -ENOENT)
		return ret;

	return virtio_sandbox_transport_opt(vd, opt);
}

static int vsb_scsi_add_lun(struct virtio_sandbox_dev *vd, struct vsb_scsi *s,
			    const char *spec_in)
{
	struct vsb_scsi_lun *l = &s->luns[s->nluns];
	char spec[256], *file, *opt, *next;
	int ret, i;

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
		ret = vsb_scsi_opt(vd, s, l, opt);
		if (ret)
			return ret;
	}
	if (!l->blksz)
		l->blksz = l->cd ? 2048 : 512;
	if (!*file || l->blksz < 512 || l->blksz > 65536 ||
	    (l->blksz & (l->blksz - 1)))
		return -EINVAL;
	for (i = 0; i < s->nluns; i++)
		if (s->luns[i].target == l->target && s->luns[i].lun == l->lun)
			return -EINVAL;
	ret = vsb_medium_open(&l->medium, file, l->ro || l->cd);
	if (ret)
		return ret;
	l->ua = true;
	s->nluns++;

	return 0;
}

static void vsb_scsi_remove(struct virtio_sandbox_dev *vd)
{
	struct vsb_scsi *s = vd->priv;
	int i;

	if (!s)
		return;
	for (i = 0; i < s->nluns; i++) {
		vsb_medium_close(&s->luns[i].medium);
	}
	free(s->luns);
	free(s->buf);
	free(s);
	vd->priv = NULL;
}

static int vsb_scsi_init(struct virtio_sandbox_dev *vd,
			 const char *const specs[], int count)
{
	struct vsb_scsi *s;
	int i, ret;

	if (count < 1)
		return -EINVAL;
	s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	vd->priv = s;
	s->max_sectors = 0xffff;
	s->max_target = VIRTIO_SCSI_MAX_TARGET;
	s->max_lun = VIRTIO_SCSI_MAX_LUN;
	s->luns = calloc(count, sizeof(*s->luns));
	s->buf = malloc(VSB_MEDIUM_MAX_IO);
	if (!s->luns || !s->buf) {
		vsb_scsi_remove(vd);
		return -ENOMEM;
	}
	for (i = 0; i < count; i++) {
		ret = vsb_scsi_add_lun(vd, s, specs[i]);
		if (ret) {
			vsb_scsi_remove(vd);
			return ret;
		}
	}
	/* No HOTPLUG, CHANGE, INOUT or T10_PI: commands only */
	vd->device_features = 0;

	return 0;
}

static void vsb_scsi_fill_config(struct virtio_sandbox_dev *vd, u8 *config)
{
	struct virtio_scsi_config *cfg = (struct virtio_scsi_config *)config;
	struct vsb_scsi *s = vd->priv;

	cfg->num_queues = vsb_cpu_to_virtio32(vd, 1);
	cfg->seg_max = vsb_cpu_to_virtio32(vd, vd->queue_size - 2);
	cfg->max_sectors = vsb_cpu_to_virtio32(vd, s->max_sectors);
	cfg->cmd_per_lun = vsb_cpu_to_virtio32(vd, 128);
	cfg->event_info_size = vsb_cpu_to_virtio32(vd,
					sizeof(struct virtio_scsi_event));
	cfg->sense_size = vsb_cpu_to_virtio32(vd,
					      VIRTIO_SCSI_SENSE_DEFAULT_SIZE);
	cfg->cdb_size = vsb_cpu_to_virtio32(vd, VIRTIO_SCSI_CDB_DEFAULT_SIZE);
	cfg->max_channel = vsb_cpu_to_virtio16(vd, 0);
	cfg->max_target = vsb_cpu_to_virtio16(vd, s->max_target);
	cfg->max_lun = vsb_cpu_to_virtio32(vd, s->max_lun);
}

static void vsb_scsi_reset(struct virtio_sandbox_dev *vd)
{
	struct vsb_scsi *s = vd->priv;
	int i;

	for (i = 0; i < s->nluns; i++)
		s->luns[i].ua = true;
}

static bool vsb_scsi_has_target(struct vsb_scsi *s, unsigned int target)
{
	int i;

	for (i = 0; i < s->nluns; i++)
		if (s->luns[i].target == target)
			return true;

	return false;
}

static struct vsb_scsi_lun *vsb_scsi_find(struct vsb_scsi *s,
					  unsigned int target, unsigned int lun)
{
	int i;

	for (i = 0; i < s->nluns; i++)
		if (s->luns[i].target == target && s->luns[i].lun == lun)
			return &s->luns[i];

	return NULL;
}

static void vsb_scsi_report_luns(struct vsb_scsi *s,
				 struct virtio_sandbox_req *req,
				 struct vsb_scsi_cmd *c, const u8 *cdb,
				 unsigned int target)
{
	u32 alloc = get_unaligned_be32(cdb + 6);
	u64 len = 8;
	u8 *buf = s->buf;
	int i;

	s->stats.report_luns++;
	if (s->noreport) {
		vsb_scsi_check(c, SENSE_ILLEGAL_REQUEST, 0x20, 0);
		return;
	}
	if (alloc < 16) {
		vsb_scsi_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
		return;
	}
	memset(buf, 0, 8);
	for (i = 0; i < s->nluns; i++) {
		unsigned int lun = s->luns[i].lun;

		if (s->luns[i].target != target)
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
	vsb_scsi_data_in(req, c, buf, len, alloc);
}

static void vsb_scsi_inquiry(struct vsb_scsi *s, struct vsb_scsi_lun *l,
			     struct virtio_sandbox_req *req,
			     struct vsb_scsi_cmd *c, const u8 *cdb)
{
	u16 alloc = get_unaligned_be16(cdb + 3);
	u8 *buf = s->buf;
	u64 len;

	memset(buf, 0, 256);
	if (!l && s->absent_illegal) {
		vsb_scsi_check(c, SENSE_ILLEGAL_REQUEST, 0x25, 0);
		return;
	}
	if (!l) {
		/* No LUN here: qualifier 3, type 0x1f */
		buf[0] = 0x7f;
		buf[4] = 31;
		vsb_scsi_data_in(req, c, buf, 36, alloc);
		return;
	}
	buf[0] = l->cd ? SCSI_TYPE_ROM : SCSI_TYPE_DISK;
	if (!(cdb[1] & 1)) {
		if (cdb[2]) {
			vsb_scsi_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
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
		vsb_scsi_data_in(req, c, buf, 96, alloc);
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
			vsb_scsi_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
			return;
		}
		put_unaligned_be16(0x3c, buf + 2);
		put_unaligned_be32(s->max_xfer, buf + 8);
		len = 0x40;
		break;
	default:
		vsb_scsi_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
		return;
	}
	vsb_scsi_data_in(req, c, buf, len, alloc);
}

static void vsb_scsi_rw(struct virtio_sandbox_dev *vd, struct vsb_scsi *s,
			struct vsb_scsi_lun *l, struct virtio_sandbox_req *req,
			struct vsb_scsi_cmd *c, const u8 *cdb)
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
		s->stats.writes++;
	else if (is16)
		s->stats.reads16++;
	else
		s->stats.reads++;
	bytes = count * l->blksz;
	s->stats.max_xfer_bytes = max(s->stats.max_xfer_bytes, bytes);
	if (bytes > (u64)s->max_sectors * 512 ||
	    (s->max_xfer && count > s->max_xfer)) {
		s->stats.violations++;
		vsb_scsi_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
		return;
	}
	if (lba > blocks || count > blocks - lba) {
		vsb_scsi_check(c, SENSE_ILLEGAL_REQUEST, 0x21, 0);
		return;
	}
	if (write && (l->ro || l->cd)) {
		vsb_scsi_check(c, SENSE_DATA_PROTECT, 0x27, 0);
		return;
	}
	if (virtio_sandbox_fault_fires(vd, VSB_FAULT_SCSI_NOT_READY)) {
		vsb_scsi_check(c, SENSE_NOT_READY, 0x04, 0x03);
		return;
	}
	if (virtio_sandbox_fault_fires(vd, VSB_FAULT_SCSI_HARDWARE_ERROR)) {
		vsb_scsi_check(c, SENSE_HARDWARE_ERROR, 0x44, 0);
		return;
	}
	if (virtio_sandbox_fault_fires(vd, VSB_FAULT_SCSI_ILLEGAL_REQUEST)) {
		vsb_scsi_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
		return;
	}
	if (!write && virtio_sandbox_fault_fires(vd,
						 VSB_FAULT_SCSI_MEDIUM_ERROR)) {
		vsb_scsi_check(c, SENSE_MEDIUM_ERROR, 0x11, 0);
		c->sense[0] |= 0x80;	/* INFORMATION holds the LBA */
		put_unaligned_be32((u32)lba, c->sense + 3);
		return;
	}
	/* The chain's data buffer must hold the whole transfer */
	if ((write ? c->out_len : c->in_len) < bytes) {
		vsb_scsi_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
		return;
	}
	if (vsb_medium_io(&l->medium, s->buf, req,
			  write ? c->out_off : c->in_off, lba * l->blksz,
			  bytes, write)) {
		vsb_scsi_check(c, write ? SENSE_MEDIUM_ERROR :
			       SENSE_MEDIUM_ERROR, write ? 0x0c : 0x11, 0);
		return;
	}
	if (!write)
		c->done = bytes;
}

static void vsb_scsi_do(struct virtio_sandbox_dev *vd, struct vsb_scsi *s,
			struct vsb_scsi_lun *l, unsigned int target,
			struct virtio_sandbox_req *req,
			struct vsb_scsi_cmd *c, const u8 *cdb)
{
	u8 buf[32];

	if (cdb[0] == SCSI_REPORT_LUNS) {
		vsb_scsi_report_luns(s, req, c, cdb, target);
		return;
	}
	if (cdb[0] == SCSI_INQUIRY) {
		vsb_scsi_inquiry(s, l, req, c, cdb);
		return;
	}
	if (!l) {
		if (cdb[0] == SCSI_REQ_SENSE) {
			vsb_scsi_check(c, SENSE_ILLEGAL_REQUEST, 0x25, 0);
			c->status = S_GOOD;
			vsb_scsi_data_in(req, c, c->sense, 18, cdb[4]);
			c->sense_len = 0;
			return;
		}
		vsb_scsi_check(c, SENSE_ILLEGAL_REQUEST, 0x25, 0);
		return;
	}
	if (cdb[0] == SCSI_REQ_SENSE) {
		memset(buf, 0, 18);
		buf[0] = 0x70;
		buf[7] = 10;
		vsb_scsi_data_in(req, c, buf, 18, cdb[4]);
		return;
	}
	if (l->ua || virtio_sandbox_fault_fires(vd,
						VSB_FAULT_SCSI_UNIT_ATTENTION)) {
		l->ua = false;
		vsb_scsi_check(c, SENSE_UNIT_ATTENTION, 0x29, 0);
		return;
	}
	if (l->nomedium && cdb[0] != SCSI_MODE_SEN6) {
		vsb_scsi_check(c, SENSE_NOT_READY, 0x3a, 0);
		return;
	}
	switch (cdb[0]) {
	case SCSI_TST_U_RDY:
		if (virtio_sandbox_fault_fires(vd,
					       VSB_FAULT_SCSI_BECOMING_READY))
			vsb_scsi_check(c, SENSE_NOT_READY, 0x04, 0x01);
		else if (virtio_sandbox_fault_fires(vd,
						    VSB_FAULT_SCSI_NOT_READY))
			vsb_scsi_check(c, SENSE_NOT_READY, 0x04, 0x03);
		break;
	case SCSI_MODE_SEN6:
		memset(buf, 0, 4);
		buf[0] = 3;
		buf[2] = l->ro || l->cd ? 0x80 : 0;
		vsb_scsi_data_in(req, c, buf, 4, cdb[4]);
		break;
	case SCSI_RD_CAPAC10: {
		u64 last = l->medium.size / l->blksz - 1;

		put_unaligned_be32(min_t(u64, last, 0xffffffff), buf);
		put_unaligned_be32(l->blksz, buf + 4);
		vsb_scsi_data_in(req, c, buf, 8, 8);
		break;
	}
	case SCSI_RD_CAPAC16:
		if ((cdb[1] & 0x1f) != SCSI_SAI_RD_CAPAC16) {
			vsb_scsi_check(c, SENSE_ILLEGAL_REQUEST, 0x24, 0);
			break;
		}
		memset(buf, 0, 32);
		put_unaligned_be64(l->medium.size / l->blksz - 1, buf);
		put_unaligned_be32(l->blksz, buf + 8);
		vsb_scsi_data_in(req, c, buf, 32, get_unaligned_be32(cdb + 10));
		break;
	case SCSI_READ10:
	case SCSI_WRITE10:
	case SCSI_READ16_OP:
	case SCSI_WRITE16_OP:
		vsb_scsi_rw(vd, s, l, req, c, cdb);
		break;
	case SCSI_SYNC_CACHE:
		if (l->medium.fd >= 0 && !l->ro && !l->cd &&
		    os_fsync(l->medium.fd))
			vsb_scsi_check(c, SENSE_MEDIUM_ERROR, 0x0c, 0);
		break;
	default:
		vsb_scsi_check(c, SENSE_ILLEGAL_REQUEST, 0x20, 0);
		break;
	}
}

/* Task management on the control queue */
static int vsb_scsi_tmf(struct virtio_sandbox_dev *vd, struct vsb_scsi *s,
			struct virtio_sandbox_req *req)
{
	struct virtio_scsi_ctrl_tmf_req tmf;
	u8 response = VIRTIO_SCSI_S_OK;
	int i;

	if (req->out_len < sizeof(tmf) || req->in_len < 1)
		return 0;
	vsb_req_read(req, 0, &tmf, sizeof(tmf));
	s->stats.tmfs++;
	if (vsb_virtio32_to_cpu(vd, tmf.type) != VIRTIO_SCSI_T_TMF) {
		response = VIRTIO_SCSI_S_FUNCTION_REJECTED;
	} else if (tmf.lun[0] != 1 || !vsb_scsi_has_target(s, tmf.lun[1])) {
		response = VIRTIO_SCSI_S_BAD_TARGET;
	} else {
		for (i = 0; i < s->nluns; i++)
			if (s->luns[i].target == tmf.lun[1])
				s->luns[i].ua = true;
	}
	vsb_req_write(req, 0, &response, 1);

	return 1;
}

static int vsb_scsi_request(struct virtio_sandbox_dev *vd, unsigned int queue,
			    struct virtio_sandbox_req *req)
{
	struct virtio_scsi_config *cfg = (struct virtio_scsi_config *)vd->config;
	u32 cdb_size = vsb_virtio32_to_cpu(vd, cfg->cdb_size);
	u32 sense_size = vsb_virtio32_to_cpu(vd, cfg->sense_size);
	u64 req_len = offsetof(struct virtio_scsi_cmd_req, cdb) + cdb_size;
	u64 resp_len = offsetof(struct virtio_scsi_cmd_resp, sense) +
		       sense_size;
	struct virtio_scsi_cmd_resp resp;
	struct virtio_scsi_cmd_req hdr;
	struct vsb_scsi *s = vd->priv;
	struct vsb_scsi_lun *l = NULL;
	struct vsb_scsi_cmd c;
	unsigned int target = 0, lun = 0;
	bool absent;

	if (queue == VIRTIO_SCSI_VQ_CONTROL)
		return vsb_scsi_tmf(vd, s, req);
	if (queue == VIRTIO_SCSI_VQ_EVENT)
		return -EAGAIN;	/* kept until there is an event: never */
	if (cdb_size > VIRTIO_SCSI_CDB_SIZE ||
	    sense_size > VIRTIO_SCSI_SENSE_SIZE ||
	    req->out_len < req_len || req->in_len < resp_len)
		return 0;	/* a malformed chain: nothing written */

	memset(&hdr, 0, sizeof(hdr));
	vsb_req_read(req, 0, &hdr, req_len);
	memset(&c, 0, sizeof(c));
	c.out_off = req_len;
	c.out_len = req->out_len - req_len;
	c.in_off = resp_len;
	c.in_len = req->in_len - resp_len;
	memset(&resp, 0, sizeof(resp));
	s->stats.cmds++;

	/* Flat space addressing of one level, as the driver must send it */
	absent = hdr.lun[0] != 1 || (hdr.lun[2] & 0xc0) != 0x40 ||
		 hdr.lun[4] || hdr.lun[5] || hdr.lun[6] || hdr.lun[7];
	if (!absent) {
		target = hdr.lun[1];
		lun = (hdr.lun[2] & 0x3f) << 8 | hdr.lun[3];
		absent = !vsb_scsi_has_target(s, target);
		l = vsb_scsi_find(s, target, lun);
	}

	if (absent) {
		s->stats.bad_target++;
		resp.response = VIRTIO_SCSI_S_BAD_TARGET;
	} else if (virtio_sandbox_fault_fires(vd, VSB_FAULT_SCSI_BUSY)) {
		resp.response = VIRTIO_SCSI_S_BUSY;
	} else if (virtio_sandbox_fault_fires(vd, VSB_FAULT_SCSI_BAD_TARGET)) {
		resp.response = VIRTIO_SCSI_S_BAD_TARGET;
	} else if (virtio_sandbox_fault_fires(vd,
					      VSB_FAULT_SCSI_TRANSPORT_FAILURE)) {
		resp.response = VIRTIO_SCSI_S_TRANSPORT_FAILURE;
	} else if (virtio_sandbox_fault_fires(vd, VSB_FAULT_IOERR)) {
		resp.response = VIRTIO_SCSI_S_FAILURE;
	} else {
		vsb_scsi_do(vd, s, l, target, req, &c, hdr.cdb);
		resp.response = VIRTIO_SCSI_S_OK;
		resp.status = c.status;
		c.sense_len = min(c.sense_len, sense_size);
		memcpy(resp.sense, c.sense, c.sense_len);
		resp.sense_len = vsb_cpu_to_virtio32(vd, c.sense_len);
		resp.resid = vsb_cpu_to_virtio32(vd, c.in_len - c.done);
	}
	vsb_req_write(req, 0, &resp, resp_len);

	/* As QEMU, the used length counts the data-out bytes too */
	return resp_len + c.done + c.out_len;
}

struct vsb_scsi_stats *vsb_scsi_get_stats(struct virtio_sandbox_dev *vd)
{
	struct vsb_scsi *s = vd->priv;

	return &s->stats;
}

VIRTIO_SANDBOX_MODEL(scsi) = {
	.name		= "scsi",
	.device_id	= VIRTIO_ID_SCSI,
	.num_queues	= 3,
	.config_len	= sizeof(struct virtio_scsi_config),
	.init		= vsb_scsi_init,
	.fill_config	= vsb_scsi_fill_config,
	.request	= vsb_scsi_request,
	.reset		= vsb_scsi_reset,
	.remove		= vsb_scsi_remove,
};
