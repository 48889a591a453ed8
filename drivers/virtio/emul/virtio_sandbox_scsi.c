// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Emulated virtio-scsi controller for the sandbox: the virtio framing of a
 * SCSI target (drivers/scsi/scsi_emul.c) whose LUNs are the --scsi
 * options, FILE[,cd][,ro][,bs=N][,target=T][,lun=L] (include/scsi_emul.h
 * says what the LUNs answer).
 *
 * The controller answers as QEMU's virtio-scsi does: max_target 255,
 * max_lun 16383, max_sectors 0xFFFF, seg_max queue size - 2; BAD_TARGET
 * for a target without LUNs or a LUN address that is not flat space
 * addressing of one level; task management (any TMF on a target) resets
 * the target's LUNs; the event queue never completes.
 *
 * Controller options (on any --scsi): max_sectors=N, max_target=N,
 * max_lun=N, the target's (noreport, absent-illegal, max_xfer=N) and the
 * transport's (legacy, defer, queue=N).
 */

#include <common.h>
#include <malloc.h>
#include <scsi_emul.h>
#include <virtio.h>
#include <virtio_scsi.h>
#include <virtio_sandbox.h>

/**
 * struct vsb_scsi - the emulated controller
 * @emul:	its SCSI target
 * @max_target:	config max_target
 * @max_lun:	config max_lun
 * @vd:		the device, for the target's faults
 */
struct vsb_scsi {
	struct scsi_emul emul;
	u32 max_target;
	u32 max_lun;
	struct virtio_sandbox_dev *vd;
};

static const enum virtio_sandbox_fault_kind vsb_scsi_faults[] = {
	[SCSI_EMUL_FAULT_MEDIUM_ERROR]	= VSB_FAULT_SCSI_MEDIUM_ERROR,
	[SCSI_EMUL_FAULT_BECOMING_READY] = VSB_FAULT_SCSI_BECOMING_READY,
	[SCSI_EMUL_FAULT_NOT_READY]	= VSB_FAULT_SCSI_NOT_READY,
	[SCSI_EMUL_FAULT_HARDWARE_ERROR] = VSB_FAULT_SCSI_HARDWARE_ERROR,
	[SCSI_EMUL_FAULT_ILLEGAL_REQUEST] = VSB_FAULT_SCSI_ILLEGAL_REQUEST,
	[SCSI_EMUL_FAULT_UNIT_ATTENTION] = VSB_FAULT_SCSI_UNIT_ATTENTION,
};

static bool vsb_scsi_fault(struct scsi_emul *emul, enum scsi_emul_fault kind)
{
	struct vsb_scsi *s = emul->priv;

	return virtio_sandbox_fault_fires(s->vd, vsb_scsi_faults[kind]);
}

/* Options of the controller, then of the transport */
static int vsb_scsi_opt(void *ctx, const char *opt)
{
	struct vsb_scsi *s = ctx;
	int ret;

	ret = emul_opt_uint(opt, "max_sectors", &s->emul.max_sectors);
	if (ret != -ENOENT)
		return ret;
	ret = emul_opt_uint(opt, "max_target", &s->max_target);
	if (ret != -ENOENT)
		return ret;
	ret = emul_opt_uint(opt, "max_lun", &s->max_lun);
	if (ret != -ENOENT)
		return ret;

	return virtio_sandbox_transport_opt(s->vd, opt);
}

static void vsb_scsi_remove(struct virtio_sandbox_dev *vd)
{
	struct vsb_scsi *s = vd->priv;

	if (!s)
		return;
	scsi_emul_remove(&s->emul);
	free(s);
	vd->priv = NULL;
}

static int vsb_scsi_init(struct virtio_sandbox_dev *vd,
			 const char *const specs[], int count)
{
	struct vsb_scsi *s;
	int i, ret;

	if (count < 1)
		return -EINVAL;
	s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	vd->priv = s;
	ret = scsi_emul_init(&s->emul, count, VIRTIO_SCSI_MAX_TARGET,
			     VIRTIO_SCSI_MAX_LUN);
	if (ret) {
		vsb_scsi_remove(vd);
		return ret;
	}
	s->emul.fault = vsb_scsi_fault;
	s->emul.priv = s;
	s->vd = vd;
	s->max_target = VIRTIO_SCSI_MAX_TARGET;
	s->max_lun = VIRTIO_SCSI_MAX_LUN;
	for (i = 0; i < count; i++) {
		ret = scsi_emul_add_lun(&s->emul, specs[i], vsb_scsi_opt, s);
		if (ret) {
			vsb_scsi_remove(vd);
			return ret;
		}
	}
	/* No HOTPLUG, CHANGE, INOUT or T10_PI: commands only */
	vd->device_features = 0;

	return 0;
}

static void vsb_scsi_fill_config(struct virtio_sandbox_dev *vd, u8 *config)
{
	struct virtio_scsi_config *cfg = (struct virtio_scsi_config *)config;
	struct vsb_scsi *s = vd->priv;

	cfg->num_queues = vsb_cpu_to_virtio32(vd, 1);
	cfg->seg_max = vsb_cpu_to_virtio32(vd, vd->queue_size - 2);
	cfg->max_sectors = vsb_cpu_to_virtio32(vd, s->emul.max_sectors);
	cfg->cmd_per_lun = vsb_cpu_to_virtio32(vd, 128);
	cfg->event_info_size = vsb_cpu_to_virtio32(vd,
					sizeof(struct virtio_scsi_event));
	cfg->sense_size = vsb_cpu_to_virtio32(vd,
					      VIRTIO_SCSI_SENSE_DEFAULT_SIZE);
	cfg->cdb_size = vsb_cpu_to_virtio32(vd, VIRTIO_SCSI_CDB_DEFAULT_SIZE);
	cfg->max_channel = vsb_cpu_to_virtio16(vd, 0);
	cfg->max_target = vsb_cpu_to_virtio16(vd, s->max_target);
	cfg->max_lun = vsb_cpu_to_virtio32(vd, s->max_lun);
}

static void vsb_scsi_reset(struct virtio_sandbox_dev *vd)
{
	struct vsb_scsi *s = vd->priv;

	scsi_emul_reset(&s->emul, -1);
}

/* Task management on the control queue */
static int vsb_scsi_tmf(struct virtio_sandbox_dev *vd, struct vsb_scsi *s,
			struct virtio_sandbox_req *req)
{
	struct virtio_scsi_ctrl_tmf_req tmf;
	u8 response = VIRTIO_SCSI_S_OK;

	if (req->out_len < sizeof(tmf) || req->in_len < 1)
		return 0;
	vsb_req_read(req, 0, &tmf, sizeof(tmf));
	s->emul.stats.tmfs++;
	if (vsb_virtio32_to_cpu(vd, tmf.type) != VIRTIO_SCSI_T_TMF)
		response = VIRTIO_SCSI_S_FUNCTION_REJECTED;
	else if (tmf.lun[0] != 1 || !scsi_emul_has_target(&s->emul,
							   tmf.lun[1]))
		response = VIRTIO_SCSI_S_BAD_TARGET;
	else
		scsi_emul_reset(&s->emul, tmf.lun[1]);
	vsb_req_write(req, 0, &response, 1);

	return 1;
}

static int vsb_scsi_request(struct virtio_sandbox_dev *vd, unsigned int queue,
			    struct virtio_sandbox_req *req)
{
	struct virtio_scsi_config *cfg = (struct virtio_scsi_config *)vd->config;
	u32 cdb_size = vsb_virtio32_to_cpu(vd, cfg->cdb_size);
	u32 sense_size = vsb_virtio32_to_cpu(vd, cfg->sense_size);
	u64 req_len = offsetof(struct virtio_scsi_cmd_req, cdb) + cdb_size;
	u64 resp_len = offsetof(struct virtio_scsi_cmd_resp, sense) +
		       sense_size;
	struct virtio_scsi_cmd_resp resp;
	struct virtio_scsi_cmd_req hdr;
	struct vsb_scsi *s = vd->priv;
	struct scsi_emul_cmd c;
	bool absent;

	if (queue == VIRTIO_SCSI_VQ_CONTROL)
		return vsb_scsi_tmf(vd, s, req);
	if (queue == VIRTIO_SCSI_VQ_EVENT)
		return -EAGAIN;	/* kept until there is an event: never */
	if (cdb_size > VIRTIO_SCSI_CDB_SIZE ||
	    sense_size > VIRTIO_SCSI_SENSE_SIZE ||
	    req->out_len < req_len || req->in_len < resp_len)
		return 0;	/* a malformed chain: nothing written */

	memset(&hdr, 0, sizeof(hdr));
	vsb_req_read(req, 0, &hdr, req_len);
	memset(&c, 0, sizeof(c));
	c.cdb = hdr.cdb;
	/* The data follow the request header and the response */
	c.data_out = (struct emul_sg){ req->out, req->nout, req_len,
				       req->out_len - req_len };
	c.data_in = (struct emul_sg){ req->in, req->nin, resp_len,
				      req->in_len - resp_len };
	memset(&resp, 0, sizeof(resp));
	s->emul.stats.cmds++;

	/* Flat space addressing of one level, as the driver must send it */
	absent = hdr.lun[0] != 1 || (hdr.lun[2] & 0xc0) != 0x40 ||
		 hdr.lun[4] || hdr.lun[5] || hdr.lun[6] || hdr.lun[7];
	if (!absent) {
		c.target = hdr.lun[1];
		c.lun = (hdr.lun[2] & 0x3f) << 8 | hdr.lun[3];
		absent = !scsi_emul_has_target(&s->emul, c.target);
	}

	if (absent) {
		s->emul.stats.bad_target++;
		resp.response = VIRTIO_SCSI_S_BAD_TARGET;
	} else if (virtio_sandbox_fault_fires(vd, VSB_FAULT_SCSI_BUSY)) {
		resp.response = VIRTIO_SCSI_S_BUSY;
	} else if (virtio_sandbox_fault_fires(vd, VSB_FAULT_SCSI_BAD_TARGET)) {
		resp.response = VIRTIO_SCSI_S_BAD_TARGET;
	} else if (virtio_sandbox_fault_fires(vd,
					      VSB_FAULT_SCSI_TRANSPORT_FAILURE)) {
		resp.response = VIRTIO_SCSI_S_TRANSPORT_FAILURE;
	} else if (virtio_sandbox_fault_fires(vd, VSB_FAULT_IOERR)) {
		resp.response = VIRTIO_SCSI_S_FAILURE;
	} else {
		scsi_emul_command(&s->emul, &c);
		resp.response = VIRTIO_SCSI_S_OK;
		resp.status = c.status;
		c.sense_len = min(c.sense_len, sense_size);
		memcpy(resp.sense, c.sense, c.sense_len);
		resp.sense_len = vsb_cpu_to_virtio32(vd, c.sense_len);
		resp.resid = vsb_cpu_to_virtio32(vd, c.data_in.len - c.done);
	}
	vsb_req_write(req, 0, &resp, resp_len);

	/* As QEMU, the used length counts the data-out bytes too */
	return resp_len + c.done + c.data_out.len;
}

struct scsi_emul_stats *vsb_scsi_get_stats(struct virtio_sandbox_dev *vd)
{
	struct vsb_scsi *s = vd->priv;

	return &s->emul.stats;
}

VIRTIO_SANDBOX_MODEL(scsi) = {
	.name		= "scsi",
	.device_id	= VIRTIO_ID_SCSI,
	.num_queues	= 3,
	.config_len	= sizeof(struct virtio_scsi_config),
	.init		= vsb_scsi_init,
	.fill_config	= vsb_scsi_fill_config,
	.request	= vsb_scsi_request,
	.reset		= vsb_scsi_reset,
	.remove		= vsb_scsi_remove,
};
