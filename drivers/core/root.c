// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The root device, parent of every other device, and the start and end
 * of the driver model.
 */

#include <common.h>
#include <dm.h>
#include <dm/device-internal.h>
#include <dm/lists.h>
#include <dm/read.h>
#include <dm/root.h>
#include <dm/uclass-internal.h>

static struct udevice *root_dev;

struct udevice *dm_root(void)
{
	return root_dev;
}

int dm_init(bool of_live)
{
	struct udevice *root;
	int ret;

	if (root_dev || of_live)
		return -EINVAL;

	ret = device_bind(NULL, DM_DRIVER_GET(root_driver), "root_driver",
			  NULL, ofnode_null(), &root);
	if (ret)
		return ret;
	root_dev = root;

	ret = device_probe(root);
	if (ret) {
		dm_uninit();
		return ret;
	}

	return 0;
}

int dm_uninit(void)
{
	if (root_dev) {
		/* The vital devices (a console) go last */
		device_remove(root_dev, DM_REMOVE_NON_VITAL);
		device_remove(root_dev, DM_REMOVE_NORMAL);
		device_unbind(root_dev);
		root_dev = NULL;
	}
	/* Devices bound without the root (none should be) go here too */
	uclass_destroy_all();

	return 0;
}

int dm_scan_plat(bool pre_reloc_only)
{
	return lists_bind_drivers(dm_root(), pre_reloc_only);
}

/* Bind a device for each enabled child of @node, under @parent */
static int dm_scan_fdt_node(struct udevice *parent, ofnode node,
			    bool pre_reloc_only)
{
	int ret, result = 0;

	for (node = ofnode_first_subnode(node); ofnode_valid(node);
	     node = ofnode_next_subnode(node)) {
		if (!ofnode_is_enabled(node))
			continue;
		ret = lists_bind_fdt(parent, node, NULL, NULL, pre_reloc_only);
		if (ret && !result)
			result = ret;	/* go on with the other nodes */
	}

	return result;
}

int dm_scan_fdt_dev(struct udevice *dev)
{
	if (!IS_ENABLED(CONFIG_OF_CONTROL) || !dev_has_ofnode(dev))
		return 0;

	return dm_scan_fdt_node(dev, dev_ofnode(dev), false);
}

int dm_scan_fdt(bool pre_reloc_only)
{
	if (!IS_ENABLED(CONFIG_OF_CONTROL))
		return 0;

	return dm_scan_fdt_node(dm_root(), ofnode_root(), pre_reloc_only);
}

/**
 * dm_scan_other() - weak hook for a board to bind devices at
 * dm_init_and_scan() time
 */
__weak int dm_scan_other(bool pre_reloc_only)
{
	return 0;
}

int dm_init_and_scan(bool pre_reloc_only)
{
	int ret, result;

	ret = dm_init(false);
	if (ret)
		return ret;
	/* A device that fails to bind does not keep the others out */
	result = dm_scan_plat(pre_reloc_only);
	ret = dm_scan_fdt(pre_reloc_only);
	if (ret && !result)
		result = ret;
	ret = dm_scan_other(pre_reloc_only);

	return result ? result : ret;
}

int dm_remove_devices_flags(uint flags)
{
	int ret;

	if (!root_dev)
		return 0;
	ret = device_chld_remove(root_dev, NULL, flags);

	return ret == -EKEYREJECTED ? 0 : ret;
}

void dm_get_stats(int *device_countp, int *uclass_countp)
{
	*device_countp = root_dev ? device_get_decendent_count(root_dev) : 0;
	*uclass_countp = uclass_get_count();
}

U_BOOT_DRIVER(root_driver) = {
	.name	= "root_driver",
	.id	= UCLASS_ROOT,
};

UCLASS_DRIVER(root) = {
	.name	= "root",
	.id	= UCLASS_ROOT,
};
