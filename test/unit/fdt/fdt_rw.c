// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Tests for lib/fdt_rw.c: edits on a copy of test.dts, read back with
 * the reader, and the blob checked whole after every one.
 */

#include <common.h>
#include <fdt.h>
#include <test/ut.h>
#include "test_blob.h"

#define ROOM	1024

static u8 buf[sizeof(fdt_test_blob) + ROOM];

static int open_copy(struct unit_test_state *uts, int size)
{
	memset(buf, 0xa5, sizeof(buf));
	ut_assertok(fdt_open_into(fdt_test_blob, buf, size));
	ut_assertok(fdt_check(buf, size));
	return 0;
}

static int fdt_rw_test_open(struct unit_test_state *uts)
{
	int node;

	ut_assertok(open_copy(uts, sizeof(buf)));
	ut_asserteq(sizeof(buf), fdt_totalsize(buf));
	node = fdt_path_offset(buf, "/chosen");
	ut_assert(node > 0);
	ut_asserteq_str("/uart@9000000",
			fdt_getprop(buf, node, "stdout-path", NULL));
	/* Shrunk, it is exactly the original's blocks again */
	ut_assertok(fdt_shrink(buf));
	ut_assert(fdt_totalsize(buf) <= sizeof(fdt_test_blob));
	ut_assertok(fdt_check(buf, fdt_totalsize(buf)));
	/* Too small a buffer is refused */
	ut_asserteq(-ENOSPC, fdt_open_into(fdt_test_blob, buf, 64));
	/* In place, growing */
	memcpy(buf, fdt_test_blob, sizeof(fdt_test_blob));
	ut_assertok(fdt_open_into(buf, buf, sizeof(buf)));
	ut_assertok(fdt_check(buf, sizeof(buf)));
	ut_assert(fdt_path_offset(buf, "/soc") > 0);
	return 0;
}
UNIT_TEST(fdt_rw_test_open, 0, fdt);

static int fdt_rw_test_setprop(struct unit_test_state *uts)
{
	int node, len;
	const char *val;
	u32 cell;

	ut_assertok(open_copy(uts, sizeof(buf)));
	node = fdt_path_offset(buf, "/chosen");
	/* New property, new name */
	ut_assertok(fdt_setprop_string(buf, node, "bootargs",
				       "console=ttyAMA0 root=/dev/vda2"));
	ut_assertok(fdt_check(buf, sizeof(buf)));
	node = fdt_path_offset(buf, "/chosen");
	ut_asserteq_str("console=ttyAMA0 root=/dev/vda2",
			fdt_getprop(buf, node, "bootargs", NULL));
	ut_asserteq_str("/uart@9000000",
			fdt_getprop(buf, node, "stdout-path", NULL));
	/* Replaced, shorter then longer: later nodes still found */
	ut_assertok(fdt_setprop_string(buf, node, "bootargs", "q"));
	val = fdt_getprop(buf, node, "bootargs", &len);
	ut_asserteq(2, len);
	ut_asserteq_str("q", val);
	ut_assertok(fdt_setprop_u64(buf, node, "linux,initrd-start",
				    0x44000000));
	ut_assertok(fdt_setprop_u32(buf, node, "linux,initrd-end", 0x44100000));
	ut_assertok(fdt_getprop_u32(buf, node, "linux,initrd-end", &cell));
	ut_asserteq(0x44100000, cell);
	val = fdt_getprop(buf, node, "linux,initrd-start", &len);
	ut_asserteq(8, len);
	ut_asserteq(0x44000000, get_unaligned_be64(val));
	ut_assert(fdt_path_offset(buf, "/soc") > 0);
	/* A name shared with another node's property is not added twice */
	ut_assertok(fdt_setprop_u32(buf, fdt_path_offset(buf, "/soc"),
				    "compatible", 7));
	ut_assertok(fdt_getprop_u32(buf, fdt_path_offset(buf, "/soc"),
				    "compatible", &cell));
	ut_asserteq(7, cell);
	/* An empty property */
	ut_assertok(fdt_setprop(buf, node, "u-boot,empty", NULL, 0));
	ut_assertnonnull(fdt_getprop(buf, node, "u-boot,empty", &len));
	ut_asserteq(0, len);
	/* Removed */
	ut_assertok(fdt_delprop(buf, node, "bootargs"));
	ut_assertnull(fdt_getprop(buf, node, "bootargs", &len));
	ut_asserteq(-ENOENT, len);
	ut_asserteq(-ENOENT, fdt_delprop(buf, node, "bootargs"));
	ut_assertok(fdt_check(buf, sizeof(buf)));
	return 0;
}
UNIT_TEST(fdt_rw_test_setprop, 0, fdt);

static int fdt_rw_test_nospace(struct unit_test_state *uts)
{
	static u8 before[sizeof(buf)];
	char big[ROOM / 2];
	int node, size = sizeof(fdt_test_blob) + 16;

	ut_assertok(open_copy(uts, size));
	memcpy(before, buf, size);
	node = fdt_path_offset(buf, "/chosen");
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	ut_asserteq(-ENOSPC, fdt_setprop_string(buf, node, "bootargs", big));
	ut_asserteq(-ENOSPC, fdt_setprop_string(buf, node, "stdout-path",
						big));
	ut_asserteq_mem(before, buf, size);
	/* Growing the buffer in place makes the room */
	ut_assertok(fdt_open_into(buf, buf, sizeof(buf)));
	node = fdt_path_offset(buf, "/chosen");
	ut_assertok(fdt_setprop_string(buf, node, "bootargs", big));
	ut_asserteq(sizeof(big), strlen(fdt_getprop(buf, node, "bootargs",
						    NULL)) + 1);
	/* A version 16 blob is refused, for writes and for opening */
	memcpy(before, fdt_test_blob, sizeof(fdt_test_blob));
	put_unaligned_be32(16, before + 20);
	ut_asserteq(-EINVAL, fdt_setprop_u32(before, 0, "x", 1));
	ut_asserteq(-EINVAL, fdt_open_into(before, buf, sizeof(buf)));
	return 0;
}
UNIT_TEST(fdt_rw_test_nospace, 0, fdt);

static int fdt_rw_test_subnode(struct unit_test_state *uts)
{
	int root, node, child;

	ut_assertok(open_copy(uts, sizeof(buf)));
	root = fdt_path_offset(buf, "/");
	ut_asserteq(-EEXIST, fdt_add_subnode(buf, root, "chosen"));
	ut_asserteq(-EINVAL, fdt_add_subnode(buf, root, "a/b"));
	node = fdt_add_subnode(buf, root, "extra");
	ut_assert(node > 0);
	ut_asserteq(node, fdt_path_offset(buf, "/extra"));
	ut_assertok(fdt_setprop_string(buf, node, "status", "okay"));
	child = fdt_find_or_add_subnode(buf, node, "leaf@1");
	ut_assert(child > 0);
	ut_asserteq(child, fdt_find_or_add_subnode(buf, node, "leaf@1"));
	ut_asserteq(child, fdt_path_offset(buf, "/extra/leaf@1"));
	ut_asserteq(node, fdt_parent_offset(buf, child));
	ut_assertok(fdt_check(buf, sizeof(buf)));
	/* The old nodes are still where paths say */
	ut_assert(fdt_path_offset(buf, "/soc") > 0);
	ut_assert(fdt_path_offset(buf, "/chosen") > 0);
	return 0;
}
UNIT_TEST(fdt_rw_test_subnode, 0, fdt);
