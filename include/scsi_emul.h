/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An emulated SCSI target: the LUNs of the sandbox's --scsi options (disks
 * and CD-ROMs on host files or memory) and the commands they answer, with
 * status and sense as a real target gives them, and armed faults.
 *
 * It knows nothing of how commands reach it: a host (the sandbox's
 * virtio-scsi controller, a fuzz harness, a later sandbox SCSI host) takes
 * a command from its own framing, fills a struct scsi_emul_cmd and calls
 * scsi_emul_command(); what the host itself reports (no such target, a
 * transport failure) stays with the host. See doc/develop/scsi.md.
 */
#ifndef __SCSI_EMUL_H
#define __SCSI_EMUL_H

#include <emul_medium.h>
#include <linux/types.h>

/**
 * enum scsi_emul_fault - faults of the target (the host decides when one
 * fires, see &scsi_emul.fault)
 *
 * @SCSI_EMUL_FAULT_MEDIUM_ERROR: a READ ends with MEDIUM ERROR,
 *				unrecovered read error
 * @SCSI_EMUL_FAULT_BECOMING_READY: TEST UNIT READY answers NOT READY,
 *				becoming ready
 * @SCSI_EMUL_FAULT_NOT_READY:	TEST UNIT READY, READ and WRITE answer NOT
 *				READY, manual intervention required
 * @SCSI_EMUL_FAULT_HARDWARE_ERROR: READ and WRITE end with HARDWARE ERROR
 * @SCSI_EMUL_FAULT_ILLEGAL_REQUEST: READ and WRITE end with ILLEGAL
 *				REQUEST, invalid field in CDB
 * @SCSI_EMUL_FAULT_UNIT_ATTENTION: every command but INQUIRY, REPORT LUNS
 *				and REQUEST SENSE answers UNIT ATTENTION,
 *				power on or reset
 */
enum scsi_emul_fault {
	SCSI_EMUL_FAULT_MEDIUM_ERROR,
	SCSI_EMUL_FAULT_BECOMING_READY,
	SCSI_EMUL_FAULT_NOT_READY,
	SCSI_EMUL_FAULT_HARDWARE_ERROR,
	SCSI_EMUL_FAULT_ILLEGAL_REQUEST,
	SCSI_EMUL_FAULT_UNIT_ATTENTION,
};

/**
 * struct scsi_emul_lun - one emulated LUN
 * @medium:	the file or memory holding the blocks
 * @blksz:	logical block size
 * @target:	target id
 * @lun:	LUN
 * @cd:		a CD-ROM (type 5, read-only, removable)
 * @ro:		read-only
 * @nomedium:	a drive without a disc: NOT READY, MEDIUM NOT PRESENT
 * @ua:		a UNIT ATTENTION is pending
 */
struct scsi_emul_lun {
	struct emul_medium medium;
	u32 blksz;
	unsigned int target;
	unsigned int lun;
	bool cd;
	bool ro;
	bool nomedium;
	bool ua;
};

/**
 * struct scsi_emul_stats - what the target saw, for tests
 * @cmds:	commands received (counted by the host, which sees them first)
 * @reads:	READ(10) commands
 * @reads16:	READ(16) commands
 * @writes:	WRITE(10/16) commands
 * @report_luns: REPORT LUNS commands
 * @bad_target:	commands for a target without LUNs (counted by the host)
 * @violations:	transfers longer than @max_sectors or the VPD limit
 * @max_xfer_bytes: longest data transfer of one command
 * @tmfs:	task management requests (counted by the host)
 */
struct scsi_emul_stats {
	unsigned int cmds;
	unsigned int reads;
	unsigned int reads16;
	unsigned int writes;
	unsigned int report_luns;
	unsigned int bad_target;
	unsigned int violations;
	u64 max_xfer_bytes;
	unsigned int tmfs;
};

/**
 * struct scsi_emul - an emulated SCSI target with its LUNs
 *
 * Set up with scsi_emul_init() and scsi_emul_add_lun(); the host may then
 * change @max_sectors and set @fault and @priv.
 *
 * @luns:	its LUNs
 * @nluns:	entries of @luns in use
 * @room:	entries of @luns
 * @target_limit: largest target id the host can address
 * @lun_limit:	largest LUN the host can address
 * @max_sectors: largest transfer of one command in 512-byte sectors, the
 *		host's limit: a longer READ or WRITE is refused and counted
 * @max_xfer:	VPD 0xB0 maximum transfer length (blocks, 0: none)
 * @noreport:	refuse REPORT LUNS
 * @absent_illegal: INQUIRY of a missing LUN fails with ILLEGAL REQUEST
 * @buf:	bounce buffer for host I/O and answers (EMUL_MEDIUM_MAX_IO)
 * @stats:	counters for tests
 * @fault:	whether an armed fault fires now (each call is one chance), or
 *		NULL for none
 * @priv:	the host's, for @fault
 */
struct scsi_emul {
	struct scsi_emul_lun *luns;
	int nluns;
	int room;
	unsigned int target_limit;
	unsigned int lun_limit;
	u32 max_sectors;
	u32 max_xfer;
	bool noreport;
	bool absent_illegal;
	u8 *buf;
	struct scsi_emul_stats stats;
	bool (*fault)(struct scsi_emul *emul, enum scsi_emul_fault kind);
	void *priv;
};

/**
 * struct scsi_emul_cmd - one command for the target
 *
 * The host fills the first part; scsi_emul_command() the second.
 *
 * @cdb:	the CDB, at least 16 bytes (padded with zeros)
 * @target:	target id
 * @lun:	LUN
 * @data_out:	the data the initiator sent (@data_out.len bytes)
 * @data_in:	room for the data the target returns (@data_in.len bytes)
 * @status:	SCSI status
 * @sense:	fixed-format sense data
 * @sense_len:	bytes of @sense (0: none)
 * @done:	bytes of data-in written
 */
struct scsi_emul_cmd {
	const u8 *cdb;
	unsigned int target;
	unsigned int lun;
	struct emul_sg data_out;
	struct emul_sg data_in;
	u8 status;
	u8 sense[18];
	u32 sense_len;
	u64 done;
};

/**
 * scsi_emul_init() - set up a target without LUNs
 * @emul:	the target (zeroed by this call)
 * @room:	most LUNs it will have
 * @target_limit: largest target id the host can address
 * @lun_limit:	largest LUN the host can address
 * Return: 0 if OK, -ENOMEM
 */
int scsi_emul_init(struct scsi_emul *emul, int room,
		   unsigned int target_limit, unsigned int lun_limit);

/**
 * scsi_emul_add_lun() - add a LUN from its spec
 * @emul:	the target
 * @spec:	FILE[,cd][,ro][,nomedium][,bs=N][,target=T][,lun=L] with FILE
 *		a host file or "mem:SIZE"; also the target's options,
 *		noreport (REPORT LUNS refused), absent-illegal (INQUIRY of a
 *		missing LUN answered with ILLEGAL REQUEST, LOGICAL UNIT NOT
 *		SUPPORTED instead of qualifier 3) and max_xfer=N
 * @host_opt:	called with each option the target does not know; returns
 *		0 if it is the host's, -EINVAL if not
 * @ctx:	for @host_opt
 * Return: 0 if OK, -EINVAL for a bad spec or a LUN already there, -ENOSPC
 *	   past the room given to scsi_emul_init(), or emul_medium_open()'s
 *	   error
 */
int scsi_emul_add_lun(struct scsi_emul *emul, const char *spec,
		      int (*host_opt)(void *ctx, const char *opt), void *ctx);

/**
 * scsi_emul_remove() - close every LUN's medium and free the target's
 * memory (harmless on a target scsi_emul_init() failed to set up)
 * @emul:	the target
 */
void scsi_emul_remove(struct scsi_emul *emul);

/**
 * scsi_emul_has_target() - whether a target id has any LUN
 * @emul:	the target
 * @target:	target id
 */
bool scsi_emul_has_target(struct scsi_emul *emul, unsigned int target);

/**
 * scsi_emul_reset() - a reset of the target: each LUN reports UNIT
 * ATTENTION, POWER ON OR RESET to its next command
 * @emul:	the target
 * @target:	only the LUNs of this target id, or -1 for every LUN
 */
void scsi_emul_reset(struct scsi_emul *emul, int target);

/**
 * scsi_emul_command() - carry out one command
 * @emul:	the target
 * @cmd:	the command; the host has checked scsi_emul_has_target()
 *
 * Commands: TEST UNIT READY, REQUEST SENSE, INQUIRY (standard, VPD 0x00,
 * 0x80, 0xB0 for disks), MODE SENSE(6), READ CAPACITY(10)/(16),
 * READ/WRITE(10)/(16), SYNCHRONIZE CACHE(10), REPORT LUNS; others end with
 * ILLEGAL REQUEST, INVALID COMMAND OPERATION CODE. For a missing LUN,
 * INQUIRY gives qualifier 3 / type 0x1f, REPORT LUNS the target's list and
 * other commands ILLEGAL REQUEST, LOGICAL UNIT NOT SUPPORTED.
 */
void scsi_emul_command(struct scsi_emul *emul, struct scsi_emul_cmd *cmd);

#endif
