// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The device side of the sandbox's emulated virtio devices: what a
 * hypervisor does with the split rings the driver set up. It takes heads
 * from the avail ring, walks their descriptor chains in memory, hands them
 * to the device model and puts them on the used ring. Armed faults bend
 * this at fixed points (virtio_sandbox_fault_fires()). The registers a
 * transport reads and writes (status, features, configuration space,
 * queue size) behave here too; the transport driver
 * (drivers/virtio/virtio_sandbox.c) only maps struct dm_virtio_ops onto
 * them.
 */

#include <common.h>
#include <malloc.h>
#include <virtio.h>
#include <virtio_ring.h>
#include <virtio_sandbox.h>

static const char *const fault_names[VSB_FAULT_COUNT] = {
	[VSB_FAULT_NEVER_COMPLETE]	= "never-complete",
	[VSB_FAULT_IOERR]		= "ioerr",
	[VSB_FAULT_UNSUPP]		= "unsupp",
	[VSB_FAULT_USED_ID_RANGE]	= "used-id-range",
	[VSB_FAULT_USED_ID_NOT_HEAD]	= "used-id-not-head",
	[VSB_FAULT_USED_LEN]		= "used-len",
	[VSB_FAULT_USED_IDX_JUMP]	= "used-idx-jump",
	[VSB_FAULT_FEATURES_REFUSED]	= "features-refused",
	[VSB_FAULT_RESET_STUCK]		= "reset-stuck",
	[VSB_FAULT_QUEUE_SIZE_0]	= "queue-size-0",
	[VSB_FAULT_QUEUE_SIZE_ODD]	= "queue-size-odd",
	[VSB_FAULT_CAPACITY_0]		= "capacity-0",
	[VSB_FAULT_GENERATION]		= "generation",
	[VSB_FAULT_SCSI_MEDIUM_ERROR]	= "medium-error",
	[VSB_FAULT_SCSI_BUSY]		= "scsi-busy",
	[VSB_FAULT_SCSI_BECOMING_READY]	= "becoming-ready",
	[VSB_FAULT_SCSI_NOT_READY]	= "not-ready",
	[VSB_FAULT_SCSI_HARDWARE_ERROR]	= "hardware-error",
	[VSB_FAULT_SCSI_ILLEGAL_REQUEST] = "illegal-request",
	[VSB_FAULT_SCSI_UNIT_ATTENTION]	= "unit-attention",
	[VSB_FAULT_SCSI_BAD_TARGET]	= "bad-target",
	[VSB_FAULT_SCSI_TRANSPORT_FAILURE] = "transport-failure",
};

bool vsb_little_endian(struct virtio_sandbox_dev *vd)
{
	return (vd->driver_features & BIT_ULL(VIRTIO_F_VERSION_1)) ||
	       virtio_legacy_is_little_endian();
}

/* Parse "N" (decimal or 0x hex) in full; -EINVAL if it is not a number */
static int vsb_parse_uint(const char *s, unsigned long *valp)
{
	char *end;

	if (!*s)
		return -EINVAL;
	*valp = simple_strtoul(s, &end, 0);

	return *end ? -EINVAL : 0;
}

int virtio_sandbox_transport_opt(struct virtio_sandbox_dev *vd,
				 const char *opt)
{
	unsigned long val;

	if (!strcmp(opt, "legacy")) {
		vd->legacy = true;
		return 0;
	}
	if (!strcmp(opt, "defer")) {
		vd->defer = true;
		return 0;
	}
	if (!strncmp(opt, "queue=", 6)) {
		/* A chain never outgrows the device's iov arrays */
		if (vsb_parse_uint(opt + 6, &val) || !val ||
		    val > VIRTIO_SANDBOX_MAX_IOV || (val & (val - 1)))
			return -EINVAL;
		vd->queue_size = val;
		return 0;
	}

	return -EINVAL;
}

/* A --fault spec's fault part, "KIND[,after=N][,count=N]", not armed */
static int vsb_parse_fault(struct virtio_sandbox_fault *fault,
			   const char *spec)
{
	char buf[64], *opt, *next;
	unsigned long val;
	int kind;

	if (strlen(spec) >= sizeof(buf))
		return -EINVAL;
	strcpy(buf, spec);
	next = strchr(buf, ',');
	if (next)
		*next++ = '\0';

	memset(fault, 0, sizeof(*fault));
	for (kind = 1; kind < VSB_FAULT_COUNT; kind++)
		if (!strcmp(buf, fault_names[kind]))
			break;
	if (kind == VSB_FAULT_COUNT)
		return -EINVAL;
	fault->kind = kind;

	while (next) {
		opt = next;
		next = strchr(opt, ',');
		if (next)
			*next++ = '\0';
		if (!strncmp(opt, "after=", 6) && !vsb_parse_uint(opt + 6, &val))
			fault->after = val;
		else if (!strncmp(opt, "count=", 6) &&
			 !vsb_parse_uint(opt + 6, &val))
			fault->count = val;
		else
			return -EINVAL;
	}

	return 0;
}

int virtio_sandbox_arm(struct virtio_sandbox_dev *vd, const char *spec)
{
	struct virtio_sandbox_fault fault;
	int ret;

	ret = vsb_parse_fault(&fault, spec);
	if (ret)
		return ret;
	if (vd->nfaults == ARRAY_SIZE(vd->faults))
		return -ENOSPC;
	vd->faults[vd->nfaults++] = fault;

	return 0;
}

bool virtio_sandbox_fault_armed(struct virtio_sandbox_dev *vd,
				enum virtio_sandbox_fault_kind kind)
{
	int i;

	for (i = 0; i < vd->nfaults; i++) {
		struct virtio_sandbox_fault *f = &vd->faults[i];

		if (f->kind == kind && (!f->count || f->fired < f->count))
			return true;
	}

	return false;
}

bool virtio_sandbox_fault_fires(struct virtio_sandbox_dev *vd,
				enum virtio_sandbox_fault_kind kind)
{
	int i;

	for (i = 0; i < vd->nfaults; i++) {
		struct virtio_sandbox_fault *f = &vd->faults[i];

		if (f->kind != kind || (f->count && f->fired >= f->count))
			continue;
		if (f->after) {
			f->after--;
			continue;
		}
		f->fired++;
		return true;
	}

	return false;
}

u64 vsb_req_read(struct virtio_sandbox_req *req, u64 offset, void *buf,
		 u64 len)
{
	struct emul_sg sg = { req->out, req->nout, 0, req->out_len };

	return emul_sg_read(&sg, offset, buf, len);
}

u64 vsb_req_write(struct virtio_sandbox_req *req, u64 offset,
		  const void *buf, u64 len)
{
	struct emul_sg sg = { req->in, req->nin, 0, req->in_len };

	return emul_sg_write(&sg, offset, buf, len);
}

/*
 * Walk the chain at @head into @req. Returns the second descriptor of the
 * chain in *@secondp (or -1), for the used-id-not-head fault.
 * Return: 0, or -EINVAL for a malformed chain (the device then needs a
 * reset, as a real one would)
 */
static int vsb_walk_chain(struct virtio_sandbox_dev *vd,
			  struct virtio_sandbox_queue *q, u16 head,
			  struct virtio_sandbox_req *req, int *secondp)
{
	unsigned int i = head, count = 0;

	req->nout = 0;
	req->nin = 0;
	req->out_len = 0;
	req->in_len = 0;
	*secondp = -1;
	for (;;) {
		struct vring_desc *d;
		u64 addr;
		u32 len;
		u16 flags;

		if (i >= q->num || ++count > q->num)
			return -EINVAL;
		if (count == 2)
			*secondp = i;
		d = &q->desc[i];
		addr = vsb_virtio64_to_cpu(vd, d->addr);
		len = vsb_virtio32_to_cpu(vd, d->len);
		flags = vsb_virtio16_to_cpu(vd, d->flags);
		if (flags & VRING_DESC_F_INDIRECT)
			return -EINVAL;
		if (len && !addr)
			return -EINVAL;
		if (flags & VRING_DESC_F_WRITE) {
			if (req->nin == VIRTIO_SANDBOX_MAX_IOV)
				return -EINVAL;
			req->in[req->nin].addr = (u8 *)(uintptr_t)addr;
			req->in[req->nin++].len = len;
			req->in_len += len;
		} else {
			/* Readable buffers come before writable ones */
			if (req->nin || req->nout == VIRTIO_SANDBOX_MAX_IOV)
				return -EINVAL;
			req->out[req->nout].addr = (u8 *)(uintptr_t)addr;
			req->out[req->nout++].len = len;
			req->out_len += len;
		}
		if (!(flags & VRING_DESC_F_NEXT))
			break;
		i = vsb_virtio16_to_cpu(vd, d->next);
	}
	if (count > vd->stats.max_chain)
		vd->stats.max_chain = count;

	return 0;
}

static void vsb_push_used(struct virtio_sandbox_dev *vd,
			  struct virtio_sandbox_queue *q, u16 head, u32 len,
			  u64 in_len, int second)
{
	struct vring_used_elem *elem;
	u32 id = head;

	if (virtio_sandbox_fault_fires(vd, VSB_FAULT_USED_ID_RANGE))
		id = q->num + 3;
	else if (second >= 0 &&
		 virtio_sandbox_fault_fires(vd, VSB_FAULT_USED_ID_NOT_HEAD))
		id = second;
	if (virtio_sandbox_fault_fires(vd, VSB_FAULT_USED_LEN))
		len = in_len + 512;

	elem = &q->used->ring[q->used_idx & (q->num - 1)];
	elem->id = vsb_cpu_to_virtio32(vd, id);
	elem->len = vsb_cpu_to_virtio32(vd, len);
	q->used_idx++;
	if (virtio_sandbox_fault_fires(vd, VSB_FAULT_USED_IDX_JUMP))
		q->used_idx += q->num;
	/* The element before the index that publishes it */
	virtio_wmb();
	WRITE_ONCE(q->used->idx, vsb_cpu_to_virtio16(vd, q->used_idx));
	vd->stats.requests++;
}

/* Carry out the chain at @head and complete it, unless the model holds it */
static void vsb_run_chain(struct virtio_sandbox_dev *vd, unsigned int qi,
			  u16 head)
{
	static struct emul_iov out[VIRTIO_SANDBOX_MAX_IOV];
	static struct emul_iov in[VIRTIO_SANDBOX_MAX_IOV];
	struct virtio_sandbox_queue *q = &vd->queues[qi];
	struct virtio_sandbox_req req = { .out = out, .in = in };
	int second, ret;

	if (vsb_walk_chain(vd, q, head, &req, &second)) {
		vd->status |= VIRTIO_CONFIG_S_NEEDS_RESET;
		return;
	}
	ret = vd->model->request(vd, qi, &req);
	if (ret == VSB_HOLD && q->nheld < q->num) {
		q->held[(q->held_first + q->nheld++) % q->num] = head;
		return;
	}
	if (ret < 0)
		return;
	vsb_push_used(vd, q, head, ret, req.in_len, second);
}

int virtio_sandbox_fill_held(struct virtio_sandbox_dev *vd, unsigned int qi,
			     const void *data, u32 len)
{
	static struct emul_iov out[VIRTIO_SANDBOX_MAX_IOV];
	static struct emul_iov in[VIRTIO_SANDBOX_MAX_IOV];
	struct virtio_sandbox_queue *q = &vd->queues[qi];
	struct virtio_sandbox_req req = { .out = out, .in = in };
	int second;
	u64 done;
	u16 head;

	if (!q->nheld || !(vd->status & VIRTIO_CONFIG_S_DRIVER_OK) ||
	    (vd->status & VIRTIO_CONFIG_S_NEEDS_RESET))
		return -ENOSPC;
	head = q->held[q->held_first];
	q->held_first = (q->held_first + 1) % q->num;
	q->nheld--;
	/* The driver may have rewritten the chain meanwhile: walk it again */
	if (vsb_walk_chain(vd, q, head, &req, &second)) {
		vd->status |= VIRTIO_CONFIG_S_NEEDS_RESET;
		return -ENOSPC;
	}
	done = vsb_req_write(&req, 0, data, len);
	vsb_push_used(vd, q, head, done, req.in_len, second);

	return done;
}

void sandbox_virtio_complete_pending(struct virtio_sandbox_dev *vd,
				     unsigned int queue)
{
	struct virtio_sandbox_queue *q = &vd->queues[queue];

	while (q->npending && !(vd->status & VIRTIO_CONFIG_S_NEEDS_RESET))
		vsb_run_chain(vd, queue, q->pending[--q->npending]);
}

void virtio_sandbox_process_queue(struct virtio_sandbox_dev *vd,
				  unsigned int qi)
{
	struct virtio_sandbox_queue *q = &vd->queues[qi];
	unsigned int in_flight;
	u16 avail_idx;

	vd->stats.notifies++;
	if (!q->num || !(vd->status & VIRTIO_CONFIG_S_DRIVER_OK) ||
	    (vd->status & VIRTIO_CONFIG_S_NEEDS_RESET))
		return;

	avail_idx = vsb_virtio16_to_cpu(vd, READ_ONCE(q->avail->idx));
	/* The ring entries after the index that published them */
	virtio_rmb();
	in_flight = (u16)(avail_idx - q->used_idx);
	if (in_flight > vd->stats.max_in_flight)
		vd->stats.max_in_flight = in_flight;

	while (q->last_avail != avail_idx) {
		u16 head = vsb_virtio16_to_cpu(vd,
				q->avail->ring[q->last_avail & (q->num - 1)]);

		q->last_avail++;
		if (virtio_sandbox_fault_fires(vd, VSB_FAULT_NEVER_COMPLETE))
			continue;
		if (vd->defer) {
			if (q->npending < q->num)
				q->pending[q->npending++] = head;
			continue;
		}
		vsb_run_chain(vd, qi, head);
		if (vd->status & VIRTIO_CONFIG_S_NEEDS_RESET)
			break;
	}
}

void virtio_sandbox_reset_queues(struct virtio_sandbox_dev *vd)
{
	int i;

	for (i = 0; i < VIRTIO_SANDBOX_MAX_QUEUES; i++) {
		struct virtio_sandbox_queue *q = &vd->queues[i];

		free(q->pending);
		free(q->held);
		memset(q, 0, sizeof(*q));
	}
}

int virtio_sandbox_setup_queue(struct virtio_sandbox_dev *vd, unsigned int qi,
			       unsigned int num, void *desc, void *avail,
			       void *used)
{
	struct virtio_sandbox_queue *q = &vd->queues[qi];

	free(q->pending);
	free(q->held);
	memset(q, 0, sizeof(*q));
	q->pending = calloc(num, sizeof(*q->pending));
	q->held = calloc(num, sizeof(*q->held));
	if (!q->pending || !q->held) {
		free(q->pending);
		free(q->held);
		q->pending = NULL;
		q->held = NULL;
		return -ENOMEM;
	}
	q->num = num;
	q->desc = desc;
	q->avail = avail;
	q->used = used;

	return 0;
}

static const struct virtio_sandbox_model *vsb_find_model(const char *name)
{
	struct virtio_sandbox_model *model;

	ll_foreach(struct virtio_sandbox_model, model, virtio_sandbox_model)
		if (!strcmp(model->name, name))
			return model;

	return NULL;
}

static void vsb_fill_config(struct virtio_sandbox_dev *vd)
{
	memset(vd->config, 0, sizeof(vd->config));
	if (vd->model->fill_config)
		vd->model->fill_config(vd, vd->config);
}

int virtio_sandbox_create(const char *model_name, const char *const specs[],
			  int count, const char *name,
			  struct virtio_sandbox_dev **vdp)
{
	const struct virtio_sandbox_model *model = vsb_find_model(model_name);
	struct virtio_sandbox_dev *vd;
	int ret;

	if (!model)
		return -ENOENT;
	vd = calloc(1, sizeof(*vd));
	if (!vd)
		return -ENOMEM;
	vd->model = model;
	vd->queue_size = VIRTIO_SANDBOX_QUEUE_SIZE;
	snprintf(vd->name, sizeof(vd->name), "%s", name);
	ret = model->init(vd, specs, count);
	if (ret) {
		free(vd);
		return ret;
	}
	if (!vd->legacy)
		vd->device_features |= BIT_ULL(VIRTIO_F_VERSION_1);
	vsb_fill_config(vd);
	*vdp = vd;

	return 0;
}

void virtio_sandbox_destroy(struct virtio_sandbox_dev *vd)
{
	virtio_sandbox_reset_queues(vd);
	if (vd->model->remove)
		vd->model->remove(vd);
	free(vd);
}

int virtio_sandbox_config(struct virtio_sandbox_dev *vd, unsigned int offset,
			  void *buf, unsigned int len, bool write)
{
	if (offset > vd->model->config_len ||
	    len > vd->model->config_len - offset)
		return -EINVAL;
	if (write)
		memcpy(vd->config + offset, buf, len);
	else
		memcpy(buf, vd->config + offset, len);

	return 0;
}

int virtio_sandbox_generation(struct virtio_sandbox_dev *vd, u32 *counter)
{
	/* Legacy devices have no generation counter */
	if (vd->legacy)
		return -ENOSYS;
	if (virtio_sandbox_fault_fires(vd, VSB_FAULT_GENERATION))
		vd->generation++;
	*counter = vd->generation;

	return 0;
}

void virtio_sandbox_set_status(struct virtio_sandbox_dev *vd, u8 status)
{
	u8 added = status & ~vd->status;

	if ((added & VIRTIO_CONFIG_S_FEATURES_OK) && !vd->legacy) {
		/* A device refuses features it did not offer */
		if ((vd->driver_features & ~vd->device_features) ||
		    virtio_sandbox_fault_fires(vd, VSB_FAULT_FEATURES_REFUSED))
			status &= ~VIRTIO_CONFIG_S_FEATURES_OK;
	}
	vd->status = status;
}

void virtio_sandbox_reset(struct virtio_sandbox_dev *vd)
{
	vd->stats.resets++;
	virtio_sandbox_reset_queues(vd);
	vd->driver_features = 0;
	if (vd->model->reset)
		vd->model->reset(vd);
	vsb_fill_config(vd);
	/* A stuck device keeps a non-zero status */
	if (virtio_sandbox_fault_fires(vd, VSB_FAULT_RESET_STUCK))
		vd->status |= VIRTIO_CONFIG_S_NEEDS_RESET;
	else
		vd->status = 0;
}

void virtio_sandbox_set_features(struct virtio_sandbox_dev *vd, u64 features)
{
	vd->driver_features = features;
	/* A legacy transport has room for 32 feature bits only */
	if (vd->legacy)
		vd->driver_features &= 0xffffffffULL;
	/* The byte order follows VERSION_1 */
	vsb_fill_config(vd);
}

unsigned int virtio_sandbox_queue_size(struct virtio_sandbox_dev *vd)
{
	if (virtio_sandbox_fault_armed(vd, VSB_FAULT_QUEUE_SIZE_0))
		return 0;
	if (virtio_sandbox_fault_armed(vd, VSB_FAULT_QUEUE_SIZE_ODD))
		return 100;

	return vd->queue_size;
}
