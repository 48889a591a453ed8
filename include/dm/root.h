/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The root of the device tree and the start-up of the driver model. */
#ifndef _DM_ROOT_H
#define _DM_ROOT_H

#include <linux/types.h>

struct udevice;

/**
 * dm_root() - the root device
 * Return: the root device, NULL before dm_init()
 */
struct udevice *dm_root(void);

/**
 * dm_init() - start the driver model: create and probe the root device
 * @of_live:	use a live device tree (not supported: must be false)
 * Return: 0 if OK, -EINVAL if already started or @of_live is true, other
 *	   -ve on error
 */
int dm_init(bool of_live);

/**
 * dm_uninit() - remove and unbind every device, destroy every uclass
 * Return: 0
 */
int dm_uninit(void);

/**
 * dm_scan_plat() - bind the devices declared with U_BOOT_DRVINFO() under
 * the root, in declaration order
 * @pre_reloc_only: only those whose driver has DM_FLAG_PRE_RELOC
 * Return: 0, or the first error (the other devices are bound anyway)
 */
int dm_scan_plat(bool pre_reloc_only);

/**
 * dm_scan_fdt() - bind a device under the root for each enabled node of
 * the control device tree that a driver matches (lists_bind_fdt()), in
 * tree order; nodes below are bound by their bus (a simple-bus binds its
 * children with dm_scan_fdt_dev())
 * @pre_reloc_only: must be false
 * Return: 0 (also without a tree), or the first error (the other nodes
 *	   are bound anyway)
 */
int dm_scan_fdt(bool pre_reloc_only);

/**
 * dm_scan_fdt_dev() - bind a device under @dev for each enabled child of
 * its device tree node that a driver matches, as dm_scan_fdt() does for
 * the root; what a bus's bind or post_bind calls
 * @dev:	the bus device
 * Return: 0 (also when @dev has no node), or the first error
 */
int dm_scan_fdt_dev(struct udevice *dev);

/**
 * dm_init_and_scan() - dm_init(false), then bind the devices of
 * dm_scan_plat(), dm_scan_fdt() and the weak hook dm_scan_other()
 * @pre_reloc_only: only the devices whose driver has DM_FLAG_PRE_RELOC
 *		(must be false with a device tree)
 * Return: 0 if OK, -ve if the driver model could not start or a device
 *	   failed to bind (the others are bound)
 */
int dm_init_and_scan(bool pre_reloc_only);

/**
 * dm_remove_devices_flags() - remove the devices whose drivers match
 * the flags
 * @flags:	DM_REMOVE_ACTIVE_DMA before starting an OS, ...
 * Return: 0 if OK, -ve on error
 */
int dm_remove_devices_flags(uint flags);

/**
 * dm_get_stats() - count the devices and the uclasses that exist
 * @device_countp: returns the number of devices, the root included
 * @uclass_countp: returns the number of uclasses
 */
void dm_get_stats(int *device_countp, int *uclass_countp);

#endif
