// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of binding from a device tree (dm_scan_fdt(),
 * lists_bind_fdt(), simple-bus nesting, dev_read_*()) against scan.dts,
 * and of static declarations (device_bind_by_name()). The tree is made
 * the control tree for the test and the sandbox's own (none) put back.
 */

#include <common.h>
#include <dm.h>
#include <fdt.h>
#include <fdtdec.h>
#include <dm/device-internal.h>
#include <dm/lists.h>
#include <dm/platdata.h>
#include <dm/read.h>
#include <dm/root.h>
#include <dm/uclass-internal.h>
#include <test/ut.h>
#include "dm-test.h"
#include "scan_blob.h"

/* A driver that refuses every node, as virtio-mmio refuses empty slots */
static int test_refuse_bind(struct udevice *dev)
{
	return -ENODEV;
}

static const struct udevice_id test_refuse_ids[] = {
	{ .compatible = "virtboot,test-refuse" },
	{ }
};

U_BOOT_DRIVER(dm_test_refuse) = {
	.name		= "test_refuse",
	.id		= UCLASS_TEST,
	.of_match	= test_refuse_ids,
	.bind		= test_refuse_bind,
};

/* The child of @parent named @name, or NULL */
static struct udevice *child(struct udevice *parent, const char *name)
{
	struct udevice *dev;

	return device_find_child_by_name(parent, name, &dev) ? NULL : dev;
}

/* Unbind what a scan put under the root, then the test devices */
static int scan_cleanup(void)
{
	struct udevice *dev, *next;

	device_foreach_child_safe(dev, next, dm_root()) {
		if (dev_has_ofnode(dev))
			device_unbind(dev);
	}
	gd_set_fdt_blob(NULL);

	return dm_test_reset();
}

static int dm_test_fdt_scan(struct unit_test_state *uts)
{
	struct udevice *a, *both, *bus, *inner, *b, *c;
	const void *saved = gd_fdt_blob();

	ut_assertnull(saved);	/* the sandbox has no tree of its own */
	ut_assertok(fdt_check(dm_scan_blob, sizeof(dm_scan_blob)));
	ut_assertok(dm_test_reset());
	gd_set_fdt_blob(dm_scan_blob);
	ut_assertok(dm_scan_fdt(false));

	/*
	 * Under the root, in tree order: a@100, both@500 (its second
	 * string matched) and the simple-bus; not the disabled node, the
	 * ones without a compatible or a driver, nor the refused one.
	 */
	a = child(dm_root(), "a@100");
	both = child(dm_root(), "both@500");
	bus = child(dm_root(), "bus@10000");
	ut_assertnonnull(a);
	ut_assertnonnull(both);
	ut_assertnonnull(bus);
	ut_assertnull(child(dm_root(), "off@200"));
	ut_assertnull(child(dm_root(), "nocompat@300"));
	ut_assertnull(child(dm_root(), "unknown@400"));
	ut_assertnull(child(dm_root(), "refuse@600"));
	ut_assertnull(child(dm_root(), "plain"));
	ut_asserteq(0xa, dev_get_driver_data(a));
	ut_asserteq(0xb, dev_get_driver_data(both));
	ut_asserteq(UCLASS_SIMPLE_BUS, device_get_uclass_id(bus));
	ut_asserteq(0, dev_seq(a));
	ut_asserteq(1, dev_seq(both));

	/* The simple-bus bound its enabled children, and nested again */
	b = child(bus, "b@10");
	inner = child(bus, "inner");
	ut_assertnonnull(b);
	ut_assertnonnull(inner);
	ut_assertnull(child(bus, "off"));
	ut_asserteq(2, device_get_child_count(bus));
	c = child(inner, "c@20");
	ut_assertnonnull(c);
	/* Only nodes under buses nest: plain/e@0 has no device */
	ut_asserteq(4, uclass_id_count(UCLASS_TEST));

	/* reg, translated through every bus's ranges */
	ut_asserteq(0x100, dev_read_addr(a));
	ut_asserteq(0x10010, dev_read_addr(b));
	ut_asserteq(0x10020, dev_read_addr(c));
	ut_asserteq(FDT_ADDR_T_NONE, dev_read_addr(bus));
	ut_asserteq(FDT_ADDR_T_NONE, dev_read_addr_index(a, 1));
	ut_assertnull(dev_read_prop(a, "no-such-property", NULL));
	ut_assertnonnull(dev_read_prop(bus, "ranges", NULL));

	/* The chosen node by path, the options after ':' left out */
	ut_assert(ofnode_equal(dev_ofnode(a),
			       ofnode_get_chosen_node("stdout-path")));
	ut_assert(!ofnode_valid(ofnode_get_chosen_node("no-such")));
	ut_assertok(uclass_find_device_by_ofnode(UCLASS_TEST, dev_ofnode(c),
						 &b));
	ut_asserteq_str("c@20", b->name);

	ut_assertok(scan_cleanup());
	ut_asserteq(saved == NULL, gd_fdt_blob() == NULL);

	return 0;
}
UNIT_TEST(dm_test_fdt_scan, 0, dm);

static int dm_test_fdt_bind_node(struct unit_test_state *uts)
{
	struct udevice *dev;
	ofnode node;
	int off;

	ut_assertok(dm_test_reset());
	gd_set_fdt_blob(dm_scan_blob);

	/* No compatible, or a driver that refuses: 0 and no device */
	off = fdt_path_offset(dm_scan_blob, "/nocompat@300");
	ut_assertok(lists_bind_fdt(dm_root(), offset_to_ofnode(off), &dev,
				   NULL, false));
	ut_assertnull(dev);
	off = fdt_path_offset(dm_scan_blob, "/refuse@600");
	ut_assertok(lists_bind_fdt(dm_root(), offset_to_ofnode(off), &dev,
				   NULL, false));
	ut_assertnull(dev);
	ut_asserteq(0, uclass_id_count(UCLASS_TEST));

	/* The caller checks the status: lists_bind_fdt() binds anyway */
	off = fdt_path_offset(dm_scan_blob, "/off@200");
	node = offset_to_ofnode(off);
	ut_assert(!ofnode_is_enabled(node));
	ut_assertok(lists_bind_fdt(dm_root(), node, &dev, NULL, false));
	ut_assertnonnull(dev);
	ut_asserteq_str("off@200", dev->name);

	/* A chosen driver and pre-relocation binding are not supported */
	ut_asserteq(-ENOSYS, lists_bind_fdt(dm_root(), node, &dev,
					    DM_DRIVER_GET(dm_test_drv),
					    false));
	ut_asserteq(-ENOSYS, lists_bind_fdt(dm_root(), node, &dev, NULL,
					    true));

	/* A simple-bus without a node (bound by name) scans nothing */
	ut_assertok(device_bind_driver(dm_root(), "simple_bus", "nb", &dev));
	ut_asserteq(0, device_get_child_count(dev));
	ut_assertok(device_unbind(dev));

	/* Without a tree nothing is found and nothing is bound */
	gd_set_fdt_blob(NULL);
	ut_assert(!ofnode_valid(ofnode_root()));
	ut_assertnull(ofnode_get_property(node, "compatible", NULL));
	ut_assertok(dm_scan_fdt(false));
	ut_asserteq(1, uclass_id_count(UCLASS_TEST));

	ut_assertok(scan_cleanup());

	return 0;
}
UNIT_TEST(dm_test_fdt_bind_node, 0, dm);

static int dm_test_drvinfo(struct unit_test_state *uts)
{
	static struct dm_test_plat plat = { .probe_err = -EIO };
	static const struct driver_info info = {
		.name = DM_TEST_DRV, .plat = &plat, .plat_size = sizeof(plat),
	};
	static const struct driver_info nodrv = { .name = "no such driver" };
	struct udevice *dev;

	ut_assertok(dm_test_reset());
	ut_asserteq(-ENOENT, device_bind_by_name(dm_root(), false, &nodrv,
						 &dev));
	ut_assertnull(dev);
	/* test_drv has no DM_FLAG_PRE_RELOC */
	ut_asserteq(-EPERM, device_bind_by_name(dm_root(), true, &info,
						&dev));
	ut_assertnull(dev);

	/* Named after the driver, with the declared plat used in place */
	ut_assertok(device_bind_by_name(dm_root(), false, &info, &dev));
	ut_asserteq_str(DM_TEST_DRV, dev->name);
	ut_asserteq_ptr(&plat, dev_get_plat(dev));
	ut_asserteq(-EIO, device_probe(dev));
	ut_assertok(device_unbind(dev));
	/* The declared plat is not freed with the device */
	ut_asserteq(-EIO, plat.probe_err);

	ut_assertok(dm_test_reset());

	return 0;
}
UNIT_TEST(dm_test_drvinfo, 0, dm);
