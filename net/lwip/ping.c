// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ping's exchange: ICMP echo requests through a raw lwIP PCB, one a
 * second, five at most, until one is answered (U-Boot's lwIP ping).
 */

#include <common.h>
#include <dm.h>
#include <net.h>
#include <net-lwip.h>
#include <lwip/icmp.h>
#include <lwip/inet_chksum.h>
#include <lwip/prot/ip4.h>
#include <lwip/raw.h>
#include <lwip/timeouts.h>

#define PING_DELAY_MS	1000
#define PING_COUNT	5
#define PING_ID		0xAFAF

struct ping_ctx {
	ip_addr_t target;
	struct raw_pcb *pcb;
	u16 seq_num;
	bool alive;
};

static u8_t ping_recv(void *arg, struct raw_pcb *pcb, struct pbuf *p,
		      const ip_addr_t *addr)
{
	struct ping_ctx *ctx = arg;
	struct icmp_echo_hdr echo;
	u16 hlen;
	u8 vhl;

	if (!ip_addr_eq(addr, &ctx->target) ||
	    pbuf_copy_partial(p, &vhl, 1, 0) != 1)
		return 0;
	hlen = (vhl & 0x0f) * 4;
	if (pbuf_copy_partial(p, &echo, sizeof(echo), hlen) != sizeof(echo))
		return 0;
	if (ICMPH_TYPE(&echo) != ICMP_ER || echo.id != PING_ID ||
	    echo.seqno != lwip_htons(ctx->seq_num))
		return 0;
	ctx->alive = true;
	pbuf_free(p);
	return 1;
}

static void ping_send(void *arg)
{
	struct ping_ctx *ctx = arg;
	struct icmp_echo_hdr *echo;
	struct pbuf *p;

	if (++ctx->seq_num > PING_COUNT)
		return;
	p = pbuf_alloc(PBUF_IP, sizeof(*echo), PBUF_RAM);
	if (p) {
		echo = p->payload;
		ICMPH_TYPE_SET(echo, ICMP_ECHO);
		ICMPH_CODE_SET(echo, 0);
		echo->chksum = 0;
		echo->id = PING_ID;
		echo->seqno = lwip_htons(ctx->seq_num);
		echo->chksum = inet_chksum(echo, sizeof(*echo));
		raw_sendto(ctx->pcb, p, &ctx->target);
		pbuf_free(p);
	}
	sys_timeout(PING_DELAY_MS, ping_send, ctx);
}

static int ping_loop(struct udevice *udev, const ip_addr_t *addr)
{
	struct ping_ctx ctx = { .target = *addr };
	struct netif *netif;

	netif = net_lwip_new_netif(udev);
	if (!netif)
		return -1;
	printf("Using %s device\n", udev->name);
	ctx.pcb = raw_new(IP_PROTO_ICMP);
	if (!ctx.pcb) {
		net_lwip_remove_netif(netif);
		return -1;
	}
	raw_recv(ctx.pcb, ping_recv, &ctx);
	raw_bind(ctx.pcb, IP_ADDR_ANY);

	ping_send(&ctx);
	while (!ctx.alive && ctx.seq_num <= PING_COUNT) {
		net_lwip_rx(udev, netif);
		if (ctrlc()) {
			printf("\nAbort\n");
			break;
		}
	}
	sys_untimeout(ping_send, &ctx);
	raw_remove(ctx.pcb);
	net_lwip_remove_netif(netif);

	if (ctx.alive) {
		printf("host %s is alive\n", ipaddr_ntoa(addr));
		return 0;
	}
	printf("ping failed; host %s is not alive\n", ipaddr_ntoa(addr));
	return -1;
}

int ping_run(const ip_addr_t *addr)
{
	int ret;

	if (net_lwip_eth_start() < 0)
		return -1;
	ret = ping_loop(eth_get_dev(), addr);
	net_lwip_eth_stop();
	return ret;
}
