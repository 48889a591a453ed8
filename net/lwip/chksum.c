// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The Internet checksum (RFC 1071) for lwIP (LWIP_CHKSUM): the ones'
 * complement sum of the data as 16-bit words, a machine word at a time.
 * lwIP's own version adds 16 bits at a time; every received UDP and TCP
 * payload goes through here, so under QEMU's TCG it was a fifth of the
 * time a TFTP transfer took.
 *
 * The sum does not depend on the byte order it is computed in, only on
 * which bytes pair up: the result is the sum of the native 16-bit words
 * that start at even offsets from @data, as lwip_standard_chksum()
 * returns it. Words are read at aligned addresses only.
 */

#include <common.h>
#include <lwipopts.h>

typedef unsigned long __attribute__((may_alias)) chk_word_t;
typedef u16 __attribute__((may_alias)) chk_half_t;

/* Add @v to @sum with the end-around carry of ones' complement */
static inline unsigned long add_carry(unsigned long sum, unsigned long v)
{
	sum += v;
	return sum + (sum < v);
}

static u16 fold(unsigned long sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);

	return sum;
}

/* The native 16-bit word made of @first at the lower address and @second */
static inline u16 pair(u8 first, u8 second)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return first << 8 | second;
#else
	return second << 8 | first;
#endif
}

u16 net_lwip_chksum(const void *data, int len)
{
	const u8 *p = data;
	unsigned long sum = 0;
	bool odd = (uintptr_t)p & 1;
	u16 r;

	if (len <= 0)
		return 0;
	/* Starting at an odd address, sum from the next byte on (so that
	 * the pairs are aligned) with the first byte as the second half of
	 * a word; the pairs are then the other way round: swap at the end.
	 */
	if (odd) {
		sum = pair(0, *p++);
		len--;
	}
	while (len >= 2 && ((uintptr_t)p & (sizeof(chk_word_t) - 1))) {
		sum = add_carry(sum, *(const chk_half_t *)p);
		p += 2;
		len -= 2;
	}
	while (len >= (int)sizeof(chk_word_t)) {
		sum = add_carry(sum, *(const chk_word_t *)p);
		p += sizeof(chk_word_t);
		len -= sizeof(chk_word_t);
	}
	while (len >= 2) {
		sum = add_carry(sum, *(const chk_half_t *)p);
		p += 2;
		len -= 2;
	}
	if (len)
		sum = add_carry(sum, pair(*p, 0));
	r = fold(sum);

	return odd ? (u16)(r << 8 | r >> 8) : r;
}
