// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Emulated virtio-net device for the sandbox, its other end a user-mode
 * network (libslirp through arch/sandbox/cpu/slirp.c):
 * --net user[,tftp=DIR][,bootfile=FILE].
 *
 * It answers as QEMU's virtio-net does: MAC address 52:54:00:12:34:56
 * (the next ones for further devices), link up, mergeable receive
 * buffers offered. Queue 0 receives: the chains the driver posts are held
 * (VSB_HOLD) until the network has a frame, which goes into the oldest,
 * behind a header of 10 or 12 bytes as negotiated; without a posted
 * buffer the frame is dropped, as a card drops it. Queue 1 sends: each
 * chain is a header and a frame, given to the network at once. The
 * network works while the driver polls (the model's poll), never in the
 * background.
 *
 * Options: tftp=DIR, bootfile=FILE, mac=xx:xx:xx:xx:xx:xx, nomac (no
 * VIRTIO_NET_F_MAC), nomrg (no MRG_RXBUF: a legacy device's header is then
 * 10 bytes), and the transport's (legacy, defer, queue=N).
 */

#include <common.h>
#include <malloc.h>
#include <net.h>
#include <virtio.h>
#include <virtio_net.h>
#include <virtio_sandbox.h>
#include <asm/slirp.h>

#define VSB_NET_RX	0
#define VSB_NET_TX	1
/* The largest frame either way (slirp's MTU is 1500) */
#define VSB_NET_FRAME_MAX	2048

/**
 * struct vsb_net - state of one emulated virtio-net device
 * @slirp:	the user-mode network
 * @mac:	MAC address offered
 * @tftp:	TFTP root (empty: none)
 * @bootfile:	boot file of DHCP answers (empty: none)
 * @rx_frames:	frames given to the driver
 * @rx_dropped:	frames dropped for want of a posted buffer
 * @tx_frames:	frames the driver sent
 * @rx:		header and frame being received
 * @tx:		frame being sent
 */
struct vsb_net {
	struct os_slirp *slirp;
	u8 mac[ARP_HLEN];
	char tftp[256];
	char bootfile[128];
	unsigned int rx_frames;
	unsigned int rx_dropped;
	unsigned int tx_frames;
	u8 rx[sizeof(struct virtio_net_hdr_v1) + VSB_NET_FRAME_MAX];
	u8 tx[VSB_NET_FRAME_MAX];
};

/* Bytes of the header the driver and the device agreed on */
static unsigned int vsb_net_hdr_len(struct virtio_sandbox_dev *vd)
{
	if (vd->driver_features & (BIT_ULL(VIRTIO_F_VERSION_1) |
				   BIT_ULL(VIRTIO_NET_F_MRG_RXBUF)))
		return sizeof(struct virtio_net_hdr_v1);

	return sizeof(struct virtio_net_hdr);
}

/* A frame from the network: into the oldest posted receive buffer */
static void vsb_net_output(const void *frame, int len, void *priv)
{
	struct virtio_sandbox_dev *vd = priv;
	struct vsb_net *net = vd->priv;
	unsigned int hlen = vsb_net_hdr_len(vd);
	struct virtio_net_hdr_v1 *hdr = (struct virtio_net_hdr_v1 *)net->rx;

	if (len <= 0 || len > VSB_NET_FRAME_MAX) {
		net->rx_dropped++;
		return;
	}
	memset(hdr, 0, sizeof(*hdr));
	hdr->num_buffers = vsb_cpu_to_virtio16(vd, 1);
	memcpy(net->rx + hlen, frame, len);
	if (virtio_sandbox_fill_held(vd, VSB_NET_RX, net->rx, hlen + len) < 0)
		net->rx_dropped++;
	else
		net->rx_frames++;
}

static int vsb_net_opt(struct virtio_sandbox_dev *vd, struct vsb_net *net,
		       const char *opt)
{
	if (!strncmp(opt, "tftp=", 5)) {
		if (strlcpy(net->tftp, opt + 5, sizeof(net->tftp)) >=
		    sizeof(net->tftp))
			return -EINVAL;
		return 0;
	}
	if (!strncmp(opt, "bootfile=", 9)) {
		if (strlcpy(net->bootfile, opt + 9, sizeof(net->bootfile)) >=
		    sizeof(net->bootfile))
			return -EINVAL;
		return 0;
	}
	if (!strncmp(opt, "mac=", 4)) {
		string_to_enetaddr(opt + 4, net->mac);
		return is_valid_ethaddr(net->mac) ? 0 : -EINVAL;
	}
	if (!strcmp(opt, "nomac")) {
		vd->device_features &= ~BIT_ULL(VIRTIO_NET_F_MAC);
		return 0;
	}
	if (!strcmp(opt, "nomrg")) {
		vd->device_features &= ~BIT_ULL(VIRTIO_NET_F_MRG_RXBUF);
		return 0;
	}

	return virtio_sandbox_transport_opt(vd, opt);
}

static int vsb_net_init(struct virtio_sandbox_dev *vd,
			const char *const specs[], int count)
{
	static const u8 qemu_mac[ARP_HLEN] = { 0x52, 0x54, 0, 0x12, 0x34, 0x56 };
	char spec[512], *opt, *next;
	struct vsb_net *net;
	int ret;

	if (count != 1 || strlen(specs[0]) >= sizeof(spec))
		return -EINVAL;
	strcpy(spec, specs[0]);
	next = strchr(spec, ',');
	if (next)
		*next++ = '\0';
	/* User-mode networking is the one kind there is */
	if (strcmp(spec, "user"))
		return -EINVAL;

	net = calloc(1, sizeof(*net));
	if (!net)
		return -ENOMEM;
	memcpy(net->mac, qemu_mac, ARP_HLEN);
	/* net0, net1...: the next address for each further device */
	net->mac[5] += simple_strtoul(vd->name + 3, NULL, 10);
	vd->device_features = BIT_ULL(VIRTIO_NET_F_MAC) |
			      BIT_ULL(VIRTIO_NET_F_MRG_RXBUF) |
			      BIT_ULL(VIRTIO_NET_F_STATUS);
	while (next) {
		opt = next;
		next = strchr(opt, ',');
		if (next)
			*next++ = '\0';
		ret = vsb_net_opt(vd, net, opt);
		if (ret)
			goto err;
	}

	net->slirp = os_slirp_new(net->tftp[0] ? net->tftp : NULL,
				  net->bootfile[0] ? net->bootfile : NULL,
				  vsb_net_output, vd);
	if (!net->slirp) {
		ret = -EIO;
		goto err;
	}
	vd->priv = net;

	return 0;

err:
	free(net);
	return ret;
}

static void vsb_net_remove(struct virtio_sandbox_dev *vd)
{
	struct vsb_net *net = vd->priv;

	if (!net)
		return;
	os_slirp_free(net->slirp);
	free(net);
	vd->priv = NULL;
}

static void vsb_net_fill_config(struct virtio_sandbox_dev *vd, u8 *config)
{
	struct virtio_net_config *cfg = (struct virtio_net_config *)config;
	struct vsb_net *net = vd->priv;

	memcpy(cfg->mac, net->mac, ARP_HLEN);
	cfg->status = vsb_cpu_to_virtio16(vd, VIRTIO_NET_S_LINK_UP);
	cfg->max_virtqueue_pairs = vsb_cpu_to_virtio16(vd, 1);
}

static int vsb_net_request(struct virtio_sandbox_dev *vd, unsigned int queue,
			   struct virtio_sandbox_req *req)
{
	struct vsb_net *net = vd->priv;
	unsigned int hlen = vsb_net_hdr_len(vd);
	u64 len;

	if (queue == VSB_NET_RX)
		return req->in_len >= hlen ? VSB_HOLD : 0;

	/* A header, then the frame; nothing for the device to write */
	if (req->out_len <= hlen || req->out_len - hlen > VSB_NET_FRAME_MAX)
		return 0;
	len = vsb_req_read(req, hlen, net->tx, req->out_len - hlen);
	net->tx_frames++;
	os_slirp_input(net->slirp, net->tx, len);

	return 0;
}

static void vsb_net_poll(struct virtio_sandbox_dev *vd)
{
	struct vsb_net *net = vd->priv;

	os_slirp_poll(net->slirp);
}

VIRTIO_SANDBOX_MODEL(net) = {
	.name		= "net",
	.device_id	= VIRTIO_ID_NET,
	.num_queues	= 2,
	.config_len	= sizeof(struct virtio_net_config),
	.init		= vsb_net_init,
	.fill_config	= vsb_net_fill_config,
	.request	= vsb_net_request,
	.poll		= vsb_net_poll,
	.remove		= vsb_net_remove,
};
