// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A small DEFLATE (RFC 1951) decoder for the qemu-s390x boot stub: it
 * expands the firmware image the build compressed with zlib (raw
 * deflate). Canonical Huffman codes are decoded one bit at a time: slow
 * next to zlib's tables, but small, and the image is only ~100 KiB.
 *
 * The stub runs before anything is relocated, so this file must not
 * contain pointers in data: the tables are plain numbers, and the build
 * checks that the stub has no dynamic relocation at all.
 */
#include <linux/types.h>
#include "inflate.h"

#define MAX_BITS	15
#define MAX_LITLEN	288
#define MAX_DIST	30
#define MAX_CODELEN	19

struct huffman {
	u16 count[MAX_BITS + 1];	/* codes of each length */
	u16 symbol[MAX_LITLEN];		/* symbols in canonical order */
};

struct inflate_state {
	const u8 *in;
	size_t in_len;
	size_t in_pos;
	u32 bitbuf;
	int bitcnt;
	u8 *out;
	size_t out_len;
	size_t out_pos;
	int error;
};

/* Lengths 257..285: base and extra bits; distances 0..29 likewise */
static const u16 len_base[29] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258
};
static const u8 len_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
};
static const u16 dist_base[30] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193,
	12289, 16385, 24577
};
static const u8 dist_extra[30] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
	7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
};
/* The order code-length code lengths come in (RFC 1951, 3.2.7) */
static const u8 codelen_order[MAX_CODELEN] = {
	16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
};

static u32 getbits(struct inflate_state *s, int n)
{
	u32 val;

	while (s->bitcnt < n) {
		if (s->in_pos >= s->in_len) {
			s->error = -1;
			return 0;
		}
		s->bitbuf |= (u32)s->in[s->in_pos++] << s->bitcnt;
		s->bitcnt += 8;
	}
	val = s->bitbuf & ((1U << n) - 1);
	s->bitbuf >>= n;
	s->bitcnt -= n;
	return val;
}

/* Make the canonical code of @n symbols from their code lengths */
static int huffman_build(struct huffman *h, const u8 *lengths, int n)
{
	u16 offs[MAX_BITS + 1];
	int len, sym, left = 1;

	for (len = 0; len <= MAX_BITS; len++)
		h->count[len] = 0;
	for (sym = 0; sym < n; sym++)
		h->count[lengths[sym]]++;
	/* an over-subscribed code cannot be decoded */
	for (len = 1; len <= MAX_BITS; len++) {
		left = (left << 1) - h->count[len];
		if (left < 0)
			return -1;
	}
	offs[1] = 0;
	for (len = 1; len < MAX_BITS; len++)
		offs[len + 1] = offs[len] + h->count[len];
	for (sym = 0; sym < n; sym++)
		if (lengths[sym])
			h->symbol[offs[lengths[sym]]++] = sym;
	return 0;
}

/* Read one symbol: codes are sent most significant bit first */
static int huffman_decode(struct inflate_state *s, const struct huffman *h)
{
	int code = 0, first = 0, index = 0, len, count;

	for (len = 1; len <= MAX_BITS; len++) {
		code |= getbits(s, 1);
		if (s->error)
			return -1;
		count = h->count[len];
		if (code - first < count)
			return h->symbol[index + code - first];
		index += count;
		first = (first + count) << 1;
		code <<= 1;
	}
	return -1;
}

static int inflate_stored(struct inflate_state *s)
{
	u32 len, nlen;

	s->bitbuf = 0;		/* go to a byte boundary */
	s->bitcnt = 0;
	if (s->in_pos + 4 > s->in_len)
		return -1;
	len = s->in[s->in_pos] | s->in[s->in_pos + 1] << 8;
	nlen = s->in[s->in_pos + 2] | s->in[s->in_pos + 3] << 8;
	s->in_pos += 4;
	if (len != (~nlen & 0xffff) || s->in_pos + len > s->in_len ||
	    s->out_pos + len > s->out_len)
		return -1;
	while (len--)
		s->out[s->out_pos++] = s->in[s->in_pos++];
	return 0;
}

static int inflate_codes(struct inflate_state *s, const struct huffman *lit,
			 const struct huffman *dist)
{
	int sym;
	u32 len, d;

	for (;;) {
		sym = huffman_decode(s, lit);
		if (sym < 0)
			return -1;
		if (sym < 256) {
			if (s->out_pos >= s->out_len)
				return -1;
			s->out[s->out_pos++] = sym;
			continue;
		}
		if (sym == 256)
			return 0;
		sym -= 257;
		if (sym >= 29)
			return -1;
		len = len_base[sym] + getbits(s, len_extra[sym]);
		sym = huffman_decode(s, dist);
		if (sym < 0 || sym >= MAX_DIST)
			return -1;
		d = dist_base[sym] + getbits(s, dist_extra[sym]);
		if (s->error || d > s->out_pos || s->out_pos + len > s->out_len)
			return -1;
		while (len--) {
			s->out[s->out_pos] = s->out[s->out_pos - d];
			s->out_pos++;
		}
	}
}

static int inflate_fixed(struct inflate_state *s, struct huffman *lit,
			 struct huffman *dist)
{
	u8 lengths[MAX_LITLEN];
	int sym;

	for (sym = 0; sym < 144; sym++)
		lengths[sym] = 8;
	for (; sym < 256; sym++)
		lengths[sym] = 9;
	for (; sym < 280; sym++)
		lengths[sym] = 7;
	for (; sym < MAX_LITLEN; sym++)
		lengths[sym] = 8;
	huffman_build(lit, lengths, MAX_LITLEN);
	for (sym = 0; sym < MAX_DIST; sym++)
		lengths[sym] = 5;
	huffman_build(dist, lengths, MAX_DIST);
	return inflate_codes(s, lit, dist);
}

static int inflate_dynamic(struct inflate_state *s, struct huffman *lit,
			   struct huffman *dist)
{
	u8 lengths[MAX_LITLEN + MAX_DIST];
	int nlen, ndist, ncode, index, sym, len, rep;

	nlen = getbits(s, 5) + 257;
	ndist = getbits(s, 5) + 1;
	ncode = getbits(s, 4) + 4;
	if (s->error || nlen > MAX_LITLEN || ndist > MAX_DIST)
		return -1;
	for (index = 0; index < MAX_CODELEN; index++)
		lengths[codelen_order[index]] =
			index < ncode ? getbits(s, 3) : 0;
	if (s->error || huffman_build(lit, lengths, MAX_CODELEN))
		return -1;

	/* the literal/length and distance code lengths, run-length coded */
	for (index = 0; index < nlen + ndist;) {
		sym = huffman_decode(s, lit);
		if (sym < 0)
			return -1;
		if (sym < 16) {
			lengths[index++] = sym;
			continue;
		}
		len = 0;
		if (sym == 16) {
			if (!index)
				return -1;
			len = lengths[index - 1];
			rep = 3 + getbits(s, 2);
		} else if (sym == 17) {
			rep = 3 + getbits(s, 3);
		} else {
			rep = 11 + getbits(s, 7);
		}
		if (s->error || index + rep > nlen + ndist)
			return -1;
		while (rep--)
			lengths[index++] = len;
	}
	if (!lengths[256])		/* no end-of-block code */
		return -1;
	if (huffman_build(lit, lengths, nlen) ||
	    huffman_build(dist, lengths + nlen, ndist))
		return -1;
	return inflate_codes(s, lit, dist);
}

long inflate(void *dst, size_t dst_len, const void *src, size_t src_len)
{
	struct inflate_state s = {
		.in = src, .in_len = src_len, .out = dst, .out_len = dst_len,
	};
	struct huffman lit, dist;
	int last, type, ret;

	do {
		last = getbits(&s, 1);
		type = getbits(&s, 2);
		if (s.error)
			return -1;
		switch (type) {
		case 0:
			ret = inflate_stored(&s);
			break;
		case 1:
			ret = inflate_fixed(&s, &lit, &dist);
			break;
		case 2:
			ret = inflate_dynamic(&s, &lit, &dist);
			break;
		default:
			ret = -1;
		}
		if (ret || s.error)
			return -1;
	} while (!last);
	return s.out_pos;
}
