/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Helpers the unit tests of the drivers over the sandbox's emulated
 * virtio devices share (virtio-blk, virtio-scsi).
 */
#ifndef __VSB_UT_H
#define __VSB_UT_H

#include <blk.h>
#include <test/ut.h>

struct udevice;

/**
 * vsb_ut_add() - bind an emulated device, arm a fault, probe it and the
 * driver on it (for virtio-scsi the probe scans the LUNs)
 * @model:	emulator ("blk", "scsi")
 * @specs:	its device specs
 * @count:	number of @specs
 * @name:	transport device name
 * @fault:	fault spec to arm before the probe, or NULL
 * @udevp:	returns the transport, set as soon as it is bound so that the
 *		caller can remove it after a failed probe
 * @childp:	returns the device on it (the BLK device, the SCSI host)
 * Return: 0, or the first error (the driver's probe error included)
 */
int vsb_ut_add(const char *model, const char *const specs[], int count,
	       const char *name, const char *fault, struct udevice **udevp,
	       struct udevice **childp);

/** vsb_ut_remove() - remove and unbind a transport vsb_ut_add() bound */
int vsb_ut_remove(struct unit_test_state *uts, struct udevice *udev);

/** vsb_ut_pattern() - fill @buf with bytes that depend on @seed */
void vsb_ut_pattern(u8 *buf, size_t len, u32 seed);

/**
 * vsb_ut_roundtrip() - write @blocks at @start, read them back, compare
 * @uts:	test state
 * @bdev:	the BLK device
 * @start:	first block
 * @blocks:	number of blocks
 * @seed:	of the pattern written
 * @wbuf:	buffer to write from (an odd address tests the bounce path)
 * @rbuf:	buffer to read into
 * @room:	bytes in each buffer
 */
int vsb_ut_roundtrip(struct unit_test_state *uts, struct udevice *bdev,
		     lbaint_t start, lbaint_t blocks, u32 seed, u8 *wbuf,
		     u8 *rbuf, size_t room);

#endif
