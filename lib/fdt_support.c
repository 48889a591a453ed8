// SPDX-License-Identifier: GPL-2.0-or-later
/* "reg" and "ranges" decoding and address translation for <fdt.h> trees. */

#include <common.h>
#include <fdt.h>
#include <fdt_support.h>

/* Cells per ranges entry of @bus, and the layout of one entry. */
static int range_layout(const void *fdt, int bus, int *child_ac,
			int *parent_ac, int *sc)
{
	int parent = fdt_parent_offset(fdt, bus);

	if (parent < 0)
		return parent == -ENOENT ? -EINVAL : parent;
	*child_ac = fdt_address_cells(fdt, bus);
	*sc = fdt_size_cells(fdt, bus);
	*parent_ac = fdt_address_cells(fdt, parent);
	if (*child_ac < 0 || *sc < 0 || *parent_ac < 0)
		return -EINVAL;
	return parent;
}

static void decode_range(const u8 *p, int child_ac, int parent_ac, int sc,
			 struct fdt_range *range)
{
	range->child_hi = child_ac == 3 ? get_unaligned_be32(p) : 0;
	range->child = fdt_read_cells(p, child_ac);
	p += child_ac * 4;
	range->cpu = fdt_read_cells(p, parent_ac);
	p += parent_ac * 4;
	range->size = fdt_read_cells(p, sc);
}

int fdt_translate_address(const void *fdt, int bus, u64 addr, u64 *cpu)
{
	int hops, parent, child_ac, parent_ac, sc, len, entry, i;
	struct fdt_range range;
	const u8 *ranges;

	for (hops = 0; hops < FDT_MAX_DEPTH; hops++) {
		if (bus == 0) {
			*cpu = addr;
			return 0;
		}
		parent = range_layout(fdt, bus, &child_ac, &parent_ac, &sc);
		if (parent < 0)
			return parent;
		ranges = fdt_getprop(fdt, bus, "ranges", &len);
		if (!ranges)
			return len == -ENOENT ? -ENOENT : -EINVAL;
		if (len) {
			entry = (child_ac + parent_ac + sc) * 4;
			for (i = 0; i + entry <= len; i += entry) {
				decode_range(ranges + i, child_ac, parent_ac,
					     sc, &range);
				if (addr >= range.child &&
				    addr - range.child < range.size)
					break;
			}
			if (i + entry > len)
				return -ENOENT;
			addr = addr - range.child + range.cpu;
		}
		bus = parent;
	}
	return -EINVAL;
}

int fdt_get_reg(const void *fdt, int node, int index, u64 *addrp, u64 *sizep)
{
	int bus, ac, sc, len, entry;
	const u8 *reg;
	u64 addr;
	int ret;

	if (index < 0)
		return -EINVAL;
	bus = fdt_parent_offset(fdt, node);
	if (bus < 0)
		return bus == -ENOENT ? -EINVAL : bus;
	ac = fdt_address_cells(fdt, bus);
	sc = fdt_size_cells(fdt, bus);
	if (ac < 0 || sc < 0)
		return -EINVAL;
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg)
		return len;
	entry = (ac + sc) * 4;
	if (index >= len / entry)
		return -ENOENT;
	reg += index * entry;
	addr = fdt_read_cells(reg, ac);
	ret = fdt_translate_address(fdt, bus, addr, addrp);
	if (ret)
		return ret;
	if (sizep)
		*sizep = fdt_read_cells(reg + ac * 4, sc);
	return 0;
}

int fdt_get_range(const void *fdt, int node, int index,
		  struct fdt_range *range)
{
	int parent, child_ac, parent_ac, sc, len, entry;
	const u8 *ranges;

	if (index < 0)
		return -EINVAL;
	parent = range_layout(fdt, node, &child_ac, &parent_ac, &sc);
	if (parent < 0)
		return parent;
	ranges = fdt_getprop(fdt, node, "ranges", &len);
	if (!ranges)
		return len;
	entry = (child_ac + parent_ac + sc) * 4;
	if (index >= len / entry)
		return -ENOENT;
	decode_range(ranges + index * entry, child_ac, parent_ac, sc, range);
	return fdt_translate_address(fdt, parent, range->cpu, &range->cpu);
}
