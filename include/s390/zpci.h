/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * zPCI: PCI functions of an s390 machine, found and enabled with CALL
 * LOGICAL PROCESSOR (CLP) and reached with PCI LOAD and PCI STORE, one
 * register-sized access at a time; there is no memory-mapped PCI space.
 * QEMU needs the CPU feature: -cpu qemu,zpci=on. The zPCI bus device
 * ("zpci", declared by the board) lists the functions and binds a driver
 * to each configured one (U_BOOT_ZPCI_DEVICE()).
 */
#ifndef __S390_ZPCI_H
#define __S390_ZPCI_H

#include <linker_lists.h>
#include <linux/types.h>

struct driver;

#define ZPCI_CONFIG_SPACE	15	/* PCI LOAD/STORE address space */
#define ZPCI_NUM_BARS		6

/**
 * struct zpci_function - one PCI function: what the zPCI bus keeps for
 * each child (its dev_get_parent_plat())
 * @fid:	function id (stable, from the machine configuration)
 * @fh:		function handle (changes when the function is enabled)
 * @vendor_id:	PCI vendor id
 * @device_id:	PCI device id
 * @configured:	the function is in the configured state
 * @bar_size:	log2 of each BAR's size, 0 if the BAR is not there
 *		(filled by zpci_enable())
 */
struct zpci_function {
	u32 fid;
	u32 fh;
	u16 vendor_id;
	u16 device_id;
	bool configured;
	u8 bar_size[ZPCI_NUM_BARS];
};

/**
 * struct zpci_driver_entry - a driver for zPCI functions of a vendor
 * @driver:	the driver
 * @vendor:	the PCI vendor id it serves
 * @claim:	optional: whether it takes this (enabled) function, when
 *		several drivers serve the vendor
 */
struct zpci_driver_entry {
	struct driver *driver;
	u16 vendor;
	bool (*claim)(const struct zpci_function *f);
};

/**
 * U_BOOT_ZPCI_DEVICE() - let U_BOOT_DRIVER(@__name) take the configured
 * functions of vendor @__vendor that @__claim (NULL: all) accepts; the
 * bus enables each function first, names the device zpci-<fid> and keeps
 * the function in its dev_get_parent_plat()
 * @__name:	the driver, as named in U_BOOT_DRIVER()
 * @__vendor:	PCI vendor id
 * @__claim:	bool (*)(const struct zpci_function *), or NULL
 */
#define U_BOOT_ZPCI_DEVICE(__name, __vendor, __claim)			\
	extern struct driver _u_boot_list_2_driver_2_##__name;		\
	ll_entry_declare(struct zpci_driver_entry, __name, zpci_driver_entry) = { \
		.driver = &_u_boot_list_2_driver_2_##__name,		\
		.vendor = __vendor,					\
		.claim = __claim,					\
	}

/**
 * zpci_enable() - enable a function (CLP SET PCI FN) and learn its BARs
 * (CLP QUERY PCI FN); an already enabled function is accepted
 * @f: the function: @fh is updated
 * Return: 0 or -EIO
 */
int zpci_enable(struct zpci_function *f);

/**
 * zpci_load() - PCI LOAD: read @len (1, 2, 4 or 8) bytes
 * @fh: enabled function handle
 * @as: address space: BAR number or ZPCI_CONFIG_SPACE
 * @offset: offset in the address space, aligned to @len
 * @val: returns the value (PCI's little-endian order already undone)
 * @len: access size in bytes
 * Return: 0 or -EIO
 */
int zpci_load(u32 fh, u8 as, u64 offset, u64 *val, int len);

/**
 * zpci_store() - PCI STORE: write @len (1, 2, 4 or 8) bytes of @val
 * @fh: enabled function handle
 * @as: address space: BAR number or ZPCI_CONFIG_SPACE
 * @offset: offset in the address space, aligned to @len
 * @val: the value (in PCI's little-endian order once stored)
 * @len: access size in bytes
 * Return: 0 or -EIO
 */
int zpci_store(u32 fh, u8 as, u64 offset, u64 val, int len);

#endif
