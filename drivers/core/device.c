// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Devices: binding (creation), probing (activation), data accessors and
 * walking the children of a device. Removal and unbinding are in
 * device-remove.c.
 */

#include <common.h>
#include <dm.h>
#include <malloc.h>
#include <dm/device-internal.h>
#include <dm/lists.h>
#include <dm/root.h>
#include <dm/uclass-internal.h>

#ifndef ARCH_DMA_MINALIGN
#define ARCH_DMA_MINALIGN	64
#endif

/*
 * The size of the data a parent keeps for each of its children: its
 * driver's says, else its uclass's.
 */
static int parent_child_size(const struct udevice *parent, bool plat)
{
	int size;

	size = plat ? parent->driver->per_child_plat_auto :
		      parent->driver->per_child_auto;
	if (!size)
		size = plat ? parent->uclass->uc_drv->per_child_plat_auto :
			      parent->uclass->uc_drv->per_child_auto;

	return size;
}

static void unbind_plat(struct udevice *dev)
{
	if (dev->flags_ & DM_FLAG_ALLOC_PDATA) {
		free(dev->plat_);
		dev->plat_ = NULL;
	}
	if (dev->flags_ & DM_FLAG_ALLOC_UCLASS_PDATA) {
		free(dev->uclass_plat_);
		dev->uclass_plat_ = NULL;
	}
	if (dev->flags_ & DM_FLAG_ALLOC_PARENT_PDATA) {
		free(dev->parent_plat_);
		dev->parent_plat_ = NULL;
	}
	dev->flags_ &= ~(DM_FLAG_ALLOC_PDATA | DM_FLAG_ALLOC_UCLASS_PDATA |
			 DM_FLAG_ALLOC_PARENT_PDATA);
}

static int bind_alloc_plat(struct udevice *dev, void *plat)
{
	const struct driver *drv = dev->driver;
	int size;

	if (drv->plat_auto && !plat) {
		dev->plat_ = calloc(1, drv->plat_auto);
		if (!dev->plat_)
			return -ENOMEM;
		dev->flags_ |= DM_FLAG_ALLOC_PDATA;
	}

	size = dev->uclass->uc_drv->per_device_plat_auto;
	if (size) {
		dev->uclass_plat_ = calloc(1, size);
		if (!dev->uclass_plat_)
			return -ENOMEM;
		dev->flags_ |= DM_FLAG_ALLOC_UCLASS_PDATA;
	}

	if (dev->parent) {
		size = parent_child_size(dev->parent, true);
		if (size) {
			dev->parent_plat_ = calloc(1, size);
			if (!dev->parent_plat_)
				return -ENOMEM;
			dev->flags_ |= DM_FLAG_ALLOC_PARENT_PDATA;
		}
	}

	return 0;
}

static int device_bind_common(struct udevice *parent, const struct driver *drv,
			      const char *name, void *plat, ulong driver_data,
			      ofnode node, struct udevice **devp)
{
	struct udevice *dev;
	struct uclass *uc;
	int ret;

	if (devp)
		*devp = NULL;
	if (!drv || !name)
		return -EINVAL;
	/* Only the root device has no parent */
	if (!parent && dm_root())
		return -EINVAL;

	ret = uclass_get(drv->id, &uc);
	if (ret) {
		debug("Missing uclass for driver %s\n", drv->name);
		return ret;
	}

	dev = calloc(1, sizeof(*dev));
	if (!dev)
		return -ENOMEM;

	INIT_LIST_HEAD(&dev->sibling_node);
	INIT_LIST_HEAD(&dev->child_head);
	INIT_LIST_HEAD(&dev->uclass_node);
	dev->plat_ = plat;
	dev->driver_data = driver_data;
	dev->name = name;
	dev->node_ = node;
	dev->parent = parent;
	dev->driver = drv;
	dev->uclass = uc;

	/* Aliases do not exist here: every uclass numbers automatically */
	dev->seq_ = -1;
	if (!(uc->uc_drv->flags & DM_UC_FLAG_NO_AUTO_SEQ))
		dev->seq_ = uclass_find_next_free_seq(uc);

	ret = bind_alloc_plat(dev, plat);
	if (ret)
		goto fail_alloc;

	if (parent)
		list_add_tail(&dev->sibling_node, &parent->child_head);

	ret = uclass_bind_device(dev);
	if (ret)
		goto fail_uclass_bind;

	if (drv->bind) {
		ret = drv->bind(dev);
		if (ret)
			goto fail_bind;
	}
	if (parent && parent->driver->child_post_bind) {
		ret = parent->driver->child_post_bind(dev);
		if (ret)
			goto fail_child_post_bind;
	}
	if (uc->uc_drv->post_bind) {
		ret = uc->uc_drv->post_bind(dev);
		if (ret)
			goto fail_uclass_post_bind;
	}

	dev->flags_ |= DM_FLAG_BOUND;
	if (devp)
		*devp = dev;

	return 0;

fail_uclass_post_bind:
	/*
	 * A post_bind hook may have bound children (a bus scanning): they
	 * go with the device.
	 */
	device_chld_unbind(dev, NULL);
fail_child_post_bind:
	if (drv->unbind)
		drv->unbind(dev);
fail_bind:
	/* A bus's bind may have bound children before it failed */
	device_chld_unbind(dev, NULL);
	list_del(&dev->uclass_node);
fail_uclass_bind:
	if (parent)
		list_del(&dev->sibling_node);
fail_alloc:
	unbind_plat(dev);
	free(dev);

	return ret;
}

int device_bind(struct udevice *parent, const struct driver *drv,
		const char *name, void *plat, ofnode node,
		struct udevice **devp)
{
	return device_bind_common(parent, drv, name, plat, 0, node, devp);
}

int device_bind_with_driver_data(struct udevice *parent,
				 const struct driver *drv, const char *name,
				 ulong driver_data, ofnode node,
				 struct udevice **devp)
{
	return device_bind_common(parent, drv, name, NULL, driver_data, node,
				  devp);
}

static void *alloc_priv(int size, uint flags)
{
	void *priv;

	if (!(flags & DM_FLAG_ALLOC_PRIV_DMA))
		return calloc(1, size);

	size = ALIGN(size, ARCH_DMA_MINALIGN);
	priv = memalign(ARCH_DMA_MINALIGN, size);
	if (priv)
		memset(priv, 0, size);

	return priv;
}

static int device_alloc_priv(struct udevice *dev)
{
	const struct driver *drv = dev->driver;
	const struct uclass_driver *uc_drv = dev->uclass->uc_drv;
	int size;

	if (drv->priv_auto && !dev->priv_) {
		dev->priv_ = alloc_priv(drv->priv_auto, drv->flags);
		if (!dev->priv_)
			return -ENOMEM;
	}

	size = uc_drv->per_device_auto;
	if (size && !dev->uclass_priv_) {
		dev->uclass_priv_ = alloc_priv(size, uc_drv->flags);
		if (!dev->uclass_priv_)
			return -ENOMEM;
	}

	if (dev->parent) {
		size = parent_child_size(dev->parent, false);
		if (size && !dev->parent_priv_) {
			dev->parent_priv_ = alloc_priv(size, drv->flags);
			if (!dev->parent_priv_)
				return -ENOMEM;
		}
	}

	return 0;
}

void device_free(struct udevice *dev)
{
	if (dev->driver->priv_auto) {
		free(dev->priv_);
		dev->priv_ = NULL;
	}
	if (dev->uclass->uc_drv->per_device_auto) {
		free(dev->uclass_priv_);
		dev->uclass_priv_ = NULL;
	}
	if (dev->parent && parent_child_size(dev->parent, false)) {
		free(dev->parent_priv_);
		dev->parent_priv_ = NULL;
	}
	dev->flags_ &= ~DM_FLAG_PLATDATA_VALID;
}

int device_of_to_plat(struct udevice *dev)
{
	const struct driver *drv = dev->driver;
	int ret;

	if (dev->flags_ & DM_FLAG_PLATDATA_VALID)
		return 0;

	if (dev->parent) {
		ret = device_of_to_plat(dev->parent);
		if (ret)
			return ret;
	}

	ret = device_alloc_priv(dev);
	if (ret)
		goto fail;

	if (drv->of_to_plat && dev_has_ofnode(dev)) {
		ret = drv->of_to_plat(dev);
		if (ret)
			goto fail;
	}

	dev->flags_ |= DM_FLAG_PLATDATA_VALID;

	return 0;
fail:
	device_free(dev);

	return ret;
}

int device_probe(struct udevice *dev)
{
	const struct driver *drv;
	int ret;

	if (!dev)
		return -EINVAL;
	if (dev->flags_ & DM_FLAG_ACTIVATED)
		return 0;

	drv = dev->driver;

	ret = device_of_to_plat(dev);
	if (ret)
		goto fail;

	if (dev->parent) {
		ret = device_probe(dev->parent);
		if (ret)
			goto fail;
		/* The parent's probe may have probed this device */
		if (dev->flags_ & DM_FLAG_ACTIVATED)
			return 0;
	}

	/* Set early, so that children probed by our probe see us active */
	dev->flags_ |= DM_FLAG_ACTIVATED;

	ret = uclass_pre_probe_device(dev);
	if (ret)
		goto fail;

	if (dev->parent && dev->parent->driver->child_pre_probe) {
		ret = dev->parent->driver->child_pre_probe(dev);
		if (ret)
			goto fail;
	}

	if (drv->probe) {
		ret = drv->probe(dev);
		if (ret)
			goto fail;
	}

	ret = uclass_post_probe_device(dev);
	if (ret)
		goto fail_uclass;

	return 0;

fail_uclass:
	/* Undo the driver's probe (and any children it probed) */
	if (device_remove(dev, DM_REMOVE_NORMAL))
		debug("%s: '%s' failed to remove on probe failure\n",
		      __func__, dev->name);
fail:
	dev->flags_ &= ~DM_FLAG_ACTIVATED;
	device_free(dev);

	return ret;
}

void *dev_get_plat(const struct udevice *dev)
{
	return dev ? dev->plat_ : NULL;
}

void *dev_get_parent_plat(const struct udevice *dev)
{
	return dev ? dev->parent_plat_ : NULL;
}

void *dev_get_uclass_plat(const struct udevice *dev)
{
	return dev ? dev->uclass_plat_ : NULL;
}

void *dev_get_priv(const struct udevice *dev)
{
	return dev ? dev->priv_ : NULL;
}

void *dev_get_parent_priv(const struct udevice *dev)
{
	return dev ? dev->parent_priv_ : NULL;
}

void *dev_get_uclass_priv(const struct udevice *dev)
{
	return dev ? dev->uclass_priv_ : NULL;
}

void dev_set_priv(struct udevice *dev, void *priv)
{
	dev->priv_ = priv;
}

void dev_set_parent_priv(struct udevice *dev, void *parent_priv)
{
	dev->parent_priv_ = parent_priv;
}

void dev_set_uclass_priv(struct udevice *dev, void *uclass_priv)
{
	dev->uclass_priv_ = uclass_priv;
}

void dev_set_plat(struct udevice *dev, void *plat)
{
	dev->plat_ = plat;
}

void dev_set_parent_plat(struct udevice *dev, void *parent_plat)
{
	dev->parent_plat_ = parent_plat;
}

void dev_set_uclass_plat(struct udevice *dev, void *uclass_plat)
{
	dev->uclass_plat_ = uclass_plat;
}

struct udevice *dev_get_parent(const struct udevice *child)
{
	return child->parent;
}

ulong dev_get_driver_data(const struct udevice *dev)
{
	return dev->driver_data;
}

const void *dev_get_driver_ops(const struct udevice *dev)
{
	if (!dev || !dev->driver)
		return NULL;

	return dev->driver->ops;
}

enum uclass_id device_get_uclass_id(const struct udevice *dev)
{
	return dev->uclass->uc_drv->id;
}

const char *dev_get_uclass_name(const struct udevice *dev)
{
	if (!dev)
		return NULL;

	return dev->uclass->uc_drv->name;
}

int device_get_child(const struct udevice *parent, int index,
		     struct udevice **devp)
{
	struct udevice *dev;

	*devp = NULL;
	device_foreach_child(dev, parent) {
		if (!index--)
			return uclass_get_device_tail(dev, 0, devp);
	}

	return -ENODEV;
}

int device_get_child_count(const struct udevice *parent)
{
	return list_count_nodes(&parent->child_head);
}

int device_get_decendent_count(const struct udevice *parent)
{
	const struct udevice *dev;
	int count = 1;

	device_foreach_child(dev, parent)
		count += device_get_decendent_count(dev);

	return count;
}

int device_find_child_by_seq(const struct udevice *parent, int seq,
			     struct udevice **devp)
{
	struct udevice *dev;

	*devp = NULL;
	device_foreach_child(dev, parent) {
		if (dev->seq_ == seq) {
			*devp = dev;
			return 0;
		}
	}

	return -ENODEV;
}

int device_get_child_by_seq(const struct udevice *parent, int seq,
			    struct udevice **devp)
{
	struct udevice *dev;
	int ret;

	*devp = NULL;
	ret = device_find_child_by_seq(parent, seq, &dev);

	return uclass_get_device_tail(dev, ret, devp);
}

int device_find_first_child(const struct udevice *parent,
			    struct udevice **devp)
{
	*devp = list_first_entry_or_null(&parent->child_head, struct udevice,
					 sibling_node);

	return 0;
}

int device_find_next_child(struct udevice **devp)
{
	struct udevice *dev = *devp;

	if (list_is_last(&dev->sibling_node, &dev->parent->child_head))
		*devp = NULL;
	else
		*devp = list_next_entry(dev, sibling_node);

	return 0;
}

int device_find_first_inactive_child(const struct udevice *parent,
				     enum uclass_id uclass_id,
				     struct udevice **devp)
{
	struct udevice *dev;

	*devp = NULL;
	device_foreach_child(dev, parent) {
		if (!device_active(dev) &&
		    device_get_uclass_id(dev) == uclass_id) {
			*devp = dev;
			return 0;
		}
	}

	return -ENODEV;
}

int device_find_first_child_by_uclass(const struct udevice *parent,
				      enum uclass_id uclass_id,
				      struct udevice **devp)
{
	struct udevice *dev;

	*devp = NULL;
	device_foreach_child(dev, parent) {
		if (device_get_uclass_id(dev) == uclass_id) {
			*devp = dev;
			return 0;
		}
	}

	return -ENODEV;
}

int device_find_child_by_namelen(const struct udevice *parent,
				 const char *name, int len,
				 struct udevice **devp)
{
	struct udevice *dev;

	*devp = NULL;
	device_foreach_child(dev, parent) {
		if (!strncmp(dev->name, name, len) &&
		    strlen(dev->name) == len) {
			*devp = dev;
			return 0;
		}
	}

	return -ENODEV;
}

int device_find_child_by_name(const struct udevice *parent, const char *name,
			      struct udevice **devp)
{
	return device_find_child_by_namelen(parent, name, strlen(name), devp);
}

int device_first_child_err(struct udevice *parent, struct udevice **devp)
{
	struct udevice *dev;

	device_find_first_child(parent, &dev);
	if (!dev)
		return -ENODEV;

	return uclass_get_device_tail(dev, 0, devp);
}

int device_next_child_err(struct udevice **devp)
{
	struct udevice *dev = *devp;

	device_find_next_child(&dev);
	if (!dev)
		return -ENODEV;

	return uclass_get_device_tail(dev, 0, devp);
}

bool device_has_children(const struct udevice *dev)
{
	return !list_empty(&dev->child_head);
}

bool device_has_active_children(const struct udevice *dev)
{
	struct udevice *child;

	device_foreach_child(child, dev) {
		if (device_active(child))
			return true;
	}

	return false;
}

bool device_is_last_sibling(const struct udevice *dev)
{
	const struct udevice *parent = dev->parent;

	if (!parent)
		return false;

	return list_is_last(&dev->sibling_node, &parent->child_head);
}

void device_set_name_alloc(struct udevice *dev)
{
	dev->flags_ |= DM_FLAG_NAME_ALLOCED;
}

int device_set_name(struct udevice *dev, const char *name)
{
	char *copy;

	copy = strdup(name);
	if (!copy)
		return -ENOMEM;
	if (dev->flags_ & DM_FLAG_NAME_ALLOCED)
		free((char *)dev->name);
	dev->name = copy;
	device_set_name_alloc(dev);

	return 0;
}

int device_reparent(struct udevice *dev, struct udevice *new_parent)
{
	struct udevice *pos;

	if (!dev || !new_parent || !dev->parent)
		return -EINVAL;
	if (dev->parent == new_parent)
		return 0;
	/* A device cannot become a descendant of itself */
	for (pos = new_parent; pos; pos = pos->parent) {
		if (pos == dev)
			return -EINVAL;
	}

	list_del(&dev->sibling_node);
	list_add_tail(&dev->sibling_node, &new_parent->child_head);
	dev->parent = new_parent;

	return 0;
}
