// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Finding drivers and uclass drivers in their linker lists, and binding
 * devices by name, by static declaration (U_BOOT_DRVINFO()) and by device
 * tree node (compatible strings against the drivers' of_match).
 */

#include <common.h>
#include <dm.h>
#include <dm/device-internal.h>
#include <dm/lists.h>
#include <dm/platdata.h>
#include <dm/read.h>

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

struct driver *lists_driver_lookup_compat(const char *compat,
					  const struct udevice_id **idp)
{
	const struct udevice_id *id;
	struct driver *drv;

	ll_foreach(struct driver, drv, driver) {
		for (id = drv->of_match; id && id->compatible; id++) {
			if (!strcmp(id->compatible, compat)) {
				if (idp)
					*idp = id;
				return drv;
			}
		}
	}

	return NULL;
}

int lists_bind_compatible(struct udevice *parent, const char *compat, int len,
			  const char *name, ofnode node,
			  struct udevice **devp)
{
	const struct udevice_id *id;
	struct driver *drv;
	int pos = 0;

	if (devp)
		*devp = NULL;
	while (pos < len) {
		const char *str = compat + pos;
		int slen = strnlen(str, len - pos);

		/* A string running past the end is malformed: stop there */
		if (pos + slen >= len)
			break;
		drv = lists_driver_lookup_compat(str, &id);
		if (drv)
			return device_bind_with_driver_data(parent, drv, name,
							    id->data, node,
							    devp);
		pos += slen + 1;
	}

	return -ENOENT;
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

int device_bind_bus_child(struct udevice *parent, const char *drv_name,
			  const char *name, const void *parent_plat,
			  size_t size, struct udevice **devp)
{
	struct udevice *dev;
	void *pplat;
	int ret;

	ret = device_bind_driver(parent, drv_name, name, &dev);
	if (ret)
		return ret;
	pplat = dev_get_parent_plat(dev);
	ret = size && !pplat ? -EINVAL : device_set_name(dev, name);
	if (ret) {
		device_unbind(dev);
		return ret;
	}
	memcpy(pplat, parent_plat, size);
	if (devp)
		*devp = dev;
	return 0;
}

int device_bind_by_name(struct udevice *parent, bool pre_reloc_only,
			const struct driver_info *info, struct udevice **devp)
{
	struct driver *drv;

	if (devp)
		*devp = NULL;
	drv = lists_driver_lookup_name(info->name);
	if (!drv)
		return -ENOENT;
	if (pre_reloc_only && !(drv->flags & DM_FLAG_PRE_RELOC))
		return -EPERM;

	return device_bind(parent, drv, info->name, (void *)info->plat,
			   ofnode_null(), devp);
}

int lists_bind_drivers(struct udevice *parent, bool pre_reloc_only)
{
	struct driver_info *info;
	int ret, result = 0;

	ll_foreach(struct driver_info, info, driver_info) {
		ret = device_bind_by_name(parent, pre_reloc_only, info, NULL);
		if (ret && ret != -EPERM && !result)
			result = ret;	/* the first error; bind the rest */
	}

	return result;
}

int lists_bind_fdt(struct udevice *parent, ofnode node, struct udevice **devp,
		   struct driver *drv, bool pre_reloc_only)
{
	const char *compat;
	int len, ret;

	if (devp)
		*devp = NULL;
	if (!IS_ENABLED(CONFIG_OF_CONTROL) || drv || pre_reloc_only)
		return -ENOSYS;
	compat = ofnode_get_property(node, "compatible", &len);
	if (!compat)
		return 0;	/* a node without one is not a device */
	ret = lists_bind_compatible(parent, compat, len,
				    ofnode_get_name(node), node, devp);
	/* No driver, or the driver refuses (an empty slot): no device */
	if (ret == -ENOENT || ret == -ENODEV)
		return 0;

	return ret;
}
