// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: lib/fdt.c and lib/fdt_support.c over any bytes. Every
 * reader runs on every node of a blob that passes fdt_check(); the
 * sanitizers catch any read outside the input.
 *
 *	clang -fsanitize=fuzzer,address,undefined ... test/fuzz/fdt_fuzz.c \
 *		lib/fdt.c lib/fdt_support.c
 *
 * Seeds in test/fuzz/corpus/fdt/: QEMU's virt tree (dumpdtb, repacked by
 * dtc to its real size) and test/unit/fdt/test.dts. 90 s runs (about
 * 140 000 executions with these seeds, 480 000 from 4 KiB inputs) found
 * nothing.
 */

#include <common.h>
#include <fdt.h>
#include <fdt_support.h>

#include "fuzz_support.h"

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	volatile long sum = 0;
	struct fdt_range r;
	const char *name;
	int node, prop, len, i;
	u64 addr, sz;
	u32 val;

	if (fdt_check(data, size))
		return 0;
	for (node = fdt_next_node(data, -1, NULL); node >= 0;
	     node = fdt_next_node(data, node, NULL)) {
		name = fdt_get_name(data, node, &len);
		sum += name ? len : 0;
		for (prop = fdt_first_property_offset(data, node); prop >= 0;
		     prop = fdt_next_property_offset(data, prop)) {
			if (fdt_getprop_by_offset(data, prop, &name, &len))
				sum += len + strlen(name);
		}
		sum += fdt_parent_offset(data, node);
		sum += fdt_first_subnode(data, node);
		sum += fdt_next_subnode(data, node);
		sum += fdt_node_check_compatible(data, node, "virtio,mmio");
		sum += fdt_node_is_enabled(data, node);
		sum += fdt_address_cells(data, node) + fdt_size_cells(data, node);
		sum += fdt_getprop_u32(data, node, "#address-cells", &val);
		for (i = 0; i < 3; i++) {
			if (!fdt_get_reg(data, node, i, &addr, &sz))
				sum += addr + sz;
			if (!fdt_get_range(data, node, i, &r))
				sum += r.cpu + r.size;
		}
	}
	sum += fdt_path_offset(data, "/chosen");
	sum += fdt_path_offset(data, "serial0/x");
	sum += fdt_path_offset(data, "/pcie@10000000/a@1");
	sum += fdt_node_offset_by_compatible(data, -1, "arm,pl011");
	(void)sum;
	return 0;
}
