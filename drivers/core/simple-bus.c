// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A bus that only holds children: they need nothing from it. Boards use it
 * to group devices, as the "simple-bus" device tree nodes do in U-Boot.
 */

#include <common.h>
#include <dm.h>

static const struct udevice_id generic_simple_bus_ids[] = {
	{ .compatible = "simple-bus" },
	{ .compatible = "simple-mfd" },
	{ }
};

UCLASS_DRIVER(simple_bus) = {
	.id	= UCLASS_SIMPLE_BUS,
	.name	= "simple_bus",
};

U_BOOT_DRIVER(simple_bus) = {
	.name		= "simple_bus",
	.id		= UCLASS_SIMPLE_BUS,
	.of_match	= generic_simple_bus_ids,
};
