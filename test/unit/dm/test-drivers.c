// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Test drivers and uclasses: a bus (UCLASS_TEST_BUS) and leaf devices
 * (UCLASS_TEST) whose hooks log their calls; see dm-test.h.
 */

#include <common.h>
#include <dm.h>
#include <dm/device-internal.h>
#include <dm/uclass-internal.h>
#include "dm-test.h"

struct dm_test_state dm_test_state;

static void dm_test_log(struct udevice *dev, const char *hook)
{
	size_t len = strlen(dm_test_state.log);

	snprintf(dm_test_state.log + len, sizeof(dm_test_state.log) - len,
		 "%s.%s ", dev->name, hook);
}

void dm_test_log_clear(void)
{
	dm_test_state.log[0] = '\0';
}

static bool all_zero(const void *buf, int size)
{
	const u8 *p = buf;

	if (!buf)
		return false;
	while (size--) {
		if (*p++)
			return false;
	}

	return true;
}

/* --- UCLASS_TEST -------------------------------------------------------- */

static int test_uc_init(struct uclass *uc)
{
	dm_test_state.uc_init++;

	return 0;
}

static int test_uc_destroy(struct uclass *uc)
{
	dm_test_state.uc_destroy++;

	return 0;
}

static int test_uc_post_bind(struct udevice *dev)
{
	dm_test_log(dev, "uc_post_bind");

	return 0;
}

static int test_uc_pre_unbind(struct udevice *dev)
{
	dm_test_log(dev, "uc_pre_unbind");

	return 0;
}

static int test_uc_pre_probe(struct udevice *dev)
{
	dm_test_log(dev, "uc_pre_probe");

	return 0;
}

static int test_uc_post_probe(struct udevice *dev)
{
	struct dm_test_plat *plat = dev_get_plat(dev);

	dm_test_log(dev, "uc_post_probe");

	return plat ? plat->post_probe_err : 0;
}

static int test_uc_pre_remove(struct udevice *dev)
{
	dm_test_log(dev, "uc_pre_remove");

	return 0;
}

UCLASS_DRIVER(test) = {
	.name			= "test",
	.id			= UCLASS_TEST,
	.init			= test_uc_init,
	.destroy		= test_uc_destroy,
	.post_bind		= test_uc_post_bind,
	.pre_unbind		= test_uc_pre_unbind,
	.pre_probe		= test_uc_pre_probe,
	.post_probe		= test_uc_post_probe,
	.pre_remove		= test_uc_pre_remove,
	.per_device_auto	= DM_TEST_UC_PRIV_SIZE,
	.per_device_plat_auto	= DM_TEST_UC_PLAT_SIZE,
};

static int test_drv_bind(struct udevice *dev)
{
	struct dm_test_plat *plat = dev_get_plat(dev);

	dm_test_log(dev, "bind");

	return plat ? plat->bind_err : 0;
}

static int test_drv_unbind(struct udevice *dev)
{
	dm_test_log(dev, "unbind");

	return 0;
}

static int test_drv_of_to_plat(struct udevice *dev)
{
	struct dm_test_plat *plat = dev_get_plat(dev);

	dm_test_log(dev, "of_to_plat");

	return plat ? plat->of_to_plat_err : 0;
}

static int test_drv_probe(struct udevice *dev)
{
	struct dm_test_plat *plat = dev_get_plat(dev);

	dm_test_log(dev, "probe");
	dm_test_state.priv_was_zero =
		all_zero(dev_get_priv(dev), DM_TEST_PRIV_SIZE) &&
		all_zero(dev_get_uclass_priv(dev), DM_TEST_UC_PRIV_SIZE) &&
		all_zero(dev_get_uclass_plat(dev), DM_TEST_UC_PLAT_SIZE);
	/* Dirty the data: the next allocation must be zeroed again */
	memset(dev_get_priv(dev), 0xa5, DM_TEST_PRIV_SIZE);
	memset(dev_get_uclass_priv(dev), 0xa5, DM_TEST_UC_PRIV_SIZE);

	return plat ? plat->probe_err : 0;
}

static int test_drv_remove(struct udevice *dev)
{
	struct dm_test_plat *plat = dev_get_plat(dev);

	dm_test_log(dev, "remove");

	return plat ? plat->remove_err : 0;
}

static const struct udevice_id dm_test_ids[] = {
	{ .compatible = "virtboot,test-a", .data = 0xa },
	{ .compatible = "virtboot,test-b", .data = 0xb },
	{ }
};

U_BOOT_DRIVER(dm_test_drv) = {
	.name		= DM_TEST_DRV,
	.id		= UCLASS_TEST,
	.of_match	= dm_test_ids,
	.bind		= test_drv_bind,
	.unbind		= test_drv_unbind,
	.of_to_plat	= test_drv_of_to_plat,
	.probe		= test_drv_probe,
	.remove		= test_drv_remove,
	.priv_auto	= DM_TEST_PRIV_SIZE,
	.plat_auto	= sizeof(struct dm_test_plat),
};

U_BOOT_DRIVER(dm_test_dma_drv) = {
	.name		= DM_TEST_DMA_DRV,
	.id		= UCLASS_TEST,
	.probe		= test_drv_probe,
	.remove		= test_drv_remove,
	.priv_auto	= DM_TEST_PRIV_SIZE,
	.flags		= DM_FLAG_ACTIVE_DMA | DM_FLAG_ALLOC_PRIV_DMA,
};

/* --- UCLASS_TEST_BUS ---------------------------------------------------- */

static int testbus_uc_child_post_bind(struct udevice *dev)
{
	dm_test_log(dev, "busuc_child_post_bind");

	return 0;
}

static int testbus_uc_child_pre_probe(struct udevice *dev)
{
	dm_test_log(dev, "busuc_child_pre_probe");

	return 0;
}

static int testbus_uc_child_post_probe(struct udevice *dev)
{
	dm_test_log(dev, "busuc_child_post_probe");

	return 0;
}

UCLASS_DRIVER(testbus) = {
	.name			= "testbus",
	.id			= UCLASS_TEST_BUS,
	.child_post_bind	= testbus_uc_child_post_bind,
	.child_pre_probe	= testbus_uc_child_pre_probe,
	.child_post_probe	= testbus_uc_child_post_probe,
	.per_child_auto		= DM_TEST_CHILD_PRIV_SIZE,
	.per_child_plat_auto	= DM_TEST_CHILD_PLAT_SIZE,
};

static int test_bus_bind(struct udevice *dev)
{
	dm_test_log(dev, "bind");

	return 0;
}

static int test_bus_unbind(struct udevice *dev)
{
	dm_test_log(dev, "unbind");

	return 0;
}

static int test_bus_probe(struct udevice *dev)
{
	dm_test_log(dev, "probe");

	return 0;
}

static int test_bus_remove(struct udevice *dev)
{
	dm_test_log(dev, "remove");

	return 0;
}

static int test_bus_child_post_bind(struct udevice *dev)
{
	dm_test_log(dev, "bus_child_post_bind");

	return 0;
}

static int test_bus_child_pre_probe(struct udevice *dev)
{
	/* The parent data is there, zeroed, before the child's probe */
	dm_test_log(dev, all_zero(dev_get_parent_priv(dev),
				  DM_TEST_CHILD_PRIV_SIZE) ?
			 "bus_child_pre_probe" : "bus_child_pre_probe_dirty");
	memset(dev_get_parent_priv(dev), 0x5a, DM_TEST_CHILD_PRIV_SIZE);

	return 0;
}

static int test_bus_child_post_remove(struct udevice *dev)
{
	dm_test_log(dev, "bus_child_post_remove");

	return 0;
}

U_BOOT_DRIVER(dm_test_bus) = {
	.name			= DM_TEST_BUS_DRV,
	.id			= UCLASS_TEST_BUS,
	.bind			= test_bus_bind,
	.unbind			= test_bus_unbind,
	.probe			= test_bus_probe,
	.remove			= test_bus_remove,
	.child_post_bind	= test_bus_child_post_bind,
	.child_pre_probe	= test_bus_child_pre_probe,
	.child_post_remove	= test_bus_child_post_remove,
};

/* --- clean slate -------------------------------------------------------- */

int dm_test_reset(void)
{
	static const enum uclass_id ids[] = { UCLASS_TEST_BUS, UCLASS_TEST };
	struct udevice *dev;
	struct uclass *uc;
	int i, ret;

	/* A test that failed half-way may have left a device refusing removal */
	uc = uclass_find(UCLASS_TEST);
	if (uc) {
		uclass_foreach_dev(dev, uc) {
			if (dev->driver == DM_DRIVER_GET(dm_test_drv))
				((struct dm_test_plat *)dev_get_plat(dev))->remove_err = 0;
		}
	}

	for (i = 0; i < ARRAY_SIZE(ids); i++) {
		uc = uclass_find(ids[i]);
		if (!uc)
			continue;
		ret = uclass_destroy(uc);
		if (ret)
			return ret;
	}
	memset(&dm_test_state, 0, sizeof(dm_test_state));

	return 0;
}
