// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * One command to a LUN, for the scan and the block devices: setting it up,
 * running it (again after a UNIT ATTENTION, counted in the host's
 * struct scsi_uc_priv), the sense key of its failure.
 */

#include <common.h>
#include <dm.h>
#include <scsi.h>
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
