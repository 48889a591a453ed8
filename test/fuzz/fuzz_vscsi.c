// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the virtio-scsi host driver
 * (drivers/virtio/virtio_scsi.c) with the virtio core, the split ring and
 * the driver model, on a virtio transport whose device is played by the
 * input: configuration space, features, resets, and every answer to a
 * request (the response header: response code, status, sense_len, resid;
 * the data; the used length), in any order or never.
 *
 * Input:
 *   byte 0: the transport: bit 0 VERSION_1 offered (else legacy), bit 1 the
 *	device takes the cdb_size and sense_size the driver writes, bit 2
 *	only two queues (no request queue), bits 3-6 queue size (0-8: 1 << n,
 *	9: 0, 10: 100, else 16), bit 7 every other feature bit offered
 *	(else the device-type ones, INDIRECT_DESC, EVENT_IDX, IOMMU_PLATFORM)
 *   byte 1: bits 0-3: the n-th reset leaves the device stuck (status not
 *	0), bits 4-7: the n-th FEATURES_OK is refused (0: never)
 *   bytes 2-37: struct virtio_scsi_config (little-endian)
 *   then operations, one byte each (at most 64):
 *	op % 4 == 0: scsi_exec() of one command
 *	op % 4 == 1: scsi_exec_multi() of 1 + (op >> 2) % 40 commands (more
 *		than the driver's 32 slots)
 *	op % 4 == 2: scsi_bus_reset()
 *	op % 4 == 3: remove the host and probe it again
 *     a command: c0 (bits 0-1 dma_dir, bit 2 no data buffer, bits 3-4
 *	cmdlen 6, 10, 16 or the next byte, bits 5-7 datalen: 0, a byte,
 *	512, 16 * a byte, 4096, two bytes (at most 8192), 18, 8 MiB + 1
 *	without a buffer), opcode, target, LUN (two bytes), then the bytes
 *	cmdlen or datalen asked for (a cmdlen of 1 becomes 2: CDB byte 1 is
 *	the command's number in the batch, how the device tells them
 *	apart). Data buffers are allocated to datalen exactly, the commands
 *	of a batch are one array: ASan sees an overrun.
 *   While the driver waits (the ring's poll hook) the device takes the new
 *   chains of the available ring and acts on one byte a (a & 7):
 *	0, 7: nothing this time (the fuzz timer runs 100 ms a reading: a wait
 *	   of CONFIG_VIRTIO_SCSI_TIMEOUT_MS times out after a few)
 *	1: stop answering until the next reset (a request never completes)
 *	2, 3: complete chain (a >> 3) % pending well: OK, GOOD, all the data
 *	4, 5: complete it with the next bytes r0-r4: response code r0 (any),
 *	   status r1, r2 & 0x7f sense bytes (sense_len: that, or 4 more bytes
 *	   if r2 & 0x80), resid r3 & 3 (honest, 0, 4 bytes, datalen + a byte),
 *	   data written (r3 >> 2) & 3 (all, none, a share from a byte, all),
 *	   used length r4 & 7 (honest, 0, short, the whole chain, past the
 *	   chain, 4 bytes, the writable part, the response alone)
 *	6: a used entry with an id (2 bytes) and a length (a byte, 0xff:
 *	   4 more) of the input's: a chain not in flight, out of range, ...
 *   When the input runs out the device stops answering.
 *
 * What must hold: the requests on the rings are the commands as given
 * (LUN field, CDB padded with zeros, data buffer and direction, lengths
 * as negotiated), only commands the driver accepts reach the device, none
 * twice at once; after each call every command reports what its last
 * completion said (result, status, trans_bytes <= datalen, sense copied
 * and cut to sense_buf), a non-OK response or a lost request never
 * reports success, nor a transfer or sense; no field the caller set
 * changes, nor a byte of a data buffer but where the device wrote; no
 * request is left with the device unless it was reset; the negotiated
 * features are ones the driver can use; the driver writes no read-only
 * config field; no hang, no leak. The SCSI uclass's scan at probe is the
 * scsi target's: here it does nothing. FUZZ_VERBOSE=1 prints each
 * command's result and which invariant broke.
 */

#include <common.h>
#include <dm.h>
#include <malloc.h>
#include <scsi.h>
#include <virtio_types.h>
#include <virtio.h>
#include <virtio_ring.h>
#include <virtio_scsi.h>
#include <dm/device-internal.h>
#include <dm/root.h>
#include "fuzz_support.h"

#define MAX_OPS		64
#define MAX_CMDS	40
#define MAX_POLLS	200000
#define NQUEUES		3
#define MAX_QSIZE	256
#define REQ_HDR		offsetof(struct virtio_scsi_cmd_req, cdb)
#define RESP_HDR	offsetof(struct virtio_scsi_cmd_resp, sense)
#define MAX_XFER	(8U << 20)

#define F_VERSION_1	0x01
#define F_WRITABLE	0x02
#define F_TWO_QUEUES	0x04
#define F_ALL_FEATURES	0x80

#define CFG_OFF(f)	offsetof(struct virtio_scsi_config, f)

/* An invariant broke: say which (FUZZ_VERBOSE) and stop */
static void __noreturn fail(int line)
{
	if (fuzz_verbose())
		printf("fuzz_vscsi.c:%d: invariant broken\n", line);
	__builtin_trap();
}

struct input {
	const u8 *p;
	size_t left;
};

static struct input in;

static u8 next(void)
{
	if (!in.left)
		return 0;
	in.left--;
	return *in.p++;
}

static u32 next32(void)
{
	u32 v = next();

	v |= next() << 8;
	v |= next() << 16;
	return v | (u32)next() << 24;
}

/* Where a command stands, as the device saw it */
enum state { NOT_SENT, IN_FLIGHT, DONE, LOST };

/**
 * struct fz_cmd - a command of the current call and what it must report
 * @cmd:	the command (in the batch's array)
 * @orig:	as the caller set it up
 * @data:	its data buffer (datalen bytes) or NULL
 * @valid:	the driver must send it (else refuse it)
 * @state:	see enum state
 * @expect:	DONE: the result its last completion means
 * @exact:	DONE: @status, @trans, @senselen and @sense are known
 * @status, @trans, @senselen, @sense: what the command must report
 * @written:	data-in bytes the device wrote (the rest keeps the pattern)
 */
struct fz_cmd {
	struct scsi_cmd *cmd;
	struct scsi_cmd orig;
	u8 *data;
	bool valid;
	enum state state;
	int expect;
	bool exact;
	u8 status;
	ulong trans;
	ulong senselen;
	u8 sense[64];
	size_t written;
};

static struct fz_cmd cmds[MAX_CMDS];
static unsigned int ncmds;

/* A chain the device took from the available ring */
struct chain {
	u16 head;
	u32 len;		/* every buffer */
	u32 in_len;		/* the device-writable ones */
	int cmd;		/* request queue: index in cmds[] */
	u8 *resp;		/* first writable buffer */
	u32 resp_len;
	u8 *din;
	u32 din_len;
};

struct fz_queue {
	struct virtqueue *vq;	/* NULL: not set up (or the device reset) */
	u16 last_avail;
	u16 used_idx;
	struct chain pend[MAX_QSIZE];
	unsigned int npend;
};

/* The device */
static struct {
	u8 flags;
	u8 fail;
	u8 config0[sizeof(struct virtio_scsi_config)];
	u8 config[sizeof(struct virtio_scsi_config)];
	u8 status;
	u64 offered;
	unsigned int qsize, nqueues;
	unsigned int resets, features_oks, polls;
	bool hang;
	/* bus reset: TMFs seen, answered well, failed or lost */
	unsigned int tmf_sent, tmf_good;
	bool tmf_bad;
	struct fz_queue q[NQUEUES];	/* last: not cleared (big) */
} dev;

static u32 cfg32(unsigned int off)
{
	u32 v;

	memcpy(&v, dev.config + off, sizeof(v));
	return le32_to_cpu(v);
}

static u16 cfg16(unsigned int off)
{
	u16 v;

	memcpy(&v, dev.config + off, sizeof(v));
	return le16_to_cpu(v);
}

/*
 * Byte patterns, compared with memcmp(): loops in the harness would cost
 * the fuzzer features and time on every input. Where a buffer went is
 * checked by its address, so one fill byte for every caller's buffer
 * does; sense data changes from byte to byte, so a copy from the wrong
 * offset shows.
 */
#define FILL		0xa5	/* the caller's data buffers */
#define DIN		0x5a	/* what the device writes into them */
#define MAX_DATA	8192

static u8 fill_pat[MAX_DATA];
static u8 sense_pat[128 + VIRTIO_SCSI_SENSE_SIZE];

static void init_patterns(void)
{
	unsigned int i;

	memset(fill_pat, FILL, sizeof(fill_pat));
	for (i = 0; i < sizeof(sense_pat); i++)
		sense_pat[i] = 0x70 + i * 13;
}

static void dev_lose_all(void)
{
	unsigned int i, j;

	for (i = 0; i < NQUEUES; i++) {
		struct fz_queue *q = &dev.q[i];

		for (j = 0; j < q->npend; j++) {
			if (q->pend[j].cmd >= 0)
				cmds[q->pend[j].cmd].state = LOST;
			else
				dev.tmf_bad = true;
		}
		q->npend = 0;
		q->vq = NULL;
	}
}

static struct fz_queue *find_queue(struct virtqueue *vq)
{
	unsigned int i;

	for (i = 0; i < NQUEUES; i++)
		if (vq && dev.q[i].vq == vq)
			return &dev.q[i];
	return NULL;
}

static u16 d16(struct virtqueue *vq, __virtio16 v)
{
	return __virtio16_to_cpu(vq->little_endian, v);
}

/* A request: the command it names, checked against what the caller gave */
static void check_request(struct chain *c, u8 *seg[], u32 len[], bool w[],
			  unsigned int n)
{
	struct virtio_scsi_cmd_req *req = (void *)seg[0];
	u32 cdb_size = cfg32(CFG_OFF(cdb_size));
	u32 sense_size = cfg32(CFG_OFF(sense_size));
	struct scsi_cmd *cmd;
	struct fz_cmd *f;
	bool has_data, out;
	unsigned int i, k;
	u8 lun[8];

	if (w[0] || len[0] != REQ_HDR + cdb_size)
		fail(__LINE__);
	k = req->cdb[1];
	if (k >= ncmds)
		fail(__LINE__);
	f = &cmds[k];
	cmd = f->cmd;
	/* Only what the driver accepts, and once at a time */
	if (!f->valid || f->state == IN_FLIGHT)
		fail(__LINE__);
	virtio_scsi_encode_lun(lun, cmd->target, cmd->lun);
	if (memcmp(lun, req->lun, 8) || req->task_attr != VIRTIO_SCSI_S_SIMPLE)
		fail(__LINE__);
	for (i = 0; i < cdb_size; i++)
		if (req->cdb[i] != (i < cmd->cmdlen ? cmd->cmd[i] : 0))
			fail(__LINE__);

	has_data = cmd->datalen && cmd->pdata && cmd->dma_dir != DMA_NONE;
	out = has_data && cmd->dma_dir == DMA_TO_DEVICE;
	if (n != 2 + has_data)
		fail(__LINE__);
	i = 1;
	if (out) {
		if (w[1] || seg[1] != cmd->pdata || len[1] != cmd->datalen)
			fail(__LINE__);
		/* The device reads it all: as the caller wrote it */
		if (memcmp(seg[1], fill_pat, len[1]))
			fail(__LINE__);
		i = 2;
	}
	if (!w[i] || len[i] != RESP_HDR + sense_size)
		fail(__LINE__);
	c->resp = seg[i];
	c->resp_len = len[i];
	if (has_data && !out) {
		if (!w[2] || seg[2] != cmd->pdata || len[2] != cmd->datalen)
			fail(__LINE__);
		c->din = seg[2];
		c->din_len = len[2];
	}
	c->cmd = req->cdb[1];
	f->state = IN_FLIGHT;
}

/* A task management request: I_T NEXUS RESET of the next target */
static void check_tmf(struct chain *c, u8 *seg[], u32 len[], bool w[],
		      unsigned int n, bool le)
{
	struct virtio_scsi_ctrl_tmf_req *req = (void *)seg[0];
	u8 lun[8];

	if (n != 2 || w[0] || !w[1] ||
	    len[0] != sizeof(struct virtio_scsi_ctrl_tmf_req) || len[1] < 1)
		fail(__LINE__);
	virtio_scsi_encode_lun(lun, dev.tmf_sent, 0);
	if (__virtio32_to_cpu(le, req->type) != VIRTIO_SCSI_T_TMF ||
	    __virtio32_to_cpu(le, req->subtype) !=
	    VIRTIO_SCSI_T_TMF_I_T_NEXUS_RESET || memcmp(lun, req->lun, 8))
		fail(__LINE__);
	dev.tmf_sent++;
	c->cmd = -1;
	c->resp = seg[1];
	c->resp_len = len[1];
}

/* Take the new chains of the available ring, as a device does */
static void fetch(struct fz_queue *q, unsigned int qi)
{
	struct virtqueue *vq = q->vq;
	unsigned int num = vq->vring.num;
	u16 avail = d16(vq, vq->vring.avail->idx);

	if ((u16)(avail - q->last_avail) > num)
		fail(__LINE__);
	while (q->last_avail != avail) {
		struct chain c = { .cmd = -1 };
		u8 *seg[4];
		u32 len[4];
		bool w[4];
		unsigned int n = 0, i, j;

		i = d16(vq, vq->vring.avail->ring[q->last_avail & (num - 1)]);
		q->last_avail++;
		if (i >= num)
			fail(__LINE__);
		for (j = 0; j < q->npend; j++)
			if (q->pend[j].head == i)
				fail(__LINE__);
		c.head = i;
		for (;;) {
			struct vring_desc *d = &vq->vring.desc[i];
			u16 flags = d16(vq, d->flags);

			if (n == 4 || (flags & VRING_DESC_F_INDIRECT))
				fail(__LINE__);
			seg[n] = (u8 *)(uintptr_t)__virtio64_to_cpu(
						vq->little_endian, d->addr);
			len[n] = __virtio32_to_cpu(vq->little_endian, d->len);
			w[n] = flags & VRING_DESC_F_WRITE;
			/* Device-readable buffers come first */
			if (n && w[n - 1] && !w[n])
				fail(__LINE__);
			c.len += len[n];
			if (w[n])
				c.in_len += len[n];
			n++;
			if (!(flags & VRING_DESC_F_NEXT))
				break;
			i = d16(vq, d->next);
			if (i >= num)
				fail(__LINE__);
		}
		if (qi == VIRTIO_SCSI_VQ_REQUEST)
			check_request(&c, seg, len, w, n);
		else if (qi == VIRTIO_SCSI_VQ_CONTROL)
			check_tmf(&c, seg, len, w, n, vq->little_endian);
		else
			fail(__LINE__);	/* the event queue stays empty */
		if (q->npend == MAX_QSIZE)
			fail(__LINE__);
		q->pend[q->npend++] = c;
	}
}

static void put_used(struct fz_queue *q, u32 id, u32 len)
{
	struct virtqueue *vq = q->vq;
	struct vring_used_elem *e;

	e = &vq->vring.used->ring[q->used_idx & (vq->vring.num - 1)];
	e->id = __cpu_to_virtio32(vq->little_endian, id);
	e->len = __cpu_to_virtio32(vq->little_endian, len);
	q->used_idx++;
	vq->vring.used->idx = __cpu_to_virtio16(vq->little_endian,
						 q->used_idx);
}

/* The error the driver must make of a response code (<scsi.h>'s contract) */
static int response_err(u8 response)
{
	switch (response) {
	case VIRTIO_SCSI_S_OK:
		return 0;
	case VIRTIO_SCSI_S_BAD_TARGET:
	case VIRTIO_SCSI_S_INCORRECT_LUN:
		return -ENODEV;
	case VIRTIO_SCSI_S_BUSY:
	case VIRTIO_SCSI_S_RESET:
		return -EBUSY;
	default:
		return -EIO;
	}
}

static void remove_pend(struct fz_queue *q, unsigned int j)
{
	q->pend[j] = q->pend[--q->npend];
}

/*
 * What the driver reads of a completed request: the response in memory
 * (@c->resp) and @len, the used length (no more than the chain's)
 */
static void model_request(struct chain *c, u32 len)
{
	struct virtio_scsi_cmd_resp *resp = (void *)c->resp;
	struct fz_cmd *f = &cmds[c->cmd];
	struct scsi_cmd *cmd = f->cmd;
	u32 sense_size = cfg32(CFG_OFF(sense_size));
	u32 resid, sl;
	bool has_data;

	f->state = DONE;
	f->exact = false;
	len = min(len, c->in_len);
	if (len < RESP_HDR) {
		f->expect = -EIO;
		return;
	}
	f->expect = response_err(resp->response);
	if (f->expect)
		return;
	f->exact = true;
	f->status = resp->status;
	switch (resp->status) {
	case S_GOOD:
	case S_COND_MET:
		f->expect = 0;
		break;
	case S_BUSY:
	case S_QUEUE_FULL:
		f->expect = -EBUSY;
		break;
	default:
		f->expect = -EIO;
		break;
	}
	has_data = cmd->datalen && cmd->pdata && cmd->dma_dir != DMA_NONE;
	resid = le32_to_cpu(resp->resid);
	f->trans = has_data && resid < cmd->datalen ? cmd->datalen - resid : 0;
	sl = le32_to_cpu(resp->sense_len);
	sl = min(sl, sense_size);
	sl = min_t(u32, sl, sizeof(f->sense));
	f->senselen = sl;
	memset(f->sense, 0, sizeof(f->sense));
	memcpy(f->sense, resp->sense, sl);
}

static void model_tmf(struct chain *c, u32 len)
{
	u8 r = c->resp[0];

	if (min(len, c->in_len) >= 1 &&
	    (r == VIRTIO_SCSI_S_OK || r == VIRTIO_SCSI_S_FUNCTION_SUCCEEDED ||
	     r == VIRTIO_SCSI_S_BAD_TARGET || r == VIRTIO_SCSI_S_INCORRECT_LUN))
		dev.tmf_good++;
	else
		dev.tmf_bad = true;
}

/* Complete pending chain @j with used length @len */
static void complete(struct fz_queue *q, unsigned int j, u32 len)
{
	struct chain c = q->pend[j];

	put_used(q, c.head, len);
	if (len > c.len) {
		/* The ring breaks: the driver resets the device */
		return;
	}
	remove_pend(q, j);
	if (c.cmd >= 0)
		model_request(&c, len);
	else
		model_tmf(&c, len);
}

static void write_data(struct chain *c, size_t n)
{
	struct fz_cmd *f = &cmds[c->cmd];

	memset(c->din, DIN, n);
	f->written = max(f->written, n);
}

static void answer_good(struct fz_queue *q, unsigned int j)
{
	struct chain *c = &q->pend[j];
	struct virtio_scsi_cmd_resp *resp = (void *)c->resp;

	if (c->cmd < 0) {
		c->resp[0] = VIRTIO_SCSI_S_OK;
		complete(q, j, 1);
		return;
	}
	memset(resp, 0, RESP_HDR);
	resp->status = S_GOOD;
	resp->response = VIRTIO_SCSI_S_OK;
	write_data(c, c->din_len);
	complete(q, j, c->in_len);
}

static void answer_fields(struct fz_queue *q, unsigned int j, bool le)
{
	struct chain *c = &q->pend[j];
	struct virtio_scsi_cmd_resp *resp = (void *)c->resp;
	u8 r0 = next(), r1 = next(), r2 = next(), r3 = next(), r4 = next();
	u32 nsense, sense_len, resid, data, len;
	ulong datalen;

	if (c->cmd < 0) {
		c->resp[0] = r0;
		data = 0;
	} else {
		datalen = cmds[c->cmd].cmd->datalen;
		nsense = min_t(u32, r2 & 0x7f, c->resp_len - RESP_HDR);
		sense_len = r2 & 0x80 ? next32() : nsense;
		switch ((r3 >> 2) & 3) {
		case 1:
			data = 0;
			break;
		case 2:
			data = (u64)c->din_len * next() / 255;
			break;
		default:
			data = c->din_len;
			break;
		}
		switch (r3 & 3) {
		case 0:
			resid = c->din ? c->din_len - data : 0;
			break;
		case 1:
			resid = 0;
			break;
		case 2:
			resid = next32();
			break;
		default:
			resid = datalen + 1 + next();
			break;
		}
		resp->sense_len = __cpu_to_virtio32(le, sense_len);
		resp->resid = __cpu_to_virtio32(le, resid);
		resp->status_qualifier = 0;
		resp->status = r1;
		resp->response = r0;
		memcpy(resp->sense, sense_pat + (r2 & 0x7f), nsense);
		if (c->din)
			write_data(c, data);
	}
	switch (r4 & 7) {
	case 0:
		len = c->resp_len + data;
		break;
	case 1:
		len = 0;
		break;
	case 2:
		len = (r4 >> 3) % RESP_HDR;
		break;
	case 3:
		len = c->len;
		break;
	case 4:
		len = c->len + 1 + (r4 >> 3);
		break;
	case 5:
		len = next32();
		break;
	case 6:
		len = c->in_len;
		break;
	default:
		len = c->resp_len;
		break;
	}
	complete(q, j, len);
}

/* A used entry of the input's choosing */
static void answer_forged(struct fz_queue *q)
{
	u32 id = next(), len;
	unsigned int j;

	id |= next() << 8;
	len = next();
	if (len == 0xff)
		len = next32();
	for (j = 0; j < q->npend; j++)
		if (q->pend[j].head == id)
			break;
	if (j < q->npend) {
		/* A chain in flight, its response as the driver left it */
		complete(q, j, len);
		return;
	}
	/* Not a chain in flight: the ring breaks, the device is reset */
	put_used(q, id, len);
}

/* The driver waits on @vq: the device's turn */
static void fz_poll(struct virtqueue *vq)
{
	struct fz_queue *q = find_queue(vq);
	unsigned int j;
	u8 a;

	if (++dev.polls > MAX_POLLS)
		fail(__LINE__);	/* the driver does not give up */
	if (!q)
		return;
	fetch(q, q - dev.q);
	if (dev.hang || !in.left)
		return;
	a = next();
	if ((a & 7) == 1) {
		dev.hang = true;
		return;
	}
	if ((a & 7) == 6) {
		answer_forged(q);
		return;
	}
	if (!q->npend || !(a & 6))
		return;
	j = (a >> 3) % q->npend;
	if ((a & 7) == 2 || (a & 7) == 3)
		answer_good(q, j);
	else if ((a & 7) == 4 || (a & 7) == 5)
		answer_fields(q, j, vq->little_endian);
}

/* The transport */
static int fz_get_config(struct udevice *udev, unsigned int offset,
			 void *buf, unsigned int len)
{
	if (offset > sizeof(dev.config) || len > sizeof(dev.config) - offset)
		return -EINVAL;
	memcpy(buf, dev.config + offset, len);
	return 0;
}

static int fz_set_config(struct udevice *udev, unsigned int offset,
			 const void *buf, unsigned int len)
{
	/* Only cdb_size and sense_size are the driver's to write */
	if ((offset != CFG_OFF(cdb_size) && offset != CFG_OFF(sense_size)) ||
	    len != 4)
		fail(__LINE__);
	if (dev.flags & F_WRITABLE)
		memcpy(dev.config + offset, buf, len);
	return 0;
}

static int fz_get_status(struct udevice *udev, u8 *status)
{
	*status = dev.status;
	return 0;
}

static int fz_set_status(struct udevice *udev, u8 status)
{
	u8 added = status & ~dev.status;

	if (added & VIRTIO_CONFIG_S_FEATURES_OK &&
	    ++dev.features_oks == dev.fail >> 4)
		status &= ~VIRTIO_CONFIG_S_FEATURES_OK;
	dev.status = status;
	return 0;
}

static int fz_reset(struct udevice *udev)
{
	/* The device forgets its queues and whatever it held */
	dev_lose_all();
	dev.hang = false;
	memcpy(dev.config, dev.config0, sizeof(dev.config));
	dev.status = ++dev.resets == (dev.fail & 15) ?
		     VIRTIO_CONFIG_S_NEEDS_RESET : 0;
	return 0;
}

static int fz_get_features(struct udevice *udev, u64 *features)
{
	*features = dev.offered;
	return 0;
}

static int fz_set_features(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	u64 usable = BIT_ULL(VIRTIO_F_VERSION_1) |
		     BIT_ULL(VIRTIO_F_IOMMU_PLATFORM);

	/* Offered, and nothing the driver does not implement */
	if (uc_priv->features & ~(dev.offered & usable))
		fail(__LINE__);
	return 0;
}

static int fz_del_vqs(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	struct virtqueue *vq, *n;

	dev_lose_all();
	list_for_each_entry_safe(vq, n, &uc_priv->vqs, list)
		vring_del_virtqueue(vq);
	return 0;
}

static int fz_find_vqs(struct udevice *udev, unsigned int nvqs,
		       struct virtqueue *vqs[])
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);
	unsigned int i;

	if (nvqs > dev.nqueues || !dev.qsize)
		return -ENOENT;
	if (!list_empty(&uc_priv->vqs))
		fail(__LINE__);	/* the old queues were not freed */
	for (i = 0; i < nvqs; i++) {
		struct virtqueue *vq;

		vq = vring_create_virtqueue(i, dev.qsize, uc_priv->legacy ?
					    4096 : VRING_USED_ALIGN_SIZE, udev);
		if (!vq) {
			fz_del_vqs(udev);
			return -ENOMEM;
		}
		vq->poll = fz_poll;
		vqs[i] = vq;
		dev.q[i].vq = vq;
		dev.q[i].last_avail = 0;
		dev.q[i].used_idx = 0;
		dev.q[i].npend = 0;
	}
	return 0;
}

static int fz_notify(struct udevice *udev, struct virtqueue *vq)
{
	struct fz_queue *q = find_queue(vq);

	if (q)
		fetch(q, q - dev.q);
	return 0;
}

static int fz_probe(struct udevice *udev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);

	uc_priv->device = VIRTIO_ID_SCSI;
	uc_priv->vendor = VIRTIO_VENDOR_QEMU;
	uc_priv->transport = "fuzz";
	return 0;
}

static const struct dm_virtio_ops fz_ops = {
	.get_config	= fz_get_config,
	.set_config	= fz_set_config,
	.get_status	= fz_get_status,
	.set_status	= fz_set_status,
	.reset		= fz_reset,
	.get_features	= fz_get_features,
	.set_features	= fz_set_features,
	.find_vqs	= fz_find_vqs,
	.del_vqs	= fz_del_vqs,
	.notify		= fz_notify,
};

U_BOOT_DRIVER(fuzz_virtio) = {
	.name	= "fuzz-virtio",
	.id	= UCLASS_VIRTIO,
	.ops	= &fz_ops,
	.probe	= fz_probe,
};

/*
 * The SCSI uclass scans a host when it is probed: that is the scsi
 * target's (drivers/scsi/ is not linked here); this harness sends the
 * commands itself.
 */
int scsi_scan_dev(struct udevice *dev, bool verbose)
{
	return 0;
}

/* Set up command @k of the batch in @cmd */
static void make_cmd(unsigned int k, struct scsi_cmd *cmd)
{
	struct fz_cmd *f = &cmds[k];
	u8 c0 = next();
	u32 max_target = min_t(u32, cfg16(CFG_OFF(max_target)), 255);
	u32 max_lun = min_t(u32, cfg32(CFG_OFF(max_lun)), 16383);
	u32 cdb_size = cfg32(CFG_OFF(cdb_size));
	ulong datalen;
	unsigned int i;

	memset(f, 0, sizeof(*f));
	f->cmd = cmd;
	cmd->cmd[0] = next();
	cmd->cmd[1] = k;	/* tells the device which command it is */
	for (i = 2; i < sizeof(cmd->cmd); i++)
		cmd->cmd[i] = 0x40 + i;
	cmd->target = next();
	cmd->lun = next();
	cmd->lun |= next() << 8;
	switch ((c0 >> 3) & 3) {
	case 0:
		cmd->cmdlen = 6;
		break;
	case 1:
		cmd->cmdlen = 10;
		break;
	case 2:
		cmd->cmdlen = 16;
		break;
	default:
		/* any length but 1, which would hide the command's number */
		cmd->cmdlen = next();
		if (cmd->cmdlen == 1)
			cmd->cmdlen = 2;
		break;
	}
	switch (c0 >> 5) {
	case 0:
		datalen = 0;
		break;
	case 1:
		datalen = next();
		break;
	case 2:
		datalen = 512;
		break;
	case 3:
		datalen = next() * 16;
		break;
	case 4:
		datalen = 4096;
		break;
	case 5:
		datalen = next();
		datalen = (datalen | next() << 8) % (MAX_DATA + 1);
		break;
	case 6:
		datalen = 18;
		break;
	default:
		datalen = MAX_XFER + 1;
		c0 |= 4;
		break;
	}
	cmd->datalen = datalen;
	cmd->dma_dir = c0 & 3;
	if (datalen && !(c0 & 4)) {
		f->data = malloc(datalen);
		if (!f->data)
			fail(__LINE__);
		memset(f->data, FILL, datalen);
		cmd->pdata = f->data;
	}
	/* What the driver must overwrite: it looks like a success */
	cmd->status = S_GOOD;
	cmd->trans_bytes = ~0UL;
	cmd->sensedatalen = ~0UL;
	memset(cmd->sense_buf, 0xee, sizeof(cmd->sense_buf));
	memset(cmd->msgout, 0x11, sizeof(cmd->msgout));
	memset(cmd->msgin, 0x22, sizeof(cmd->msgin));
	memset(cmd->sensecmd, 0x33, sizeof(cmd->sensecmd));
	cmd->sensecmdlen = 6;
	cmd->priv = 0x12345678;
	f->orig = *cmd;
	f->valid = cmd->cmdlen && cmd->cmdlen <= sizeof(cmd->cmd) &&
		   cmd->cmdlen <= cdb_size && cmd->target <= max_target &&
		   cmd->lun <= max_lun && datalen <= MAX_XFER;
}

static void check_cmd(unsigned int k, int r)
{
	struct fz_cmd *f = &cmds[k];
	struct scsi_cmd *c = f->cmd, *o = &f->orig;

	if (r && r != -ENODEV && r != -EBUSY && r != -ETIMEDOUT &&
	    r != -EIO && r != -EINVAL)
		fail(__LINE__);
	if (c->trans_bytes > c->datalen ||
	    c->sensedatalen > sizeof(c->sense_buf))
		fail(__LINE__);
	/* What the caller set is left alone */
	if (memcmp(c->cmd, o->cmd, sizeof(c->cmd)) || c->target != o->target ||
	    c->lun != o->lun || c->cmdlen != o->cmdlen ||
	    c->datalen != o->datalen || c->pdata != o->pdata ||
	    c->dma_dir != o->dma_dir || c->priv != o->priv ||
	    c->sensecmdlen != o->sensecmdlen ||
	    memcmp(c->msgout, o->msgout, sizeof(c->msgout)) ||
	    memcmp(c->msgin, o->msgin, sizeof(c->msgin)) ||
	    memcmp(c->sensecmd, o->sensecmd, sizeof(c->sensecmd)))
		fail(__LINE__);
	/* The data buffer: changed only where the device wrote */
	if (f->data && f->written < c->datalen &&
	    memcmp(f->data + f->written, fill_pat, c->datalen - f->written))
		fail(__LINE__);
	/* A request the device still holds, with no reset: it may write */
	if (f->state == IN_FLIGHT)
		fail(__LINE__);
	if (!r && (f->state != DONE || f->expect))
		fail(__LINE__);
	/* No response (or a bad one): nothing transferred, no sense */
	if ((f->state != DONE || !f->exact) &&
	    (c->trans_bytes || c->sensedatalen))
		fail(__LINE__);
	if (f->state != DONE)
		return;
	if (f->expect == -EBUSY ? !r : r != f->expect)
		fail(__LINE__);
	if (f->expect == -ENODEV && c->contr_stat != SCSI_SEL_TIME_OUT)
		fail(__LINE__);
	if (f->exact &&
	    (c->status != f->status || c->trans_bytes != f->trans ||
	     c->sensedatalen != f->senselen ||
	     memcmp(c->sense_buf, f->sense, sizeof(c->sense_buf))))
		fail(__LINE__);
}

static void run_cmds(struct udevice *host, unsigned int n, bool multi)
{
	struct scsi_cmd *arr = calloc(n, sizeof(*arr));
	int rets[MAX_CMDS];
	unsigned int k;
	int ret, first = 0;

	if (!arr)
		fail(__LINE__);
	ncmds = n;
	for (k = 0; k < n; k++)
		make_cmd(k, &arr[k]);
	if (multi) {
		ret = scsi_exec_multi(host, arr, n, rets);
	} else {
		ret = scsi_exec(host, arr);
		rets[0] = ret;
	}
	for (k = 0; k < n; k++) {
		if (fuzz_verbose())
			printf("cmd %u: %d, state %d, status %#x, trans %lu, sense %lu (expected %d: %#x, %lu, %lu)\n",
			       k, rets[k], cmds[k].state, arr[k].status,
			       arr[k].trans_bytes, arr[k].sensedatalen,
			       cmds[k].expect, cmds[k].status, cmds[k].trans,
			       cmds[k].senselen);
		check_cmd(k, rets[k]);
		if (!first)
			first = rets[k];
	}
	if (ret != first)
		fail(__LINE__);
	for (k = 0; k < n; k++)
		free(cmds[k].data);
	free(arr);
	ncmds = 0;
}

static void run_bus_reset(struct udevice *host)
{
	unsigned int targets = min_t(u32, cfg16(CFG_OFF(max_target)), 255) + 1;
	int ret;

	dev.tmf_sent = 0;
	dev.tmf_good = 0;
	dev.tmf_bad = false;
	ret = scsi_bus_reset(host);
	if (fuzz_verbose())
		printf("bus reset: %d, %u of %u targets\n", ret, dev.tmf_good,
		       targets);
	/* Done when every target's reset was answered well */
	if (!ret != (dev.tmf_good == targets && !dev.tmf_bad))
		fail(__LINE__);
	if (dev.q[VIRTIO_SCSI_VQ_CONTROL].npend)
		fail(__LINE__);
}

/*
 * Every input frees three page-aligned rings and more after each reset:
 * ASan's default quarantine (256 MiB of them, with their redzones) took
 * the process past 700 MiB, near run-fuzz.sh's 1 GiB limit. 64 MiB still
 * holds the memory of many inputs for use-after-free checks.
 */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "quarantine_size_mb=64";
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct udevice *udev, *host;
	unsigned int ops = 0, qs, i;
	int ret;

	if (size < 2 + sizeof(dev.config) || size > 4096)
		return 0;
	fuzz_reset(0);
	if (!fill_pat[0])
		init_patterns();
	memset(&dev, 0, offsetof(typeof(dev), q));
	for (i = 0; i < NQUEUES; i++) {
		dev.q[i].vq = NULL;
		dev.q[i].npend = 0;
	}
	dev.flags = data[0];
	dev.fail = data[1];
	memcpy(dev.config0, data + 2, sizeof(dev.config0));
	memcpy(dev.config, dev.config0, sizeof(dev.config));
	in.p = data + 2 + sizeof(dev.config);
	in.left = size - 2 - sizeof(dev.config);
	dev.offered = BIT_ULL(VIRTIO_SCSI_F_INOUT) |
		      BIT_ULL(VIRTIO_SCSI_F_HOTPLUG) |
		      BIT_ULL(VIRTIO_SCSI_F_CHANGE) |
		      BIT_ULL(VIRTIO_SCSI_F_T10_PI) |
		      BIT_ULL(VIRTIO_RING_F_INDIRECT_DESC) |
		      BIT_ULL(VIRTIO_RING_F_EVENT_IDX) |
		      BIT_ULL(VIRTIO_F_IOMMU_PLATFORM);
	if (dev.flags & F_ALL_FEATURES)
		dev.offered = ~BIT_ULL(VIRTIO_F_VERSION_1);
	if (dev.flags & F_VERSION_1)
		dev.offered |= BIT_ULL(VIRTIO_F_VERSION_1);
	dev.nqueues = dev.flags & F_TWO_QUEUES ? 2 : 3;
	qs = (dev.flags >> 3) & 15;
	dev.qsize = qs <= 8 ? 1U << qs : qs == 9 ? 0 : qs == 10 ? 100 : 16;

	if (dm_init(false))
		fail(__LINE__);
	if (device_bind_driver(dm_root(), "fuzz-virtio", "fuzz-virtio", &udev))
		fail(__LINE__);
	if (device_probe(udev))
		fail(__LINE__);
	device_find_first_child(udev, &host);
	if (!host)
		fail(__LINE__);
	ret = device_probe(host);
	if (fuzz_verbose())
		printf("probe: %d\n", ret);

	while (in.left && ops++ < MAX_OPS) {
		u8 op = next();

		if ((op & 3) == 3) {
			device_remove(host, DM_REMOVE_NORMAL);
			ret = device_probe(host);
			if (fuzz_verbose())
				printf("probe again: %d\n", ret);
			continue;
		}
		if (!device_active(host))
			continue;
		switch (op & 3) {
		case 0:
			run_cmds(host, 1, false);
			break;
		case 1:
			run_cmds(host, 1 + (op >> 2) % MAX_CMDS, true);
			break;
		case 2:
			run_bus_reset(host);
			break;
		}
	}

	dm_uninit();
	return 0;
}
