/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The split virtqueue (virtio 1.x spec, 2.6), with U-Boot 2023.01's names
 * and signatures, plus a bounded wait: virtqueue_wait_buf().
 *
 * Memory layout of a queue of num entries (num a power of 2):
 *
 *	descriptor table  16 * num bytes, 16-byte aligned
 *	available ring    flags, idx, ring[num], used_event
 *	used ring         flags, idx, {id, len}[num], avail_event,
 *			  4-byte aligned (modern) or at the next @vring_align
 *			  boundary (the legacy layout: 4096)
 *
 * The driver owns the descriptor table and the available ring, the device
 * the used ring; every field is in the device's byte order (__virtio*).
 * The ring structs are deliberately not __packed: their natural layout is
 * the spec's (the size asserts check it) and each index must be read and
 * written in one aligned access while the device works on the ring.
 */
#ifndef _LINUX_VIRTIO_RING_H
#define _LINUX_VIRTIO_RING_H

#include <virtio_types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/list.h>

struct udevice;

/* This marks a buffer as continuing via the next field */
#define VRING_DESC_F_NEXT		1
/* This marks a buffer as write-only for the device */
#define VRING_DESC_F_WRITE		2
/* This means the buffer contains a list of buffer descriptors */
#define VRING_DESC_F_INDIRECT		4

/* The device asks not to be notified of new buffers (a hint) */
#define VRING_USED_F_NO_NOTIFY		1
/* The driver asks not to be interrupted when buffers are used */
#define VRING_AVAIL_F_NO_INTERRUPT	1

/* Indirect descriptors */
#define VIRTIO_RING_F_INDIRECT_DESC	28
/* used_event / avail_event fields instead of the flags */
#define VIRTIO_RING_F_EVENT_IDX		29

/* Largest queue the split layout allows */
#define VIRTQUEUE_MAX_SIZE		32768

/**
 * struct vring_desc - a descriptor: one buffer of a chain
 * @addr:	guest-physical address of the buffer
 * @len:	length in bytes
 * @flags:	VRING_DESC_F_...
 * @next:	index of the next descriptor when VRING_DESC_F_NEXT is set
 */
struct vring_desc {
	__virtio64 addr;
	__virtio32 len;
	__virtio16 flags;
	__virtio16 next;
};
_Static_assert(sizeof(struct vring_desc) == 16, "vring_desc is 16 bytes");

/**
 * struct vring_avail - the available ring, written by the driver
 * @flags:	VRING_AVAIL_F_...
 * @idx:	where the driver puts the next entry (free-running, mod 2^16)
 * @ring:	heads of the chains made available, then used_event
 */
struct vring_avail {
	__virtio16 flags;
	__virtio16 idx;
	__virtio16 ring[];
};
_Static_assert(sizeof(struct vring_avail) == 4, "vring_avail header");

/**
 * struct vring_used_elem - a chain the device has finished with
 * @id:		index of the chain's head descriptor
 * @len:	bytes the device wrote into the chain's writable buffers
 */
struct vring_used_elem {
	__virtio32 id;
	__virtio32 len;
};
_Static_assert(sizeof(struct vring_used_elem) == 8, "vring_used_elem");

/**
 * struct vring_used - the used ring, written by the device
 * @flags:	VRING_USED_F_...
 * @idx:	where the device puts the next entry (free-running)
 * @ring:	the used chains, then avail_event
 */
struct vring_used {
	__virtio16 flags;
	__virtio16 idx;
	struct vring_used_elem ring[];
};
_Static_assert(sizeof(struct vring_used) == 4, "vring_used header");

/**
 * struct vring - where the three parts of a queue are
 * @num:	number of entries
 * @size:	bytes allocated for the queue
 * @desc:	descriptor table
 * @avail:	available ring
 * @used:	used ring
 */
struct vring {
	unsigned int num;
	size_t size;
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
};

/**
 * struct vring_desc_shadow - the driver's own copy of a descriptor
 *
 * The device may scribble on the shared table; the driver trusts only
 * this copy when it walks or frees a chain.
 *
 * @addr:	CPU address of the buffer
 * @len:	length of the buffer
 * @flags:	VRING_DESC_F_...
 * @next:	next descriptor (chains and the free list)
 * @chain_head:	this descriptor heads a chain now in flight
 * @in_len:	(heads) bytes of the chain the device may write
 * @chain_len:	(heads) bytes of the whole chain
 */
struct vring_desc_shadow {
	void *addr;
	u32 len;
	u16 flags;
	u16 next;
	bool chain_head;
	u64 in_len;
	u64 chain_len;
};

/**
 * struct virtqueue - a queue of requests to a device
 *
 * @list:		link in the transport's list of queues
 * @vdev:		the virtio device the queue was made for (NULL if the
 *			transport has no device bound yet, e.g. in tests)
 * @udev:		the transport device
 * @index:		the queue's number on the device
 * @num_free:		descriptors on the free list
 * @vring:		the shared memory of the queue
 * @vring_desc_shadow:	the driver's copy of each descriptor
 * @event:		VIRTIO_RING_F_EVENT_IDX was negotiated
 * @free_head:		first descriptor of the free list
 * @num_added:		chains made available since the last kick
 * @last_used_idx:	next used entry to read
 * @avail_flags_shadow:	last value written to avail->flags
 * @avail_idx_shadow:	last value written to avail->idx
 * @little_endian:	the device's byte order
 * @broken:		the device broke the protocol (a bad used entry): no
 *			more requests until the device is restarted
 * @in_flight:		chains made available and not yet used
 * @priv:		for the transport (e.g. its notify address)
 * @poll:		for transports whose device runs in the same thread
 *			(the sandbox): called while virtqueue_wait_buf() waits
 */
struct virtqueue {
	struct list_head list;
	struct udevice *vdev;
	struct udevice *udev;
	unsigned int index;
	unsigned int num_free;
	struct vring vring;
	struct vring_desc_shadow *vring_desc_shadow;
	bool event;
	unsigned int free_head;
	unsigned int num_added;
	u16 last_used_idx;
	u16 avail_flags_shadow;
	u16 avail_idx_shadow;
	bool little_endian;
	bool broken;
	unsigned int in_flight;
	void *priv;
	void (*poll)(struct virtqueue *vq);
};

/* Alignment of the parts of a queue (the legacy layout adds its own) */
#define VRING_AVAIL_ALIGN_SIZE		2
#define VRING_USED_ALIGN_SIZE		4
#define VRING_DESC_ALIGN_SIZE		16

/* The event fields sit after the rings, for backward compatibility */
#define vring_used_event(vr)	((vr)->avail->ring[(vr)->num])
#define vring_avail_event(vr)	(*(__virtio16 *)&(vr)->used->ring[(vr)->num])

/**
 * vring_size() - bytes needed for a queue
 * @num:	number of entries
 * @align:	alignment of the used ring (4096 for the legacy layout,
 *		VRING_USED_ALIGN_SIZE is enough for a modern device)
 */
static inline unsigned int vring_size(unsigned int num, unsigned long align)
{
	return ALIGN(sizeof(struct vring_desc) * num +
		     sizeof(__virtio16) * (3 + num), align) +
	       sizeof(__virtio16) * 3 + sizeof(struct vring_used_elem) * num;
}

/**
 * vring_init() - lay a queue out in memory
 * @vr:		returns the layout
 * @num:	number of entries
 * @p:		the memory, vring_size() bytes, 16-byte aligned
 * @align:	alignment of the used ring
 */
static inline void vring_init(struct vring *vr, unsigned int num, void *p,
			      unsigned long align)
{
	vr->num = num;
	vr->size = vring_size(num, align);
	vr->desc = p;
	vr->avail = (struct vring_avail *)((u8 *)p +
					   num * sizeof(struct vring_desc));
	vr->used = (struct vring_used *)ALIGN((uintptr_t)&vr->avail->ring[num] +
					      sizeof(__virtio16), align);
}

/**
 * vring_need_event() - with EVENT_IDX: whether moving an index from @old
 * to @new_idx passes the other side's @event_idx
 * @event_idx:	the used or avail event index the other side wrote
 * @new_idx:	the index after the update
 * @old:	the index before the update
 */
static inline int vring_need_event(u16 event_idx, u16 new_idx, u16 old)
{
	return (u16)(new_idx - event_idx - 1) < (u16)(new_idx - old);
}

/*
 * Barriers between the driver and a device that reads and writes the
 * rings concurrently (another CPU or a hypervisor thread). The compiler's
 * fences emit what each architecture needs: dmb ish / ishld / ishst on
 * arm64, bcr 14,0 (or nothing for the weaker ones: s390 is ordered) on
 * s390x, mfence or nothing on the x86 sandbox host.
 */
/** virtio_mb() - full barrier: stores before it before loads after it */
static inline void virtio_mb(void)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

/** virtio_rmb() - reads of the used ring after reading used->idx */
static inline void virtio_rmb(void)
{
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
}

/** virtio_wmb() - descriptor and avail entry writes before avail->idx's */
static inline void virtio_wmb(void)
{
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

/**
 * virtio_store_mb() - store @v at @p, then a full barrier
 * @p: a ring field the device reads (used_event)
 * @v: the value, already in the device's order
 *
 * The driver's next read (of the used index) must not pass this store, or
 * the device and the driver may each wait for the other.
 */
static inline void virtio_store_mb(__virtio16 *p, __virtio16 v)
{
	WRITE_ONCE(*p, v);
	virtio_mb();
}

struct virtio_sg;

/**
 * virtqueue_add() - make a chain of buffers available to the device
 * @vq:		the queue
 * @sgs:	the buffers: @out_sgs the device reads, then @in_sgs it writes
 * @out_sgs:	number of device-readable buffers
 * @in_sgs:	number of device-writable buffers
 *
 * The device sees the chain after the next virtqueue_kick().
 * virtqueue_get_buf() later returns sgs[0]->addr for it, which identifies
 * the request when several are in flight.
 *
 * Return: 0 if OK, -ENOSPC if the queue has too few free descriptors,
 *	   -EINVAL for an empty chain or one longer than 4 GiB, -EIO if the
 *	   queue is broken
 */
int virtqueue_add(struct virtqueue *vq, struct virtio_sg *sgs[],
		  unsigned int out_sgs, unsigned int in_sgs);

/**
 * virtqueue_kick() - tell the device about the chains added since the
 * last kick (unless it asked not to be told)
 * @vq:		the queue
 */
void virtqueue_kick(struct virtqueue *vq);

/**
 * virtqueue_get_buf() - take the next chain the device has used
 * @vq:		the queue
 * @len:	returns the bytes the device wrote (may be NULL)
 *
 * A used entry that names no chain in flight, or claims more bytes than
 * the chain could take, marks the queue broken (see virtqueue_is_broken()).
 *
 * Return: sgs[0]->addr of the chain, or NULL if none is used yet or the
 *	   queue is broken
 */
void *virtqueue_get_buf(struct virtqueue *vq, unsigned int *len);

/**
 * virtqueue_wait_buf() - wait, bounded, for the next used chain
 * @vq:		the queue
 * @bufp:	returns sgs[0]->addr of the chain (may be NULL)
 * @len:	returns the bytes the device wrote (may be NULL)
 * @timeout_ms:	how long to wait
 *
 * Return: 0 if a chain was used, -ETIMEDOUT if none was in time, -EIO if
 *	   the device broke the protocol (the queue is then broken), -ENOENT
 *	   if nothing is in flight
 */
int virtqueue_wait_buf(struct virtqueue *vq, void **bufp, unsigned int *len,
		       unsigned long timeout_ms);
/* Lets a driver that also builds in U-Boot test for it with #ifdef */
#define virtqueue_wait_buf virtqueue_wait_buf

/**
 * virtqueue_is_broken() - whether the device broke the protocol on @vq
 * @vq:	the virtqueue
 */
static inline bool virtqueue_is_broken(struct virtqueue *vq)
{
	return vq->broken;
}

/**
 * virtqueue_get_num_free() - descriptors free for new chains
 * @vq:	the virtqueue
 */
static inline unsigned int virtqueue_get_num_free(struct virtqueue *vq)
{
	return vq->num_free;
}

/**
 * vring_create_virtqueue() - allocate and set up a virtqueue
 * @index:	the queue's number on the device
 * @num:	number of entries, a power of 2 up to VIRTQUEUE_MAX_SIZE
 * @vring_align: alignment of the used ring (4096 for legacy transports)
 * @udev:	the transport device
 *
 * Called by a transport's find_vqs(); the queue goes on the transport's
 * list of queues.
 *
 * Return: the queue, or NULL if @num is bad or memory is short
 */
struct virtqueue *vring_create_virtqueue(unsigned int index, unsigned int num,
					 unsigned int vring_align,
					 struct udevice *udev);

/**
 * vring_del_virtqueue() - free a queue made by vring_create_virtqueue()
 * @vq:		the queue (the device must no longer use it)
 */
void vring_del_virtqueue(struct virtqueue *vq);

/** virtqueue_get_vring_size() - number of entries of @vq */
unsigned int virtqueue_get_vring_size(struct virtqueue *vq);

/** virtqueue_get_desc_addr() - guest-physical address of the descriptors */
ulong virtqueue_get_desc_addr(struct virtqueue *vq);

/** virtqueue_get_avail_addr() - guest-physical address of the avail ring */
ulong virtqueue_get_avail_addr(struct virtqueue *vq);

/** virtqueue_get_used_addr() - guest-physical address of the used ring */
ulong virtqueue_get_used_addr(struct virtqueue *vq);

/**
 * virtqueue_poll() - whether the device has used entries past
 * @vq:	the virtqueue
 * @last_used_idx:	the used index the caller saw last
 * @last_used_idx
 */
bool virtqueue_poll(struct virtqueue *vq, u16 last_used_idx);

/** virtqueue_dump() - print the state of @vq (debugging) */
void virtqueue_dump(struct virtqueue *vq);

#endif /* _LINUX_VIRTIO_RING_H */
