/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Device tree node references, reduced to what virtboot needs. virtboot
 * has no live (unflattened) tree, so an ofnode is only ever an offset
 * into the flattened tree (the arm64 board reads the one QEMU passes);
 * a negative offset means "no node". The type is U-Boot's union so that
 * code written for U-Boot compiles unchanged.
 */
#ifndef _DM_OFNODE_H
#define _DM_OFNODE_H

#include <linux/types.h>

struct device_node;

/**
 * typedef ofnode - a reference to a device tree node
 * @np:		live tree node (never used in virtboot)
 * @of_offset:	offset of the node in the flattened tree, or -1 for none
 */
typedef union ofnode_union {
	const struct device_node *np;
	long of_offset;
} ofnode;

/** ofnode_null() - the reference to no node */
static inline ofnode ofnode_null(void)
{
	ofnode node;

	node.of_offset = -1;

	return node;
}

/** ofnode_valid() - whether @node refers to a node */
static inline bool ofnode_valid(ofnode node)
{
	return node.of_offset >= 0;
}

/** ofnode_to_offset() - the flattened-tree offset of @node (-1 if none) */
static inline int ofnode_to_offset(ofnode node)
{
	return node.of_offset;
}

/** offset_to_ofnode() - the reference to the node at flattened offset @of_offset */
static inline ofnode offset_to_ofnode(int of_offset)
{
	ofnode node;

	node.of_offset = of_offset >= 0 ? of_offset : -1;

	return node;
}

/** ofnode_equal() - whether two references name the same node */
static inline bool ofnode_equal(ofnode ref1, ofnode ref2)
{
	return ref1.of_offset == ref2.of_offset;
}

#endif
