// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the split virtqueue (drivers/virtio/virtio_ring.c) against
 * the sandbox transport's device side: chains as the device sees them,
 * free-list reuse across index wraparound, a full ring, requests completed
 * out of order, and a device that breaks the protocol (bad used ids and
 * lengths, a jumping used index, a request never completed).
 *
 * The "ringtest" model records every chain and answers by filling the
 * writable buffers with a pattern.
 */

#include <common.h>
#include <dm.h>
#include <virtio.h>
#include <virtio_ring.h>
#include <virtio_sandbox.h>
#include <dm/device-internal.h>
#include <test/ut.h>

#define RT_FILL		0x5a

static struct ringtest_seen {
	unsigned int nout, nin;
	u64 out_len, in_len;
	u8 first_out;
	unsigned int count;
} rt_seen;

static int rt_init(struct virtio_sandbox_dev *vd, const char *const specs[],
		   int count)
{
	char opt[32], *p, *next;

	if (count != 1 || strlen(specs[0]) >= sizeof(opt))
		return -EINVAL;
	strcpy(opt, specs[0]);
	for (p = opt; p && *p; p = next) {
		next = strchr(p, ',');
		if (next)
			*next++ = '\0';
		if (virtio_sandbox_transport_opt(vd, p))
			return -EINVAL;
	}

	return 0;
}

static int rt_request(struct virtio_sandbox_dev *vd, unsigned int queue,
		      struct virtio_sandbox_req *req)
{
	unsigned int i;

	rt_seen.nout = req->nout;
	rt_seen.nin = req->nin;
	rt_seen.out_len = req->out_len;
	rt_seen.in_len = req->in_len;
	rt_seen.first_out = req->nout && req->out[0].len ? req->out[0].addr[0] : 0;
	rt_seen.count++;
	for (i = 0; i < req->nin; i++)
		memset(req->in[i].addr, RT_FILL, req->in[i].len);

	return req->in_len;
}

VIRTIO_SANDBOX_MODEL(ringtest) = {
	.name		= "ringtest",
	.device_id	= 0,	/* no driver binds: the test drives the queue */
	.num_queues	= 1,
	.config_len	= 0,
	.init		= rt_init,
	.request	= rt_request,
};

/* Bind a ringtest device with @opts and bring its queue up by hand */
static int rt_setup(struct unit_test_state *uts, const char *opts,
		    struct udevice **udevp, struct virtqueue **vqp)
{
	struct virtio_dev_priv *uc_priv;
	struct dm_virtio_ops *ops;
	struct udevice *udev;
	u64 features;
	u8 status;

	memset(&rt_seen, 0, sizeof(rt_seen));
	ut_assertok(sandbox_virtio_add("ringtest", &opts, 1, "ringtest",
				       &udev));
	ut_assertok(device_probe(udev));
	ops = virtio_get_ops(udev);
	uc_priv = dev_get_uclass_priv(udev);

	ut_assertok(ops->reset(udev));
	ut_assertok(ops->set_status(udev, VIRTIO_CONFIG_S_ACKNOWLEDGE |
				    VIRTIO_CONFIG_S_DRIVER));
	ut_assertok(ops->get_features(udev, &features));
	uc_priv->legacy = !(features & BIT_ULL(VIRTIO_F_VERSION_1));
	uc_priv->features = features & BIT_ULL(VIRTIO_F_VERSION_1);
	ut_assertok(ops->set_features(udev));
	ut_assertok(ops->set_status(udev, VIRTIO_CONFIG_S_ACKNOWLEDGE |
				    VIRTIO_CONFIG_S_DRIVER |
				    VIRTIO_CONFIG_S_FEATURES_OK));
	ut_assertok(ops->get_status(udev, &status));
	ut_assert(status & VIRTIO_CONFIG_S_FEATURES_OK);
	ut_assertok(ops->find_vqs(udev, 1, vqp));
	ut_assertok(ops->set_status(udev, status | VIRTIO_CONFIG_S_DRIVER_OK));
	*udevp = udev;

	return 0;
}

static int rt_teardown(struct unit_test_state *uts, struct udevice *udev)
{
	ut_assertok(virtio_get_ops(udev)->del_vqs(udev));
	ut_assertok(device_remove(udev, DM_REMOVE_NORMAL));
	ut_assertok(device_unbind(udev));

	return 0;
}

/* A chain of two readable and two writable buffers, as the device sees it */
static int virtio_ring_chain(struct unit_test_state *uts)
{
	u8 hdr[16] = { 0xa1 }, data[100], status[3] = { 0 }, more[7];
	struct virtio_sg sg[4] = {
		{ hdr, sizeof(hdr) }, { data, sizeof(data) },
		{ status, sizeof(status) }, { more, sizeof(more) },
	};
	struct virtio_sg *sgs[] = { &sg[0], &sg[1], &sg[2], &sg[3] };
	struct udevice *udev;
	struct virtqueue *vq;
	unsigned int len;
	void *buf;

	ut_assertok(rt_setup(uts, "", &udev, &vq));
	ut_asserteq(VIRTIO_SANDBOX_QUEUE_SIZE, virtqueue_get_vring_size(vq));
	ut_asserteq(VIRTIO_SANDBOX_QUEUE_SIZE, virtqueue_get_num_free(vq));
	ut_assertnull(virtqueue_get_buf(vq, &len));

	ut_assertok(virtqueue_add(vq, sgs, 2, 2));
	ut_asserteq(VIRTIO_SANDBOX_QUEUE_SIZE - 4, virtqueue_get_num_free(vq));
	ut_asserteq(0, rt_seen.count);	/* nothing before the kick */
	virtqueue_kick(vq);
	ut_asserteq(1, rt_seen.count);
	ut_asserteq(2, rt_seen.nout);
	ut_asserteq(2, rt_seen.nin);
	ut_asserteq(116, rt_seen.out_len);
	ut_asserteq(10, rt_seen.in_len);
	ut_asserteq(0xa1, rt_seen.first_out);

	buf = virtqueue_get_buf(vq, &len);
	ut_assert((void *)(hdr) == (void *)(buf));
	ut_asserteq(10, len);
	ut_asserteq(RT_FILL, status[2]);
	ut_asserteq(RT_FILL, more[6]);
	ut_asserteq(VIRTIO_SANDBOX_QUEUE_SIZE, virtqueue_get_num_free(vq));
	ut_assertnull(virtqueue_get_buf(vq, &len));

	/* An empty chain is refused */
	ut_asserteq(-EINVAL, virtqueue_add(vq, sgs, 0, 0));

	return rt_teardown(uts, udev);
}
UNIT_TEST(virtio_ring_chain, 0, virtio);

/* Indexes wrap past 2^16 and descriptors are reused from the free list */
static int rt_wrap(struct unit_test_state *uts, const char *opts)
{
	u8 a[8], b[8], c[8];
	struct virtio_sg sg[3] = { { a, 8 }, { b, 8 }, { c, 8 } };
	struct virtio_sg *sgs[] = { &sg[0], &sg[1], &sg[2] };
	struct udevice *udev;
	struct virtqueue *vq;
	unsigned int i, len;

	ut_assertok(rt_setup(uts, opts, &udev, &vq));
	ut_asserteq(8, virtqueue_get_vring_size(vq));
	for (i = 0; i < 70000; i++) {
		a[0] = i;
		ut_assertok(virtqueue_add(vq, sgs, 1 + i % 2, 2 - i % 2));
		virtqueue_kick(vq);
		ut_asserteq((u8)i, rt_seen.first_out);
		ut_assert(virtqueue_get_buf(vq, &len) == (void *)a);
		ut_asserteq(8 * (2 - i % 2), len);
	}
	ut_asserteq(70000, rt_seen.count);
	ut_asserteq(8, virtqueue_get_num_free(vq));
	ut_asserteq((u16)70000, vq->last_used_idx);

	return rt_teardown(uts, udev);
}

static int virtio_ring_wrap(struct unit_test_state *uts)
{
	return rt_wrap(uts, "queue=8");
}
UNIT_TEST(virtio_ring_wrap, 0, virtio);

/* The same through the legacy layout (used ring on the next 4096 bytes) */
static int virtio_ring_legacy(struct unit_test_state *uts)
{
	return rt_wrap(uts, "queue=8,legacy");
}
UNIT_TEST(virtio_ring_legacy, 0, virtio);

/* A full ring refuses more; completions in any order free it again */
static int virtio_ring_full(struct unit_test_state *uts)
{
	u8 bufs[16][4];
	struct virtio_sg sg[16];
	struct virtio_sg *sgp;
	struct udevice *udev;
	struct virtqueue *vq;
	bool seen[16] = { false };
	unsigned int i, len;
	void *buf;

	ut_assertok(rt_setup(uts, "queue=16,defer", &udev, &vq));
	for (i = 0; i < 16; i++) {
		sg[i].addr = bufs[i];
		sg[i].length = 4;
		sgp = &sg[i];
		ut_assertok(virtqueue_add(vq, &sgp, 0, 1));
	}
	ut_asserteq(0, virtqueue_get_num_free(vq));
	sgp = &sg[0];
	ut_asserteq(-ENOSPC, virtqueue_add(vq, &sgp, 0, 1));
	virtqueue_kick(vq);
	ut_asserteq(0, rt_seen.count);	/* deferred: done while we wait */

	for (i = 0; i < 16; i++) {
		unsigned int n;

		ut_assertok(virtqueue_wait_buf(vq, &buf, &len, 100));
		ut_asserteq(4, len);
		n = ((u8 *)buf - bufs[0]) / 4;
		ut_assert(n < 16 && !seen[n]);
		seen[n] = true;
		/* The device completes newest first */
		ut_asserteq(15 - i, n);
	}
	ut_asserteq(16, virtqueue_get_num_free(vq));
	ut_asserteq(-ENOENT, virtqueue_wait_buf(vq, &buf, &len, 100));

	return rt_teardown(uts, udev);
}
UNIT_TEST(virtio_ring_full, 0, virtio);

/* Post a two-descriptor chain with @fault armed; expect @expect */
static int rt_fault(struct unit_test_state *uts, const char *fault,
		    int expect)
{
	u8 out[16], in[16];
	struct virtio_sg sg[2] = { { out, 16 }, { in, 16 } };
	struct virtio_sg *sgs[] = { &sg[0], &sg[1] };
	struct udevice *udev;
	struct virtqueue *vq;
	ulong start;
	void *buf;

	ut_assertok(rt_setup(uts, "queue=8", &udev, &vq));
	ut_assertok(sandbox_virtio_arm_fault(udev, fault));
	ut_assertok(virtqueue_add(vq, sgs, 1, 1));
	virtqueue_kick(vq);
	start = get_timer(0);
	ut_asserteq(expect, virtqueue_wait_buf(vq, &buf, NULL, 50));
	ut_assert(get_timer(start) < 1000);
	if (expect == -EIO) {
		/* A broken queue takes nothing more */
		ut_assert(virtqueue_is_broken(vq));
		ut_assertnull(virtqueue_get_buf(vq, NULL));
		ut_asserteq(-EIO, virtqueue_add(vq, sgs, 1, 1));
	}

	return rt_teardown(uts, udev);
}

static int virtio_ring_used_id_range(struct unit_test_state *uts)
{
	return rt_fault(uts, "used-id-range", -EIO);
}
UNIT_TEST(virtio_ring_used_id_range, 0, virtio);

static int virtio_ring_used_id_not_head(struct unit_test_state *uts)
{
	return rt_fault(uts, "used-id-not-head", -EIO);
}
UNIT_TEST(virtio_ring_used_id_not_head, 0, virtio);

static int virtio_ring_used_len(struct unit_test_state *uts)
{
	return rt_fault(uts, "used-len", -EIO);
}
UNIT_TEST(virtio_ring_used_len, 0, virtio);

static int virtio_ring_used_idx_jump(struct unit_test_state *uts)
{
	return rt_fault(uts, "used-idx-jump", -EIO);
}
UNIT_TEST(virtio_ring_used_idx_jump, 0, virtio);

static int virtio_ring_never_complete(struct unit_test_state *uts)
{
	return rt_fault(uts, "never-complete", -ETIMEDOUT);
}
UNIT_TEST(virtio_ring_never_complete, 0, virtio);

/* A fault armed with after=N lets N chances pass, count=N fires N times */
static int virtio_ring_fault_after(struct unit_test_state *uts)
{
	u8 out[4], in[4];
	struct virtio_sg sg[2] = { { out, 4 }, { in, 4 } };
	struct virtio_sg *sgs[] = { &sg[0], &sg[1] };
	struct udevice *udev;
	struct virtqueue *vq;
	void *buf;
	int i;

	ut_assertok(rt_setup(uts, "queue=8", &udev, &vq));
	ut_asserteq(-EINVAL, sandbox_virtio_arm_fault(udev, "no-such-fault"));
	ut_asserteq(-EINVAL, sandbox_virtio_arm_fault(udev,
						      "ioerr,after=x"));
	ut_assertok(sandbox_virtio_arm_fault(udev,
					     "never-complete,after=2,count=1"));
	for (i = 0; i < 2; i++) {
		ut_assertok(virtqueue_add(vq, sgs, 1, 1));
		virtqueue_kick(vq);
		ut_assertok(virtqueue_wait_buf(vq, &buf, NULL, 50));
	}
	ut_assertok(virtqueue_add(vq, sgs, 1, 1));
	virtqueue_kick(vq);
	ut_asserteq(-ETIMEDOUT, virtqueue_wait_buf(vq, &buf, NULL, 20));

	return rt_teardown(uts, udev);
}
UNIT_TEST(virtio_ring_fault_after, 0, virtio);
