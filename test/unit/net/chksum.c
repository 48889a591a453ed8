// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The Internet checksum lwIP uses (net/lwip/chksum.c) against the sum
 * written out as RFC 1071 defines it, byte pair by byte pair, for every
 * start alignment and length, all-ones data (every carry) included.
 */

#include <common.h>
#include <lwipopts.h>
#include <test/ut.h>

#define AREA	300

/* RFC 1071: 16-bit words in network order, carries folded back */
static u16 rfc1071_sum(const u8 *p, int len)
{
	u32 sum = 0;
	int i;

	for (i = 0; i + 1 < len; i += 2)
		sum += p[i] << 8 | p[i + 1];
	if (len & 1)
		sum += p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);

	return sum;
}

/* net_lwip_chksum() gives the sum in native order, as lwIP's own does */
static u16 native(u16 network_order_sum)
{
	u8 b[2] = { network_order_sum >> 8, network_order_sum & 0xff };
	u16 v;

	memcpy(&v, b, 2);
	return v;
}

static int net_chksum_all(struct unit_test_state *uts)
{
	static u8 buf[AREA + 16];
	int fill, off, len, i;

	for (fill = 0; fill < 2; fill++) {
		for (i = 0; i < (int)sizeof(buf); i++)
			buf[i] = fill ? 0xff : (u8)(i * 37 + 11);
		for (off = 0; off < 16; off++) {
			for (len = 0; len <= AREA; len++) {
				u16 want = native(rfc1071_sum(buf + off, len));
				u16 got = net_lwip_chksum(buf + off, len);

				ut_assertf(got == want,
					   "fill %d off %d len %d: %04x, want %04x",
					   fill, off, len, got, want);
			}
		}
	}

	return 0;
}
UNIT_TEST(net_chksum_all, 0, net);
