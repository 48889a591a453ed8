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

/**
 * inflate_hist() - inflate() a stream made with a preset history
 * @dst:	where the output goes
 * @dst_len:	room at @dst
 * @hist:	how many bytes right before @dst are the stream's history
 *		(zlib's preset dictionary: what its matches may copy from,
 *		as if the stream had written it); they are not changed
 * @src:	the compressed data
 * @src_len:	its length
 * Return: bytes written at @dst, or -1 if the data is bad or does not fit
 */
long inflate_hist(void *dst, size_t dst_len, size_t hist, const void *src,
		  size_t src_len);

#endif
