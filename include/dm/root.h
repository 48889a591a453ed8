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
 * dm_scan_plat() - bind the devices declared with U_BOOT_DRVINFO(); virtboot
 * has none (boards bind their devices in board_init())
 * Return: 0
 */
int dm_scan_plat(bool pre_reloc_only);

/**
 * dm_init_and_scan() - dm_init(false), then bind the devices the board
 * declares statically
 * Return: 0 if OK, -ve on error
 */
int dm_init_and_scan(bool pre_reloc_only);

/**
 * dm_remove_devices_flags() - remove the devices whose drivers match
 * @flags (DM_REMOVE_ACTIVE_DMA before starting an OS, ...)
 * Return: 0 if OK, -ve on error
 */
int dm_remove_devices_flags(uint flags);

/**
 * dm_get_stats() - count the devices and the uclasses that exist
 */
void dm_get_stats(int *device_countp, int *uclass_countp);

#endif
