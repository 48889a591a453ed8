// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pci: list PCI devices and read or write their configuration space, with
 * U-Boot's syntax and output:
 *
 *	pci [bus|*] [long]
 *	pci header b.d.f
 *	pci bar b.d.f
 *	pci regions [bus]
 *	pci display[.b|.w|.l] b.d.f [address] [count]
 *	pci write[.b|.w|.l] b.d.f address value
 *	pci enum
 */

#include <common.h>
#include <command.h>
#include <dm.h>
#include <dm/device-internal.h>
#include <pci.h>

struct pci_reg {
	const char *name;
	enum pci_size_t size;
	int offset;
};

static const struct pci_reg regs_start[] = {
	{ "vendor ID", PCI_SIZE_16, PCI_VENDOR_ID },
	{ "device ID", PCI_SIZE_16, PCI_DEVICE_ID },
	{ "command register ID", PCI_SIZE_16, PCI_COMMAND },
	{ "status register", PCI_SIZE_16, PCI_STATUS },
	{ "revision ID", PCI_SIZE_8, PCI_REVISION_ID },
};

static const struct pci_reg regs_rest[] = {
	{ "sub class code", PCI_SIZE_8, PCI_CLASS_SUB_CODE },
	{ "programming interface", PCI_SIZE_8, PCI_CLASS_PROG },
	{ "cache line", PCI_SIZE_8, PCI_CACHE_LINE_SIZE },
	{ "latency time", PCI_SIZE_8, PCI_LATENCY_TIMER },
	{ "header type", PCI_SIZE_8, PCI_HEADER_TYPE },
	{ "BIST", PCI_SIZE_8, PCI_BIST },
	{ "base address 0", PCI_SIZE_32, PCI_BASE_ADDRESS_0 },
	{ "base address 1", PCI_SIZE_32, PCI_BASE_ADDRESS_1 },
};

static const struct pci_reg regs_normal[] = {
	{ "base address 2", PCI_SIZE_32, PCI_BASE_ADDRESS_2 },
	{ "base address 3", PCI_SIZE_32, PCI_BASE_ADDRESS_3 },
	{ "base address 4", PCI_SIZE_32, PCI_BASE_ADDRESS_4 },
	{ "base address 5", PCI_SIZE_32, PCI_BASE_ADDRESS_5 },
	{ "cardBus CIS pointer", PCI_SIZE_32, PCI_CARDBUS_CIS },
	{ "sub system vendor ID", PCI_SIZE_16, PCI_SUBSYSTEM_VENDOR_ID },
	{ "sub system ID", PCI_SIZE_16, PCI_SUBSYSTEM_ID },
	{ "expansion ROM base address", PCI_SIZE_32, PCI_ROM_ADDRESS },
	{ "interrupt line", PCI_SIZE_8, PCI_INTERRUPT_LINE },
	{ "interrupt pin", PCI_SIZE_8, PCI_INTERRUPT_PIN },
	{ "min Grant", PCI_SIZE_8, PCI_MIN_GNT },
	{ "max Latency", PCI_SIZE_8, PCI_MAX_LAT },
};

static const struct pci_reg regs_bridge[] = {
	{ "primary bus number", PCI_SIZE_8, PCI_PRIMARY_BUS },
	{ "secondary bus number", PCI_SIZE_8, PCI_SECONDARY_BUS },
	{ "subordinate bus number", PCI_SIZE_8, PCI_SUBORDINATE_BUS },
	{ "secondary latency timer", PCI_SIZE_8, PCI_SEC_LATENCY_TIMER },
	{ "IO base", PCI_SIZE_8, PCI_IO_BASE },
	{ "IO limit", PCI_SIZE_8, PCI_IO_LIMIT },
	{ "secondary status", PCI_SIZE_16, PCI_SEC_STATUS },
	{ "memory base", PCI_SIZE_16, PCI_MEMORY_BASE },
	{ "memory limit", PCI_SIZE_16, PCI_MEMORY_LIMIT },
	{ "prefetch memory base", PCI_SIZE_16, PCI_PREF_MEMORY_BASE },
	{ "prefetch memory limit", PCI_SIZE_16, PCI_PREF_MEMORY_LIMIT },
	{ "prefetch memory base upper", PCI_SIZE_32, PCI_PREF_BASE_UPPER32 },
	{ "prefetch memory limit upper", PCI_SIZE_32, PCI_PREF_LIMIT_UPPER32 },
	{ "IO base upper 16 bits", PCI_SIZE_16, PCI_IO_BASE_UPPER16 },
	{ "IO limit upper 16 bits", PCI_SIZE_16, PCI_IO_LIMIT_UPPER16 },
	{ "expansion ROM base address", PCI_SIZE_32, PCI_ROM_ADDRESS1 },
	{ "interrupt line", PCI_SIZE_8, PCI_INTERRUPT_LINE },
	{ "interrupt pin", PCI_SIZE_8, PCI_INTERRUPT_PIN },
	{ "bridge control", PCI_SIZE_16, PCI_BRIDGE_CONTROL },
};

static int size_bytes(enum pci_size_t size)
{
	return size == PCI_SIZE_8 ? 1 : size == PCI_SIZE_16 ? 2 : 4;
}

static ulong cfg_read(struct udevice *dev, int offset, enum pci_size_t size)
{
	ulong val;

	pci_bus_read_config(dev->parent, dm_pci_get_bdf(dev), offset, &val,
			    size);
	return val;
}

static void show_regs(struct udevice *dev, const struct pci_reg *regs,
		      int count)
{
	int i, w;

	for (i = 0; i < count; i++) {
		w = size_bytes(regs[i].size) * 2;
		printf("  %s =%*s0x%.*lx\n", regs[i].name,
		       (int)(28 - strlen(regs[i].name)), "", w,
		       cfg_read(dev, regs[i].offset, regs[i].size));
	}
}

static void pci_header_show(struct udevice *dev)
{
	u8 class = cfg_read(dev, PCI_CLASS_CODE, PCI_SIZE_8);
	u8 htype = cfg_read(dev, PCI_HEADER_TYPE, PCI_SIZE_8);

	show_regs(dev, regs_start, ARRAY_SIZE(regs_start));
	printf("  class code =                  0x%.2x (%s)\n", class,
	       pci_class_str(class));
	show_regs(dev, regs_rest, ARRAY_SIZE(regs_rest));
	switch (htype & 0x7f) {
	case PCI_HEADER_TYPE_NORMAL:
		show_regs(dev, regs_normal, ARRAY_SIZE(regs_normal));
		break;
	case PCI_HEADER_TYPE_BRIDGE:
		show_regs(dev, regs_bridge, ARRAY_SIZE(regs_bridge));
		break;
	default:
		printf("unknown header\n");
		break;
	}
}

static void pci_show_bus(struct udevice *bus, bool brief)
{
	struct udevice *dev;
	pci_dev_t bdf;

	if (brief) {
		printf("BusDevFun  VendorId   DeviceId   Device Class       Sub-Class\n");
		printf("_____________________________________________________________\n");
	}
	device_foreach_child(dev, bus) {
		bdf = dm_pci_get_bdf(dev);
		if (brief) {
			printf("%02x.%02x.%02x   ", PCI_BUS(bdf), PCI_DEV(bdf),
			       PCI_FUNC(bdf));
			printf("0x%.4lx     0x%.4lx     %-23s 0x%.2lx\n",
			       cfg_read(dev, PCI_VENDOR_ID, PCI_SIZE_16),
			       cfg_read(dev, PCI_DEVICE_ID, PCI_SIZE_16),
			       pci_class_str(cfg_read(dev, PCI_CLASS_CODE,
						      PCI_SIZE_8)),
			       cfg_read(dev, PCI_CLASS_SUB_CODE, PCI_SIZE_8));
		} else {
			printf("\nFound PCI device %02x.%02x.%02x:\n",
			       PCI_BUS(bdf), PCI_DEV(bdf), PCI_FUNC(bdf));
			pci_header_show(dev);
		}
	}
}

/* Probe every host bridge, which enumerates what is behind it. */
static int pci_probe_all(void)
{
	struct udevice *bus;
	struct uclass *uc;
	int ret, found = 0;

	ret = uclass_get(UCLASS_PCI, &uc);
	if (ret)
		return ret;
	uclass_foreach_dev(bus, uc) {
		if (device_get_uclass_id(bus->parent) == UCLASS_PCI)
			continue;
		if (!device_probe(bus))
			found++;
	}
	return found ? 0 : -ENODEV;
}

/* The bus device whose number is @busno. */
static struct udevice *pci_find_bus(int busno)
{
	struct pci_child_plat *pplat;
	struct pci_controller *hose;
	struct udevice *bus;
	struct uclass *uc;

	if (uclass_get(UCLASS_PCI, &uc))
		return NULL;
	uclass_foreach_dev(bus, uc) {
		if (device_get_uclass_id(bus->parent) == UCLASS_PCI) {
			pplat = dev_get_parent_plat(bus);
			if (pplat->secondary_bus == busno)
				return bus;
		} else if (device_active(bus)) {
			hose = dev_get_uclass_priv(bus);
			if (hose->first_busno == busno)
				return bus;
		}
	}
	return NULL;
}

static void pci_show_bars(struct udevice *dev)
{
	struct pci_child_plat *pplat = dev_get_parent_plat(dev);
	bool is64;
	u64 base;
	u32 lo;
	int i;

	printf("ID   Base                Size                Width  Type\n");
	printf("----------------------------------------------------------\n");
	for (i = 0; i < 6; i++) {
		if (!pplat->bar_size[i])
			continue;
		lo = cfg_read(dev, PCI_BASE_ADDRESS_0 + 4 * i, PCI_SIZE_32);
		is64 = !(lo & PCI_BASE_ADDRESS_SPACE_IO) &&
		       (lo & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
		       PCI_BASE_ADDRESS_MEM_TYPE_64 && i < 5;
		if (lo & PCI_BASE_ADDRESS_SPACE_IO)
			base = lo & PCI_BASE_ADDRESS_IO_MASK;
		else
			base = lo & PCI_BASE_ADDRESS_MEM_MASK;
		if (is64)
			base |= (u64)cfg_read(dev, PCI_BASE_ADDRESS_0 + 4 * i + 4,
					      PCI_SIZE_32) << 32;
		printf(" %d   0x%016llx  0x%016llx  %d     %s   %s\n", i,
		       (unsigned long long)base,
		       (unsigned long long)pplat->bar_size[i], is64 ? 64 : 32,
		       lo & PCI_BASE_ADDRESS_SPACE_IO ? "I/O" : "MEM",
		       lo & PCI_BASE_ADDRESS_MEM_PREFETCH &&
		       !(lo & PCI_BASE_ADDRESS_SPACE_IO) ? "Prefetchable" : "");
	}
}

static void pci_show_regions(struct udevice *ctlr)
{
	struct pci_controller *hose = dev_get_uclass_priv(ctlr);
	struct pci_region *r;
	int i;

	printf("Buses %02x-%02x\n", hose->first_busno, hose->last_busno);
	printf("#   Bus start          Phys start         Size                Flags\n");
	for (i = 0; i < hose->region_count; i++) {
		r = &hose->regions[i];
		printf("%d   0x%016llx 0x%016llx 0x%016llx  %s%s\n", i,
		       (unsigned long long)r->bus_start,
		       (unsigned long long)r->phys_start,
		       (unsigned long long)r->size,
		       (r->flags & PCI_REGION_TYPE) == PCI_REGION_IO ? "io " :
		       "mem ", r->flags & PCI_REGION_PREFETCH ? "prefetch " : "");
	}
}

static int parse_bdf(const char *str, pci_dev_t *bdf)
{
	ulong b, d, f;
	char *end;

	b = hextoul(str, &end);
	if (*end != '.' || b > 0xff)
		return -EINVAL;
	d = hextoul(end + 1, &end);
	if (*end != '.' || d > 0x1f)
		return -EINVAL;
	f = hextoul(end + 1, &end);
	if (*end || f > 7)
		return -EINVAL;
	*bdf = PCI_BDF(b, d, f);
	return 0;
}

static enum pci_size_t parse_size(const char *cmd)
{
	const char *dot = strchr(cmd, '.');

	if (!dot)
		return PCI_SIZE_32;
	switch (dot[1]) {
	case 'b':
		return PCI_SIZE_8;
	case 'w':
		return PCI_SIZE_16;
	default:
		return PCI_SIZE_32;
	}
}

static int pci_cfg_display(struct udevice *dev, ulong addr,
			   enum pci_size_t size, ulong count)
{
	int bytes = size_bytes(size);
	ulong i;

	for (i = 0; i < count; i++) {
		if (addr + i * bytes >= 4096)
			break;
		if (!(i % (16 / bytes)))
			printf("%s%08lx:", i ? "\n" : "", addr + i * bytes);
		printf(" %0*lx", bytes * 2,
		       cfg_read(dev, addr + i * bytes, size));
		if (ctrlc())
			break;
	}
	printf("\n");
	return CMD_RET_SUCCESS;
}

static int do_pci(struct cmd_tbl *cmdtp, int flag, int argc,
		  char *const argv[])
{
	const char *cmd = argc > 1 ? argv[1] : "";
	struct udevice *bus, *dev;
	enum pci_size_t size;
	ulong addr, val;
	bool brief = true;
	pci_dev_t bdf;
	int ret;

	pci_probe_all();

	if (!strcmp(cmd, "enum"))
		return CMD_RET_SUCCESS;	/* enumerated at probe */

	if (!strcmp(cmd, "regions")) {
		char *end;

		val = argc > 2 ? hextoul(argv[2], &end) : 0;
		if (argc > 2 && *end) {
			printf("pci: bad bus '%s'\n", argv[2]);
			return CMD_RET_FAILURE;
		}
		bus = pci_find_bus(val);
		if (!bus) {
			printf("No such bus\n");
			return CMD_RET_FAILURE;
		}
		while (device_get_uclass_id(bus->parent) == UCLASS_PCI)
			bus = bus->parent;
		pci_show_regions(bus);
		return CMD_RET_SUCCESS;
	}

	if (!strcmp(cmd, "header") || !strcmp(cmd, "bar") ||
	    !strncmp(cmd, "display", 7) || !strncmp(cmd, "write", 5)) {
		if (argc < 3)
			return CMD_RET_USAGE;
		if (parse_bdf(argv[2], &bdf)) {
			printf("pci: bad device '%s' (want bus.dev.fn)\n",
			       argv[2]);
			return CMD_RET_FAILURE;
		}
		ret = pci_bus_find_bdf(bdf, &dev);
		if (ret) {
			printf("No such device\n");
			return CMD_RET_FAILURE;
		}
		size = parse_size(cmd);
		if (!strcmp(cmd, "header")) {
			pci_header_show(dev);
			return CMD_RET_SUCCESS;
		}
		if (!strcmp(cmd, "bar")) {
			pci_show_bars(dev);
			return CMD_RET_SUCCESS;
		}
		addr = argc > 3 ? hextoul(argv[3], NULL) : 0;
		if (addr >= 4096 || addr % size_bytes(size)) {
			printf("pci: bad address %lx\n", addr);
			return CMD_RET_FAILURE;
		}
		if (cmd[0] == 'd')
			return pci_cfg_display(dev, addr, size, argc > 4 ?
					       hextoul(argv[4], NULL) :
					       64 / size_bytes(size));
		if (argc < 5)
			return CMD_RET_USAGE;
		val = hextoul(argv[4], NULL);
		ret = pci_bus_write_config(dev->parent, bdf, addr, val, size);
		if (ret) {
			printf("pci: write failed (%d)\n", ret);
			return CMD_RET_FAILURE;
		}
		return CMD_RET_SUCCESS;
	}

	/* pci [bus|*] [long] */
	if (argc > 1 && argv[argc - 1][0] == 'l') {
		argc--;
		brief = false;
	}
	if (argc > 2)
		return CMD_RET_USAGE;
	if (argc > 1 && argv[1][0] == '*') {
		struct uclass *uc;

		if (uclass_get(UCLASS_PCI, &uc))
			return CMD_RET_FAILURE;
		uclass_foreach_dev(bus, uc) {
			if (device_active(bus) ||
			    device_get_uclass_id(bus->parent) == UCLASS_PCI)
				pci_show_bus(bus, brief);
		}
		return CMD_RET_SUCCESS;
	}
	if (argc > 1) {
		char *end;

		val = hextoul(argv[1], &end);
		if (*end) {
			printf("pci: bad bus '%s'\n", argv[1]);
			return CMD_RET_FAILURE;
		}
	} else {
		val = 0;
	}
	bus = pci_find_bus(val);
	if (!bus) {
		printf("No such bus\n");
		return CMD_RET_FAILURE;
	}
	pci_show_bus(bus, brief);
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	pci, 5, 1, do_pci,
	"list and access PCI Configuration Space",
	"[bus|*] [long]\n"
	"    - short or long list of PCI devices on bus 'bus'\n"
	"pci enum\n"
	"    - Enumerate PCI buses\n"
	"pci header b.d.f\n"
	"    - show header of PCI device 'bus.device.function'\n"
	"pci bar b.d.f\n"
	"    - show BARs base and size for device b.d.f'\n"
	"pci regions [bus]\n"
	"    - show PCI regions\n"
	"pci display[.b, .w, .l] b.d.f [address] [# of objects]\n"
	"    - display PCI configuration space (CFG)\n"
	"pci write[.b, .w, .l] b.d.f address value\n"
	"    - write to CFG address"
);
