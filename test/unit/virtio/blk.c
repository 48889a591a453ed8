// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the virtio core and virtio-blk driver against emulated
 * sandbox devices with memory disks: block sizes, requests split to the
 * device's segment limits with several in flight, completions out of
 * order, read-only disks, FLUSH, the legacy path, and every failure the
 * emulator can inject: a device that times out, error statuses, bad used
 * entries, refused features, missing queues, a config that keeps
 * changing. After a failed request the next one must work.
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <virtio.h>
#include <virtio_blk.h>
#include <virtio_ring.h>
#include <virtio_sandbox.h>
#include <dm/device-internal.h>
#include <test/ut.h>
#include "vsb_ut.h"

#define VB_DISK		(1 << 20)

static u8 vb_wbuf[256 * 1024 + 1];
static u8 vb_rbuf[256 * 1024 + 1];

/* An emulated disk from @spec, @fault armed; *@bdevp its BLK device */
static int vb_add(const char *spec, const char *fault, struct udevice **udevp,
		  struct udevice **bdevp)
{
	return vsb_ut_add("blk", &spec, 1, "utblk", fault, udevp, bdevp);
}

/* Write @blocks at @start from an odd address, read them back, compare */
static int vb_roundtrip(struct unit_test_state *uts, struct udevice *bdev,
			lbaint_t start, lbaint_t blocks, u32 seed)
{
	return vsb_ut_roundtrip(uts, bdev, start, blocks, seed, vb_wbuf + 1,
				vb_rbuf + 1, sizeof(vb_wbuf) - 1);
}

static int virtio_blk_basic(struct unit_test_state *uts)
{
	struct virtio_sandbox_dev *vd;
	struct udevice *udev, *bdev;
	struct virtio_dev_priv *uc_priv;
	struct blk_desc *desc;
	u8 status;

	ut_assertok(vb_add("mem:1048576", NULL, &udev, &bdev));
	vd = sandbox_virtio_get_dev(udev);
	uc_priv = dev_get_uclass_priv(udev);
	desc = dev_get_uclass_plat(bdev);
	ut_asserteq(UCLASS_VIRTIO, desc->uclass_id);
	ut_asserteq(512, desc->blksz);
	ut_asserteq(2048, desc->lba);
	ut_assert(!desc->read_only);
	ut_asserteq_str("sandbox", uc_priv->transport);
	ut_assert(!uc_priv->legacy);
	ut_assert(virtio_has_feature(bdev, VIRTIO_F_VERSION_1));
	ut_assert(virtio_has_feature(bdev, VIRTIO_BLK_F_FLUSH));
	ut_assertok(virtio_get_status(bdev, &status));
	ut_asserteq(VIRTIO_CONFIG_S_ACKNOWLEDGE | VIRTIO_CONFIG_S_DRIVER |
		    VIRTIO_CONFIG_S_FEATURES_OK | VIRTIO_CONFIG_S_DRIVER_OK,
		    status);

	ut_assertok(vb_roundtrip(uts, bdev, 10, 30, 1));
	ut_asserteq(1, vsb_blk_flushes(vd));
	ut_assertok(vb_roundtrip(uts, bdev, 2047, 1, 2));
	ut_asserteq(2, vsb_blk_flushes(vd));
	/* The last block is the last: one more is refused */
	ut_asserteq(-EINVAL, blk_read(bdev, 2047, 2, vb_rbuf));

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_blk_basic, 0, virtio);

/* 4096-byte blocks: capacity stays in 512-byte sectors on the wire */
static int virtio_blk_bs4096(struct unit_test_state *uts)
{
	struct udevice *udev, *bdev;
	struct blk_desc *desc;

	ut_assertok(vb_add("mem:1048576,bs=4096", NULL, &udev, &bdev));
	desc = dev_get_uclass_plat(bdev);
	ut_asserteq(4096, desc->blksz);
	ut_asserteq(12, desc->log2blksz);
	ut_asserteq(256, desc->lba);
	ut_assertok(vb_roundtrip(uts, bdev, 3, 5, 3));
	ut_assertok(vb_roundtrip(uts, bdev, 255, 1, 4));

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_blk_bs4096, 0, virtio);

/* size_max and seg_max are kept to, with several requests in flight */
static int virtio_blk_split(struct unit_test_state *uts)
{
	struct virtio_sandbox_dev *vd;
	struct udevice *udev, *bdev;

	ut_assertok(vb_add("mem:1048576,size_max=4096,seg_max=3,queue=16",
			   NULL, &udev, &bdev));
	vd = sandbox_virtio_get_dev(udev);
	ut_assertok(vb_roundtrip(uts, bdev, 1, 512, 5));
	ut_asserteq(0, vsb_blk_violations(vd));
	ut_assert(vd->stats.max_in_flight >= 2);
	/* header + 3 segments + status */
	ut_asserteq(5, vd->stats.max_chain);

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_blk_split, 0, virtio);

/* Requests completed newest first land in the right place */
static int virtio_blk_defer(struct unit_test_state *uts)
{
	struct virtio_sandbox_dev *vd;
	struct udevice *udev, *bdev;

	ut_assertok(vb_add("mem:1048576,defer,size_max=1024,seg_max=2",
			   NULL, &udev, &bdev));
	vd = sandbox_virtio_get_dev(udev);
	ut_assertok(vb_roundtrip(uts, bdev, 7, 100, 6));
	ut_asserteq(0, vsb_blk_violations(vd));
	ut_assert(vd->stats.max_in_flight >= 2);

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_blk_defer, 0, virtio);

/* A legacy device: no VERSION_1, no FEATURES_OK, legacy ring layout */
static int virtio_blk_legacy(struct unit_test_state *uts)
{
	struct virtio_dev_priv *uc_priv;
	struct udevice *udev, *bdev;
	u8 status;

	ut_assertok(vb_add("mem:65536,legacy", NULL, &udev, &bdev));
	uc_priv = dev_get_uclass_priv(udev);
	ut_assert(uc_priv->legacy);
	ut_asserteq_str("sandbox-legacy", uc_priv->transport);
	ut_assert(!virtio_has_feature(bdev, VIRTIO_F_VERSION_1));
	ut_assertok(virtio_get_status(bdev, &status));
	ut_asserteq(0, status & VIRTIO_CONFIG_S_FEATURES_OK);
	ut_asserteq(128, ((struct blk_desc *)dev_get_uclass_plat(bdev))->lba);
	ut_assertok(vb_roundtrip(uts, bdev, 0, 128, 7));

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_blk_legacy, 0, virtio);

static int virtio_blk_ro(struct unit_test_state *uts)
{
	struct udevice *udev, *bdev;
	struct blk_desc *desc;

	ut_assertok(vb_add("mem:65536,ro", NULL, &udev, &bdev));
	desc = dev_get_uclass_plat(bdev);
	ut_assert(desc->read_only);
	ut_asserteq(-EROFS, blk_write(bdev, 0, 1, vb_wbuf));
	/* The driver refuses too, whoever calls it */
	ut_asserteq(-EROFS, (long)blk_get_ops(bdev)->write(bdev, 0, 1,
							   vb_wbuf));
	ut_asserteq(1, blk_read(bdev, 0, 1, vb_rbuf));

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_blk_ro, 0, virtio);

/* A failure of @fault on one request gives @err; the next one works */
static int vb_fault_once(struct unit_test_state *uts, const char *fault,
			 long err, bool reset)
{
	struct virtio_sandbox_dev *vd;
	struct udevice *udev, *bdev;
	unsigned int resets;
	ulong start;

	ut_assertok(vb_add("mem:65536", NULL, &udev, &bdev));
	vd = sandbox_virtio_get_dev(udev);
	ut_assertok(sandbox_virtio_arm_fault(udev, fault));
	resets = vd->stats.resets;
	start = get_timer(0);
	ut_asserteq(err, blk_read(bdev, 0, 4, vb_rbuf));
	ut_assert(get_timer(start) < 3 * virtio_timeout_ms());
	/* A request error leaves the device alone; a broken ring does not */
	ut_asserteq(resets + reset, vd->stats.resets);
	ut_assertok(vb_roundtrip(uts, bdev, 0, 16, 8));

	return vsb_ut_remove(uts, udev);
}

static int virtio_blk_timeout(struct unit_test_state *uts)
{
	return vb_fault_once(uts, "never-complete,count=1", -ETIMEDOUT, true);
}
UNIT_TEST(virtio_blk_timeout, 0, virtio);

static int virtio_blk_ioerr(struct unit_test_state *uts)
{
	return vb_fault_once(uts, "ioerr,count=1", -EIO, false);
}
UNIT_TEST(virtio_blk_ioerr, 0, virtio);

static int virtio_blk_unsupp(struct unit_test_state *uts)
{
	return vb_fault_once(uts, "unsupp,count=1", -EOPNOTSUPP, false);
}
UNIT_TEST(virtio_blk_unsupp, 0, virtio);

static int virtio_blk_used_id(struct unit_test_state *uts)
{
	return vb_fault_once(uts, "used-id-range,count=1", -EIO, true);
}
UNIT_TEST(virtio_blk_used_id, 0, virtio);

static int virtio_blk_used_len(struct unit_test_state *uts)
{
	return vb_fault_once(uts, "used-len,count=1", -EIO, true);
}
UNIT_TEST(virtio_blk_used_len, 0, virtio);

/* A device that never completes anything: each read times out, cleanly */
static int virtio_blk_never(struct unit_test_state *uts)
{
	struct udevice *udev, *bdev;
	int i;

	ut_assertok(vb_add("mem:65536", NULL, &udev, &bdev));
	ut_assertok(sandbox_virtio_arm_fault(udev, "never-complete"));
	for (i = 0; i < 2; i++)
		ut_asserteq(-ETIMEDOUT, blk_read(bdev, 0, 1, vb_rbuf));
	sandbox_virtio_clear_faults(udev);
	ut_asserteq(1, blk_read(bdev, 0, 1, vb_rbuf));

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_blk_never, 0, virtio);

/* The device comes up failed; @reason says why */
static int vb_probe_fails(struct unit_test_state *uts, const char *spec,
			  const char *fault, int err, const char *reason)
{
	struct virtio_dev_priv *uc_priv;
	struct udevice *udev, *bdev = NULL;
	u8 status;

	ut_asserteq(err, vb_add(spec, fault, &udev, &bdev));
	uc_priv = dev_get_uclass_priv(udev);
	if (reason)
		ut_asserteq_str(reason, uc_priv->fail_reason);
	ut_assertok(virtio_get_ops(udev)->get_status(udev, &status));
	ut_assert(status & VIRTIO_CONFIG_S_FAILED);

	return vsb_ut_remove(uts, udev);
}

static int virtio_blk_features_refused(struct unit_test_state *uts)
{
	return vb_probe_fails(uts, "mem:65536", "features-refused", -EIO,
			      "device refused the features");
}
UNIT_TEST(virtio_blk_features_refused, 0, virtio);

static int virtio_blk_no_queue(struct unit_test_state *uts)
{
	return vb_probe_fails(uts, "mem:65536", "queue-size-0", -ENOENT,
			      "no usable request queue");
}
UNIT_TEST(virtio_blk_no_queue, 0, virtio);

static int virtio_blk_odd_queue(struct unit_test_state *uts)
{
	return vb_probe_fails(uts, "mem:65536", "queue-size-odd", -EINVAL,
			      "no usable request queue");
}
UNIT_TEST(virtio_blk_odd_queue, 0, virtio);

static int virtio_blk_tiny_queue(struct unit_test_state *uts)
{
	return vb_probe_fails(uts, "mem:65536,queue=2", NULL, -EINVAL,
			      "request queue too small");
}
UNIT_TEST(virtio_blk_tiny_queue, 0, virtio);

static int virtio_blk_generation(struct unit_test_state *uts)
{
	return vb_probe_fails(uts, "mem:65536", "generation", -EIO,
			      "configuration kept changing");
}
UNIT_TEST(virtio_blk_generation, 0, virtio);

static int virtio_blk_reset_stuck(struct unit_test_state *uts)
{
	return vb_probe_fails(uts, "mem:65536", "reset-stuck", -ETIMEDOUT,
			      "device does not come out of reset");
}
UNIT_TEST(virtio_blk_reset_stuck, 0, virtio);

/*
 * A disk whose reset sticks when it is removed: given up on, the removal
 * still succeeds (an error left it active with its rings freed)
 */
static int virtio_blk_remove_stuck(struct unit_test_state *uts)
{
	struct udevice *udev, *bdev;

	ut_assertok(vb_add("mem:65536", NULL, &udev, &bdev));
	ut_assertok(vb_roundtrip(uts, bdev, 0, 4, 31));
	ut_assertok(sandbox_virtio_arm_fault(udev, "reset-stuck"));
	ut_assertok(device_remove(bdev, DM_REMOVE_NORMAL));
	ut_assert(!device_active(bdev));

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_blk_remove_stuck, 0, virtio);

/* Capacity 0: the disk comes up empty and refuses every block */
static int virtio_blk_capacity_0(struct unit_test_state *uts)
{
	struct udevice *udev, *bdev;

	ut_assertok(vb_add("mem:65536", "capacity-0", &udev, &bdev));
	ut_asserteq(0, ((struct blk_desc *)dev_get_uclass_plat(bdev))->lba);
	ut_asserteq(-EINVAL, blk_read(bdev, 0, 1, vb_rbuf));

	return vsb_ut_remove(uts, udev);
}
UNIT_TEST(virtio_blk_capacity_0, 0, virtio);
