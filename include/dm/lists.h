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
 * @name:	driver name (struct driver .name)
 * Return: the driver, or NULL
 */
struct driver *lists_driver_lookup_name(const char *name);

/**
 * lists_uclass_lookup() - the uclass driver of uclass @id
 * @id:		the uclass
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
 * device_bind_bus_child() - (virtboot) bind a child a bus found
 * @parent:	the bus device
 * @drv_name:	driver name (struct driver .name)
 * @name:	name of the new device (copied)
 * @parent_plat: what the bus knows of the child, copied into the child's
 *		parent platform data (the bus driver's per_child_plat_auto)
 * @size:	the size of @parent_plat, at most the parent's
 *		per_child_plat_auto (its driver's, else its uclass's)
 * @devp:	returns the new device (may be NULL)
 *
 * What a bus driver's bind does for each device it enumerates (the
 * channel subsystem, zPCI).
 *
 * Return: 0 if OK, -ENOENT if there is no such driver, -EINVAL if the
 *	   parent keeps no data for its children, other -ve on error
 *	   (nothing is left bound)
 */
int device_bind_bus_child(struct udevice *parent, const char *drv_name,
			  const char *name, const void *parent_plat,
			  size_t size, struct udevice **devp);

/**
 * device_bind_driver_to_node() - device_bind_driver() for a device tree node
 * @parent:	parent device
 * @drv_name:	driver name (struct driver .name)
 * @dev_name:	name of the new device (not copied)
 * @node:	the node, kept as the device's ofnode
 * @devp:	returns the new device (may be NULL)
 * Return: 0 if OK, -ENOENT if there is no such driver, other -ve on error
 */
int device_bind_driver_to_node(struct udevice *parent, const char *drv_name,
			       const char *dev_name, ofnode node,
			       struct udevice **devp);

/**
 * lists_driver_lookup_compat() - (virtboot) the driver whose of_match lists
 * a compatible string
 * @compat:	the string
 * @idp:	returns the matching of_match entry (may be NULL)
 * Return: the driver, or NULL
 */
struct driver *lists_driver_lookup_compat(const char *compat,
					  const struct udevice_id **idp);

/**
 * lists_bind_compatible() - (virtboot) bind a device for a device tree
 * node, choosing the driver by the node's compatible strings
 *
 * U-Boot's lists_bind_fdt() reads the node itself; virtboot's core has no
 * device tree access, so the caller reads the "compatible" property and
 * passes its raw value. As in U-Boot, the strings are tried in order (the
 * first is the most specific) and the device gets the matching entry's
 * data as driver data (dev_get_driver_data()).
 *
 * @parent:	parent device
 * @compat:	the property value: NUL-terminated strings, one after another
 * @len:	length of @compat in bytes, the last NUL included
 * @name:	name of the new device (not copied)
 * @node:	the node, kept as the device's ofnode
 * @devp:	returns the new device (may be NULL)
 * Return: 0 if bound, -ENOENT if no driver matches, other -ve on error
 */
int lists_bind_compatible(struct udevice *parent, const char *compat, int len,
			  const char *name, ofnode node,
			  struct udevice **devp);

/**
 * lists_bind_drivers() - bind every U_BOOT_DRVINFO() device under @parent,
 * in declaration order
 * @parent:	parent device (the root)
 * @pre_reloc_only: only those whose driver has DM_FLAG_PRE_RELOC
 *
 * One that fails to bind does not stop the others.
 *
 * Return: 0 if all bound, else the first error
 */
int lists_bind_drivers(struct udevice *parent, bool pre_reloc_only);

/**
 * lists_bind_fdt() - bind a device for a node of the control device tree
 * @parent:	parent device
 * @node:	the node; the device is named after it (the name points
 *		into the tree)
 * @devp:	returns the new device, NULL if none was bound (may be NULL)
 * @drv:	must be NULL: the driver is chosen by compatible string
 * @pre_reloc_only: must be false
 *
 * The node's compatible strings are tried in order (see
 * lists_bind_compatible()). A node without "compatible", one no driver
 * matches, and one whose driver's bind method refuses it with -ENODEV
 * (e.g. an empty virtio-mmio slot) get no device; that is not an error.
 * The caller checks the node's status.
 *
 * Return: 0 (with or without a device), -ENOSYS without
 *	   CONFIG_OF_CONTROL or for @drv / @pre_reloc_only, other -ve if
 *	   binding failed
 */
int lists_bind_fdt(struct udevice *parent, ofnode node, struct udevice **devp,
		   struct driver *drv, bool pre_reloc_only);

#endif
