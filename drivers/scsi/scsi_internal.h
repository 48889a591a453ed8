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
 * struct scsi_failure - why a command failed, kept after the command
 * @err:	its error (0: it worked)
 * @status:	its SCSI status (S_ILLEGAL: the target gave none)
 * @contr_stat:	the host's status (SCSI_SEL_TIME_OUT, SCSI_UNEXP_DIS...)
 * @short_xfer:	it worked but moved fewer bytes than asked
 * @has_sense:	it came with sense data that decodes, in @sense
 * @sense:	its sense data
 */
struct scsi_failure {
	int err;
	u8 status;
	unsigned long contr_stat;
	bool short_xfer;
	bool has_sense;
	struct scsi_sense sense;
};

/**
 * struct scsi_blk_plat - a LUN behind a SCSI block device (driver plat)
 * @target:	target id
 * @lun:	LUN
 * @max_blocks:	most blocks one command transfers
 * @last:	why the last failed command failed (err 0: the last one worked)
 */
struct scsi_blk_plat {
	unsigned int target;
	unsigned int lun;
	u32 max_blocks;
	struct scsi_failure last;
};

/**
 * scsi_failure_set() - keep why @cmd failed
 * @fail:	filled in
 * @cmd:	the command, after it ran
 * @err:	what running it returned (-EIO with everything it moved:
 *		a short transfer)
 */
void scsi_failure_set(struct scsi_failure *fail, struct scsi_cmd *cmd,
		      int err);

/**
 * scsi_failure_str() - why a command failed, in words, for one error line
 * @fail:	what scsi_failure_set() kept
 * @target:	the target the command went to
 * @buf:	buffer for the text
 * @size:	its size
 * Return: @buf
 */
char *scsi_failure_str(const struct scsi_failure *fail, unsigned int target,
		       char *buf, int size);

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
