// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A bus that only holds children: they need nothing from it, as the
 * "simple-bus" device tree nodes in U-Boot. Bound from the device tree,
 * it binds the devices of its node's children under itself; other buses
 * of this uclass (the s390 channel subsystem and zPCI) find their
 * children themselves.
 */

#include <common.h>
#include <dm.h>

static const struct udevice_id generic_simple_bus_ids[] = {
	{ .compatible = "simple-bus" },
	{ .compatible = "simple-mfd" },
	{ }
};

UCLASS_DRIVER(simple_bus) = {
	.id		= UCLASS_SIMPLE_BUS,
	.name		= "simple_bus",
	.post_bind	= dm_scan_fdt_dev,
};

U_BOOT_DRIVER(simple_bus) = {
	.name		= "simple_bus",
	.id		= UCLASS_SIMPLE_BUS,
	.of_match	= generic_simple_bus_ids,
};
