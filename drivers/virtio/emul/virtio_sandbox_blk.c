// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Emulated virtio-blk device for the sandbox, backed by a host file
 * (--blk FILE[,ro][,bs=N]...) or, for unit tests, by memory ("mem:SIZE").
 *
 * It answers as QEMU's virtio-blk does: capacity in 512-byte sectors,
 * blk_size when asked for another logical block size, SEG_MAX of the
 * queue size minus 2, FLUSH; requests misaligned to the block size or
 * past the end finish with IOERR, unknown types with UNSUPP. It also checks
 * the driver: a request with more data segments than seg_max or a segment
 * larger than size_max ends with IOERR and is counted.
 *
 * Options: ro, bs=N, size_max=N, seg_max=N, noflush, and the transport's
 * (legacy, defer, queue=N).
 */

#include <common.h>
#include <virtio.h>
#include <virtio_blk.h>
#include <virtio_sandbox.h>

/**
 * struct vsb_blk - state of one emulated virtio-blk device
 * @medium:	the file or memory holding the blocks
 * @blksz:	logical block size
 * @size_max:	largest segment accepted (0: no limit, not offered)
 * @seg_max:	most data segments accepted
 * @ro:		read-only
 * @flush:	FLUSH offered
 * @violations:	requests that broke size_max or seg_max
 * @flushes:	FLUSH requests seen
 * @writes:	OUT requests seen
 * @buf:	bounce buffer for host I/O
 */
struct vsb_blk {
	struct emul_medium medium;
	u32 blksz;
	u32 size_max;
	u32 seg_max;
	bool ro;
	bool flush;
	unsigned int violations;
	unsigned int flushes;
	unsigned int writes;
	u8 *buf;
};

static int vsb_blk_opt(struct virtio_sandbox_dev *vd, struct vsb_blk *blk,
		       const char *opt)
{
	int ret;

	if (!strcmp(opt, "ro")) {
		blk->ro = true;
		return 0;
	}
	if (!strcmp(opt, "noflush")) {
		blk->flush = false;
		return 0;
	}
	ret = emul_opt_uint(opt, "bs", &blk->blksz);
	if (ret != -ENOENT)
		return ret;
	ret = emul_opt_uint(opt, "size_max", &blk->size_max);
	if (ret != -ENOENT)
		return ret;
	ret = emul_opt_uint(opt, "seg_max", &blk->seg_max);
	if (ret != -ENOENT)
		return ret;

	return virtio_sandbox_transport_opt(vd, opt);
}

static int vsb_blk_init(struct virtio_sandbox_dev *vd,
			const char *const specs[], int count)
{
	char spec[256], *file, *opt, *next;
	struct vsb_blk *blk;
	int ret;

	if (count != 1 || strlen(specs[0]) >= sizeof(spec))
		return -EINVAL;
	strcpy(spec, specs[0]);
	blk = calloc(1, sizeof(*blk));
	if (!blk)
		return -ENOMEM;
	blk->medium.fd = -1;
	blk->blksz = VIRTIO_BLK_SECTOR_SIZE;
	blk->flush = true;

	file = spec;
	next = strchr(spec, ',');
	if (next)
		*next++ = '\0';
	while (next) {
		opt = next;
		next = strchr(opt, ',');
		if (next)
			*next++ = '\0';
		ret = vsb_blk_opt(vd, blk, opt);
		if (ret)
			goto err;
	}
	ret = -EINVAL;
	if (!*file || blk->blksz < VIRTIO_BLK_SECTOR_SIZE ||
	    blk->blksz > 65536 || (blk->blksz & (blk->blksz - 1)))
		goto err;
	if (!blk->seg_max)
		blk->seg_max = vd->queue_size - 2;

	blk->buf = malloc(EMUL_MEDIUM_MAX_IO);
	if (!blk->buf) {
		ret = -ENOMEM;
		goto err;
	}
	ret = emul_medium_open(&blk->medium, file, blk->ro);
	if (ret)
		goto err;

	vd->priv = blk;
	vd->device_features = BIT_ULL(VIRTIO_BLK_F_SEG_MAX) |
			      BIT_ULL(VIRTIO_BLK_F_GEOMETRY) |
			      BIT_ULL(VIRTIO_BLK_F_BLK_SIZE) |
			      BIT_ULL(VIRTIO_BLK_F_TOPOLOGY);
	if (blk->size_max)
		vd->device_features |= BIT_ULL(VIRTIO_BLK_F_SIZE_MAX);
	if (blk->ro)
		vd->device_features |= BIT_ULL(VIRTIO_BLK_F_RO);
	if (blk->flush)
		vd->device_features |= BIT_ULL(VIRTIO_BLK_F_FLUSH);

	return 0;

err:
	free(blk->buf);
	free(blk);
	return ret;
}

static void vsb_blk_remove(struct virtio_sandbox_dev *vd)
{
	struct vsb_blk *blk = vd->priv;

	if (!blk)
		return;
	emul_medium_close(&blk->medium);
	free(blk->buf);
	free(blk);
	vd->priv = NULL;
}

static void vsb_blk_fill_config(struct virtio_sandbox_dev *vd, u8 *config)
{
	struct virtio_blk_config *cfg = (struct virtio_blk_config *)config;
	struct vsb_blk *blk = vd->priv;
	u64 sectors = blk->medium.size >> VIRTIO_BLK_SECTOR_SHIFT;
	u64 cyls = sectors / (16 * 63);

	if (virtio_sandbox_fault_armed(vd, VSB_FAULT_CAPACITY_0))
		sectors = 0;
	cfg->capacity = vsb_cpu_to_virtio64(vd, sectors);
	cfg->size_max = vsb_cpu_to_virtio32(vd, blk->size_max);
	cfg->seg_max = vsb_cpu_to_virtio32(vd, blk->seg_max);
	cfg->geometry.cylinders = vsb_cpu_to_virtio16(vd, min_t(u64, cyls,
								65535));
	cfg->geometry.heads = 16;
	cfg->geometry.sectors = 63;
	cfg->blk_size = vsb_cpu_to_virtio32(vd, blk->blksz);
	cfg->physical_block_exp = 0;
	cfg->alignment_offset = 0;
	cfg->min_io_size = vsb_cpu_to_virtio16(vd, 1);
	cfg->opt_io_size = vsb_cpu_to_virtio32(vd, 0);
	cfg->num_queues = vsb_cpu_to_virtio16(vd, 1);
}

/* Whether the data segments of @req keep to size_max and seg_max */
static bool vsb_blk_segments_ok(struct vsb_blk *blk,
				struct virtio_sandbox_req *req, bool write)
{
	struct emul_iov *iov = write ? req->out : req->in;
	unsigned int n = write ? req->nout : req->nin;
	unsigned int first = write ? 1 : 0;
	unsigned int last = write ? n : n - 1;
	unsigned int i;

	/* The header and the status byte are not data segments */
	if (last < first)
		return true;
	if (last - first > blk->seg_max)
		return false;
	if (blk->size_max)
		for (i = first; i < last; i++)
			if (iov[i].len > blk->size_max)
				return false;

	return true;
}

static u8 vsb_blk_do(struct virtio_sandbox_dev *vd, struct vsb_blk *blk,
		     struct virtio_sandbox_req *req, u32 type, u64 sector,
		     u32 *written)
{
	bool write = type == VIRTIO_BLK_T_OUT;
	struct emul_sg data;
	u64 len, off;

	switch (type) {
	case VIRTIO_BLK_T_IN:
	case VIRTIO_BLK_T_OUT:
		/* After the header, or before the status byte */
		if (write) {
			blk->writes++;
			len = req->out_len - sizeof(struct virtio_blk_outhdr);
			data = (struct emul_sg){ req->out, req->nout,
				sizeof(struct virtio_blk_outhdr), len };
		} else {
			len = req->in_len - 1;
			data = (struct emul_sg){ req->in, req->nin, 0, len };
		}
		if (!vsb_blk_segments_ok(blk, req, write)) {
			blk->violations++;
			return VIRTIO_BLK_S_IOERR;
		}
		off = sector << VIRTIO_BLK_SECTOR_SHIFT;
		if (len % blk->blksz || off % blk->blksz ||
		    sector > (blk->medium.size >> VIRTIO_BLK_SECTOR_SHIFT) ||
		    len > blk->medium.size - off)
			return VIRTIO_BLK_S_IOERR;
		if (write && blk->ro)
			return VIRTIO_BLK_S_IOERR;
		if (emul_medium_io(&blk->medium, blk->buf, &data, 0, off, len,
				   write))
			return VIRTIO_BLK_S_IOERR;
		if (!write)
			*written = len;
		return VIRTIO_BLK_S_OK;
	case VIRTIO_BLK_T_FLUSH:
		if (!blk->flush)
			return VIRTIO_BLK_S_UNSUPP;
		blk->flushes++;
		if (emul_medium_flush(&blk->medium))
			return VIRTIO_BLK_S_IOERR;
		return VIRTIO_BLK_S_OK;
	case VIRTIO_BLK_T_GET_ID: {
		char id[VIRTIO_BLK_ID_BYTES] = { 0 };

		snprintf(id, sizeof(id), "virtboot-%s", vd->name);
		*written = vsb_req_write(req, 0, id, min_t(u64, sizeof(id),
							     req->in_len - 1));
		return VIRTIO_BLK_S_OK;
	}
	default:
		return VIRTIO_BLK_S_UNSUPP;
	}
}

static int vsb_blk_request(struct virtio_sandbox_dev *vd, unsigned int queue,
			   struct virtio_sandbox_req *req)
{
	struct vsb_blk *blk = vd->priv;
	struct virtio_blk_outhdr hdr;
	u32 written = 0;
	u8 status;

	/* Header in the readable part, status byte last in the writable */
	if (req->out_len < sizeof(hdr) || req->in_len < 1)
		return 0;
	vsb_req_read(req, 0, &hdr, sizeof(hdr));

	if (virtio_sandbox_fault_fires(vd, VSB_FAULT_IOERR))
		status = VIRTIO_BLK_S_IOERR;
	else if (virtio_sandbox_fault_fires(vd, VSB_FAULT_UNSUPP))
		status = VIRTIO_BLK_S_UNSUPP;
	else
		status = vsb_blk_do(vd, blk, req,
				    vsb_virtio32_to_cpu(vd, hdr.type),
				    vsb_virtio64_to_cpu(vd, hdr.sector),
				    &written);
	vsb_req_write(req, req->in_len - 1, &status, 1);

	return written + 1;
}

unsigned int vsb_blk_violations(struct virtio_sandbox_dev *vd)
{
	struct vsb_blk *blk = vd->priv;

	return blk->violations;
}

unsigned int vsb_blk_flushes(struct virtio_sandbox_dev *vd)
{
	struct vsb_blk *blk = vd->priv;

	return blk->flushes;
}

VIRTIO_SANDBOX_MODEL(blk) = {
	.name		= "blk",
	.device_id	= VIRTIO_ID_BLOCK,
	.num_queues	= 1,
	.config_len	= sizeof(struct virtio_blk_config),
	.init		= vsb_blk_init,
	.fill_config	= vsb_blk_fill_config,
	.request	= vsb_blk_request,
	.remove		= vsb_blk_remove,
};
