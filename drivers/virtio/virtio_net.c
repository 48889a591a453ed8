// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * virtio-net: an Ethernet device (UCLASS_ETH) bound on a virtio transport.
 *
 * Queue 0 receives, queue 1 sends; nothing interrupts, the network stack
 * polls recv(). start() posts the receive buffers, each big enough for a
 * header and a whole frame, and they stay posted: every frame the stack
 * has handled goes back with free_pkt(), and frames that arrived while
 * the device was stopped are dropped at the next start(). send() puts the
 * header and the frame in two descriptors and waits for the device to
 * take them, bounded by CONFIG_VIRTIO_TIMEOUT_MS. The header is 12 bytes
 * on a VERSION_1 device, 10 or (with MRG_RXBUF) 12 on a legacy one. A
 * device that breaks the ring protocol or does not take a frame in time
 * is reset and set up again.
 */

#include <common.h>
#include <dm.h>
#include <malloc.h>
#include <net.h>
#include <virtio_types.h>
#include <virtio.h>
#include <virtio_net.h>
#include <virtio_ring.h>

/* Receive buffers kept posted (fewer if the queue is smaller) */
#define VIRTIO_NET_NUM_RX_BUFS	32
/* A header and the largest frame: 12 + 1522 */
#define VIRTIO_NET_RX_BUF_SIZE	PKTSIZE_ALIGN

/**
 * struct virtio_net_priv - state of a virtio-net device
 * @vqs:	the queues, as virtio_find_vqs() takes them
 * @rx_vq:	receive queue
 * @tx_vq:	transmit queue
 * @rx_buff:	the receive buffers, @num_rx of VIRTIO_NET_RX_BUF_SIZE bytes
 * @num_rx:	number of receive buffers
 * @tx_hdr:	header of the frame being sent (all zeroes: no offloads)
 * @net_hdr_len: bytes of the header before each frame
 * @mergeable:	MRG_RXBUF negotiated: num_buffers is valid
 * @rx_skip:	buffers still to drop of a frame that spans several
 * @rx_running:	the receive buffers are posted
 * @failed:	the device could not be set up again after an error
 */
struct virtio_net_priv {
	union {
		struct virtqueue *vqs[2];
		struct {
			struct virtqueue *rx_vq;
			struct virtqueue *tx_vq;
		};
	};
	u8 *rx_buff;
	unsigned int num_rx;
	struct virtio_net_hdr_v1 tx_hdr;
	unsigned int net_hdr_len;
	bool mergeable;
	unsigned int rx_skip;
	bool rx_running;
	bool failed;
};

/* The link is taken as up: VIRTIO_NET_F_STATUS is not negotiated */
static const u32 feature[] = {
	VIRTIO_NET_F_MAC,
	VIRTIO_NET_F_MRG_RXBUF,
};

/* A receive buffer back to the device (not kicked) */
static int virtio_net_post(struct virtio_net_priv *priv, u8 *buf)
{
	struct virtio_sg sg = { buf, VIRTIO_NET_RX_BUF_SIZE };
	struct virtio_sg *sgs[] = { &sg };

	return virtqueue_add(priv->rx_vq, sgs, 0, 1);
}

static int virtio_net_post_all(struct virtio_net_priv *priv)
{
	unsigned int i;
	int ret;

	for (i = 0; i < priv->num_rx; i++) {
		ret = virtio_net_post(priv, priv->rx_buff +
				      i * VIRTIO_NET_RX_BUF_SIZE);
		if (ret)
			return ret;
	}
	virtqueue_kick(priv->rx_vq);
	priv->rx_running = true;
	priv->rx_skip = 0;

	return 0;
}

/* Reset the device after an error and set its queues up again */
static int virtio_net_recover(struct udevice *dev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(dev->parent);
	struct virtio_net_priv *priv = dev_get_priv(dev);
	int ret;

	priv->rx_running = false;
	priv->rx_vq = NULL;
	priv->tx_vq = NULL;
	ret = virtio_restart(dev);
	if (!ret)
		ret = virtio_find_vqs(dev, 2, priv->vqs);
	if (!ret) {
		virtio_add_status(dev, VIRTIO_CONFIG_S_DRIVER_OK);
		ret = virtio_net_post_all(priv);
	}
	if (ret) {
		priv->failed = true;
		if (!uc_priv->fail_reason)
			uc_priv->fail_reason = "device failed to restart";
		virtio_add_status(dev, VIRTIO_CONFIG_S_FAILED);
	}

	return ret;
}

/* The receive buffer @buf starts, or NULL if it is not one of ours */
static u8 *virtio_net_rx_buf(struct virtio_net_priv *priv, void *buf)
{
	u8 *p = buf;
	ulong off = p - priv->rx_buff;

	if (p < priv->rx_buff ||
	    off >= (ulong)priv->num_rx * VIRTIO_NET_RX_BUF_SIZE ||
	    off % VIRTIO_NET_RX_BUF_SIZE)
		return NULL;

	return p;
}

static int virtio_net_start(struct udevice *dev)
{
	struct virtio_net_priv *priv = dev_get_priv(dev);
	unsigned int len;
	void *buf;
	int ret;

	if (priv->failed)
		return -EIO;
	if (!priv->rx_vq || virtqueue_is_broken(priv->rx_vq) ||
	    virtqueue_is_broken(priv->tx_vq))
		return virtio_net_recover(dev);
	if (!priv->rx_running)
		return virtio_net_post_all(priv);

	/* Frames that came while nobody listened are stale */
	while ((buf = virtqueue_get_buf(priv->rx_vq, &len))) {
		ret = virtio_net_post(priv, buf);
		if (ret)
			return virtio_net_recover(dev);
	}
	if (virtqueue_is_broken(priv->rx_vq))
		return virtio_net_recover(dev);
	priv->rx_skip = 0;
	virtqueue_kick(priv->rx_vq);

	return 0;
}

static int virtio_net_send(struct udevice *dev, void *packet, int length)
{
	struct virtio_net_priv *priv = dev_get_priv(dev);
	struct virtio_sg hdr_sg = { &priv->tx_hdr, priv->net_hdr_len };
	struct virtio_sg data_sg = { packet, length };
	struct virtio_sg *sgs[] = { &hdr_sg, &data_sg };
	void *buf;
	int ret;

	if (priv->failed || !priv->tx_vq)
		return -EIO;
	if (length <= 0 || length > PKTSIZE)
		return -EINVAL;
	ret = virtqueue_add(priv->tx_vq, sgs, 2, 0);
	if (ret)
		goto err;
	virtqueue_kick(priv->tx_vq);
	ret = virtqueue_wait_buf(priv->tx_vq, &buf, NULL, virtio_timeout_ms());
	if (!ret && buf != &priv->tx_hdr) {
		priv->tx_vq->broken = true;
		ret = -EIO;
	}
	if (!ret)
		return 0;
err:
	/* The device may still hold the frame: take it back by a reset */
	virtio_net_recover(dev);

	return ret;
}

static int virtio_net_recv(struct udevice *dev, int flags, uchar **packetp)
{
	struct virtio_net_priv *priv = dev_get_priv(dev);
	struct virtio_net_hdr_v1 *hdr;
	unsigned int len;
	void *buf;
	u8 *p;

	if (priv->failed || !priv->rx_running)
		return -EAGAIN;
	/* A device in this thread (the sandbox's) works when polled */
	if ((flags & ETH_RECV_CHECK_DEVICE) && priv->rx_vq->poll)
		priv->rx_vq->poll(priv->rx_vq);

	for (;;) {
		buf = virtqueue_get_buf(priv->rx_vq, &len);
		if (!buf)
			break;
		p = virtio_net_rx_buf(priv, buf);
		if (!p) {
			priv->rx_vq->broken = true;
			break;
		}
		hdr = (struct virtio_net_hdr_v1 *)p;
		if (priv->rx_skip) {
			/* The rest of a frame that spans several buffers */
			priv->rx_skip--;
		} else if (len > priv->net_hdr_len) {
			u16 n = priv->mergeable ?
				virtio16_to_cpu(dev, hdr->num_buffers) : 1;

			/* A frame larger than one buffer is not for us */
			if (n <= 1) {
				*packetp = p + priv->net_hdr_len;
				return len - priv->net_hdr_len;
			}
			priv->rx_skip = n - 1;
		}
		if (virtio_net_post(priv, p))
			break;
		virtqueue_kick(priv->rx_vq);
	}
	if (virtqueue_is_broken(priv->rx_vq)) {
		virtio_net_recover(dev);
		return -EIO;
	}

	return -EAGAIN;
}

static int virtio_net_free_pkt(struct udevice *dev, uchar *packet, int length)
{
	struct virtio_net_priv *priv = dev_get_priv(dev);
	u8 *buf;
	int ret;

	if (priv->failed || !priv->rx_running)
		return 0;
	buf = virtio_net_rx_buf(priv, packet - priv->net_hdr_len);
	if (!buf)
		return -EINVAL;
	ret = virtio_net_post(priv, buf);
	if (ret)
		return ret;
	virtqueue_kick(priv->rx_vq);

	return 0;
}

static void virtio_net_stop(struct udevice *dev)
{
	/*
	 * The receive buffers stay posted: taking them back needs a reset.
	 * What arrives meanwhile is dropped by the next start(), and the
	 * device is reset when it is removed before an OS starts.
	 */
}

static int virtio_net_write_hwaddr(struct udevice *dev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(dev->parent);
	struct eth_pdata *pdata = dev_get_plat(dev);
	int i;

	/* A VERSION_1 device takes a new address only by its control queue */
	if (!uc_priv->legacy)
		return -ENOSYS;
	for (i = 0; i < ARP_HLEN; i++)
		virtio_cwrite8(dev, offsetof(struct virtio_net_config, mac) + i,
			       pdata->enetaddr[i]);

	return 0;
}

static int virtio_net_read_rom_hwaddr(struct udevice *dev)
{
	struct eth_pdata *pdata = dev_get_plat(dev);

	if (virtio_has_feature(dev, VIRTIO_NET_F_MAC))
		virtio_cread_bytes(dev, offsetof(struct virtio_net_config, mac),
				   pdata->enetaddr, ARP_HLEN);

	return 0;
}

static int virtio_net_bind(struct udevice *dev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(dev->parent);

	virtio_driver_features_init(uc_priv, feature, ARRAY_SIZE(feature),
				    NULL, 0);

	return 0;
}

static int virtio_net_probe(struct udevice *dev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(dev->parent);
	struct virtio_net_priv *priv = dev_get_priv(dev);
	int ret;

	ret = virtio_find_vqs(dev, 2, priv->vqs);
	if (ret) {
		uc_priv->fail_reason = "no receive and transmit queues";
		goto err;
	}
	priv->mergeable = virtio_has_feature(dev, VIRTIO_NET_F_MRG_RXBUF);
	/* VERSION_1 always has num_buffers; legacy only with MRG_RXBUF */
	priv->net_hdr_len = uc_priv->legacy && !priv->mergeable ?
			    sizeof(struct virtio_net_hdr) :
			    sizeof(struct virtio_net_hdr_v1);
	priv->num_rx = min_t(unsigned int, VIRTIO_NET_NUM_RX_BUFS,
			     virtqueue_get_vring_size(priv->rx_vq));
	priv->rx_buff = memalign(PKTALIGN,
				 priv->num_rx * VIRTIO_NET_RX_BUF_SIZE);
	if (!priv->rx_buff) {
		ret = -ENOMEM;
		virtio_del_vqs(dev);
		goto err;
	}

	return 0;

err:
	virtio_add_status(dev, VIRTIO_CONFIG_S_FAILED);
	return ret;
}

static int virtio_net_remove(struct udevice *dev)
{
	struct virtio_net_priv *priv = dev_get_priv(dev);

	/* The device must stop writing into the buffers before they go */
	if (virtio_reset(dev))
		virtio_add_status(dev, VIRTIO_CONFIG_S_FAILED);
	virtio_del_vqs(dev);
	free(priv->rx_buff);
	priv->rx_buff = NULL;
	priv->rx_running = false;

	return 0;
}

static const struct eth_ops virtio_net_ops = {
	.start		= virtio_net_start,
	.send		= virtio_net_send,
	.recv		= virtio_net_recv,
	.free_pkt	= virtio_net_free_pkt,
	.stop		= virtio_net_stop,
	.write_hwaddr	= virtio_net_write_hwaddr,
	.read_rom_hwaddr = virtio_net_read_rom_hwaddr,
};

U_BOOT_DRIVER(virtio_net) = {
	.name		= VIRTIO_NET_DRV_NAME,
	.id		= UCLASS_ETH,
	.bind		= virtio_net_bind,
	.probe		= virtio_net_probe,
	.remove		= virtio_net_remove,
	.ops		= &virtio_net_ops,
	.priv_auto	= sizeof(struct virtio_net_priv),
	.plat_auto	= sizeof(struct eth_pdata),
	.flags		= DM_FLAG_ACTIVE_DMA,
};
