/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Looking up drivers and uclass drivers in their linker lists. */
#ifndef _DM_LISTS_H
#define _DM_LISTS_H

#include <dm/ofnode.h>
#include <dm/uclass-id.h>

struct driver;
struct uclass_driver;
struct udevice;

/**
 * lists_driver_lookup_name() - the driver named @name
 * Return: the driver, or NULL
 */
struct driver *lists_driver_lookup_name(const char *name);

/**
 * lists_uclass_lookup() - the uclass driver of uclass @id
 * Return: the uclass driver, or NULL
 */
struct uclass_driver *lists_uclass_lookup(enum uclass_id id);

/**
 * device_bind_driver() - bind a device of the driver named @drv_name
 * @parent:	parent device
 * @drv_name:	driver name (struct driver .name)
 * @dev_name:	name of the new device (not copied)
 * @devp:	returns the new device (may be NULL)
 * Return: 0 if OK, -ENOENT if there is no such driver, other -ve on error
 */
int device_bind_driver(struct udevice *parent, const char *drv_name,
		       const char *dev_name, struct udevice **devp);

/**
 * device_bind_driver_to_node() - device_bind_driver() for a device tree node
 */
int device_bind_driver_to_node(struct udevice *parent, const char *drv_name,
			       const char *dev_name, ofnode node,
			       struct udevice **devp);

#endif
