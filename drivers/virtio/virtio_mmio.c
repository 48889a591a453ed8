// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * virtio over MMIO (virtio 1.x, 4.2), version 1 (legacy: page frame
 * numbers, guest-order configuration) and version 2 (modern). Bound for
 * each "virtio,mmio" node of the device tree, whose reg gives the
 * register base (of_to_plat). QEMU declares 32 slots whatever is plugged
 * in: the driver refuses to bind a slot whose device id reads 0 (empty),
 * so that 'dm tree' shows only real devices. The numbers stay U-Boot's,
 * which binds every slot: a slot's place in the tree
 * (virtio_uclass_post_bind()).
 */

#include <common.h>
#include <dm.h>
#include <virtio.h>
#include <virtio_mmio.h>
#include <virtio_ring.h>
#include <asm/io.h>

#define VIRTIO_MMIO_MAGIC_VALUE		0x000	/* "virt" */
#define VIRTIO_MMIO_VERSION		0x004
#define VIRTIO_MMIO_DEVICE_ID		0x008
#define VIRTIO_MMIO_VENDOR_ID		0x00c
#define VIRTIO_MMIO_DEVICE_FEATURES	0x010
#define VIRTIO_MMIO_DEVICE_FEATURES_SEL	0x014
#define VIRTIO_MMIO_DRIVER_FEATURES	0x020
#define VIRTIO_MMIO_DRIVER_FEATURES_SEL	0x024
#define VIRTIO_MMIO_GUEST_PAGE_SIZE	0x028	/* v1 */
#define VIRTIO_MMIO_QUEUE_SEL		0x030
#define VIRTIO_MMIO_QUEUE_NUM_MAX	0x034
#define VIRTIO_MMIO_QUEUE_NUM		0x038
#define VIRTIO_MMIO_QUEUE_ALIGN		0x03c	/* v1 */
#define VIRTIO_MMIO_QUEUE_PFN		0x040	/* v1 */
#define VIRTIO_MMIO_QUEUE_READY		0x044	/* v2 */
#define VIRTIO_MMIO_QUEUE_NOTIFY	0x050
#define VIRTIO_MMIO_INTERRUPT_STATUS	0x060
#define VIRTIO_MMIO_INTERRUPT_ACK	0x064
#define VIRTIO_MMIO_STATUS		0x070
#define VIRTIO_MMIO_QUEUE_DESC_LOW	0x080	/* v2 */
#define VIRTIO_MMIO_QUEUE_DESC_HIGH	0x084
#define VIRTIO_MMIO_QUEUE_AVAIL_LOW	0x090
#define VIRTIO_MMIO_QUEUE_AVAIL_HIGH	0x094
#define VIRTIO_MMIO_QUEUE_USED_LOW	0x0a0
#define VIRTIO_MMIO_QUEUE_USED_HIGH	0x0a4
#define VIRTIO_MMIO_CONFIG_GENERATION	0x0fc	/* v2 */
#define VIRTIO_MMIO_CONFIG		0x100

#define VIRTIO_MMIO_MAGIC		0x74726976
#define VIRTIO_MMIO_PAGE_SIZE		4096
/* Room for configuration in a slot (QEMU's slots are 0x200 bytes). */
#define VIRTIO_MMIO_CONFIG_MAX		0x100

struct virtio_mmio_priv {
	void *base;
	u32 version;
};

static int virtio_mmio_get_config(struct udevice *udev, unsigned int offset,
				  void *buf, unsigned int len)
{
	struct virtio_mmio_priv *priv = dev_get_priv(udev);
	void *base = priv->base + VIRTIO_MMIO_CONFIG;
	u8 *p = buf;

	if (offset > VIRTIO_MMIO_CONFIG_MAX ||
	    len > VIRTIO_MMIO_CONFIG_MAX - offset)
		return -EINVAL;
	/* v1 configuration is in guest order: only bytes are exact. */
	if (priv->version == 1) {
		while (len--)
			*p++ = readb(base + offset++);
		return 0;
	}
	switch (len) {
	case 1:
		*p = readb(base + offset);
		break;
	case 2:
		put_unaligned_le16(readw(base + offset), p);
		break;
	case 4:
		put_unaligned_le32(readl(base + offset), p);
		break;
	case 8:
		put_unaligned_le32(readl(base + offset), p);
		put_unaligned_le32(readl(base + offset + 4), p + 4);
		break;
	default:
		while (len--)
			*p++ = readb(base + offset++);
		break;
	}
	return 0;
}

static int virtio_mmio_set_config(struct udevice *udev, unsigned int offset,
				  const void *buf, unsigned int len)
{
	struct virtio_mmio_priv *priv = dev_get_priv(udev);
	void *base = priv->base + VIRTIO_MMIO_CONFIG;
	const u8 *p = buf;

	if (offset > VIRTIO_MMIO_CONFIG_MAX ||
	    len > VIRTIO_MMIO_CONFIG_MAX - offset)
		return -EINVAL;
	if (priv->version == 1) {
		while (len--)
			writeb(*p++, base + offset++);
		return 0;
	}
	switch (len) {
	case 1:
		writeb(*p, base + offset);
		break;
	case 2:
		writew(get_unaligned_le16(p), base + offset);
		break;
	case 4:
		writel(get_unaligned_le32(p), base + offset);
		break;
	case 8:
		writel(get_unaligned_le32(p), base + offset);
		writel(get_unaligned_le32(p + 4), base + offset + 4);
		break;
	default:
		while (len--)
			writeb(*p++, base + offset++);
		break;
	}
	return 0;
}

static int virtio_mmio_generation(struct udevice *udev, u32 *counter)
{
	struct virtio_mmio_priv *priv = dev_get_priv(udev);

	*counter = priv->version == 1 ? 0 :
		   readl(priv->base + VIRTIO_MMIO_CONFIG_GENERATION);
	return 0;
}

static int virtio_mmio_get_status(struct udevice *udev, u8 *status)
{
	struct virtio_mmio_priv *priv = dev_get_priv(udev);

	*status = readl(priv->base + VIRTIO_MMIO_STATUS) & 0xff;
	return 0;
}

static int virtio_mmio_set_status(struct udevice *udev, u8 status)
{
	struct virtio_mmio_priv *priv = dev_get_priv(udev);

	if (!status)
		return -EINVAL;
	writel(status, priv->base + VIRTIO_MMIO_STATUS);
	return 0;
}

static int virtio_mmio_reset(struct udevice *udev)
{
	struct virtio_mmio_priv *priv = dev_get_priv(udev);

	writel(0, priv->base + VIRTIO_MMIO_STATUS);
	return 0;
}

static int virtio_mmio_get_features(struct udevice *udev, u64 *features)
{
	struct virtio_mmio_priv *priv = dev_get_priv(udev);

	writel(1, priv->base + VIRTIO_MMIO_DEVICE_FEATURES_SEL);
	*features = (u64)readl(priv->base + VIRTIO_MMIO_DEVICE_FEATURES) << 32;
	writel(0, priv->base + VIRTIO_MMIO_DEVICE_FEATURES_SEL);
	*features |= readl(priv->base + VIRTIO_MMIO_DEVICE_FEATURES);
	return 0;
}

static int virtio_mmio_set_features(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct virtio_mmio_priv *priv = dev_get_priv(udev);

	/* Version 2 is a modern interface: VERSION_1 is required. */
	if (priv->version == 2 &&
	    !__virtio_test_bit(udev, VIRTIO_F_VERSION_1)) {
		uc_priv->fail_reason = "device refused VERSION_1";
		return -EINVAL;
	}
	writel(1, priv->base + VIRTIO_MMIO_DRIVER_FEATURES_SEL);
	writel(upper_32_bits(uc_priv->features),
	       priv->base + VIRTIO_MMIO_DRIVER_FEATURES);
	writel(0, priv->base + VIRTIO_MMIO_DRIVER_FEATURES_SEL);
	writel(lower_32_bits(uc_priv->features),
	       priv->base + VIRTIO_MMIO_DRIVER_FEATURES);
	return 0;
}

static void virtio_mmio_stop_vq(struct udevice *udev, unsigned int index)
{
	struct virtio_mmio_priv *priv = dev_get_priv(udev);

	writel(index, priv->base + VIRTIO_MMIO_QUEUE_SEL);
	if (priv->version == 1)
		writel(0, priv->base + VIRTIO_MMIO_QUEUE_PFN);
	else
		writel(0, priv->base + VIRTIO_MMIO_QUEUE_READY);
}

static int virtio_mmio_del_vqs(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct virtqueue *vq, *next;

	list_for_each_entry_safe(vq, next, &uc_priv->vqs, list) {
		virtio_mmio_stop_vq(udev, vq->index);
		vring_del_virtqueue(vq);
	}
	return 0;
}

static int virtio_mmio_setup_vq(struct udevice *udev, unsigned int index,
				struct virtqueue **vqp)
{
	struct virtio_mmio_priv *priv = dev_get_priv(udev);
	void *base = priv->base;
	struct virtqueue *vq;
	u32 num, busy;
	u64 addr;

	writel(index, base + VIRTIO_MMIO_QUEUE_SEL);
	busy = readl(base + (priv->version == 1 ? VIRTIO_MMIO_QUEUE_PFN :
			     VIRTIO_MMIO_QUEUE_READY));
	if (busy)
		return -ENOENT;
	num = readl(base + VIRTIO_MMIO_QUEUE_NUM_MAX);
	if (!num)
		return -ENOENT;
	/* The largest power of 2 the device takes (v1 may offer any). */
	while (num & (num - 1))
		num &= num - 1;
	num = min_t(u32, num, VIRTQUEUE_MAX_SIZE);

	vq = vring_create_virtqueue(index, num, priv->version == 1 ?
				    VIRTIO_MMIO_PAGE_SIZE :
				    VRING_USED_ALIGN_SIZE, udev);
	if (!vq)
		return -ENOMEM;
	writel(virtqueue_get_vring_size(vq), base + VIRTIO_MMIO_QUEUE_NUM);
	if (priv->version == 1) {
		addr = virtqueue_get_desc_addr(vq);
		if (addr % VIRTIO_MMIO_PAGE_SIZE ||
		    addr / VIRTIO_MMIO_PAGE_SIZE > 0xffffffffULL) {
			vring_del_virtqueue(vq);
			return -EINVAL;
		}
		writel(VIRTIO_MMIO_PAGE_SIZE,
		       base + VIRTIO_MMIO_GUEST_PAGE_SIZE);
		writel(VIRTIO_MMIO_PAGE_SIZE, base + VIRTIO_MMIO_QUEUE_ALIGN);
		writel(addr / VIRTIO_MMIO_PAGE_SIZE,
		       base + VIRTIO_MMIO_QUEUE_PFN);
	} else {
		addr = virtqueue_get_desc_addr(vq);
		writel(lower_32_bits(addr), base + VIRTIO_MMIO_QUEUE_DESC_LOW);
		writel(upper_32_bits(addr), base + VIRTIO_MMIO_QUEUE_DESC_HIGH);
		addr = virtqueue_get_avail_addr(vq);
		writel(lower_32_bits(addr), base + VIRTIO_MMIO_QUEUE_AVAIL_LOW);
		writel(upper_32_bits(addr), base + VIRTIO_MMIO_QUEUE_AVAIL_HIGH);
		addr = virtqueue_get_used_addr(vq);
		writel(lower_32_bits(addr), base + VIRTIO_MMIO_QUEUE_USED_LOW);
		writel(upper_32_bits(addr), base + VIRTIO_MMIO_QUEUE_USED_HIGH);
		writel(1, base + VIRTIO_MMIO_QUEUE_READY);
	}
	*vqp = vq;
	return 0;
}

static int virtio_mmio_find_vqs(struct udevice *udev, unsigned int nvqs,
				struct virtqueue *vqs[])
{
	unsigned int i;
	int ret;

	for (i = 0; i < nvqs; i++) {
		ret = virtio_mmio_setup_vq(udev, i, &vqs[i]);
		if (ret) {
			virtio_mmio_del_vqs(udev);
			return ret;
		}
	}
	return 0;
}

static int virtio_mmio_notify(struct udevice *udev, struct virtqueue *vq)
{
	struct virtio_mmio_priv *priv = dev_get_priv(udev);

	writel(vq->index, priv->base + VIRTIO_MMIO_QUEUE_NOTIFY);
	return 0;
}

/* An empty slot (device id 0, or no virtio-mmio registers) is no device */
static int virtio_mmio_bind(struct udevice *udev)
{
	fdt_addr_t addr = dev_read_addr(udev);
	void *base;

	if (addr == FDT_ADDR_T_NONE)
		return 0;	/* bound with plat: the probe checks */
	base = map_physmem(addr, VIRTIO_MMIO_CONFIG, MAP_NOCACHE);
	if (readl(base + VIRTIO_MMIO_MAGIC_VALUE) != VIRTIO_MMIO_MAGIC ||
	    !readl(base + VIRTIO_MMIO_DEVICE_ID))
		return -ENODEV;
	return 0;
}

static int virtio_mmio_of_to_plat(struct udevice *udev)
{
	struct virtio_mmio_plat *plat = dev_get_plat(udev);
	fdt_addr_t addr = dev_read_addr(udev);

	if (addr == FDT_ADDR_T_NONE)
		return -EINVAL;
	plat->base = addr;
	return 0;
}

static int virtio_mmio_probe(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct virtio_mmio_plat *plat = dev_get_plat(udev);
	struct virtio_mmio_priv *priv = dev_get_priv(udev);

	if (!plat->base)
		return -EINVAL;
	priv->base = map_physmem(plat->base, VIRTIO_MMIO_CONFIG +
				 VIRTIO_MMIO_CONFIG_MAX, MAP_NOCACHE);
	if (readl(priv->base + VIRTIO_MMIO_MAGIC_VALUE) != VIRTIO_MMIO_MAGIC)
		return -ENODEV;
	priv->version = readl(priv->base + VIRTIO_MMIO_VERSION);
	if (priv->version != 1 && priv->version != 2)
		return -ENODEV;
	uc_priv->device = readl(priv->base + VIRTIO_MMIO_DEVICE_ID);
	if (!uc_priv->device)
		return -ENODEV;		/* an empty slot */
	uc_priv->vendor = readl(priv->base + VIRTIO_MMIO_VENDOR_ID);
	uc_priv->transport = "mmio";
	uc_priv->legacy = priv->version == 1;
	if (priv->version == 1)
		writel(VIRTIO_MMIO_PAGE_SIZE,
		       priv->base + VIRTIO_MMIO_GUEST_PAGE_SIZE);
	return 0;
}

static const struct udevice_id virtio_mmio_ids[] = {
	{ .compatible = "virtio,mmio" },
	{ }
};

static const struct dm_virtio_ops virtio_mmio_ops = {
	.get_config	= virtio_mmio_get_config,
	.set_config	= virtio_mmio_set_config,
	.generation	= virtio_mmio_generation,
	.get_status	= virtio_mmio_get_status,
	.set_status	= virtio_mmio_set_status,
	.reset		= virtio_mmio_reset,
	.get_features	= virtio_mmio_get_features,
	.set_features	= virtio_mmio_set_features,
	.find_vqs	= virtio_mmio_find_vqs,
	.del_vqs	= virtio_mmio_del_vqs,
	.notify		= virtio_mmio_notify,
};

U_BOOT_DRIVER(virtio_mmio) = {
	.name	= "virtio-mmio",
	.id	= UCLASS_VIRTIO,
	.of_match = virtio_mmio_ids,
	.ops	= &virtio_mmio_ops,
	.bind	= virtio_mmio_bind,
	.of_to_plat = virtio_mmio_of_to_plat,
	.probe	= virtio_mmio_probe,
	.priv_auto = sizeof(struct virtio_mmio_priv),
	.plat_auto = sizeof(struct virtio_mmio_plat),
};
