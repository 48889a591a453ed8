// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The SCSI disk layer, the scan: finding the LUNs of a host, then having
 * them brought up (scsi_probe.c).
 *
 * Scan (scsi_scan_dev()): REPORT LUNS to LUN 0 of every target 0 ..
 * max_id - 1, all in flight together; the list of a target with more LUNs
 * than the first buffer holds is asked for again with a buffer of the
 * length the device reports (so thousands of LUNs work). A target the
 * host says is absent (-ENODEV, virtio-scsi's BAD_TARGET) is skipped; a
 * target that refuses REPORT LUNS gets LUNs 0 .. max_lun - 1 (at most 8)
 * probed one by one. Then the LUNs are brought up 256 at a time
 * (scsi_probe_chunk()), and the block devices probed (which reads their
 * partition tables). What the scan finds goes to the caller's report
 * function (scsi_scan_report()), which prints. Reading and writing the
 * LUNs: scsi_blk.c.
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <malloc.h>
#include <part.h>
#include <scsi.h>
#include <time.h>
#include <dm/device-internal.h>
#include <linux/byteorder.h>
#include "scsi_internal.h"

#define SCSI_REPORT_LUNS_LEN	4096	/* REPORT LUNS buffer of a long list */
#define SCSI_CHUNK		256	/* LUNs brought up together */
#define SCSI_FALLBACK_LUNS	8	/* LUNs probed without REPORT LUNS */
/* Largest REPORT LUNS buffer: 16384 flat LUNs and the header */
#define SCSI_REPORT_LUNS_MAX	(8 + 8 * (SCSI_MAX_FLAT_LUN + 1))

static bool scsi_setup_report_luns(struct scsi_probe *p)
{
	scsi_probe_cmd(p, SCSI_PROBE_BUF);
	p->cmd.cmd[0] = SCSI_REPORT_LUNS;
	put_unaligned_be32(SCSI_PROBE_BUF, &p->cmd.cmd[6]);
	p->cmd.cmdlen = 12;

	return true;
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

/* Append the LUNs of @target to the list of LUNs to bring up */
static int scsi_add_cands(u32 **candp, unsigned int *ncand,
			  unsigned int *room, unsigned int target,
			  const u16 *luns, int n)
{
	int i;

	if (*ncand + n > *room) {
		unsigned int room2 = max(*room * 2, *ncand + n + 64);
		u32 *cand = realloc(*candp, room2 * sizeof(*cand));

		if (!cand)
			return -ENOMEM;
		*candp = cand;
		*room = room2;
	}
	for (i = 0; i < n; i++)
		(*candp)[(*ncand)++] = target << 16 | luns[i];

	return 0;
}

/*
 * REPORT LUNS to every target at once; the list of every LUN to bring up,
 * in target and LUN order. Return: 0 or -ENOMEM
 */
static int scsi_find_luns(struct udevice *dev, u32 **candp,
			  unsigned int *ncandp)
{
	struct scsi_plat *plat = dev_get_uclass_plat(dev);
	struct scsi_uc_priv *uc_priv = dev_get_uclass_priv(dev);
	unsigned int ntargets = plat->max_id, t, needed, room = 0;
	u16 fallback[SCSI_FALLBACK_LUNS], list[SCSI_PROBE_BUF / 8];
	struct scsi_probe *probes;
	int *rets, n, ret = 0, i;

	*candp = NULL;
	*ncandp = 0;
	probes = calloc(ntargets, sizeof(*probes));
	rets = calloc(ntargets, sizeof(*rets));
	if (!probes || !rets) {
		ret = -ENOMEM;
		goto out;
	}
	for (t = 0; t < ntargets; t++)
		probes[t].target = t;
	scsi_step(dev, probes, ntargets, scsi_setup_report_luns, rets);

	for (i = 0; i < SCSI_FALLBACK_LUNS; i++)
		fallback[i] = i;
	for (t = 0; t < ntargets && !ret; t++) {
		struct scsi_probe *p = &probes[t];
		u16 *luns = NULL;

		if (rets[t] == -ENODEV)
			continue;	/* no such target */
		uc_priv->targets++;
		n = -EIO;
		if (!rets[t]) {
			n = scsi_report_luns_parse(p->buf,
						   min_t(unsigned long,
							 p->cmd.trans_bytes,
							 SCSI_PROBE_BUF),
						   list, ARRAY_SIZE(list),
						   &needed);
			if (n >= 0 && needed > SCSI_PROBE_BUF &&
			    p->cmd.trans_bytes == SCSI_PROBE_BUF)
				n = scsi_report_luns(dev, t, &luns);
		}
		if (n >= 0) {
			n = scsi_sort_luns(luns ? luns : list, n);
			ret = scsi_add_cands(candp, ncandp, &room, t,
					     luns ? luns : list, n);
			free(luns);
		} else {
			/* REPORT LUNS refused: the first LUNs one by one */
			ret = scsi_add_cands(candp, ncandp, &room, t, fallback,
					     min_t(unsigned long, plat->max_lun,
						   SCSI_FALLBACK_LUNS));
		}
	}
out:
	free(probes);
	free(rets);

	return ret;
}

/* Scan one host, telling @rep (may be NULL) what it finds */
static int scsi_scan_host(struct udevice *dev, struct scsi_report *rep)
{
	struct scsi_uc_priv *uc_priv;
	struct udevice *bdev, *next;
	struct scsi_probe *probes;
	unsigned int ncand, off, i, n;
	u32 *cand;
	int *rets;
	u64 start;
	int ret;

	ret = device_probe(dev);
	if (ret)
		return ret;
	uc_priv = dev_get_uclass_priv(dev);
	ret = scsi_remove_luns(dev);
	if (ret)
		return ret;
	memset(uc_priv, 0, sizeof(*uc_priv));

	start = timer_get_us();
	ret = scsi_find_luns(dev, &cand, &ncand);
	probes = calloc(SCSI_CHUNK, sizeof(*probes));
	rets = calloc(SCSI_CHUNK, sizeof(*rets));
	if (ret || !probes || !rets) {
		ret = -ENOMEM;
		goto out;
	}
	for (off = 0; off < ncand; off += n) {
		n = min(ncand - off, (unsigned int)SCSI_CHUNK);
		memset(probes, 0, n * sizeof(*probes));
		for (i = 0; i < n; i++) {
			probes[i].target = cand[off + i] >> 16;
			probes[i].lun = cand[off + i] & 0xffff;
		}
		scsi_probe_chunk(dev, probes, n, rets, rep);
	}
	uc_priv->scan_us = timer_get_us() - start;

	/* Probing a block device reads its partition table */
	start = timer_get_us();
	device_foreach_child_safe(bdev, next, dev) {
		struct scsi_scan_event ev = {
			.what = SCSI_SCAN_LUN, .host = dev, .bdev = bdev,
		};

		if (blk_probe_or_unbind(bdev)) {
			uc_priv->luns--;
			uc_priv->failed++;
			continue;
		}
		if (rep && rep->fn)
			rep->fn(&ev, rep->priv);
	}
	uc_priv->probe_us = timer_get_us() - start;
out:
	free(cand);
	free(probes);
	free(rets);

	return ret;
}

int scsi_scan_dev(struct udevice *dev, bool verbose)
{
	return scsi_scan_host(dev, NULL);
}

int scsi_scan_report(scsi_scan_report_t report, void *priv)
{
	struct scsi_report rep = { .fn = report, .priv = priv };
	struct udevice *dev;
	struct uclass *uc;
	int ret, err = 0;

	ret = uclass_get(UCLASS_SCSI, &uc);
	if (ret)
		return ret;
	/* All hosts' devices go first, so that numbers start again at 0 */
	uclass_foreach_dev(dev, uc) {
		if (!device_active(dev))
			continue;
		ret = scsi_remove_luns(dev);
		if (ret)
			return ret;
	}
	uclass_foreach_dev(dev, uc) {
		struct scsi_scan_event ev = {
			.what = SCSI_SCAN_HOST, .host = dev,
		};

		ev.ret = scsi_scan_host(dev, &rep);
		if (ev.ret && !err)
			err = ev.ret;
		if (report)
			report(&ev, priv);
	}

	return err;
}

int scsi_scan(bool verbose)
{
	return scsi_scan_report(NULL, NULL);
}
