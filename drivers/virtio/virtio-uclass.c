// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * UCLASS_VIRTIO: one device per virtio transport instance.
 *
 * When a transport probes, the uclass binds the driver for its device id
 * as its child (virtio_drv_name[]). The child's probe is wrapped in the
 * spec's initialisation sequence:
 *
 *	child_pre_probe:  reset (wait for status 0), ACKNOWLEDGE, DRIVER,
 *			  negotiate features from the driver's table,
 *			  FEATURES_OK and read it back (VERSION_1 devices)
 *	child's probe:	  config, virtio_find_vqs()
 *	child_post_probe: DRIVER_OK
 *
 * and FAILED is set when a step fails.
 */

#include <common.h>
#include <dm.h>
#include <malloc.h>
#include <virtio_types.h>
#include <virtio.h>
#include <virtio_ring.h>
#include <fdt.h>
#include <fdtdec.h>
#include <dm/device-internal.h>
#include <dm/lists.h>

static const char *const virtio_drv_name[VIRTIO_ID_MAX_NUM] = {
	[VIRTIO_ID_NET]		= VIRTIO_NET_DRV_NAME,
	[VIRTIO_ID_BLOCK]	= VIRTIO_BLK_DRV_NAME,
	[VIRTIO_ID_RNG]		= VIRTIO_RNG_DRV_NAME,
	[VIRTIO_ID_SCSI]	= VIRTIO_SCSI_DRV_NAME,
	[VIRTIO_ID_9P]		= VIRTIO_9P_DRV_NAME,
};

int virtio_get_config(struct udevice *vdev, unsigned int offset,
		      void *buf, unsigned int len)
{
	return virtio_get_ops(vdev->parent)->get_config(vdev->parent, offset,
							buf, len);
}

int virtio_set_config(struct udevice *vdev, unsigned int offset,
		      void *buf, unsigned int len)
{
	return virtio_get_ops(vdev->parent)->set_config(vdev->parent, offset,
							buf, len);
}

int virtio_generation(struct udevice *vdev, u32 *counter)
{
	struct dm_virtio_ops *ops = virtio_get_ops(vdev->parent);

	if (!ops->generation)
		return -ENOSYS;

	return ops->generation(vdev->parent, counter);
}

int virtio_get_status(struct udevice *vdev, u8 *status)
{
	return virtio_get_ops(vdev->parent)->get_status(vdev->parent, status);
}

int virtio_set_status(struct udevice *vdev, u8 status)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(vdev->parent);
	int ret;

	ret = virtio_get_ops(vdev->parent)->set_status(vdev->parent, status);
	if (!ret)
		uc_priv->status = status;

	return ret;
}

/* Reset the device behind transport @udev and wait until it reads 0 */
static int virtio_transport_reset(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct dm_virtio_ops *ops = virtio_get_ops(udev);
	ulong start;
	u8 status;
	int ret;

	ret = ops->reset(udev);
	if (ret)
		return ret;

	start = get_timer(0);
	for (;;) {
		ret = ops->get_status(udev, &status);
		if (ret)
			return ret;
		if (!status) {
			uc_priv->status = 0;
			return 0;
		}
		if (get_timer(start) > virtio_timeout_ms())
			return -ETIMEDOUT;
		cpu_relax();
	}
}

int virtio_reset(struct udevice *vdev)
{
	return virtio_transport_reset(vdev->parent);
}

int virtio_get_features(struct udevice *vdev, u64 *features)
{
	return virtio_get_ops(vdev->parent)->get_features(vdev->parent,
							  features);
}

int virtio_set_features(struct udevice *vdev)
{
	return virtio_get_ops(vdev->parent)->set_features(vdev->parent);
}

int virtio_find_vqs(struct udevice *vdev, unsigned int nvqs,
		    struct virtqueue *vqs[])
{
	return virtio_get_ops(vdev->parent)->find_vqs(vdev->parent, nvqs, vqs);
}

int virtio_del_vqs(struct udevice *vdev)
{
	return virtio_get_ops(vdev->parent)->del_vqs(vdev->parent);
}

int virtio_notify(struct udevice *vdev, struct virtqueue *vq)
{
	return virtio_get_ops(vdev->parent)->notify(vdev->parent, vq);
}

/*
 * The status the driver wrote last, not the device's: reading it back
 * costs a channel program on virtio-ccw (four per probe), and the only
 * bit a device sets itself (DEVICE_NEEDS_RESET) is not the driver's to
 * write
 */
void virtio_add_status(struct udevice *vdev, u8 status)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(vdev->parent);

	virtio_set_status(vdev, uc_priv->status | status);
}

int virtio_finalize_features(struct udevice *vdev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(vdev->parent);
	u8 status;
	int ret;

	ret = virtio_set_features(vdev);
	if (ret)
		return ret;
	if (uc_priv->legacy)
		return 0;

	virtio_add_status(vdev, VIRTIO_CONFIG_S_FEATURES_OK);
	ret = virtio_get_status(vdev, &status);
	if (ret)
		return ret;
	if (!(status & VIRTIO_CONFIG_S_FEATURES_OK)) {
		uc_priv->fail_reason = "device refused the features";
		return -EIO;
	}

	return 0;
}

void virtio_driver_features_init(struct virtio_dev_priv *priv,
				 const u32 *feature,
				 u32 feature_size,
				 const u32 *feature_legacy,
				 u32 feature_legacy_size)
{
	priv->feature_table = feature;
	priv->feature_table_size = feature_size;
	priv->feature_table_legacy = feature_legacy;
	priv->feature_table_size_legacy = feature_legacy_size;
}

int virtio_init_report(virtio_init_report_t report, void *priv)
{
	struct udevice *udev, *vdev;
	struct uclass *uc;
	int ret, first = 0;

	ret = uclass_get(UCLASS_VIRTIO, &uc);
	if (ret)
		return ret;
	uclass_foreach_dev(udev, uc) {
		struct virtio_dev_priv *uc_priv;

		ret = device_probe(udev);
		if (!ret) {
			device_foreach_child(vdev, udev) {
				ret = device_probe(vdev);
				if (ret)
					break;
			}
		}
		/* Up, but given up on since (it could not be restarted) */
		uc_priv = device_active(udev) ? dev_get_uclass_priv(udev) : NULL;
		if (!ret && uc_priv && uc_priv->fail_reason)
			ret = -EIO;
		if (ret && !first)
			first = ret;
		if (ret && report)
			report(udev, ret, uc_priv ? uc_priv->fail_reason : NULL,
			       priv);
	}

	return first;
}

int virtio_init(void)
{
	return virtio_init_report(NULL, NULL);
}

struct udevice *virtio_get_transport(struct udevice *dev)
{
	for (dev = dev_get_parent(dev); dev; dev = dev_get_parent(dev))
		if (device_get_uclass_id(dev) == UCLASS_VIRTIO)
			return dev;

	return NULL;
}

int virtio_get_bus_addr(struct udevice *udev, struct virtio_bus_addr *addr)
{
	struct virtio_dev_priv *uc_priv = NULL;

	if (udev && device_get_uclass_id(udev) == UCLASS_VIRTIO)
		uc_priv = dev_get_uclass_priv(udev);
	if (!uc_priv || !uc_priv->bus_addr.kind)
		return -ENODEV;
	*addr = uc_priv->bus_addr;

	return 0;
}

/* Reset, ACKNOWLEDGE, DRIVER: the start of every initialisation */
static int virtio_start_init(struct udevice *vdev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(vdev->parent);
	int ret;

	ret = virtio_reset(vdev);
	if (ret) {
		uc_priv->fail_reason = "device does not come out of reset";
		return ret;
	}
	virtio_add_status(vdev, VIRTIO_CONFIG_S_ACKNOWLEDGE);
	virtio_add_status(vdev, VIRTIO_CONFIG_S_DRIVER);

	return 0;
}

static u64 virtio_table_features(const u32 *table, u32 size)
{
	u64 features = 0;
	u32 i;

	for (i = 0; i < size; i++)
		if (table[i] < 64)
			features |= BIT_ULL(table[i]);

	return features;
}

int virtio_restart(struct udevice *vdev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(vdev->parent);
	int ret;

	/* After the reset the device no longer touches the old rings */
	ret = virtio_reset(vdev);
	if (ret) {
		uc_priv->fail_reason = "device does not come out of reset";
		goto err;
	}
	ret = virtio_del_vqs(vdev);
	if (ret)
		goto err;
	virtio_add_status(vdev, VIRTIO_CONFIG_S_ACKNOWLEDGE);
	virtio_add_status(vdev, VIRTIO_CONFIG_S_DRIVER);
	ret = virtio_finalize_features(vdev);
	if (ret)
		goto err;

	return 0;

err:
	virtio_add_status(vdev, VIRTIO_CONFIG_S_FAILED);
	return ret;
}

static int virtio_uclass_pre_probe(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct dm_virtio_ops *ops = virtio_get_ops(udev);

	/* Only generation() is optional */
	if (!ops->get_config || !ops->set_config ||
	    !ops->get_status || !ops->set_status ||
	    !ops->get_features || !ops->set_features ||
	    !ops->find_vqs || !ops->del_vqs ||
	    !ops->reset || !ops->notify)
		return -ENOENT;
	INIT_LIST_HEAD(&uc_priv->vqs);

	return 0;
}

/*
 * The number of virtio-mmio slots the control device tree declares, and
 * @udev's place among them (-1: not one of them)
 */
static int virtio_mmio_slot(const struct udevice *udev, int *countp)
{
	const void *fdt = IS_ENABLED(CONFIG_OF_CONTROL) ? gd_fdt_blob() : NULL;
	int node, n = 0, slot = -1;

	*countp = 0;
	if (!fdt)
		return -1;
	for (node = fdt_node_offset_by_compatible(fdt, -1, "virtio,mmio");
	     node >= 0;
	     node = fdt_node_offset_by_compatible(fdt, node, "virtio,mmio")) {
		if (dev_has_ofnode(udev) && node == dev_of_offset(udev))
			slot = n;
		n++;
	}
	*countp = n;

	return slot;
}

/*
 * U-Boot numbers virtio transports in bind order: every virtio-mmio slot
 * of the device tree first (QEMU's virt machine declares 32, empty or
 * not), then the PCI ones. virtboot binds only the slots that hold a
 * device but keeps U-Boot's numbers, so that the names made from them
 * (virtio-net#32 for the first PCI card, what ethact holds) are U-Boot's.
 */
static int virtio_uclass_post_bind(struct udevice *udev)
{
	struct udevice *dev;
	int n, slot = virtio_mmio_slot(udev, &n), seq = n;

	if (!n)
		return 0;
	if (slot >= 0) {
		udev->seq_ = slot;
		return 0;
	}
	uclass_foreach_dev(dev, udev->uclass)
		if (dev != udev && dev->seq_ >= seq)
			seq = dev->seq_ + 1;
	udev->seq_ = seq;

	return 0;
}

static int virtio_uclass_post_probe(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct udevice *vdev;
	const char *name;
	char dev_name[30];
	int ret;

	if (uc_priv->device >= VIRTIO_ID_MAX_NUM)
		return 0;
	name = virtio_drv_name[uc_priv->device];
	if (!name)
		return 0;
	/* The device may be probed again after a remove: bind once */
	if (device_get_child_count(udev))
		return 0;

	ret = device_bind_driver(udev, name, name, &vdev);
	if (ret == -ENOENT)
		return 0;	/* no driver for this kind of device */
	if (ret)
		return ret;
	snprintf(dev_name, sizeof(dev_name), "%s#%d", name, dev_seq(udev));

	return device_set_name(vdev, dev_name);
}

static int virtio_uclass_child_pre_probe(struct udevice *vdev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(vdev->parent);
	u64 device_features, driver_features;
	int ret;

	uc_priv->vdev = vdev;
	uc_priv->fail_reason = NULL;
	ret = virtio_start_init(vdev);
	if (ret)
		goto err;

	ret = virtio_get_features(vdev, &device_features);
	if (ret)
		goto err;
	uc_priv->legacy = !(device_features & BIT_ULL(VIRTIO_F_VERSION_1));

	if (uc_priv->legacy && uc_priv->feature_table_legacy)
		driver_features = virtio_table_features(
				uc_priv->feature_table_legacy,
				uc_priv->feature_table_size_legacy);
	else
		driver_features = virtio_table_features(
				uc_priv->feature_table,
				uc_priv->feature_table_size);
	/* Transport features we always take when offered */
	driver_features |= BIT_ULL(VIRTIO_F_VERSION_1) |
			   BIT_ULL(VIRTIO_F_IOMMU_PLATFORM);
	uc_priv->features = driver_features & device_features;

	ret = virtio_finalize_features(vdev);
	if (ret)
		goto err;

	return 0;

err:
	virtio_add_status(vdev, VIRTIO_CONFIG_S_FAILED);
	return ret;
}

static int virtio_uclass_child_post_probe(struct udevice *vdev)
{
	virtio_add_status(vdev, VIRTIO_CONFIG_S_DRIVER_OK);

	return 0;
}

UCLASS_DRIVER(virtio) = {
	.name			= "virtio",
	.id			= UCLASS_VIRTIO,
	.post_bind		= virtio_uclass_post_bind,
	.pre_probe		= virtio_uclass_pre_probe,
	.post_probe		= virtio_uclass_post_probe,
	.child_pre_probe	= virtio_uclass_child_pre_probe,
	.child_post_probe	= virtio_uclass_child_post_probe,
	.per_device_auto	= sizeof(struct virtio_dev_priv),
};
