// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * virtio over s390 channel I/O (virtio-ccw): one UCLASS_VIRTIO device per
 * subchannel whose control unit is 0x3832, bound by the channel-subsystem
 * bus (drivers/s390/css.c). Every transport operation is
 * a one-CCW channel program run by drivers/s390/css.c; the virtio core
 * never sees a CCW.
 *
 * Revisions: SET_VIRTIO_REV is tried with 2, 1, then 0, stepping down on
 * command reject (virtio 1.x spec, 4.3.2.1). Revision 0 is the legacy
 * interface: one feature word, big-endian rings in the legacy layout,
 * no READ_STATUS. Queues are notified with DIAGNOSE 0x500; the device
 * signals nothing back (no indicators are set), the ring code polls.
 */
#include <common.h>
#include <dm.h>
#include <virtio_types.h>
#include <virtio.h>
#include <virtio_ring.h>
#include <linux/list.h>
#include <s390/css.h>
#include <s390/virtio_ccw.h>

#define CCW_CMD_SET_VQ			0x13
#define CCW_CMD_VDEV_RESET		0x33
#define CCW_CMD_READ_FEAT		0x12
#define CCW_CMD_WRITE_FEAT		0x11
#define CCW_CMD_READ_CONF		0x22
#define CCW_CMD_WRITE_CONF		0x21
#define CCW_CMD_WRITE_STATUS		0x31
#define CCW_CMD_READ_VQ_CONF		0x32
#define CCW_CMD_READ_STATUS		0x72
#define CCW_CMD_SET_VIRTIO_REV		0x83

#define VIRTIO_CCW_REV_MAX		2
#define VIRTIO_CCW_LEGACY_ALIGN		4096
#define VIRTIO_CCW_CONFIG_MAX		256
#define VIRTIO_CCW_MAX_QUEUES		64
#define VIRTIO_CCW_TIMEOUT_MS		1000
/* DIAGNOSE 0x500 subcode: notify a virtio-ccw queue */
#define KVM_S390_VIRTIO_CCW_NOTIFY	3

/** struct virtio_rev_info - SET_VIRTIO_REV data */
struct virtio_rev_info {
	__be16 revision;
	__be16 length;
} __packed;
_Static_assert(sizeof(struct virtio_rev_info) == 4, "virtio_rev_info");

/** struct virtio_feature_desc - READ_FEAT / WRITE_FEAT data */
struct virtio_feature_desc {
	__le32 features;
	u8 index;
} __packed;
_Static_assert(sizeof(struct virtio_feature_desc) == 5, "feature_desc");

/** struct vq_config_block - READ_VQ_CONF data */
struct vq_config_block {
	__be16 index;
	__be16 num;		/* the device's maximum queue size */
} __packed;
_Static_assert(sizeof(struct vq_config_block) == 4, "vq_config_block");

/** struct vq_info_block_legacy - SET_VQ data on revision 0 */
struct vq_info_block_legacy {
	__be64 queue;
	__be32 align;
	__be16 index;
	__be16 num;
} __packed;
_Static_assert(sizeof(struct vq_info_block_legacy) == 16, "vq_info legacy");

/** struct vq_info_block - SET_VQ data on revision 1 and later */
struct vq_info_block {
	__be64 desc;
	__be32 res0;
	__be16 index;
	__be16 num;
	__be64 avail;
	__be64 used;
} __packed;
_Static_assert(sizeof(struct vq_info_block) == 32, "vq_info");

/*
 * What channel programs read and write: in the private data, which the
 * heap places below 2 GiB as format-1 CCWs need.
 */
union virtio_ccw_data {
	struct virtio_rev_info rev;
	struct virtio_feature_desc feat;
	struct vq_config_block vq_config;
	struct vq_info_block_legacy vq_legacy;
	struct vq_info_block vq;
	u8 status;
	u8 config[VIRTIO_CCW_CONFIG_MAX];
};

/**
 * struct virtio_ccw_priv - a virtio-ccw transport
 * @ccw:	the channel program (one CCW)
 * @data:	its data area
 * @revision:	negotiated virtio-ccw revision (0 legacy, 1, 2)
 * @status:	last device status written (read back with READ_STATUS on
 *		revision 2)
 * @cookie:	per queue, the value DIAGNOSE 0x500 returned last time
 */
struct virtio_ccw_priv {
	struct ccw1 ccw;
	union virtio_ccw_data data __aligned(8);
	int revision;
	u8 status;
	long cookie[VIRTIO_CCW_MAX_QUEUES];
};

static int virtio_ccw_cmd(struct udevice *udev, u8 cmd, u16 count)
{
	struct virtio_ccw_plat *plat = dev_get_plat(udev);
	struct virtio_ccw_priv *priv = dev_get_priv(udev);

	priv->ccw.cmd_code = cmd;
	priv->ccw.flags = CCW_FLAG_SLI;
	priv->ccw.count = count;
	priv->ccw.cda = (u32)(uintptr_t)&priv->data;

	return css_run(plat->schid, &priv->ccw, VIRTIO_CCW_TIMEOUT_MS);
}

static int virtio_ccw_get_config(struct udevice *udev, unsigned int offset,
				 void *buf, unsigned int len)
{
	struct virtio_ccw_priv *priv = dev_get_priv(udev);
	int ret;

	if (offset + len > VIRTIO_CCW_CONFIG_MAX)
		return -EINVAL;
	/* READ_CONF always starts at offset 0 */
	ret = virtio_ccw_cmd(udev, CCW_CMD_READ_CONF, offset + len);
	if (ret)
		return ret;
	memcpy(buf, priv->data.config + offset, len);
	return 0;
}

static int virtio_ccw_set_config(struct udevice *udev, unsigned int offset,
				 const void *buf, unsigned int len)
{
	struct virtio_ccw_priv *priv = dev_get_priv(udev);
	int ret;

	if (offset + len > VIRTIO_CCW_CONFIG_MAX)
		return -EINVAL;
	/* WRITE_CONF too: read what precedes @offset, then write it all */
	ret = virtio_ccw_cmd(udev, CCW_CMD_READ_CONF, offset + len);
	if (ret)
		return ret;
	memcpy(priv->data.config + offset, buf, len);
	return virtio_ccw_cmd(udev, CCW_CMD_WRITE_CONF, offset + len);
}

static int virtio_ccw_get_status(struct udevice *udev, u8 *status)
{
	struct virtio_ccw_priv *priv = dev_get_priv(udev);
	int ret;

	/*
	 * A device is reset when VDEV_RESET completes (nothing written
	 * since): no READ_STATUS for the uclass's wait after a reset
	 */
	if (priv->revision < 2 || !priv->status) {
		*status = priv->status;
		return 0;
	}
	ret = virtio_ccw_cmd(udev, CCW_CMD_READ_STATUS, sizeof(u8));
	if (ret)
		return ret;
	*status = priv->data.status;
	return 0;
}

static int virtio_ccw_set_status(struct udevice *udev, u8 status)
{
	struct virtio_ccw_priv *priv = dev_get_priv(udev);
	int ret;

	priv->data.status = status;
	ret = virtio_ccw_cmd(udev, CCW_CMD_WRITE_STATUS, sizeof(u8));
	if (ret)
		return ret;
	priv->status = status;
	return 0;
}

static int virtio_ccw_reset(struct udevice *udev)
{
	struct virtio_ccw_priv *priv = dev_get_priv(udev);
	int ret;

	ret = virtio_ccw_cmd(udev, CCW_CMD_VDEV_RESET, 0);
	if (ret)
		return ret;
	priv->status = 0;
	return 0;
}

static int virtio_ccw_get_features(struct udevice *udev, u64 *features)
{
	struct virtio_ccw_priv *priv = dev_get_priv(udev);
	unsigned int i, words = priv->revision ? 2 : 1;
	int ret;

	*features = 0;
	for (i = 0; i < words; i++) {
		priv->data.feat.index = i;
		priv->data.feat.features = 0;
		ret = virtio_ccw_cmd(udev, CCW_CMD_READ_FEAT,
				     sizeof(priv->data.feat));
		if (ret)
			return ret;
		*features |= (u64)le32_to_cpu(priv->data.feat.features) <<
			     (32 * i);
	}
	return 0;
}

static int virtio_ccw_set_features(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct virtio_ccw_priv *priv = dev_get_priv(udev);
	unsigned int i, words = priv->revision ? 2 : 1;
	int ret;

	for (i = 0; i < words; i++) {
		priv->data.feat.index = i;
		priv->data.feat.features =
			cpu_to_le32((u32)(uc_priv->features >> (32 * i)));
		ret = virtio_ccw_cmd(udev, CCW_CMD_WRITE_FEAT,
				     sizeof(priv->data.feat));
		if (ret)
			return ret;
	}
	return 0;
}

/* Tell the device where queue @index is; all zero turns it off. */
static int virtio_ccw_set_vq(struct udevice *udev, unsigned int index,
			     unsigned int num, u64 desc, u64 avail, u64 used)
{
	struct virtio_ccw_priv *priv = dev_get_priv(udev);

	if (!priv->revision) {
		struct vq_info_block_legacy *info = &priv->data.vq_legacy;

		info->queue = cpu_to_be64(desc);
		info->align = cpu_to_be32(desc ? VIRTIO_CCW_LEGACY_ALIGN : 0);
		info->index = cpu_to_be16(index);
		info->num = cpu_to_be16(num);
		return virtio_ccw_cmd(udev, CCW_CMD_SET_VQ, sizeof(*info));
	}
	priv->data.vq = (struct vq_info_block) {
		.desc = cpu_to_be64(desc),
		.index = cpu_to_be16(index),
		.num = cpu_to_be16(num),
		.avail = cpu_to_be64(avail),
		.used = cpu_to_be64(used),
	};
	return virtio_ccw_cmd(udev, CCW_CMD_SET_VQ, sizeof(priv->data.vq));
}

static int virtio_ccw_del_vqs(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct virtqueue *vq, *n;
	int ret, err = 0;

	list_for_each_entry_safe(vq, n, &uc_priv->vqs, list) {
		ret = virtio_ccw_set_vq(udev, vq->index, 0, 0, 0, 0);
		if (ret && !err)
			err = ret;
		vring_del_virtqueue(vq);
	}
	return err;
}

static int virtio_ccw_find_vqs(struct udevice *udev, unsigned int nvqs,
			       struct virtqueue *vqs[])
{
	struct virtio_ccw_priv *priv = dev_get_priv(udev);
	unsigned int i, num;
	int ret;

	if (nvqs > VIRTIO_CCW_MAX_QUEUES)
		return -EINVAL;
	for (i = 0; i < nvqs; i++) {
		struct virtqueue *vq;

		priv->data.vq_config.index = cpu_to_be16(i);
		priv->data.vq_config.num = 0;
		ret = virtio_ccw_cmd(udev, CCW_CMD_READ_VQ_CONF,
				     sizeof(priv->data.vq_config));
		if (ret)
			goto err;
		num = be16_to_cpu(priv->data.vq_config.num);
		if (!num) {
			ret = -ENOENT;
			goto err;
		}
		vq = vring_create_virtqueue(i, num, priv->revision ?
					    VRING_USED_ALIGN_SIZE :
					    VIRTIO_CCW_LEGACY_ALIGN, udev);
		if (!vq) {
			ret = -ENOMEM;
			goto err;
		}
		vqs[i] = vq;
		priv->cookie[i] = 0;
		/* Revision 0 takes the queue as one block from desc */
		ret = virtio_ccw_set_vq(udev, i, num,
					virtqueue_get_desc_addr(vq),
					virtqueue_get_avail_addr(vq),
					virtqueue_get_used_addr(vq));
		if (ret)
			goto err;
	}
	return 0;

err:
	virtio_ccw_del_vqs(udev);
	return ret;
}

static int virtio_ccw_notify(struct udevice *udev, struct virtqueue *vq)
{
	struct virtio_ccw_plat *plat = dev_get_plat(udev);
	struct virtio_ccw_priv *priv = dev_get_priv(udev);
	register ulong r1 asm("1") = KVM_S390_VIRTIO_CCW_NOTIFY;
	register long r2 asm("2") = plat->schid;
	register ulong r3 asm("3") = vq->index;
	register long r4 asm("4") = priv->cookie[vq->index];

	asm volatile("diag 2,4,0x500"
		     : "+d" (r2) : "d" (r1), "d" (r3), "d" (r4)
		     : "memory", "cc");
	if (r2 < 0)
		return -EIO;
	priv->cookie[vq->index] = r2;
	return 0;
}

/* Ask for the highest revision the device accepts (it must be fresh) */
static int virtio_ccw_set_revision(struct udevice *udev)
{
	struct virtio_ccw_priv *priv = dev_get_priv(udev);
	int rev, ret;

	for (rev = VIRTIO_CCW_REV_MAX; rev >= 0; rev--) {
		priv->data.rev.revision = cpu_to_be16(rev);
		priv->data.rev.length = 0;
		ret = virtio_ccw_cmd(udev, CCW_CMD_SET_VIRTIO_REV,
				     sizeof(priv->data.rev));
		if (!ret) {
			priv->revision = rev;
			return 0;
		}
		if (ret != -EOPNOTSUPP)
			return ret;
	}
	/* No SET_VIRTIO_REV at all: a legacy-only host */
	priv->revision = 0;
	return 0;
}

static int virtio_ccw_probe(struct udevice *udev)
{
	struct virtio_ccw_plat *plat = dev_get_plat(udev);
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	const struct css_device *cdev = dev_get_parent_plat(udev);
	struct virtio_ccw_priv *priv = dev_get_priv(udev);
	int ret;

	if (!cdev)
		return -ENODEV;
	plat->schid = cdev->schid;
	plat->devno = cdev->devno;
	plat->device = cdev->id.cu_model;
	/* Disabling the subchannel forgets a revision set before */
	ret = css_disable(plat->schid);
	if (!ret)
		ret = css_enable(plat->schid);
	if (!ret)
		ret = virtio_ccw_set_revision(udev);
	if (ret)
		return ret;

	debug("virtio-ccw %s: revision %d\n", udev->name, priv->revision);
	uc_priv->device = plat->device;
	uc_priv->vendor = VIRTIO_VENDOR_QEMU;
	uc_priv->transport = "ccw";
	uc_priv->bus_addr.kind = VIRTIO_BUS_CCW;
	uc_priv->bus_addr.ccw.schid = plat->schid;
	uc_priv->bus_addr.ccw.devno = plat->devno;
	uc_priv->bus_addr.ccw.ssid = CSS_SCHID_SSID(plat->schid);
	return 0;
}

static int virtio_ccw_remove(struct udevice *udev)
{
	struct virtio_ccw_plat *plat = dev_get_plat(udev);

	virtio_ccw_reset(udev);
	return css_disable(plat->schid);
}

static const struct dm_virtio_ops virtio_ccw_ops = {
	.get_config	= virtio_ccw_get_config,
	.set_config	= virtio_ccw_set_config,
	.get_status	= virtio_ccw_get_status,
	.set_status	= virtio_ccw_set_status,
	.reset		= virtio_ccw_reset,
	.get_features	= virtio_ccw_get_features,
	.set_features	= virtio_ccw_set_features,
	.find_vqs	= virtio_ccw_find_vqs,
	.del_vqs	= virtio_ccw_del_vqs,
	.notify		= virtio_ccw_notify,
};

U_BOOT_DRIVER(virtio_ccw) = {
	.name		= "virtio-ccw",
	.id		= UCLASS_VIRTIO,
	.ops		= &virtio_ccw_ops,
	.probe		= virtio_ccw_probe,
	.remove		= virtio_ccw_remove,
	.priv_auto	= sizeof(struct virtio_ccw_priv),
	.plat_auto	= sizeof(struct virtio_ccw_plat),
};

U_BOOT_CSS_DEVICE(virtio_ccw, CSS_CU_TYPE_VIRTIO);
