// SPDX-License-Identifier: GPL-2.0-or-later
/* Finding drivers and uclass drivers in their linker lists. */

#include <common.h>
#include <dm.h>
#include <dm/device-internal.h>
#include <dm/lists.h>

struct driver *lists_driver_lookup_name(const char *name)
{
	struct driver *drv;

	ll_foreach(struct driver, drv, driver) {
		if (!strcmp(name, drv->name))
			return drv;
	}

	return NULL;
}

struct uclass_driver *lists_uclass_lookup(enum uclass_id id)
{
	struct uclass_driver *uc_drv;

	ll_foreach(struct uclass_driver, uc_drv, uclass) {
		if (uc_drv->id == id)
			return uc_drv;
	}

	return NULL;
}

int device_bind_driver_to_node(struct udevice *parent, const char *drv_name,
			       const char *dev_name, ofnode node,
			       struct udevice **devp)
{
	struct driver *drv;

	if (devp)
		*devp = NULL;
	drv = lists_driver_lookup_name(drv_name);
	if (!drv) {
		debug("Cannot find driver '%s'\n", drv_name);
		return -ENOENT;
	}

	return device_bind_with_driver_data(parent, drv, dev_name, 0, node,
					    devp);
}

int device_bind_driver(struct udevice *parent, const char *drv_name,
		       const char *dev_name, struct udevice **devp)
{
	return device_bind_driver_to_node(parent, drv_name, dev_name,
					  ofnode_null(), devp);
}
