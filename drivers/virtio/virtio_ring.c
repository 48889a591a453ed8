// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The split virtqueue, driver side.
 *
 * Descriptors not in use form a free list threaded through the shadow
 * copies' @next fields. virtqueue_add() takes a chain off it, fills the
 * shared descriptors, publishes the head in the avail ring and moves
 * avail->idx; virtqueue_get_buf() reads the used ring, checks what the
 * device says against the shadow copies and puts the chain back. Several
 * chains may be in flight and the device may use them in any order.
 */

#include <common.h>
#include <dm.h>
#include <malloc.h>
#include <virtio_types.h>
#include <virtio.h>
#include <virtio_ring.h>

/*
 * Guest-physical address of a buffer. Every board maps memory one to one
 * (the sandbox's emulated devices take host pointers).
 */
static inline u64 vring_dma_addr(const void *p)
{
	return (u64)(uintptr_t)p;
}

static inline __virtio16 vq_cpu_to_virtio16(struct virtqueue *vq, u16 v)
{
	return __cpu_to_virtio16(vq->little_endian, v);
}

static inline __virtio32 vq_cpu_to_virtio32(struct virtqueue *vq, u32 v)
{
	return __cpu_to_virtio32(vq->little_endian, v);
}

static inline __virtio64 vq_cpu_to_virtio64(struct virtqueue *vq, u64 v)
{
	return __cpu_to_virtio64(vq->little_endian, v);
}

static inline u16 vq_virtio16_to_cpu(struct virtqueue *vq, __virtio16 v)
{
	return __virtio16_to_cpu(vq->little_endian, v);
}

static inline u32 vq_virtio32_to_cpu(struct virtqueue *vq, __virtio32 v)
{
	return __virtio32_to_cpu(vq->little_endian, v);
}

static int vq_notify(struct virtqueue *vq)
{
	struct dm_virtio_ops *ops = virtio_get_ops(vq->udev);

	return ops->notify(vq->udev, vq);
}

int virtqueue_add(struct virtqueue *vq, struct virtio_sg *sgs[],
		  unsigned int out_sgs, unsigned int in_sgs)
{
	unsigned int total = out_sgs + in_sgs;
	unsigned int head, i, n;
	u64 chain_len = 0, in_len = 0;
	u16 avail;

	if (vq->broken)
		return -EIO;
	if (!total)
		return -EINVAL;
	for (n = 0; n < total; n++) {
		if (sgs[n]->length > UINT32_MAX)
			return -EINVAL;
		chain_len += sgs[n]->length;
		if (n >= out_sgs)
			in_len += sgs[n]->length;
	}
	if (chain_len > UINT32_MAX)
		return -EINVAL;
	if (vq->num_free < total)
		return -ENOSPC;

	head = vq->free_head;
	i = head;
	for (n = 0; n < total; n++) {
		struct vring_desc_shadow *shadow = &vq->vring_desc_shadow[i];
		struct vring_desc *desc = &vq->vring.desc[i];
		u16 flags = n + 1 < total ? VRING_DESC_F_NEXT : 0;

		if (n >= out_sgs)
			flags |= VRING_DESC_F_WRITE;
		shadow->addr = sgs[n]->addr;
		shadow->len = sgs[n]->length;
		shadow->flags = flags;
		desc->addr = vq_cpu_to_virtio64(vq, vring_dma_addr(shadow->addr));
		desc->len = vq_cpu_to_virtio32(vq, shadow->len);
		desc->flags = vq_cpu_to_virtio16(vq, flags);
		desc->next = vq_cpu_to_virtio16(vq, shadow->next);
		i = shadow->next;
	}

	vq->num_free -= total;
	vq->free_head = i;
	vq->vring_desc_shadow[head].chain_head = true;
	vq->vring_desc_shadow[head].in_len = in_len;
	vq->vring_desc_shadow[head].chain_len = chain_len;
	vq->in_flight++;

	/* The entry may be written now: the device reads it only past idx */
	avail = vq->avail_idx_shadow & (vq->vring.num - 1);
	vq->vring.avail->ring[avail] = vq_cpu_to_virtio16(vq, head);

	/* Descriptors and the entry must be visible before the new idx */
	virtio_wmb();
	vq->avail_idx_shadow++;
	WRITE_ONCE(vq->vring.avail->idx,
		   vq_cpu_to_virtio16(vq, vq->avail_idx_shadow));
	vq->num_added++;

	/* A kick before the 16-bit distance between kicks could wrap */
	if (unlikely(vq->num_added == UINT16_MAX))
		virtqueue_kick(vq);

	return 0;
}

static bool virtqueue_kick_prepare(struct virtqueue *vq)
{
	u16 new, old;

	/* The new avail->idx must be visible before we read the device's */
	virtio_mb();

	old = vq->avail_idx_shadow - vq->num_added;
	new = vq->avail_idx_shadow;
	vq->num_added = 0;

	if (vq->event)
		return vring_need_event(vq_virtio16_to_cpu(vq,
				READ_ONCE(vring_avail_event(&vq->vring))),
				new, old);

	return !(vq_virtio16_to_cpu(vq, READ_ONCE(vq->vring.used->flags)) &
		 VRING_USED_F_NO_NOTIFY);
}

void virtqueue_kick(struct virtqueue *vq)
{
	if (virtqueue_kick_prepare(vq))
		vq_notify(vq);
}

/* Put the chain starting at @head back on the free list */
static void detach_buf(struct virtqueue *vq, unsigned int head)
{
	struct vring_desc_shadow *shadow = vq->vring_desc_shadow;
	unsigned int i = head;

	shadow[head].chain_head = false;
	vq->num_free++;
	while (shadow[i].flags & VRING_DESC_F_NEXT) {
		i = shadow[i].next;
		vq->num_free++;
	}
	shadow[i].next = vq->free_head;
	vq->free_head = head;
	vq->in_flight--;
}

static int vq_broken(struct virtqueue *vq, const char *why, u32 val)
{
	vq->broken = true;
	log_debug("virtqueue %u: %s (%u)\n", vq->index, why, val);

	return -EIO;
}

/*
 * Take the next used entry.
 * Return: 1 and the chain, 0 if none yet, -EIO if the device broke the
 * protocol
 */
static int vring_pop_used(struct virtqueue *vq, void **bufp, unsigned int *lenp)
{
	struct vring_used_elem *elem;
	u16 used_idx, slot;
	u32 id, len;

	if (vq->broken)
		return -EIO;
	used_idx = vq_virtio16_to_cpu(vq, READ_ONCE(vq->vring.used->idx));
	if (used_idx == vq->last_used_idx)
		return 0;
	/* The device cannot have used more chains than are in flight */
	if ((u16)(used_idx - vq->last_used_idx) > vq->in_flight)
		return vq_broken(vq, "used idx ahead of the chains in flight",
				 used_idx);

	/* Read the entry only after the index that published it */
	virtio_rmb();

	slot = vq->last_used_idx & (vq->vring.num - 1);
	elem = &vq->vring.used->ring[slot];
	id = vq_virtio32_to_cpu(vq, READ_ONCE(elem->id));
	len = vq_virtio32_to_cpu(vq, READ_ONCE(elem->len));
	if (id >= vq->vring.num)
		return vq_broken(vq, "used id out of range", id);
	if (!vq->vring_desc_shadow[id].chain_head)
		return vq_broken(vq, "used id is not a chain in flight", id);
	if (len > vq->vring_desc_shadow[id].chain_len)
		return vq_broken(vq, "used len larger than the buffers", len);
	/*
	 * QEMU's virtio-scsi counts the data-out bytes too (Linux does not
	 * check): more than the writable part but within the chain is
	 * taken as all of the writable part.
	 */
	if (len > vq->vring_desc_shadow[id].in_len)
		len = vq->vring_desc_shadow[id].in_len;

	if (bufp)
		*bufp = vq->vring_desc_shadow[id].addr;
	if (lenp)
		*lenp = len;
	detach_buf(vq, id);
	vq->last_used_idx++;

	/* With EVENT_IDX, ask to hear about the next entry */
	if (vq->event && !(vq->avail_flags_shadow & VRING_AVAIL_F_NO_INTERRUPT))
		virtio_store_mb(&vring_used_event(&vq->vring),
				vq_cpu_to_virtio16(vq, vq->last_used_idx));

	return 1;
}

void *virtqueue_get_buf(struct virtqueue *vq, unsigned int *len)
{
	void *buf;

	if (vring_pop_used(vq, &buf, len) != 1)
		return NULL;

	return buf;
}

/*
 * Ring polls between two readings of the clock in virtqueue_wait_buf()
 * (the fuzz harnesses, whose clock jumps 100 ms a reading, set fewer)
 */
#ifndef VRING_POLLS_PER_CLOCK
#define VRING_POLLS_PER_CLOCK	16384
#endif

int virtqueue_wait_buf(struct virtqueue *vq, void **bufp, unsigned int *len,
		       unsigned long timeout_ms)
{
	ulong start = get_timer(0);
	unsigned int spins = 0;
	int ret;

	if (!vq->in_flight && !vq->broken)
		return -ENOENT;
	for (;;) {
		ret = vring_pop_used(vq, bufp, len);
		if (ret)
			return ret < 0 ? ret : 0;
		if (vq->poll)
			vq->poll(vq);
		/*
		 * The used ring is plain memory; the clock and a yield are
		 * not: under QEMU's TCG each reading of the arm64 counter
		 * and each yield takes QEMU's global lock, which the device
		 * needs to complete the request. Polling the ring alone in
		 * between is what makes a request's wait as short as the
		 * device allows.
		 */
		if (++spins % VRING_POLLS_PER_CLOCK)
			continue;
		if (get_timer(start) > timeout_ms)
			return -ETIMEDOUT;
		cpu_relax();
	}
}

static struct virtqueue *vring_new_virtqueue(unsigned int index,
					     struct vring vring,
					     struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct virtqueue *vq;
	unsigned int i;

	vq = calloc(1, sizeof(*vq));
	if (!vq)
		return NULL;
	vq->vring_desc_shadow = calloc(vring.num,
				       sizeof(struct vring_desc_shadow));
	if (!vq->vring_desc_shadow) {
		free(vq);
		return NULL;
	}

	vq->vdev = uc_priv->vdev;
	vq->udev = udev;
	vq->index = index;
	vq->num_free = vring.num;
	vq->vring = vring;
	vq->little_endian = !uc_priv->legacy || virtio_legacy_is_little_endian();
	vq->event = __virtio_test_bit(udev, VIRTIO_RING_F_EVENT_IDX);

	/* We poll: ask the device not to interrupt */
	vq->avail_flags_shadow = VRING_AVAIL_F_NO_INTERRUPT;
	if (!vq->event)
		vq->vring.avail->flags = vq_cpu_to_virtio16(vq,
						vq->avail_flags_shadow);

	vq->free_head = 0;
	for (i = 0; i < vring.num - 1; i++)
		vq->vring_desc_shadow[i].next = i + 1;
	list_add_tail(&vq->list, &uc_priv->vqs);

	return vq;
}

struct virtqueue *vring_create_virtqueue(unsigned int index, unsigned int num,
					 unsigned int vring_align,
					 struct udevice *udev)
{
	struct virtqueue *vq;
	struct vring vring;
	size_t size;
	void *queue;

	if (!num || num > VIRTQUEUE_MAX_SIZE || (num & (num - 1)))
		return NULL;
	if (vring_align < VRING_USED_ALIGN_SIZE ||
	    (vring_align & (vring_align - 1)))
		return NULL;

	size = vring_size(num, vring_align);
	queue = memalign(max_t(unsigned int, vring_align, 4096),
			 ALIGN(size, 4096));
	if (!queue)
		return NULL;
	memset(queue, 0, size);
	vring_init(&vring, num, queue, vring_align);

	vq = vring_new_virtqueue(index, vring, udev);
	if (!vq) {
		free(queue);
		return NULL;
	}

	return vq;
}

void vring_del_virtqueue(struct virtqueue *vq)
{
	list_del(&vq->list);
	free(vq->vring.desc);
	free(vq->vring_desc_shadow);
	free(vq);
}

unsigned int virtqueue_get_vring_size(struct virtqueue *vq)
{
	return vq->vring.num;
}

ulong virtqueue_get_desc_addr(struct virtqueue *vq)
{
	return (ulong)vring_dma_addr(vq->vring.desc);
}

ulong virtqueue_get_avail_addr(struct virtqueue *vq)
{
	return (ulong)vring_dma_addr(vq->vring.avail);
}

ulong virtqueue_get_used_addr(struct virtqueue *vq)
{
	return (ulong)vring_dma_addr(vq->vring.used);
}

bool virtqueue_poll(struct virtqueue *vq, u16 last_used_idx)
{
	virtio_mb();

	return last_used_idx !=
	       vq_virtio16_to_cpu(vq, READ_ONCE(vq->vring.used->idx));
}

void virtqueue_dump(struct virtqueue *vq)
{
	unsigned int i;

	printf("virtqueue %p (queue %u, %u entries at %p)\n", vq, vq->index,
	       vq->vring.num, vq->vring.desc);
	printf("\tfree_head %u, num_free %u, in flight %u, num_added %u%s\n",
	       vq->free_head, vq->num_free, vq->in_flight, vq->num_added,
	       vq->broken ? ", broken" : "");
	printf("\tlast_used_idx %u, avail_idx_shadow %u, used idx %u\n",
	       vq->last_used_idx, vq->avail_idx_shadow,
	       vq_virtio16_to_cpu(vq, vq->vring.used->idx));
	for (i = 0; i < vq->vring.num; i++) {
		struct vring_desc_shadow *d = &vq->vring_desc_shadow[i];

		if (!d->chain_head)
			continue;
		printf("\tchain at %u: buf %p len %u flags %x next %u\n",
		       i, d->addr, d->len, d->flags, d->next);
	}
}
