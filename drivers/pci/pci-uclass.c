// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * UCLASS_PCI: configuration space access for every device of a PCI
 * hierarchy, and its enumeration. A host bridge driver provides
 * struct dm_pci_ops and fills the windows (struct pci_controller regions)
 * in its probe; the uclass then walks the buses once (pci_enumerate()):
 * numbers them, sizes and assigns each BAR, opens bridge windows, enables
 * decoding and bus mastering and binds a device per function.
 *
 * BARs come from the 32-bit memory window first; a 64-bit BAR that no
 * longer fits there goes above 4 GiB (on the root bus, or when it is
 * prefetchable and so reachable through a bridge's prefetchable window).
 */

#include <common.h>
#include <dm.h>
#include <dm/device-internal.h>
#include <mapmem.h>
#include <pci.h>

#define PCI_IO_MIN_ADDR		0x1000	/* keep I/O address 0 unused */
#define PCI_BRIDGE_MEM_ALIGN	0x100000
#define PCI_BRIDGE_IO_ALIGN	0x1000

static bool is_pci_bus(const struct udevice *dev)
{
	return dev && device_get_uclass_id(dev) == UCLASS_PCI;
}

/* The host bridge a bus (or a child of a bus) hangs from. */
static struct udevice *pci_get_controller(const struct udevice *bus)
{
	while (is_pci_bus(bus->parent))
		bus = bus->parent;
	return (struct udevice *)bus;
}

static int pci_bus_number(const struct udevice *bus)
{
	struct pci_controller *hose;

	if (is_pci_bus(bus->parent)) {
		struct pci_child_plat *pplat = dev_get_parent_plat(bus);

		return pplat->secondary_bus;
	}
	hose = dev_get_uclass_priv(bus);
	return hose ? hose->first_busno : 0;
}

pci_dev_t dm_pci_get_bdf(const struct udevice *dev)
{
	struct pci_child_plat *pplat = dev_get_parent_plat(dev);

	return PCI_ADD_BUS(pci_bus_number(dev->parent), pplat->devfn);
}

static int size_bytes(enum pci_size_t size)
{
	return size == PCI_SIZE_8 ? 1 : size == PCI_SIZE_16 ? 2 : 4;
}

int pci_bus_read_config(const struct udevice *bus, pci_dev_t bdf, int offset,
			unsigned long *valuep, enum pci_size_t size)
{
	struct udevice *ctlr = pci_get_controller(bus);
	struct dm_pci_ops *ops = pci_get_ops(ctlr);

	*valuep = size == PCI_SIZE_8 ? 0xff : size == PCI_SIZE_16 ? 0xffff :
		  0xffffffff;
	if (offset < 0 || offset > 4096 - size_bytes(size) ||
	    offset % size_bytes(size))
		return -EINVAL;
	if (!ops || !ops->read_config)
		return -ENOSYS;
	return ops->read_config(ctlr, bdf, offset, valuep, size);
}

int pci_bus_write_config(struct udevice *bus, pci_dev_t bdf, int offset,
			 unsigned long value, enum pci_size_t size)
{
	struct udevice *ctlr = pci_get_controller(bus);
	struct dm_pci_ops *ops = pci_get_ops(ctlr);

	if (offset < 0 || offset > 4096 - size_bytes(size) ||
	    offset % size_bytes(size))
		return -EINVAL;
	if (!ops || !ops->write_config)
		return -ENOSYS;
	return ops->write_config(ctlr, bdf, offset, value, size);
}

static int read_cfg(const struct udevice *dev, int offset, ulong *val,
		    enum pci_size_t size)
{
	return pci_bus_read_config(dev->parent, dm_pci_get_bdf(dev), offset,
				   val, size);
}

int dm_pci_read_config8(const struct udevice *dev, int offset, u8 *valuep)
{
	ulong val;
	int ret = read_cfg(dev, offset, &val, PCI_SIZE_8);

	*valuep = val;
	return ret;
}

int dm_pci_read_config16(const struct udevice *dev, int offset, u16 *valuep)
{
	ulong val;
	int ret = read_cfg(dev, offset, &val, PCI_SIZE_16);

	*valuep = val;
	return ret;
}

int dm_pci_read_config32(const struct udevice *dev, int offset, u32 *valuep)
{
	ulong val;
	int ret = read_cfg(dev, offset, &val, PCI_SIZE_32);

	*valuep = val;
	return ret;
}

int dm_pci_write_config8(struct udevice *dev, int offset, u8 value)
{
	return pci_bus_write_config(dev->parent, dm_pci_get_bdf(dev), offset,
				    value, PCI_SIZE_8);
}

int dm_pci_write_config16(struct udevice *dev, int offset, u16 value)
{
	return pci_bus_write_config(dev->parent, dm_pci_get_bdf(dev), offset,
				    value, PCI_SIZE_16);
}

int dm_pci_write_config32(struct udevice *dev, int offset, u32 value)
{
	return pci_bus_write_config(dev->parent, dm_pci_get_bdf(dev), offset,
				    value, PCI_SIZE_32);
}

int pci_bus_find_next_capability(struct udevice *bus, pci_dev_t bdf, u8 start,
				 int cap)
{
	ulong val;
	int pos, ttl = 48;	/* a capability list cannot be longer */

	if (start) {
		pci_bus_read_config(bus, bdf, start + PCI_CAP_LIST_NEXT, &val,
				    PCI_SIZE_8);
	} else {
		pci_bus_read_config(bus, bdf, PCI_STATUS, &val, PCI_SIZE_16);
		if (val == 0xffff || !(val & PCI_STATUS_CAP_LIST))
			return 0;
		pci_bus_read_config(bus, bdf, PCI_CAPABILITY_LIST, &val,
				    PCI_SIZE_8);
	}
	pos = val;
	while (ttl-- && pos >= 0x40 && pos < 0x100) {
		pos &= ~3;
		pci_bus_read_config(bus, bdf, pos + PCI_CAP_LIST_ID, &val,
				    PCI_SIZE_8);
		if (val == 0xff)
			break;
		if (val == cap)
			return pos;
		pci_bus_read_config(bus, bdf, pos + PCI_CAP_LIST_NEXT, &val,
				    PCI_SIZE_8);
		pos = val;
	}
	return 0;
}

int dm_pci_find_next_capability(struct udevice *dev, u8 start, int cap)
{
	return pci_bus_find_next_capability(dev->parent, dm_pci_get_bdf(dev),
					    start, cap);
}

int dm_pci_find_capability(struct udevice *dev, int cap)
{
	return dm_pci_find_next_capability(dev, 0, cap);
}

int pci_bus_find_bdf(pci_dev_t bdf, struct udevice **devp)
{
	struct udevice *bus, *dev;
	struct uclass *uc;
	int ret;

	ret = uclass_get(UCLASS_PCI, &uc);
	if (ret)
		return ret;
	uclass_foreach_dev(bus, uc) {
		if (!device_active(pci_get_controller(bus)) ||
		    pci_bus_number(bus) != PCI_BUS(bdf))
			continue;
		device_foreach_child(dev, bus) {
			struct pci_child_plat *pplat = dev_get_parent_plat(dev);

			if (pplat && pplat->devfn == PCI_MASK_BUS(bdf)) {
				*devp = dev;
				return 0;
			}
		}
	}
	return -ENODEV;
}

/* Translate a PCI bus address of the given kind to a CPU address. */
static int pci_bus_to_phys(struct udevice *ctlr, pci_addr_t addr, u64 len,
			   unsigned long type, phys_addr_t *phys)
{
	struct pci_controller *hose = dev_get_uclass_priv(ctlr);
	struct pci_region *r;
	int i;

	for (i = 0; i < hose->region_count; i++) {
		r = &hose->regions[i];
		if ((r->flags & PCI_REGION_TYPE) != type)
			continue;
		if (addr >= r->bus_start && addr - r->bus_start < r->size &&
		    len <= r->size - (addr - r->bus_start)) {
			*phys = r->phys_start + (addr - r->bus_start);
			return 0;
		}
	}
	return -ENOENT;
}

void *dm_pci_map_bar(struct udevice *dev, int bar, size_t offset, size_t len,
		     unsigned long mask, unsigned long flags)
{
	struct pci_child_plat *pplat = dev_get_parent_plat(dev);
	int barnum = (bar - PCI_BASE_ADDRESS_0) / 4;
	phys_addr_t phys;
	pci_addr_t addr;
	u32 lo, hi = 0;
	bool io;
	u64 size;

	if (bar < PCI_BASE_ADDRESS_0 || bar > PCI_BASE_ADDRESS_5 || bar % 4)
		return NULL;
	size = pplat->bar_size[barnum];
	if (!size || (len && (offset > size || len > size - offset)))
		return NULL;
	dm_pci_read_config32(dev, bar, &lo);
	io = lo & PCI_BASE_ADDRESS_SPACE_IO;
	if (io != ((flags & mask & PCI_REGION_TYPE) == PCI_REGION_IO))
		return NULL;
	if (io) {
		addr = lo & PCI_BASE_ADDRESS_IO_MASK;
	} else {
		if ((lo & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
		    PCI_BASE_ADDRESS_MEM_TYPE_64 && barnum < 5)
			dm_pci_read_config32(dev, bar + 4, &hi);
		addr = ((u64)hi << 32) | (lo & PCI_BASE_ADDRESS_MEM_MASK);
	}
	if (pci_bus_to_phys(pci_get_controller(dev->parent), addr, size,
			    io ? PCI_REGION_IO : PCI_REGION_MEM, &phys))
		return NULL;
	return map_sysmem(phys + offset, len);
}

const char *pci_class_str(u8 class)
{
	static const char *const names[] = {
		"Build before PCI Rev2.0", "Mass storage controller",
		"Network controller", "Display controller",
		"Multimedia device", "Memory controller", "Bridge device",
		"Simple comm. controller", "Base system peripheral",
		"Input device", "Docking station", "Processor",
		"Serial bus controller", "Wireless controller",
		"Intelligent controller", "Satellite controller",
		"Cryptographic device", "DSP",
	};

	if (class < ARRAY_SIZE(names))
		return names[class];
	if (class == 0xff)
		return "Does not fit any class";
	return "???";
}

/* --- enumeration -------------------------------------------------------- */

struct pci_scan {
	struct udevice *ctlr;
	struct pci_region *io, *mem, *mem64;
	int next_bus;		/* highest bus number given out so far */
	int last_bus;		/* end of the host bridge's bus range */
	int depth;
};

static bool region_alloc(struct pci_region *r, u64 size, pci_addr_t *addrp)
{
	pci_addr_t addr;

	if (!r)
		return false;
	addr = ALIGN(r->bus_lower, size);
	if (addr < r->bus_lower || addr - r->bus_start > r->size ||
	    size > r->size - (addr - r->bus_start))
		return false;
	r->bus_lower = addr + size;
	*addrp = addr;
	return true;
}

static void region_align(struct pci_region *r, u64 align)
{
	if (r && ALIGN(r->bus_lower, align) <= r->bus_start + r->size)
		r->bus_lower = ALIGN(r->bus_lower, align);
}

static u32 cfg_read(struct pci_scan *st, pci_dev_t bdf, int off,
		    enum pci_size_t size)
{
	ulong val;

	pci_bus_read_config(st->ctlr, bdf, off, &val, size);
	return val;
}

static void cfg_write(struct pci_scan *st, pci_dev_t bdf, int off, u32 val,
		      enum pci_size_t size)
{
	pci_bus_write_config(st->ctlr, bdf, off, val, size);
}

/* Size and assign the BARs of one function; returns PCI_COMMAND bits. */
static u16 pci_assign_bars(struct pci_scan *st, pci_dev_t bdf, int nbars,
			   struct pci_child_plat *pplat)
{
	u16 cmd = 0;
	int i;

	for (i = 0; i < nbars; i++) {
		int off = PCI_BASE_ADDRESS_0 + 4 * i;
		u32 orig, lo, hi = 0xffffffff;
		bool io, is64, pref;
		pci_addr_t addr;
		u64 mask, size;
		bool ok;

		orig = cfg_read(st, bdf, off, PCI_SIZE_32);
		cfg_write(st, bdf, off, 0xffffffff, PCI_SIZE_32);
		lo = cfg_read(st, bdf, off, PCI_SIZE_32);
		io = orig & PCI_BASE_ADDRESS_SPACE_IO;
		is64 = !io && (orig & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
			PCI_BASE_ADDRESS_MEM_TYPE_64 && i < nbars - 1;
		pref = !io && (orig & PCI_BASE_ADDRESS_MEM_PREFETCH);
		if (is64) {
			cfg_write(st, bdf, off + 4, 0xffffffff, PCI_SIZE_32);
			hi = cfg_read(st, bdf, off + 4, PCI_SIZE_32);
		}
		if (io) {
			mask = lo & PCI_BASE_ADDRESS_IO_MASK;
			if (!(mask & 0xffff0000))	/* 16-bit decoder */
				mask |= 0xffff0000;
			mask |= 0xffffffff00000000ULL;
		} else {
			mask = ((u64)hi << 32) | (lo & PCI_BASE_ADDRESS_MEM_MASK);
			if (!is64)
				mask |= 0xffffffff00000000ULL;
		}
		size = ~mask + 1;
		if (!lo || lo == 0xffffffff || !(mask & 0xffffffff) || !size) {
			/* Not implemented. */
			cfg_write(st, bdf, off, 0, PCI_SIZE_32);
			continue;
		}

		if (io) {
			ok = region_alloc(st->io, size, &addr);
		} else {
			ok = region_alloc(st->mem, size, &addr);
			if (!ok && is64 && (pref || !st->depth))
				ok = region_alloc(st->mem64, size, &addr);
		}
		if (ok) {
			cfg_write(st, bdf, off, (u32)addr, PCI_SIZE_32);
			if (is64)
				cfg_write(st, bdf, off + 4, addr >> 32,
					  PCI_SIZE_32);
			pplat->bar_size[i] = size;
			cmd |= io ? PCI_COMMAND_IO : PCI_COMMAND_MEMORY;
		} else {
			/* No room: leave it unassigned (and not decoded). */
			cfg_write(st, bdf, off, 0, PCI_SIZE_32);
			if (is64)
				cfg_write(st, bdf, off + 4, 0, PCI_SIZE_32);
		}
		if (is64)
			i++;
	}
	return cmd;
}

static struct driver *pci_find_driver(struct udevice *bus, pci_dev_t bdf,
				      struct pci_child_plat *id)
{
	struct pci_driver_entry *ent;
	const struct pci_device_id *m;
	u32 sub = cfg_read(&(struct pci_scan){ .ctlr = bus }, bdf,
			   PCI_SUBSYSTEM_VENDOR_ID, PCI_SIZE_32);
	unsigned int subvendor = sub & 0xffff, subdevice = sub >> 16;

	ll_foreach(struct pci_driver_entry, ent, pci_driver_entry) {
		for (m = ent->match; m->vendor || m->device || m->class_mask;
		     m++) {
			if ((m->vendor != PCI_ANY_ID && m->vendor != id->vendor) ||
			    (m->device != PCI_ANY_ID && m->device != id->device) ||
			    (m->subvendor != PCI_ANY_ID &&
			     m->subvendor != subvendor) ||
			    (m->subdevice != PCI_ANY_ID &&
			     m->subdevice != subdevice) ||
			    ((m->class ^ id->class) & m->class_mask))
				continue;
			if (ent->claim && !ent->claim(bus, bdf))
				break;	/* this driver declines: try others */
			return ent->driver;
		}
	}
	return NULL;
}

static int pci_scan_bus(struct pci_scan *st, struct udevice *bus, int busno);

static int pci_setup_bridge(struct pci_scan *st, struct udevice *bridge,
			    pci_dev_t bdf, struct pci_child_plat *pplat)
{
	pci_addr_t io_base = 0, mem_base = 0, pref_base = 0;
	int busno = PCI_BUS(bdf), sec, ret;
	u16 cmd;

	cmd = pci_assign_bars(st, bdf, 2, pplat);
	if (st->next_bus >= st->last_bus || st->depth >= 16)
		return -ENOSPC;
	sec = ++st->next_bus;
	pplat->secondary_bus = sec;
	cfg_write(st, bdf, PCI_PRIMARY_BUS, busno, PCI_SIZE_8);
	cfg_write(st, bdf, PCI_SECONDARY_BUS, sec, PCI_SIZE_8);
	cfg_write(st, bdf, PCI_SUBORDINATE_BUS, st->last_bus, PCI_SIZE_8);

	region_align(st->io, PCI_BRIDGE_IO_ALIGN);
	region_align(st->mem, PCI_BRIDGE_MEM_ALIGN);
	region_align(st->mem64, PCI_BRIDGE_MEM_ALIGN);
	if (st->io)
		io_base = st->io->bus_lower;
	if (st->mem)
		mem_base = st->mem->bus_lower;
	if (st->mem64)
		pref_base = st->mem64->bus_lower;

	st->depth++;
	ret = pci_scan_bus(st, bridge, sec);
	st->depth--;
	cfg_write(st, bdf, PCI_SUBORDINATE_BUS, st->next_bus, PCI_SIZE_8);

	region_align(st->io, PCI_BRIDGE_IO_ALIGN);
	region_align(st->mem, PCI_BRIDGE_MEM_ALIGN);
	region_align(st->mem64, PCI_BRIDGE_MEM_ALIGN);
	/* Each window is [base, limit]; base above limit closes it. */
	if (st->io && st->io->bus_lower > io_base) {
		u32 limit = st->io->bus_lower - 1;

		cfg_write(st, bdf, PCI_IO_BASE, (io_base >> 8) & 0xf0,
			  PCI_SIZE_8);
		cfg_write(st, bdf, PCI_IO_LIMIT, (limit >> 8) & 0xf0,
			  PCI_SIZE_8);
		cfg_write(st, bdf, PCI_IO_BASE_UPPER16, io_base >> 16,
			  PCI_SIZE_16);
		cfg_write(st, bdf, PCI_IO_LIMIT_UPPER16, limit >> 16,
			  PCI_SIZE_16);
		cmd |= PCI_COMMAND_IO;
	} else {
		cfg_write(st, bdf, PCI_IO_BASE, 0xf0, PCI_SIZE_8);
		cfg_write(st, bdf, PCI_IO_LIMIT, 0, PCI_SIZE_8);
	}
	if (st->mem && st->mem->bus_lower > mem_base) {
		cfg_write(st, bdf, PCI_MEMORY_BASE, (mem_base >> 16) & 0xfff0,
			  PCI_SIZE_16);
		cfg_write(st, bdf, PCI_MEMORY_LIMIT,
			  ((st->mem->bus_lower - 1) >> 16) & 0xfff0,
			  PCI_SIZE_16);
		cmd |= PCI_COMMAND_MEMORY;
	} else {
		cfg_write(st, bdf, PCI_MEMORY_BASE, 0xfff0, PCI_SIZE_16);
		cfg_write(st, bdf, PCI_MEMORY_LIMIT, 0, PCI_SIZE_16);
	}
	if (st->mem64 && st->mem64->bus_lower > pref_base) {
		u64 limit = st->mem64->bus_lower - 1;

		cfg_write(st, bdf, PCI_PREF_MEMORY_BASE,
			  ((pref_base >> 16) & 0xfff0) | 1, PCI_SIZE_16);
		cfg_write(st, bdf, PCI_PREF_MEMORY_LIMIT,
			  ((limit >> 16) & 0xfff0) | 1, PCI_SIZE_16);
		cfg_write(st, bdf, PCI_PREF_BASE_UPPER32, pref_base >> 32,
			  PCI_SIZE_32);
		cfg_write(st, bdf, PCI_PREF_LIMIT_UPPER32, limit >> 32,
			  PCI_SIZE_32);
		cmd |= PCI_COMMAND_MEMORY;
	} else {
		cfg_write(st, bdf, PCI_PREF_MEMORY_BASE, 0xfff0, PCI_SIZE_16);
		cfg_write(st, bdf, PCI_PREF_MEMORY_LIMIT, 0, PCI_SIZE_16);
		cfg_write(st, bdf, PCI_PREF_BASE_UPPER32, 0, PCI_SIZE_32);
		cfg_write(st, bdf, PCI_PREF_LIMIT_UPPER32, 0, PCI_SIZE_32);
	}
	cfg_write(st, bdf, PCI_COMMAND, cmd | PCI_COMMAND_MASTER, PCI_SIZE_16);
	return ret;
}

static int pci_setup_function(struct pci_scan *st, struct udevice *bus,
			      pci_dev_t bdf, u8 htype)
{
	struct pci_child_plat id = { 0 }, *pplat;
	struct driver *drv;
	struct udevice *dev;
	char name[24];
	char *str;
	u32 val;
	u16 cmd;
	int ret;

	val = cfg_read(st, bdf, PCI_VENDOR_ID, PCI_SIZE_32);
	id.vendor = val & 0xffff;
	id.device = val >> 16;
	id.class = cfg_read(st, bdf, PCI_REVISION_ID, PCI_SIZE_32) >> 8;
	id.devfn = PCI_MASK_BUS(bdf);
	id.header_type = htype;

	/* No decoding while the BARs move. */
	cfg_write(st, bdf, PCI_COMMAND, 0, PCI_SIZE_16);

	if (htype == PCI_HEADER_TYPE_BRIDGE &&
	    (id.class >> 8) == PCI_CLASS_BRIDGE_PCI)
		drv = lists_driver_lookup_name("pci_bridge_drv");
	else
		drv = pci_find_driver(bus, bdf, &id);
	if (!drv)
		drv = lists_driver_lookup_name("pci_generic_drv");
	if (!drv)
		return -ENOENT;

	snprintf(name, sizeof(name), "pci_%x:%x.%x", PCI_BUS(bdf),
		 PCI_DEV(bdf), PCI_FUNC(bdf));
	str = strdup(name);
	if (!str)
		return -ENOMEM;
	ret = device_bind(bus, drv, str, NULL, ofnode_null(), &dev);
	if (ret) {
		free(str);
		return ret;
	}
	device_set_name_alloc(dev);
	pplat = dev_get_parent_plat(dev);
	*pplat = id;

	if (htype == PCI_HEADER_TYPE_BRIDGE)
		return pci_setup_bridge(st, dev, bdf, pplat);
	if (htype != PCI_HEADER_TYPE_NORMAL)
		return 0;	/* CardBus: leave it alone */
	cmd = pci_assign_bars(st, bdf, 6, pplat);
	cfg_write(st, bdf, PCI_COMMAND, cmd | PCI_COMMAND_MASTER, PCI_SIZE_16);
	return 0;
}

static int pci_scan_bus(struct pci_scan *st, struct udevice *bus, int busno)
{
	int dev, fn, ret, first_err = 0;
	bool multi = false;
	pci_dev_t bdf;
	u32 vendor;
	u8 htype;

	for (dev = 0; dev < 32; dev++) {
		for (fn = 0; fn < 8; fn++) {
			if (fn && !multi)
				break;
			bdf = PCI_BDF(busno, dev, fn);
			vendor = cfg_read(st, bdf, PCI_VENDOR_ID, PCI_SIZE_16);
			if (vendor == 0xffff || vendor == 0) {
				if (!fn)
					break;
				continue;
			}
			htype = cfg_read(st, bdf, PCI_HEADER_TYPE, PCI_SIZE_8);
			if (!fn)
				multi = htype & 0x80;
			ret = pci_setup_function(st, bus, bdf, htype & 0x7f);
			if (ret && !first_err)
				first_err = ret;
		}
	}
	return first_err;
}

int pci_enumerate(struct udevice *ctlr)
{
	struct pci_controller *hose = dev_get_uclass_priv(ctlr);
	struct pci_scan st = { .ctlr = ctlr };
	struct pci_region *r;
	int i, ret;

	for (i = 0; i < hose->region_count; i++) {
		r = &hose->regions[i];
		r->bus_lower = r->bus_start;
		if ((r->flags & PCI_REGION_TYPE) == PCI_REGION_IO) {
			if (r->bus_lower < PCI_IO_MIN_ADDR)
				r->bus_lower = PCI_IO_MIN_ADDR;
			if (!st.io)
				st.io = r;
		} else if (r->flags & PCI_REGION_MEM64) {
			if (!st.mem64)
				st.mem64 = r;
		} else if (!st.mem) {
			st.mem = r;
		}
	}
	st.next_bus = hose->first_busno;
	st.last_bus = hose->last_busno;
	ret = pci_scan_bus(&st, ctlr, hose->first_busno);
	hose->last_busno = st.next_bus;
	return ret;
}

void pci_init(void)
{
	struct udevice *bus;

	/* Probing a host bridge enumerates everything below it */
	for (uclass_first_device(UCLASS_PCI, &bus); bus;
	     uclass_next_device(&bus))
		;
}

static int pci_uclass_pre_probe(struct udevice *bus)
{
	struct pci_controller *hose = dev_get_uclass_priv(bus);

	hose->bus = bus;
	hose->ctlr = pci_get_controller(bus);
	if (is_pci_bus(bus->parent))
		hose->first_busno = hose->last_busno = pci_bus_number(bus);
	return 0;
}

static int pci_uclass_post_probe(struct udevice *bus)
{
	/* Only a host bridge enumerates; bridges were done with it. */
	if (is_pci_bus(bus->parent))
		return 0;
	return pci_enumerate(bus);
}

UCLASS_DRIVER(pci) = {
	.id = UCLASS_PCI,
	.name = "pci",
	.pre_probe = pci_uclass_pre_probe,
	.post_probe = pci_uclass_post_probe,
	.per_device_auto = sizeof(struct pci_controller),
	.per_child_plat_auto = sizeof(struct pci_child_plat),
};

U_BOOT_DRIVER(pci_bridge_drv) = {
	.name = "pci_bridge_drv",
	.id = UCLASS_PCI,
};

UCLASS_DRIVER(pci_generic) = {
	.id = UCLASS_PCI_GENERIC,
	.name = "pci_generic",
};

U_BOOT_DRIVER(pci_generic_drv) = {
	.name = "pci_generic_drv",
	.id = UCLASS_PCI_GENERIC,
};
