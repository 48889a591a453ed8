// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qemu-system-aarch64 -M virt. Nothing about the machine is hard-coded:
 * QEMU writes a flattened device tree at the start of RAM, which this
 * file hands to the driver model as the control tree; the drivers of
 * the PL011, the PCIe host bridge and the virtio-mmio slots bind from
 * it (drivers/core, dm_scan_fdt()), as on U-Boot's qemu-arm board. The
 * board reads what is the machine's: RAM banks, the PSCI conduit and
 * the console's address for the debug output of a crash.
 */

#include <common.h>
#include <virtio.h>
#include <dm.h>
#include <env.h>
#include <fdt.h>
#include <fdt_support.h>
#include <fdtdec.h>
#include <init.h>
#include <malloc.h>
#include <asm/io.h>
#include <asm/sections.h>
#include <asm/system.h>

/* With -bios, QEMU writes the device tree at the start of RAM (1 MiB). */
#define QEMU_VIRT_FDT_ADDR	0x40000000
#define QEMU_VIRT_FDT_SIZE	0x100000

#define MAX_MEM_BANKS	8

static struct mem_bank mem_banks[MAX_MEM_BANKS];
static int mem_bank_count;
static ulong fdt_control_addr;

/* The console's UART early, for the debug output of a crash. */
static void find_debug_uart(const void *fdt)
{
	ofnode node = ofnode_get_chosen_node("stdout-path");
	fdt_addr_t base;

	if (!ofnode_valid(node)) {
		node = offset_to_ofnode(fdt_node_offset_by_compatible(fdt, -1,
								      "arm,pl011"));
	}
	base = ofnode_get_addr_size_index(node, 0, NULL);
	if (base != FDT_ADDR_T_NONE)
		arm64_set_debug_uart(base);
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

int board_get_mem_banks(struct mem_bank *banks, int max)
{
	int i;

	for (i = 0; i < mem_bank_count && i < max; i++)
		banks[i] = mem_banks[i];
	return i;
}

ulong board_ram_top(void)
{
	const void *fdt = phys_to_virt(QEMU_VIRT_FDT_ADDR);
	ulong data = (ulong)__data_start;
	int i;

	if (fdt_check(fdt, QEMU_VIRT_FDT_SIZE))
		return 0;
	find_memory(fdt);
	for (i = 0; i < mem_bank_count; i++) {
		if (data >= mem_banks[i].start &&
		    data - mem_banks[i].start < mem_banks[i].size)
			return mem_banks[i].start + mem_banks[i].size;
	}

	return 0;
}

/*
 * QEMU's first flash bank holds the image the firmware runs from, in
 * place (no relocation): the device tree's "cfi-flash" node gives it.
 */
void board_bdinfo(struct bd_layout *layout)
{
	const void *fdt = gd_fdt_blob();
	u64 start, size;
	int node;

	node = fdt ? fdt_node_offset_by_compatible(fdt, -1, "cfi-flash") : -1;
	if (node >= 0 && !fdt_get_reg(fdt, node, 0, &start, &size)) {
		layout->flash_start = start;
		layout->flash_size = size;
	}
	layout->flash_offset = (ulong)__data_load + (__data_end - __data_start);
}

/*
 * The control device tree is a copy in the heap, as U-Boot relocates
 * its own (fdtcontroladdr): QEMU's blob at the start of RAM is where
 * U-Boot's scripts load a device tree (fdt_addr_r), and a load there
 * must not pull the firmware's tree from under it. QEMU declares a 1 MiB
 * blob; only the used part (a few KiB) is copied.
 */
void *board_fdt_blob_setup(int *err)
{
	const struct fdt_header *src = phys_to_virt(QEMU_VIRT_FDT_ADDR);
	struct fdt_header *copy;
	u32 used;

	*err = fdt_check(src, QEMU_VIRT_FDT_SIZE);
	if (*err)
		return NULL;
	used = fdt_size_used(src);
	copy = malloc(used);
	if (!copy)
		return (void *)src;
	memcpy(copy, src, used);
	copy->totalsize = cpu_to_be32(used);
	*err = fdt_check(copy, used);
	if (*err) {
		free(copy);
		*err = 0;
		return (void *)src;
	}
	fdt_control_addr = (ulong)copy;

	return copy;
}

int board_init(void)
{
	const void *fdt = gd_fdt_blob();

	if (!fdt)
		return -ENOENT;
	find_debug_uart(fdt);
	find_psci(fdt);
	/* board_ram_top() read the banks from this tree before the heap */
	if (!mem_bank_count)
		find_memory(fdt);
	arm64_mmu_enable(mem_banks, mem_bank_count);
	return 0;
}

/*
 * U-Boot's qemu-arm variables, at U-Boot's addresses: free here too, the
 * firmware's data and stack ending below 0x40200000 and its heap at the
 * top of RAM (arch/arm64/cpu.c). fdt_addr is where QEMU put its blob.
 */
const char board_env_extra[] =
	/* U-Boot's qemu_arm64 names: scripts test them */
	"arch=arm\0"
	"board=qemu-arm\0"
	"board_name=qemu-arm\0"
	"cpu=armv8\0"
	"vendor=emulation\0"
	"loadaddr=0x40200000\0"
	"fdt_addr=0x40000000\0"
	"fdt_addr_r=0x40000000\0"
	"fdt_high=0xffffffff\0"
	"initrd_high=0xffffffff\0"
	"kernel_addr_r=0x40400000\0"
	"pxefile_addr_r=0x40300000\0"
	"ramdisk_addr_r=0x44000000\0"
	"scriptaddr=0x40200000\0";

int board_late_init(void)
{
	/* Where the control device tree is now, as U-Boot sets it */
	if (fdt_control_addr)
		env_set_hex("fdtcontroladdr", fdt_control_addr);
	/*
	 * Every virtio device probed, its disks ready for any block command
	 * (part, load, bootflow) without a 'virtio scan' first, as U-Boot's
	 * qemu-arm board does; a failing device is reported by 'virtio scan'.
	 */
	if (IS_ENABLED(CONFIG_VIRTIO))
		virtio_init();

	return 0;
}
