/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef __INFLATE_H
#define __INFLATE_H

#include <linux/types.h>

/**
 * inflate() - expand raw DEFLATE data (RFC 1951, no zlib header)
 * @dst: where the output goes
 * @dst_len: room at @dst
 * @src: the compressed data
 * @src_len: its length
 * Return: bytes written, or -1 if the data is bad or does not fit
 */
long inflate(void *dst, size_t dst_len, const void *src, size_t src_len);

/**
 * inflate_len() - inflate(), also telling where the stream ended
 * @dst:	where the output goes
 * @dst_len:	room at @dst
 * @src:	the compressed data
 * @src_len:	its length, or more: decoding stops at the final block
 * @consumed:	if not NULL, set to the bytes of @src the stream took (what
 *		follows, such as gzip's trailer, starts there)
 * Return: bytes written, or -1 if the data is bad or does not fit
 */
long inflate_len(void *dst, size_t dst_len, const void *src, size_t src_len,
		 size_t *consumed);

#endif
