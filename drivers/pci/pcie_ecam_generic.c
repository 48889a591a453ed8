// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Generic PCIe host bridge with an ECAM configuration window
 * ("pci-host-ecam-generic", QEMU's virt machine): each function's 4 KiB
 * configuration space sits at base + (bus << 20 | dev << 15 | fn << 12).
 * The board binds it with struct pci_ecam_plat read from the device tree.
 */

#include <common.h>
#include <dm.h>
#include <pci.h>
#include <asm/io.h>

struct pci_ecam_priv {
	void *cfg;
	u64 cfg_size;
	int bus_start;
	int bus_end;
};

static void *ecam_addr(const struct pci_ecam_priv *priv, pci_dev_t bdf,
		       uint offset)
{
	int bus = PCI_BUS(bdf);
	u64 off;

	if (bus < priv->bus_start || bus > priv->bus_end)
		return NULL;
	off = (u64)(bus - priv->bus_start) << 20 | PCI_DEV(bdf) << 15 |
	      PCI_FUNC(bdf) << 12 | offset;
	if (off >= priv->cfg_size)
		return NULL;
	return priv->cfg + off;
}

static int pci_ecam_read_config(const struct udevice *bus, pci_dev_t bdf,
				uint offset, ulong *valuep,
				enum pci_size_t size)
{
	void *addr = ecam_addr(dev_get_priv(bus), bdf, offset);

	if (!addr)
		return 0;	/* outside the window: nothing there */
	switch (size) {
	case PCI_SIZE_8:
		*valuep = readb(addr);
		break;
	case PCI_SIZE_16:
		*valuep = readw(addr);
		break;
	default:
		*valuep = readl(addr);
		break;
	}
	return 0;
}

static int pci_ecam_write_config(struct udevice *bus, pci_dev_t bdf,
				 uint offset, ulong value,
				 enum pci_size_t size)
{
	void *addr = ecam_addr(dev_get_priv(bus), bdf, offset);

	if (!addr)
		return -ENODEV;
	switch (size) {
	case PCI_SIZE_8:
		writeb(value, addr);
		break;
	case PCI_SIZE_16:
		writew(value, addr);
		break;
	default:
		writel(value, addr);
		break;
	}
	return 0;
}

static int pci_ecam_probe(struct udevice *dev)
{
	struct pci_ecam_plat *plat = dev_get_plat(dev);
	struct pci_ecam_priv *priv = dev_get_priv(dev);
	struct pci_controller *hose = dev_get_uclass_priv(dev);
	int buses;

	if (!plat->cfg_base || plat->bus_end < plat->bus_start ||
	    plat->region_count > MAX_PCI_REGIONS)
		return -EINVAL;
	priv->cfg = map_physmem(plat->cfg_base, plat->cfg_size, MAP_NOCACHE);
	priv->cfg_size = plat->cfg_size;
	priv->bus_start = plat->bus_start;
	/* Never more buses than the window holds. */
	buses = min_t(u64, plat->bus_end - plat->bus_start + 1,
		      plat->cfg_size >> 20);
	if (!buses)
		return -EINVAL;
	priv->bus_end = plat->bus_start + buses - 1;

	hose->first_busno = priv->bus_start;
	hose->last_busno = priv->bus_end;
	memcpy(hose->regions, plat->regions,
	       plat->region_count * sizeof(plat->regions[0]));
	hose->region_count = plat->region_count;
	return 0;
}

static const struct dm_pci_ops pci_ecam_ops = {
	.read_config = pci_ecam_read_config,
	.write_config = pci_ecam_write_config,
};

U_BOOT_DRIVER(pci_generic_ecam) = {
	.name = "pci_generic_ecam",
	.id = UCLASS_PCI,
	.probe = pci_ecam_probe,
	.priv_auto = sizeof(struct pci_ecam_priv),
	.plat_auto = sizeof(struct pci_ecam_plat),
	.ops = &pci_ecam_ops,
};
