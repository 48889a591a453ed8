// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * virtio-pci, modern interface (virtio 1.x, 4.1.4): the common, notify
 * and device configuration structures that the vendor capabilities point
 * at, in memory BARs (64-bit ones included). Registers are reached
 * through struct virtio_pci_access, so the same code serves PCI on arm64
 * and zPCI on s390x.
 */

#include <common.h>
#include <dm.h>
#include <virtio.h>
#include <virtio_pci.h>
#include <virtio_ring.h>
#include <linux/byteorder.h>

static struct virtio_pci_priv *vp_priv(struct udevice *udev)
{
	return dev_get_priv(udev);
}

static u32 common_read(struct udevice *udev, uint off, int size)
{
	struct virtio_pci_priv *priv = vp_priv(udev);

	return priv->acc->read(udev, &priv->common, off, size);
}

static void common_write(struct udevice *udev, uint off, u32 val, int size)
{
	struct virtio_pci_priv *priv = vp_priv(udev);

	priv->acc->write(udev, &priv->common, off, val, size);
}

static void common_write64(struct udevice *udev, uint lo, u64 val)
{
	common_write(udev, lo, lower_32_bits(val), 4);
	common_write(udev, lo + 4, upper_32_bits(val), 4);
}

static int vp_get_config(struct udevice *udev, unsigned int offset,
			 void *buf, unsigned int len)
{
	struct virtio_pci_priv *priv = vp_priv(udev);
	const struct virtio_pci_access *acc = priv->acc;
	u8 *p = buf;

	if (offset > priv->device.length || len > priv->device.length - offset)
		return -EINVAL;
	/* Natural accesses for naturally aligned fields: the spec asks it. */
	if (len == 2 && !(offset & 1)) {
		put_unaligned_le16(acc->read(udev, &priv->device, offset, 2), p);
	} else if ((len == 4 || len == 8) && !(offset & 3)) {
		put_unaligned_le32(acc->read(udev, &priv->device, offset, 4), p);
		if (len == 8)
			put_unaligned_le32(acc->read(udev, &priv->device,
						     offset + 4, 4), p + 4);
	} else {
		while (len--)
			*p++ = acc->read(udev, &priv->device, offset++, 1);
	}
	return 0;
}

static int vp_set_config(struct udevice *udev, unsigned int offset,
			 const void *buf, unsigned int len)
{
	struct virtio_pci_priv *priv = vp_priv(udev);
	const struct virtio_pci_access *acc = priv->acc;
	const u8 *p = buf;

	if (offset > priv->device.length || len > priv->device.length - offset)
		return -EINVAL;
	if (len == 2 && !(offset & 1)) {
		acc->write(udev, &priv->device, offset,
			   get_unaligned_le16(p), 2);
	} else if ((len == 4 || len == 8) && !(offset & 3)) {
		acc->write(udev, &priv->device, offset,
			   get_unaligned_le32(p), 4);
		if (len == 8)
			acc->write(udev, &priv->device, offset + 4,
				   get_unaligned_le32(p + 4), 4);
	} else {
		while (len--)
			acc->write(udev, &priv->device, offset++, *p++, 1);
	}
	return 0;
}

static int vp_generation(struct udevice *udev, u32 *counter)
{
	*counter = common_read(udev, VIRTIO_PCI_COMMON_CFGGENERATION, 1);
	return 0;
}

static int vp_get_status(struct udevice *udev, u8 *status)
{
	*status = common_read(udev, VIRTIO_PCI_COMMON_STATUS, 1);
	return 0;
}

static int vp_set_status(struct udevice *udev, u8 status)
{
	/* 0 means reset: that goes through vp_reset() */
	if (!status)
		return -EINVAL;
	common_write(udev, VIRTIO_PCI_COMMON_STATUS, status, 1);
	return 0;
}

static int vp_reset(struct udevice *udev)
{
	common_write(udev, VIRTIO_PCI_COMMON_STATUS, 0, 1);
	return 0;
}

static int vp_get_features(struct udevice *udev, u64 *features)
{
	common_write(udev, VIRTIO_PCI_COMMON_DFSELECT, 0, 4);
	*features = common_read(udev, VIRTIO_PCI_COMMON_DF, 4);
	common_write(udev, VIRTIO_PCI_COMMON_DFSELECT, 1, 4);
	*features |= (u64)common_read(udev, VIRTIO_PCI_COMMON_DF, 4) << 32;
	return 0;
}

static int vp_set_features(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);

	/* The modern interface is VERSION_1 only (virtio 1.x, 4.1.2.3). */
	if (!__virtio_test_bit(udev, VIRTIO_F_VERSION_1)) {
		uc_priv->fail_reason = "device refused VERSION_1";
		return -EINVAL;
	}
	common_write(udev, VIRTIO_PCI_COMMON_GFSELECT, 0, 4);
	common_write(udev, VIRTIO_PCI_COMMON_GF,
		     lower_32_bits(uc_priv->features), 4);
	common_write(udev, VIRTIO_PCI_COMMON_GFSELECT, 1, 4);
	common_write(udev, VIRTIO_PCI_COMMON_GF,
		     upper_32_bits(uc_priv->features), 4);
	return 0;
}

static int vp_del_vqs(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct virtqueue *vq, *next;

	/*
	 * A queue cannot be disabled one by one (queue_enable takes only 1):
	 * reset the device so it lets go of every ring before they are freed.
	 */
	if (!list_empty(&uc_priv->vqs))
		common_write(udev, VIRTIO_PCI_COMMON_STATUS, 0, 1);
	list_for_each_entry_safe(vq, next, &uc_priv->vqs, list)
		vring_del_virtqueue(vq);
	return 0;
}

static int vp_setup_vq(struct udevice *udev, unsigned int index,
		       struct virtqueue **vqp)
{
	struct virtio_pci_priv *priv = vp_priv(udev);
	struct virtqueue *vq;
	u64 notify;
	u16 num, off;

	if (index >= common_read(udev, VIRTIO_PCI_COMMON_NUMQ, 2))
		return -ENOENT;
	common_write(udev, VIRTIO_PCI_COMMON_Q_SELECT, index, 2);
	num = common_read(udev, VIRTIO_PCI_COMMON_Q_SIZE, 2);
	if (!num || common_read(udev, VIRTIO_PCI_COMMON_Q_ENABLE, 2))
		return -ENOENT;
	/* A split ring is a power of 2; a modern driver may ask for less. */
	while (num & (num - 1))
		num &= num - 1;

	off = common_read(udev, VIRTIO_PCI_COMMON_Q_NOFF, 2);
	notify = (u64)off * priv->notify_mult;
	if (notify + 2 > priv->notify.length)
		return -EINVAL;

	vq = vring_create_virtqueue(index, num, VRING_USED_ALIGN_SIZE, udev);
	if (!vq)
		return -ENOMEM;
	vq->priv = (void *)(uintptr_t)notify;

	common_write(udev, VIRTIO_PCI_COMMON_Q_SIZE,
		     virtqueue_get_vring_size(vq), 2);
	common_write64(udev, VIRTIO_PCI_COMMON_Q_DESCLO,
		       virtqueue_get_desc_addr(vq));
	common_write64(udev, VIRTIO_PCI_COMMON_Q_AVAILLO,
		       virtqueue_get_avail_addr(vq));
	common_write64(udev, VIRTIO_PCI_COMMON_Q_USEDLO,
		       virtqueue_get_used_addr(vq));
	common_write(udev, VIRTIO_PCI_COMMON_Q_ENABLE, 1, 2);
	*vqp = vq;
	return 0;
}

static int vp_find_vqs(struct udevice *udev, unsigned int nvqs,
		       struct virtqueue *vqs[])
{
	unsigned int i;
	int ret;

	for (i = 0; i < nvqs; i++) {
		ret = vp_setup_vq(udev, i, &vqs[i]);
		if (ret) {
			vp_del_vqs(udev);
			return ret;
		}
	}
	return 0;
}

static int vp_notify(struct udevice *udev, struct virtqueue *vq)
{
	struct virtio_pci_priv *priv = vp_priv(udev);

	priv->acc->write(udev, &priv->notify, (uintptr_t)vq->priv, vq->index,
			 2);
	return 0;
}

int virtio_pci_find_cap(struct udevice *udev,
			const struct virtio_pci_access *acc, u8 cfg_type)
{
	u32 val, pos;
	int ttl = 48;

	acc->cfg_read(udev, 0x06, &val, 2);		/* PCI_STATUS */
	if (val == 0xffff || !(val & 0x10))		/* capability list */
		return 0;
	acc->cfg_read(udev, 0x34, &pos, 1);		/* PCI_CAPABILITY_LIST */
	while (ttl-- && pos >= 0x40 && pos < 0x100) {
		pos &= ~3;
		acc->cfg_read(udev, pos, &val, 1);
		if (val == 0x09) {			/* PCI_CAP_ID_VNDR */
			u32 type;

			acc->cfg_read(udev, pos + offsetof(struct virtio_pci_cap,
							   cfg_type), &type, 1);
			if (type == cfg_type)
				return pos;
		}
		acc->cfg_read(udev, pos + 1, &pos, 1);
	}
	return 0;
}

static int read_cap(struct udevice *udev, const struct virtio_pci_access *acc,
		    int pos, struct virtio_pci_region *r)
{
	u32 bar, offset, length;

	acc->cfg_read(udev, pos + offsetof(struct virtio_pci_cap, bar), &bar, 1);
	acc->cfg_read(udev, pos + offsetof(struct virtio_pci_cap, offset),
		      &offset, 4);
	acc->cfg_read(udev, pos + offsetof(struct virtio_pci_cap, length),
		      &length, 4);
	if (bar > 5)
		return -EINVAL;
	r->bar = bar;
	r->offset = offset;
	r->length = length;
	return acc->map(udev, r, false);
}

int virtio_pci_modern_init(struct udevice *udev, u16 pci_device,
			   u16 subsystem)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct virtio_pci_priv *priv = vp_priv(udev);
	const struct virtio_pci_access *acc = priv->acc;
	int common, notify, device, ret;

	if (pci_device < VIRTIO_PCI_TRANS_ID_MIN ||
	    pci_device > VIRTIO_PCI_MODERN_ID_MAX)
		return -ENODEV;
	/* Transitional ids carry the virtio id in the subsystem id. */
	if (pci_device < VIRTIO_PCI_MODERN_ID_BASE)
		uc_priv->device = subsystem;
	else
		uc_priv->device = pci_device - VIRTIO_PCI_MODERN_ID_BASE;
	uc_priv->vendor = VIRTIO_PCI_VENDOR_ID;
	uc_priv->transport = "pci-modern";
	uc_priv->legacy = false;

	common = virtio_pci_find_cap(udev, acc, VIRTIO_PCI_CAP_COMMON_CFG);
	notify = virtio_pci_find_cap(udev, acc, VIRTIO_PCI_CAP_NOTIFY_CFG);
	device = virtio_pci_find_cap(udev, acc, VIRTIO_PCI_CAP_DEVICE_CFG);
	if (!common || !notify)
		return -ENODEV;

	ret = read_cap(udev, acc, common, &priv->common);
	if (ret)
		return ret;
	if (priv->common.length < VIRTIO_PCI_COMMON_CFG_SIZE)
		return -EINVAL;
	ret = read_cap(udev, acc, notify, &priv->notify);
	if (ret)
		return ret;
	acc->cfg_read(udev, notify + VIRTIO_PCI_NOTIFY_CAP_MULT,
		      &priv->notify_mult, 4);
	if (device) {
		ret = read_cap(udev, acc, device, &priv->device);
		if (ret)
			return ret;
	} else {
		priv->device.length = 0;	/* no device configuration */
	}
	return 0;
}

const struct dm_virtio_ops virtio_pci_modern_ops = {
	.get_config	= vp_get_config,
	.set_config	= vp_set_config,
	.generation	= vp_generation,
	.get_status	= vp_get_status,
	.set_status	= vp_set_status,
	.reset		= vp_reset,
	.get_features	= vp_get_features,
	.set_features	= vp_set_features,
	.find_vqs	= vp_find_vqs,
	.del_vqs	= vp_del_vqs,
	.notify		= vp_notify,
};
