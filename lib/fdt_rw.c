// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Flattened device tree writer: what a boot loader changes in the tree
 * it hands to an OS (/chosen's bootargs and initrd range, a property a
 * script sets). fdt_open_into() lays a blob out for editing: header,
 * memory reservations, structure block, strings block, then free room
 * up to totalsize. Every edit moves the bytes behind the change and
 * fails with -ENOSPC, leaving the blob untouched, when the room is short.
 */

#include <common.h>
#include <fdt.h>
#include <linux/byteorder.h>

#define HDR_OFF(f)		offsetof(struct fdt_header, f)
#define MEMRSV_ENTRY		16

static u32 hdr(const void *fdt, size_t field)
{
	return get_unaligned_be32((const u8 *)fdt + field);
}

static void set_hdr(void *fdt, size_t field, u32 val)
{
	put_unaligned_be32(val, (u8 *)fdt + field);
}

/* Bytes of the memory reservation block, its terminating entry included */
static int memrsv_size(const void *fdt, u32 total)
{
	u32 off = hdr(fdt, HDR_OFF(off_mem_rsvmap));
	const u8 *p = (const u8 *)fdt;
	u32 pos;

	if (off < sizeof(struct fdt_header) || off % 8 || off > total)
		return -EINVAL;
	for (pos = off; pos + MEMRSV_ENTRY <= total; pos += MEMRSV_ENTRY) {
		if (!get_unaligned_be64(p + pos + 8))
			return pos + MEMRSV_ENTRY - off;
	}
	return -EINVAL;
}

int fdt_open_into(const void *fdt, void *buf, int bufsize)
{
	u32 total, off_struct, off_strings, size_strings, new_total;
	int rsv, slen;
	u8 *out = buf, *tmp;

	/* Version 16 has no structure size to move the block by */
	if (fdt_check(fdt, hdr(fdt, HDR_OFF(totalsize))) ||
	    hdr(fdt, HDR_OFF(version)) < 17)
		return -EINVAL;
	total = fdt_totalsize(fdt);
	rsv = memrsv_size(fdt, total);
	if (rsv < 0)
		return rsv;
	slen = hdr(fdt, HDR_OFF(size_dt_struct));
	off_struct = hdr(fdt, HDR_OFF(off_dt_struct));
	off_strings = hdr(fdt, HDR_OFF(off_dt_strings));
	size_strings = hdr(fdt, HDR_OFF(size_dt_strings));

	new_total = sizeof(struct fdt_header) + rsv + slen + size_strings;
	if (bufsize < 0 || new_total > (u32)bufsize)
		return -ENOSPC;

	/*
	 * The source may overlap the destination (resizing in place): take
	 * the blocks out into the heap first, then lay them out.
	 */
	tmp = malloc(rsv + slen + size_strings);
	if (!tmp)
		return -ENOMEM;
	memcpy(tmp, (const u8 *)fdt + hdr(fdt, HDR_OFF(off_mem_rsvmap)), rsv);
	memcpy(tmp + rsv, (const u8 *)fdt + off_struct, slen);
	memcpy(tmp + rsv + slen, (const u8 *)fdt + off_strings, size_strings);
	memmove(out, fdt, sizeof(struct fdt_header));
	memcpy(out + sizeof(struct fdt_header), tmp, rsv + slen + size_strings);
	free(tmp);
	set_hdr(out, HDR_OFF(totalsize), bufsize);
	set_hdr(out, HDR_OFF(off_mem_rsvmap), sizeof(struct fdt_header));
	set_hdr(out, HDR_OFF(off_dt_struct), sizeof(struct fdt_header) + rsv);
	set_hdr(out, HDR_OFF(size_dt_struct), slen);
	set_hdr(out, HDR_OFF(off_dt_strings),
		sizeof(struct fdt_header) + rsv + slen);
	set_hdr(out, HDR_OFF(size_dt_strings), size_strings);
	set_hdr(out, HDR_OFF(version), 17);
	set_hdr(out, HDR_OFF(last_comp_version), 16);

	return 0;
}

/* End of the used bytes, or -EINVAL when the blob is not laid out for edits */
static int used_end(const void *fdt)
{
	u32 total = fdt_totalsize(fdt);
	u32 off_struct = hdr(fdt, HDR_OFF(off_dt_struct));
	u32 off_strings = hdr(fdt, HDR_OFF(off_dt_strings));
	u32 size_strings = hdr(fdt, HDR_OFF(size_dt_strings));

	if (hdr(fdt, HDR_OFF(version)) < 17 ||
	    hdr(fdt, HDR_OFF(off_mem_rsvmap)) > off_struct ||
	    off_struct + hdr(fdt, HDR_OFF(size_dt_struct)) != off_strings ||
	    off_strings + size_strings > total)
		return -EINVAL;
	return off_strings + size_strings;
}

int fdt_shrink(void *fdt)
{
	int end = used_end(fdt);

	if (end < 0)
		return end;
	set_hdr(fdt, HDR_OFF(totalsize), end);
	return 0;
}

/*
 * Make @newlen bytes where @oldlen are at blob offset @pos, moving what
 * follows; the header's sizes are the caller's to update.
 */
static int splice(void *fdt, u32 pos, u32 oldlen, u32 newlen)
{
	int end = used_end(fdt);
	u8 *p = fdt;

	if (end < 0)
		return end;
	if (pos + oldlen > (u32)end)
		return -EINVAL;
	if ((u64)end - oldlen + newlen > fdt_totalsize(fdt))
		return -ENOSPC;
	memmove(p + pos + newlen, p + pos + oldlen, end - pos - oldlen);
	return 0;
}

/* Grow or shrink the structure block by @delta at struct offset @off */
static int splice_struct(void *fdt, int off, int oldlen, int newlen)
{
	u32 base = hdr(fdt, HDR_OFF(off_dt_struct));
	int ret;

	ret = splice(fdt, base + off, oldlen, newlen);
	if (ret)
		return ret;
	set_hdr(fdt, HDR_OFF(size_dt_struct),
		hdr(fdt, HDR_OFF(size_dt_struct)) + newlen - oldlen);
	set_hdr(fdt, HDR_OFF(off_dt_strings),
		hdr(fdt, HDR_OFF(off_dt_strings)) + newlen - oldlen);
	return 0;
}

/* Offset of @name in the strings block, or -ENOENT */
static int find_string(const void *fdt, const char *name)
{
	const char *strtab = (const char *)fdt + hdr(fdt, HDR_OFF(off_dt_strings));
	u32 size = hdr(fdt, HDR_OFF(size_dt_strings));
	int len = strlen(name) + 1;
	u32 i;

	/* A match may be the tail of a longer string, as dtc shares them */
	for (i = 0; i + len <= size; i++) {
		if (!memcmp(strtab + i, name, len))
			return i;
	}
	return -ENOENT;
}

/* Append @name to the strings block (room checked by the caller) */
static int add_string(void *fdt, const char *name)
{
	char *strtab = (char *)fdt + hdr(fdt, HDR_OFF(off_dt_strings));
	u32 size = hdr(fdt, HDR_OFF(size_dt_strings));
	int len = strlen(name) + 1, ret;

	ret = splice(fdt, hdr(fdt, HDR_OFF(off_dt_strings)) + size, 0, len);
	if (ret)
		return ret;
	memcpy(strtab + size, name, len);
	set_hdr(fdt, HDR_OFF(size_dt_strings), size + len);
	return size;
}

/* Free bytes between the strings block and totalsize */
static u32 room(const void *fdt)
{
	return fdt_totalsize(fdt) - used_end(fdt);
}

/* Where a node's first property goes: right after its name */
static int node_body(const void *fdt, int node)
{
	int len;

	if (!fdt_get_name(fdt, node, &len))
		return -EINVAL;
	return ALIGN(node + 4 + len + 1, 4);
}

int fdt_setprop(void *fdt, int node, const char *name, const void *val,
		int len)
{
	u8 *sb;
	int off, oldlen, stroff, ret;

	if (len < 0 || used_end(fdt) < 0)
		return -EINVAL;
	off = fdt_property_offset(fdt, node, name);
	if (off >= 0) {
		sb = (u8 *)fdt + hdr(fdt, HDR_OFF(off_dt_struct));
		oldlen = get_unaligned_be32(sb + off + 4);
		ret = splice_struct(fdt, off + 12, ALIGN(oldlen, 4),
				    ALIGN(len, 4));
		if (ret)
			return ret;
	} else if (off == -ENOENT) {
		off = node_body(fdt, node);
		if (off < 0)
			return off;
		/* The name first: the struct offset of @off stays valid */
		stroff = find_string(fdt, name);
		if (stroff < 0 &&
		    room(fdt) < strlen(name) + 1 + 12 + ALIGN(len, 4))
			return -ENOSPC;
		if (stroff < 0)
			stroff = add_string(fdt, name);
		if (stroff < 0)
			return stroff;
		ret = splice_struct(fdt, off, 0, 12 + ALIGN(len, 4));
		if (ret)
			return ret;
		sb = (u8 *)fdt + hdr(fdt, HDR_OFF(off_dt_struct));
		put_unaligned_be32(FDT_PROP, sb + off);
		put_unaligned_be32(stroff, sb + off + 8);
	} else {
		return off;
	}
	sb = (u8 *)fdt + hdr(fdt, HDR_OFF(off_dt_struct));
	put_unaligned_be32(len, sb + off + 4);
	memcpy(sb + off + 12, val, len);
	memset(sb + off + 12 + len, 0, ALIGN(len, 4) - len);
	return 0;
}

int fdt_setprop_u32(void *fdt, int node, const char *name, u32 val)
{
	__be32 v = cpu_to_be32(val);

	return fdt_setprop(fdt, node, name, &v, sizeof(v));
}

int fdt_setprop_u64(void *fdt, int node, const char *name, u64 val)
{
	__be64 v = cpu_to_be64(val);

	return fdt_setprop(fdt, node, name, &v, sizeof(v));
}

int fdt_setprop_string(void *fdt, int node, const char *name,
		       const char *str)
{
	return fdt_setprop(fdt, node, name, str, strlen(str) + 1);
}

int fdt_delprop(void *fdt, int node, const char *name)
{
	u8 *sb;
	int off;

	if (used_end(fdt) < 0)
		return -EINVAL;
	off = fdt_property_offset(fdt, node, name);
	if (off < 0)
		return off;
	sb = (u8 *)fdt + hdr(fdt, HDR_OFF(off_dt_struct));
	return splice_struct(fdt, off,
			     12 + ALIGN(get_unaligned_be32(sb + off + 4), 4), 0);
}

int fdt_add_subnode(void *fdt, int parent, const char *name)
{
	int off, next, tag, namelen = strlen(name), ret;
	u8 *sb;

	if (used_end(fdt) < 0 || !namelen || strchr(name, '/'))
		return -EINVAL;
	if (fdt_subnode_offset(fdt, parent, name) >= 0)
		return -EEXIST;
	off = node_body(fdt, parent);
	if (off < 0)
		return off;
	/* After the parent's properties, before its first child */
	sb = (u8 *)fdt + hdr(fdt, HDR_OFF(off_dt_struct));
	for (;;) {
		off = ALIGN(off, 4);
		if (off + 4 > (int)hdr(fdt, HDR_OFF(size_dt_struct)))
			return -EINVAL;
		tag = get_unaligned_be32(sb + off);
		if (tag == FDT_NOP) {
			next = off + 4;
		} else if (tag == FDT_PROP) {
			if (!fdt_getprop_by_offset(fdt, off, NULL, &next))
				return -EINVAL;
			next = off + 12 + next;
		} else {
			break;
		}
		off = next;
	}
	ret = splice_struct(fdt, off, 0, 4 + ALIGN(namelen + 1, 4) + 4);
	if (ret)
		return ret;
	sb = (u8 *)fdt + hdr(fdt, HDR_OFF(off_dt_struct));
	put_unaligned_be32(FDT_BEGIN_NODE, sb + off);
	memset(sb + off + 4, 0, ALIGN(namelen + 1, 4));
	memcpy(sb + off + 4, name, namelen);
	put_unaligned_be32(FDT_END_NODE, sb + off + 4 + ALIGN(namelen + 1, 4));
	return off;
}

int fdt_find_or_add_subnode(void *fdt, int parent, const char *name)
{
	int node = fdt_subnode_offset(fdt, parent, name);

	return node == -ENOENT ? fdt_add_subnode(fdt, parent, name) : node;
}
