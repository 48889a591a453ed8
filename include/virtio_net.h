/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio-net on the wire (virtio 1.x spec, 5.1): feature bits, the
 * configuration space and the header in front of every frame. Fields are
 * in the device's byte order (virtio_cread(), cpu_to_virtio16()).
 *
 * The header is 12 bytes (struct virtio_net_hdr_v1) on a VERSION_1
 * device; a legacy device uses 10 (struct virtio_net_hdr), or 12 when
 * VIRTIO_NET_F_MRG_RXBUF is negotiated (struct virtio_net_hdr_mrg_rxbuf,
 * the same layout as the v1 header).
 */
#ifndef __VIRTIO_NET_H__
#define __VIRTIO_NET_H__

#include <virtio_types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>

/* Feature bits */
#define VIRTIO_NET_F_CSUM		0	/* device checksums what we send */
#define VIRTIO_NET_F_GUEST_CSUM		1	/* we accept partial checksums */
#define VIRTIO_NET_F_CTRL_GUEST_OFFLOADS 2	/* offloads set by control vq */
#define VIRTIO_NET_F_MTU		3	/* mtu is valid */
#define VIRTIO_NET_F_MAC		5	/* mac is valid */
#define VIRTIO_NET_F_GUEST_TSO4		7	/* we accept TSOv4 */
#define VIRTIO_NET_F_GUEST_TSO6		8	/* we accept TSOv6 */
#define VIRTIO_NET_F_GUEST_ECN		9	/* we accept TSO with ECN */
#define VIRTIO_NET_F_GUEST_UFO		10	/* we accept UFO */
#define VIRTIO_NET_F_HOST_TSO4		11	/* device accepts TSOv4 */
#define VIRTIO_NET_F_HOST_TSO6		12	/* device accepts TSOv6 */
#define VIRTIO_NET_F_HOST_ECN		13	/* device accepts TSO with ECN */
#define VIRTIO_NET_F_HOST_UFO		14	/* device accepts UFO */
#define VIRTIO_NET_F_MRG_RXBUF		15	/* frames may span RX buffers */
#define VIRTIO_NET_F_STATUS		16	/* status is valid */
#define VIRTIO_NET_F_CTRL_VQ		17	/* control queue */
#define VIRTIO_NET_F_CTRL_RX		18	/* RX mode by control queue */
#define VIRTIO_NET_F_CTRL_VLAN		19	/* VLAN filter by control queue */
#define VIRTIO_NET_F_GUEST_ANNOUNCE	21	/* we can send announcements */
#define VIRTIO_NET_F_MQ			22	/* several queue pairs */
#define VIRTIO_NET_F_CTRL_MAC_ADDR	23	/* MAC set by control queue */
#ifndef VIRTIO_NET_NO_LEGACY
#define VIRTIO_NET_F_GSO		6	/* legacy: any GSO type */
#endif

/* status */
#define VIRTIO_NET_S_LINK_UP		1
#define VIRTIO_NET_S_ANNOUNCE		2

/**
 * struct virtio_net_config - the configuration space
 * @mac:	MAC address (VIRTIO_NET_F_MAC); a legacy driver may write it
 * @status:	VIRTIO_NET_S_* (VIRTIO_NET_F_STATUS)
 * @max_virtqueue_pairs: queue pairs (VIRTIO_NET_F_MQ)
 * @mtu:	largest MTU the device takes (VIRTIO_NET_F_MTU)
 */
struct virtio_net_config {
	u8 mac[6];
	__virtio16 status;
	__virtio16 max_virtqueue_pairs;
	__virtio16 mtu;
} __packed;
_Static_assert(sizeof(struct virtio_net_config) == 12,
	       "virtio_net_config is 12 bytes");

/* flags */
#define VIRTIO_NET_HDR_F_NEEDS_CSUM	1	/* csum_start, csum_offset */
#define VIRTIO_NET_HDR_F_DATA_VALID	2	/* checksum is valid */
/* gso_type */
#define VIRTIO_NET_HDR_GSO_NONE		0	/* not a GSO frame */
#define VIRTIO_NET_HDR_GSO_TCPV4	1
#define VIRTIO_NET_HDR_GSO_UDP		3
#define VIRTIO_NET_HDR_GSO_TCPV6	4
#define VIRTIO_NET_HDR_GSO_ECN		0x80

/**
 * struct virtio_net_hdr - the header before each frame, legacy without
 * VIRTIO_NET_F_MRG_RXBUF
 * @flags:	VIRTIO_NET_HDR_F_*
 * @gso_type:	VIRTIO_NET_HDR_GSO_*
 * @hdr_len:	Ethernet, IP and TCP/UDP headers' length (GSO)
 * @gso_size:	bytes of payload per segment (GSO)
 * @csum_start:	where checksumming starts (NEEDS_CSUM)
 * @csum_offset: where the checksum goes, from @csum_start
 */
struct virtio_net_hdr {
	u8 flags;
	u8 gso_type;
	__virtio16 hdr_len;
	__virtio16 gso_size;
	__virtio16 csum_start;
	__virtio16 csum_offset;
} __packed;
_Static_assert(sizeof(struct virtio_net_hdr) == 10,
	       "virtio_net_hdr is 10 bytes");

/**
 * struct virtio_net_hdr_v1 - the header of a VERSION_1 device
 * @flags:	VIRTIO_NET_HDR_F_*
 * @gso_type:	VIRTIO_NET_HDR_GSO_*
 * @hdr_len:	Ethernet, IP and TCP/UDP headers' length (GSO)
 * @gso_size:	bytes of payload per segment (GSO)
 * @csum_start:	where checksumming starts (NEEDS_CSUM)
 * @csum_offset: where the checksum goes, from @csum_start
 * @num_buffers: RX buffers the frame spans (MRG_RXBUF; else 1); 0 when
 *		sending
 */
struct virtio_net_hdr_v1 {
	u8 flags;
	u8 gso_type;
	__virtio16 hdr_len;
	__virtio16 gso_size;
	__virtio16 csum_start;
	__virtio16 csum_offset;
	__virtio16 num_buffers;
} __packed;
_Static_assert(sizeof(struct virtio_net_hdr_v1) == 12,
	       "virtio_net_hdr_v1 is 12 bytes");

/**
 * struct virtio_net_hdr_mrg_rxbuf - the header of a legacy device with
 * VIRTIO_NET_F_MRG_RXBUF
 * @hdr:	the legacy header
 * @num_buffers: RX buffers the frame spans
 */
struct virtio_net_hdr_mrg_rxbuf {
	struct virtio_net_hdr hdr;
	__virtio16 num_buffers;
} __packed;
_Static_assert(sizeof(struct virtio_net_hdr_mrg_rxbuf) == 12,
	       "virtio_net_hdr_mrg_rxbuf is 12 bytes");

#endif /* __VIRTIO_NET_H__ */
