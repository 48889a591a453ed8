// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gzip files (RFC 1952): the header, the DEFLATE stream (lib/inflate.c),
 * the CRC-32 and length of the trailer. The input may be hostile (a
 * kernel file, fuzzed): every field is checked against the input's end.
 */

#include <common.h>
#include <gzip.h>
#include <inflate.h>
#include <u-boot/crc.h>
#include <linux/byteorder.h>

#define GZ_FTEXT	BIT(0)
#define GZ_FHCRC	BIT(1)
#define GZ_FEXTRA	BIT(2)
#define GZ_FNAME	BIT(3)
#define GZ_FCOMMENT	BIT(4)
#define GZ_RESERVED	0xe0
#define GZ_HDR_LEN	10
#define GZ_TRAILER_LEN	8

bool gzip_is_gzip(const void *src, ulong len)
{
	const u8 *p = src;

	return len >= GZ_HDR_LEN && p[0] == 0x1f && p[1] == 0x8b && p[2] == 8;
}

int gzip_parse_header(const void *src, ulong len)
{
	const u8 *p = src;
	ulong off = GZ_HDR_LEN;
	u8 flags;

	if (!gzip_is_gzip(src, len))
		return -EINVAL;
	flags = p[3];
	if (flags & GZ_RESERVED)
		return -EINVAL;
	if (flags & GZ_FEXTRA) {
		if (len - off < 2)
			return -EINVAL;
		off += 2 + get_unaligned_le16(p + off);
		if (off > len)
			return -EINVAL;
	}
	if (flags & GZ_FNAME) {
		while (off < len && p[off])
			off++;
		if (++off > len)
			return -EINVAL;
	}
	if (flags & GZ_FCOMMENT) {
		while (off < len && p[off])
			off++;
		if (++off > len)
			return -EINVAL;
	}
	if (flags & GZ_FHCRC)
		off += 2;
	return off > len ? -EINVAL : off;
}

int gunzip(void *dst, ulong dstlen, const void *src, ulong srclen,
	   ulong *outlen, ulong *inlen)
{
	const u8 *p = src;
	size_t used;
	long n;
	int hdr;

	hdr = gzip_parse_header(src, srclen);
	if (hdr < 0)
		return -EINVAL;
	n = inflate_len(dst, dstlen, p + hdr, srclen - hdr, &used);
	if (n < 0)
		return -EIO;
	if (srclen - hdr - used < GZ_TRAILER_LEN)
		return -EIO;		/* cut short: no trailer */
	p += hdr + used;
	if (get_unaligned_le32(p) != crc32(0, dst, n))
		return -EBADMSG;
	if (get_unaligned_le32(p + 4) != (u32)n)
		return -EBADMSG;
	*outlen = n;
	if (inlen)
		*inlen = hdr + used + GZ_TRAILER_LEN;
	return 0;
}
