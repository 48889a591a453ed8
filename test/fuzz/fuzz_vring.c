// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the split virtqueue, driver side
 * (drivers/virtio/virtio_ring.c), with the device played by the input.
 *
 * The first byte sets the queue up: size 1..256 (bits 0-3: log2, capped),
 * the legacy 4096 alignment (bit 4), EVENT_IDX (bit 5), big-endian ring
 * (bit 6, a legacy device on s390x). Then each byte is an operation,
 * taking its arguments from the bytes after it:
 *
 *   add a chain, kick, poll for a buffer, wait for a buffer (timeouts
 *   are quick: the timer runs fast), virtqueue_poll(), and as the device:
 *   complete the next available chain as a correct device does, write a
 *   used entry of the input's choosing (any id, any length) and move
 *   used->idx by any amount, scribble on the shared descriptor table, the
 *   used flags and the avail event.
 *
 * The harness keeps its own model of the chains in flight; what must hold:
 * a buffer handed back is the first buffer of a chain in flight, its
 * length is no more than the chain's writable bytes, a chain comes back
 * at most once, free + in flight descriptors = queue size, and a broken
 * queue accepts nothing and returns nothing. A correct device sees each
 * chain exactly as it was added (readable buffers first, lengths, flags).
 */

#include <common.h>
#include <dm.h>
#include <malloc.h>
#include <virtio_types.h>
#include <virtio.h>
#include <virtio_ring.h>
#include "fuzz_support.h"

#define MAX_SEGS	8

/* What the harness knows about a chain it added */
struct chain {
	bool in_flight;
	unsigned int segs, out;
	u32 len[MAX_SEGS];
	u64 in_len;
	u8 *token;		/* the first buffer, what get_buf returns */
};

struct input {
	const u8 *p;
	size_t left;
};

static u8 next(struct input *in)
{
	if (!in->left)
		return 0;
	in->left--;
	return *in->p++;
}

static u32 next32(struct input *in)
{
	u32 v = next(in);

	v |= next(in) << 8;
	v |= next(in) << 16;
	return v | (u32)next(in) << 24;
}

/* The pieces of the driver model the ring touches */
void *dev_get_uclass_priv(const struct udevice *dev)
{
	return dev->uclass_priv_;
}

static unsigned int notifies;

static int fz_notify(struct udevice *udev, struct virtqueue *vq)
{
	notifies++;
	return 0;
}

static const struct dm_virtio_ops fz_ops = {
	.notify = fz_notify,
};

static const struct driver fz_driver = {
	.name = "fuzz-virtio",
	.ops = &fz_ops,
};

/* Buffers: a chain's first is its head's token, the others shared */
static u8 tokens[256][16];
static u8 bufs[MAX_SEGS][16];
static bool adversarial;	/* the device wrote used entries of its own */

static u16 d16(struct virtqueue *vq, __virtio16 v)
{
	return __virtio16_to_cpu(vq->little_endian, v);
}

static u32 d32(struct virtqueue *vq, __virtio32 v)
{
	return __virtio32_to_cpu(vq->little_endian, v);
}

static u64 d64(struct virtqueue *vq, __virtio64 v)
{
	return __virtio64_to_cpu(vq->little_endian, v);
}

static void put_used(struct virtqueue *vq, u16 *used_idx, u32 id, u32 len,
		     u16 step)
{
	struct vring_used_elem *e;

	e = &vq->vring.used->ring[*used_idx & (vq->vring.num - 1)];
	e->id = __cpu_to_virtio32(vq->little_endian, id);
	e->len = __cpu_to_virtio32(vq->little_endian, len);
	*used_idx += step;
	vq->vring.used->idx = __cpu_to_virtio16(vq->little_endian, *used_idx);
}

/*
 * A correct device: take the next avail entry, check the chain against
 * what was added, and use it. Return false if there was none.
 */
static bool device_complete(struct virtqueue *vq, struct chain *model,
			    u16 *dev_avail, u16 *used_idx, u8 lenbyte)
{
	unsigned int head, i, n;
	struct chain *c;
	u32 len;

	if (*dev_avail == d16(vq, vq->vring.avail->idx))
		return false;
	head = d16(vq, vq->vring.avail->ring[*dev_avail & (vq->vring.num - 1)]);
	(*dev_avail)++;
	if (head >= vq->vring.num)
		__builtin_trap();
	c = &model[head];
	if (!c->in_flight) {
		if (!adversarial)
			__builtin_trap();
		return true;
	}
	for (i = head, n = 0; n < c->segs && !adversarial; n++) {
		struct vring_desc *d = &vq->vring.desc[i];
		u16 flags = d16(vq, d->flags);
		u8 *addr = n ? bufs[n] : tokens[head];

		if (d64(vq, d->addr) != (u64)(uintptr_t)addr ||
		    d32(vq, d->len) != c->len[n] ||
		    !!(flags & VRING_DESC_F_WRITE) != (n >= c->out) ||
		    !!(flags & VRING_DESC_F_NEXT) != (n + 1 < c->segs))
			__builtin_trap();
		i = d16(vq, d->next);
		if (n + 1 < c->segs && i >= vq->vring.num)
			__builtin_trap();
	}
	len = c->in_len ? lenbyte % (c->in_len + 1) : 0;
	put_used(vq, used_idx, head, len, 1);
	return true;
}

static void check_buf(struct virtqueue *vq, struct chain *model, void *buf,
		      unsigned int len)
{
	unsigned int i;

	if (!buf)
		return;
	for (i = 0; i < vq->vring.num; i++) {
		if (model[i].in_flight && model[i].token == buf)
			break;
	}
	/* Only a chain in flight comes back, with a length it can hold */
	if (i == vq->vring.num || len > model[i].in_len)
		__builtin_trap();
	model[i].in_flight = false;
}

static void check_counts(struct virtqueue *vq, struct chain *model)
{
	unsigned int i, busy = 0, chains = 0;

	for (i = 0; i < vq->vring.num; i++) {
		if (model[i].in_flight) {
			busy += model[i].segs;
			chains++;
		}
	}
	if (vq->num_free + busy != vq->vring.num || vq->in_flight != chains)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct virtio_dev_priv uc_priv = { };
	struct udevice udev = { };
	struct input in = { data, size };
	struct chain *model;
	struct virtqueue *vq;
	unsigned int num, align, ops = 0;
	u16 dev_avail = 0, used_idx = 0;
	u8 setup;

	if (size < 1 || size > 4096)
		return 0;
	fuzz_reset(0);
	adversarial = false;
	setup = next(&in);
	num = 1U << min(setup & 15, 8);
	align = setup & 0x10 ? 4096 : VRING_USED_ALIGN_SIZE;
	INIT_LIST_HEAD(&uc_priv.vqs);
	if (setup & 0x20)
		uc_priv.features |= BIT_ULL(VIRTIO_RING_F_EVENT_IDX);
	udev.driver = &fz_driver;
	udev.name = "fuzz";
	udev.uclass_priv_ = &uc_priv;
	uc_priv.vdev = &udev;

	vq = vring_create_virtqueue(0, num, align, &udev);
	if (!vq)
		__builtin_trap();
	if (setup & 0x40)
		vq->little_endian = false;
	model = calloc(num, sizeof(*model));
	if (!model)
		__builtin_trap();

	while (in.left && ops++ < 1000) {
		u8 op = next(&in);
		void *buf = NULL;
		unsigned int len = 0, i;
		int ret;

		switch (op % 10) {
		case 0: {	/* add a chain */
			struct virtio_sg sg[MAX_SEGS], *sgs[MAX_SEGS];
			u8 shape = next(&in);
			unsigned int out = shape & 7, inn = (shape >> 3) & 7;
			unsigned int head = vq->free_head;
			bool broken = vq->broken;
			unsigned int avail = vq->num_free;
			struct chain c = { };

			if (out + inn > MAX_SEGS)
				inn = MAX_SEGS - out;
			for (i = 0; i < out + inn; i++) {
				sg[i].addr = i ? bufs[i] : tokens[head];
				sg[i].length = next(&in) << (shape >> 6 ? 8 : 0);
				sgs[i] = &sg[i];
				c.len[i] = sg[i].length;
				if (i >= out)
					c.in_len += sg[i].length;
			}
			ret = virtqueue_add(vq, sgs, out, inn);
			if (broken && ret != -EIO)
				__builtin_trap();
			if (!ret) {
				if (head >= num || model[head].in_flight)
					__builtin_trap();
				c.in_flight = true;
				c.segs = out + inn;
				c.out = out;
				c.token = tokens[head];
				model[head] = c;
			} else if (ret == -ENOSPC && avail >= out + inn) {
				__builtin_trap();
			}
			break;
		}
		case 1:
			virtqueue_kick(vq);
			break;
		case 2:
			buf = virtqueue_get_buf(vq, &len);
			check_buf(vq, model, buf, len);
			break;
		case 3:
			ret = virtqueue_wait_buf(vq, &buf, &len, next(&in));
			if (ret && ret != -ETIMEDOUT && ret != -EIO &&
			    ret != -ENOENT)
				__builtin_trap();
			if (!ret)
				check_buf(vq, model, buf, len);
			else if (buf)
				__builtin_trap();
			break;
		case 4:
			virtqueue_poll(vq, next(&in));
			break;
		case 5:
			device_complete(vq, model, &dev_avail, &used_idx,
					next(&in));
			break;
		case 6: {	/* a used entry of the input's choosing */
			u32 id = next(&in), l = next32(&in);
			u8 step = next(&in);

			put_used(vq, &used_idx, id, l, step & 3);
			adversarial = true;
			break;
		}
		case 7:		/* the device scribbles on the descriptors */
			i = next(&in) & (num - 1);
			((u8 *)&vq->vring.desc[i])[next(&in) & 15] = next(&in);
			adversarial = true;
			break;
		case 8:
			vq->vring.used->flags =
				__cpu_to_virtio16(vq->little_endian, next(&in));
			vring_avail_event(&vq->vring) =
				__cpu_to_virtio16(vq->little_endian, next(&in));
			break;
		case 9:		/* take every completion a correct device gives */
			while (device_complete(vq, model, &dev_avail,
					       &used_idx, 0xff))
				;
			while ((buf = virtqueue_get_buf(vq, &len)))
				check_buf(vq, model, buf, len);
			break;
		}
		if (vq->broken && virtqueue_get_buf(vq, &len))
			__builtin_trap();
		check_counts(vq, model);
	}

	vring_del_virtqueue(vq);
	free(model);
	return 0;
}
