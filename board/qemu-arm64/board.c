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
#include <dm.h>
#include <fdt.h>
#include <fdt_support.h>
#include <fdtdec.h>
#include <init.h>
#include <asm/io.h>
#include <asm/system.h>

/* With -bios, QEMU writes the device tree at the start of RAM (1 MiB). */
#define QEMU_VIRT_FDT_ADDR	0x40000000
#define QEMU_VIRT_FDT_SIZE	0x100000

#define MAX_MEM_BANKS	8

static struct mem_bank mem_banks[MAX_MEM_BANKS];
static int mem_bank_count;

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

void *board_fdt_blob_setup(int *err)
{
	void *fdt = phys_to_virt(QEMU_VIRT_FDT_ADDR);

	*err = fdt_check(fdt, QEMU_VIRT_FDT_SIZE);
	return *err ? NULL : fdt;
}

int board_init(void)
{
	const void *fdt = gd_fdt_blob();

	if (!fdt)
		return -ENOENT;
	find_debug_uart(fdt);
	find_psci(fdt);
	find_memory(fdt);
	arm64_mmu_enable(mem_banks, mem_bank_count);
	return 0;
}
