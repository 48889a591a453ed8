// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Generic PCIe host bridge with an ECAM configuration window
 * ("pci-host-ecam-generic", QEMU's virt machine): each function's 4 KiB
 * configuration space sits at base + (bus << 20 | dev << 15 | fn << 12).
 * Bound for each "pci-host-ecam-generic" node of the device tree; its
 * of_to_plat reads the window ("reg"), the bus numbers ("bus-range") and
 * the memory and I/O windows ("ranges") into struct pci_ecam_plat.
 */

#include <common.h>
#include <dm.h>
#include <fdt_support.h>
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

/* One "ranges" entry: 3 PCI address cells (phys.hi says the space) */
static void pci_ecam_add_region(struct pci_ecam_plat *plat,
				const struct fdt_range *range)
{
	/* phys.hi: space code in bits 24-25, prefetchable bit 30 */
	u32 space = (range->child_hi >> 24) & 3;
	struct pci_region *r;

	if (!space || !range->size)
		return;		/* configuration space: not a window */
	r = &plat->regions[plat->region_count++];
	r->bus_start = range->child;
	r->phys_start = range->cpu;
	r->size = range->size;
	r->flags = space == 1 ? PCI_REGION_IO : PCI_REGION_MEM;
	if (space == 3)
		r->flags |= PCI_REGION_MEM64;
	if (range->child_hi & 0x40000000)
		r->flags |= PCI_REGION_PREFETCH;
}

static int pci_ecam_of_to_plat(struct udevice *dev)
{
	struct pci_ecam_plat *plat = dev_get_plat(dev);
	struct fdt_range range;
	fdt_size_t size;
	const u8 *busr;
	int i, len;

	plat->cfg_base = dev_read_addr_size_index(dev, 0, &size);
	if (plat->cfg_base == FDT_ADDR_T_NONE)
		return -EINVAL;
	plat->cfg_size = size;
	plat->bus_start = 0;
	plat->bus_end = 0xff;
	busr = dev_read_prop(dev, "bus-range", &len);
	if (busr && len >= 8) {
		plat->bus_start = min_t(u32, get_unaligned_be32(busr), 0xff);
		plat->bus_end = min_t(u32, get_unaligned_be32(busr + 4), 0xff);
	}
	plat->region_count = 0;
	for (i = 0; plat->region_count < MAX_PCI_REGIONS; i++) {
		if (fdt_get_range(gd_fdt_blob(), dev_of_offset(dev), i,
				  &range))
			break;
		pci_ecam_add_region(plat, &range);
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

static const struct udevice_id pci_ecam_ids[] = {
	{ .compatible = "pci-host-ecam-generic" },
	{ }
};

static const struct dm_pci_ops pci_ecam_ops = {
	.read_config = pci_ecam_read_config,
	.write_config = pci_ecam_write_config,
};

U_BOOT_DRIVER(pci_generic_ecam) = {
	.name = "pci_generic_ecam",
	.id = UCLASS_PCI,
	.of_match = pci_ecam_ids,
	.of_to_plat = pci_ecam_of_to_plat,
	.probe = pci_ecam_probe,
	.priv_auto = sizeof(struct pci_ecam_priv),
	.plat_auto = sizeof(struct pci_ecam_plat),
	.ops = &pci_ecam_ops,
};
