// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the virtio-scsi driver and the SCSI layer against the
 * sandbox's emulated controller with memory LUNs: the LUN field on the
 * wire, the scan (REPORT LUNS with a list longer than the first buffer,
 * targets that are absent, the fallback when REPORT LUNS is refused, a
 * LUN becoming ready), transfers cut to max_sectors and to the VPD limit,
 * CD-ROMs, BUSY retried, MEDIUM ERROR reported with its sense, and a
 * timeout after which the next command works.
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <malloc.h>
#include <scsi.h>
#include <virtio.h>
#include <virtio_scsi.h>
#include <virtio_sandbox.h>
#include <dm/device-internal.h>
#include <test/ut.h>
#include "../virtio/vsb_ut.h"

static u8 vs_wbuf[128 * 1024];
static u8 vs_rbuf[128 * 1024];

/* A controller with the LUNs of @specs, @fault armed, probed (scanned) */
static int vs_add(const char *const specs[], int count, const char *fault,
		  struct udevice **udevp, struct udevice **hostp)
{
	return vsb_ut_add("scsi", specs, count, "utscsi", fault, udevp, hostp);
}

/* The BLK device of (target, lun) on @host, or NULL */
static struct udevice *vs_lun(struct udevice *host, unsigned int target,
			      unsigned int lun)
{
	struct udevice *bdev;

	device_foreach_child(bdev, host) {
		struct blk_desc *desc = dev_get_uclass_plat(bdev);

		if (desc->target == target && desc->lun == lun)
			return bdev;
	}

	return NULL;
}

static int vs_count(struct udevice *host)
{
	struct udevice *bdev;
	int n = 0;

	device_foreach_child(bdev, host)
		n++;

	return n;
}

static int vs_roundtrip(struct unit_test_state *uts, struct udevice *bdev,
			lbaint_t start, lbaint_t blocks, u32 seed)
{
	return vsb_ut_roundtrip(uts, bdev, start, blocks, seed, vs_wbuf,
				vs_rbuf, sizeof(vs_wbuf));
}

static int virtio_scsi_lun_field(struct unit_test_state *uts)
{
	const u8 t255l300[8] = { 1, 255, 0x41, 0x2c, 0, 0, 0, 0 };
	const u8 t0l0[8] = { 1, 0, 0x40, 0, 0, 0, 0, 0 };
	const u8 t7l16383[8] = { 1, 7, 0x7f, 0xff, 0, 0, 0, 0 };
	u8 lun[8];

	virtio_scsi_encode_lun(lun, 255, 300);
	ut_asserteq_mem(t255l300, lun, 8);
	virtio_scsi_encode_lun(lun, 0, 0);
	ut_asserteq_mem(t0l0, lun, 8);
	virtio_scsi_encode_lun(lun, 7, 16383);
	ut_asserteq_mem(t7l16383, lun, 8);

	return 0;
}
UNIT_TEST(virtio_scsi_lun_field, 0, scsi);

static int virtio_scsi_scan_basic(struct unit_test_state *uts)
{
	const char *const specs[] = {
		"mem:1048576",
		"mem:1048576,bs=4096,target=7,lun=3",
		"mem:2097152,cd,target=2,lun=1",
		"mem:65536,ro,target=255,lun=300",
	};
	struct udevice *udev, *host, *bdev;
	struct scsi_uc_priv *uc_priv;
	struct scsi_plat *plat;
	struct blk_desc *desc;
	struct vsb_scsi_stats *st;

	ut_assertok(vs_add(specs, ARRAY_SIZE(specs), NULL, &udev, &host));
	st = vsb_scsi_get_stats(sandbox_virtio_get_dev(udev));
	plat = dev_get_uclass_plat(host);
	uc_priv = dev_get_uclass_priv(host);
	ut_asserteq(256, plat->max_id);
	ut_asserteq(8, plat->max_lun);
	/* max_sectors 0xffff, capped at 8 MiB a command */
	ut_asserteq(8 << 20, plat->max_bytes_per_req);
	ut_asserteq(4, uc_priv->targets);
	ut_asserteq(4, uc_priv->luns);
	ut_asserteq(0, uc_priv->failed);
	ut_asserteq(4, vs_count(host));
	/* One REPORT LUNS per target; BAD_TARGET for the 252 others */
	ut_asserteq(256, st->report_luns + st->bad_target);
	ut_asserteq(252, st->bad_target);

	bdev = vs_lun(host, 0, 0);
	ut_assertnonnull(bdev);
	desc = dev_get_uclass_plat(bdev);
	ut_asserteq(UCLASS_SCSI, desc->uclass_id);
	ut_asserteq(512, desc->blksz);
	ut_asserteq(2048, desc->lba);
	ut_asserteq(DEV_TYPE_HARDDISK, desc->type);
	ut_assert(!desc->read_only);
	ut_asserteq_str("VIRTBOOT", desc->vendor);
	ut_asserteq_str("SANDBOX DISK", desc->product);
	ut_assertok(vs_roundtrip(uts, bdev, 5, 100, 1));
	ut_assertok(vs_roundtrip(uts, bdev, 2047, 1, 2));
	ut_asserteq(-EINVAL, blk_read(bdev, 2047, 2, vs_rbuf));
	ut_asserteq_str("blocks past the end of the device, which has 2048 blocks",
			blk_get_fail_reason(bdev));

	bdev = vs_lun(host, 7, 3);
	ut_assertnonnull(bdev);
	desc = dev_get_uclass_plat(bdev);
	ut_asserteq(4096, desc->blksz);
	ut_asserteq(256, desc->lba);
	ut_assertok(vs_roundtrip(uts, bdev, 255, 1, 3));
	ut_assertok(vs_roundtrip(uts, bdev, 1, 30, 4));

	bdev = vs_lun(host, 2, 1);
	ut_assertnonnull(bdev);
	desc = dev_get_uclass_plat(bdev);
	ut_asserteq(DEV_TYPE_CDROM, desc->type);
	ut_asserteq(2048, desc->blksz);
	ut_asserteq(1024, desc->lba);
	ut_assert(desc->removable);
	ut_assert(desc->read_only);
	ut_asserteq(4, blk_read(bdev, 1020, 4, vs_rbuf));
	ut_asserteq(-EROFS, blk_write(bdev, 0, 1, vs_wbuf));
	ut_asserteq_str("the device is read-only", blk_get_fail_reason(bdev));

	/* blk_desc holds the whole target and LUN */
	bdev = vs_lun(host, 255, 300);
	ut_assertnonnull(bdev);
	desc = dev_get_uclass_plat(bdev);
	ut_asserteq(255, desc->target);
	ut_asserteq(300, desc->lun);
	ut_assert(desc->read_only);
	ut_asserteq(128, desc->lba);
	ut_asserteq(1, blk_read(bdev, 127, 1, vs_rbuf));

	/* No LUN was asked for twice: READ(10) only on these small disks */
	ut_asserteq(0, st->reads16);
	ut_asserteq(0, st->violations);

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_scsi_scan_basic, 0, scsi);

/* 64 LUNs on one target and one at 16383: REPORT LUNS asked again */
static int virtio_scsi_many_luns(struct unit_test_state *uts)
{
	const char *specs[65];
	struct udevice *udev, *host;
	struct vsb_scsi_stats *st;
	char *strs;
	int i;

	strs = malloc(65 * 48);
	ut_assertnonnull(strs);
	for (i = 0; i < 64; i++) {
		snprintf(strs + i * 48, 48, "mem:4096,target=3,lun=%d",
			 i * 200);
		specs[i] = strs + i * 48;
	}
	snprintf(strs + 64 * 48, 48, "mem:4096,target=3,lun=16383");
	specs[64] = strs + 64 * 48;

	ut_assertok(vs_add(specs, 65, NULL, &udev, &host));
	st = vsb_scsi_get_stats(sandbox_virtio_get_dev(udev));
	ut_asserteq(65, vs_count(host));
	for (i = 0; i < 64; i++)
		ut_assertnonnull(vs_lun(host, 3, i * 200));
	ut_assertnonnull(vs_lun(host, 3, 16383));
	/* 65 entries do not fit in the first 512-byte buffer */
	ut_asserteq(2, st->report_luns);
	free(strs);

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_scsi_many_luns, 0, scsi);

/* REPORT LUNS refused: LUNs 0..7 are probed one by one */
static int virtio_scsi_no_report_luns(struct unit_test_state *uts)
{
	const char *const specs[] = {
		"mem:4096,noreport,target=1,lun=0",
		"mem:4096,target=1,lun=7",
		"mem:4096,target=1,lun=8",
	};
	struct udevice *udev, *host;

	ut_assertok(vs_add(specs, ARRAY_SIZE(specs), NULL, &udev, &host));
	ut_asserteq(2, vs_count(host));
	ut_assertnonnull(vs_lun(host, 1, 0));
	ut_assertnonnull(vs_lun(host, 1, 7));
	ut_assertnull(vs_lun(host, 1, 8));

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_scsi_no_report_luns, 0, scsi);

/*
 * INQUIRY of a LUN that is not there: ILLEGAL REQUEST means no LUN (some
 * targets answer so instead of with qualifier 3); any other failure is a
 * LUN that failed to come up
 */
static int virtio_scsi_inquiry_fails(struct unit_test_state *uts)
{
	const char *const specs[] = {
		"mem:4096,noreport,absent-illegal,target=1,lun=0",
		"mem:4096,target=1,lun=7",
	};
	struct scsi_uc_priv *uc_priv;
	struct udevice *udev, *host;

	ut_assertok(vs_add(specs, ARRAY_SIZE(specs), NULL, &udev, &host));
	uc_priv = dev_get_uclass_priv(host);
	ut_asserteq(2, vs_count(host));
	ut_asserteq(2, uc_priv->luns);
	ut_asserteq(0, uc_priv->failed);
	ut_assertok(vsb_ut_remove(uts, udev));

	/* Every command fails in the host: each LUN probed is a failure */
	ut_assertok(vs_add(specs, ARRAY_SIZE(specs), "transport-failure",
			   &udev, &host));
	uc_priv = dev_get_uclass_priv(host);
	ut_asserteq(0, vs_count(host));
	ut_asserteq(1, uc_priv->targets);
	ut_asserteq(0, uc_priv->luns);
	ut_asserteq(8, uc_priv->failed);

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_scsi_inquiry_fails, 0, scsi);

/* Transfers cut to max_sectors, then to the VPD 0xB0 limit */
static int virtio_scsi_limits(struct unit_test_state *uts)
{
	const char *const sectors[] = { "mem:1048576,max_sectors=8" };
	const char *const vpd[] = { "mem:1048576,max_xfer=3" };
	struct udevice *udev, *host, *bdev;
	struct vsb_scsi_stats *st;

	ut_assertok(vs_add(sectors, 1, NULL, &udev, &host));
	st = vsb_scsi_get_stats(sandbox_virtio_get_dev(udev));
	bdev = vs_lun(host, 0, 0);
	ut_assertnonnull(bdev);
	st->reads = 0;
	ut_assertok(vs_roundtrip(uts, bdev, 1, 100, 5));
	ut_asserteq(13, st->reads);
	ut_asserteq(4096, st->max_xfer_bytes);
	ut_asserteq(0, st->violations);
	ut_assertok(vsb_ut_remove(uts, udev));

	ut_assertok(vs_add(vpd, 1, NULL, &udev, &host));
	st = vsb_scsi_get_stats(sandbox_virtio_get_dev(udev));
	bdev = vs_lun(host, 0, 0);
	ut_assertnonnull(bdev);
	st->reads = 0;
	ut_assertok(vs_roundtrip(uts, bdev, 0, 10, 6));
	ut_asserteq(4, st->reads);
	ut_asserteq(0, st->violations);

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_scsi_limits, 0, scsi);

/* BUSY is retried; becoming ready is waited for */
static int virtio_scsi_transient(struct unit_test_state *uts)
{
	const char *const specs[] = { "mem:65536" };
	struct udevice *udev, *host, *bdev;

	ut_assertok(vs_add(specs, 1, "becoming-ready,count=3", &udev, &host));
	ut_assertnonnull(vs_lun(host, 0, 0));
	ut_assertok(vsb_ut_remove(uts, udev));

	ut_assertok(vs_add(specs, 1, NULL, &udev, &host));
	bdev = vs_lun(host, 0, 0);
	ut_assertnonnull(bdev);
	ut_assertok(sandbox_virtio_arm_fault(udev, "scsi-busy,count=2"));
	ut_assertok(vs_roundtrip(uts, bdev, 0, 8, 7));

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_scsi_transient, 0, scsi);

/* MEDIUM ERROR: the read fails and says why; the next one works */
static int virtio_scsi_medium_error(struct unit_test_state *uts)
{
	const char *const specs[] = { "mem:65536" };
	struct udevice *udev, *host, *bdev;

	ut_assertok(vs_add(specs, 1, NULL, &udev, &host));
	bdev = vs_lun(host, 0, 0);
	ut_assertnonnull(bdev);
	ut_assertnull(blk_get_fail_reason(bdev));
	ut_assertok(sandbox_virtio_arm_fault(udev, "medium-error,count=1"));
	ut_asserteq(-EIO, blk_read(bdev, 3, 1, vs_rbuf));
	ut_asserteq_str("MEDIUM ERROR, asc 0x11 ascq 0x00 (unrecovered read error)",
			blk_get_fail_reason(bdev));
	ut_asserteq(1, blk_read(bdev, 3, 1, vs_rbuf));
	ut_assertnull(blk_get_fail_reason(bdev));

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_scsi_medium_error, 0, scsi);

/*
 * UNIT ATTENTION for ever (catalogue #28): a read is sent 8 times
 * (SCSI_UA_TRIES), no more, then fails with the sense in words
 */
static int virtio_scsi_ua_retries(struct unit_test_state *uts)
{
	static const char *const specs[] = { "mem:65536" };
	struct udevice *udev, *host, *bdev;
	struct scsi_uc_priv *uc_priv;
	struct vsb_scsi_stats *st;
	unsigned int cmds, sent;

	ut_assertok(vs_add(specs, 1, NULL, &udev, &host));
	bdev = vs_lun(host, 0, 0);
	ut_assertnonnull(bdev);
	uc_priv = dev_get_uclass_priv(host);
	st = vsb_scsi_get_stats(sandbox_virtio_get_dev(udev));
	ut_assertok(sandbox_virtio_arm_fault(udev, "unit-attention"));
	cmds = uc_priv->cmds;
	sent = st->cmds;
	ut_asserteq(-EIO, blk_read(bdev, 0, 1, vs_rbuf));
	ut_asserteq(8, uc_priv->cmds - cmds);
	ut_asserteq(8, st->cmds - sent);
	ut_asserteq_str("UNIT ATTENTION, asc 0x29 ascq 0x00 (power on or reset occurred)",
			blk_get_fail_reason(bdev));
	/* Once the device stops, the LUN reads again */
	sandbox_virtio_clear_faults(udev);
	ut_asserteq(1, blk_read(bdev, 0, 1, vs_rbuf));

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_scsi_ua_retries, 0, scsi);

/* A command that never completes times out; the device is reset */
static int virtio_scsi_timeout(struct unit_test_state *uts)
{
	const char *const specs[] = { "mem:65536" };
	struct udevice *udev, *host, *bdev;

	ut_assertok(vs_add(specs, 1, NULL, &udev, &host));
	bdev = vs_lun(host, 0, 0);
	ut_assertnonnull(bdev);
	ut_assertok(sandbox_virtio_arm_fault(udev, "never-complete,count=1"));
	ut_asserteq(-ETIMEDOUT, blk_read(bdev, 0, 1, vs_rbuf));
	ut_asserteq_str("the device did not answer in time",
			blk_get_fail_reason(bdev));
	/* After the reset the LUN reports UNIT ATTENTION: retried */
	ut_assertok(vs_roundtrip(uts, bdev, 0, 16, 8));
	ut_assertok(scsi_bus_reset(host));
	ut_assertok(vs_roundtrip(uts, bdev, 1, 16, 9));

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_scsi_timeout, 0, scsi);

/* A controller with no LUN at all: probed, nothing found */
static int virtio_scsi_bad_config(struct unit_test_state *uts)
{
	const char *const bad[] = { "mem:65536,max_sectors=0" };
	const char *const ok[] = { "mem:65536,max_target=3,target=3" };
	struct virtio_dev_priv *uc_priv;
	struct udevice *udev, *host;
	struct vsb_scsi_stats *st;

	ut_asserteq(-EINVAL, vs_add(bad, 1, NULL, &udev, &host));
	uc_priv = dev_get_uclass_priv(udev);
	ut_asserteq_str("bad max_sectors 0", uc_priv->fail_reason);
	ut_assertok(vsb_ut_remove(uts, udev));

	/* max_target 3: four targets asked, no more */
	ut_assertok(vs_add(ok, 1, NULL, &udev, &host));
	st = vsb_scsi_get_stats(sandbox_virtio_get_dev(udev));
	ut_asserteq(3, st->bad_target);
	ut_asserteq(1, vs_count(host));

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_scsi_bad_config, 0, scsi);

/* A legacy device: configuration and rings in the CPU's byte order */
static int virtio_scsi_legacy(struct unit_test_state *uts)
{
	const char *const specs[] = { "mem:65536,legacy,queue=16,target=9,lun=260" };
	struct udevice *udev, *host, *bdev;
	struct virtio_dev_priv *uc_priv;

	ut_assertok(vs_add(specs, 1, NULL, &udev, &host));
	uc_priv = dev_get_uclass_priv(udev);
	ut_assert(uc_priv->legacy);
	bdev = vs_lun(host, 9, 260);
	ut_assertnonnull(bdev);
	/* queue 16: at most 5 commands in flight, the scan still works */
	ut_assertok(vs_roundtrip(uts, bdev, 3, 40, 10));

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_scsi_legacy, 0, scsi);

/* A CD-ROM drive without a disc: listed, with no capacity */
static int virtio_scsi_no_medium(struct unit_test_state *uts)
{
	const char *const specs[] = { "mem:65536,cd,nomedium", "mem:65536,lun=1" };
	struct udevice *udev, *host, *bdev;
	struct blk_desc *desc;

	ut_assertok(vs_add(specs, 2, NULL, &udev, &host));
	bdev = vs_lun(host, 0, 0);
	ut_assertnonnull(bdev);
	desc = dev_get_uclass_plat(bdev);
	ut_asserteq(DEV_TYPE_CDROM, desc->type);
	ut_asserteq(2048, desc->blksz);
	ut_asserteq(0, desc->lba);
	ut_asserteq(-EINVAL, blk_read(bdev, 0, 1, vs_rbuf));
	ut_assertnonnull(vs_lun(host, 0, 1));

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_scsi_no_medium, 0, scsi);
