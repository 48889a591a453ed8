// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for lib/fdt.c and lib/fdt_support.c against a small tree
 * (test.dts) that has what QEMU's virt tree has: two-cell root, PCI
 * ranges, a disabled node, aliases, nested buses with and without ranges.
 */

#include <common.h>
#include <fdt.h>
#include <fdt_support.h>
#include <test/ut.h>
#include "test_blob.h"

static const void *blob = fdt_test_blob;

static int fdt_test_header(struct unit_test_state *uts)
{
	u8 copy[sizeof(fdt_test_blob)];

	ut_assertok(fdt_check(blob, sizeof(fdt_test_blob)));
	ut_asserteq(sizeof(fdt_test_blob), fdt_totalsize(blob));
	/* A buffer shorter than totalsize is refused. */
	ut_asserteq(-EINVAL, fdt_check(blob, sizeof(fdt_test_blob) - 1));
	ut_asserteq(-EINVAL, fdt_check(blob, 8));
	ut_asserteq(-EINVAL, fdt_check(NULL, 4096));

	memcpy(copy, blob, sizeof(copy));
	copy[0] ^= 1;					/* magic */
	ut_asserteq(-EINVAL, fdt_check(copy, sizeof(copy)));
	memcpy(copy, blob, sizeof(copy));
	put_unaligned_be32(0x7ffffff0, copy + 8);	/* off_dt_struct */
	ut_asserteq(-EINVAL, fdt_check(copy, sizeof(copy)));
	memcpy(copy, blob, sizeof(copy));
	put_unaligned_be32(0x10000, copy + 32);		/* size_dt_strings */
	ut_asserteq(-EINVAL, fdt_check(copy, sizeof(copy)));
	return 0;
}
UNIT_TEST(fdt_test_header, 0, fdt);

static int fdt_test_walk(struct unit_test_state *uts)
{
	int node, depth = 0, count = 0, maxdepth = 0;
	const char *name;

	for (node = fdt_next_node(blob, -1, &depth); node >= 0;
	     node = fdt_next_node(blob, node, &depth)) {
		count++;
		maxdepth = max(maxdepth, depth);
	}
	ut_asserteq(-ENOENT, node);
	ut_asserteq(13, count);
	ut_asserteq(4, maxdepth);

	name = fdt_get_name(blob, 0, NULL);
	ut_asserteq_str("", name);
	node = fdt_first_subnode(blob, 0);
	ut_asserteq_str("aliases", fdt_get_name(blob, node, NULL));
	node = fdt_next_subnode(blob, node);
	ut_asserteq_str("chosen", fdt_get_name(blob, node, NULL));

	/* Children of /soc: dev@1000, inner, hole (not inner's dev@2000). */
	node = fdt_path_offset(blob, "/soc");
	ut_assert(node > 0);
	count = 0;
	for (node = fdt_first_subnode(blob, node); node >= 0;
	     node = fdt_next_subnode(blob, node))
		count++;
	ut_asserteq(-ENOENT, node);
	ut_asserteq(3, count);

	/* A property offset is not a node. */
	ut_assertnull(fdt_get_name(blob, 4, NULL));
	ut_asserteq(-EINVAL, fdt_next_node(blob, 3, NULL));
	return 0;
}
UNIT_TEST(fdt_test_walk, 0, fdt);

static int fdt_test_paths(struct unit_test_state *uts)
{
	int node, uart, soc;
	const char *s;
	int len;

	ut_asserteq(0, fdt_path_offset(blob, "/"));
	uart = fdt_path_offset(blob, "/uart@9000000");
	ut_assert(uart > 0);
	/* "uart" matches the first uart@<unit>. */
	ut_asserteq(uart, fdt_path_offset(blob, "/uart"));
	ut_asserteq(uart, fdt_path_offset(blob, "serial0"));
	ut_asserteq(-ENOENT, fdt_path_offset(blob, "/uart@1"));
	ut_asserteq(-ENOENT, fdt_path_offset(blob, "/nosuch"));
	ut_asserteq(-ENOENT, fdt_path_offset(blob, "nosuch"));

	node = fdt_path_offset(blob, "/soc/inner/dev@2000");
	ut_assert(node > 0);
	ut_asserteq(node, fdt_path_offset(blob, "bus/inner/dev"));
	soc = fdt_path_offset(blob, "/soc");
	ut_asserteq(soc, fdt_parent_offset(blob,
					   fdt_parent_offset(blob, node)));
	ut_asserteq(0, fdt_parent_offset(blob, soc));
	ut_asserteq(-ENOENT, fdt_parent_offset(blob, 0));
	ut_asserteq(-EINVAL, fdt_parent_offset(blob, 5));

	s = fdt_getprop(blob, fdt_path_offset(blob, "/chosen"), "stdout-path",
			&len);
	ut_assertnonnull(s);
	ut_asserteq_str("/uart@9000000", s);
	ut_asserteq(14, len);
	ut_assertnull(fdt_getprop(blob, uart, "nosuch", &len));
	ut_asserteq(-ENOENT, len);
	return 0;
}
UNIT_TEST(fdt_test_paths, 0, fdt);

static int fdt_test_compatible(struct unit_test_state *uts)
{
	int node, count = 0;

	ut_asserteq(1, fdt_stringlist_contains("a\0bc\0", 5, "bc"));
	ut_asserteq(0, fdt_stringlist_contains("a\0bc\0", 5, "b"));
	ut_asserteq(0, fdt_stringlist_contains("a\0bc", 4, "bc"));
	ut_asserteq(0, fdt_stringlist_contains("", 0, ""));

	for (node = fdt_node_offset_by_compatible(blob, -1, "arm,primecell");
	     node >= 0;
	     node = fdt_node_offset_by_compatible(blob, node, "arm,primecell")) {
		count++;
		ut_asserteq(count == 1, fdt_node_is_enabled(blob, node));
	}
	ut_asserteq(-ENOENT, node);
	ut_asserteq(2, count);

	node = fdt_node_offset_by_compatible(blob, -1, "test,dev");
	ut_assert(fdt_node_is_enabled(blob, node));
	ut_asserteq(0, fdt_node_check_compatible(blob, node, "test,dev"));
	ut_asserteq(1, fdt_node_check_compatible(blob, node, "test"));
	ut_asserteq(1, fdt_node_check_compatible(blob, 0, "test,dev"));
	return 0;
}
UNIT_TEST(fdt_test_compatible, 0, fdt);

static int fdt_test_reg(struct unit_test_state *uts)
{
	struct fdt_range r;
	u64 addr, size;
	int node;

	node = fdt_path_offset(blob, "/memory");
	ut_asserteq(2, fdt_address_cells(blob, 0));
	ut_assertok(fdt_get_reg(blob, node, 0, &addr, &size));
	ut_asserteq(0x40000000, addr);
	ut_asserteq(0x10000000, size);
	ut_assertok(fdt_get_reg(blob, node, 1, &addr, &size));
	ut_asserteq(0x100000000ULL, addr);
	ut_asserteq(0x20000000, size);
	ut_asserteq(-ENOENT, fdt_get_reg(blob, node, 2, &addr, &size));

	/* Through /soc's ranges: 0x1000 -> 0xc001000. */
	node = fdt_path_offset(blob, "/soc/dev");
	ut_assertok(fdt_get_reg(blob, node, 0, &addr, &size));
	ut_asserteq(0xc001000, addr);
	ut_asserteq(0x100, size);
	/* An empty ranges maps one to one, then /soc's applies. */
	node = fdt_path_offset(blob, "/soc/inner/dev");
	ut_assertok(fdt_get_reg(blob, node, 0, &addr, &size));
	ut_asserteq(0xc002000, addr);
	/* No ranges: not visible to the CPU. */
	node = fdt_path_offset(blob, "/soc/hole/dev");
	ut_asserteq(-ENOENT, fdt_get_reg(blob, node, 0, &addr, &size));

	node = fdt_path_offset(blob, "/pcie");
	ut_asserteq(3, fdt_address_cells(blob, node));
	ut_assertok(fdt_get_reg(blob, node, 0, &addr, &size));
	ut_asserteq(0x4010000000ULL, addr);
	ut_assertok(fdt_get_range(blob, node, 0, &r));
	ut_asserteq(0x1000000, r.child_hi);
	ut_asserteq(0, r.child);
	ut_asserteq(0x3eff0000, r.cpu);
	ut_asserteq(0x10000, r.size);
	ut_assertok(fdt_get_range(blob, node, 2, &r));
	ut_asserteq(0x3000000, r.child_hi);
	ut_asserteq(0x8000000000ULL, r.child);
	ut_asserteq(0x8000000000ULL, r.cpu);
	ut_asserteq(-ENOENT, fdt_get_range(blob, node, 3, &r));
	return 0;
}
UNIT_TEST(fdt_test_reg, 0, fdt);

/* Run every reader over a damaged blob: errors are fine, crashes are not. */
static int walk_everything(const void *fdt)
{
	int node, prop, len, sum = 0;
	struct fdt_range r;
	u64 addr, size;
	const char *name;

	for (node = fdt_next_node(fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL)) {
		name = fdt_get_name(fdt, node, &len);
		sum += name ? len : 0;
		for (prop = fdt_first_property_offset(fdt, node); prop >= 0;
		     prop = fdt_next_property_offset(fdt, prop)) {
			if (fdt_getprop_by_offset(fdt, prop, &name, &len))
				sum += len;
		}
		sum += fdt_parent_offset(fdt, node);
		sum += fdt_first_subnode(fdt, node);
		sum += fdt_node_check_compatible(fdt, node, "arm,pl011");
		sum += fdt_get_reg(fdt, node, 0, &addr, &size);
		sum += fdt_get_range(fdt, node, 1, &r);
		sum += fdt_node_is_enabled(fdt, node);
	}
	sum += fdt_path_offset(fdt, "serial0");
	sum += fdt_path_offset(fdt, "/soc/inner/dev");
	return sum;
}

static int fdt_test_damaged(struct unit_test_state *uts)
{
	u8 *copy = malloc(sizeof(fdt_test_blob));
	size_t i;
	int bit;

	ut_assertnonnull(copy);
	for (i = 0; i < sizeof(fdt_test_blob); i++) {
		for (bit = 0; bit < 8; bit += 3) {
			memcpy(copy, blob, sizeof(fdt_test_blob));
			copy[i] ^= 0x81 << bit >> 1;
			if (fdt_check(copy, sizeof(fdt_test_blob)))
				continue;
			walk_everything(copy);
		}
	}
	/* Truncations: fdt_check() must refuse what does not fit. */
	for (i = 0; i < sizeof(fdt_test_blob); i += 7) {
		memcpy(copy, blob, i);
		ut_asserteq(-EINVAL, fdt_check(copy, i));
	}
	free(copy);
	return 0;
}
UNIT_TEST(fdt_test_damaged, 0, fdt);
