/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the SCSI disk layer's files share (drivers/scsi/ only): the plat of
 * a scsi_blk device, which bring-up fills in when it binds one; running
 * one command to a LUN and saying why it failed (scsi_cmd.c); the LUNs
 * being brought up and the steps that do it (scsi_probe.c).
 */
#ifndef _SCSI_INTERNAL_H
#define _SCSI_INTERNAL_H

#include <scsi.h>
#include <blk.h>
#include <linux/types.h>

struct udevice;

#define SCSI_UA_TRIES		8	/* UNIT ATTENTIONs in a row we accept */

#define SCSI_PROBE_BUF		512	/* data of one step (and REPORT LUNS) */

/**
 * struct scsi_lun_info - what bring-up found out about a LUN
 * @type:	peripheral device type
 * @removable:	removable medium
 * @read_only:	CD-ROM or write-protected
 * @blksz:	block size
 * @lba:	number of blocks (0: no medium)
 * @max_xfer:	maximum transfer length from VPD page 0xB0 (0: none)
 * @vendor:	vendor, product and revision from INQUIRY
 */
struct scsi_lun_info {
	u8 type;
	bool removable;
	bool read_only;
	u32 blksz;
	u64 lba;
	u32 max_xfer;
	char vendor[BLK_VEN_SIZE + 1];
	char product[BLK_PRD_SIZE + 1];
	char revision[BLK_REV_SIZE + 1];
};

/**
 * struct scsi_probe - one LUN (or, for REPORT LUNS, one target) being
 * brought up: the scan moves all of a chunk through each step together,
 * its commands in flight at once (scsi_exec_multi())
 * @target:	target id
 * @lun:	LUN
 * @ret:	0 while the LUN is still being brought up, else why it left:
 *		-ENOENT no (block) LUN, -ENOMEDIUM removable without medium,
 *		-ERANGE a capacity or block size that cannot be used,
 *		other -ve failed
 * @info:	what was found
 * @cmd:	the command of the current step
 * @buf:	its data buffer
 */
struct scsi_probe {
	unsigned int target;
	unsigned int lun;
	int ret;
	struct scsi_lun_info info;
	struct scsi_cmd cmd;
	u8 buf[SCSI_PROBE_BUF];
};

/* Set up the command of @p for a step; false: @p takes no part in it */
typedef bool (*scsi_step_fn)(struct scsi_probe *p);

/**
 * scsi_step() - one step of bringing up LUNs (or asking targets): the
 * commands @setup makes go to the host together, UNIT ATTENTIONs are sent
 * again (up to SCSI_UA_TRIES times)
 * @host:	the SCSI host
 * @probes:	the LUNs; those with ret set take no part
 * @n:		how many
 * @setup:	sets up the command of a probe, false if it takes no part
 * @rets:	each probe's result of the step, -ESRCH if it took no part
 */
void scsi_step(struct udevice *host, struct scsi_probe *probes, int n,
	       scsi_step_fn setup, int *rets);

/**
 * scsi_probe_cmd() - set up the command of @p, with @len bytes of its
 * buffer for data in (0: none), the buffer cleared
 * @p:		the probe
 * @len:	data length, at most SCSI_PROBE_BUF
 */
void scsi_probe_cmd(struct scsi_probe *p, unsigned int len);

/**
 * struct scsi_report - where a scan reports what it finds
 * @fn:		the caller's function (NULL: nobody listens)
 * @priv:	its pointer
 */
struct scsi_report {
	scsi_scan_report_t fn;
	void *priv;
};

/**
 * scsi_probe_chunk() - bring up the LUNs of @probes together, bind a block
 * device for each that comes up, count them in the host's scsi_uc_priv
 * @host:	the SCSI host
 * @probes:	target and LUN of each set, the rest zero
 * @n:		how many
 * @rets:	room for @n results
 * @rep:	told of the LUNs that failed to come up, a run of LUNs of a
 *		target failing for one reason at a time (NULL: nobody)
 */
void scsi_probe_chunk(struct udevice *host, struct scsi_probe *probes, int n,
		      int *rets, struct scsi_report *rep);

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
 * struct scsi_blk_plat - a LUN behind a SCSI block device (driver plat;
 * its target and LUN are in the blk_desc)
 * @max_blocks:	most blocks one command transfers
 */
struct scsi_blk_plat {
	u32 max_blocks;
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
