// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The SCSI disk layer, bringing LUNs up: the scan (scsi_scan.c) hands
 * over LUNs 256 at a time and each step's commands go to the host in
 * flight together (scsi_step(), scsi_exec_multi()): INQUIRY (qualifier 3
 * and type 0x1f, or ILLEGAL REQUEST, mean no LUN; disks, CD-ROMs and
 * optical disks are kept), TEST UNIT READY (UNIT ATTENTION sent again; NOT
 * READY / becoming ready waited for, bounded by
 * CONFIG_SCSI_READY_TIMEOUT_MS), READ CAPACITY(10) and, when it says
 * 0xffffffff, READ CAPACITY(16), the block limits VPD page (0xB0) when
 * page 0x00 lists it, MODE SENSE(6) for write protection. No sleeps
 * otherwise. Each LUN becomes a UCLASS_BLK device (driver "scsi_blk"),
 * numbered under the "scsi" interface in scan order, as U-Boot numbers
 * them; a LUN that fails is reported with its reason.
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <malloc.h>
#include <scsi.h>
#include <time.h>
#include <vsprintf.h>
#include <dm/device-internal.h>
#include <linux/byteorder.h>
#include "scsi_internal.h"

#define SCSI_INQ_LEN		96
#define SCSI_VPD_LEN		252
#define SCSI_STEP_SKIP		(-ESRCH)	/* not part of a step */

#ifdef CONFIG_SCSI_READY_TIMEOUT_MS
#define SCSI_READY_TIMEOUT_MS	CONFIG_SCSI_READY_TIMEOUT_MS
#else
#define SCSI_READY_TIMEOUT_MS	10000
#endif

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
		mdelay(10);
		cpu_relax();
	}
}

/* Bind (not probe) the block device of a LUN */
static int scsi_add_lun(struct udevice *host, unsigned int target,
			unsigned int lun, struct scsi_lun_info *info)
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
				 UCLASS_SCSI, -1, info->blksz,
				 info->lba, &bdev);
	if (ret)
		return ret;
	desc = dev_get_uclass_plat(bdev);
	desc->target = target;
	desc->lun = lun;
	desc->type = info->type;
	desc->removable = info->removable;
	desc->read_only = info->read_only;
	strcpy(desc->vendor, info->vendor);
	strcpy(desc->product, info->product);
	strcpy(desc->revision, info->revision);

	bplat = dev_get_plat(bdev);
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

	return 0;
}

/*
 * Run one step on every probe still going: the commands go to the host
 * together, UNIT ATTENTIONs are sent again. Each probe's cmd holds its
 * answer and the return value of the step is in @rets[i]
 * (SCSI_STEP_SKIP: not asked)
 */
void scsi_step(struct udevice *host, struct scsi_probe *probes, int n,
	       scsi_step_fn setup, int *rets)
{
	struct scsi_uc_priv *uc_priv = dev_get_uclass_priv(host);
	struct scsi_cmd *cmds;
	struct scsi_sense sense;
	int *idx, *res, i, m, round;

	cmds = malloc(n * sizeof(*cmds));
	idx = malloc(n * sizeof(*idx));
	res = malloc(n * sizeof(*res));
	for (i = 0; i < n; i++)
		rets[i] = cmds && idx && res ? -EAGAIN : -ENOMEM;
	for (round = 0; round < SCSI_UA_TRIES; round++) {
		for (i = 0, m = 0; i < n; i++) {
			struct scsi_probe *p = &probes[i];

			if (rets[i] != -EAGAIN)
				continue;
			if (p->ret || !setup(p)) {
				rets[i] = SCSI_STEP_SKIP;
				continue;
			}
			cmds[m] = p->cmd;
			idx[m++] = i;
		}
		if (!m)
			break;
		uc_priv->cmds += m;
		scsi_exec_multi(host, cmds, m, res);
		for (i = 0; i < m; i++) {
			struct scsi_probe *p = &probes[idx[i]];

			p->cmd = cmds[i];
			if (res[i] == -EIO &&
			    scsi_cmd_sense_key(&p->cmd, &sense) ==
			    SENSE_UNIT_ATTENTION)
				continue;	/* ask again */
			rets[idx[i]] = res[i];
		}
	}
	for (i = 0; i < n; i++)
		if (rets[i] == -EAGAIN)
			rets[i] = -EIO;	/* UNIT ATTENTION every time */
	free(cmds);
	free(idx);
	free(res);
}

void scsi_probe_cmd(struct scsi_probe *p, unsigned int len)
{
	scsi_setup_cmd(&p->cmd, p->target, p->lun, len ? p->buf : NULL, len);
	memset(p->buf, 0, sizeof(p->buf));
}

static bool scsi_setup_inquiry(struct scsi_probe *p)
{
	scsi_probe_cmd(p, SCSI_INQ_LEN);
	p->cmd.cmd[0] = SCSI_INQUIRY;
	put_unaligned_be16(SCSI_INQ_LEN, &p->cmd.cmd[3]);
	p->cmd.cmdlen = 6;

	return true;
}

static bool scsi_setup_tur(struct scsi_probe *p)
{
	scsi_probe_cmd(p, 0);
	p->cmd.cmd[0] = SCSI_TST_U_RDY;
	p->cmd.cmdlen = 6;

	return true;
}

static bool scsi_setup_rc10(struct scsi_probe *p)
{
	scsi_probe_cmd(p, 8);
	p->cmd.cmd[0] = SCSI_RD_CAPAC10;
	p->cmd.cmdlen = 10;

	return true;
}

static bool scsi_setup_rc16(struct scsi_probe *p)
{
	if (p->info.lba != 0x100000000ULL)
		return false;
	scsi_probe_cmd(p, 32);
	p->cmd.cmd[0] = SCSI_RD_CAPAC16;
	p->cmd.cmd[1] = SCSI_SAI_RD_CAPAC16;
	put_unaligned_be32(32, &p->cmd.cmd[10]);
	p->cmd.cmdlen = 16;

	return true;
}

static bool scsi_setup_vpd(struct scsi_probe *p, u8 page)
{
	scsi_probe_cmd(p, SCSI_VPD_LEN);
	p->cmd.cmd[0] = SCSI_INQUIRY;
	p->cmd.cmd[1] = 1;
	p->cmd.cmd[2] = page;
	put_unaligned_be16(SCSI_VPD_LEN, &p->cmd.cmd[3]);
	p->cmd.cmdlen = 6;

	return true;
}

/* Disks only: CD-ROMs are read-only and have no block limits page */
static bool scsi_setup_vpd00(struct scsi_probe *p)
{
	return p->info.type != SCSI_TYPE_ROM && p->info.lba &&
	       scsi_setup_vpd(p, 0x00);
}

/* max_xfer is 1 while page 0x00 lists page 0xB0 */
static bool scsi_setup_vpdb0(struct scsi_probe *p)
{
	return p->info.max_xfer == 1 && scsi_setup_vpd(p, 0xb0);
}

static bool scsi_setup_mode_sense(struct scsi_probe *p)
{
	if (p->info.type == SCSI_TYPE_ROM || !p->info.lba)
		return false;
	scsi_probe_cmd(p, 192);
	p->cmd.cmd[0] = SCSI_MODE_SEN6;
	p->cmd.cmd[2] = 0x3f;	/* all pages */
	p->cmd.cmd[4] = 192;
	p->cmd.cmdlen = 6;

	return true;
}

/* INQUIRY answered: keep disks, CD-ROMs and optical disks */
static void scsi_got_inquiry(struct scsi_probe *p, int ret)
{
	struct scsi_lun_info *info = &p->info;
	u8 *buf = p->buf;
	u8 qual;

	if (ret) {
		struct scsi_sense sense;

		/*
		 * No such target or LUN (a target answers for a LUN it does
		 * not have with ILLEGAL REQUEST, "logical unit not supported");
		 * any other failure is a LUN that failed to come up
		 */
		if (ret == -ENODEV ||
		    (ret == -EIO && scsi_cmd_sense_key(&p->cmd, &sense) ==
		     SENSE_ILLEGAL_REQUEST))
			ret = -ENOENT;
		p->ret = ret;
		return;
	}
	qual = buf[0] >> 5;
	info->type = buf[0] & 0x1f;
	if (qual == SCSI_QUAL_NO_LUN || qual == 1 ||
	    (info->type != SCSI_TYPE_DISK && info->type != SCSI_TYPE_ROM &&
	     info->type != SCSI_TYPE_MOD && info->type != SCSI_TYPE_RBC)) {
		p->ret = -ENOENT;
		return;
	}
	info->removable = buf[1] & 0x80;
	info->read_only = info->type == SCSI_TYPE_ROM;
	scsi_ident_copy(info->vendor, buf + 8, 8);
	scsi_ident_copy(info->product, buf + 16, 16);
	scsi_ident_copy(info->revision, buf + 32, 4);
}

/* TEST UNIT READY answered: NOT READY may need a wait, or mean no disc */
static void scsi_got_tur(struct udevice *host, struct scsi_probe *p, int ret)
{
	struct scsi_sense sense;

	if (ret == -EIO &&
	    scsi_cmd_sense_key(&p->cmd, &sense) == SENSE_NOT_READY &&
	    sense.asc == 0x04 && (sense.ascq == 0x00 || sense.ascq == 0x01))
		ret = scsi_wait_ready(host, &p->cmd, p->target, p->lun);
	else if (ret == -EIO &&
		 scsi_cmd_sense_key(&p->cmd, &sense) == SENSE_NOT_READY &&
		 sense.asc == 0x3a)
		ret = -ENOMEDIUM;
	if (ret == -ENOMEDIUM && p->info.removable) {
		/* A drive without a disc: there, but nothing to read */
		p->info.blksz = p->info.type == SCSI_TYPE_ROM ? 2048 : 512;
		p->info.lba = 0;
		p->ret = -ENOMEDIUM;
		return;
	}
	p->ret = ret;
}

static void scsi_got_capacity(struct scsi_probe *p, int ret, bool rc16)
{
	struct scsi_lun_info *info = &p->info;

	if (ret) {
		p->ret = ret;
		return;
	}
	if (rc16) {
		info->lba = get_unaligned_be64(p->buf) + 1;
		info->blksz = get_unaligned_be32(p->buf + 8);
	} else {
		/* 0xffffffff: as large or larger, see READ CAPACITY(16) */
		info->lba = (u64)get_unaligned_be32(p->buf) + 1;
		info->blksz = get_unaligned_be32(p->buf + 4);
	}
	if (!info->lba || info->blksz < 512 || info->blksz > 65536 ||
	    (info->blksz & (info->blksz - 1)))
		p->ret = -ERANGE;	/* a capacity nothing can use */
}

/*
 * The LUNs that failed to come up, one report for each run of LUNs of a
 * target that failed for the same reason
 */
struct scsi_fail_run {
	bool open;
	unsigned int target, first, last;
	char why[96];
};

static void scsi_fail_run_flush(struct udevice *host, struct scsi_fail_run *run,
				struct scsi_report *rep)
{
	struct scsi_scan_event ev = {
		.what = SCSI_SCAN_FAILED, .host = host, .target = run->target,
		.first_lun = run->first, .last_lun = run->last,
		.reason = run->why,
	};

	if (!run->open)
		return;
	rep->fn(&ev, rep->priv);
	run->open = false;
}

/* The LUN of @p failed to come up with @ret: report why (in a run) */
static void scsi_fail_run_add(struct udevice *host, struct scsi_fail_run *run,
			      struct scsi_probe *p, int ret,
			      struct scsi_report *rep)
{
	struct scsi_failure fail;
	char why[sizeof(run->why)];

	if (ret != p->ret)	/* the device could not be made */
		snprintf(why, sizeof(why), "error %d", ret);
	else if (ret == -ERANGE)
		snprintf(why, sizeof(why),
			 "capacity of %llu blocks of %u bytes is not usable",
			 (unsigned long long)p->info.lba, p->info.blksz);
	else {
		scsi_failure_set(&fail, &p->cmd, ret);
		scsi_failure_str(&fail, p->target, why, sizeof(why));
	}
	if (run->open && run->target == p->target &&
	    run->last + 1 == p->lun && !strcmp(run->why, why)) {
		run->last = p->lun;
		return;
	}
	scsi_fail_run_flush(host, run, rep);
	run->open = true;
	run->target = p->target;
	run->first = p->lun;
	run->last = p->lun;
	strcpy(run->why, why);
}

/* Bring up the LUNs of @probes together, then add a device for each */
void scsi_probe_chunk(struct udevice *host, struct scsi_probe *probes,
		      int n, int *rets, struct scsi_report *rep)
{
	struct scsi_uc_priv *uc_priv = dev_get_uclass_priv(host);
	struct scsi_fail_run run = { .open = false };
	unsigned int i, k;

	scsi_step(host, probes, n, scsi_setup_inquiry, rets);
	for (i = 0; i < n; i++)
		scsi_got_inquiry(&probes[i], rets[i]);
	scsi_step(host, probes, n, scsi_setup_tur, rets);
	for (i = 0; i < n; i++)
		if (rets[i] != SCSI_STEP_SKIP)
			scsi_got_tur(host, &probes[i], rets[i]);
	scsi_step(host, probes, n, scsi_setup_rc10, rets);
	for (i = 0; i < n; i++)
		if (rets[i] != SCSI_STEP_SKIP)
			scsi_got_capacity(&probes[i], rets[i], false);
	scsi_step(host, probes, n, scsi_setup_rc16, rets);
	for (i = 0; i < n; i++)
		if (rets[i] != SCSI_STEP_SKIP)
			scsi_got_capacity(&probes[i], rets[i], true);
	/* The optional pages: a LUN that does not answer keeps its place */
	scsi_step(host, probes, n, scsi_setup_vpd00, rets);
	for (i = 0; i < n; i++) {
		u8 *buf = probes[i].buf;
		unsigned int len;

		if (rets[i] || buf[1] != 0x00)
			continue;
		len = min_t(unsigned int, get_unaligned_be16(buf + 2),
			    SCSI_VPD_LEN - 4);
		for (k = 0; k < len; k++)
			if (buf[4 + k] == 0xb0)
				probes[i].info.max_xfer = 1;
	}
	scsi_step(host, probes, n, scsi_setup_vpdb0, rets);
	for (i = 0; i < n; i++) {
		u8 *buf = probes[i].buf;

		if (probes[i].info.max_xfer != 1)
			continue;
		probes[i].info.max_xfer = 0;
		if (!rets[i] && buf[1] == 0xb0 &&
		    get_unaligned_be16(buf + 2) >= 12)
			probes[i].info.max_xfer = get_unaligned_be32(buf + 8);
	}
	scsi_step(host, probes, n, scsi_setup_mode_sense, rets);
	for (i = 0; i < n; i++)
		if (!rets[i] && probes[i].cmd.trans_bytes >= 4 &&
		    (probes[i].buf[2] & 0x80))
			probes[i].info.read_only = true;

	for (i = 0; i < n; i++) {
		struct scsi_probe *p = &probes[i];
		int ret = p->ret == -ENOMEDIUM ? 0 : p->ret;

		if (!ret)
			ret = scsi_add_lun(host, p->target, p->lun, &p->info);
		if (!ret) {
			uc_priv->luns++;
		} else if (ret != -ENOENT) {
			uc_priv->failed++;
			if (rep && rep->fn)
				scsi_fail_run_add(host, &run, p, ret, rep);
		}
	}
	if (rep && rep->fn)
		scsi_fail_run_flush(host, &run, rep);
}

