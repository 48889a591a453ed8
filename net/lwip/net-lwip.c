// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lwIP's port: time (sys_now), random numbers, the network interface over
 * the current Ethernet device (frames out through its send(), in by
 * polling its recv()), name resolution and the destination check of the
 * loading commands. lwIP runs with NO_SYS=1: nothing happens between two
 * calls of net_lwip_rx(), which the command waiting for something makes.
 */

#include <common.h>
#include <dm.h>
#include <env.h>
#include <init.h>
#include <malloc.h>
#include <lmb.h>
#include <mapmem.h>
#include <net.h>
#include <net-lwip.h>
#include <time.h>
#include <linux/errno.h>
#include <lwip/dns.h>
#include <lwip/etharp.h>
#include <lwip/init.h>
#include <lwip/pbuf.h>
#include <lwip/timeouts.h>

/* frames taken from the driver on one call of net_lwip_rx() */
#define NET_LWIP_RX_BATCH	32
/* Polls of an idle device before net_lwip_rx() returns to its caller,
 * whose loop reads the clock and the console: under QEMU's TCG both take
 * QEMU's global lock (the arm64 counter, the UART), which the network
 * backend needs to deliver the next frame. The device's receive ring is
 * plain memory and costs QEMU nothing to poll.
 */
#define NET_LWIP_IDLE_POLLS	1024
#define NET_LWIP_DNS_TIMEOUT_MS	10000

static struct netif net_lwip_netif;
static bool net_lwip_netif_added;
static int net_lwip_started;

u32_t sys_now(void)
{
	return (u32_t)get_timer(0);
}

/* the fuzz harness has one that aborts */
__weak void net_lwip_assert(const char *msg, int line, const char *file)
{
	printf("lwIP assertion \"%s\" failed at %s:%d\n", msg, file, line);
}

u32 net_lwip_rand(void)
{
	static u32 state;

	if (!state)
		state = (u32)timer_get_us() | 1;
	/* xorshift32 */
	state ^= state << 13;
	state ^= state >> 17;
	state ^= state << 5;
	return state;
}

ulong net_lwip_timeout_ms(const char *var)
{
	ulong ms = env_get_ulong(var, 10, 10000);

	return ms ? ms : 10000;
}

unsigned int net_lwip_tftp_timeout_ms(void)
{
	ulong ms = net_lwip_timeout_ms("tftptimeout") / 5;

	return ms < 100 ? 100 : ms;
}

int net_lwip_eth_start(void)
{
	static bool lwip_ready;
	int ret;

	if (!lwip_ready) {
		lwip_init();
		lwip_ready = true;
	}
	/* ethact (or ethprime, or eth0) chooses the device, as in U-Boot */
	if (!net_lwip_started)
		eth_set_current();
	if (!eth_get_dev()) {
		printf("No ethernet found.\n");
		return -ENODEV;
	}
	if (net_lwip_started++)
		return 0;
	ret = eth_init();
	if (ret < 0) {
		net_lwip_started = 0;
		printf("Could not start %s (%d)\n", eth_get_dev()->name, ret);
		eth_halt();
		return ret;
	}
	return 0;
}

void net_lwip_eth_stop(void)
{
	if (!net_lwip_started || --net_lwip_started)
		return;
	eth_halt();
}

/* One frame to the driver: in one piece, in a buffer of its alignment */
static err_t net_lwip_tx(struct netif *netif, struct pbuf *p)
{
	static u8 frame[PKTSIZE_ALIGN] __aligned(PKTALIGN);
	struct udevice *udev = netif->state;
	u16 len = p->tot_len;

	if (len > sizeof(frame) || pbuf_copy_partial(p, frame, len, 0) != len)
		return ERR_BUF;
	if (eth_get_ops(udev)->send(udev, frame, len))
		return ERR_IF;
	return ERR_OK;
}

static err_t net_lwip_if_init(struct netif *netif)
{
	netif->output = etharp_output;
	netif->linkoutput = net_lwip_tx;
	netif->mtu = 1500;
	netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP |
		       NETIF_FLAG_ETHERNET | NETIF_FLAG_LINK_UP;
	netif->name[0] = 'e';
	netif->name[1] = 't';
	return ERR_OK;
}

static void env_get_ip4(const char *var, ip4_addr_t *ip)
{
	const char *s = env_get(var);

	if (!s || !ip4addr_aton(s, ip))
		ip4_addr_set_zero(ip);
}

/* The MAC address: the driver's, else $ethaddr */
static void net_lwip_hwaddr(struct udevice *udev, u8 *mac)
{
	struct eth_pdata *pdata = dev_get_plat(udev);
	const char *s = env_get("ethaddr");
	int i;

	memset(mac, 0, ARP_HLEN);
	if (pdata)
		memcpy(mac, pdata->enetaddr, ARP_HLEN);
	if (mac[0] | mac[1] | mac[2] | mac[3] | mac[4] | mac[5] || !s)
		return;
	for (i = 0; i < ARP_HLEN && *s; i++) {
		mac[i] = simple_strtoul(s, (char **)&s, 16);
		if (*s == ':')
			s++;
	}
}

static struct netif *new_netif(struct udevice *udev, bool with_ip)
{
	struct netif *netif = &net_lwip_netif;
	ip4_addr_t ip, mask, gw;

	if (net_lwip_netif_added)
		net_lwip_remove_netif(netif);
	ip4_addr_set_zero(&ip);
	ip4_addr_set_zero(&mask);
	ip4_addr_set_zero(&gw);
	if (with_ip) {
		env_get_ip4("ipaddr", &ip);
		env_get_ip4("netmask", &mask);
		env_get_ip4("gatewayip", &gw);
	}
	memset(netif, 0, sizeof(*netif));
	net_lwip_hwaddr(udev, netif->hwaddr);
	netif->hwaddr_len = ETH_HWADDR_LEN;
	if (!netif_add(netif, &ip, &mask, &gw, udev, net_lwip_if_init,
		       netif_input)) {
		printf("error: netif_add() failed\n");
		return NULL;
	}
	net_lwip_netif_added = true;
	netif_set_default(netif);
	netif_set_up(netif);
	netif_set_link_up(netif);
	return netif;
}

struct netif *net_lwip_new_netif(struct udevice *udev)
{
	return new_netif(udev, true);
}

struct netif *net_lwip_new_netif_noip(struct udevice *udev)
{
	return new_netif(udev, false);
}

void net_lwip_remove_netif(struct netif *netif)
{
	if (!net_lwip_netif_added)
		return;
	netif_remove(netif);
	net_lwip_netif_added = false;
}

int net_lwip_rx(struct udevice *udev, struct netif *netif)
{
	const struct eth_ops *ops = eth_get_ops(udev);
	struct pbuf *p;
	uchar *packet;
	int i, len = -EAGAIN;

	sys_check_timeouts();
	for (i = 0; i < NET_LWIP_IDLE_POLLS && len == -EAGAIN; i++)
		len = ops->recv(udev, ETH_RECV_CHECK_DEVICE, &packet);
	for (i = 0; len >= 0; ) {
		p = len ? pbuf_alloc(PBUF_RAW, len, PBUF_POOL) : NULL;
		if (p) {
			pbuf_take(p, packet, len);
			if (netif->input(p, netif) != ERR_OK)
				pbuf_free(p);
		}
		if (ops->free_pkt)
			ops->free_pkt(udev, packet, len);
		if (++i == NET_LWIP_RX_BATCH)
			break;
		len = ops->recv(udev, 0, &packet);
	}
	return len == -EAGAIN || len >= 0 ? 0 : len;
}

/* The query being waited for. lwIP cannot cancel a query: one given up
 * on (a timeout, Ctrl-C) still calls back later, so the callback gets the
 * query's number, not a pointer into a finished command's stack.
 */
static struct dns_wait {
	ip_addr_t ip;
	int done;	/* 1 found, -1 not found */
	uintptr_t id;
} dns_wait;

static void dns_found_cb(const char *name, const ip_addr_t *ip, void *arg)
{
	struct dns_wait *w = &dns_wait;

	if ((uintptr_t)arg != w->id)
		return;
	if (ip) {
		w->ip = *ip;
		w->done = 1;
	} else {
		w->done = -1;
	}
}

int net_lwip_dns_resolve(struct udevice *udev, struct netif *netif,
			 const char *name_or_ip, ip_addr_t *ip)
{
	static const char *const vars[] = { "dnsip", "dnsip2" };
	struct dns_wait *w = &dns_wait;
	bool has_server = false;
	ulong start;
	ip_addr_t ns;
	unsigned int i;
	err_t err;

	if (ipaddr_aton(name_or_ip, ip))
		return 0;
	for (i = 0; i < ARRAY_SIZE(vars); i++) {
		const char *s = env_get(vars[i]);

		if (s && ipaddr_aton(s, &ns)) {
			dns_setserver(i, &ns);
			has_server = true;
		} else {
			dns_setserver(i, IP_ADDR_ANY);
		}
	}
	if (!has_server) {
		printf("No valid name server (dnsip/dnsip2)\n");
		return -EINVAL;
	}
	w->done = 0;
	w->id++;
	err = dns_gethostbyname(name_or_ip, &w->ip, dns_found_cb,
				(void *)w->id);
	if (err == ERR_OK) {
		*ip = w->ip;
		return 0;
	}
	if (err != ERR_INPROGRESS) {
		printf("Cannot resolve %s (error %d)\n", name_or_ip, err);
		return -EINVAL;
	}
	start = get_timer(0);
	while (!w->done) {
		net_lwip_rx(udev, netif);
		if (ctrlc()) {
			printf("\nAbort\n");
			return -EINTR;
		}
		if (get_timer(start) > NET_LWIP_DNS_TIMEOUT_MS)
			break;
	}
	if (w->done != 1) {
		printf("Cannot resolve %s\n", name_or_ip);
		return -ENOENT;
	}
	*ip = w->ip;
	return 0;
}

bool net_lwip_check_dest(ulong addr, ulong len)
{
	return map_sysmem(addr, len) && !lmb_check(addr, len, NULL);
}

void net_lwip_print_dest_error(const char *proto, ulong addr, ulong len)
{
	printf("\n%s error: 0x%lx bytes at 0x%lx do not fit in free RAM\n",
	       proto, len, addr);
}
