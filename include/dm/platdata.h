/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Static device declarations: a board lists the devices that no bus or
 * device tree can find (the console of a machine without a device tree,
 * the root buses of s390x) with U_BOOT_DRVINFO(), and dm_scan_plat()
 * binds them under the root at start-up, in the order they are declared
 * in the file (one file per board: the order across files is the link
 * order).
 */
#ifndef _DM_PLATDATA_H
#define _DM_PLATDATA_H

#include <linker_lists.h>
#include <linux/types.h>

/**
 * struct driver_info - a device to bind at start-up
 * @name:	the driver's name; also the device's name
 * @plat:	platform data for the device (not copied: the device uses
 *		it in place), or NULL to have the driver's plat_auto
 *		allocated
 * @plat_size:	size of @plat (informative: U-Boot's 'dm static' shows it)
 */
struct driver_info {
	const char *name;
	const void *plat;
	uint plat_size;
};

/*
 * GCC emits a file's variables in reverse order unless told otherwise
 * (clang keeps them in order): no_reorder keeps the declaration order.
 */
#if __has_attribute(no_reorder)
#define __drvinfo_in_order	__attribute__((no_reorder))
#else
#define __drvinfo_in_order
#endif

/**
 * U_BOOT_DRVINFO() - declare a device for dm_scan_plat() to bind
 * @__name:	the entry's name (a C identifier, unique in the program)
 *
 *	U_BOOT_DRVINFO(console) = { .name = "serial_sandbox" };
 *
 * An entry of the linker list driver_info, as ll_entry_declare() makes
 * them, kept in declaration order.
 */
#define U_BOOT_DRVINFO(__name)						\
	struct driver_info _u_boot_list_2_driver_info_2_##__name;	\
	static struct driver_info *const __ll_ptr_driver_info_##__name	\
		__used __drvinfo_in_order __ll_section(driver_info) =	\
		&_u_boot_list_2_driver_info_2_##__name;		\
	struct driver_info _u_boot_list_2_driver_info_2_##__name

#endif
