// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Flattened device tree reader. The blob may be hostile (it is fuzzed):
 * every offset is checked against the structure or strings block before
 * it is read, names and strings must end inside their block, and all
 * walks advance by at least one token, so they end.
 */

#include <common.h>
#include <fdt.h>
#include <linux/byteorder.h>

#define FDT_FIELD(fdt, f) \
	get_unaligned_be32((const u8 *)(fdt) + offsetof(struct fdt_header, f))

/* Largest blob accepted: keeps every offset sum inside an int. */
#define FDT_MAX_SIZE	0x10000000

static const u8 *struct_block(const void *fdt)
{
	return (const u8 *)fdt + FDT_FIELD(fdt, off_dt_struct);
}

static u32 struct_size(const void *fdt)
{
	/* Version 16 blobs have no size_dt_struct: up to the end then. */
	if (FDT_FIELD(fdt, version) < 17)
		return FDT_FIELD(fdt, totalsize) - FDT_FIELD(fdt, off_dt_struct);
	return FDT_FIELD(fdt, size_dt_struct);
}

int fdt_check(const void *fdt, size_t bufsize)
{
	u32 total, off_struct, off_strings, size_strings, size_struct;

	if (!fdt || bufsize < sizeof(struct fdt_header))
		return -EINVAL;
	if (FDT_FIELD(fdt, magic) != FDT_MAGIC)
		return -EINVAL;
	if (FDT_FIELD(fdt, version) < 16 ||
	    FDT_FIELD(fdt, last_comp_version) > 17)
		return -EINVAL;
	total = FDT_FIELD(fdt, totalsize);
	if (total < sizeof(struct fdt_header) || total > bufsize ||
	    total > FDT_MAX_SIZE)
		return -EINVAL;

	off_struct = FDT_FIELD(fdt, off_dt_struct);
	off_strings = FDT_FIELD(fdt, off_dt_strings);
	size_strings = FDT_FIELD(fdt, size_dt_strings);
	if (off_struct < sizeof(struct fdt_header) || off_struct % 4 ||
	    off_struct > total)
		return -EINVAL;
	size_struct = struct_size(fdt);
	if (size_struct > total - off_struct || size_struct % 4)
		return -EINVAL;
	if (off_strings > total || size_strings > total - off_strings)
		return -EINVAL;
	return 0;
}

u32 fdt_totalsize(const void *fdt)
{
	return FDT_FIELD(fdt, totalsize);
}

u32 fdt_size_used(const void *fdt)
{
	u64 total = FDT_FIELD(fdt, totalsize);
	u64 rsv = FDT_FIELD(fdt, off_mem_rsvmap);
	u64 end = max((u64)FDT_FIELD(fdt, off_dt_struct) + struct_size(fdt),
		      (u64)FDT_FIELD(fdt, off_dt_strings) +
		      FDT_FIELD(fdt, size_dt_strings));
	const u8 *p = fdt;

	/* The memory reservations, up to their all-zero entry */
	if (rsv < total) {
		while (rsv + 16 <= total &&
		       (get_unaligned_be64(p + rsv) ||
			get_unaligned_be64(p + rsv + 8)))
			rsv += 16;
		end = max(end, min(rsv + 16, total));
	}
	return min(ALIGN(end, 8), total);
}

/*
 * next_tag() - the token at @offset and where the next one starts
 * Return: the token, or -EINVAL if it or its payload leaves the block
 */
static int next_tag(const void *fdt, int offset, int *nextp)
{
	const u8 *base = struct_block(fdt);
	int size = struct_size(fdt);
	int tag, len;

	if (offset < 0 || offset % 4 || offset > size - 4)
		return -EINVAL;
	tag = get_unaligned_be32(base + offset);
	offset += 4;
	switch (tag) {
	case FDT_BEGIN_NODE:
		len = strnlen((const char *)base + offset, size - offset);
		if (len == size - offset)
			return -EINVAL;
		offset += len + 1;
		break;
	case FDT_PROP:
		if (offset > size - 8)
			return -EINVAL;
		len = get_unaligned_be32(base + offset);
		if (len < 0 || len > size - offset - 8)
			return -EINVAL;
		offset += 8 + len;
		break;
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		break;
	default:
		return -EINVAL;
	}
	*nextp = ALIGN(offset, 4);
	return tag;
}

static int check_node(const void *fdt, int node, int *nextp)
{
	int tag = next_tag(fdt, node, nextp);

	if (tag < 0)
		return tag;
	return tag == FDT_BEGIN_NODE ? 0 : -EINVAL;
}

int fdt_next_node(const void *fdt, int offset, int *depth)
{
	int next = 0, tag, ret;

	if (offset >= 0) {
		ret = check_node(fdt, offset, &next);
		if (ret)
			return ret;
	}

	for (;;) {
		offset = next;
		tag = next_tag(fdt, offset, &next);
		if (tag < 0)
			return tag;
		switch (tag) {
		case FDT_BEGIN_NODE:
			if (depth)
				(*depth)++;
			return offset;
		case FDT_END_NODE:
			if (depth && --(*depth) < 0)
				return -ENOENT;
			break;
		case FDT_END:
			return -ENOENT;
		default:
			break;
		}
	}
}

const char *fdt_get_name(const void *fdt, int node, int *lenp)
{
	const char *name;
	int next;

	if (check_node(fdt, node, &next))
		return NULL;
	name = (const char *)struct_block(fdt) + node + 4;
	if (lenp)
		*lenp = strlen(name);	/* ends inside the block: next_tag() */
	return name;
}

/* The first property at or after @offset, skipping NOPs. */
static int scan_property(const void *fdt, int offset)
{
	int next, tag;

	for (;;) {
		tag = next_tag(fdt, offset, &next);
		if (tag < 0)
			return tag;
		if (tag == FDT_PROP)
			return offset;
		if (tag != FDT_NOP)
			return -ENOENT;
		offset = next;
	}
}

int fdt_first_property_offset(const void *fdt, int node)
{
	int next, ret;

	ret = check_node(fdt, node, &next);
	if (ret)
		return ret;
	return scan_property(fdt, next);
}

int fdt_next_property_offset(const void *fdt, int offset)
{
	int next, tag;

	tag = next_tag(fdt, offset, &next);
	if (tag < 0)
		return tag;
	if (tag != FDT_PROP)
		return -EINVAL;
	return scan_property(fdt, next);
}

/* The string at @off in the strings block, or NULL if it does not end there. */
static const char *get_string(const void *fdt, u32 off)
{
	u32 size = FDT_FIELD(fdt, size_dt_strings);
	const char *s;

	if (off >= size)
		return NULL;
	s = (const char *)fdt + FDT_FIELD(fdt, off_dt_strings) + off;
	if (strnlen(s, size - off) == size - off)
		return NULL;
	return s;
}

const void *fdt_getprop_by_offset(const void *fdt, int offset,
				  const char **namep, int *lenp)
{
	const u8 *prop;
	const char *name;
	int next, tag;

	tag = next_tag(fdt, offset, &next);
	if (tag != FDT_PROP) {
		if (lenp)
			*lenp = tag < 0 ? tag : -EINVAL;
		return NULL;
	}
	prop = struct_block(fdt) + offset;
	name = get_string(fdt, get_unaligned_be32(prop + 8));
	if (!name) {
		if (lenp)
			*lenp = -EINVAL;
		return NULL;
	}
	if (namep)
		*namep = name;
	if (lenp)
		*lenp = get_unaligned_be32(prop + 4);
	return prop + 12;
}

int fdt_property_offset(const void *fdt, int node, const char *name)
{
	const char *pname;
	int offset, len;

	for (offset = fdt_first_property_offset(fdt, node); offset >= 0;
	     offset = fdt_next_property_offset(fdt, offset)) {
		if (!fdt_getprop_by_offset(fdt, offset, &pname, &len))
			return len;
		if (!strcmp(pname, name))
			return offset;
	}
	return offset;
}

const void *fdt_getprop(const void *fdt, int node, const char *name,
			int *lenp)
{
	int offset = fdt_property_offset(fdt, node, name);

	if (offset < 0) {
		if (lenp)
			*lenp = offset;
		return NULL;
	}
	return fdt_getprop_by_offset(fdt, offset, NULL, lenp);
}

int fdt_getprop_u32(const void *fdt, int node, const char *name, u32 *val)
{
	const void *prop;
	int len;

	prop = fdt_getprop(fdt, node, name, &len);
	if (!prop)
		return len;
	if (len < 4)
		return -ERANGE;
	*val = get_unaligned_be32(prop);
	return 0;
}

int fdt_first_subnode(const void *fdt, int node)
{
	int depth = 0;

	node = fdt_next_node(fdt, node, &depth);
	if (node < 0)
		return node;
	return depth == 1 ? node : -ENOENT;
}

int fdt_next_subnode(const void *fdt, int node)
{
	int depth = 1;

	/* Skip @node's own subtree, stop at its next sibling. */
	do {
		node = fdt_next_node(fdt, node, &depth);
		if (node < 0)
			return node;
		if (depth < 1)
			return -ENOENT;
	} while (depth > 1);
	return node;
}

static bool name_matches(const char *nodename, const char *name, int len)
{
	if (strncmp(nodename, name, len))
		return false;
	if (nodename[len] == '\0')
		return true;
	/* "name" matches "name@unit" unless a unit was asked for. */
	return nodename[len] == '@' && !memchr(name, '@', len);
}

static int subnode_offset_len(const void *fdt, int parent, const char *name,
			      int len)
{
	const char *nodename;
	int node;

	for (node = fdt_first_subnode(fdt, parent); node >= 0;
	     node = fdt_next_subnode(fdt, node)) {
		nodename = fdt_get_name(fdt, node, NULL);
		if (!nodename)
			return -EINVAL;
		if (name_matches(nodename, name, len))
			return node;
	}
	return node;
}

int fdt_subnode_offset(const void *fdt, int parent, const char *name)
{
	return subnode_offset_len(fdt, parent, name, strlen(name));
}

int fdt_path_offset(const void *fdt, const char *path)
{
	const char *p = path, *end;
	int node = 0, len;

	if (*p != '/') {
		const char *alias;
		int aliases;

		end = strchr(p, '/');
		len = end ? end - p : (int)strlen(p);
		aliases = fdt_path_offset(fdt, "/aliases");
		if (aliases < 0)
			return aliases;
		for (node = fdt_first_property_offset(fdt, aliases); node >= 0;
		     node = fdt_next_property_offset(fdt, node)) {
			const char *pname;
			int plen;

			alias = fdt_getprop_by_offset(fdt, node, &pname, &plen);
			if (!alias)
				return plen;
			if (strncmp(pname, p, len) || pname[len])
				continue;
			/* The alias must be an absolute path ending in the value. */
			if (plen < 2 || alias[0] != '/' || alias[plen - 1] ||
			    strlen(alias) != plen - 1)
				return -EINVAL;
			node = fdt_path_offset(fdt, alias);
			break;
		}
		if (node < 0 || !end)
			return node;
		p = end;
	}

	while (*p) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		end = strchr(p, '/');
		len = end ? end - p : (int)strlen(p);
		node = subnode_offset_len(fdt, node, p, len);
		if (node < 0)
			return node;
		p += len;
	}
	return node;
}

int fdt_parent_offset(const void *fdt, int node)
{
	int stack[FDT_MAX_DEPTH];
	int offset, depth = 0;

	for (offset = fdt_next_node(fdt, -1, &depth); offset >= 0;
	     offset = fdt_next_node(fdt, offset, &depth)) {
		if (depth > FDT_MAX_DEPTH)
			return -EINVAL;
		if (offset == node)
			return depth > 1 ? stack[depth - 2] : -ENOENT;
		if (offset > node)
			break;
		stack[depth - 1] = offset;
	}
	return offset < 0 && offset != -ENOENT ? offset : -EINVAL;
}

int fdt_stringlist_contains(const char *strlist, int listlen, const char *str)
{
	int len = strlen(str);
	const char *p;

	while (listlen >= len + 1) {
		if (!memcmp(str, strlist, len + 1))
			return 1;
		p = memchr(strlist, '\0', listlen);
		if (!p)
			return 0;
		listlen -= p - strlist + 1;
		strlist = p + 1;
	}
	return 0;
}

int fdt_node_check_compatible(const void *fdt, int node, const char *compat)
{
	const char *prop;
	int len;

	prop = fdt_getprop(fdt, node, "compatible", &len);
	if (!prop)
		return 1;
	return !fdt_stringlist_contains(prop, len, compat);
}

int fdt_node_offset_by_compatible(const void *fdt, int startoffset,
				  const char *compat)
{
	int node;

	for (node = fdt_next_node(fdt, startoffset, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL)) {
		if (!fdt_node_check_compatible(fdt, node, compat))
			return node;
	}
	return node;
}

bool fdt_node_is_enabled(const void *fdt, int node)
{
	const char *status;
	int len;

	status = fdt_getprop(fdt, node, "status", &len);
	if (!status)
		return true;
	return (len == 5 && !memcmp(status, "okay", 5)) ||
	       (len == 3 && !memcmp(status, "ok", 3));
}

int fdt_address_cells(const void *fdt, int node)
{
	u32 val;
	int ret;

	ret = fdt_getprop_u32(fdt, node, "#address-cells", &val);
	if (ret == -ENOENT)
		return 2;
	if (ret)
		return -EINVAL;
	if (val < 1 || val > FDT_MAX_NCELLS)
		return -EINVAL;
	return val;
}

int fdt_size_cells(const void *fdt, int node)
{
	u32 val;
	int ret;

	ret = fdt_getprop_u32(fdt, node, "#size-cells", &val);
	if (ret == -ENOENT)
		return 1;
	if (ret)
		return -EINVAL;
	if (val > FDT_MAX_NCELLS)
		return -EINVAL;
	return val;
}

u64 fdt_read_cells(const void *cells, int n)
{
	const u8 *p = cells;

	if (n <= 0)
		return 0;
	if (n == 1)
		return get_unaligned_be32(p);
	return get_unaligned_be64(p + (n - 2) * 4);
}
