// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * MD5 as RFC 1321 defines it: 64-byte blocks, four rounds of sixteen
 * steps each, little-endian words. The per-step constants are
 * floor(abs(sin(i + 1)) * 2^32), listed; the shift amounts repeat per
 * round.
 */
#include <common.h>
#include <linux/byteorder.h>
#include <u-boot/md5.h>

static const u32 md5_k[64] = {
	0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a,
	0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
	0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
	0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
	0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
	0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
	0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
	0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
	0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
	0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
	0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

/* Shift amounts: four per round, each used four times */
static const u8 md5_s[16] = {
	7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21,
};

static inline u32 rol32(u32 x, unsigned int n)
{
	return (x << n) | (x >> (32 - n));
}

static void md5_block(u32 state[4], const u8 *p)
{
	u32 a = state[0], b = state[1], c = state[2], d = state[3];
	u32 w[16], f, t;
	int i, g;

	for (i = 0; i < 16; i++)
		w[i] = get_unaligned_le32(p + 4 * i);
	for (i = 0; i < 64; i++) {
		switch (i >> 4) {
		case 0:
			f = (b & c) | (~b & d);
			g = i;
			break;
		case 1:
			f = (d & b) | (~d & c);
			g = (5 * i + 1) & 15;
			break;
		case 2:
			f = b ^ c ^ d;
			g = (3 * i + 5) & 15;
			break;
		default:
			f = c ^ (b | ~d);
			g = (7 * i) & 15;
			break;
		}
		t = d;
		d = c;
		c = b;
		b += rol32(a + f + md5_k[i] + w[g],
			   md5_s[((i >> 4) << 2) | (i & 3)]);
		a = t;
	}
	state[0] += a;
	state[1] += b;
	state[2] += c;
	state[3] += d;
}

void md5_init(struct md5_ctx *ctx)
{
	ctx->state[0] = 0x67452301;
	ctx->state[1] = 0xefcdab89;
	ctx->state[2] = 0x98badcfe;
	ctx->state[3] = 0x10325476;
	ctx->bytes = 0;
}

void md5_update(struct md5_ctx *ctx, const void *data, size_t len)
{
	const u8 *p = data;
	size_t used = ctx->bytes & 63, n;

	ctx->bytes += len;
	if (used) {
		n = min_t(size_t, len, 64 - used);
		memcpy(ctx->block + used, p, n);
		p += n;
		len -= n;
		if (used + n < 64)
			return;
		md5_block(ctx->state, ctx->block);
	}
	for (; len >= 64; p += 64, len -= 64)
		md5_block(ctx->state, p);
	memcpy(ctx->block, p, len);
}

void md5_final(struct md5_ctx *ctx, u8 out[MD5_SUM_LEN])
{
	static const u8 pad[64] = { 0x80 };
	u8 bits[8];
	size_t used = ctx->bytes & 63;
	int i;

	put_unaligned_le64(ctx->bytes << 3, bits);
	md5_update(ctx, pad, used < 56 ? 56 - used : 120 - used);
	md5_update(ctx, bits, 8);
	for (i = 0; i < 4; i++)
		put_unaligned_le32(ctx->state[i], out + 4 * i);
}

void md5(const void *data, size_t len, u8 out[MD5_SUM_LEN])
{
	struct md5_ctx ctx;

	md5_init(&ctx);
	md5_update(&ctx, data, len);
	md5_final(&ctx, out);
}
