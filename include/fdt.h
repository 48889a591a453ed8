/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A small reader for flattened device trees (the DTB QEMU hands to the
 * firmware). Function names follow libfdt's where the job is the same;
 * errors are negative errno values as everywhere in virtboot:
 *
 *	-EINVAL	the blob is malformed (bad header, token, offset or string)
 *	-ENOENT	no such node or property
 *	-ERANGE	a property is too short for what was asked of it
 *
 * Every read is bounds-checked against the blob's header, and the header
 * against the size of the buffer given to fdt_check(): a hostile blob
 * gives errors, never a read outside the buffer. Call fdt_check() first;
 * the other functions assume it passed.
 *
 * A node is named by its offset in the structure block (the root is 0).
 */
#ifndef __FDT_H
#define __FDT_H

#include <linux/types.h>

#define FDT_MAGIC		0xd00dfeed
#define FDT_BEGIN_NODE		0x1
#define FDT_END_NODE		0x2
#define FDT_PROP		0x3
#define FDT_NOP			0x4
#define FDT_END			0x9

/* Deepest node nesting the walkers accept. */
#define FDT_MAX_DEPTH		32
/* Most cells in an address or size (#address-cells, #size-cells). */
#define FDT_MAX_NCELLS		4

/** struct fdt_header - the blob's header, all fields big-endian */
struct fdt_header {
	__be32 magic;
	__be32 totalsize;
	__be32 off_dt_struct;
	__be32 off_dt_strings;
	__be32 off_mem_rsvmap;
	__be32 version;
	__be32 last_comp_version;
	__be32 boot_cpuid_phys;
	__be32 size_dt_strings;
	__be32 size_dt_struct;
} __packed;

_Static_assert(sizeof(struct fdt_header) == 40, "fdt_header size");

/**
 * fdt_check() - validate a blob's header against its buffer
 * @fdt:	the blob
 * @bufsize:	bytes readable at @fdt
 *
 * Checks the magic, version (16 or later, last compatible version 16 or
 * earlier), that totalsize fits in @bufsize and that the structure and
 * strings blocks lie inside totalsize.
 *
 * Return: 0 if usable, -EINVAL if not
 */
int fdt_check(const void *fdt, size_t bufsize);

/** fdt_totalsize() - the blob's size as its header says (after fdt_check()) */
u32 fdt_totalsize(const void *fdt);

/**
 * fdt_size_used() - the bytes the blob's blocks take, 8-aligned
 * @fdt:	the blob (after fdt_check())
 *
 * QEMU declares a 1 MiB blob that holds a few KiB.
 * Return: at most the blob's totalsize
 */
u32 fdt_size_used(const void *fdt);

/**
 * fdt_next_node() - the next node in document order
 * @fdt:	the blob
 * @offset:	a node, or -1 to start at the root
 * @depth:	if not NULL, nesting relative to where the walk started:
 *		updated to the returned node's depth
 *
 * With @depth, the walk stops (-ENOENT) once it would leave the subtree
 * whose root had depth 0.
 *
 * Return: the next node's offset, -ENOENT at the end, -EINVAL if malformed
 */
int fdt_next_node(const void *fdt, int offset, int *depth);

/**
 * fdt_get_name() - a node's name (with its unit address: "pl011@9000000")
 * @fdt:	the blob
 * @node:	the node's offset
 * @lenp:	if not NULL, set to the name's length
 * Return: the name (the root's is ""), or NULL if @node is not a node
 */
const char *fdt_get_name(const void *fdt, int node, int *lenp);

/**
 * fdt_getprop() - find a property of a node
 * @fdt:	the blob
 * @node:	the node's offset
 * @name:	the property's name
 * @lenp:	if not NULL, set to the value's length, or to the error
 * Return: the value (not aligned), or NULL if absent or malformed
 */
const void *fdt_getprop(const void *fdt, int node, const char *name,
			int *lenp);

/**
 * fdt_property_offset() - where a node's property of that name is
 * @fdt:	the blob
 * @node:	the node's offset
 * @name:	the property's name
 * Return: its offset, -ENOENT if absent, -EINVAL if malformed
 */
int fdt_property_offset(const void *fdt, int node, const char *name);

/**
 * fdt_first_property_offset() - the first property of a node
 * @fdt:	the blob
 * @node:	the node's offset
 * Return: a property offset, -ENOENT if none, -EINVAL if malformed
 */
int fdt_first_property_offset(const void *fdt, int node);

/** fdt_next_property_offset() - the property after @offset, as above */
int fdt_next_property_offset(const void *fdt, int offset);

/**
 * fdt_getprop_by_offset() - a property's value and name by its offset
 * @fdt:	the blob
 * @offset:	the property's offset
 * @namep:	if not NULL, set to the property's name
 * @lenp:	if not NULL, set to the value's length or to the error
 * Return: the value, or NULL if @offset is not a valid property
 */
const void *fdt_getprop_by_offset(const void *fdt, int offset,
				  const char **namep, int *lenp);

/**
 * fdt_getprop_u32() - read a one-cell property
 * @fdt:	the blob
 * @node:	the node's offset
 * @name:	the property's name
 * @val:	set to the value (converted from big-endian)
 * Return: 0 with *@val set, -ENOENT if absent, -ERANGE if shorter than 4 bytes
 */
int fdt_getprop_u32(const void *fdt, int node, const char *name, u32 *val);

/**
 * fdt_first_subnode() - a node's first child
 * @fdt:	the blob
 * @node:	the parent's offset
 * Return: the child's offset, -ENOENT if none, -EINVAL if malformed
 */
int fdt_first_subnode(const void *fdt, int node);

/** fdt_next_subnode() - the next sibling of @node, as above */
int fdt_next_subnode(const void *fdt, int node);

/**
 * fdt_subnode_offset() - a child by name
 * @fdt:	the blob
 * @parent:	the parent's offset
 * @name:	"name@unit", or "name" which also matches "name@<any unit>"
 * Return: the child's offset, -ENOENT or -EINVAL
 */
int fdt_subnode_offset(const void *fdt, int parent, const char *name);

/**
 * fdt_path_offset() - a node by path: "/", "/chosen", "/pcie@10000000",
 *		       or an alias from /aliases ("serial0", "serial0/sub")
 * @fdt:	the blob
 * @path:	the path or alias
 * Return: the node's offset, -ENOENT or -EINVAL
 */
int fdt_path_offset(const void *fdt, const char *path);

/**
 * fdt_parent_offset() - a node's parent
 * @fdt:	the blob
 * @node:	the node's offset
 * Return: the parent's offset, -ENOENT for the root, -EINVAL
 */
int fdt_parent_offset(const void *fdt, int node);

/**
 * fdt_stringlist_contains() - is @str one of the strings in @strlist
 * @strlist:	NUL-separated strings (a "compatible" value)
 * @listlen:	its length in bytes
 * @str:	the string to look for
 * Return: 1 if it is, 0 if not
 */
int fdt_stringlist_contains(const char *strlist, int listlen,
			    const char *str);

/**
 * fdt_node_check_compatible() - does a node's "compatible" list @compat
 * @fdt:	the blob
 * @node:	the node's offset
 * @compat:	the compatible string
 * Return: 0 if it does, 1 if it does not (or has no "compatible")
 */
int fdt_node_check_compatible(const void *fdt, int node, const char *compat);

/**
 * fdt_node_offset_by_compatible() - the next node compatible with @compat
 * @fdt:	the blob
 * @startoffset: search after this node; -1 searches from the root
 * @compat:	the compatible string
 * Return: the node's offset, -ENOENT if none is left, -EINVAL
 */
int fdt_node_offset_by_compatible(const void *fdt, int startoffset,
				  const char *compat);

/**
 * fdt_node_is_enabled() - a node's "status" is absent, "okay" or "ok"
 * @fdt:	the blob
 * @node:	the node's offset
 * Return: true if enabled
 */
bool fdt_node_is_enabled(const void *fdt, int node);

/**
 * fdt_address_cells() - #address-cells of @node (for its children's reg)
 * @fdt:	the blob
 * @node:	the bus node's offset
 * Return: the value, 2 if absent (the spec's default), -EINVAL if out
 *	   of range (1 to FDT_MAX_NCELLS)
 */
int fdt_address_cells(const void *fdt, int node);

/**
 * fdt_size_cells() - #size-cells of @node
 * @fdt:	the blob
 * @node:	the bus node's offset
 * Return: the value, 1 if absent, -EINVAL if out of range (0 to
 *	   FDT_MAX_NCELLS)
 */
int fdt_size_cells(const void *fdt, int node);

/**
 * fdt_read_cells() - read a number of 1 or 2 big-endian cells
 * @cells:	the cells (any alignment)
 * @n:		how many: 1 or 2 (more: the low 2 are returned)
 * Return: the number
 */
u64 fdt_read_cells(const void *cells, int n);

/*
 * Writing (lib/fdt_rw.c). Edits need the layout fdt_open_into() makes;
 * they return -ENOSPC, with the blob unchanged, when totalsize has no
 * room for them, and -EINVAL on a blob not laid out for editing.
 */

/**
 * fdt_open_into() - copy a blob into @buf laid out for editing
 * @fdt:	the blob (fdt_check()ed against its totalsize here)
 * @buf:	where it goes: may be @fdt itself, to resize in place
 * @bufsize:	the new totalsize; the room past the blocks is free for edits
 * Return: 0, -EINVAL if malformed or version 16, -ENOSPC if too small
 */
int fdt_open_into(const void *fdt, void *buf, int bufsize);

/** fdt_shrink() - set totalsize to the bytes in use (no room left) */
int fdt_shrink(void *fdt);

/**
 * fdt_setprop() - set a property, adding it if missing
 * @fdt:	the blob
 * @node:	the node's offset
 * @name:	the property's name
 * @val:	its value
 * @len:	the value's length (0 for an empty property)
 * Return: 0 or a negative error; node offsets after @node may move
 */
int fdt_setprop(void *fdt, int node, const char *name, const void *val,
		int len);
int fdt_setprop_u32(void *fdt, int node, const char *name, u32 val);
int fdt_setprop_u64(void *fdt, int node, const char *name, u64 val);
int fdt_setprop_string(void *fdt, int node, const char *name,
		       const char *str);

/** fdt_delprop() - remove a property: 0, -ENOENT if absent */
int fdt_delprop(void *fdt, int node, const char *name);

/**
 * fdt_add_subnode() - add an empty child node
 * @fdt:	the blob
 * @parent:	the parent's offset
 * @name:	the child's name (with its unit address)
 * Return: its offset, -EEXIST if a child has that name, or an error
 */
int fdt_add_subnode(void *fdt, int parent, const char *name);

/** fdt_find_or_add_subnode() - the child named @name, added if missing */
int fdt_find_or_add_subnode(void *fdt, int parent, const char *name);

#endif
