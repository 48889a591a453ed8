// SPDX-License-Identifier: GPL-2.0-or-later
/* Helpers the sandbox virtio device tests share (vsb_ut.h) */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <virtio_sandbox.h>
#include <dm/device-internal.h>
#include <test/ut.h>
#include "vsb_ut.h"

int vsb_ut_add(const char *model, const char *const specs[], int count,
	       const char *name, const char *fault, struct udevice **udevp,
	       struct udevice **childp)
{
	struct udevice *udev, *child;
	int ret;

	ret = sandbox_virtio_add(model, specs, count, name, &udev);
	if (ret)
		return ret;
	*udevp = udev;
	if (fault) {
		ret = sandbox_virtio_arm_fault(udev, fault);
		if (ret)
			return ret;
	}
	ret = device_probe(udev);
	if (ret)
		return ret;
	device_find_first_child(udev, &child);
	if (!child)
		return -ENODEV;
	*childp = child;

	return device_probe(child);
}

int vsb_ut_remove(struct unit_test_state *uts, struct udevice *udev)
{
	ut_assertok(device_remove(udev, DM_REMOVE_NORMAL));
	ut_assertok(device_unbind(udev));

	return 0;
}

void vsb_ut_pattern(u8 *buf, size_t len, u32 seed)
{
	size_t i;

	for (i = 0; i < len; i++) {
		seed = seed * 1103515245 + 12345;
		buf[i] = seed >> 16;
	}
}

int vsb_ut_roundtrip(struct unit_test_state *uts, struct udevice *bdev,
		     lbaint_t start, lbaint_t blocks, u32 seed, u8 *wbuf,
		     u8 *rbuf, size_t room)
{
	struct blk_desc *desc = dev_get_uclass_plat(bdev);
	size_t len = blocks * desc->blksz;

	ut_assert(len <= room);
	vsb_ut_pattern(wbuf, len, seed);
	memset(rbuf, 0, len);
	ut_asserteq(blocks, blk_write(bdev, start, blocks, wbuf));
	ut_asserteq(blocks, blk_read(bdev, start, blocks, rbuf));
	ut_asserteq_mem(wbuf, rbuf, len);

	return 0;
}
