/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio over PCI: the legacy (I/O BAR 0) and modern (vendor capability)
 * transports, written over a small access layer so that each host bus
 * gives them the function's configuration space and BARs its own way:
 * memory-mapped through ECAM and assigned BARs on arm64
 * (virtio_pci_{legacy,modern}.c drivers), PCI LOAD/STORE on s390x zPCI.
 * See doc/develop/virtio-pci.md.
 *
 * A host bus driver:
 *  - declares priv_auto = sizeof(struct virtio_pci_priv) and, in its
 *    probe, fills priv->acc (and priv->host for its own use) and calls
 *    virtio_pci_modern_init() or virtio_pci_legacy_init();
 *  - uses virtio_pci_modern_ops or virtio_pci_legacy_ops as its ops.
 */
#ifndef __VIRTIO_PCI_H
#define __VIRTIO_PCI_H

#include <linux/types.h>

struct udevice;

/* Vendor and device ids (virtio 1.x, 4.1.2) */
#define VIRTIO_PCI_VENDOR_ID		0x1af4
#define VIRTIO_PCI_TRANS_ID_MIN		0x1000	/* transitional: 0x1000-0x103f */
#define VIRTIO_PCI_TRANS_ID_MAX		0x103f
#define VIRTIO_PCI_MODERN_ID_BASE	0x1040	/* modern: 0x1040 + device id */
#define VIRTIO_PCI_MODERN_ID_MAX	0x107f
#define VIRTIO_PCI_ABI_VERSION		0	/* revision of a transitional device */

/* Legacy register block in I/O BAR 0 */
#define VIRTIO_PCI_HOST_FEATURES	0x00	/* 32 bits, read-only */
#define VIRTIO_PCI_GUEST_FEATURES	0x04	/* 32 bits */
#define VIRTIO_PCI_QUEUE_PFN		0x08	/* 32 bits: address >> 12 */
#define VIRTIO_PCI_QUEUE_NUM		0x0c	/* 16 bits, read-only */
#define VIRTIO_PCI_QUEUE_SEL		0x0e	/* 16 bits */
#define VIRTIO_PCI_QUEUE_NOTIFY		0x10	/* 16 bits */
#define VIRTIO_PCI_STATUS		0x12	/* 8 bits */
#define VIRTIO_PCI_ISR			0x13	/* 8 bits */
#define VIRTIO_PCI_CONFIG_OFF		0x14	/* device config (no MSI-X) */
#define VIRTIO_PCI_QUEUE_ADDR_SHIFT	12
#define VIRTIO_PCI_VRING_ALIGN		4096

/* Vendor-specific capability (cap id 0x09) cfg_type values */
#define VIRTIO_PCI_CAP_COMMON_CFG	1
#define VIRTIO_PCI_CAP_NOTIFY_CFG	2
#define VIRTIO_PCI_CAP_ISR_CFG		3
#define VIRTIO_PCI_CAP_DEVICE_CFG	4
#define VIRTIO_PCI_CAP_PCI_CFG		5

/**
 * struct virtio_pci_cap - the vendor capability in configuration space
 * @cap_vndr:	PCI_CAP_ID_VNDR
 * @cap_next:	next capability
 * @cap_len:	length of this capability
 * @cfg_type:	VIRTIO_PCI_CAP_..._CFG
 * @bar:	BAR holding the structure
 * @id:		to tell several capabilities of one type apart
 * @padding:	reserved
 * @offset:	offset of the structure in the BAR
 * @length:	length of the structure
 */
struct virtio_pci_cap {
	u8 cap_vndr;
	u8 cap_next;
	u8 cap_len;
	u8 cfg_type;
	u8 bar;
	u8 id;
	u8 padding[2];
	__le32 offset;
	__le32 length;
} __packed;

_Static_assert(sizeof(struct virtio_pci_cap) == 16, "virtio_pci_cap size");

/* The notify capability adds le32 notify_off_multiplier after it. */
#define VIRTIO_PCI_NOTIFY_CAP_MULT	16

/* Common configuration structure (offsets, little-endian fields) */
#define VIRTIO_PCI_COMMON_DFSELECT	0	/* le32 device_feature_select */
#define VIRTIO_PCI_COMMON_DF		4	/* le32 device_feature */
#define VIRTIO_PCI_COMMON_GFSELECT	8	/* le32 driver_feature_select */
#define VIRTIO_PCI_COMMON_GF		12	/* le32 driver_feature */
#define VIRTIO_PCI_COMMON_MSIX		16	/* le16 msix_config */
#define VIRTIO_PCI_COMMON_NUMQ		18	/* le16 num_queues */
#define VIRTIO_PCI_COMMON_STATUS	20	/* u8 device_status */
#define VIRTIO_PCI_COMMON_CFGGENERATION	21	/* u8 config_generation */
#define VIRTIO_PCI_COMMON_Q_SELECT	22	/* le16 queue_select */
#define VIRTIO_PCI_COMMON_Q_SIZE	24	/* le16 queue_size */
#define VIRTIO_PCI_COMMON_Q_MSIX	26	/* le16 queue_msix_vector */
#define VIRTIO_PCI_COMMON_Q_ENABLE	28	/* le16 queue_enable */
#define VIRTIO_PCI_COMMON_Q_NOFF	30	/* le16 queue_notify_off */
#define VIRTIO_PCI_COMMON_Q_DESCLO	32	/* le64 queue_desc */
#define VIRTIO_PCI_COMMON_Q_DESCHI	36
#define VIRTIO_PCI_COMMON_Q_AVAILLO	40	/* le64 queue_driver */
#define VIRTIO_PCI_COMMON_Q_AVAILHI	44
#define VIRTIO_PCI_COMMON_Q_USEDLO	48	/* le64 queue_device */
#define VIRTIO_PCI_COMMON_Q_USEDHI	52
#define VIRTIO_PCI_COMMON_CFG_SIZE	56

/**
 * struct virtio_pci_region - a structure inside a BAR
 * @bar:	BAR number, 0 to 5
 * @offset:	where the structure starts in the BAR
 * @length:	its length; accesses beyond it are refused
 * @ptr:	CPU address of the start, for hosts that map BARs (arm64);
 *		unused by hosts that reach BARs by instructions (zPCI)
 */
struct virtio_pci_region {
	int bar;
	u64 offset;
	u32 length;
	void *ptr;
};

/**
 * struct virtio_pci_access - how the transport reaches its PCI function
 *
 * Values are numbers: the host converts from the bus's little-endian
 * order. @size is 1, 2 or 4 bytes, and offsets are aligned to it.
 *
 * @cfg_read:	read configuration space at @offset
 * @map:	make @r usable (e.g. find the CPU address of its BAR);
 *		@io: the BAR must be an I/O BAR (else a memory BAR)
 * @read:	read the register at @off inside @r
 * @write:	write the register at @off inside @r
 */
struct virtio_pci_access {
	int (*cfg_read)(struct udevice *udev, uint offset, u32 *valp,
			int size);
	int (*map)(struct udevice *udev, struct virtio_pci_region *r,
		   bool io);
	u32 (*read)(struct udevice *udev, const struct virtio_pci_region *r,
		    uint off, int size);
	void (*write)(struct udevice *udev, const struct virtio_pci_region *r,
		      uint off, u32 val, int size);
};

/**
 * struct virtio_pci_priv - private data of a virtio-pci transport device
 * @acc:	the host's access functions (set before ..._init())
 * @host:	for the host driver's own use
 * @common:	modern: common configuration; legacy: the I/O BAR 0 block
 * @notify:	modern: notification area
 * @device:	modern: device configuration
 * @notify_mult: modern: notify_off_multiplier
 * @config_off:	legacy: offset of the device configuration in @common
 */
struct virtio_pci_priv {
	const struct virtio_pci_access *acc;
	void *host;
	struct virtio_pci_region common;
	struct virtio_pci_region notify;
	struct virtio_pci_region device;
	u32 notify_mult;
	uint config_off;
};

extern const struct dm_virtio_ops virtio_pci_modern_ops;
extern const struct dm_virtio_ops virtio_pci_legacy_ops;

/**
 * virtio_pci_find_cap() - find a modern virtio capability
 * @udev:	the transport device (for @acc)
 * @acc:	configuration space access
 * @cfg_type:	VIRTIO_PCI_CAP_..._CFG
 * Return: its offset in configuration space, 0 if the device has none
 */
int virtio_pci_find_cap(struct udevice *udev,
			const struct virtio_pci_access *acc, u8 cfg_type);

/**
 * virtio_pci_modern_init() - set up a modern transport (probe)
 * @udev:	the transport device, priv->acc set
 * @pci_device:	the PCI device id
 * @subsystem:	the PCI subsystem device id
 *
 * Reads the vendor capabilities, maps the common, notify and device
 * structures and fills in the uclass data (device id from @pci_device,
 * transport "pci-modern").
 *
 * Return: 0, -ENODEV if the device has no modern interface, -ve on error
 */
int virtio_pci_modern_init(struct udevice *udev, u16 pci_device,
			   u16 subsystem);

/**
 * virtio_pci_legacy_init() - set up a legacy transport (probe)
 * @udev:	the transport device
 * @pci_device:	the PCI device id
 * @revision:	the PCI revision id
 * @subsystem:	the PCI subsystem device id (the virtio device type of a
 *		legacy device)
 *
 * Maps I/O BAR 0 and fills in the uclass data (device id from the
 * subsystem id, transport "pci-legacy", legacy byte order).
 *
 * Return: 0, -ENODEV if it is no legacy virtio device, -ve on error
 */
int virtio_pci_legacy_init(struct udevice *udev, u16 pci_device,
			   u8 revision, u16 subsystem);

#endif
