/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the SCSI disk layer's files share (drivers/scsi/ only): the plat of
 * a scsi_blk device, which the scan fills in when it binds one, and
 * running one command to a LUN (scsi_cmd.c).
 */
#ifndef _SCSI_INTERNAL_H
#define _SCSI_INTERNAL_H

#include <scsi.h>
#include <linux/types.h>

struct udevice;

#define SCSI_UA_TRIES		8	/* UNIT ATTENTIONs in a row we accept */

/**
 * struct scsi_blk_plat - a LUN behind a SCSI block device (driver plat)
 * @target:	target id
 * @lun:	LUN
 * @max_blocks:	most blocks one command transfers
 * @last_err:	error of the last failed command (0: the last one worked)
 * @last_status: its SCSI status
 * @sense:	its sense data, if @has_sense
 * @has_sense:	the last failure came with sense data
 */
struct scsi_blk_plat {
	unsigned int target;
	unsigned int lun;
	u32 max_blocks;
	int last_err;
	u8 last_status;
	struct scsi_sense sense;
	bool has_sense;
};

/**
 * scsi_cmd_sense_key() - the sense key of a failed command
 * @cmd:	the command, after it ran
 * @sense:	filled with its decoded sense data
 * Return: the sense key, or -1 if @cmd did not end in CHECK CONDITION
 *	with sense data that decodes
 */
int scsi_cmd_sense_key(struct scsi_cmd *cmd, struct scsi_sense *sense);

/**
 * scsi_run() - run a command, again after a UNIT ATTENTION (up to
 * SCSI_UA_TRIES times), each try counted in the host's scsi_uc_priv.cmds
 * @host:	the SCSI host (UCLASS_SCSI)
 * @cmd:	the command
 * Return: what scsi_exec() returned for the last try
 */
int scsi_run(struct udevice *host, struct scsi_cmd *cmd);

/**
 * scsi_setup_cmd() - clear @cmd and address it, with its data buffer
 * @cmd:	the command to set up (its CDB is left for the caller)
 * @target:	target id
 * @lun:	LUN
 * @buf:	data buffer (NULL if @len is 0)
 * @len:	its length; data comes from the device if non-zero
 */
void scsi_setup_cmd(struct scsi_cmd *cmd, unsigned int target,
		    unsigned int lun, void *buf, unsigned long len);

#endif /* _SCSI_INTERNAL_H */
