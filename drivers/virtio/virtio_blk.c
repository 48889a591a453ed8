// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * virtio-blk: a UCLASS_BLK device bound on a virtio transport.
 *
 * A transfer is cut into requests that keep to the device's limits:
 * at most seg_max data segments of at most size_max bytes each, whole
 * blocks per request. Several requests are in flight at once, as many as
 * the queue has room for (up to VIRTIO_BLK_MAX_INFLIGHT), and may complete
 * in any order. Every wait is bounded; after a timeout or a protocol
 * error the device is reset and its queue set up again, so the next
 * command starts clean. Writes end with a FLUSH when the device offers it.
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <malloc.h>
#include <part.h>
#include <virtio_types.h>
#include <virtio.h>
#include <virtio_blk.h>
#include <virtio_ring.h>

#define VIRTIO_BLK_MAX_INFLIGHT	8
/*
 * Largest request. QEMU serves one large request faster than the same
 * bytes cut into several in flight (a 64 MiB load: 16 requests of 4 MiB
 * took 12-13 ms, one of 64 MiB 10 ms, as U-Boot's one request).
 */
#define VIRTIO_BLK_MAX_REQ	(64U << 20)
/* Most bytes in flight: what one wait may have to see through in time */
#define VIRTIO_BLK_MAX_INFLIGHT_BYTES	(128U << 20)
/* Largest segment when the device sets no size_max */
#define VIRTIO_BLK_MAX_SEG	(1U << 30)

/**
 * struct virtio_blk_req - one request slot
 * @hdr:	request header (first buffer: it identifies the request)
 * @status:	status byte the device writes
 * @busy:	the request is in flight
 */
struct virtio_blk_req {
	struct virtio_blk_outhdr hdr;
	u8 status;
	bool busy;
};

/**
 * struct virtio_blk_priv - state of a virtio-blk device
 * @vq:		the request queue
 * @reqs:	request slots
 * @nreqs:	number of slots (requests in flight at most)
 * @sgs:	scratch buffer list for one request
 * @sg_ptrs:	pointers to @sgs, as virtqueue_add() takes them
 * @seg_size:	largest data segment
 * @seg_max:	most data segments of one request
 * @req_max:	most data bytes of one request (whole blocks)
 * @blksz:	logical block size
 * @flush:	FLUSH negotiated
 * @failed:	the device could not be brought back after an error
 */
struct virtio_blk_priv {
	struct virtqueue *vq;
	struct virtio_blk_req *reqs;
	unsigned int nreqs;
	struct virtio_sg *sgs;
	struct virtio_sg **sg_ptrs;
	u32 seg_size;
	u32 seg_max;
	u32 req_max;
	u32 blksz;
	bool flush;
	bool failed;
};

static const u32 virtio_blk_features[] = {
	VIRTIO_BLK_F_SIZE_MAX,
	VIRTIO_BLK_F_SEG_MAX,
	VIRTIO_BLK_F_GEOMETRY,
	VIRTIO_BLK_F_RO,
	VIRTIO_BLK_F_BLK_SIZE,
	VIRTIO_BLK_F_FLUSH,
	VIRTIO_BLK_F_TOPOLOGY,
};

/* Reset the device after an error so that later commands start clean */
static int virtio_blk_recover(struct udevice *dev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(dev->parent);
	struct virtio_blk_priv *priv = dev_get_priv(dev);
	unsigned int i;
	int ret;

	for (i = 0; i < priv->nreqs; i++)
		priv->reqs[i].busy = false;
	priv->vq = NULL;
	ret = virtio_restart(dev);
	if (!ret)
		ret = virtio_find_vqs(dev, 1, &priv->vq);
	if (ret) {
		priv->failed = true;
		if (!uc_priv->fail_reason)
			uc_priv->fail_reason = "device failed to restart";
		virtio_add_status(dev, VIRTIO_CONFIG_S_FAILED);
		return ret;
	}
	virtio_add_status(dev, VIRTIO_CONFIG_S_DRIVER_OK);

	return 0;
}

static struct virtio_blk_req *virtio_blk_free_slot(struct virtio_blk_priv *priv)
{
	unsigned int i;

	for (i = 0; i < priv->nreqs; i++)
		if (!priv->reqs[i].busy)
			return &priv->reqs[i];

	return NULL;
}

/*
 * Queue one request: @type at 512-byte @sector with @len bytes at @buf.
 * Return: 0, -ENOSPC if there is no room now, -ve on other errors
 */
static int virtio_blk_submit(struct udevice *dev, u32 type, u64 sector,
			     u8 *buf, u32 len)
{
	struct virtio_blk_priv *priv = dev_get_priv(dev);
	struct virtio_blk_req *req = virtio_blk_free_slot(priv);
	unsigned int nsg = 0, nout, i;
	u32 done;
	int ret;

	if (!req)
		return -ENOSPC;
	req->hdr.type = cpu_to_virtio32(dev, type);
	req->hdr.ioprio = 0;
	req->hdr.sector = cpu_to_virtio64(dev, sector);
	req->status = 0xff;

	priv->sgs[nsg].addr = &req->hdr;
	priv->sgs[nsg++].length = sizeof(req->hdr);
	for (done = 0; done < len; done += priv->sgs[nsg++].length) {
		priv->sgs[nsg].addr = buf + done;
		priv->sgs[nsg].length = min(len - done, priv->seg_size);
	}
	nout = type == VIRTIO_BLK_T_OUT ? nsg : 1;
	priv->sgs[nsg].addr = &req->status;
	priv->sgs[nsg++].length = 1;
	for (i = 0; i < nsg; i++)
		priv->sg_ptrs[i] = &priv->sgs[i];

	ret = virtqueue_add(priv->vq, priv->sg_ptrs, nout, nsg - nout);
	if (ret)
		return ret;
	req->busy = true;

	return 0;
}

static int virtio_blk_status_err(u8 status)
{
	switch (status) {
	case VIRTIO_BLK_S_OK:
		return 0;
	case VIRTIO_BLK_S_UNSUPP:
		return -EOPNOTSUPP;
	default:
		return -EIO;
	}
}

/*
 * Wait for one request to complete and free its slot.
 * Return: 0 or the request's error; -ETIMEDOUT or -EIO (protocol error),
 * after which the queue is gone until virtio_blk_recover()
 */
static int virtio_blk_complete_one(struct udevice *dev)
{
	struct virtio_blk_priv *priv = dev_get_priv(dev);
	struct virtio_blk_req *req;
	unsigned int len;
	void *token;
	int ret;

	ret = virtqueue_wait_buf(priv->vq, &token, &len, virtio_timeout_ms());
	if (ret)
		return ret;
	req = container_of(token, struct virtio_blk_req, hdr);
	if (req < priv->reqs || req >= priv->reqs + priv->nreqs || !req->busy) {
		/* Not one of ours: the ring can no longer be trusted */
		priv->vq->broken = true;
		return -EIO;
	}
	req->busy = false;
	/* The status byte comes last: a device that wrote nothing failed */
	if (!len)
		return -EIO;

	return virtio_blk_status_err(req->status);
}

/*
 * After a failed request, let the others in flight finish.
 * Return: true if the queue is clean again, false if it needs a reset
 */
static bool virtio_blk_drain(struct udevice *dev)
{
	struct virtio_blk_priv *priv = dev_get_priv(dev);
	int ret;

	while (priv->vq->in_flight) {
		ret = virtio_blk_complete_one(dev);
		if (ret == -ETIMEDOUT || virtqueue_is_broken(priv->vq))
			return false;
	}

	return true;
}

/* A transfer failed with @err: leave the device ready for the next one */
static int virtio_blk_fail(struct udevice *dev, int err)
{
	struct virtio_blk_priv *priv = dev_get_priv(dev);

	if (err == -ETIMEDOUT || virtqueue_is_broken(priv->vq) ||
	    !virtio_blk_drain(dev))
		virtio_blk_recover(dev);

	return err;
}

static int virtio_blk_flush(struct udevice *dev)
{
	struct virtio_blk_priv *priv = dev_get_priv(dev);
	int ret;

	ret = virtio_blk_submit(dev, VIRTIO_BLK_T_FLUSH, 0, NULL, 0);
	if (ret)
		return virtio_blk_fail(dev, ret);
	virtqueue_kick(priv->vq);
	ret = virtio_blk_complete_one(dev);

	return ret ? virtio_blk_fail(dev, ret) : 0;
}

static int virtio_blk_transfer(struct udevice *dev, lbaint_t start,
			       lbaint_t blkcnt, u8 *buf, bool write)
{
	struct virtio_blk_priv *priv = dev_get_priv(dev);
	u64 total = (u64)blkcnt * priv->blksz, done = 0;
	u64 sector = (u64)start * (priv->blksz >> VIRTIO_BLK_SECTOR_SHIFT);
	u32 type = write ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_IN;
	int ret;

	if (priv->failed || !priv->vq)
		return -EIO;
	while (done < total || priv->vq->in_flight) {
		bool added = false;

		while (done < total) {
			u32 len = min_t(u64, total - done, priv->req_max);

			ret = virtio_blk_submit(dev, type, sector, buf + done,
						len);
			if (ret == -ENOSPC)
				break;
			if (ret)
				return virtio_blk_fail(dev, ret);
			added = true;
			done += len;
			sector += len >> VIRTIO_BLK_SECTOR_SHIFT;
		}
		if (added)
			virtqueue_kick(priv->vq);
		ret = virtio_blk_complete_one(dev);
		if (ret)
			return virtio_blk_fail(dev, ret);
	}
	if (write && priv->flush)
		return virtio_blk_flush(dev);

	return 0;
}

static ulong virtio_blk_read(struct udevice *dev, lbaint_t start,
			     lbaint_t blkcnt, void *buffer)
{
	int ret = virtio_blk_transfer(dev, start, blkcnt, buffer, false);

	return ret ? (ulong)(long)ret : blkcnt;
}

static ulong virtio_blk_write(struct udevice *dev, lbaint_t start,
			      lbaint_t blkcnt, const void *buffer)
{
	struct blk_desc *desc = dev_get_uclass_plat(dev);
	int ret;

	if (desc->read_only)
		return (ulong)(long)-EROFS;
	ret = virtio_blk_transfer(dev, start, blkcnt, (void *)buffer, true);

	return ret ? (ulong)(long)ret : blkcnt;
}

static int virtio_blk_bind(struct udevice *dev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(dev->parent);
	struct blk_desc *desc = dev_get_uclass_plat(dev);
	int devnum, i;

	desc->uclass_id = UCLASS_VIRTIO;
	desc->devnum = -ENODEV;
	devnum = blk_next_free_devnum(UCLASS_VIRTIO);
	if (devnum < 0)
		return devnum;
	desc->devnum = devnum;
	desc->part_type = PART_TYPE_UNKNOWN;
	desc->type = DEV_TYPE_HARDDISK;
	/* MMIO vendors are four characters, PCI ones a 16-bit id */
	if (uc_priv->vendor >> 16) {
		for (i = 0; i < 4; i++)
			desc->vendor[i] = uc_priv->vendor >> (8 * i);
		desc->vendor[4] = '\0';
	} else {
		snprintf(desc->vendor, sizeof(desc->vendor), "%04x",
			 uc_priv->vendor);
	}
	snprintf(desc->product, sizeof(desc->product), "VirtIO Block Device");
	desc->bdev = dev;

	virtio_driver_features_init(uc_priv, virtio_blk_features,
				    ARRAY_SIZE(virtio_blk_features), NULL, 0);

	return 0;
}

/* Read the device's limits and size the request slots from them */
static int virtio_blk_read_limits(struct udevice *dev, u64 *capacity)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(dev->parent);
	struct virtio_blk_priv *priv = dev_get_priv(dev);
	unsigned int num = virtqueue_get_vring_size(priv->vq);
	u32 blk_size, size_max, seg_max;
	u64 cap;
	int ret;

	ret = __virtio_cread_many(dev, offsetof(struct virtio_blk_config,
						capacity), &cap, 1, sizeof(cap));
	if (ret) {
		uc_priv->fail_reason = "configuration kept changing";
		return ret;
	}
	*capacity = virtio64_to_cpu(dev, cap);

	priv->blksz = VIRTIO_BLK_SECTOR_SIZE;
	if (!virtio_cread_feature(dev, VIRTIO_BLK_F_BLK_SIZE,
				  struct virtio_blk_config, blk_size,
				  &blk_size)) {
		if (blk_size < VIRTIO_BLK_SECTOR_SIZE || blk_size > 65536 ||
		    (blk_size & (blk_size - 1))) {
			uc_priv->fail_reason = "bad block size";
			return -EINVAL;
		}
		priv->blksz = blk_size;
	}

	priv->seg_size = VIRTIO_BLK_MAX_SEG;
	if (!virtio_cread_feature(dev, VIRTIO_BLK_F_SIZE_MAX,
				  struct virtio_blk_config, size_max,
				  &size_max)) {
		if (!size_max) {
			uc_priv->fail_reason = "bad size_max 0";
			return -EINVAL;
		}
		priv->seg_size = min(size_max, VIRTIO_BLK_MAX_SEG);
	}

	/* A chain holds the header and the status byte too */
	if (num < 3) {
		uc_priv->fail_reason = "request queue too small";
		return -EINVAL;
	}
	priv->seg_max = num - 2;
	if (!virtio_cread_feature(dev, VIRTIO_BLK_F_SEG_MAX,
				  struct virtio_blk_config, seg_max, &seg_max))
		priv->seg_max = clamp(seg_max, 1U, num - 2);

	priv->req_max = min_t(u64, (u64)priv->seg_max * priv->seg_size,
			      VIRTIO_BLK_MAX_REQ);
	priv->req_max = ALIGN_DOWN(priv->req_max, priv->blksz);
	if (!priv->req_max) {
		uc_priv->fail_reason = "segments too small for one block";
		return -EINVAL;
	}
	priv->nreqs = min(num / (DIV_ROUND_UP(priv->req_max,
					       priv->seg_size) + 2),
			  VIRTIO_BLK_MAX_INFLIGHT_BYTES / priv->req_max);
	priv->nreqs = clamp(priv->nreqs, 1U,
			    (unsigned int)VIRTIO_BLK_MAX_INFLIGHT);
	priv->flush = virtio_has_feature(dev, VIRTIO_BLK_F_FLUSH);

	return 0;
}

static int virtio_blk_probe(struct udevice *dev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(dev->parent);
	struct virtio_blk_priv *priv = dev_get_priv(dev);
	struct blk_desc *desc = dev_get_uclass_plat(dev);
	u64 capacity;
	int ret;

	ret = virtio_find_vqs(dev, 1, &priv->vq);
	if (ret) {
		uc_priv->fail_reason = "no usable request queue";
		goto err;
	}
	ret = virtio_blk_read_limits(dev, &capacity);
	if (ret)
		goto err_vqs;

	ret = -ENOMEM;
	priv->reqs = calloc(priv->nreqs, sizeof(*priv->reqs));
	priv->sgs = calloc(priv->seg_max + 2, sizeof(*priv->sgs));
	priv->sg_ptrs = calloc(priv->seg_max + 2, sizeof(*priv->sg_ptrs));
	if (!priv->reqs || !priv->sgs || !priv->sg_ptrs)
		goto err_free;

	desc->blksz = priv->blksz;
	desc->log2blksz = __builtin_ctz(priv->blksz);
	desc->lba = (capacity << VIRTIO_BLK_SECTOR_SHIFT) / priv->blksz;
	desc->read_only = virtio_has_feature(dev, VIRTIO_BLK_F_RO);

	return 0;

err_free:
	free(priv->reqs);
	free(priv->sgs);
	free(priv->sg_ptrs);
err_vqs:
	virtio_del_vqs(dev);
err:
	virtio_add_status(dev, VIRTIO_CONFIG_S_FAILED);
	return ret;
}

static int virtio_blk_remove(struct udevice *dev)
{
	struct virtio_blk_priv *priv = dev_get_priv(dev);

	/*
	 * Stop the device before its rings go away. One stuck in reset is
	 * given up on, and the removal still succeeds: an error would leave
	 * the disk active with its rings and requests freed.
	 */
	if (virtio_reset(dev))
		virtio_add_status(dev, VIRTIO_CONFIG_S_FAILED);
	virtio_del_vqs(dev);
	free(priv->reqs);
	free(priv->sgs);
	free(priv->sg_ptrs);

	return 0;
}

static const struct blk_ops virtio_blk_ops = {
	.read	= virtio_blk_read,
	.write	= virtio_blk_write,
};

U_BOOT_DRIVER(virtio_blk) = {
	.name		= VIRTIO_BLK_DRV_NAME,
	.id		= UCLASS_BLK,
	.ops		= &virtio_blk_ops,
	.bind		= virtio_blk_bind,
	.probe		= virtio_blk_probe,
	.remove		= virtio_blk_remove,
	.priv_auto	= sizeof(struct virtio_blk_priv),
	.flags		= DM_FLAG_ACTIVE_DMA,
};
