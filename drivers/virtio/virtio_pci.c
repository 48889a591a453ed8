// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * virtio-pci on a driver-model PCI bus (UCLASS_PCI, e.g. the ECAM host of
 * qemu-arm64): the struct virtio_pci_access over dm_pci_read_config*()
 * and dm_pci_map_bar(), and the two transport drivers.
 *
 * Which driver takes a function: a modern-only device (0x1040-0x107f)
 * goes to the modern one; a transitional device (0x1000-0x103f, revision
 * 0) goes to the modern one when it offers the modern capabilities (QEMU's
 * default) and to the legacy one when it does not (disable-modern=on).
 * Modern is preferred because it has 64 feature bits (VERSION_1, needed
 * for e.g. ACCESS_PLATFORM), little-endian configuration on every CPU,
 * separate ring addresses with no 4 KiB alignment and a configuration
 * generation counter; see doc/develop/virtio-pci.md.
 */

#include <common.h>
#include <dm.h>
#include <pci.h>
#include <virtio.h>
#include <virtio_pci.h>
#include <asm/io.h>

static int dmpci_cfg_read(struct udevice *udev, uint offset, u32 *valp,
			  int size)
{
	u16 v16;
	u8 v8;
	int ret;

	switch (size) {
	case 1:
		ret = dm_pci_read_config8(udev, offset, &v8);
		*valp = v8;
		return ret;
	case 2:
		ret = dm_pci_read_config16(udev, offset, &v16);
		*valp = v16;
		return ret;
	default:
		return dm_pci_read_config32(udev, offset, valp);
	}
}

static int dmpci_map(struct udevice *udev, struct virtio_pci_region *r,
		     bool io)
{
	struct pci_child_plat *pplat = dev_get_parent_plat(udev);
	u64 size = pplat->bar_size[r->bar];

	if (!r->length)		/* the whole BAR */
		r->length = min_t(u64, size, 0xffffffff) - r->offset;
	r->ptr = dm_pci_map_bar(udev, PCI_BASE_ADDRESS_0 + 4 * r->bar,
				r->offset, r->length, PCI_REGION_TYPE,
				io ? PCI_REGION_IO : PCI_REGION_MEM);
	return r->ptr ? 0 : -ENXIO;
}

static u32 dmpci_read(struct udevice *udev, const struct virtio_pci_region *r,
		      uint off, int size)
{
	void *addr = r->ptr + off;

	if (off > r->length || size > r->length - off)
		return ~0U;
	switch (size) {
	case 1:
		return readb(addr);
	case 2:
		return readw(addr);
	default:
		return readl(addr);
	}
}

static void dmpci_write(struct udevice *udev,
			const struct virtio_pci_region *r, uint off, u32 val,
			int size)
{
	void *addr = r->ptr + off;

	if (off > r->length || size > r->length - off)
		return;
	switch (size) {
	case 1:
		writeb(val, addr);
		break;
	case 2:
		writew(val, addr);
		break;
	default:
		writel(val, addr);
		break;
	}
}

static const struct virtio_pci_access dmpci_access = {
	.cfg_read = dmpci_cfg_read,
	.map = dmpci_map,
	.read = dmpci_read,
	.write = dmpci_write,
};

static void read_ids(struct udevice *udev, u16 *device, u8 *revision,
		     u16 *subsystem)
{
	dm_pci_read_config16(udev, PCI_DEVICE_ID, device);
	dm_pci_read_config8(udev, PCI_REVISION_ID, revision);
	dm_pci_read_config16(udev, PCI_SUBSYSTEM_ID, subsystem);
}

static int virtio_pci_modern_probe(struct udevice *udev)
{
	struct virtio_pci_priv *priv = dev_get_priv(udev);
	u16 device, subsystem;
	u8 revision;

	priv->acc = &dmpci_access;
	read_ids(udev, &device, &revision, &subsystem);
	return virtio_pci_modern_init(udev, device, subsystem);
}

static int virtio_pci_legacy_probe(struct udevice *udev)
{
	struct virtio_pci_priv *priv = dev_get_priv(udev);
	u16 device, subsystem;
	u8 revision;

	priv->acc = &dmpci_access;
	read_ids(udev, &device, &revision, &subsystem);
	return virtio_pci_legacy_init(udev, device, revision, subsystem);
}

/* Does the function at @bdf offer the modern common configuration? */
static bool has_modern_caps(struct udevice *bus, pci_dev_t bdf)
{
	int pos = 0;
	ulong type;

	while ((pos = pci_bus_find_next_capability(bus, bdf, pos,
						   PCI_CAP_ID_VNDR))) {
		pci_bus_read_config(bus, bdf, pos + 3, &type, PCI_SIZE_8);
		if (type == VIRTIO_PCI_CAP_COMMON_CFG)
			return true;
	}
	return false;
}

static bool virtio_pci_modern_claim(struct udevice *bus, pci_dev_t bdf)
{
	return has_modern_caps(bus, bdf);
}

static bool virtio_pci_legacy_claim(struct udevice *bus, pci_dev_t bdf)
{
	ulong rev;

	pci_bus_read_config(bus, bdf, PCI_REVISION_ID, &rev, PCI_SIZE_8);
	return rev == VIRTIO_PCI_ABI_VERSION && !has_modern_caps(bus, bdf);
}

static const struct pci_device_id virtio_pci_modern_ids[] = {
	{ .vendor = VIRTIO_PCI_VENDOR_ID, .device = PCI_ANY_ID,
	  .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID },
	{ }
};

static const struct pci_device_id virtio_pci_legacy_ids[] = {
	{ .vendor = VIRTIO_PCI_VENDOR_ID, .device = PCI_ANY_ID,
	  .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID },
	{ }
};

/* A claim also checks the id range (the tables take any virtio id). */
static bool modern_claim(struct udevice *bus, pci_dev_t bdf)
{
	ulong id;

	pci_bus_read_config(bus, bdf, PCI_DEVICE_ID, &id, PCI_SIZE_16);
	return id >= VIRTIO_PCI_TRANS_ID_MIN &&
	       id <= VIRTIO_PCI_MODERN_ID_MAX &&
	       virtio_pci_modern_claim(bus, bdf);
}

static bool legacy_claim(struct udevice *bus, pci_dev_t bdf)
{
	ulong id;

	pci_bus_read_config(bus, bdf, PCI_DEVICE_ID, &id, PCI_SIZE_16);
	return id >= VIRTIO_PCI_TRANS_ID_MIN &&
	       id <= VIRTIO_PCI_TRANS_ID_MAX &&
	       virtio_pci_legacy_claim(bus, bdf);
}

U_BOOT_DRIVER(virtio_pci_modern) = {
	.name	= "virtio-pci.m",
	.id	= UCLASS_VIRTIO,
	.ops	= &virtio_pci_modern_ops,
	.probe	= virtio_pci_modern_probe,
	.priv_auto = sizeof(struct virtio_pci_priv),
};

U_BOOT_PCI_DEVICE_CLAIM(virtio_pci_modern, virtio_pci_modern_ids,
			modern_claim);

U_BOOT_DRIVER(virtio_pci_legacy) = {
	.name	= "virtio-pci.l",
	.id	= UCLASS_VIRTIO,
	.ops	= &virtio_pci_legacy_ops,
	.probe	= virtio_pci_legacy_probe,
	.priv_auto = sizeof(struct virtio_pci_priv),
};

U_BOOT_PCI_DEVICE_CLAIM(virtio_pci_legacy, virtio_pci_legacy_ids,
			legacy_claim);
