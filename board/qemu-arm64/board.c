// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qemu-system-aarch64 -M virt. Nothing about the machine is hard-coded:
 * QEMU writes a flattened device tree at the start of RAM and this file
 * reads the console UART, the RAM banks, the PSCI conduit, the PCIe
 * host bridges and the virtio-mmio slots from it, as U-Boot's qemu-arm
 * board does, and binds a driver to each.
 */

#include <common.h>
#include <dm.h>
#include <fdt.h>
#include <fdt_support.h>
#include <init.h>
#include <pci.h>
#include <serial_pl01x.h>
#include <virtio_mmio.h>
#include <asm/io.h>
#include <asm/system.h>

/* With -bios, QEMU writes the device tree at the start of RAM (1 MiB). */
#define QEMU_VIRT_FDT_ADDR	0x40000000
#define QEMU_VIRT_FDT_SIZE	0x100000
/* virtio-mmio DeviceID register (virtio 1.x, 4.2.2) */
#define VIRTIO_MMIO_SLOT_DEVICE_ID	0x008

#define MAX_MEM_BANKS	8

static struct mem_bank mem_banks[MAX_MEM_BANKS];
static int mem_bank_count;

/* The UART /chosen/stdout-path names, else the first enabled PL011. */
static int find_console(const void *fdt)
{
	const char *path;
	char buf[128];
	int node, len;

	node = fdt_path_offset(fdt, "/chosen");
	path = node >= 0 ? fdt_getprop(fdt, node, "stdout-path", &len) : NULL;
	if (path && len > 0 && len <= (int)sizeof(buf) && !path[len - 1]) {
		/* "path:options" (e.g. ":115200n8") names the same node. */
		strlcpy(buf, path, sizeof(buf));
		buf[strcspn(buf, ":")] = '\0';
		node = fdt_path_offset(fdt, buf);
		if (node >= 0 && fdt_node_is_enabled(fdt, node) &&
		    !fdt_node_check_compatible(fdt, node, "arm,pl011"))
			return node;
	}
	for (node = fdt_node_offset_by_compatible(fdt, -1, "arm,pl011");
	     node >= 0;
	     node = fdt_node_offset_by_compatible(fdt, node, "arm,pl011")) {
		if (fdt_node_is_enabled(fdt, node))
			return node;
	}
	return node;
}

static int bind_console(const void *fdt)
{
	struct pl01x_serial_plat *plat;
	struct udevice *dev;
	u64 base;
	int node, ret;

	node = find_console(fdt);
	if (node < 0)
		return node;
	ret = fdt_get_reg(fdt, node, 0, &base, NULL);
	if (ret)
		return ret;
	arm64_set_debug_uart(base);
	ret = device_bind_driver(dm_root(), "serial_pl011",
				 fdt_get_name(fdt, node, NULL), &dev);
	if (ret)
		return ret;
	plat = dev_get_plat(dev);
	plat->base = base;
	return 0;
}

static void find_psci(const void *fdt)
{
	static const char *const compats[] = {
		"arm,psci-1.0", "arm,psci-0.2", "arm,psci",
	};
	const char *method;
	int i, node, len;

	for (i = 0; i < ARRAY_SIZE(compats); i++) {
		node = fdt_node_offset_by_compatible(fdt, -1, compats[i]);
		if (node >= 0)
			break;
	}
	if (node < 0)
		return;		/* keep the default: HVC */
	method = fdt_getprop(fdt, node, "method", &len);
	if (!method)
		return;
	if (len == 4 && !memcmp(method, "smc", 4))
		psci_set_conduit(PSCI_CONDUIT_SMC);
	else if (len == 4 && !memcmp(method, "hvc", 4))
		psci_set_conduit(PSCI_CONDUIT_HVC);
}

static void find_memory(const void *fdt)
{
	const char *type;
	u64 start, size;
	int node, i, len;

	mem_bank_count = 0;
	for (node = fdt_next_node(fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL)) {
		type = fdt_getprop(fdt, node, "device_type", &len);
		if (!type || len != 7 || memcmp(type, "memory", 7) ||
		    !fdt_node_is_enabled(fdt, node))
			continue;
		for (i = 0; mem_bank_count < MAX_MEM_BANKS; i++) {
			if (fdt_get_reg(fdt, node, i, &start, &size))
				break;
			if (!size)
				continue;
			mem_banks[mem_bank_count].start = start;
			mem_banks[mem_bank_count].size = size;
			mem_bank_count++;
		}
	}
}

/* One "pci-host-ecam-generic" node: ECAM window, bus range, windows. */
static int bind_pci_host(const void *fdt, int node)
{
	struct pci_ecam_plat *plat;
	struct fdt_range range;
	struct pci_region *r;
	struct udevice *dev;
	const u8 *busr;
	int i, len, ret;
	u64 base, size;

	ret = fdt_get_reg(fdt, node, 0, &base, &size);
	if (ret)
		return ret;
	ret = device_bind_driver_to_node(dm_root(), "pci_generic_ecam",
					 fdt_get_name(fdt, node, NULL),
					 offset_to_ofnode(node), &dev);
	if (ret)
		return ret;
	plat = dev_get_plat(dev);
	plat->cfg_base = base;
	plat->cfg_size = size;
	plat->bus_start = 0;
	plat->bus_end = 0xff;
	busr = fdt_getprop(fdt, node, "bus-range", &len);
	if (busr && len >= 8) {
		plat->bus_start = min_t(u32, get_unaligned_be32(busr), 0xff);
		plat->bus_end = min_t(u32, get_unaligned_be32(busr + 4), 0xff);
	}

	for (i = 0; plat->region_count < MAX_PCI_REGIONS; i++) {
		u32 space;

		if (fdt_get_range(fdt, node, i, &range))
			break;
		/* phys.hi: space code in bits 24-25, prefetchable bit 30 */
		space = (range.child_hi >> 24) & 3;
		if (!space || !range.size)
			continue;	/* configuration space: not a window */
		r = &plat->regions[plat->region_count++];
		r->bus_start = range.child;
		r->phys_start = range.cpu;
		r->size = range.size;
		r->flags = space == 1 ? PCI_REGION_IO : PCI_REGION_MEM;
		if (space == 3)
			r->flags |= PCI_REGION_MEM64;
		if (range.child_hi & 0x40000000)
			r->flags |= PCI_REGION_PREFETCH;
	}
	return 0;
}

static void bind_pci_hosts(const void *fdt)
{
	int node;

	for (node = fdt_node_offset_by_compatible(fdt, -1,
						  "pci-host-ecam-generic");
	     node >= 0;
	     node = fdt_node_offset_by_compatible(fdt, node,
						  "pci-host-ecam-generic")) {
		if (fdt_node_is_enabled(fdt, node))
			bind_pci_host(fdt, node);
	}
}

/*
 * One virtio-mmio transport per "virtio,mmio" node, in tree order. QEMU
 * declares 32 slots whatever is plugged in: a slot whose device id reads
 * 0 is empty and gets no device (the driver would refuse it anyway), so
 * that 'dm tree' and the device numbers show only real devices.
 */
static void bind_virtio_mmio(const void *fdt)
{
	struct virtio_mmio_plat *plat;
	struct udevice *dev;
	u64 base;
	int node;

	for (node = fdt_node_offset_by_compatible(fdt, -1, "virtio,mmio");
	     node >= 0;
	     node = fdt_node_offset_by_compatible(fdt, node, "virtio,mmio")) {
		if (!fdt_node_is_enabled(fdt, node) ||
		    fdt_get_reg(fdt, node, 0, &base, NULL))
			continue;
		if (readl(phys_to_virt(base) + VIRTIO_MMIO_SLOT_DEVICE_ID) == 0)
			continue;
		if (device_bind_driver_to_node(dm_root(), "virtio-mmio",
					       fdt_get_name(fdt, node, NULL),
					       offset_to_ofnode(node), &dev))
			continue;
		plat = dev_get_plat(dev);
		plat->base = base;
	}
}

int board_get_mem_banks(struct mem_bank *banks, int max)
{
	int i;

	for (i = 0; i < mem_bank_count && i < max; i++)
		banks[i] = mem_banks[i];
	return i;
}

int board_init(void)
{
	const void *fdt = phys_to_virt(QEMU_VIRT_FDT_ADDR);
	int ret;

	ret = fdt_check(fdt, QEMU_VIRT_FDT_SIZE);
	if (ret)
		return ret;

	/* The console first: everything after may want to say something. */
	ret = bind_console(fdt);
	find_psci(fdt);
	find_memory(fdt);
	arm64_mmu_enable(mem_banks, mem_bank_count);
	if (IS_ENABLED(CONFIG_PCI))
		bind_pci_hosts(fdt);
	if (IS_ENABLED(CONFIG_VIRTIO_MMIO))
		bind_virtio_mmio(fdt);
	return ret;
}

int board_late_init(void)
{
	struct udevice *dev;

	/* Enumerate PCI now, as U-Boot's pci_init(): 'virtio scan' finds
	 * the virtio-pci transports bound below the host bridges. */
	if (IS_ENABLED(CONFIG_PCI)) {
		for (uclass_first_device(UCLASS_PCI, &dev); dev;
		     uclass_next_device(&dev))
			;
	}
	return 0;
}
