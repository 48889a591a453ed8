// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A small DEFLATE (RFC 1951) decoder, one for the whole tree: the
 * qemu-s390x boot stub expands the firmware image the build compressed
 * with zlib (raw deflate) with it, and the firmware's gunzip (unzip,
 * booti of a gzip-compressed Image) decodes with it.
 *
 * Speed matters under TCG, where every guest instruction and every
 * translation block run costs: the bits are taken from a 64-bit buffer,
 * and a Huffman code is looked up in a table of its first FAST_BITS bits
 * built for each block, whose entries carry the literal, or the length
 * or distance base and how many extra bits follow, so that one step
 * takes a code and its extra bits. Longer codes (rare: the table covers
 * the frequent symbols) are decoded one bit at a time from the canonical
 * code. While at least 8 bytes of input and OUT_MARGIN bytes of room are
 * left, inflate_fast() decodes with no bound check: one 8-byte top-up
 * per round covers two literals or a literal and a length/distance pair,
 * and matches at a distance of 8 or more are copied 8 bytes at a time,
 * up to 15 bytes past their end. Near the ends, inflate_codes() checks
 * every bound, one code at a time. Under TCG the firmware's ~250 KiB
 * expand in about 2.4 ms (3.2M guest instructions, 0.53M translation
 * blocks run; the first table-driven decoder: 5.3M and 0.88M, about
 * 3.0 ms; one bit at a time: 19-24 ms for 117 KiB), for ~3.6 KiB of
 * code, 0.7 KiB more than that first table-driven one
 * (doc/develop/benchmarks.md).
 *
 * Bad input must never write outside @dst nor loop forever: every write
 * is checked against the end of the output (in inflate_fast(), by the
 * margins); past the end of the input the bit buffer is topped up with
 * zero bytes, at most PAD_MAX of them, and a stream that needs any of
 * them is refused.
 *
 * The stub runs before anything is relocated, so this file must not
 * contain pointers in data: the tables are plain numbers, and the build
 * checks that the stub has no dynamic relocation at all.
 */
#include <linux/compiler.h>
#include <linux/types.h>
#include <inflate.h>

#define MAX_BITS	15
#define MAX_LITLEN	288
#define MAX_DIST	30
#define MAX_CODELEN	19
#define FAST_BITS	10
#define FAST_MASK	((1U << FAST_BITS) - 1)
#define PAD_MAX		16	/* zero bytes after the input, then an error */
/*
 * The fast loop reads 8 input bytes at once and writes at most two
 * literals, or a literal and a match of 258 and up to 15 bytes past it:
 * it runs while that much is left
 */
#define IN_MARGIN	8
#define OUT_MARGIN	(2 + 258 + 15)

/*
 * A table entry (also what huffman_slow() returns): the value in bits
 * 16-30 (a literal byte, a length or distance base, a symbol), the code's
 * length in bits 8-15, and in bits 0-7 the bits to take: the code and
 * the length's or distance's extra bits, which follow it. 0: no entry
 * (a code longer than FAST_BITS, no code, or a symbol that is an error).
 */
#define ENT_LIT		0x80000000U	/* a literal byte */
#define ENT_EOB		0x40000000U	/* the end of the block */
#define ENT_VAL(e)	((e) >> 16 & 0x7fff)

enum huffman_kind { HUFF_CODELEN, HUFF_LIT, HUFF_DIST };

struct huffman {
	u16 count[MAX_BITS + 1];	/* codes of each length */
	u16 symbol[MAX_LITLEN];		/* symbols in canonical order */
	u32 fast[1 << FAST_BITS];	/* entries by the first bits */
	enum huffman_kind kind;
};

struct inflate_state {
	const u8 *in;
	const u8 *in_end;
	u64 bitbuf;
	unsigned int bitcnt;
	unsigned int pad;		/* zero bytes read past the end */
	u8 *out;
	size_t out_len;
	size_t out_pos;
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

/* 8 bytes of input as a little-endian number (the stream's bit order) */
static inline u64 get_le64(const u8 *p)
{
	u64 v;

	__builtin_memcpy(&v, p, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);	/* one LRVG on s390 */
#endif
	return v;
}

/*
 * Top the bit buffer up to 56 to 63 bits a byte at a time, past the end
 * of the input with zero bytes (counted in s->pad). Return: 0, or -1
 * once more than PAD_MAX zero bytes were added (only bad or cut data
 * gets there).
 */
static int refill(struct inflate_state *s)
{
	u64 byte;

	while (s->bitcnt < 56) {
		byte = 0;
		if (s->in < s->in_end)
			byte = *s->in++;
		else
			s->pad++;
		s->bitbuf |= byte << s->bitcnt;
		s->bitcnt += 8;
	}
	return s->pad > PAD_MAX ? -1 : 0;
}

/* Take @n (0 to 32) bits; the caller made sure the buffer has them */
static u32 bits(struct inflate_state *s, unsigned int n)
{
	u32 val = s->bitbuf & ((1ULL << n) - 1);

	s->bitbuf >>= n;
	s->bitcnt -= n;
	return val;
}

/* Take @n bits, topping up the buffer first (headers, not the hot loop) */
static u32 getbits(struct inflate_state *s, unsigned int n)
{
	refill(s);
	return bits(s, n);
}

/* The table entry for @sym with a code of @len bits (see ENT_VAL) */
static u32 huffman_entry(enum huffman_kind kind, u32 sym, u32 len)
{
	u32 base = sym, extra = 0;

	if (kind == HUFF_LIT) {
		if (sym < 256)
			return ENT_LIT | sym << 16 | len << 8 | len;
		if (sym == 256)
			return ENT_EOB | len << 8 | len;
		sym -= 257;
		if (sym >= 29)
			return 0;
		base = len_base[sym];
		extra = len_extra[sym];
	} else if (kind == HUFF_DIST) {
		if (sym >= MAX_DIST)
			return 0;
		base = dist_base[sym];
		extra = dist_extra[sym];
	}
	return base << 16 | len << 8 | (len + extra);
}

/*
 * Make the canonical code of @n symbols from their code lengths and its
 * lookup table. Return: 0, or -1 if the code is over-subscribed.
 */
static int huffman_build(struct huffman *h, enum huffman_kind kind,
			 const u8 *lengths, int n)
{
	u16 offs[MAX_BITS + 1];
	int len, sym, left = 1;
	u32 code, rev, i, k, e;

	h->kind = kind;
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

	/*
	 * The table: each code of up to FAST_BITS bits fills the entries
	 * whose low bits are its bits in stream order (reversed: codes are
	 * sent most significant bit first). The rest stay 0: the start of
	 * a longer code, or of none if the code is incomplete.
	 */
	for (i = 0; i <= FAST_MASK; i++)
		h->fast[i] = 0;
	code = 0;
	sym = 0;
	for (len = 1; len <= FAST_BITS; len++) {
		for (k = 0; k < h->count[len]; k++, code++, sym++) {
			rev = 0;
			for (i = 0; i < (u32)len; i++)
				rev |= ((code >> i) & 1) << (len - 1 - i);
			e = huffman_entry(kind, h->symbol[sym], len);
			for (i = rev; i <= FAST_MASK; i += 1U << len)
				h->fast[i] = e;
		}
		code <<= 1;
	}
	return 0;
}

/*
 * The code that starts @buf, bit by bit from the canonical code (codes
 * longer than FAST_BITS, or none). Return: its entry, or 0.
 */
static u32 huffman_slow(const struct huffman *h, u64 buf)
{
	int code = 0, first = 0, index = 0, len, count;

	for (len = 1; len <= MAX_BITS; len++) {
		code |= (buf >> (len - 1)) & 1;
		count = h->count[len];
		if (code - first < count)
			return huffman_entry(h->kind,
					     h->symbol[index + code - first],
					     len);
		index += count;
		first = (first + count) << 1;
		code <<= 1;
	}
	return 0;
}

/* The entry of the code that starts @buf, or 0 */
static __always_inline u32 huffman_lookup(const struct huffman *h, u64 buf)
{
	u32 e = h->fast[buf & FAST_MASK];

	return e ? e : huffman_slow(h, buf);
}

/* Read one symbol (headers). Return: the symbol, or -1 */
static int huffman_decode(struct inflate_state *s, const struct huffman *h)
{
	u32 e;

	if (refill(s))
		return -1;
	e = huffman_lookup(h, s->bitbuf);
	if (!e)
		return -1;
	bits(s, e & 0xff);
	return ENT_VAL(e);
}

static int inflate_stored(struct inflate_state *s)
{
	u32 len, nlen;

	/*
	 * Go to a byte boundary and give back the real input bytes the
	 * buffer holds (the zero padding, if any, comes last in it)
	 */
	bits(s, s->bitcnt & 7);
	if (s->pad > s->bitcnt >> 3)
		return -1;
	s->in -= (s->bitcnt >> 3) - s->pad;
	s->pad = 0;
	s->bitbuf = 0;
	s->bitcnt = 0;
	if (s->in_end - s->in < 4)
		return -1;
	len = s->in[0] | s->in[1] << 8;
	nlen = s->in[2] | s->in[3] << 8;
	s->in += 4;
	if (len != (~nlen & 0xffff) || len > (size_t)(s->in_end - s->in) ||
	    len > s->out_len - s->out_pos)
		return -1;
	while (len--)
		s->out[s->out_pos++] = *s->in++;
	return 0;
}

/*
 * Take the bits entry @e says (a code and its extra bits) from @buf, and
 * return its value: the base plus the extra bits. Only the low 6 bits of
 * @cnt count the bits: what is above them does not matter.
 */
#define TAKE(buf, cnt, e) ({						\
	u64 __b = (buf);						\
	(buf) >>= (e) & 63;						\
	(cnt) -= (e);							\
	ENT_VAL(e) + ((__b & ~(~0ULL << ((e) & 63))) >> ((e) >> 8 & 63)); })

/*
 * The fast case of a block's codes (t[0] the literal/length code, t[1]
 * the distance code): while at least IN_MARGIN bytes of input and
 * OUT_MARGIN of room are left, no read or write can go past either end,
 * so none is checked. The input is taken 8 bytes at a time, which covers
 * a literal and a length/distance pair (at most 10 + 15 + 28 bits, or
 * 20 + 28 when the length's code is longer than FAST_BITS), and a
 * match's copy may write up to 15 bytes past its end. Stops before a
 * code the table does not hold and at the end of the block, for
 * inflate_codes(). Return: 0, or -1 if the data is bad.
 */
static noinline int inflate_fast(struct inflate_state *s,
				   const struct huffman *t)
{
	const u8 *in = s->in, *in_fast = s->in_end - IN_MARGIN;
	u8 *base = s->out, *out = base + s->out_pos, *from, *stop;
	u8 *out_fast = base + s->out_len - OUT_MARGIN;
	u64 buf = s->bitbuf;
	unsigned int cnt = s->bitcnt;
	unsigned long len, d, n;
	u32 e;
	int ret = 0;

	/*
	 * n rounds are safe when each takes at most 8 bytes of input and
	 * OUT_MARGIN bytes of room: one count instead of two bounds a round
	 */
	for (;;) {
		n = (unsigned long)(in_fast - in) / 8;
		d = (unsigned long)(out_fast - out) / OUT_MARGIN;
		if (d < n)
			n = d;
		if (!n)
			break;
		do {
			/*
			 * 8 bytes in one load (it may also put the first bits
			 * of the next byte above cnt: the same bits the next
			 * top-up puts there)
			 */
			buf |= get_le64(in) << (cnt & 63);
			in += (~cnt & 63) >> 3;
			cnt |= 56;
			e = t[0].fast[buf & FAST_MASK];
			if (e & ENT_LIT) {
				TAKE(buf, cnt, e);
				*out++ = ENT_VAL(e);
				e = t[0].fast[buf & FAST_MASK];
				if (e & ENT_LIT) {
					TAKE(buf, cnt, e);
					*out++ = ENT_VAL(e);
					continue;
				}
			}
			if (!e || (e & ENT_EOB))
				goto out;
			len = TAKE(buf, cnt, e);
			e = t[1].fast[buf & FAST_MASK];
			if (!e) {
				e = huffman_slow(&t[1], buf);
				if (!e)
					goto bad;
			}
			d = TAKE(buf, cnt, e);
			if (d > (unsigned long)(out - base))
				goto bad;
			from = out - d;
			stop = out + len;
			if (d < 8) {
				while (out < stop)
					*out++ = *from++;
				continue;
			}
			/* whole words, possibly past the match: not the end */
			__builtin_memcpy(out, from, 8);
			__builtin_memcpy(out + 8, from + 8, 8);
			if (len > 16) {
				out += 16;
				from += 16;
				do {
					__builtin_memcpy(out, from, 8);
					out += 8;
					from += 8;
				} while (out < stop);
			}
			out = stop;
		} while (--n);
	}
	goto out;
bad:
	ret = -1;
out:
	s->in = in;
	s->bitbuf = buf;
	s->bitcnt = cnt & 63;
	s->out_pos = out - base;
	return ret;
}

/*
 * The codes of one block (t[0] the literal/length code, t[1] the
 * distance code): inflate_fast() while there is room and input for it,
 * else, and for what it leaves, one code at a time with every bound
 * checked.
 */
static int inflate_codes(struct inflate_state *s, const struct huffman *t)
{
	u32 e, len, d;
	u8 *to, *from;

	for (;;) {
		if (s->in_end - s->in > IN_MARGIN &&
		    s->out_len - s->out_pos > OUT_MARGIN &&
		    inflate_fast(s, t))
			return -1;
		if (refill(s))
			return -1;
		e = huffman_lookup(&t[0], s->bitbuf);
		if (!e)
			return -1;
		len = TAKE(s->bitbuf, s->bitcnt, e);
		s->bitcnt &= 63;
		if (e & ENT_LIT) {
			if (s->out_pos >= s->out_len)
				return -1;
			s->out[s->out_pos++] = len;
			continue;
		}
		if (e & ENT_EOB)
			return 0;
		e = huffman_lookup(&t[1], s->bitbuf);
		if (!e)
			return -1;
		d = TAKE(s->bitbuf, s->bitcnt, e);
		s->bitcnt &= 63;
		if (d > s->out_pos || len > s->out_len - s->out_pos)
			return -1;
		to = s->out + s->out_pos;
		from = to - d;
		s->out_pos += len;
		while (len--)
			*to++ = *from++;
	}
}

static int inflate_fixed(struct inflate_state *s, struct huffman *t)
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
	huffman_build(&t[0], HUFF_LIT, lengths, MAX_LITLEN);
	for (sym = 0; sym < MAX_DIST; sym++)
		lengths[sym] = 5;
	huffman_build(&t[1], HUFF_DIST, lengths, MAX_DIST);
	return inflate_codes(s, t);
}

static int inflate_dynamic(struct inflate_state *s, struct huffman *t)
{
	u8 lengths[MAX_LITLEN + MAX_DIST];
	int nlen, ndist, ncode, index, sym, len, rep;

	nlen = getbits(s, 5) + 257;
	ndist = getbits(s, 5) + 1;
	ncode = getbits(s, 4) + 4;
	if (nlen > MAX_LITLEN || ndist > MAX_DIST)
		return -1;
	for (index = 0; index < MAX_CODELEN; index++)
		lengths[codelen_order[index]] =
			index < ncode ? getbits(s, 3) : 0;
	if (huffman_build(&t[0], HUFF_CODELEN, lengths, MAX_CODELEN))
		return -1;

	/* the literal/length and distance code lengths, run-length coded */
	for (index = 0; index < nlen + ndist;) {
		sym = huffman_decode(s, &t[0]);
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
			rep = 3 + bits(s, 2);
		} else if (sym == 17) {
			rep = 3 + bits(s, 3);
		} else {
			rep = 11 + bits(s, 7);
		}
		if (index + rep > nlen + ndist)
			return -1;
		while (rep--)
			lengths[index++] = len;
	}
	if (!lengths[256])		/* no end-of-block code */
		return -1;
	if (huffman_build(&t[0], HUFF_LIT, lengths, nlen) ||
	    huffman_build(&t[1], HUFF_DIST, lengths + nlen, ndist))
		return -1;
	return inflate_codes(s, t);
}

/*
 * The decoder: @hist bytes of history before @dst, which matches may
 * reach back into but which are not written
 */
static long inflate_run(u8 *dst, size_t dst_len, size_t hist, const u8 *src,
			size_t src_len, size_t *consumed)
{
	struct inflate_state s = {
		.in = src, .in_end = src + src_len,
		.out = dst - hist, .out_len = hist + dst_len, .out_pos = hist,
	};
	struct huffman t[2];		/* literal/length, distance */
	int last, type, ret;

	do {
		last = getbits(&s, 1);
		type = getbits(&s, 2);
		switch (type) {
		case 0:
			ret = inflate_stored(&s);
			break;
		case 1:
			ret = inflate_fixed(&s, t);
			break;
		case 2:
			ret = inflate_dynamic(&s, t);
			break;
		default:
			ret = -1;
		}
		/* a stream that needed the padding is cut short */
		if (ret || s.pad * 8 > s.bitcnt)
			return -1;
	} while (!last);
	/* The input bytes read, less the whole ones still buffered */
	if (consumed)
		*consumed = (s.in - src) + s.pad - s.bitcnt / 8;
	return s.out_pos - hist;
}

long inflate_len(void *dst, size_t dst_len, const void *src, size_t src_len,
		 size_t *consumed)
{
	return inflate_run(dst, dst_len, 0, src, src_len, consumed);
}

long inflate(void *dst, size_t dst_len, const void *src, size_t src_len)
{
	return inflate_run(dst, dst_len, 0, src, src_len, NULL);
}

long inflate_hist(void *dst, size_t dst_len, size_t hist, const void *src,
		  size_t src_len)
{
	return inflate_run(dst, dst_len, hist, src, src_len, NULL);
}
