/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lwIP's configuration for virtboot: no operating system (NO_SYS), no
 * threads, one network interface polled by the command that uses it;
 * IPv4 with ARP, ICMP, UDP, TCP, DHCP and DNS; the TFTP and HTTP clients.
 * Memory is lwIP's own, fixed pools and a small heap in .bss (on the
 * sandbox the host's malloc()). Options left out keep lwIP's defaults.
 */
#ifndef __LWIPOPTS_H
#define __LWIPOPTS_H

#define NO_SYS				1
#define SYS_LIGHTWEIGHT_PROT		0
#define LWIP_NETCONN			0
#define LWIP_SOCKET			0
#define LWIP_TIMERS			1

/* Memory: lwIP's pools (pbufs, control blocks) and its heap (PBUF_RAM:
 * what is sent). These take O(1) per allocation; the firmware's heap is
 * a first-fit walk over every block in use, and one malloc() and free()
 * per acknowledged TFTP block made the guest's work per block 47 us
 * instead of 22 us under QEMU's TCG.
 */
#define MEM_ALIGNMENT			8
#if IS_ENABLED(CONFIG_SANDBOX)
/* The host's malloc(): each pbuf its own block, watched by ASan */
#define MEM_LIBC_MALLOC			1
#define MEMP_MEM_MALLOC			1
#else
#define MEM_LIBC_MALLOC			0
#define MEM_SIZE			(32 * 1024)
#define MEMP_MEM_MALLOC			0
#endif
#define MEM_USE_POOLS			0
#define PBUF_POOL_SIZE			32
#define PBUF_POOL_BUFSIZE		1536
#define MEMP_NUM_PBUF			32
#define MEMP_NUM_UDP_PCB		4
#define MEMP_NUM_TCP_PCB		2
#define MEMP_NUM_TCP_PCB_LISTEN		1
#define MEMP_NUM_TCP_SEG		64
#define MEMP_NUM_SYS_TIMEOUT		12
#define MEMP_NUM_ARP_QUEUE		8

/* One Ethernet interface */
#define LWIP_SINGLE_NETIF		1
#define LWIP_ARP			1
#define LWIP_ETHERNET			1
#define ETHARP_SUPPORT_STATIC_ENTRIES	0
#define ARP_TABLE_SIZE			4
#define ARP_QUEUEING			1
#define LWIP_NETIF_HOSTNAME		0
#define LWIP_NETIF_STATUS_CALLBACK	0
#define LWIP_NETIF_LINK_CALLBACK	0
#define LWIP_NETIF_API			0
#define LWIP_NETIF_LOOPBACK		0

/* IPv4 only */
#define LWIP_IPV4			1
#define LWIP_IPV6			0
#define IP_FORWARD			0
#define IP_OPTIONS_ALLOWED		1
#define IP_REASSEMBLY			0
#define IP_FRAG				0
#define LWIP_ICMP			1
#define LWIP_RAW			1
#define LWIP_IGMP			0
#define LWIP_AUTOIP			0
#define LWIP_ACD			0
#define LWIP_BROADCAST_PING		0
#define LWIP_MULTICAST_PING		0

/* DHCP, with the BOOTP fields (siaddr, file) U-Boot's dhcp sets */
#define LWIP_DHCP			1
#define LWIP_DHCP_BOOTP_FILE		1
#define DHCP_DOES_ARP_CHECK		0
#define LWIP_DHCP_DOES_ACD_CHECK	0
#define LWIP_DHCP_GET_NTP_SRV		0
#define LWIP_DHCP_MAX_DNS_SERVERS	2

/* DNS: dnsip, dnsip2 */
#define LWIP_DNS			1
#define DNS_MAX_SERVERS			2
#define DNS_TABLE_SIZE			2
#define DNS_MAX_NAME_LENGTH		256
#define DNS_MAX_RETRIES			4
#define LWIP_DNS_SUPPORT_MDNS_QUERIES	0

/* UDP and TCP */
#define LWIP_UDP			1
#define LWIP_UDPLITE			0
#define LWIP_TCP			1
#define TCP_MSS				1460
#define TCP_WND				(16 * TCP_MSS)
#define TCP_SND_BUF			(4 * TCP_MSS)
#define TCP_SND_QUEUELEN		(4 * TCP_SND_BUF / TCP_MSS)
#define TCP_QUEUE_OOSEQ			1
#define TCP_OOSEQ_MAX_PBUFS		16
#define LWIP_TCP_KEEPALIVE		0
#define LWIP_LISTEN_BACKLOG		0
#define LWIP_ALTCP			0
#define LWIP_CALLBACK_API		1
#define LWIP_EVENT_API			0
#define LWIP_WND_SCALE			0
#define LWIP_TCP_SACK_OUT		0

/* No statistics, no debug output, checksums in software */
#define LWIP_STATS			0
#define LWIP_STATS_DISPLAY		0
#define LWIP_DEBUG			0
#define LWIP_PERF			0
#define CHECKSUM_GEN_IP			1
#define CHECKSUM_GEN_UDP		1
#define CHECKSUM_GEN_TCP		1
#define CHECKSUM_GEN_ICMP		1
#define CHECKSUM_CHECK_IP		1
#define CHECKSUM_CHECK_UDP		1
#define CHECKSUM_CHECK_TCP		1
#define CHECKSUM_CHECK_ICMP		1

/* The firmware prints asserts and carries on; the fuzz harness aborts */
#ifndef VIRTBOOT_LWIP_ASSERT
#define LWIP_NOASSERT			1
#endif

/* TFTP client (apps/tftp, patched: contrib/lwip/) */
#define LWIP_TFTP			1
#define TFTP_MAX_FILENAME_LEN		255
#define TFTP_MAX_MODE_LEN		7
#define TFTP_TIMEOUT_MSECS		net_lwip_tftp_timeout_ms()
#define TFTP_TIMER_MSECS		50
#define TFTP_MAX_RETRIES		10

/* HTTP client (apps/http/http_client) */
#define LWIP_HTTPC_HAVE_FILE_IO		0
#define HTTPC_CLIENT_AGENT		"virtboot"

#include <linux/types.h>

/**
 * net_lwip_tftp_timeout_ms() - TFTP's retransmission timeout
 *
 * U-Boot's 5 s (TIMEOUT in net/tftp.c) unless the environment variable
 * tftptimeout (milliseconds, as in U-Boot's legacy stack) says otherwise.
 *
 * Return: milliseconds
 */
unsigned int net_lwip_tftp_timeout_ms(void);
/* net/lwip/chksum.c: the Internet checksum a machine word at a time */
u16 net_lwip_chksum(const void *data, int len);
#define LWIP_CHKSUM			net_lwip_chksum

#endif
