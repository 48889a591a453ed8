// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the driver model core: bind, probe, remove and unbind, the
 * hooks and their order, automatic data, sequence numbers, look-ups and
 * iteration. The test devices hang under the live root device and are
 * destroyed by dm_test_reset() at the start and end of each test.
 */

#include <common.h>
#include <dm.h>
#include <dm/device-internal.h>
#include <dm/lists.h>
#include <dm/root.h>
#include <dm/uclass-internal.h>
#include <test/ut.h>
#include "dm-test.h"

#define log_is(expect) ut_asserteq_str(expect, dm_test_state.log)

/* Bind a test_drv device under @parent, with its plat_auto */
static int bind_test(struct udevice *parent, const char *name,
		     struct udevice **devp)
{
	return device_bind_driver(parent, DM_TEST_DRV, name, devp);
}

static int bind_bus(const char *name, struct udevice **devp)
{
	return device_bind_driver(dm_root(), DM_TEST_BUS_DRV, name, devp);
}

static int dm_test_root(struct unit_test_state *uts)
{
	struct udevice *root = dm_root();

	ut_assertnonnull(root);
	ut_assert(device_active(root));
	ut_asserteq_str("root_driver", root->name);
	ut_asserteq(UCLASS_ROOT, device_get_uclass_id(root));
	ut_asserteq_str("root", dev_get_uclass_name(root));
	ut_asserteq(0, dev_seq(root));
	ut_assertnull(dev_get_parent(root));
	ut_asserteq(-EINVAL, dm_init(false));

	ut_asserteq_str("root", uclass_get_name(UCLASS_ROOT));
	ut_asserteq(UCLASS_TEST, uclass_get_by_name("test"));
	ut_asserteq(UCLASS_TEST_BUS, uclass_get_by_name("testbus"));
	ut_asserteq(UCLASS_INVALID, uclass_get_by_name("tes"));
	ut_assertnonnull(lists_driver_lookup_name(DM_TEST_DRV));
	ut_assertnull(lists_driver_lookup_name("no such driver"));

	return 0;
}
UNIT_TEST(dm_test_root, 0, dm);

static int dm_test_uclass_missing(struct unit_test_state *uts)
{
	struct udevice *dev;
	struct uclass *uc;

	/* No UCLASS_DRIVER() declares UCLASS_DEMO */
	ut_asserteq(-EPFNOSUPPORT, uclass_get(UCLASS_DEMO, &uc));
	ut_assertnull(uc);
	ut_assertnull(uclass_get_name(UCLASS_DEMO));
	ut_asserteq(0, uclass_id_count(UCLASS_DEMO));
	uclass_first_device(UCLASS_DEMO, &dev);
	ut_assertnull(dev);
	ut_asserteq(-EPFNOSUPPORT, uclass_first_device_err(UCLASS_DEMO, &dev));
	ut_asserteq(-ENOENT, device_bind_driver(dm_root(), "no such driver",
						"x", &dev));
	ut_assertnull(dev);

	return 0;
}
UNIT_TEST(dm_test_uclass_missing, 0, dm);

static int dm_test_bind_hooks(struct unit_test_state *uts)
{
	struct udevice *bus, *dev;

	ut_assertok(dm_test_reset());
	ut_assertok(bind_bus("b", &bus));
	log_is("b.bind ");
	ut_assert(!device_active(bus));
	ut_asserteq_64((uintptr_t)dm_root(), (uintptr_t)dev_get_parent(bus));

	dm_test_log_clear();
	ut_assertok(bind_test(bus, "c", &dev));
	/* parent uclass, driver, parent driver, uclass: U-Boot's order */
	log_is("c.busuc_child_post_bind c.bind c.bus_child_post_bind "
	       "c.uc_post_bind ");
	ut_asserteq(1, dm_test_state.uc_init);
	ut_assert(dev_get_flags(dev) & DM_FLAG_BOUND);
	ut_assert(!device_active(dev));
	ut_asserteq_64((uintptr_t)bus, (uintptr_t)dev_get_parent(dev));
	ut_asserteq(1, device_get_child_count(bus));

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_bind_hooks, 0, dm);

static int dm_test_probe_order(struct unit_test_state *uts)
{
	struct udevice *bus, *dev;

	ut_assertok(dm_test_reset());
	ut_assertok(bind_bus("b", &bus));
	ut_assertok(bind_test(bus, "c", &dev));

	dm_test_log_clear();
	ut_assertok(device_probe(dev));
	/* The parent first, then the child's hooks around its probe */
	log_is("b.probe c.uc_pre_probe c.busuc_child_pre_probe "
	       "c.bus_child_pre_probe c.probe c.busuc_child_post_probe "
	       "c.uc_post_probe ");
	ut_assert(device_active(bus));
	ut_assert(device_active(dev));

	/* Probing an active device does nothing */
	dm_test_log_clear();
	ut_assertok(device_probe(dev));
	ut_assertok(device_probe(bus));
	log_is("");

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_probe_order, 0, dm);

static int dm_test_auto_alloc(struct unit_test_state *uts)
{
	static struct dm_test_plat given_plat;
	struct udevice *bus, *dev, *dev2;
	u8 zero[DM_TEST_CHILD_PLAT_SIZE] = { 0 };

	ut_assertok(dm_test_reset());
	ut_assertok(bind_bus("b", &bus));
	ut_assertok(bind_test(bus, "c", &dev));

	/* Platform data exists from bind, zeroed; private data from probe */
	ut_assertnonnull(dev_get_plat(dev));
	ut_assertnonnull(dev_get_uclass_plat(dev));
	ut_assertnonnull(dev_get_parent_plat(dev));
	ut_asserteq_mem(zero, dev_get_plat(dev), DM_TEST_PLAT_SIZE);
	ut_asserteq_mem(zero, dev_get_uclass_plat(dev), DM_TEST_UC_PLAT_SIZE);
	ut_asserteq_mem(zero, dev_get_parent_plat(dev),
			DM_TEST_CHILD_PLAT_SIZE);
	ut_assert(dev_get_flags(dev) & DM_FLAG_ALLOC_PDATA);
	ut_assertnull(dev_get_priv(dev));
	ut_assertnull(dev_get_uclass_priv(dev));
	ut_assertnull(dev_get_parent_priv(dev));
	/* The bus has a driver without sizes: nothing allocated for it */
	ut_assertnull(dev_get_plat(bus));
	ut_assertnull(dev_get_priv(bus));

	dm_test_log_clear();
	ut_assertok(device_probe(dev));
	ut_assert(dm_test_state.priv_was_zero);
	ut_assertnonnull(dev_get_priv(dev));
	ut_assertnonnull(dev_get_uclass_priv(dev));
	ut_assertnonnull(dev_get_parent_priv(dev));
	log_is("b.probe c.uc_pre_probe c.busuc_child_pre_probe "
	       "c.bus_child_pre_probe c.probe c.busuc_child_post_probe "
	       "c.uc_post_probe ");

	/* Remove frees the private data; probe again gets it zeroed */
	ut_assertok(device_remove(dev, DM_REMOVE_NORMAL));
	ut_assertnull(dev_get_priv(dev));
	ut_assertnull(dev_get_uclass_priv(dev));
	ut_assertnull(dev_get_parent_priv(dev));
	ut_assertnonnull(dev_get_plat(dev));
	dm_test_log_clear();
	ut_assertok(device_probe(dev));
	ut_assert(dm_test_state.priv_was_zero);
	ut_asserteq_str("c.uc_pre_probe c.busuc_child_pre_probe "
			"c.bus_child_pre_probe c.probe "
			"c.busuc_child_post_probe c.uc_post_probe ",
			dm_test_state.log);

	/* Platform data given at bind is used, not allocated nor freed */
	ut_assertok(device_bind(dm_root(), DM_DRIVER_GET(dm_test_drv), "p",
				&given_plat, ofnode_null(), &dev2));
	ut_asserteq_64((uintptr_t)&given_plat, (uintptr_t)dev_get_plat(dev2));
	ut_assert(!(dev_get_flags(dev2) & DM_FLAG_ALLOC_PDATA));
	/* Its parent is the root, which keeps no data for its children */
	ut_assertnull(dev_get_parent_plat(dev2));

	/* DM_FLAG_ALLOC_PRIV_DMA aligns the private data */
	ut_assertok(device_bind_driver(dm_root(), DM_TEST_DMA_DRV, "d", &dev2));
	ut_assertok(device_probe(dev2));
	ut_asserteq(0, (uintptr_t)dev_get_priv(dev2) & 63);
	ut_assert(dm_test_state.priv_was_zero);

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_auto_alloc, 0, dm);

static int dm_test_probe_fail(struct unit_test_state *uts)
{
	struct udevice *bus, *dev;
	struct dm_test_plat *plat;

	ut_assertok(dm_test_reset());
	ut_assertok(bind_bus("b", &bus));
	ut_assertok(bind_test(bus, "c", &dev));
	plat = dev_get_plat(dev);

	/* The driver's probe fails: no post-probe hook, data freed */
	plat->probe_err = -EIO;
	dm_test_log_clear();
	ut_asserteq(-EIO, device_probe(dev));
	log_is("b.probe c.uc_pre_probe c.busuc_child_pre_probe "
	       "c.bus_child_pre_probe c.probe ");
	ut_assert(!device_active(dev));
	ut_assert(!(dev_get_flags(dev) & DM_FLAG_PLATDATA_VALID));
	ut_assertnull(dev_get_priv(dev));
	ut_assertnull(dev_get_uclass_priv(dev));
	ut_assertnull(dev_get_parent_priv(dev));
	/* Still bound, parent still active, platform data kept */
	ut_asserteq(1, device_get_child_count(bus));
	ut_assert(device_active(bus));
	ut_asserteq_64((uintptr_t)plat, (uintptr_t)dev_get_plat(dev));

	/* The uclass's post_probe fails: the driver's probe is undone */
	plat->probe_err = 0;
	plat->post_probe_err = -EPROTO;
	dm_test_log_clear();
	ut_asserteq(-EPROTO, device_probe(dev));
	log_is("c.uc_pre_probe c.busuc_child_pre_probe c.bus_child_pre_probe "
	       "c.probe c.busuc_child_post_probe c.uc_post_probe "
	       "c.uc_pre_remove c.remove c.bus_child_post_remove ");
	ut_assert(!device_active(dev));
	ut_assertnull(dev_get_priv(dev));

	/* Once the cause is gone, the device probes */
	plat->post_probe_err = 0;
	ut_assertok(device_probe(dev));
	ut_assert(device_active(dev));
	ut_assert(dm_test_state.priv_was_zero);

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_probe_fail, 0, dm);

static int dm_test_bind_fail(struct unit_test_state *uts)
{
	static struct dm_test_plat plat = { .bind_err = -EBADMSG };
	struct udevice *bus, *dev;

	ut_assertok(dm_test_reset());
	ut_assertok(bind_bus("b", &bus));
	dm_test_log_clear();
	ut_asserteq(-EBADMSG, device_bind(bus, DM_DRIVER_GET(dm_test_drv),
					  "c", &plat, ofnode_null(), &dev));
	ut_assertnull(dev);
	log_is("c.busuc_child_post_bind c.bind ");
	/* Nothing of it is left: not a child, not in the uclass */
	ut_asserteq(0, device_get_child_count(bus));
	ut_asserteq(0, uclass_id_count(UCLASS_TEST));

	ut_asserteq(-EINVAL, device_bind(bus, NULL, "x", NULL, ofnode_null(),
					 &dev));
	ut_asserteq(-EINVAL, device_bind(bus, DM_DRIVER_GET(dm_test_drv),
					 NULL, NULL, ofnode_null(), &dev));
	/* Only the root device has no parent */
	ut_asserteq(-EINVAL, device_bind(NULL, DM_DRIVER_GET(dm_test_drv),
					 "x", NULL, ofnode_null(), &dev));

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_bind_fail, 0, dm);

static int dm_test_remove(struct unit_test_state *uts)
{
	struct udevice *bus, *c1, *c2, *c3;
	struct dm_test_plat *plat;

	ut_assertok(dm_test_reset());
	ut_assertok(bind_bus("b", &bus));
	ut_assertok(bind_test(bus, "c1", &c1));
	ut_assertok(bind_test(bus, "c2", &c2));
	ut_assertok(bind_test(bus, "c3", &c3));
	ut_assertok(device_probe(c1));
	ut_assertok(device_probe(c3));

	/* Children first, in order; inactive ones (c2) have nothing to do */
	dm_test_log_clear();
	ut_assertok(device_remove(bus, DM_REMOVE_NORMAL));
	log_is("c1.uc_pre_remove c1.remove c1.bus_child_post_remove "
	       "c3.uc_pre_remove c3.remove c3.bus_child_post_remove "
	       "b.remove ");
	ut_assert(!device_active(bus));
	ut_assert(!device_active(c1));
	ut_assert(!device_active(c3));
	ut_assertnull(dev_get_parent_priv(c1));
	/* Removing an inactive device does nothing */
	dm_test_log_clear();
	ut_assertok(device_remove(bus, DM_REMOVE_NORMAL));
	log_is("");

	/* A child that fails to remove keeps the parent up */
	ut_assertok(device_probe(c2));
	plat = dev_get_plat(c2);
	plat->remove_err = -EBUSY;
	ut_asserteq(-EBUSY, device_remove(bus, DM_REMOVE_NORMAL));
	ut_assert(device_active(bus));
	plat->remove_err = 0;
	ut_assertok(device_remove(bus, DM_REMOVE_NORMAL));
	ut_assert(!device_active(c2));

	ut_asserteq(-EINVAL, device_remove(NULL, DM_REMOVE_NORMAL));

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_remove, 0, dm);

static int dm_test_remove_flags(struct unit_test_state *uts)
{
	struct udevice *bus, *plain, *dma;

	ut_assertok(dm_test_reset());
	ut_assertok(bind_bus("b", &bus));
	ut_assertok(bind_test(bus, "plain", &plain));
	ut_assertok(device_bind_driver(bus, DM_TEST_DMA_DRV, "dma", &dma));
	ut_assertok(device_probe(plain));
	ut_assertok(device_probe(dma));

	/* Before starting an OS: only the devices doing DMA are stopped */
	ut_assertok(dm_remove_devices_flags(DM_REMOVE_ACTIVE_DMA));
	ut_assert(!device_active(dma));
	ut_assert(device_active(plain));
	ut_assert(device_active(bus));
	ut_asserteq(-EKEYREJECTED, device_remove(plain, DM_REMOVE_ACTIVE_DMA));
	ut_assert(device_active(plain));

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_remove_flags, 0, dm);

static int dm_test_unbind(struct unit_test_state *uts)
{
	struct udevice *bus, *c1, *c2;
	char *name;

	ut_assertok(dm_test_reset());
	ut_assertok(bind_bus("b", &bus));
	ut_assertok(bind_test(bus, "c1", &c1));
	ut_assertok(bind_test(bus, "c2", &c2));
	ut_assertok(device_probe(c1));

	/* An active device cannot be unbound */
	ut_asserteq(-EINVAL, device_unbind(c1));
	ut_asserteq(-EINVAL, device_unbind(bus));
	ut_asserteq(-EINVAL, device_unbind(NULL));

	/* Names set by device_set_name() are copies, freed at unbind */
	ut_assertok(device_set_name(c2, "renamed"));
	ut_asserteq_str("renamed", c2->name);
	ut_assert(dev_get_flags(c2) & DM_FLAG_NAME_ALLOCED);
	ut_assertok(device_set_name(c2, "c2"));
	name = strdup("c1");
	ut_assertnonnull(name);
	c1->name = name;
	device_set_name_alloc(c1);

	ut_assertok(device_remove(bus, DM_REMOVE_NORMAL));
	dm_test_log_clear();
	ut_assertok(device_unbind(c2));
	log_is("c2.unbind c2.uc_pre_unbind ");
	ut_asserteq(1, device_get_child_count(bus));
	ut_asserteq(1, uclass_id_count(UCLASS_TEST));

	/* Unbinding the bus unbinds its children first */
	dm_test_log_clear();
	ut_assertok(device_unbind(bus));
	log_is("c1.unbind c1.uc_pre_unbind b.unbind ");
	ut_asserteq(0, uclass_id_count(UCLASS_TEST));
	ut_asserteq(0, uclass_id_count(UCLASS_TEST_BUS));

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_unbind, 0, dm);

static int dm_test_seq(struct unit_test_state *uts)
{
	struct udevice *bus, *d0, *d1, *d2, *d3, *dev;

	ut_assertok(dm_test_reset());
	ut_assertok(bind_bus("b", &bus));
	ut_assertok(bind_test(bus, "d0", &d0));
	ut_assertok(bind_test(bus, "d1", &d1));
	ut_assertok(bind_test(bus, "d2", &d2));
	/* Numbered at bind, per uclass, from 0 */
	ut_asserteq(0, dev_seq(bus));
	ut_asserteq(0, dev_seq(d0));
	ut_asserteq(1, dev_seq(d1));
	ut_asserteq(2, dev_seq(d2));

	/* A gap is not filled: the next number is one above the highest */
	ut_assertok(device_unbind(d1));
	ut_assertok(bind_test(bus, "d3", &d3));
	ut_asserteq(3, dev_seq(d3));
	ut_assertok(device_unbind(d3));
	ut_assertok(bind_test(bus, "d3", &d3));
	ut_asserteq(3, dev_seq(d3));

	ut_asserteq(-ENODEV, uclass_find_device_by_seq(UCLASS_TEST, 1, &dev));
	ut_assertnull(dev);
	ut_assertok(uclass_find_device_by_seq(UCLASS_TEST, 3, &dev));
	ut_asserteq_64((uintptr_t)d3, (uintptr_t)dev);
	ut_assert(!device_active(d3));
	ut_assertok(uclass_get_device_by_seq(UCLASS_TEST, 2, &dev));
	ut_asserteq_64((uintptr_t)d2, (uintptr_t)dev);
	ut_assert(device_active(d2));
	ut_asserteq(-ENODEV, uclass_get_device_by_seq(UCLASS_TEST, -1, &dev));

	ut_assertok(device_find_child_by_seq(bus, 3, &dev));
	ut_asserteq_64((uintptr_t)d3, (uintptr_t)dev);
	ut_asserteq(-ENODEV, device_get_child_by_seq(bus, 1, &dev));
	ut_assertok(device_get_child_by_seq(bus, 0, &dev));
	ut_assert(device_active(d0));

	/* Destroying the uclass starts the numbering afresh */
	ut_assertok(dm_test_reset());
	ut_assertok(bind_bus("b", &bus));
	ut_assertok(bind_test(bus, "d0", &d0));
	ut_asserteq(0, dev_seq(d0));

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_seq, 0, dm);

static int dm_test_uclass_iter(struct unit_test_state *uts)
{
	struct udevice *bus, *d0, *d1, *d2, *dev;
	struct dm_test_plat *plat;
	struct uclass *uc;
	int count, ret;

	ut_assertok(dm_test_reset());
	uclass_first_device(UCLASS_TEST, &dev);
	ut_assertnull(dev);
	ut_asserteq(-ENODEV, uclass_first_device_err(UCLASS_TEST, &dev));
	ut_assertok(uclass_probe_all(UCLASS_TEST));

	ut_assertok(bind_bus("b", &bus));
	ut_assertok(bind_test(bus, "d0", &d0));
	ut_assertok(bind_test(bus, "d1", &d1));
	ut_assertok(bind_test(bus, "d2", &d2));
	ut_asserteq(3, uclass_id_count(UCLASS_TEST));

	/* The simple iterators skip a device that fails to probe */
	plat = dev_get_plat(d0);
	plat->probe_err = -EIO;
	uclass_first_device(UCLASS_TEST, &dev);
	ut_asserteq_64((uintptr_t)d1, (uintptr_t)dev);
	uclass_next_device(&dev);
	ut_asserteq_64((uintptr_t)d2, (uintptr_t)dev);
	uclass_next_device(&dev);
	ut_assertnull(dev);
	count = 0;
	uclass_foreach_dev_probe(UCLASS_TEST, dev)
		count++;
	ut_asserteq(2, count);

	/* The _err ones report it, and still point at the device */
	ut_asserteq(-EIO, uclass_first_device_err(UCLASS_TEST, &dev));
	ut_asserteq_64((uintptr_t)d0, (uintptr_t)dev);
	ut_assertok(uclass_next_device_err(&dev));
	ut_asserteq_64((uintptr_t)d1, (uintptr_t)dev);
	ut_assertok(uclass_next_device_err(&dev));
	ut_asserteq(-ENODEV, uclass_next_device_err(&dev));
	ut_assertnull(dev);

	/* The _check ones visit every device with its probe result */
	count = 0;
	for (ret = uclass_first_device_check(UCLASS_TEST, &dev); dev;
	     ret = uclass_next_device_check(&dev)) {
		ut_asserteq(dev == d0 ? -EIO : 0, ret);
		count++;
	}
	ut_asserteq(3, count);
	ut_asserteq(-EIO, uclass_probe_all(UCLASS_TEST));

	/* Look-ups by index and name */
	ut_asserteq(-EIO, uclass_get_device(UCLASS_TEST, 0, &dev));
	ut_assertnull(dev);
	ut_assertok(uclass_get_device(UCLASS_TEST, 2, &dev));
	ut_asserteq_64((uintptr_t)d2, (uintptr_t)dev);
	ut_asserteq(-ENODEV, uclass_get_device(UCLASS_TEST, 3, &dev));
	ut_assertok(uclass_get_device_by_name(UCLASS_TEST, "d1", &dev));
	ut_asserteq_64((uintptr_t)d1, (uintptr_t)dev);
	ut_asserteq(-ENODEV, uclass_get_device_by_name(UCLASS_TEST, "d", &dev));
	ut_assertok(uclass_find_device_by_name(UCLASS_TEST, "d0", &dev));
	ut_asserteq_64((uintptr_t)d0, (uintptr_t)dev);
	ut_assertok(uclass_get_device_by_driver(UCLASS_TEST_BUS,
						DM_DRIVER_GET(dm_test_bus),
						&dev));
	ut_asserteq_64((uintptr_t)bus, (uintptr_t)dev);
	ut_asserteq(1, dev_get_uclass_index(d1, &uc));
	ut_asserteq_64((uintptr_t)uclass_find(UCLASS_TEST), (uintptr_t)uc);

	/* uclass_id_foreach_dev() walks in bind order, without probing */
	plat->probe_err = 0;
	ut_assertok(device_remove(d1, DM_REMOVE_NORMAL));
	count = 0;
	uclass_id_foreach_dev(UCLASS_TEST, dev, uc) {
		ut_asserteq(count, dev_seq(dev));
		count++;
	}
	ut_asserteq(3, count);
	ut_assert(!device_active(d1));

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_uclass_iter, 0, dm);

static int dm_test_children(struct unit_test_state *uts)
{
	struct udevice *bus, *c0, *c1, *other, *dev;
	int count;

	ut_assertok(dm_test_reset());
	ut_assertok(bind_bus("b", &bus));
	ut_assertok(device_find_first_child(bus, &dev));
	ut_assertnull(dev);
	ut_assert(!device_has_children(bus));
	ut_asserteq(-ENODEV, device_get_child(bus, 0, &dev));

	ut_assertok(bind_test(bus, "c0", &c0));
	ut_assertok(bind_test(bus, "c1", &c1));
	ut_assertok(device_bind_driver(bus, DM_TEST_BUS_DRV, "sub", &other));
	ut_asserteq(3, device_get_child_count(bus));
	ut_asserteq(4, device_get_decendent_count(bus));
	ut_assert(device_has_children(bus));
	ut_assert(!device_has_active_children(bus));

	ut_assertok(device_find_first_child(bus, &dev));
	ut_asserteq_64((uintptr_t)c0, (uintptr_t)dev);
	ut_assertok(device_find_next_child(&dev));
	ut_asserteq_64((uintptr_t)c1, (uintptr_t)dev);
	ut_assert(!device_is_last_sibling(dev));
	ut_assertok(device_find_next_child(&dev));
	ut_asserteq_64((uintptr_t)other, (uintptr_t)dev);
	ut_assert(device_is_last_sibling(dev));
	ut_assertok(device_find_next_child(&dev));
	ut_assertnull(dev);

	ut_assertok(device_find_first_child_by_uclass(bus, UCLASS_TEST_BUS,
						      &dev));
	ut_asserteq_64((uintptr_t)other, (uintptr_t)dev);
	ut_asserteq(-ENODEV, device_find_first_child_by_uclass(bus, UCLASS_ROOT,
							       &dev));
	ut_assertok(device_find_child_by_name(bus, "c1", &dev));
	ut_asserteq_64((uintptr_t)c1, (uintptr_t)dev);
	ut_asserteq(-ENODEV, device_find_child_by_name(bus, "c", &dev));
	ut_assertok(device_find_child_by_namelen(bus, "c1xyz", 2, &dev));
	ut_asserteq_64((uintptr_t)c1, (uintptr_t)dev);

	ut_assertok(device_get_child(bus, 1, &dev));
	ut_asserteq_64((uintptr_t)c1, (uintptr_t)dev);
	ut_assert(device_active(c1));
	ut_assert(device_has_active_children(bus));
	ut_assertok(device_find_first_inactive_child(bus, UCLASS_TEST, &dev));
	ut_asserteq_64((uintptr_t)c0, (uintptr_t)dev);

	count = 0;
	device_foreach_child(dev, bus)
		count++;
	ut_asserteq(3, count);
	count = 0;
	device_foreach_child_probe(dev, bus)
		count++;
	ut_asserteq(3, count);
	ut_assert(device_active(other));

	/* Moving a device; a device cannot go under its own descendant */
	ut_assertok(device_reparent(c0, other));
	ut_asserteq_64((uintptr_t)other, (uintptr_t)dev_get_parent(c0));
	ut_asserteq(2, device_get_child_count(bus));
	ut_asserteq(-EINVAL, device_reparent(bus, other));

	/* Removing and unbinding the children of one driver only */
	ut_assertok(device_chld_remove(bus, DM_DRIVER_GET(dm_test_drv),
				       DM_REMOVE_NORMAL));
	ut_assert(!device_active(c1));
	ut_assert(device_active(other));
	ut_assertok(device_chld_unbind(bus, DM_DRIVER_GET(dm_test_drv)));
	ut_asserteq(1, device_get_child_count(bus));

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_children, 0, dm);

static int dm_test_uclass_life(struct unit_test_state *uts)
{
	struct udevice *dev;
	struct uclass *uc;

	ut_assertok(dm_test_reset());
	ut_assertnull(uclass_find(UCLASS_TEST));
	ut_assertok(uclass_get(UCLASS_TEST, &uc));
	ut_asserteq(1, dm_test_state.uc_init);
	ut_assertok(uclass_get(UCLASS_TEST, &uc));
	ut_asserteq(1, dm_test_state.uc_init);
	ut_asserteq_str("test", uc->uc_drv->name);

	ut_assertok(bind_test(dm_root(), "t", &dev));
	ut_assertok(device_probe(dev));
	dm_test_log_clear();
	/* Destroying a uclass takes its devices down with it */
	ut_assertok(uclass_destroy(uc));
	log_is("t.uc_pre_remove t.remove t.unbind t.uc_pre_unbind ");
	ut_asserteq(1, dm_test_state.uc_destroy);
	ut_assertnull(uclass_find(UCLASS_TEST));

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_uclass_life, 0, dm);

static int dm_test_driver_data(struct unit_test_state *uts)
{
	struct udevice *dev;

	ut_assertok(dm_test_reset());
	ut_assertok(device_bind_with_driver_data(dm_root(),
						 DM_DRIVER_GET(dm_test_drv),
						 "dd", 0x1234, ofnode_null(),
						 &dev));
	ut_asserteq(0x1234, dev_get_driver_data(dev));
	ut_assertnonnull(dev_get_plat(dev));
	ut_assertnull(dev_get_driver_ops(dev));
	ut_assert(!dev_has_ofnode(dev));
	ut_assertok(uclass_first_device_drvdata(UCLASS_TEST, 0x1234, &dev));
	ut_assert(device_active(dev));
	ut_asserteq(-ENODEV, uclass_first_device_drvdata(UCLASS_TEST, 1, &dev));

	ut_assert(!ofnode_valid(ofnode_null()));
	ut_assert(ofnode_valid(offset_to_ofnode(0)));
	ut_asserteq(-1, ofnode_to_offset(offset_to_ofnode(-5)));

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_driver_data, 0, dm);

static int dm_test_ofnode(struct unit_test_state *uts)
{
	struct udevice *bus, *dev, *found;
	struct dm_test_plat *plat;

	ut_assertok(dm_test_reset());
	ut_assertok(bind_bus("b", &bus));
	ut_assertok(device_bind_driver_to_node(bus, DM_TEST_DRV, "n",
					       offset_to_ofnode(0x40), &dev));
	ut_assert(dev_has_ofnode(dev));
	ut_asserteq(0x40, dev_of_offset(dev));
	ut_assertok(uclass_find_device_by_ofnode(UCLASS_TEST,
						 offset_to_ofnode(0x40),
						 &found));
	ut_asserteq_64((uintptr_t)dev, (uintptr_t)found);
	ut_asserteq(-ENODEV, uclass_find_device_by_ofnode(UCLASS_TEST,
							  ofnode_null(),
							  &found));

	/* of_to_plat fails: nothing else runs, not even the parent's probe */
	plat = dev_get_plat(dev);
	plat->of_to_plat_err = -EINVAL;
	dm_test_log_clear();
	ut_asserteq(-EINVAL, device_probe(dev));
	log_is("n.of_to_plat ");
	ut_assertnull(dev_get_priv(dev));
	ut_assert(!device_active(bus));

	/* A device with a node has it read before its parent probes */
	plat->of_to_plat_err = 0;
	dm_test_log_clear();
	ut_assertok(uclass_get_device_by_ofnode(UCLASS_TEST,
						offset_to_ofnode(0x40), &found));
	log_is("n.of_to_plat b.probe n.uc_pre_probe n.busuc_child_pre_probe "
	       "n.bus_child_pre_probe n.probe n.busuc_child_post_probe "
	       "n.uc_post_probe ");
	ut_assert(dev_get_flags(dev) & DM_FLAG_PLATDATA_VALID);

	/* Removal clears it: the node is read again at the next probe */
	ut_assertok(device_remove(dev, DM_REMOVE_NORMAL));
	ut_assert(!(dev_get_flags(dev) & DM_FLAG_PLATDATA_VALID));
	dm_test_log_clear();
	ut_assertok(device_probe(dev));
	ut_asserteq(0, strncmp(dm_test_state.log, "n.of_to_plat ", 13));

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_ofnode, 0, dm);

static int dm_test_bind_compatible(struct unit_test_state *uts)
{
	static const char compat[] = "vendor,unknown\0virtboot,test-b";
	static const char runaway[] = { 'v', 'i', 'r', 't' };
	const struct udevice_id *id;
	struct udevice *dev;

	ut_assertok(dm_test_reset());
	ut_asserteq_64((uintptr_t)DM_DRIVER_GET(dm_test_drv),
		       (uintptr_t)lists_driver_lookup_compat("virtboot,test-a",
							     &id));
	ut_asserteq(0xa, id->data);
	ut_assertnull(lists_driver_lookup_compat("virtboot,test", &id));

	/* The first string nobody knows, the second matches */
	ut_assertok(lists_bind_compatible(dm_root(), compat, sizeof(compat),
					  "cb", offset_to_ofnode(8), &dev));
	ut_asserteq(0xb, dev_get_driver_data(dev));
	ut_asserteq(8, dev_of_offset(dev));
	ut_asserteq_64((uintptr_t)DM_DRIVER_GET(dm_test_drv),
		       (uintptr_t)dev->driver);

	/* Nothing matches; a string without its NUL is not read past len */
	ut_asserteq(-ENOENT, lists_bind_compatible(dm_root(), compat, 15,
						   "x", ofnode_null(), &dev));
	ut_assertnull(dev);
	ut_asserteq(-ENOENT, lists_bind_compatible(dm_root(), runaway,
						   sizeof(runaway), "x",
						   ofnode_null(), &dev));
	ut_asserteq(-ENOENT, lists_bind_compatible(dm_root(), compat, 0, "x",
						   ofnode_null(), &dev));
	ut_asserteq(1, uclass_id_count(UCLASS_TEST));

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_bind_compatible, 0, dm);

/* A bus binds a child it found: a copy of the name, its parent data */
static int dm_test_bind_bus_child(struct unit_test_state *uts)
{
	struct udevice *bus, *dev;
	char name[8] = "found";
	u8 plat[16];

	ut_assertok(dm_test_reset());
	ut_assertok(device_bind_driver(dm_root(), DM_TEST_BUS_DRV, "bus", &bus));
	memset(plat, 0xa5, sizeof(plat));
	ut_assertok(device_bind_bus_child(bus, DM_TEST_DRV, name, plat,
					  sizeof(plat), &dev));
	name[0] = 'X';
	ut_asserteq_str("found", dev->name);
	ut_asserteq_ptr(bus, dev_get_parent(dev));
	ut_assertok(memcmp(dev_get_parent_plat(dev), plat, sizeof(plat)));
	/* no such driver: nothing bound */
	ut_asserteq(-ENOENT, device_bind_bus_child(bus, "no_such_drv", "x",
						   plat, sizeof(plat), NULL));
	/* a parent that keeps nothing for its children */
	ut_asserteq(-EINVAL, device_bind_bus_child(dev, DM_TEST_DRV, "y", plat,
						   sizeof(plat), NULL));
	ut_assert(!device_has_children(dev));
	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_bind_bus_child, 0, dm);
