// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the network stack: lwIP's input path (Ethernet,
 * ARP, IPv4, ICMP, UDP, TCP) and our DHCP, TFTP, HTTP, DNS and ping
 * handling (net/lwip/ with the patched TFTP and HTTP clients), the way
 * the commands run them, with the input playing the network.
 *
 * The harness is the Ethernet device (eth_get_dev() and its ops): it
 * answers ARP requests for the server at once, and otherwise hands the
 * stack the frames the input describes, then nothing (-EAGAIN) when the
 * input runs out; the fuzz timer (100 ms a reading) makes every wait
 * end.
 *
 * Input:
 *   byte 0: the command: bits 0-1 tftpboot, dhcp, wget, ping; bits 2-3
 *	tftpblocksize 512, 1468, 8, 1024; bits 4-5 tftpwindowsize 1, 2, 4,
 *	8; bit 6 wget names its host (DNS through dnsip) rather than a
 *	dotted address; bit 7 a Ctrl-C after 50 polls
 *   then frames, each a kind byte k and what k % 6 says:
 *	0: raw frame: a length byte (255: two more, big-endian), the bytes
 *	1: UDP to us: a selector s (bits 0-1 source port 69, a TID of
 *	   0x4000 + s, 67, 53; bit 2 destination 68, else the port we
 *	   sent from last; bit 3 from the name server 10.0.2.3, else the
 *	   server 10.0.2.2; bit 4 broadcast), a length (2 bytes, at most
 *	   1472), the payload. From port 53 the first two bytes become
 *	   the id of our last query.
 *	2: TCP to us: flags, sequence (2 bytes, from the server's first
 *	   sequence number), ACK (a signed byte from what we sent next),
 *	   window (2 bytes), a length (2 bytes, at most 1460), payload
 *	3: ICMP to us: type, code, a length byte, payload; the echo id and
 *	   sequence of our last request
 *	4: nothing this poll
 *	5: a BOOTP reply to our last DHCP request (its xid and chaddr): a
 *	   message type for option 53, then a length byte and the options
 *	   after it (the harness adds server id, mask, router, DNS, end),
 *	   yiaddr 10.0.2.15, siaddr 10.0.2.2, file from the input's
 *	   next 8 bytes
 *   Checksums are made right except in raw frames.
 *
 * What must hold: no crash, no sanitizer report, no lwIP assertion, no
 * write outside the load area (1 MiB here: map_sysmem() traps
 * otherwise), every command returns (bounded waits).
 */

#include <common.h>
#include <dm.h>
#include <env.h>
#include <init.h>
#include <mapmem.h>
#include <net.h>
#include <net-lwip.h>
#include <linux/errno.h>
#include "fuzz_support.h"

extern void abort(void);

#define FUZZ_MEM_SIZE	(1 << 20)
#define SRV_ISN		0x10000000u

static u8 mem[FUZZ_MEM_SIZE];
static const u8 *in;
static size_t in_len, in_pos;
static u8 frame[1600];
static u8 arp_reply[64];
static int arp_reply_len;

/* what we sent last */
static u16 our_udp_port = 68;
static u16 dns_id;
static u32 dhcp_xid;
static u16 our_tcp_port;
static u32 our_tcp_next;
static u16 echo_id, echo_seq;

static const u8 our_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const u8 srv_mac[6] = { 0x52, 0x55, 0x0a, 0x00, 0x02, 0x02 };
static const u8 our_ip[4] = { 10, 0, 2, 15 };
static const u8 srv_ip[4] = { 10, 0, 2, 2 };
static const u8 dns_ip[4] = { 10, 0, 2, 3 };

/*
 * lwIP's asserts abort, but two: the TCP persist timer's "with in-flight
 * data" and "with empty send buffer" (tcp.c, tcp_slowtmr()), which a peer
 * shrinking its window under data in flight reaches; the code after them
 * handles both cases (tcp_zero_window_probe() checks for an empty
 * queue), and the firmware builds with LWIP_NOASSERT.
 */
void net_lwip_assert(const char *msg, int line, const char *file)
{
	if (!strncmp(msg, "tcp_slowtimr: persist ticking", 29))
		return;
	printf("lwIP assertion \"%s\" failed at %s:%d\n", msg, file, line);
	abort();
}

void *map_sysmem(phys_addr_t paddr, unsigned long len)
{
	if (paddr > FUZZ_MEM_SIZE || len > FUZZ_MEM_SIZE - paddr)
		return NULL;
	return mem + paddr;
}

phys_size_t sysmem_size(void)
{
	return FUZZ_MEM_SIZE;
}

int board_get_mem_banks(struct mem_bank *banks, int max)
{
	banks[0].start = 0;
	banks[0].size = FUZZ_MEM_SIZE;
	return 1;
}

static unsigned int in_byte(void)
{
	return in_pos < in_len ? in[in_pos++] : 0;
}

static unsigned int in_u16(void)
{
	unsigned int v = in_byte() << 8;

	return v | in_byte();
}

static void in_bytes(u8 *dst, size_t n)
{
	size_t avail = in_pos < in_len ? in_len - in_pos : 0;

	if (n > avail) {
		memset(dst + avail, 0, n - avail);
		n = avail;
	}
	memcpy(dst, in + in_pos, n);
	in_pos += n;
}

static u16 get16(const u8 *p)
{
	return p[0] << 8 | p[1];
}

static u32 get32(const u8 *p)
{
	return (u32)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

static void put16(u8 *p, u16 v)
{
	p[0] = v >> 8;
	p[1] = v;
}

static void put32(u8 *p, u32 v)
{
	put16(p, v >> 16);
	put16(p + 2, v);
}

static u32 csum_add(u32 sum, const u8 *p, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += get16(p + i);
	if (len & 1)
		sum += p[len - 1] << 8;
	return sum;
}

static u16 csum_fold(u32 sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return ~sum;
}

/* Ethernet + IPv4 header for @len bytes of @proto; returns the payload */
static u8 *ip_frame(u8 proto, const u8 *src, bool bcast, size_t len)
{
	u8 *ip = frame + 14;

	memcpy(frame, bcast ? (const u8 *)"\xff\xff\xff\xff\xff\xff" :
	       our_mac, 6);
	memcpy(frame + 6, srv_mac, 6);
	put16(frame + 12, 0x0800);
	memset(ip, 0, 20);
	ip[0] = 0x45;
	put16(ip + 2, 20 + len);
	ip[8] = 64;
	ip[9] = proto;
	memcpy(ip + 12, src, 4);
	memcpy(ip + 16, bcast ? (const u8 *)"\xff\xff\xff\xff" : our_ip, 4);
	put16(ip + 10, csum_fold(csum_add(0, ip, 20)));
	return ip + 20;
}

/* the transport checksum over the pseudo header, at @off in @l4 */
static void l4_csum(u8 *l4, size_t len, u8 proto, size_t off)
{
	const u8 *ip = frame + 14;
	u32 sum = csum_add(0, ip + 12, 8);
	u16 c;

	sum += proto + len;
	put16(l4 + off, 0);
	c = csum_fold(csum_add(sum, l4, len));
	put16(l4 + off, proto == 17 && !c ? 0xffff : c);
}

static int make_udp(void)
{
	static const u16 ports[] = { 69, 0, 67, 53 };
	unsigned int s = in_byte();
	size_t len = in_u16() % 1473;
	const u8 *src = s & 8 ? dns_ip : srv_ip;
	u16 sport = ports[s & 3] ? ports[s & 3] : 0x4000 + s;
	u8 *udp = ip_frame(17, src, s & 16, 8 + len);

	put16(udp, sport);
	put16(udp + 2, s & 4 ? 68 : our_udp_port);
	put16(udp + 4, 8 + len);
	in_bytes(udp + 8, len);
	if (sport == 53 && len >= 2)
		put16(udp + 8, dns_id);
	l4_csum(udp, 8 + len, 17, 6);
	return 14 + 20 + 8 + len;
}

static int make_tcp(void)
{
	unsigned int flags = in_byte();
	u32 seq = SRV_ISN + in_u16();
	u32 ack = our_tcp_next + (s8)in_byte();
	unsigned int win = in_u16();
	size_t len = in_u16() % 1461;
	u8 *tcp = ip_frame(6, srv_ip, false, 20 + len);

	put16(tcp, 80);
	put16(tcp + 2, our_tcp_port);
	put32(tcp + 4, seq);
	put32(tcp + 8, ack);
	tcp[12] = 5 << 4;
	tcp[13] = flags;
	put16(tcp + 14, win);
	put16(tcp + 18, 0);
	in_bytes(tcp + 20, len);
	l4_csum(tcp, 20 + len, 6, 16);
	return 14 + 20 + 20 + len;
}

static int make_icmp(void)
{
	unsigned int type = in_byte(), code = in_byte();
	size_t len = in_byte();
	u8 *icmp = ip_frame(1, srv_ip, false, 8 + len);

	icmp[0] = type;
	icmp[1] = code;
	put16(icmp + 4, echo_id);
	put16(icmp + 6, echo_seq);
	in_bytes(icmp + 8, len);
	put16(icmp + 2, 0);
	put16(icmp + 2, csum_fold(csum_add(0, icmp, 8 + len)));
	return 14 + 20 + 8 + len;
}

static int make_bootp(void)
{
	unsigned int type = in_byte();
	size_t olen = in_byte(), len;
	u8 *bootp, *o;

	len = 240 + 3 + olen + 6 + 6 + 6 + 6 + 1;
	bootp = ip_frame(17, srv_ip, false, 8 + len) + 8;
	memset(bootp, 0, len);
	bootp[0] = 2;
	bootp[1] = 1;
	bootp[2] = 6;
	put32(bootp + 4, dhcp_xid);
	memcpy(bootp + 16, our_ip, 4);
	memcpy(bootp + 20, srv_ip, 4);
	memcpy(bootp + 28, our_mac, 6);
	in_bytes(bootp + 108, 8);
	put32(bootp + 236, 0x63825363);
	o = bootp + 240;
	*o++ = 53;
	*o++ = 1;
	*o++ = type;
	in_bytes(o, olen);
	o += olen;
	memcpy(o, "\x36\x04\x0a\x00\x02\x02", 6);
	memcpy(o + 6, "\x01\x04\xff\xff\xff\x00", 6);
	memcpy(o + 12, "\x03\x04\x0a\x00\x02\x02", 6);
	memcpy(o + 18, "\x06\x04\x0a\x00\x02\x03", 6);
	o[24] = 0xff;
	bootp -= 8;
	put16(bootp, 67);
	put16(bootp + 2, 68);
	put16(bootp + 4, 8 + len);
	l4_csum(bootp, 8 + len, 17, 6);
	return 14 + 20 + 8 + len;
}

static int fuzz_eth_recv(struct udevice *dev, int flags, uchar **packetp)
{
	unsigned int k, len;

	*packetp = frame;
	if (arp_reply_len) {
		len = arp_reply_len;
		memcpy(frame, arp_reply, len);
		arp_reply_len = 0;
		return len;
	}
	if (in_pos >= in_len)
		return -EAGAIN;
	k = in_byte() % 6;
	switch (k) {
	case 0:
		len = in_byte();
		if (len == 255)
			len = in_u16() % 1515;
		in_bytes(frame, len);
		return len ? len : -EAGAIN;
	case 1:
		return make_udp();
	case 2:
		return make_tcp();
	case 3:
		return make_icmp();
	case 5:
		return make_bootp();
	default:
		return -EAGAIN;
	}
}

/* Note what the stack sends; answer ARP requests for the servers */
static int fuzz_eth_send(struct udevice *dev, void *packet, int length)
{
	const u8 *p = packet, *ip = p + 14, *l4;
	unsigned int ihl;

	if (length < 14)
		abort();
	if (get16(p + 12) == 0x0806 && length >= 42 && get16(p + 20) == 1) {
		u8 *r = arp_reply;

		memcpy(r, p + 6, 6);
		memcpy(r + 6, srv_mac, 6);
		put16(r + 12, 0x0806);
		memcpy(r + 14, p + 14, 6);
		put16(r + 20, 2);
		memcpy(r + 22, srv_mac, 6);
		memcpy(r + 28, p + 38, 4);
		memcpy(r + 32, p + 6, 6);
		memcpy(r + 38, p + 28, 4);
		arp_reply_len = 42;
		return 0;
	}
	if (get16(p + 12) != 0x0800 || length < 34)
		return 0;
	ihl = (ip[0] & 15) * 4;
	l4 = ip + ihl;
	if (ip[9] == 17 && length >= 14 + (int)ihl + 8) {
		our_udp_port = get16(l4);
		if (get16(l4 + 2) == 53 && length >= 14 + (int)ihl + 10)
			dns_id = get16(l4 + 8);
		if (get16(l4 + 2) == 67 && length >= 14 + (int)ihl + 16)
			dhcp_xid = get32(l4 + 12);
	} else if (ip[9] == 6 && length >= 14 + (int)ihl + 20) {
		unsigned int dlen = get16(ip + 2) - ihl - (l4[12] >> 4) * 4;

		our_tcp_port = get16(l4);
		our_tcp_next = get32(l4 + 4) + dlen + !!(l4[13] & 3);
	} else if (ip[9] == 1 && length >= 14 + (int)ihl + 8) {
		echo_id = get16(l4 + 4);
		echo_seq = get16(l4 + 6);
	}
	return 0;
}

static int fuzz_eth_start(struct udevice *dev)
{
	return 0;
}

static const struct eth_ops fuzz_eth_ops = {
	.start = fuzz_eth_start,
	.send = fuzz_eth_send,
	.recv = fuzz_eth_recv,
};

static const struct driver fuzz_eth_driver = {
	.name = "fuzz_eth",
	.id = UCLASS_ETH,
	.ops = &fuzz_eth_ops,
};

static struct eth_pdata fuzz_pdata;
static struct udevice fuzz_dev = {
	.driver = &fuzz_eth_driver,
	.name = "virtio-net#0",
};

void *dev_get_plat(const struct udevice *dev)
{
	return &fuzz_pdata;
}

struct udevice *eth_get_dev(void)
{
	return &fuzz_dev;
}

void eth_set_current(void)
{
}

int eth_init(void)
{
	return 0;
}

void eth_halt(void)
{
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static const char *const blksizes[] = { "512", "1468", "8", "1024" };
	static const char *const windows[] = { "1", "2", "4", "8" };
	static bool ready;
	ip_addr_t ip;
	unsigned int op;

	if (!ready) {
		env_init();
		memcpy(fuzz_pdata.enetaddr, our_mac, 6);
		ready = true;
	}
	if (!size)
		return 0;
	in = data;
	in_len = size;
	in_pos = 0;
	op = in_byte();
	arp_reply_len = 0;
	fuzz_reset(op & 0x80 ? 50 : 0);
	env_set("ipaddr", "10.0.2.15");
	env_set("netmask", "255.255.255.0");
	env_set("gatewayip", "10.0.2.2");
	env_set("dnsip", "10.0.2.3");
	env_set("tftpblocksize", blksizes[(op >> 2) & 3]);
	env_set("tftpwindowsize", windows[(op >> 4) & 3]);
	env_set("tftptimeout", "2000");
	IP_ADDR4(&ip, 10, 0, 2, 2);

	switch (op & 3) {
	case 0:
		tftp_run(0x1000, "vmlinuz", ip, 69);
		break;
	case 1:
		dhcp_run();
		break;
	case 2:
		wget_run(0x1000, op & 0x40 ? "http://boot.example:80/vmlinuz" :
			 "http://10.0.2.2/vmlinuz");
		break;
	case 3:
		ping_run(&ip);
		break;
	}
	if (fuzz_verbose()) {
		size_t n;
		const char *out = fuzz_output(&n);

		(void)out;
	}
	return 0;
}
