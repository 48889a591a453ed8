// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * virtio-pci, legacy interface (virtio 1.x, 4.1.4.8): one register block
 * in I/O BAR 0, 32 feature bits, queues given as a page frame number with
 * the used ring at the next 4096-byte boundary, and configuration in the
 * guest's byte order. Registers are reached through struct
 * virtio_pci_access, as for the modern interface.
 */

#include <common.h>
#include <dm.h>
#include <virtio.h>
#include <virtio_pci.h>
#include <virtio_ring.h>

static struct virtio_pci_priv *vp_priv(struct udevice *udev)
{
	return dev_get_priv(udev);
}

static u32 vpl_read(struct udevice *udev, uint off, int size)
{
	struct virtio_pci_priv *priv = vp_priv(udev);

	return priv->acc->read(udev, &priv->common, off, size);
}

static void vpl_write(struct udevice *udev, uint off, u32 val, int size)
{
	struct virtio_pci_priv *priv = vp_priv(udev);

	priv->acc->write(udev, &priv->common, off, val, size);
}

static int vpl_config_check(struct udevice *udev, unsigned int offset,
			    unsigned int len)
{
	struct virtio_pci_priv *priv = vp_priv(udev);
	uint room = priv->common.length - priv->config_off;

	if (priv->common.length < priv->config_off || offset > room ||
	    len > room - offset)
		return -EINVAL;
	return 0;
}

/* Byte by byte: legacy configuration is in guest order, bytes are exact. */
static int vpl_get_config(struct udevice *udev, unsigned int offset,
			  void *buf, unsigned int len)
{
	uint base = vp_priv(udev)->config_off + offset;
	u8 *p = buf;
	uint i;

	if (vpl_config_check(udev, offset, len))
		return -EINVAL;
	for (i = 0; i < len; i++)
		p[i] = vpl_read(udev, base + i, 1);
	return 0;
}

static int vpl_set_config(struct udevice *udev, unsigned int offset,
			  const void *buf, unsigned int len)
{
	uint base = vp_priv(udev)->config_off + offset;
	const u8 *p = buf;
	uint i;

	if (vpl_config_check(udev, offset, len))
		return -EINVAL;
	for (i = 0; i < len; i++)
		vpl_write(udev, base + i, p[i], 1);
	return 0;
}

static int vpl_get_status(struct udevice *udev, u8 *status)
{
	*status = vpl_read(udev, VIRTIO_PCI_STATUS, 1);
	return 0;
}

static int vpl_set_status(struct udevice *udev, u8 status)
{
	if (!status)
		return -EINVAL;
	vpl_write(udev, VIRTIO_PCI_STATUS, status, 1);
	return 0;
}

static int vpl_reset(struct udevice *udev)
{
	vpl_write(udev, VIRTIO_PCI_STATUS, 0, 1);
	return 0;
}

static int vpl_get_features(struct udevice *udev, u64 *features)
{
	*features = vpl_read(udev, VIRTIO_PCI_HOST_FEATURES, 4);
	return 0;
}

static int vpl_set_features(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);

	/* The legacy interface has room for bits 0-31 only. */
	vpl_write(udev, VIRTIO_PCI_GUEST_FEATURES,
		  lower_32_bits(uc_priv->features), 4);
	return 0;
}

static int vpl_del_vqs(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct virtqueue *vq, *next;

	list_for_each_entry_safe(vq, next, &uc_priv->vqs, list) {
		vpl_write(udev, VIRTIO_PCI_QUEUE_SEL, vq->index, 2);
		vpl_write(udev, VIRTIO_PCI_QUEUE_PFN, 0, 4);
		vring_del_virtqueue(vq);
	}
	return 0;
}

static int vpl_setup_vq(struct udevice *udev, unsigned int index,
			struct virtqueue **vqp)
{
	struct virtqueue *vq;
	ulong addr;
	u16 num;

	vpl_write(udev, VIRTIO_PCI_QUEUE_SEL, index, 2);
	num = vpl_read(udev, VIRTIO_PCI_QUEUE_NUM, 2);
	if (!num || vpl_read(udev, VIRTIO_PCI_QUEUE_PFN, 4))
		return -ENOENT;
	if (num & (num - 1))
		return -EINVAL;

	/* The device lays the whole queue out from one page frame. */
	vq = vring_create_virtqueue(index, num, VIRTIO_PCI_VRING_ALIGN, udev);
	if (!vq)
		return -ENOMEM;
	addr = virtqueue_get_desc_addr(vq);
	if (addr % VIRTIO_PCI_VRING_ALIGN ||
	    (u64)addr >> VIRTIO_PCI_QUEUE_ADDR_SHIFT > 0xffffffffULL ||
	    virtqueue_get_used_addr(vq) % VIRTIO_PCI_VRING_ALIGN) {
		vring_del_virtqueue(vq);
		return -EINVAL;
	}
	vpl_write(udev, VIRTIO_PCI_QUEUE_PFN,
		  addr >> VIRTIO_PCI_QUEUE_ADDR_SHIFT, 4);
	*vqp = vq;
	return 0;
}

static int vpl_find_vqs(struct udevice *udev, unsigned int nvqs,
			struct virtqueue *vqs[])
{
	unsigned int i;
	int ret;

	for (i = 0; i < nvqs; i++) {
		ret = vpl_setup_vq(udev, i, &vqs[i]);
		if (ret) {
			vpl_del_vqs(udev);
			return ret;
		}
	}
	return 0;
}

static int vpl_notify(struct udevice *udev, struct virtqueue *vq)
{
	vpl_write(udev, VIRTIO_PCI_QUEUE_NOTIFY, vq->index, 2);
	return 0;
}

int virtio_pci_legacy_init(struct udevice *udev, u16 pci_device,
			   u8 revision, u16 subsystem)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct virtio_pci_priv *priv = vp_priv(udev);
	int ret;

	/* Legacy and transitional devices only, at ABI revision 0. */
	if (pci_device < VIRTIO_PCI_TRANS_ID_MIN ||
	    pci_device > VIRTIO_PCI_TRANS_ID_MAX ||
	    revision != VIRTIO_PCI_ABI_VERSION)
		return -ENODEV;
	priv->common.bar = 0;
	priv->common.offset = 0;
	priv->common.length = 0;	/* the whole BAR: the host fills it */
	ret = priv->acc->map(udev, &priv->common, true);
	if (ret)
		return ret;
	/* We never enable MSI-X, so the configuration follows at 0x14. */
	priv->config_off = VIRTIO_PCI_CONFIG_OFF;
	if (priv->common.length < VIRTIO_PCI_CONFIG_OFF)
		return -EINVAL;

	uc_priv->device = subsystem;
	uc_priv->vendor = VIRTIO_PCI_VENDOR_ID;
	uc_priv->transport = "pci-legacy";
	uc_priv->legacy = true;
	return 0;
}

const struct dm_virtio_ops virtio_pci_legacy_ops = {
	.get_config	= vpl_get_config,
	.set_config	= vpl_set_config,
	.get_status	= vpl_get_status,
	.set_status	= vpl_set_status,
	.reset		= vpl_reset,
	.get_features	= vpl_get_features,
	.set_features	= vpl_set_features,
	.find_vqs	= vpl_find_vqs,
	.del_vqs	= vpl_del_vqs,
	.notify		= vpl_notify,
};
