/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gzip files (RFC 1952), decoded with lib/inflate.c. */
#ifndef __GZIP_H
#define __GZIP_H

#include <linux/types.h>

/** gzip_is_gzip() - does @src start as a gzip file of DEFLATE data? */
bool gzip_is_gzip(const void *src, ulong len);

/**
 * gzip_parse_header() - the length of a gzip header
 * @src:	the file
 * @len:	bytes at @src
 * Return: where the compressed data starts, or -EINVAL
 */
int gzip_parse_header(const void *src, ulong len);

/**
 * gunzip() - expand a gzip file
 * @dst:	where the output goes
 * @dstlen:	room at @dst (nothing is written past it)
 * @src:	the file
 * @srclen:	bytes at @src (the file, or more: it ends where its trailer
 *		says)
 * @outlen:	set to the bytes written
 * @inlen:	if not NULL, set to the file's length
 * Return: 0; -EINVAL for a bad header, -EIO for bad or cut data or too
 * little room, -EBADMSG when the CRC-32 or length of the trailer differs
 */
int gunzip(void *dst, ulong dstlen, const void *src, ulong srclen,
	   ulong *outlen, ulong *inlen);

#endif
