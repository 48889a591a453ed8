/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PCI (UCLASS_PCI), the U-Boot 2023.01 subset virtboot uses: buses are
 * UCLASS_PCI devices (the host bridge and each PCI-to-PCI bridge), every
 * function found on a bus becomes a child device bound to the driver whose
 * U_BOOT_PCI_DEVICE() table matches it, or to "pci_generic_drv"
 * (UCLASS_PCI_GENERIC). Probing the host bridge enumerates the whole
 * hierarchy and assigns bus numbers, BARs and bridge windows.
 */
#ifndef __PCI_H
#define __PCI_H

#include <linux/types.h>
#include <linker_lists.h>

/* Configuration space header (type 0 and common part) */
#define PCI_VENDOR_ID		0x00
#define PCI_DEVICE_ID		0x02
#define PCI_COMMAND		0x04
#define  PCI_COMMAND_IO		0x1
#define  PCI_COMMAND_MEMORY	0x2
#define  PCI_COMMAND_MASTER	0x4
#define PCI_STATUS		0x06
#define  PCI_STATUS_CAP_LIST	0x10
#define PCI_REVISION_ID		0x08
#define PCI_CLASS_PROG		0x09
#define PCI_CLASS_DEVICE	0x0a
#define PCI_CLASS_SUB_CODE	0x0a
#define PCI_CLASS_CODE		0x0b
#define PCI_CACHE_LINE_SIZE	0x0c
#define PCI_LATENCY_TIMER	0x0d
#define PCI_HEADER_TYPE		0x0e
#define  PCI_HEADER_TYPE_NORMAL	0
#define  PCI_HEADER_TYPE_BRIDGE	1
#define  PCI_HEADER_TYPE_CARDBUS 2
#define PCI_BIST		0x0f
#define PCI_BASE_ADDRESS_0	0x10
#define PCI_BASE_ADDRESS_1	0x14
#define PCI_BASE_ADDRESS_2	0x18
#define PCI_BASE_ADDRESS_3	0x1c
#define PCI_BASE_ADDRESS_4	0x20
#define PCI_BASE_ADDRESS_5	0x24
#define  PCI_BASE_ADDRESS_SPACE		0x01
#define  PCI_BASE_ADDRESS_SPACE_IO	0x01
#define  PCI_BASE_ADDRESS_SPACE_MEMORY	0x00
#define  PCI_BASE_ADDRESS_MEM_TYPE_MASK	0x06
#define  PCI_BASE_ADDRESS_MEM_TYPE_32	0x00
#define  PCI_BASE_ADDRESS_MEM_TYPE_64	0x04
#define  PCI_BASE_ADDRESS_MEM_PREFETCH	0x08
#define  PCI_BASE_ADDRESS_MEM_MASK	(~0x0fUL)
#define  PCI_BASE_ADDRESS_IO_MASK	(~0x03UL)
#define PCI_CARDBUS_CIS		0x28
#define PCI_SUBSYSTEM_VENDOR_ID	0x2c
#define PCI_SUBSYSTEM_ID	0x2e
#define PCI_ROM_ADDRESS		0x30
#define PCI_CAPABILITY_LIST	0x34
#define PCI_INTERRUPT_LINE	0x3c
#define PCI_INTERRUPT_PIN	0x3d
#define PCI_MIN_GNT		0x3e
#define PCI_MAX_LAT		0x3f

/* Type 1 (PCI-to-PCI bridge) header */
#define PCI_PRIMARY_BUS		0x18
#define PCI_SECONDARY_BUS	0x19
#define PCI_SUBORDINATE_BUS	0x1a
#define PCI_SEC_LATENCY_TIMER	0x1b
#define PCI_IO_BASE		0x1c
#define PCI_IO_LIMIT		0x1d
#define PCI_SEC_STATUS		0x1e
#define PCI_MEMORY_BASE		0x20
#define PCI_MEMORY_LIMIT	0x22
#define PCI_PREF_MEMORY_BASE	0x24
#define PCI_PREF_MEMORY_LIMIT	0x26
#define PCI_PREF_BASE_UPPER32	0x28
#define PCI_PREF_LIMIT_UPPER32	0x2c
#define PCI_IO_BASE_UPPER16	0x30
#define PCI_IO_LIMIT_UPPER16	0x32
#define PCI_ROM_ADDRESS1	0x38
#define PCI_BRIDGE_CONTROL	0x3e

/* Capabilities */
#define PCI_CAP_LIST_ID		0
#define PCI_CAP_LIST_NEXT	1
#define PCI_CAP_ID_VNDR		0x09

#define PCI_CLASS_BRIDGE_PCI	0x0604
#define PCI_ANY_ID		(~0)

/* pci_dev_t: bus, device, function packed as U-Boot does */
typedef int pci_dev_t;
#define PCI_BUS(d)		(((d) >> 16) & 0xff)
#define PCI_DEV(d)		(((d) >> 11) & 0x1f)
#define PCI_FUNC(d)		(((d) >> 8) & 0x7)
#define PCI_DEVFN(d, f)		((d) << 11 | (f) << 8)
#define PCI_MASK_BUS(bdf)	((bdf) & 0xffff)
#define PCI_ADD_BUS(bus, devfn)	(((bus) << 16) | (devfn))
#define PCI_BDF(b, d, f)	((b) << 16 | PCI_DEVFN(d, f))

typedef u64 pci_addr_t;
typedef u64 pci_size_t;

enum pci_size_t {
	PCI_SIZE_8,
	PCI_SIZE_16,
	PCI_SIZE_32,
};

/* struct pci_region flags */
#define PCI_REGION_MEM		0x00000000
#define PCI_REGION_IO		0x00000001
#define PCI_REGION_TYPE		0x00000001
#define PCI_REGION_PREFETCH	0x00000008
#define PCI_REGION_MEM64	0x00000010	/* above 4 GiB (virtboot) */

/**
 * struct pci_region - a window of the host bridge (from "ranges")
 * @bus_start:	address on the PCI side
 * @phys_start:	where the CPU sees it
 * @size:	size of the window
 * @flags:	PCI_REGION_...
 * @bus_lower:	next free PCI address during BAR assignment
 */
struct pci_region {
	pci_addr_t bus_start;
	phys_addr_t phys_start;
	pci_size_t size;
	unsigned long flags;
	pci_addr_t bus_lower;
};

#define MAX_PCI_REGIONS		7

/**
 * struct pci_controller - uclass data of every PCI bus device
 * @bus:	this bus
 * @ctlr:	the host bridge this bus hangs from (itself for the root)
 * @first_busno: this bus's number
 * @last_busno:	the highest bus number below it
 * @regions:	the host bridge's windows (root bus only)
 * @region_count: entries used in @regions
 */
struct pci_controller {
	struct udevice *bus;
	struct udevice *ctlr;
	int first_busno;
	int last_busno;
	struct pci_region regions[MAX_PCI_REGIONS];
	int region_count;
};

/**
 * struct pci_child_plat - what the bus knows about each child function
 * @devfn:	device and function (PCI_DEVFN())
 * @vendor:	vendor id
 * @device:	device id
 * @class:	class code (base class, sub-class, programming interface)
 * @header_type: configuration header type (without the multi-function bit)
 * @secondary_bus: for a bridge, the number of the bus behind it
 * @bar_size:	size of each BAR as sized during enumeration (0: none; the
 *		upper half of a 64-bit BAR reads 0)
 */
struct pci_child_plat {
	int devfn;
	unsigned short vendor;
	unsigned short device;
	unsigned int class;
	/* virtboot: filled in by enumeration */
	u8 header_type;
	u8 secondary_bus;
	u64 bar_size[6];
};

/**
 * struct dm_pci_ops - configuration space access of a host bridge
 * @read_config: read @size bytes at @offset of function @bdf into *@valuep
 * @write_config: write @value, @size bytes, at @offset of function @bdf
 *
 * @offset is checked by the caller to be aligned to @size and below 4096.
 * read_config returns all ones for a function that is not there.
 */
struct dm_pci_ops {
	int (*read_config)(const struct udevice *bus, pci_dev_t bdf,
			   uint offset, ulong *valuep, enum pci_size_t size);
	int (*write_config)(struct udevice *bus, pci_dev_t bdf, uint offset,
			    ulong value, enum pci_size_t size);
};

/**
 * struct pci_ecam_plat - virtboot: a generic ECAM host bridge
 * ("pci-host-ecam-generic"), as the board read it from the device tree
 * @cfg_base:	CPU address of the configuration space window ("reg")
 * @cfg_size:	its size (1 MiB per bus)
 * @bus_start:	first bus number ("bus-range")
 * @bus_end:	last bus number
 * @regions:	the windows ("ranges")
 * @region_count: entries used in @regions
 */
struct pci_ecam_plat {
	phys_addr_t cfg_base;
	u64 cfg_size;
	int bus_start;
	int bus_end;
	struct pci_region regions[MAX_PCI_REGIONS];
	int region_count;
};

#define pci_get_ops(dev)	((struct dm_pci_ops *)(dev)->driver->ops)

/**
 * struct pci_device_id - a vendor/device/class match, as Linux's
 * @vendor:	vendor id, or PCI_ANY_ID
 * @device:	device id, or PCI_ANY_ID
 * @subvendor:	subsystem vendor id, or PCI_ANY_ID
 * @subdevice:	subsystem id, or PCI_ANY_ID
 * @class:	class code << 8 | prog-if
 * @class_mask:	the bits of @class that must match (0: any class)
 * @driver_data: for the driver; not used for the match
 * @class/@class_mask compare (class code << 8 | prog-if) under the mask.
 */
struct pci_device_id {
	unsigned int vendor, device;
	unsigned int subvendor, subdevice;
	unsigned int class, class_mask;
	unsigned long driver_data;
};

#define PCI_DEVICE(vend, dev)						\
	.vendor = (vend), .device = (dev),				\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

#define PCI_DEVICE_CLASS(dev_class, dev_class_mask)			\
	.class = (dev_class), .class_mask = (dev_class_mask),		\
	.vendor = PCI_ANY_ID, .device = PCI_ANY_ID,			\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

struct driver;

/**
 * struct pci_driver_entry - links a driver to its match table
 * @driver:	the driver
 * @match:	the ids it serves
 * @claim:	virtboot: optional; when several drivers' tables match a
 *		function, only those whose @claim returns true (or that have
 *		none) are bound; it may read configuration space through
 *		pci_bus_read_config(@bus, @bdf, ...). Lets a transitional
 *		virtio device go to the modern or the legacy transport by
 *		what the device offers.
 */
struct pci_driver_entry {
	struct driver *driver;
	const struct pci_device_id *match;
	bool (*claim)(struct udevice *bus, pci_dev_t bdf);
};

/**
 * U_BOOT_PCI_DEVICE() - let a U_BOOT_DRIVER(@__name) claim PCI functions
 * @__name:	the driver's name in U_BOOT_DRIVER()
 * @__match: a table of struct pci_device_id ending with an empty entry
 */
#define U_BOOT_PCI_DEVICE(__name, __match)				\
	extern struct driver _u_boot_list_2_driver_2_##__name;		\
	ll_entry_declare(struct pci_driver_entry, __name, pci_driver_entry) = { \
		.driver = &_u_boot_list_2_driver_2_##__name,		\
		.match = __match,					\
	}

/** U_BOOT_PCI_DEVICE_CLAIM() - U_BOOT_PCI_DEVICE() with a claim function */
#define U_BOOT_PCI_DEVICE_CLAIM(__name, __match, __claim)		\
	extern struct driver _u_boot_list_2_driver_2_##__name;		\
	ll_entry_declare(struct pci_driver_entry, __name, pci_driver_entry) = { \
		.driver = &_u_boot_list_2_driver_2_##__name,		\
		.match = __match,					\
		.claim = __claim,					\
	}

/** dm_pci_get_bdf() - the bus/device/function of a PCI child device */
pci_dev_t dm_pci_get_bdf(const struct udevice *dev);

/**
 * dm_pci_read_config8() - read a PCI device's configuration space
 * @dev:	a child of a PCI bus
 * @offset:	register offset (aligned to the access size)
 * @valuep:	the value (all ones if the read fails)
 * Return: 0 or a negative error
 */
int dm_pci_read_config8(const struct udevice *dev, int offset, u8 *valuep);
int dm_pci_read_config16(const struct udevice *dev, int offset, u16 *valuep);
int dm_pci_read_config32(const struct udevice *dev, int offset, u32 *valuep);

/** dm_pci_write_config8() - write a PCI device's configuration space */
int dm_pci_write_config8(struct udevice *dev, int offset, u8 value);
int dm_pci_write_config16(struct udevice *dev, int offset, u16 value);
int dm_pci_write_config32(struct udevice *dev, int offset, u32 value);

/**
 * pci_bus_read_config() - read configuration space by bus/device/function
 * @bus:	any PCI bus device of the hierarchy (a host bridge or bridge)
 * @bdf:	bus/device/function (PCI_BDF())
 * @offset:	register offset, aligned to @size
 * @valuep:	returns the value
 * @size:	access size (PCI_SIZE_8/16/32)
 * Return: 0 or a negative error; *@valuep is all ones for no device
 */
int pci_bus_read_config(const struct udevice *bus, pci_dev_t bdf, int offset,
			unsigned long *valuep, enum pci_size_t size);

/** pci_bus_write_config() - write configuration space by bus/device/function */
int pci_bus_write_config(struct udevice *bus, pci_dev_t bdf, int offset,
			 unsigned long value, enum pci_size_t size);

/**
 * pci_bus_find_bdf() - the device bound to a bus/device/function
 * @bdf:	bus/device/function (PCI_BDF())
 * @devp:	returns the device
 * Return: 0, or -ENODEV if nothing is there
 */
int pci_bus_find_bdf(pci_dev_t bdf, struct udevice **devp);

/**
 * dm_pci_find_next_capability() - the next capability with id @cap
 * @dev:	the PCI function
 * @start:	offset of the capability to start after, 0 for the first
 * @cap:	the capability id (PCI_CAP_ID_*)
 * Return: the capability's offset in configuration space, 0 if none
 */
int dm_pci_find_next_capability(struct udevice *dev, u8 start, int cap);

/** dm_pci_find_capability() - the first capability with id @cap, or 0 */
int dm_pci_find_capability(struct udevice *dev, int cap);

/**
 * dm_pci_map_bar() - a CPU pointer into a BAR the bus assigned
 * @dev:	the PCI function
 * @bar:	the BAR's register offset (PCI_BASE_ADDRESS_0 + 4 * n)
 * @offset:	offset into the BAR
 * @len:	bytes that will be accessed (checked against the BAR's size;
 *		0 skips the check)
 * @mask:	PCI_REGION_TYPE
 * @flags:	PCI_REGION_MEM or PCI_REGION_IO: the kind of BAR expected
 *
 * I/O BARs are reached through the host bridge's I/O window, which the
 * CPU accesses as memory.
 *
 * Return: the pointer, or NULL if the BAR is unassigned, of the wrong
 *	   kind, or smaller than @offset + @len
 */
void *dm_pci_map_bar(struct udevice *dev, int bar, size_t offset, size_t len,
		     unsigned long mask, unsigned long flags);

/** pci_class_str() - a base class's name as U-Boot prints it */
const char *pci_class_str(u8 class);

/**
 * pci_bus_find_next_capability() - dm_pci_find_next_capability() by
 * bus/device/function, for code that runs before a device is bound
 * @bus:	the PCI bus the function is on (or any bus of its hierarchy)
 * @bdf:	the function's bus/device/function
 * @start:	offset of the capability to start after, 0 for the first
 * @cap:	the capability id (PCI_CAP_ID_*)
 * Return: the capability's offset in configuration space, 0 if none
 */
int pci_bus_find_next_capability(struct udevice *bus, pci_dev_t bdf, u8 start,
				 int cap);

/**
 * pci_enumerate() - scan the hierarchy below a host bridge
 * @ctlr:	the host bridge device
 *
 * Numbers the buses, sizes and assigns every BAR from the host bridge's
 * windows (struct pci_controller regions, filled by the host driver),
 * programs bridge windows and command registers and binds a device for
 * every function. Called by the uclass when a host bridge is probed.
 *
 * Return: 0 or a negative error
 */
int pci_enumerate(struct udevice *ctlr);

/**
 * pci_init() - probe every PCI host bridge, which enumerates the buses
 * below each; a bridge that fails to probe is skipped
 */
void pci_init(void);

#endif
