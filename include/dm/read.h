/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Reading a device's (or any node's) device tree properties, with
 * U-Boot 2023.01's names: the part drivers need in their of_to_plat and
 * bind methods. Everything reads the control device tree (<fdtdec.h>);
 * with no tree, or a device without a node, the calls find nothing.
 * Without CONFIG_OF_CONTROL the dev_read_*() calls are stubs that find
 * nothing, so a driver with an of_to_plat still builds.
 */
#ifndef _DM_READ_H
#define _DM_READ_H

#include <fdtdec.h>
#include <dm/ofnode.h>

struct udevice;

/**
 * ofnode_root() - the root node of the control device tree
 * Return: the root, or ofnode_null() if there is no tree
 */
ofnode ofnode_root(void);

/** ofnode_get_name() - a node's name ("pl011@9000000"), NULL if none */
const char *ofnode_get_name(ofnode node);

/**
 * ofnode_get_property() - a property's value
 * @node:	the node
 * @propname:	the property's name
 * @lenp:	if not NULL, set to the value's length (or an error)
 * Return: the value (not aligned), or NULL if absent
 */
const void *ofnode_get_property(ofnode node, const char *propname,
				int *lenp);

/** ofnode_is_enabled() - the node's status is absent, "okay" or "ok" */
bool ofnode_is_enabled(ofnode node);

/** ofnode_first_subnode() - a node's first child, ofnode_null() if none */
ofnode ofnode_first_subnode(ofnode node);

/** ofnode_next_subnode() - the next sibling, ofnode_null() if none */
ofnode ofnode_next_subnode(ofnode node);

/**
 * ofnode_get_chosen_node() - the node a /chosen property names by path
 * @propname:	e.g. "stdout-path"; options after a ':' are ignored
 * Return: the node, or ofnode_null()
 */
ofnode ofnode_get_chosen_node(const char *propname);

/**
 * ofnode_get_addr_size_index() - a node's @index'th "reg" entry as a CPU
 * address (translated through every parent bus's "ranges")
 * @node:	the node
 * @index:	which entry (0 for the first)
 * @size:	if not NULL, set to the entry's size
 * Return: the address, or FDT_ADDR_T_NONE
 */
fdt_addr_t ofnode_get_addr_size_index(ofnode node, int index,
				      fdt_size_t *size);

#if IS_ENABLED(CONFIG_OF_CONTROL)
/** dev_read_addr_size_index() - ofnode_get_addr_size_index() of @dev's node */
fdt_addr_t dev_read_addr_size_index(const struct udevice *dev, int index,
				    fdt_size_t *size);

/** dev_read_addr_index() - the CPU address of @dev's @index'th reg entry */
fdt_addr_t dev_read_addr_index(const struct udevice *dev, int index);

/** dev_read_addr() - the CPU address of @dev's first reg entry */
fdt_addr_t dev_read_addr(const struct udevice *dev);

/** dev_read_prop() - ofnode_get_property() of @dev's node */
const void *dev_read_prop(const struct udevice *dev, const char *propname,
			  int *lenp);
#else
static inline fdt_addr_t dev_read_addr_size_index(const struct udevice *dev,
						  int index, fdt_size_t *size)
{
	return FDT_ADDR_T_NONE;
}

static inline fdt_addr_t dev_read_addr_index(const struct udevice *dev,
					     int index)
{
	return FDT_ADDR_T_NONE;
}

static inline fdt_addr_t dev_read_addr(const struct udevice *dev)
{
	return FDT_ADDR_T_NONE;
}

static inline const void *dev_read_prop(const struct udevice *dev,
					const char *propname, int *lenp)
{
	return NULL;
}
#endif

#endif
