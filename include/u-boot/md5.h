/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * MD5 (RFC 1321), for 'md5sum' and image checks.
 */
#ifndef _U_BOOT_MD5_H
#define _U_BOOT_MD5_H

#include <linux/types.h>

#define MD5_SUM_LEN	16

/**
 * struct md5_ctx - a digest in progress
 * @state:	the four 32-bit chaining words A, B, C, D
 * @bytes:	message bytes taken so far
 * @block:	the partial 64-byte block
 */
struct md5_ctx {
	u32 state[4];
	u64 bytes;
	u8 block[64];
};

/** md5_init() - start a digest */
void md5_init(struct md5_ctx *ctx);

/** md5_update() - add @len bytes of @data to the digest */
void md5_update(struct md5_ctx *ctx, const void *data, size_t len);

/** md5_final() - pad, and write the 16-byte digest to @out */
void md5_final(struct md5_ctx *ctx, u8 out[MD5_SUM_LEN]);

/** md5() - the digest of @len bytes at @data, in one call */
void md5(const void *data, size_t len, u8 out[MD5_SUM_LEN]);

#endif
