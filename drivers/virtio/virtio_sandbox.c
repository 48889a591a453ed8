// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The sandbox virtio transport: struct dm_virtio_ops over an emulated
 * device in the same process (struct virtio_sandbox_dev, drivers/virtio/
 * emul/). Each op is a register access the device side carries out; the
 * queues are real split rings in memory, which the device processes when
 * the driver notifies. This file also binds a transport for each device
 * of the --blk, --scsi and --net options, and arms the --fault ones.
 *
 * A legacy device (option "legacy") offers no VERSION_1 and takes its
 * queues as one block in the legacy layout (used ring at the next 4096
 * boundary), as virtio-pci legacy and virtio-ccw revision 0 do; a modern
 * one takes the three parts at separate addresses.
 */

#include <common.h>
#include <dm.h>
#include <virtio.h>
#include <virtio_ring.h>
#include <virtio_sandbox.h>
#include <asm/state.h>
#include <dm/device-internal.h>
#include <dm/root.h>

#define VSB_VENDOR		0x746f6276	/* "vbot" */
#define VSB_LEGACY_ALIGN	4096

static struct virtio_sandbox_dev *vsb_dev(struct udevice *udev)
{
	return dev_get_plat(udev);
}

struct virtio_sandbox_dev *sandbox_virtio_get_dev(struct udevice *udev)
{
	return vsb_dev(udev);
}

static int vsb_get_config(struct udevice *udev, unsigned int offset,
			  void *buf, unsigned int len)
{
	return virtio_sandbox_config(vsb_dev(udev), offset, buf, len, false);
}

static int vsb_set_config(struct udevice *udev, unsigned int offset,
			  const void *buf, unsigned int len)
{
	return virtio_sandbox_config(vsb_dev(udev), offset, (void *)buf, len,
				     true);
}

static int vsb_generation(struct udevice *udev, u32 *counter)
{
	return virtio_sandbox_generation(vsb_dev(udev), counter);
}

static int vsb_get_status(struct udevice *udev, u8 *status)
{
	*status = vsb_dev(udev)->status;

	return 0;
}

static int vsb_set_status(struct udevice *udev, u8 status)
{
	virtio_sandbox_set_status(vsb_dev(udev), status);

	return 0;
}

static int vsb_reset(struct udevice *udev)
{
	virtio_sandbox_reset(vsb_dev(udev));

	return 0;
}

static int vsb_get_features(struct udevice *udev, u64 *features)
{
	*features = vsb_dev(udev)->device_features;

	return 0;
}

static int vsb_set_features(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);

	virtio_sandbox_set_features(vsb_dev(udev), uc_priv->features);

	return 0;
}

static void vsb_poll(struct virtqueue *vq)
{
	struct virtio_sandbox_dev *vd = vsb_dev(vq->udev);
	unsigned int i;

	/*
	 * The device works on every queue meanwhile, in order: a network
	 * card's receive buffers (queue 0) are ready for what sending a
	 * frame (queue 1) or the model's poll brings back.
	 */
	for (i = 0; vd->defer && i < vd->model->num_queues; i++)
		sandbox_virtio_complete_pending(vd, i);
	if (vd->model->poll)
		vd->model->poll(vd);
}

static int vsb_del_vqs(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct virtio_sandbox_dev *vd = vsb_dev(udev);
	struct virtqueue *vq, *next;

	virtio_sandbox_reset_queues(vd);
	list_for_each_entry_safe(vq, next, &uc_priv->vqs, list)
		vring_del_virtqueue(vq);

	return 0;
}

static int vsb_find_vqs(struct udevice *udev, unsigned int nvqs,
			struct virtqueue *vqs[])
{
	struct virtio_sandbox_dev *vd = vsb_dev(udev);
	unsigned int i, num = virtio_sandbox_queue_size(vd);
	int ret;

	if (nvqs > vd->model->num_queues || nvqs > VIRTIO_SANDBOX_MAX_QUEUES)
		return -ENOENT;
	/* Size 0 means the queue does not exist */
	if (!num)
		return -ENOENT;
	if (num & (num - 1))
		return -EINVAL;

	for (i = 0; i < nvqs; i++) {
		struct virtqueue *vq;

		vq = vring_create_virtqueue(i, num, vd->legacy ?
					    VSB_LEGACY_ALIGN :
					    VRING_USED_ALIGN_SIZE, udev);
		if (!vq) {
			ret = -ENOMEM;
			goto err;
		}
		vqs[i] = vq;
		if (vd->defer || vd->model->poll)
			vq->poll = vsb_poll;
		if (vd->legacy) {
			/* The device lays the queue out from its base */
			struct vring vr;

			vring_init(&vr, num, vq->vring.desc, VSB_LEGACY_ALIGN);
			ret = virtio_sandbox_setup_queue(vd, i, num, vr.desc,
							 vr.avail, vr.used);
		} else {
			ret = virtio_sandbox_setup_queue(vd, i, num,
				(void *)virtqueue_get_desc_addr(vq),
				(void *)virtqueue_get_avail_addr(vq),
				(void *)virtqueue_get_used_addr(vq));
		}
		if (ret)
			goto err;
	}

	return 0;

err:
	vsb_del_vqs(udev);
	return ret;
}

static int vsb_notify(struct udevice *udev, struct virtqueue *vq)
{
	struct virtio_sandbox_dev *vd = vsb_dev(udev);

	if (vq->index >= VIRTIO_SANDBOX_MAX_QUEUES)
		return -EINVAL;
	virtio_sandbox_process_queue(vd, vq->index);

	return 0;
}

static int vsb_probe(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct virtio_sandbox_dev *vd = vsb_dev(udev);

	uc_priv->device = vd->model->device_id;
	uc_priv->vendor = VSB_VENDOR;
	uc_priv->transport = vd->legacy ? "sandbox-legacy" : "sandbox";

	return 0;
}

static int vsb_unbind(struct udevice *udev)
{
	virtio_sandbox_destroy(vsb_dev(udev));
	dev_set_plat(udev, NULL);

	return 0;
}

static const struct dm_virtio_ops virtio_sandbox_ops = {
	.get_config	= vsb_get_config,
	.set_config	= vsb_set_config,
	.generation	= vsb_generation,
	.get_status	= vsb_get_status,
	.set_status	= vsb_set_status,
	.reset		= vsb_reset,
	.get_features	= vsb_get_features,
	.set_features	= vsb_set_features,
	.find_vqs	= vsb_find_vqs,
	.del_vqs	= vsb_del_vqs,
	.notify		= vsb_notify,
};

U_BOOT_DRIVER(virtio_sandbox) = {
	.name	= "virtio-sandbox",
	.id	= UCLASS_VIRTIO,
	.ops	= &virtio_sandbox_ops,
	.probe	= vsb_probe,
	.unbind	= vsb_unbind,
};

int sandbox_virtio_add(const char *model_name, const char *const specs[],
		       int count, const char *name, struct udevice **devp)
{
	struct virtio_sandbox_dev *vd;
	struct udevice *udev;
	int ret;

	ret = virtio_sandbox_create(model_name, specs, count, name, &vd);
	if (ret)
		return ret;
	ret = device_bind(dm_root(), DM_DRIVER_GET(virtio_sandbox), vd->name,
			  vd, ofnode_null(), &udev);
	if (ret) {
		virtio_sandbox_destroy(vd);
		return ret;
	}
	if (devp)
		*devp = udev;

	return 0;
}

int sandbox_virtio_arm_fault(struct udevice *udev, const char *spec)
{
	return virtio_sandbox_arm(vsb_dev(udev), spec);
}

void sandbox_virtio_clear_faults(struct udevice *udev)
{
	vsb_dev(udev)->nfaults = 0;
}

/* --fault [DEV:]KIND[,after=N][,count=N]: arm on DEV, or on every device */
static int vsb_arm_fault_spec(const char *spec)
{
	const char *colon = strchr(spec, ':');
	const char *kind = colon ? colon + 1 : spec;
	size_t dev_len = colon ? colon - spec : 0;
	struct udevice *udev;
	struct uclass *uc;
	int ret, armed = 0;

	ret = uclass_get(UCLASS_VIRTIO, &uc);
	if (ret)
		return ret;
	uclass_foreach_dev(udev, uc) {
		struct virtio_sandbox_dev *vd;

		if (udev->driver != DM_DRIVER_GET(virtio_sandbox))
			continue;
		vd = vsb_dev(udev);
		if (colon && (strlen(vd->name) != dev_len ||
			      strncmp(vd->name, spec, dev_len)))
			continue;
		ret = sandbox_virtio_arm_fault(udev, kind);
		if (ret)
			return ret;
		armed++;
	}

	return armed ? 0 : -ENODEV;
}

int sandbox_virtio_bind_all(void)
{
	struct sandbox_state *state = state_get_current();
	char name[16];
	int i, ret;

	for (i = 0; i < state->blk_count; i++) {
		snprintf(name, sizeof(name), "blk%d", i);
		ret = sandbox_virtio_add("blk", &state->blk_specs[i], 1, name,
					 NULL);
		if (ret) {
			printf("--blk %s: %s\n", state->blk_specs[i],
			       ret == -EINVAL ? "bad option" :
			       "cannot open the file");
			return ret;
		}
	}
	if (state->scsi_count) {
		ret = sandbox_virtio_add("scsi", state->scsi_specs,
					 state->scsi_count, "scsi", NULL);
		if (ret) {
			printf("--scsi: %s\n", ret == -ENOENT ?
			       "no virtio-scsi emulator in this build" :
			       "bad option or file");
			return ret;
		}
	}
	for (i = 0; i < state->net_count; i++) {
		snprintf(name, sizeof(name), "net%d", i);
		ret = sandbox_virtio_add("net", &state->net_specs[i], 1, name,
					 NULL);
		if (ret) {
			printf("--net %s: %s\n", state->net_specs[i],
			       ret == -ENOENT ? "no virtio-net emulator in this build" :
			       ret == -EINVAL ? "bad option" :
			       "cannot start the user-mode network");
			return ret;
		}
	}
	for (i = 0; i < state->fault_count; i++) {
		ret = vsb_arm_fault_spec(state->fault_specs[i]);
		if (ret) {
			printf("--fault %s: %s\n", state->fault_specs[i],
			       ret == -ENODEV ? "no such device" :
			       "bad fault spec");
			return ret;
		}
	}

	return 0;
}
