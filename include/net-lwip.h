/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lwIP's port and the network commands' helpers (net/lwip/), by the
 * names U-Boot's lwIP port uses where it has them.
 */
#ifndef __NET_LWIP_H
#define __NET_LWIP_H

#include <linux/types.h>
#include <lwip/ip_addr.h>
#include <lwip/netif.h>

struct udevice;

/**
 * net_lwip_eth_start() - start lwIP (once) and the current Ethernet device
 *
 * Prints one line when there is no device or it does not start.
 *
 * Return: 0, or a negative errno
 */
int net_lwip_eth_start(void);

/** net_lwip_eth_stop() - stop the Ethernet device net_lwip_eth_start() started */
void net_lwip_eth_stop(void);

/**
 * net_lwip_new_netif() - lwIP's interface over @udev, addressed from the
 * environment (ipaddr, netmask, gatewayip)
 * @udev:	the Ethernet device
 * Return: the interface, or NULL (with a line printed)
 */
struct netif *net_lwip_new_netif(struct udevice *udev);

/**
 * net_lwip_new_netif_noip() - lwIP's interface over @udev, unaddressed
 * (for DHCP)
 * @udev:	the Ethernet device
 * Return: the interface, or NULL (with a line printed)
 */
struct netif *net_lwip_new_netif_noip(struct udevice *udev);

/**
 * net_lwip_remove_netif() - remove an interface net_lwip_new_netif() made
 * @netif:	the interface
 */
void net_lwip_remove_netif(struct netif *netif);

/**
 * net_lwip_rx() - run lwIP's timers and feed it the frames @udev received
 * @udev:	the Ethernet device
 * @netif:	its interface
 * Return: 0, or a negative errno from the driver
 */
int net_lwip_rx(struct udevice *udev, struct netif *netif);

/**
 * net_lwip_dns_resolve() - a host's IPv4 address: a dotted address as is,
 * a name through the name servers of dnsip and dnsip2
 * @udev:	the Ethernet device
 * @netif:	its interface
 * @name_or_ip: host
 * @ip:		the address found
 * Return: 0, or a negative errno (with a line printed)
 */
int net_lwip_dns_resolve(struct udevice *udev, struct netif *netif,
			 const char *name_or_ip, ip_addr_t *ip);

/**
 * net_lwip_check_dest() - whether a file may be stored at @addr
 * @addr:	where the file goes (a load address)
 * @len:	its length so far (or announced)
 * Return: true if [@addr, @addr + @len) is RAM the firmware does not use
 */
bool net_lwip_check_dest(ulong addr, ulong len);

/**
 * net_lwip_print_dest_error() - print why net_lwip_check_dest() refused
 * @proto:	"TFTP" or "wget"
 * @addr:	the load address
 * @len:	the length refused
 */
void net_lwip_print_dest_error(const char *proto, ulong addr, ulong len);

/**
 * tftp_run() - load a file by TFTP (the tftpboot command's work)
 * @addr:	load address
 * @fname:	file name
 * @srvip:	server
 * @port:	server's port
 * Return: 0, or -1 after a line saying why
 */
int tftp_run(ulong addr, const char *fname, ip_addr_t srvip, u16 port);

/**
 * dhcp_run() - configure the interface by DHCP and set the environment
 * Return: 0, or -1 after a line saying why
 */
int dhcp_run(void);

/**
 * ping_run() - ICMP echo requests to @addr until one is answered
 * @addr:	the host
 * Return: 0 if the host answered, -1 if not (a line says which)
 */
int ping_run(const ip_addr_t *addr);

/**
 * wget_run() - load a file over HTTP
 * @addr:	load address
 * @url:	http://host[:port]/path
 * Return: 0, or -1 after a line saying why
 */
int wget_run(ulong addr, const char *url);

/**
 * net_lwip_assert() - report a failed lwIP assertion (arch/cc.h)
 * @msg:	the assertion's text
 * @line:	line
 * @file:	file
 */
void net_lwip_assert(const char *msg, int line, const char *file);

/**
 * net_lwip_rand() - pseudo-random numbers for lwIP (ports, ids, xids)
 * Return: 32 random-looking bits
 */
u32 net_lwip_rand(void);

/**
 * net_lwip_tftp_timeout_ms() - the TFTP client's retransmission interval
 * Return: milliseconds (a fifth of net_lwip_timeout_ms("tftptimeout"))
 */
unsigned int net_lwip_tftp_timeout_ms(void);

/**
 * net_lwip_timeout_ms() - how long a command waits for a silent peer
 * @var:	environment variable that may set it (milliseconds)
 * Return: its value, or 10000 (U-Boot's lwIP commands wait 10 s)
 */
ulong net_lwip_timeout_ms(const char *var);

#endif
