// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * virtio-pci on s390x: the modern virtio-pci transport
 * (virtio_pci_modern.c) over zPCI. This file is only the access layer:
 * configuration space and BARs through PCI LOAD and PCI STORE
 * (drivers/s390/zpci.c), whose bus binds these drivers for each virtio
 * function. QEMU's virtio-pci devices reach guest memory
 * without the zPCI IOMMU unless iommu_platform=on, so ring addresses are
 * real addresses as on the other boards. A function without the modern
 * interface (disable-modern=on) gets the legacy transport, its I/O BAR 0
 * reached by the same instructions.
 */
#include <common.h>
#include <dm.h>
#include <virtio.h>
#include <virtio_pci.h>
#include <s390/zpci.h>

/* The function, as the zPCI bus keeps it for its child */
static struct zpci_function *zpci_fn(struct udevice *udev)
{
	return dev_get_parent_plat(udev);
}

static int zpci_cfg_read(struct udevice *udev, uint offset, u32 *valp,
			 int size)
{
	u64 val;
	int ret;

	ret = zpci_load(zpci_fn(udev)->fh, ZPCI_CONFIG_SPACE, offset, &val,
			size);
	*valp = ret ? ~0U : val;
	return ret;
}

static int zpci_map(struct udevice *udev, struct virtio_pci_region *r,
		    bool io)
{
	struct zpci_function *f = zpci_fn(udev);
	u64 size;
	u32 bar;
	int ret;

	if (r->bar < 0 || r->bar >= ZPCI_NUM_BARS || !f->bar_size[r->bar])
		return -ENXIO;
	size = 1ULL << f->bar_size[r->bar];
	ret = zpci_cfg_read(udev, 0x10 + 4 * r->bar, &bar, 4);
	if (ret)
		return ret;
	if (!!(bar & 1) != io)		/* PCI_BASE_ADDRESS_SPACE_IO */
		return -ENXIO;
	if (!r->length)
		r->length = min_t(u64, size, 0xffffffff) - r->offset;
	if (r->offset >= size || r->length > size - r->offset)
		return -ENXIO;
	r->ptr = NULL;		/* BARs are reached by instructions */
	return 0;
}

static u32 zpci_read(struct udevice *udev, const struct virtio_pci_region *r,
		     uint off, int size)
{
	u64 val;

	if (off > r->length || size > r->length - off)
		return ~0U;
	if (zpci_load(zpci_fn(udev)->fh, r->bar, r->offset + off, &val, size))
		return ~0U;
	return val;
}

static void zpci_write(struct udevice *udev, const struct virtio_pci_region *r,
		       uint off, u32 val, int size)
{
	if (off > r->length || size > r->length - off)
		return;
	zpci_store(zpci_fn(udev)->fh, r->bar, r->offset + off, val, size);
}

static const struct virtio_pci_access zpci_access = {
	.cfg_read = zpci_cfg_read,
	.map = zpci_map,
	.read = zpci_read,
	.write = zpci_write,
};

static int virtio_zpci_prepare(struct udevice *udev, u32 *subsystem,
				u32 *revision)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct virtio_pci_priv *priv = dev_get_priv(udev);
	int ret;

	ret = zpci_enable(zpci_fn(udev));
	if (ret)
		return ret;
	priv->acc = &zpci_access;
	uc_priv->bus_addr.kind = VIRTIO_BUS_PCI;
	uc_priv->bus_addr.pci.fid = zpci_fn(udev)->fid;
	ret = zpci_cfg_read(udev, 0x2e, subsystem, 2);	/* PCI_SUBSYSTEM_ID */
	if (!ret)
		ret = zpci_cfg_read(udev, 0x08, revision, 1);	/* PCI_REVISION_ID */
	return ret;
}

static int virtio_zpci_probe(struct udevice *udev)
{
	u32 subsystem, revision;
	int ret;

	ret = virtio_zpci_prepare(udev, &subsystem, &revision);
	if (ret)
		return ret;
	return virtio_pci_modern_init(udev, zpci_fn(udev)->device_id,
				      subsystem);
}

static int virtio_zpci_legacy_probe(struct udevice *udev)
{
	u32 subsystem, revision;
	int ret;

	ret = virtio_zpci_prepare(udev, &subsystem, &revision);
	if (ret)
		return ret;
	return virtio_pci_legacy_init(udev, zpci_fn(udev)->device_id,
				      revision, subsystem);
}

/* Does the (enabled) function have the modern common configuration? */
static bool zpci_has_modern_caps(const struct zpci_function *f)
{
	u64 status, pos, id, type;
	int n;

	if (zpci_load(f->fh, ZPCI_CONFIG_SPACE, 0x06, &status, 2) ||
	    !(status & 0x10))				/* PCI_STATUS_CAP_LIST */
		return false;
	if (zpci_load(f->fh, ZPCI_CONFIG_SPACE, 0x34, &pos, 1))
		return false;
	for (n = 0; n < 48 && pos >= 0x40; n++) {
		pos &= ~3ULL;
		if (zpci_load(f->fh, ZPCI_CONFIG_SPACE, pos, &id, 1) ||
		    zpci_load(f->fh, ZPCI_CONFIG_SPACE, pos + 3, &type, 1))
			return false;
		if (id == 0x09 && type == VIRTIO_PCI_CAP_COMMON_CFG)
			return true;
		if (zpci_load(f->fh, ZPCI_CONFIG_SPACE, pos + 1, &pos, 1))
			return false;
	}
	return false;
}

static bool zpci_is_legacy(const struct zpci_function *f)
{
	return !zpci_has_modern_caps(f);
}

U_BOOT_DRIVER(virtio_zpci_legacy) = {
	.name		= "virtio-zpci-legacy",
	.id		= UCLASS_VIRTIO,
	.ops		= &virtio_pci_legacy_ops,
	.probe		= virtio_zpci_legacy_probe,
	.priv_auto	= sizeof(struct virtio_pci_priv),
};

U_BOOT_DRIVER(virtio_zpci) = {
	.name		= "virtio-zpci",
	.id		= UCLASS_VIRTIO,
	.ops		= &virtio_pci_modern_ops,
	.probe		= virtio_zpci_probe,
	.priv_auto	= sizeof(struct virtio_pci_priv),
};

/* The modern interface when the function has one, as on PCI */
U_BOOT_ZPCI_DEVICE(virtio_zpci, VIRTIO_PCI_VENDOR_ID, zpci_has_modern_caps);
U_BOOT_ZPCI_DEVICE(virtio_zpci_legacy, VIRTIO_PCI_VENDOR_ID, zpci_is_legacy);
