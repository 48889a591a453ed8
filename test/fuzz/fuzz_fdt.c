// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target: lib/fdt.c, lib/fdt_support.c and lib/fdt_rw.c over
 * any bytes. Every reader runs on every node of a blob that passes
 * fdt_check(), then the writer edits a copy as a boot does; the
 * sanitizers catch any access outside the buffers.
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

/*
 * The writer (lib/fdt_rw.c) on a copy with some room: what a boot does to
 * /chosen, a new node, a removal; the blob must pass fdt_check() after
 * every edit, and an edit that fails for room must leave it unchanged.
 */
static void fuzz_write(const u8 *data, size_t size)
{
	static const char args[] = "console=ttyAMA0 root=/dev/vda2";
	int room = (size & 0xff) + 64, chosen, node, ret;
	u8 *buf, *before;

	buf = malloc(size + room);
	before = malloc(size + room);
	if (!buf || !before)
		goto out;
	if (fdt_open_into(data, buf, size + room))
		goto out;
	if (fdt_check(buf, size + room))
		__builtin_trap();
	chosen = fdt_find_or_add_subnode(buf, 0, "chosen");
	if (chosen >= 0) {
		memcpy(before, buf, size + room);
		ret = fdt_setprop_string(buf, chosen, "bootargs", args);
		if (ret == -ENOSPC && memcmp(before, buf, size + room))
			__builtin_trap();
		chosen = fdt_path_offset(buf, "/chosen");
		if (chosen >= 0)
			fdt_setprop_u64(buf, chosen, "linux,initrd-start",
					0x44000000);
		chosen = fdt_path_offset(buf, "/chosen");
		if (chosen >= 0)
			fdt_delprop(buf, chosen, "stdout-path");
	}
	if (fdt_check(buf, size + room))
		__builtin_trap();
	node = fdt_add_subnode(buf, 0, "virtboot@1");
	if (node >= 0 && fdt_setprop_u32(buf, node, "reg", 1) != -ENOSPC &&
	    fdt_path_offset(buf, "/virtboot@1") < 0)
		__builtin_trap();
	if (fdt_check(buf, size + room) || fdt_shrink(buf) ||
	    fdt_check(buf, fdt_totalsize(buf)))
		__builtin_trap();
out:
	free(buf);
	free(before);
}

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
	sum += fdt_size_used(data);
	fuzz_write(data, size);
	(void)sum;
	return 0;
}
