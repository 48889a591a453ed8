/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef __S390_STUB_INFLATE_H
#define __S390_STUB_INFLATE_H

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

#endif
