// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * One command to a LUN, for the scan and the block devices: setting it up,
 * running it (again after a UNIT ATTENTION, counted in the host's
 * struct scsi_uc_priv), the sense key of its failure, why it failed in
 * words.
 */

#include <common.h>
#include <dm.h>
#include <errno.h>
#include <scsi.h>
#include <vsprintf.h>
#include "scsi_internal.h"

static void scsi_count_cmd(struct udevice *host)
{
	struct scsi_uc_priv *uc_priv = dev_get_uclass_priv(host);

	if (uc_priv)
		uc_priv->cmds++;
}

/* The sense key of a failed command, or -1 */
int scsi_cmd_sense_key(struct scsi_cmd *cmd, struct scsi_sense *sense)
{
	if (cmd->status != S_CHECK_COND ||
	    scsi_decode_sense(cmd->sense_buf, cmd->sensedatalen, sense))
		return -1;

	return sense->key;
}

/*
 * Run @cmd, again after a UNIT ATTENTION (a fresh LUN reports one, as do
 * resets and medium changes).
 */
int scsi_run(struct udevice *host, struct scsi_cmd *cmd)
{
	struct scsi_sense sense;
	int ret, i;

	for (i = 0; i < SCSI_UA_TRIES; i++) {
		scsi_count_cmd(host);
		ret = scsi_exec(host, cmd);
		if (ret != -EIO ||
		    scsi_cmd_sense_key(cmd, &sense) != SENSE_UNIT_ATTENTION)
			return ret;
	}

	return ret;
}

void scsi_setup_cmd(struct scsi_cmd *cmd, unsigned int target,
		    unsigned int lun, void *buf, unsigned long len)
{
	memset(cmd, 0, sizeof(*cmd));
	cmd->target = target;
	cmd->lun = lun;
	cmd->pdata = buf;
	cmd->datalen = len;
	cmd->dma_dir = len ? DMA_FROM_DEVICE : DMA_NONE;
}

void scsi_failure_set(struct scsi_failure *fail, struct scsi_cmd *cmd,
		      int err)
{
	fail->err = err;
	fail->status = cmd->status;
	fail->contr_stat = cmd->contr_stat;
	fail->short_xfer = err && cmd->status == S_GOOD && !cmd->contr_stat &&
			   cmd->trans_bytes < cmd->datalen;
	fail->has_sense = scsi_cmd_sense_key(cmd, &fail->sense) >= 0;
}

char *scsi_failure_str(const struct scsi_failure *fail, unsigned int target,
		       char *buf, int size)
{
	if (fail->has_sense)
		return scsi_sense_str(&fail->sense, buf, size);
	if (fail->err == -ENODEV)
		snprintf(buf, size, "target %u is gone", target);
	else if (fail->err == -ETIMEDOUT || fail->err == -EBUSY)
		strlcpy(buf, errno_str(fail->err), size);
	else if (fail->contr_stat == SCSI_UNEXP_DIS)
		snprintf(buf, size,
			 "the path to target %u failed (transport failure)",
			 target);
	else if (fail->short_xfer)
		snprintf(buf, size, "the device moved fewer bytes than asked");
	else if (fail->status != S_GOOD && fail->status != S_ILLEGAL)
		snprintf(buf, size, "SCSI status 0x%02x", fail->status);
	else if (fail->err == -EIO && fail->status == S_ILLEGAL)
		snprintf(buf, size, "the SCSI host failed the command");
	else
		snprintf(buf, size, "error %d", fail->err);

	return buf;
}
