// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for drivers/pci/pci-uclass.c against an emulated configuration
 * space: a host bridge whose functions are plain arrays with BARs that
 * answer sizing as hardware does. The hierarchy has a host bridge, a
 * device with I/O, 32-bit, 64-bit and an oversized BAR and a looping
 * capability list, a PCI-to-PCI bridge with a device behind it, and a
 * multi-function device.
 */

#include <common.h>
#include <dm.h>
#include <mapmem.h>
#include <pci.h>
#include <dm/device-internal.h>
#include <test/ut.h>

#define IO_PHYS		0x3eff0000
#define MEM_BASE	0x10000000
#define MEM_SIZE	0x10000000
#define MEM64_BASE	0x8000000000ULL

struct emu_fn {
	bool behind;		/* on the bus behind the bridge */
	int devfn;
	u8 cfg[256];
	u64 bar_size[6];
	u8 bar_flags[6];
};

enum { HOST, DEV, BRIDGE, CHILD, MF0, MF2, NFN };

static struct emu_fn emu[NFN];

static void put16(u8 *cfg, int off, u16 v)
{
	put_unaligned_le16(v, cfg + off);
}

static void emu_fn_init(int i, bool behind, int dev, int fn, u16 vendor,
			u16 device, u32 class, u8 htype)
{
	struct emu_fn *f = &emu[i];

	f->behind = behind;
	f->devfn = PCI_DEVFN(dev, fn);
	put16(f->cfg, PCI_VENDOR_ID, vendor);
	put16(f->cfg, PCI_DEVICE_ID, device);
	put_unaligned_le32(class << 8, f->cfg + PCI_REVISION_ID);
	f->cfg[PCI_HEADER_TYPE] = htype;
}

static void emu_bar(int i, int bar, u64 size, u8 flags)
{
	emu[i].bar_size[bar] = size;
	emu[i].bar_flags[bar] = flags;
	emu[i].cfg[PCI_BASE_ADDRESS_0 + 4 * bar] = flags;
}

static void emu_init(void)
{
	memset(emu, 0, sizeof(emu));
	emu_fn_init(HOST, false, 0, 0, 0x1b36, 0x0008, 0x060000, 0);
	emu_fn_init(DEV, false, 1, 0, 0x1234, 0x5678, 0x010000, 0);
	emu_bar(DEV, 0, 0x40, PCI_BASE_ADDRESS_SPACE_IO);
	emu_bar(DEV, 1, 0x1000, 0);
	emu_bar(DEV, 2, 0x4000, PCI_BASE_ADDRESS_MEM_TYPE_64 |
		PCI_BASE_ADDRESS_MEM_PREFETCH);
	emu_bar(DEV, 4, 0x80000000, 0);		/* larger than the window */
	/* Capabilities: 0x40 vendor -> 0x50 MSI -> back to 0x40 (a loop) */
	put16(emu[DEV].cfg, PCI_STATUS, PCI_STATUS_CAP_LIST);
	emu[DEV].cfg[PCI_CAPABILITY_LIST] = 0x40;
	emu[DEV].cfg[0x40] = PCI_CAP_ID_VNDR;
	emu[DEV].cfg[0x41] = 0x50;
	emu[DEV].cfg[0x50] = 0x05;
	emu[DEV].cfg[0x51] = 0x40;
	emu_fn_init(BRIDGE, false, 2, 0, 0x1b36, 0x000c, 0x060400,
		    PCI_HEADER_TYPE_BRIDGE);
	emu_fn_init(CHILD, true, 0, 0, 0x1234, 0x1111, 0x020000, 0);
	emu_bar(CHILD, 0, 0x4000, PCI_BASE_ADDRESS_MEM_TYPE_64 |
		PCI_BASE_ADDRESS_MEM_PREFETCH);
	emu_bar(CHILD, 2, 0x20, PCI_BASE_ADDRESS_SPACE_IO);
	emu_fn_init(MF0, false, 3, 0, 0x1234, 0x2222, 0x0c0300, 0x80);
	emu_fn_init(MF2, false, 3, 2, 0x1234, 0x3333, 0x0c0300, 0);
}

static struct emu_fn *emu_find(pci_dev_t bdf)
{
	int bus = PCI_BUS(bdf), i;
	bool behind;

	if (bus == 0)
		behind = false;
	else if (bus == emu[BRIDGE].cfg[PCI_SECONDARY_BUS])
		behind = true;
	else
		return NULL;
	for (i = 0; i < NFN; i++) {
		if (emu[i].behind == behind && emu[i].devfn == PCI_MASK_BUS(bdf))
			return &emu[i];
	}
	return NULL;
}

static int emu_read(const struct udevice *bus, pci_dev_t bdf, uint offset,
		    ulong *valuep, enum pci_size_t size)
{
	struct emu_fn *f = emu_find(bdf);

	if (!f || offset >= sizeof(f->cfg)) {
		*valuep = size == PCI_SIZE_8 ? 0xff : size == PCI_SIZE_16 ?
			  0xffff : 0xffffffff;
		return 0;
	}
	*valuep = size == PCI_SIZE_8 ? f->cfg[offset] :
		  size == PCI_SIZE_16 ? get_unaligned_le16(f->cfg + offset) :
		  get_unaligned_le32(f->cfg + offset);
	return 0;
}

/* A BAR keeps only the address bits its size allows, and its type bits. */
static u32 emu_bar_value(struct emu_fn *f, int bar, u32 val)
{
	if (bar > 0 && !f->bar_size[bar] && f->bar_size[bar - 1] &&
	    (f->bar_flags[bar - 1] & PCI_BASE_ADDRESS_MEM_TYPE_64))
		return val & (u32)(~(f->bar_size[bar - 1] - 1) >> 32);
	if (!f->bar_size[bar])
		return 0;
	return (val & (u32)~(f->bar_size[bar] - 1)) | f->bar_flags[bar];
}

static int emu_write(struct udevice *bus, pci_dev_t bdf, uint offset,
		     ulong value, enum pci_size_t size)
{
	struct emu_fn *f = emu_find(bdf);
	int nbars, reg = offset & ~3, shift = (offset & 3) * 8;
	u32 old, mask;

	if (!f || offset >= sizeof(f->cfg))
		return 0;
	if (reg < PCI_COMMAND || reg == PCI_REVISION_ID)
		return 0;	/* ids and class are read-only */
	mask = size == PCI_SIZE_8 ? 0xff : size == PCI_SIZE_16 ? 0xffff :
	       0xffffffff;
	old = get_unaligned_le32(f->cfg + reg);
	old = (old & ~(mask << shift)) | ((value & mask) << shift);
	nbars = f->cfg[PCI_HEADER_TYPE] & 0x7f ? 2 : 6;
	if (reg >= PCI_BASE_ADDRESS_0 && reg < PCI_BASE_ADDRESS_0 + 4 * nbars)
		old = emu_bar_value(f, (reg - PCI_BASE_ADDRESS_0) / 4, old);
	put_unaligned_le32(old, f->cfg + reg);
	return 0;
}

static int emu_host_probe(struct udevice *dev)
{
	struct pci_controller *hose = dev_get_uclass_priv(dev);
	static const struct pci_region regions[] = {
		{ 0, IO_PHYS, 0x10000, PCI_REGION_IO },
		{ MEM_BASE, MEM_BASE, MEM_SIZE, PCI_REGION_MEM },
		{ MEM64_BASE, MEM64_BASE, MEM64_BASE,
		  PCI_REGION_MEM | PCI_REGION_MEM64 },
	};

	hose->first_busno = 0;
	hose->last_busno = 0xff;
	memcpy(hose->regions, regions, sizeof(regions));
	hose->region_count = ARRAY_SIZE(regions);
	return 0;
}

static const struct dm_pci_ops emu_ops = {
	.read_config = emu_read,
	.write_config = emu_write,
};

U_BOOT_DRIVER(pci_test_host) = {
	.name = "pci_test_host",
	.id = UCLASS_PCI,
	.probe = emu_host_probe,
	.ops = &emu_ops,
};

/* Two drivers for 1234:5678: the first declines, the second claims. */
static bool decline(struct udevice *bus, pci_dev_t bdf)
{
	return false;
}

static bool claim_5678(struct udevice *bus, pci_dev_t bdf)
{
	ulong id;

	pci_bus_read_config(bus, bdf, PCI_DEVICE_ID, &id, PCI_SIZE_16);
	return id == 0x5678;
}

static const struct pci_device_id ids_5678[] = {
	{ PCI_DEVICE(0x1234, 0x5678) },
	{ }
};

static const struct pci_device_id ids_1234[] = {
	{ PCI_DEVICE(0x1234, PCI_ANY_ID) },
	{ }
};

U_BOOT_DRIVER(pci_test_decline) = {
	.name = "pci_test_decline",
	.id = UCLASS_PCI_GENERIC,
};
U_BOOT_PCI_DEVICE_CLAIM(pci_test_decline, ids_5678, decline);

U_BOOT_DRIVER(pci_test_claim) = {
	.name = "pci_test_claim",
	.id = UCLASS_PCI_GENERIC,
};
U_BOOT_PCI_DEVICE_CLAIM(pci_test_claim, ids_1234, claim_5678);

static u32 cfg32(int i, int off)
{
	return get_unaligned_le32(emu[i].cfg + off);
}

static u16 cfg16(int i, int off)
{
	return get_unaligned_le16(emu[i].cfg + off);
}

static bool in(u64 addr, u64 size, u64 base, u64 len)
{
	return addr >= base && addr + size <= base + len && !(addr % size);
}

static int pci_test_enumerate(struct unit_test_state *uts)
{
	struct udevice *host, *dev, *child;
	u64 io, mem, mem64, child64;
	u16 base, limit;
	ulong val;

	emu_init();
	ut_assertok(device_bind(dm_root(), DM_DRIVER_GET(pci_test_host),
				"pci-test", NULL, ofnode_null(), &host));
	ut_assertok(device_probe(host));

	/* Drivers: claim, generic, bridge; the second function of MF. */
	ut_assertok(pci_bus_find_bdf(PCI_BDF(0, 1, 0), &dev));
	ut_asserteq_str("pci_test_claim", dev->driver->name);
	ut_asserteq_str("pci_0:1.0", dev->name);
	ut_assertok(pci_bus_find_bdf(PCI_BDF(0, 3, 0), &child));
	ut_asserteq_str("pci_generic_drv", child->driver->name);
	ut_assertok(pci_bus_find_bdf(PCI_BDF(0, 3, 2), &child));
	ut_asserteq(-ENODEV, pci_bus_find_bdf(PCI_BDF(0, 3, 1), &child));
	ut_asserteq(-ENODEV, pci_bus_find_bdf(PCI_BDF(0, 4, 0), &child));
	ut_assertok(pci_bus_find_bdf(PCI_BDF(0, 2, 0), &child));
	ut_asserteq_str("pci_bridge_drv", child->driver->name);

	/* BARs: aligned, inside their windows; the oversized one left out. */
	io = cfg32(DEV, PCI_BASE_ADDRESS_0) & ~3;
	mem = cfg32(DEV, PCI_BASE_ADDRESS_1) & ~0xf;
	mem64 = (u64)cfg32(DEV, PCI_BASE_ADDRESS_3) << 32 |
		(cfg32(DEV, PCI_BASE_ADDRESS_2) & ~0xf);
	ut_assert(in(io, 0x40, 0x1000, 0xf000));
	ut_assert(in(mem, 0x1000, MEM_BASE, MEM_SIZE));
	ut_assert(in(mem64, 0x4000, MEM_BASE, MEM_SIZE));
	ut_asserteq(0, cfg32(DEV, PCI_BASE_ADDRESS_4));
	ut_asserteq(PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER,
		    cfg16(DEV, PCI_COMMAND));

	/* What the uclass gives drivers. */
	ut_asserteq(PCI_BDF(0, 1, 0), dm_pci_get_bdf(dev));
	ut_assert(map_sysmem(mem + 0x10, 0) ==
			dm_pci_map_bar(dev, PCI_BASE_ADDRESS_1, 0x10, 0x10,
				       PCI_REGION_TYPE, PCI_REGION_MEM));
	ut_assert(map_sysmem(IO_PHYS + io, 0) ==
			dm_pci_map_bar(dev, PCI_BASE_ADDRESS_0, 0, 0x40,
				       PCI_REGION_TYPE, PCI_REGION_IO));
	ut_assertnull(dm_pci_map_bar(dev, PCI_BASE_ADDRESS_1, 0, 0x1001,
				     PCI_REGION_TYPE, PCI_REGION_MEM));
	ut_assertnull(dm_pci_map_bar(dev, PCI_BASE_ADDRESS_1, 0, 4,
				     PCI_REGION_TYPE, PCI_REGION_IO));
	ut_assertnull(dm_pci_map_bar(dev, PCI_BASE_ADDRESS_4, 0, 4,
				     PCI_REGION_TYPE, PCI_REGION_MEM));
	ut_asserteq(0x40, dm_pci_find_capability(dev, PCI_CAP_ID_VNDR));
	ut_asserteq(0x50, dm_pci_find_next_capability(dev, 0x40, 0x05));
	ut_asserteq(0, dm_pci_find_capability(dev, 0x10));	/* loop ends */
	ut_asserteq(-EINVAL, pci_bus_read_config(host, 0, 3, &val,
						 PCI_SIZE_16));

	/* The bridge: bus numbers, windows around its child's BARs. */
	ut_asserteq(0, emu[BRIDGE].cfg[PCI_PRIMARY_BUS]);
	ut_asserteq(1, emu[BRIDGE].cfg[PCI_SECONDARY_BUS]);
	ut_asserteq(1, emu[BRIDGE].cfg[PCI_SUBORDINATE_BUS]);
	ut_assertok(pci_bus_find_bdf(PCI_BDF(1, 0, 0), &child));
	ut_asserteq(PCI_BDF(1, 0, 0), dm_pci_get_bdf(child));
	child64 = (u64)cfg32(CHILD, PCI_BASE_ADDRESS_1) << 32 |
		  (cfg32(CHILD, PCI_BASE_ADDRESS_0) & ~0xf);
	base = cfg16(BRIDGE, PCI_MEMORY_BASE);
	limit = cfg16(BRIDGE, PCI_MEMORY_LIMIT);
	ut_assert(child64 >= (u64)(base & 0xfff0) << 16);
	ut_assert(child64 + 0x4000 - 1 <= ((u64)(limit & 0xfff0) << 16 | 0xfffff));
	io = cfg32(CHILD, PCI_BASE_ADDRESS_2) & ~3;
	ut_assert(io >= (emu[BRIDGE].cfg[PCI_IO_BASE] & 0xf0) << 8);
	ut_assert(io + 0x20 - 1 <=
		  ((emu[BRIDGE].cfg[PCI_IO_LIMIT] & 0xf0) << 8 | 0xfff));
	ut_asserteq(PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER,
		    cfg16(BRIDGE, PCI_COMMAND));
	/* No two BARs of one kind overlap. */
	{
		u64 m[][2] = { { mem, 0x1000 }, { mem64, 0x4000 },
			       { child64, 0x4000 } };
		u64 p[][2] = { { cfg32(DEV, PCI_BASE_ADDRESS_0) & ~3, 0x40 },
			       { io, 0x20 } };
		int a, b;

		for (a = 0; a < 3; a++)
			for (b = a + 1; b < 3; b++)
				ut_assert(m[a][0] + m[a][1] <= m[b][0] ||
					  m[b][0] + m[b][1] <= m[a][0]);
		ut_assert(p[0][0] + p[0][1] <= p[1][0] ||
			  p[1][0] + p[1][1] <= p[0][0]);
	}

	ut_assertok(device_remove(host, DM_REMOVE_NORMAL));
	ut_assertok(device_unbind(host));
	return 0;
}
UNIT_TEST(pci_test_enumerate, 0, pci);

/* A bus that answers all ones everywhere: nothing bound, no error. */
static int pci_test_empty(struct unit_test_state *uts)
{
	struct udevice *host;

	emu_init();
	emu[HOST].devfn = PCI_DEVFN(31, 7);	/* move everything away */
	emu[DEV].devfn = emu[BRIDGE].devfn = emu[MF0].devfn = emu[MF2].devfn =
		PCI_DEVFN(31, 7);
	put16(emu[HOST].cfg, PCI_VENDOR_ID, 0xffff);
	put16(emu[DEV].cfg, PCI_VENDOR_ID, 0xffff);
	put16(emu[BRIDGE].cfg, PCI_VENDOR_ID, 0xffff);
	put16(emu[MF0].cfg, PCI_VENDOR_ID, 0xffff);
	put16(emu[MF2].cfg, PCI_VENDOR_ID, 0xffff);
	ut_assertok(device_bind(dm_root(), DM_DRIVER_GET(pci_test_host),
				"pci-test", NULL, ofnode_null(), &host));
	ut_assertok(device_probe(host));
	ut_asserteq(0, device_get_child_count(host));
	ut_assertok(device_remove(host, DM_REMOVE_NORMAL));
	ut_assertok(device_unbind(host));
	return 0;
}
UNIT_TEST(pci_test_empty, 0, pci);
