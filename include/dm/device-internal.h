/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Creating and destroying devices: bind, probe, remove, unbind. Drivers
 * that create children (a bus scanning for devices) call these; most
 * other code uses the uclass_get_device...() calls, which probe for it.
 */
#ifndef _DM_DEVICE_INTERNAL_H
#define _DM_DEVICE_INTERNAL_H

#include <dm/ofnode.h>
#include <linux/types.h>

struct driver;
struct driver_info;
struct udevice;

/**
 * device_bind() - create a device of driver @drv under @parent
 *
 * Allocates the device, its platform data (driver plat_auto unless @plat
 * is given, uclass per_device_plat_auto, parent per_child_plat_auto), puts
 * it in its uclass (created if needed) and under its parent, gives it a
 * sequence number, then calls the parent uclass's child_post_bind, the
 * driver's bind, the parent driver's child_post_bind and the uclass's
 * post_bind. If one fails, everything is undone.
 *
 * @parent:	parent device (NULL only for the root device)
 * @drv:	driver of the new device
 * @name:	name of the device; not copied: it must outlive the device
 *		(see device_set_name())
 * @plat:	platform data to use instead of allocating plat_auto, or NULL
 * @node:	device tree node, or ofnode_null()
 * @devp:	returns the new device (may be NULL)
 * Return: 0 if OK, -ve on error
 */
int device_bind(struct udevice *parent, const struct driver *drv,
		const char *name, void *plat, ofnode node,
		struct udevice **devp);

/**
 * device_bind_with_driver_data() - device_bind() with a driver data word
 * (dev_get_driver_data()) and no platform data
 * @parent:	the parent device
 * @drv:	the driver
 * @name:	the name of the new device (not copied: it must stay valid)
 * @driver_data:	the driver data from the driver's of_match entry
 * @node:	the device tree node
 * @devp:	returns the new device
 */
int device_bind_with_driver_data(struct udevice *parent,
				 const struct driver *drv, const char *name,
				 ulong driver_data, ofnode node,
				 struct udevice **devp);

/**
 * device_bind_by_name() - bind the device a struct driver_info declares
 * @parent:	parent device
 * @pre_reloc_only: bind only if the driver has DM_FLAG_PRE_RELOC
 * @info:	the declaration: driver name (also the device's name) and
 *		platform data
 * @devp:	returns the new device (may be NULL)
 * Return: 0 if OK, -ENOENT if there is no such driver, -EPERM if
 *	   @pre_reloc_only keeps it out, other -ve on error
 */
int device_bind_by_name(struct udevice *parent, bool pre_reloc_only,
			const struct driver_info *info, struct udevice **devp);

/**
 * device_of_to_plat() - allocate the device's data and read its device
 * tree node into its platform data (driver of_to_plat), parents first
 * @dev:	the device
 *
 * Called by device_probe(); useful alone to read a device's configuration
 * without starting it.
 *
 * Return: 0 if OK, -ve on error
 */
int device_of_to_plat(struct udevice *dev);

/**
 * device_probe() - make a device ready for use
 * @dev:	the device
 *
 * Does nothing if the device is already active. Otherwise probes the
 * parent first, allocates the private data (driver priv_auto, uclass
 * per_device_auto, parent per_child_auto, zeroed), then calls in order:
 * the uclass's pre_probe, the parent uclass's child_pre_probe, the parent
 * driver's child_pre_probe, the driver's probe, the parent uclass's
 * child_post_probe and the uclass's post_probe. If one fails, the private
 * data is freed and the device stays bound but inactive.
 *
 * Return: 0 if OK, -ve on error
 */
int device_probe(struct udevice *dev);

/**
 * device_remove() - stop a device: remove its children, then call the
 * uclass's pre_remove, the driver's remove and the parent driver's
 * child_post_remove, and free its private data
 *
 * @dev:	device to remove; nothing happens if it is not active
 * @flags:	DM_REMOVE_NORMAL to remove it, or DM_REMOVE_... to remove it
 *		only if its driver has the matching DM_FLAG_...
 * Return: 0 if OK, -EKEYREJECTED if @flags excluded the device, other -ve
 *	   on error
 */
int device_remove(struct udevice *dev, uint flags);

/**
 * device_unbind() - destroy a device: unbind its children, call the
 * driver's unbind and the uclass's pre_unbind, free its platform data and
 * the device itself
 * @dev:	the device
 *
 * The children are unbound first, then the driver's unbind and the
 * uclass's pre_unbind are called. The device must not be active
 * (device_remove() it first).
 *
 * Return: 0 if OK, -EINVAL if @dev is NULL, active or not bound, other
 *	   -ve on error
 */
int device_unbind(struct udevice *dev);

/**
 * device_free() - free the private data of a device (done by
 * device_remove(); for error paths)
 * @dev:	the device
 */
void device_free(struct udevice *dev);

/**
 * device_chld_remove() - remove the children of @dev
 * @dev:	the parent whose children are removed
 * @drv:	only those of this driver, or NULL for all
 * @flags:	as for device_remove()
 * Return: 0 if OK, -ve on error
 */
int device_chld_remove(struct udevice *dev, struct driver *drv, uint flags);

/**
 * device_chld_unbind() - unbind the children of @dev
 * @dev:	the parent whose children are unbound
 * @drv:	only those of this driver, or NULL for all
 * Return: 0 if OK, -ve on error (the other children are still unbound)
 */
int device_chld_unbind(struct udevice *dev, struct driver *drv);

/**
 * device_reparent() - move @dev (and its children) under @new_parent
 * @dev:	the device
 * @new_parent:	the device that becomes its parent
 * Return: 0 if OK, -ve on error
 */
int device_reparent(struct udevice *dev, struct udevice *new_parent);

/* Set a device's data pointers (for drivers that allocate their own) */
void dev_set_priv(struct udevice *dev, void *priv);
void dev_set_parent_priv(struct udevice *dev, void *parent_priv);
void dev_set_uclass_priv(struct udevice *dev, void *uclass_priv);
void dev_set_plat(struct udevice *dev, void *plat);
void dev_set_parent_plat(struct udevice *dev, void *parent_plat);
void dev_set_uclass_plat(struct udevice *dev, void *uclass_plat);

#endif
