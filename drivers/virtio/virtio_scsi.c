// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * virtio-scsi host driver: a UCLASS_SCSI device bound on a virtio
 * transport (device id 8). It is the transport only: struct scsi_ops
 * .exec() sends one command to (target, LUN) through the first request
 * queue and maps the virtio response to an error (.exec_multi(), in
 * virtboot, keeps up to 32 commands in flight); the SCSI logic (scan,
 * INQUIRY, READ CAPACITY, READ/WRITE) is the SCSI layer's.
 *
 * The same file builds in virtboot and, unchanged, in U-Boot 2023.01
 * (whose SCSI layer then scans with scsi_plat's limits). What U-Boot
 * lacks (a bounded wait on the ring, restarting the device after a
 * timeout) is used under #ifdef virtqueue_wait_buf, which only virtboot's
 * <virtio_ring.h> defines; .exec_multi under #ifdef SCSI_OPS_EXEC_MULTI,
 * which only virtboot's <scsi.h> defines.
 *
 * Queues: 0 control (task management: bus_reset), 1 event (set up but
 * left empty: no HOTPLUG or CHANGE feature is negotiated, so the device
 * has nothing to report), 2 the request queue.
 * A request is one chain: header (device-readable), data-out, response
 * (device-writable), data-in. The data buffer is one segment of at most
 * max_sectors * 512 bytes and 8 MiB.
 */

#include <common.h>
#include <dm.h>
#include <malloc.h>
#include <scsi.h>
#include <time.h>
#include <virtio_types.h>
#include <virtio.h>
#include <virtio_ring.h>
#include <virtio_scsi.h>
#include <linux/errno.h>

#define VIRTIO_SCSI_NUM_VQS	3
/* Largest data transfer of one command, whatever max_sectors allows */
#define VIRTIO_SCSI_MAX_XFER	(8U << 20)
/* LUNs per target U-Boot's scanner (and virtboot's fallback) probes */
#define VIRTIO_SCSI_SCAN_LUNS	8
/* Tries of a command the device answered with BUSY or RESET */
#define VIRTIO_SCSI_TRIES	3
/* Most commands in flight at once */
#define VIRTIO_SCSI_SLOTS	32

#ifdef CONFIG_VIRTIO_SCSI_TIMEOUT_MS
#define VIRTIO_SCSI_TIMEOUT_MS	CONFIG_VIRTIO_SCSI_TIMEOUT_MS
#else
#define VIRTIO_SCSI_TIMEOUT_MS	5000
#endif

/**
 * struct virtio_scsi_slot - one command in flight
 * @req:	its request header (first buffer: identifies the slot)
 * @resp:	its response
 * @cmd:	the command (NULL: the slot is free)
 * @has_data:	a data buffer went with it
 */
struct virtio_scsi_slot {
	struct virtio_scsi_cmd_req req;
	struct virtio_scsi_cmd_resp resp;
	struct scsi_cmd *cmd;
	bool has_data;
};

/**
 * struct virtio_scsi_priv - state of a virtio-scsi host
 * @vqs:	control, event and request queue
 * @slots:	commands in flight
 * @nslots:	entries of @slots
 * @tmf_req:	task management request (control queue)
 * @tmf_resp:	its response
 * @tag:	tag of the last command
 * @cdb_size:	CDB bytes the device expects in a request
 * @sense_size:	sense bytes the device writes in a response
 * @max_target:	highest target id
 * @max_lun:	highest LUN
 * @failed:	the device could not be brought back after an error
 */
struct virtio_scsi_priv {
	struct virtqueue *vqs[VIRTIO_SCSI_NUM_VQS];
	struct virtio_scsi_slot *slots;
	unsigned int nslots;
	struct virtio_scsi_ctrl_tmf_req tmf_req;
	struct virtio_scsi_ctrl_tmf_resp tmf_resp;
	u64 tag;
	u32 cdb_size;
	u32 sense_size;
	u32 max_target;
	u32 max_lun;
	bool failed;
};

void virtio_scsi_encode_lun(u8 *lun, unsigned int target, unsigned int nlun)
{
	lun[0] = 1;
	lun[1] = target;
	lun[2] = 0x40 | ((nlun >> 8) & 0x3f);
	lun[3] = nlun & 0xff;
	lun[4] = 0;
	lun[5] = 0;
	lun[6] = 0;
	lun[7] = 0;
}

/*
 * Wait, bounded, for the chain in flight on @vq.
 * Return: 0 with *@bufp its first buffer, -ETIMEDOUT, or -EIO (broken ring)
 */
static int virtio_scsi_wait(struct virtqueue *vq, void **bufp,
			    unsigned int *len)
{
#ifdef virtqueue_wait_buf
	return virtqueue_wait_buf(vq, bufp, len, VIRTIO_SCSI_TIMEOUT_MS);
#else
	ulong start = get_timer(0);

	for (;;) {
		*bufp = virtqueue_get_buf(vq, len);
		if (*bufp)
			return 0;
		if (get_timer(start) > VIRTIO_SCSI_TIMEOUT_MS)
			return -ETIMEDOUT;
	}
#endif
}

/* Give the device our CDB and sense sizes, and check what it took */
static int virtio_scsi_set_sizes(struct udevice *dev)
{
	struct virtio_scsi_priv *priv = dev_get_priv(dev);
	u32 cdb_size, sense_size;

	virtio_cread(dev, struct virtio_scsi_config, cdb_size, &cdb_size);
	virtio_cread(dev, struct virtio_scsi_config, sense_size, &sense_size);
	if (cdb_size != VIRTIO_SCSI_CDB_SIZE) {
		cdb_size = VIRTIO_SCSI_CDB_SIZE;
		virtio_cwrite(dev, struct virtio_scsi_config, cdb_size,
			      &cdb_size);
		virtio_cread(dev, struct virtio_scsi_config, cdb_size,
			     &cdb_size);
	}
	if (sense_size != VIRTIO_SCSI_SENSE_SIZE) {
		sense_size = VIRTIO_SCSI_SENSE_SIZE;
		virtio_cwrite(dev, struct virtio_scsi_config, sense_size,
			      &sense_size);
		virtio_cread(dev, struct virtio_scsi_config, sense_size,
			     &sense_size);
	}
	/* A READ(16) needs 16 bytes; the request structs hold at most ours */
	if (cdb_size < 16 || cdb_size > VIRTIO_SCSI_CDB_SIZE ||
	    sense_size > VIRTIO_SCSI_SENSE_SIZE)
		return -EINVAL;
	priv->cdb_size = cdb_size;
	priv->sense_size = sense_size;

	return 0;
}

/*
 * Queues and sizes, after a restart (U-Boot builds without restarts: no
 * virtqueue_wait_buf, so nothing calls it there)
 */
static int __maybe_unused virtio_scsi_start(struct udevice *dev)
{
	struct virtio_scsi_priv *priv = dev_get_priv(dev);
	int ret;

	ret = virtio_scsi_set_sizes(dev);
	if (ret)
		return ret;

	return virtio_find_vqs(dev, VIRTIO_SCSI_NUM_VQS, priv->vqs);
}

/*
 * After a timeout or a broken ring the device may still own our buffers:
 * reset it and set it up again (virtboot), or give it up (U-Boot).
 */
static void virtio_scsi_recover(struct udevice *dev)
{
	struct virtio_scsi_priv *priv = dev_get_priv(dev);

#ifdef virtqueue_wait_buf
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(dev->parent);
	int ret;

	ret = virtio_restart(dev);
	if (!ret)
		ret = virtio_scsi_start(dev);
	if (!ret) {
		virtio_add_status(dev, VIRTIO_CONFIG_S_DRIVER_OK);
		return;
	}
	if (!uc_priv->fail_reason)
		uc_priv->fail_reason = "device failed to restart";
#else
	virtio_reset(dev);
#endif
	priv->failed = true;
	virtio_add_status(dev, VIRTIO_CONFIG_S_FAILED);
}

/* Send one chain on @vq and wait for it; recover the device on failure */
static int virtio_scsi_send(struct udevice *dev, struct virtqueue *vq,
			    struct virtio_sg **sgs, unsigned int out,
			    unsigned int in, unsigned int *len)
{
	void *buf;
	int ret;

	ret = virtqueue_add(vq, sgs, out, in);
	if (ret)
		return ret == -ENOSPC ? -EIO : ret;
	virtqueue_kick(vq);
	ret = virtio_scsi_wait(vq, &buf, len);
	if (!ret && buf != sgs[0]->addr)
		ret = -EIO;	/* not the chain we sent */
	if (ret)
		virtio_scsi_recover(dev);

	return ret;
}

/* The error a virtio response code means */
static int virtio_scsi_response_err(u8 response)
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

/* Clear what exec reports in @cmd: nothing transferred, no status yet */
static void virtio_scsi_clear_result(struct scsi_cmd *cmd)
{
	cmd->status = S_ILLEGAL;
	cmd->contr_stat = 0;
	cmd->trans_bytes = 0;
	cmd->sensedatalen = 0;
	memset(cmd->sense_buf, 0, sizeof(cmd->sense_buf));
}

/* Check @cmd before it goes to the device; clear what exec reports */
static int virtio_scsi_check(struct virtio_scsi_priv *priv,
			     struct scsi_cmd *cmd)
{
	virtio_scsi_clear_result(cmd);
	if (priv->failed)
		return -EIO;
	/* The CDB is cmd->cmd[], whatever the device would take */
	if (!cmd->cmdlen || cmd->cmdlen > priv->cdb_size ||
	    cmd->cmdlen > sizeof(cmd->cmd))
		return -EINVAL;
	if (cmd->target > priv->max_target || cmd->lun > priv->max_lun) {
		cmd->contr_stat = SCSI_SEL_TIME_OUT;
		return -ENODEV;
	}
	if (cmd->datalen > VIRTIO_SCSI_MAX_XFER)
		return -EINVAL;

	return 0;
}

/* Put @cmd on the request queue in @slot (no kick) */
static int virtio_scsi_submit(struct udevice *dev,
			      struct virtio_scsi_slot *slot,
			      struct scsi_cmd *cmd)
{
	struct virtio_scsi_priv *priv = dev_get_priv(dev);
	struct virtio_scsi_cmd_resp *resp = &slot->resp;
	struct virtio_sg sg[4], *sgs[4];
	unsigned int n = 0, out, i;
	bool has_data = cmd->datalen && cmd->pdata &&
			cmd->dma_dir != DMA_NONE;
	bool data_out = has_data && cmd->dma_dir == DMA_TO_DEVICE;
	int ret;

	/* A try again (BUSY, RESET) reports only what this one gets */
	virtio_scsi_clear_result(cmd);
	memset(&slot->req, 0, sizeof(slot->req));
	virtio_scsi_encode_lun(slot->req.lun, cmd->target, cmd->lun);
	slot->req.tag = cpu_to_virtio64(dev, ++priv->tag);
	slot->req.task_attr = VIRTIO_SCSI_S_SIMPLE;
	memcpy(slot->req.cdb, cmd->cmd, cmd->cmdlen);
	memset(resp, 0, sizeof(*resp));
	resp->response = 0xff;

	/* Chain order: request, data-out, response, data-in */
	sg[n].addr = &slot->req;
	sg[n++].length = offsetof(struct virtio_scsi_cmd_req, cdb) +
			 priv->cdb_size;
	if (data_out) {
		sg[n].addr = cmd->pdata;
		sg[n++].length = cmd->datalen;
	}
	out = n;
	sg[n].addr = resp;
	sg[n++].length = offsetof(struct virtio_scsi_cmd_resp, sense) +
			 priv->sense_size;
	if (has_data && !data_out) {
		sg[n].addr = cmd->pdata;
		sg[n++].length = cmd->datalen;
	}
	for (i = 0; i < n; i++)
		sgs[i] = &sg[i];

	ret = virtqueue_add(priv->vqs[VIRTIO_SCSI_VQ_REQUEST], sgs, out,
			    n - out);
	if (ret)
		return ret;
	slot->cmd = cmd;
	slot->has_data = has_data;

	return 0;
}

/* The device is done with @slot: fill in its command, return its result */
static int virtio_scsi_finish(struct udevice *dev,
			      struct virtio_scsi_slot *slot, unsigned int len)
{
	struct virtio_scsi_priv *priv = dev_get_priv(dev);
	struct virtio_scsi_cmd_resp *resp = &slot->resp;
	struct scsi_cmd *cmd = slot->cmd;
	u32 sense_len, resid;
	int ret;

	slot->cmd = NULL;
	/* The device fills the response up to the sense data at least */
	if (len < offsetof(struct virtio_scsi_cmd_resp, sense))
		return -EIO;

	ret = virtio_scsi_response_err(resp->response);
	if (ret == -ENODEV)
		cmd->contr_stat = SCSI_SEL_TIME_OUT;
	/* The link to the target broke: the host status that says so */
	if (resp->response == VIRTIO_SCSI_S_TRANSPORT_FAILURE ||
	    resp->response == VIRTIO_SCSI_S_NEXUS_FAILURE)
		cmd->contr_stat = SCSI_UNEXP_DIS;
	if (ret)
		return ret;

	cmd->status = resp->status;
	resid = virtio32_to_cpu(dev, resp->resid);
	cmd->trans_bytes = slot->has_data && resid < cmd->datalen ?
			   cmd->datalen - resid : 0;
	sense_len = virtio32_to_cpu(dev, resp->sense_len);
	sense_len = min(sense_len, priv->sense_size);
	sense_len = min_t(u32, sense_len, sizeof(cmd->sense_buf));
	memcpy(cmd->sense_buf, resp->sense, sense_len);
	cmd->sensedatalen = sense_len;

	switch (resp->status) {
	case S_GOOD:
	case S_COND_MET:
		return 0;
	case S_BUSY:
	case S_QUEUE_FULL:
		return -EBUSY;
	default:
		return -EIO;
	}
}

/*
 * Carry out the commands @cmds[i] whose @rets[i] is -EBUSY, as many in
 * flight at once as there are slots. Return: 0, or the error (timeout,
 * broken ring) that made the device be reset: every command not finished
 * then gets it too
 */
static int virtio_scsi_run(struct udevice *dev, struct scsi_cmd *cmds,
			   int n, int *rets)
{
	struct virtio_scsi_priv *priv = dev_get_priv(dev);
	struct virtqueue *vq = priv->vqs[VIRTIO_SCSI_VQ_REQUEST];
	int next = 0, inflight = 0, i, ret;
	unsigned int len;
	void *buf;

	for (;;) {
		bool added = false;

		for (; next < n; next++) {
			struct virtio_scsi_slot *slot = NULL;

			if (rets[next] != -EBUSY)
				continue;
			for (i = 0; i < priv->nslots && !slot; i++)
				if (!priv->slots[i].cmd)
					slot = &priv->slots[i];
			if (!slot)
				break;
			ret = virtio_scsi_submit(dev, slot, &cmds[next]);
			if (ret == -ENOSPC && inflight)
				break;
			if (ret) {
				rets[next] = ret == -ENOSPC ? -EIO : ret;
				continue;
			}
			rets[next] = -EINPROGRESS;
			inflight++;
			added = true;
		}
		if (added)
			virtqueue_kick(vq);
		if (!inflight)
			return 0;

		ret = virtio_scsi_wait(vq, &buf, &len);
		if (!ret) {
			struct virtio_scsi_slot *slot;

			slot = container_of(buf, struct virtio_scsi_slot, req);
			if (slot < priv->slots ||
			    slot >= priv->slots + priv->nslots || !slot->cmd)
				ret = -EIO;	/* not a chain of ours */
		}
		if (ret) {
			virtio_scsi_recover(dev);
			for (i = 0; i < priv->nslots; i++)
				priv->slots[i].cmd = NULL;
			for (i = 0; i < n; i++)
				if (rets[i] == -EINPROGRESS ||
				    (i >= next && rets[i] == -EBUSY))
					rets[i] = ret;
			return ret;
		}
		inflight--;
		{
			struct virtio_scsi_slot *slot;

			slot = container_of(buf, struct virtio_scsi_slot, req);
			i = slot->cmd - cmds;
			rets[i] = virtio_scsi_finish(dev, slot, len);
		}
	}
}

/*
 * Execute @n commands, several in flight at once; BUSY and RESET answers
 * are tried again. @rets[i] gets each command's result, as exec returns it.
 * Return: 0 if all completed (see @rets), else the first error
 */
static int virtio_scsi_exec_multi(struct udevice *dev, struct scsi_cmd *cmds,
				  int n, int *rets)
{
	struct virtio_scsi_priv *priv = dev_get_priv(dev);
	int i, try, err = 0;

	for (i = 0; i < n; i++) {
		rets[i] = virtio_scsi_check(priv, &cmds[i]);
		if (!rets[i])
			rets[i] = -EBUSY;	/* to be sent */
	}
	for (try = 0; try < VIRTIO_SCSI_TRIES; try++) {
		if (virtio_scsi_run(dev, cmds, n, rets))
			break;
	}
	for (i = 0; i < n && !err; i++)
		err = rets[i];

	return err;
}

static int virtio_scsi_exec(struct udevice *dev, struct scsi_cmd *cmd)
{
	int ret;

	virtio_scsi_exec_multi(dev, cmd, 1, &ret);

	return ret;
}

/* Task management: I_T NEXUS RESET of every target, on the control queue */
static int virtio_scsi_bus_reset(struct udevice *dev)
{
	struct virtio_scsi_priv *priv = dev_get_priv(dev);
	struct virtio_sg sg[2], *sgs[2] = { &sg[0], &sg[1] };
	unsigned int target, len;
	int ret;

	if (priv->failed)
		return -EIO;
	for (target = 0; target <= priv->max_target; target++) {
		memset(&priv->tmf_req, 0, sizeof(priv->tmf_req));
		priv->tmf_req.type = cpu_to_virtio32(dev, VIRTIO_SCSI_T_TMF);
		priv->tmf_req.subtype =
			cpu_to_virtio32(dev, VIRTIO_SCSI_T_TMF_I_T_NEXUS_RESET);
		virtio_scsi_encode_lun(priv->tmf_req.lun, target, 0);
		priv->tmf_req.tag = cpu_to_virtio64(dev, ++priv->tag);
		priv->tmf_resp.response = 0xff;
		sg[0].addr = &priv->tmf_req;
		sg[0].length = sizeof(priv->tmf_req);
		sg[1].addr = &priv->tmf_resp;
		sg[1].length = sizeof(priv->tmf_resp);
		ret = virtio_scsi_send(dev, priv->vqs[VIRTIO_SCSI_VQ_CONTROL],
				       sgs, 1, 1, &len);
		if (ret)
			return ret;
		if (len < 1)
			return -EIO;
		switch (priv->tmf_resp.response) {
		case VIRTIO_SCSI_S_OK:
		case VIRTIO_SCSI_S_FUNCTION_SUCCEEDED:
		case VIRTIO_SCSI_S_BAD_TARGET:
		case VIRTIO_SCSI_S_INCORRECT_LUN:
			break;
		default:
			return -EIO;
		}
	}

	return 0;
}

static int virtio_scsi_bind(struct udevice *dev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(dev->parent);

	/* No optional features: commands only, no events or PI */
	virtio_driver_features_init(uc_priv, NULL, 0, NULL, 0);

	return 0;
}

/* Read and check the configuration; fill the host's limits */
static int virtio_scsi_read_config(struct udevice *dev, const char **why)
{
	struct virtio_scsi_priv *priv = dev_get_priv(dev);
	struct scsi_plat *plat = dev_get_uclass_plat(dev);
	u32 num_queues, seg_max, max_sectors, max_lun;
	u16 max_target;

	virtio_cread(dev, struct virtio_scsi_config, num_queues, &num_queues);
	virtio_cread(dev, struct virtio_scsi_config, seg_max, &seg_max);
	virtio_cread(dev, struct virtio_scsi_config, max_sectors,
		     &max_sectors);
	virtio_cread(dev, struct virtio_scsi_config, max_target, &max_target);
	virtio_cread(dev, struct virtio_scsi_config, max_lun, &max_lun);

	if (!num_queues) {
		*why = "no request queue (num_queues 0)";
		return -EINVAL;
	}
	/* Each command uses one data segment */
	if (!seg_max) {
		*why = "bad seg_max 0";
		return -EINVAL;
	}
	if (!max_sectors) {
		*why = "bad max_sectors 0";
		return -EINVAL;
	}
	priv->max_target = min_t(u32, max_target, VIRTIO_SCSI_MAX_TARGET);
	priv->max_lun = min_t(u32, max_lun, VIRTIO_SCSI_MAX_LUN);

	plat->max_id = priv->max_target + 1;
	plat->max_lun = min_t(u32, priv->max_lun + 1, VIRTIO_SCSI_SCAN_LUNS);
	plat->max_bytes_per_req = min_t(u64, (u64)max_sectors * 512,
					VIRTIO_SCSI_MAX_XFER);

	return 0;
}

static int virtio_scsi_probe(struct udevice *dev)
{
	struct virtio_scsi_priv *priv = dev_get_priv(dev);
	const char *why = "bad configuration";
	unsigned int num;
	int ret;

	ret = virtio_scsi_read_config(dev, &why);
	if (!ret) {
		ret = virtio_scsi_set_sizes(dev);
		if (ret)
			why = "unsupported cdb_size or sense_size";
	}
	if (!ret) {
		ret = virtio_find_vqs(dev, VIRTIO_SCSI_NUM_VQS, priv->vqs);
		if (ret)
			why = "missing control, event or request queue";
	}
	if (!ret) {
		/* A command takes up to three descriptors */
		num = virtqueue_get_vring_size(priv->vqs[VIRTIO_SCSI_VQ_REQUEST]);
		priv->nslots = min_t(unsigned int, num / 3, VIRTIO_SCSI_SLOTS);
		priv->slots = calloc(priv->nslots, sizeof(*priv->slots));
		if (!priv->nslots || !priv->slots) {
			ret = priv->nslots ? -ENOMEM : -EINVAL;
			why = "request queue too small";
			free(priv->slots);	/* calloc(0, ...) may give one */
			virtio_del_vqs(dev);
		}
	}
	if (ret) {
#ifdef virtqueue_wait_buf
		struct virtio_dev_priv *uc_priv;

		uc_priv = dev_get_uclass_priv(dev->parent);
		uc_priv->fail_reason = why;
#endif
		virtio_add_status(dev, VIRTIO_CONFIG_S_FAILED);
		return ret;
	}

	return 0;
}

static int virtio_scsi_remove(struct udevice *dev)
{
	struct virtio_scsi_priv *priv = dev_get_priv(dev);

	/*
	 * Stop the device before its rings go away. One stuck in reset is
	 * given up on, and the removal still succeeds: an error would leave
	 * the host active with its rings and slots freed.
	 */
	if (virtio_reset(dev))
		virtio_add_status(dev, VIRTIO_CONFIG_S_FAILED);
	virtio_del_vqs(dev);
	free(priv->slots);

	return 0;
}

static const struct scsi_ops virtio_scsi_ops = {
	.exec		= virtio_scsi_exec,
	.bus_reset	= virtio_scsi_bus_reset,
#ifdef SCSI_OPS_EXEC_MULTI
	.exec_multi	= virtio_scsi_exec_multi,
#endif
};

U_BOOT_DRIVER(virtio_scsi) = {
	.name		= VIRTIO_SCSI_DRV_NAME,
	.id		= UCLASS_SCSI,
	.ops		= &virtio_scsi_ops,
	.bind		= virtio_scsi_bind,
	.probe		= virtio_scsi_probe,
	.remove		= virtio_scsi_remove,
	.priv_auto	= sizeof(struct virtio_scsi_priv),
	.flags		= DM_FLAG_ACTIVE_DMA,
};
