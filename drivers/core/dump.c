// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Listings of devices, uclasses and drivers, in the layout of U-Boot
 * 2023.01's 'dm' command so that scripts reading it work on both.
 */

#include <common.h>
#include <dm.h>
#include <dm/root.h>
#include <dm/uclass-internal.h>
#include <dm/util.h>

/*
 * @last_flag has one bit per level above @dev, set where that ancestor
 * was the last of its siblings: its column gets a blank, not a bar.
 */
static void show_devices(struct udevice *dev, int depth, int last_flag)
{
	struct udevice *child;
	int i;

	printf(" %-10.10s  %3d  [ %c ]   %-20.20s  ", dev->uclass->uc_drv->name,
	       dev_get_uclass_index(dev, NULL),
	       device_active(dev) ? '+' : ' ', dev->driver->name);

	for (i = depth; i >= 0; i--) {
		bool is_last = (last_flag >> i) & 1;

		if (i)
			printf(is_last ? "    " : "|   ");
		else
			printf(is_last ? "`-- " : "|-- ");
	}
	printf("%s\n", dev->name);

	device_foreach_child(child, dev)
		show_devices(child, depth + 1,
			     (last_flag << 1) | device_is_last_sibling(child));
}

void dm_dump_all(void)
{
	struct udevice *root = dm_root();

	if (!root)
		return;
	printf(" Class     Index  Probed  Driver                Name\n");
	printf("-----------------------------------------------------------\n");
	show_devices(root, -1, 0);
}

void dm_dump_uclass(void)
{
	struct uclass *uc;
	int id;

	for (id = 0; id < UCLASS_COUNT; id++) {
		struct udevice *dev;
		int i = 0;

		if (uclass_get(id, &uc))
			continue;

		printf("uclass %d: %s\n", id, uc->uc_drv->name);
		uclass_foreach_dev(dev, uc) {
			printf("%-3i %c %s @ %08lx", i++,
			       device_active(dev) ? '*' : ' ', dev->name,
			       (ulong)(uintptr_t)dev);
			if (dev_seq(dev) != -1)
				printf(", seq %d", dev_seq(dev));
			printf("\n");
		}
		printf("\n");
	}
}

/* The drivers in name order (the linker keeps them in link order) */
static struct driver *next_driver(const struct driver *prev)
{
	struct driver *drv, *best = NULL;

	ll_foreach(struct driver, drv, driver) {
		if (prev && strcmp(drv->name, prev->name) <= 0)
			continue;
		if (!best || strcmp(drv->name, best->name) < 0)
			best = drv;
	}

	return best;
}

void dm_dump_drivers(void)
{
	struct driver *drv;

	printf("Driver                    uid uclass               Devices\n");
	printf("----------------------------------------------------------\n");

	for (drv = next_driver(NULL); drv; drv = next_driver(drv)) {
		struct udevice *dev;
		struct uclass *uc;
		int n = 0;

		if (uclass_get(drv->id, &uc)) {
			printf("%-25.25s %-3.3d %-20.20s \n", drv->name, drv->id,
			       "<no uclass>");
			continue;
		}
		printf("%-25.25s %-3.3d %-20.20s ", drv->name, drv->id,
		       uc->uc_drv->name);
		uclass_foreach_dev(dev, uc) {
			if (dev->driver != drv)
				continue;
			if (n++)
				printf("%-51.51s", "");
			printf("%-25.25s\n", dev->name);
		}
		if (!n)
			printf("<none>\n");
	}
}

void dm_dump_driver_compat(void)
{
	struct driver *drv;

	printf("Driver                Compatible\n");
	printf("--------------------------------\n");

	for (drv = next_driver(NULL); drv; drv = next_driver(drv)) {
		const struct udevice_id *match = drv->of_match;

		printf("%-20.20s", drv->name);
		if (!match || !match->compatible) {
			printf("\n");
			continue;
		}
		for (; match->compatible; match++) {
			if (match != drv->of_match)
				printf("%-20.20s", "");
			printf("  %s\n", match->compatible);
		}
	}
}

void dm_dump_static_driver_info(void)
{
	struct driver_info *info;

	printf("Driver                    Address\n");
	printf("---------------------------------\n");
	ll_foreach(struct driver_info, info, driver_info)
		printf("%-25.25s @%08lx\n", info->name, (ulong)info->plat);
}
