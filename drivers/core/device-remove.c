// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Taking devices down: remove (undo probe, children first) and unbind
 * (undo bind, children first).
 */

#include <common.h>
#include <dm.h>
#include <malloc.h>
#include <dm/device-internal.h>
#include <dm/uclass-internal.h>

int device_chld_unbind(struct udevice *dev, struct driver *drv)
{
	struct udevice *pos, *n;
	int ret, saved_ret = 0;

	device_foreach_child_safe(pos, n, dev) {
		if (drv && pos->driver != drv)
			continue;
		ret = device_unbind(pos);
		if (ret && !saved_ret)
			saved_ret = ret;
	}

	return saved_ret;
}

int device_chld_remove(struct udevice *dev, struct driver *drv, uint flags)
{
	struct udevice *pos, *n;
	int result = 0;
	int ret;

	device_foreach_child_safe(pos, n, dev) {
		if (drv && pos->driver != drv)
			continue;
		ret = device_remove(pos, flags);
		if (ret == -EKEYREJECTED)
			result = ret;
		else if (ret)
			return ret;
	}

	return result;
}

int device_unbind(struct udevice *dev)
{
	const struct driver *drv;
	int ret;

	if (!dev)
		return -EINVAL;
	if (dev->flags_ & DM_FLAG_ACTIVATED)
		return -EINVAL;
	if (!(dev->flags_ & DM_FLAG_BOUND))
		return -EINVAL;

	ret = device_chld_unbind(dev, NULL);
	if (ret)
		return ret;

	drv = dev->driver;
	if (drv->unbind) {
		ret = drv->unbind(dev);
		if (ret)
			return ret;
	}

	if (dev->uclass->uc_drv->pre_unbind) {
		ret = dev->uclass->uc_drv->pre_unbind(dev);
		if (ret)
			return ret;
	}

	/* Private data allocated for a probe that never completed */
	device_free(dev);
	if (dev->flags_ & DM_FLAG_ALLOC_PDATA)
		free(dev->plat_);
	if (dev->flags_ & DM_FLAG_ALLOC_UCLASS_PDATA)
		free(dev->uclass_plat_);
	if (dev->flags_ & DM_FLAG_ALLOC_PARENT_PDATA)
		free(dev->parent_plat_);

	uclass_unbind_device(dev);
	if (dev->parent)
		list_del(&dev->sibling_node);

	if (dev->flags_ & DM_FLAG_NAME_ALLOCED)
		free((char *)dev->name);
	free(dev);

	return 0;
}

/*
 * Whether device_remove() with @flags removes a device of a driver with
 * @drv_flags: DM_REMOVE_NORMAL removes everything; otherwise the DM_REMOVE_
 * ACTIVE_... bits name the kinds of device to remove, and DM_REMOVE_NON_VITAL
 * spares the vital ones.
 */
static bool flags_remove(uint flags, uint drv_flags)
{
	if (flags & DM_REMOVE_NORMAL)
		return true;
	if ((flags & DM_REMOVE_NON_VITAL) && (drv_flags & DM_FLAG_VITAL))
		return false;
	if ((flags & DM_REMOVE_ACTIVE_ALL) &&
	    !(drv_flags & flags & DM_REMOVE_ACTIVE_ALL))
		return false;

	return true;
}

int device_remove(struct udevice *dev, uint flags)
{
	const struct driver *drv;
	int ret;

	if (!dev)
		return -EINVAL;
	if (!(dev->flags_ & DM_FLAG_ACTIVATED))
		return 0;

	ret = device_chld_remove(dev, NULL, flags);
	if (ret && ret != -EKEYREJECTED)
		return ret;

	drv = dev->driver;
	if (!flags_remove(flags, drv->flags))
		return -EKEYREJECTED;
	/* A parent cannot stop while a child it serves is still running */
	if (device_has_active_children(dev))
		return -EKEYREJECTED;

	ret = uclass_pre_remove_device(dev);
	if (ret)
		return ret;

	if (drv->remove) {
		ret = drv->remove(dev);
		if (ret) {
			/* The children are gone and cannot be put back */
			debug("%s: '%s' failed to remove, children are gone\n",
			      __func__, dev->name);
			return ret;
		}
	}

	if (dev->parent && dev->parent->driver->child_post_remove) {
		ret = dev->parent->driver->child_post_remove(dev);
		if (ret)
			debug("%s: '%s' child_post_remove failed\n", __func__,
			      dev->name);
	}

	device_free(dev);
	dev->flags_ &= ~DM_FLAG_ACTIVATED;

	return 0;
}
