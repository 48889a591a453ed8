/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Addresses in a flattened device tree: "reg" entries and "ranges"
 * translated to CPU physical addresses through every ancestor bus. Errors
 * as in <fdt.h>.
 */
#ifndef __FDT_SUPPORT_H
#define __FDT_SUPPORT_H

#include <linux/types.h>

/**
 * struct fdt_range - one entry of a bus node's "ranges"
 * @child_hi:	with 3 address cells (PCI), the first cell (phys.hi:
 *		space code and flags); 0 otherwise
 * @child:	the child bus address (the low 64 bits)
 * @cpu:	where it appears in the CPU's physical address space
 * @size:	the size of the window
 */
struct fdt_range {
	u32 child_hi;
	u64 child;
	u64 cpu;
	u64 size;
};

/**
 * fdt_translate_address() - a bus address to a CPU physical address
 * @fdt:	the blob
 * @bus:	the node whose children's address space @addr is in
 * @addr:	the address (the low 64 bits for 3-cell buses)
 * @cpu:	the result
 *
 * Walks up through each ancestor's "ranges": an empty one maps one to
 * one, a missing one means the address is not visible to the CPU.
 *
 * Return: 0, -ENOENT if some bus does not map @addr, -EINVAL
 */
int fdt_translate_address(const void *fdt, int bus, u64 addr, u64 *cpu);

/**
 * fdt_get_reg() - the CPU address and size of a node's @index'th reg entry
 * @fdt:	the blob
 * @node:	the node's offset
 * @index:	which entry of "reg", 0 for the first
 * @addrp:	set to the CPU physical address
 * @sizep:	set to the size (may be NULL)
 * Return: 0, -ENOENT if there is no such entry (or it does not
 *	   translate), -EINVAL if the cells are malformed
 */
int fdt_get_reg(const void *fdt, int node, int index, u64 *addrp, u64 *sizep);

/**
 * fdt_get_range() - the @index'th entry of a bus node's "ranges"
 * @fdt:	the blob
 * @node:	the bus node's offset
 * @index:	which entry, 0 for the first
 * @range:	set to the entry
 * Return: 0, -ENOENT if there is no such entry, -EINVAL
 */
int fdt_get_range(const void *fdt, int node, int index,
		  struct fdt_range *range);

#endif
