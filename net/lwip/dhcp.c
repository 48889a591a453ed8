// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * dhcp's exchange: lwIP's DHCP client on an unaddressed interface; once
 * bound, the environment as U-Boot's dhcp leaves it: ipaddr, netmask,
 * gatewayip, dnsip (dnsip2), serverip (the BOOTP siaddr, else the DHCP
 * server), bootfile (the BOOTP file field).
 */

#include <common.h>
#include <dm.h>
#include <env.h>
#include <net.h>
#include <net-lwip.h>
#include <time.h>
#include <lwip/dhcp.h>
#include <lwip/dns.h>
#include <lwip/prot/dhcp.h>

static int dhcp_loop(struct udevice *udev)
{
	ulong timeout = net_lwip_timeout_ms("dhcptimeout");
	const ip_addr_t *dns;
	struct netif *netif;
	struct dhcp *dhcp;
	bool bound = false;
	int i, shown = 0;
	ulong start;

	netif = net_lwip_new_netif_noip(udev);
	if (!netif)
		return -1;
	start = get_timer(0);
	if (dhcp_start(netif)) {
		printf("dhcp_start() failed\n");
		net_lwip_remove_netif(netif);
		return -1;
	}
	dhcp = netif_dhcp_data(netif);
	while (get_timer(start) < timeout) {
		/* Each DISCOVER lwIP sends, as U-Boot counts its own */
		if (dhcp->state == DHCP_STATE_SELECTING && dhcp->tries != shown) {
			shown = dhcp->tries;
			printf("BOOTP broadcast %d\n", shown);
		}
		net_lwip_rx(udev, netif);
		bound = dhcp_supplied_address(netif);
		if (bound)
			break;
		if (ctrlc()) {
			printf("Abort\n");
			break;
		}
	}
	if (!bound) {
		if (!had_ctrlc())
			printf("DHCP: no answer within %lu ms\n", timeout);
		dhcp_stop(netif);
		dhcp_cleanup(netif);
		net_lwip_remove_netif(netif);
		return -1;
	}

	env_set("ipaddr", ip4addr_ntoa(&dhcp->offered_ip_addr));
	env_set("netmask", ip4addr_ntoa(&dhcp->offered_sn_mask));
	if (!ip4_addr_isany_val(dhcp->offered_gw_addr))
		env_set("gatewayip", ip4addr_ntoa(&dhcp->offered_gw_addr));
	if (!ip4_addr_isany_val(dhcp->offered_si_addr))
		env_set("serverip", ip4addr_ntoa(&dhcp->offered_si_addr));
	else
		env_set("serverip", ip4addr_ntoa(&dhcp->server_ip_addr));
	for (i = 0; i < 2; i++) {
		dns = dns_getserver(i);
		if (!ip_addr_isany(dns))
			env_set(i ? "dnsip2" : "dnsip", ipaddr_ntoa(dns));
	}
	if (dhcp->boot_file_name[0])
		env_set("bootfile", dhcp->boot_file_name);

	printf("DHCP client bound to address %s (%lu ms)\n",
	       ip4addr_ntoa(&dhcp->offered_ip_addr), get_timer(start));

	/* The lease stays ours (U-Boot sends no DHCPRELEASE either): leave
	 * the bound state so that dhcp_stop() only frees the client.
	 */
	dhcp->state = DHCP_STATE_INIT;
	dhcp_stop(netif);
	dhcp_cleanup(netif);
	net_lwip_remove_netif(netif);
	return 0;
}

int dhcp_run(void)
{
	int ret;

	if (net_lwip_eth_start() < 0)
		return -1;
	clear_ctrlc();
	ret = dhcp_loop(eth_get_dev());
	net_lwip_eth_stop();
	return ret;
}
