/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SCSI hosts (UCLASS_SCSI) and the SCSI disk layer, with U-Boot 2023.01's
 * names and signatures: struct scsi_cmd, struct scsi_plat, struct
 * scsi_ops {exec, bus_reset}, scsi_exec(), scsi_scan_dev().
 *
 * A host driver (virtio-scsi, ...) implements struct scsi_ops: exec()
 * sends one command to (target, lun) and returns 0 if it completed with
 * GOOD status; otherwise an error, with the SCSI status in cmd->status and
 * any sense data in cmd->sense_buf. The driver reports its limits in its
 * uclass platform data, struct scsi_plat.
 *
 * virtboot's own layer (drivers/scsi/) scans a host when it is probed:
 * REPORT LUNS on every target, then INQUIRY, TEST UNIT READY and READ
 * CAPACITY on each LUN; every LUN found becomes a block device (driver
 * "scsi_blk") of the "scsi" interface, numbered in scan order across
 * the hosts, as in U-Boot. See doc/develop/scsi.md.
 *
 * Differences from U-Boot, all compatible with a driver written for it:
 * scsi_cmd.lun is 16 bits wide (the flat LUN space goes to 16383), and
 * the virtboot additions at the end of this file.
 */
#ifndef _SCSI_H
#define _SCSI_H

#include <linux/dma-direction.h>
#include <linux/types.h>

struct udevice;

/**
 * struct scsi_cmd - one SCSI command, as U-Boot's
 *
 * @cmd:	command descriptor block
 * @sense_buf:	sense data the host got with a CHECK CONDITION
 * @status:	SCSI status (S_GOOD, S_CHECK_COND, ...)
 * @target:	target id
 * @lun:	logical unit number (U-Boot: 8 bits)
 * @cmdlen:	bytes of @cmd
 * @datalen:	bytes of the data buffer
 * @pdata:	data buffer
 * @msgout:	not used
 * @msgin:	not used
 * @sensecmdlen: not used
 * @sensedatalen: bytes of @sense_buf filled (virtboot sets it)
 * @sensecmd:	not used
 * @contr_stat:	host status: SCSI_SEL_TIME_OUT when there is no such target,
 *		SCSI_UNEXP_DIS when the path to the target broke
 * @trans_bytes: bytes transferred (virtboot sets it)
 * @priv:	for the host driver
 * @dma_dir:	DMA_FROM_DEVICE (data in), DMA_TO_DEVICE (data out) or
 *		DMA_NONE
 */
struct scsi_cmd {
	unsigned char cmd[16];
	unsigned char sense_buf[64];
	unsigned char status;
	unsigned char target;
	unsigned short lun;
	unsigned char cmdlen;
	unsigned long datalen;
	unsigned char *pdata;
	unsigned char msgout[12];
	unsigned char msgin[12];
	unsigned char sensecmdlen;
	unsigned long sensedatalen;
	unsigned char sensecmd[6];
	unsigned long contr_stat;
	unsigned long trans_bytes;
	unsigned int priv;
	enum dma_data_direction dma_dir;
};

/* Status */
#define S_GOOD		0x00
#define S_CHECK_COND	0x02
#define S_COND_MET	0x04
#define S_BUSY		0x08
#define S_INT		0x10
#define S_INT_COND_MET	0x14
#define S_CONFLICT	0x18
#define S_TERMINATED	0x20
#define S_QUEUE_FULL	0x28
#define S_ILLEGAL	0xff
#define S_SENSE		0x80

/* Sense keys */
#define SENSE_NO_SENSE		0x0
#define SENSE_RECOVERED_ERROR	0x1
#define SENSE_NOT_READY		0x2
#define SENSE_MEDIUM_ERROR	0x3
#define SENSE_HARDWARE_ERROR	0x4
#define SENSE_ILLEGAL_REQUEST	0x5
#define SENSE_UNIT_ATTENTION	0x6
#define SENSE_DATA_PROTECT	0x7
#define SENSE_BLANK_CHECK	0x8
#define SENSE_VENDOR_SPECIFIC	0x9
#define SENSE_COPY_ABORTED	0xA
#define SENSE_ABORTED_COMMAND	0xB
#define SENSE_VOLUME_OVERFLOW	0xD
#define SENSE_MISCOMPARE	0xE

/* Operation codes */
#define SCSI_TST_U_RDY		0x00	/* TEST UNIT READY */
#define SCSI_REQ_SENSE		0x03	/* REQUEST SENSE */
#define SCSI_INQUIRY		0x12	/* INQUIRY */
#define SCSI_MODE_SEN6		0x1A	/* MODE SENSE(6) */
#define SCSI_START_STP		0x1B	/* START STOP UNIT */
#define SCSI_MED_REMOVL		0x1E	/* PREVENT ALLOW MEDIUM REMOVAL */
#define SCSI_RD_CAPAC		0x25	/* READ CAPACITY(10) */
#define SCSI_RD_CAPAC10		SCSI_RD_CAPAC
#define SCSI_READ10		0x28	/* READ(10) */
#define SCSI_WRITE10		0x2A	/* WRITE(10) */
#define SCSI_SYNC_CACHE		0x35	/* SYNCHRONIZE CACHE(10) */
#define SCSI_MODE_SEN10		0x5A	/* MODE SENSE(10) */
#define SCSI_READ16_OP		0x88	/* READ(16) (U-Boot's SCSI_READ16 says 0x48) */
#define SCSI_WRITE16_OP		0x8A	/* WRITE(16) */
#define SCSI_RD_CAPAC16		0x9e	/* SERVICE ACTION IN(16) */
#define SCSI_SAI_RD_CAPAC16	0x10	/* ... service action READ CAPACITY(16) */
#define SCSI_REPORT_LUNS	0xA0	/* REPORT LUNS */

/* Host errors in scsi_cmd.contr_stat */
#define SCSI_SEL_TIME_OUT	0x00000101	/* no such target */
#define SCSI_HNS_TIME_OUT	0x00000102	/* handshake */
#define SCSI_MA_TIME_OUT	0x00000103	/* phase error */
#define SCSI_UNEXP_DIS		0x00000104	/* unexpected disconnect */

/**
 * struct scsi_plat - a SCSI host's limits (uclass platform data)
 *
 * @base:	controller base address (unused here)
 * @max_lun:	LUNs per target the scanner probes one by one (LUNs 0 to
 *		@max_lun - 1) when a target does not answer REPORT LUNS
 * @max_id:	targets: ids 0 to @max_id - 1
 * @max_bytes_per_req: largest data transfer of one command (0: no limit)
 */
struct scsi_plat {
	unsigned long base;
	unsigned long max_lun;
	unsigned long max_id;
	unsigned long max_bytes_per_req;
};

/** struct scsi_ops - what a SCSI host driver provides */
struct scsi_ops {
	/**
	 * exec() - execute a command
	 * @dev:	the SCSI host
	 * @cmd:	the command
	 * Return: 0 if it completed with GOOD status, -ENODEV if there is no
	 *	   such target, -EBUSY if the host or target was busy or reset
	 *	   (retry), -ETIMEDOUT, or -EIO (see @cmd->status, sense_buf)
	 */
	int (*exec)(struct udevice *dev, struct scsi_cmd *cmd);
	/**
	 * bus_reset() - reset the bus
	 * Return: 0 if OK, -ve on error
	 */
	int (*bus_reset)(struct udevice *dev);
	/**
	 * exec_multi() - (virtboot, optional) execute @n commands, several
	 * in flight at once
	 * @dev:	the SCSI host
	 * @cmds:	the commands
	 * @n:		entries of @cmds
	 * @rets:	returns each command's result, as exec() returns it
	 * Return: 0 if every command succeeded, else the first error
	 */
	int (*exec_multi)(struct udevice *dev, struct scsi_cmd *cmds, int n,
			  int *rets);
};

/* Tells a host driver that also builds in U-Boot that exec_multi exists */
#define SCSI_OPS_EXEC_MULTI

#define scsi_get_ops(dev)	((struct scsi_ops *)(dev)->driver->ops)

/**
 * scsi_exec() - execute a command on a SCSI host
 * @dev:	the SCSI host
 * @cmd:	the command, its data buffer and where the result goes
 * Return: as scsi_ops.exec(); -ENOSYS if the host has no exec
 */
int scsi_exec(struct udevice *dev, struct scsi_cmd *cmd);

/**
 * scsi_exec_multi() - (virtboot) execute @n commands on a SCSI host, in
 * flight together if the host can (exec_multi), else one after another
 * @dev:	the SCSI host
 * @cmds:	the commands
 * @n:	the number of commands in @cmds
 * @rets:	returns each command's result, as scsi_exec() returns it
 * Return: 0 if every command succeeded, else the first error
 */
int scsi_exec_multi(struct udevice *dev, struct scsi_cmd *cmds, int n,
		    int *rets);

/**
 * scsi_bus_reset() - reset a SCSI host's bus
 * @dev:	the SCSI host
 * Return: 0 if OK, -ENOSYS if the host cannot, other -ve on error
 */
int scsi_bus_reset(struct udevice *dev);

/**
 * scsi_scan() - scan every SCSI host again, as U-Boot's: remove the block
 * devices of all hosts, then scan each (probing it first), so that the
 * devices are numbered from 0 in scan order
 * @verbose:	U-Boot prints each device found; virtboot's drivers do not
 *		print, so this is ignored (use scsi_scan_report())
 * Return: 0 if OK, else the first error
 */
int scsi_scan(bool verbose);

/**
 * scsi_scan_dev() - scan one SCSI host: remove its block devices and
 * create one for every LUN found
 * @dev:	the SCSI host (probed)
 * @verbose:	ignored, as for scsi_scan()
 * Return: 0 if OK (even if nothing was found), -ve on error
 */
int scsi_scan_dev(struct udevice *dev, bool verbose);

/* ---- virtboot additions ---- */

/* Peripheral device types (INQUIRY byte 0, bits 4..0) */
#define SCSI_TYPE_DISK		0x00
#define SCSI_TYPE_ROM		0x05
#define SCSI_TYPE_MOD		0x07
#define SCSI_TYPE_RBC		0x0e
#define SCSI_TYPE_NO_LUN	0x1f
/* Peripheral qualifier 3 (byte 0, bits 7..5): no logical unit here */
#define SCSI_QUAL_NO_LUN	3

/* Largest LUN of the flat (and peripheral) address methods */
#define SCSI_MAX_FLAT_LUN	16383

/**
 * struct scsi_sense - the parts of sense data a user needs
 * @key:	sense key (SENSE_...)
 * @asc:	additional sense code
 * @ascq:	additional sense code qualifier
 */
struct scsi_sense {
	u8 key;
	u8 asc;
	u8 ascq;
};

/**
 * struct scsi_uc_priv - (virtboot) what the last scan of a host found
 * (uclass private data of a SCSI host)
 * @scan_us:	duration of the last scan, microseconds
 * @probe_us:	then probing the block devices (partition tables)
 * @targets:	targets that answered
 * @luns:	block devices created
 * @failed:	LUNs that could not be brought up (INQUIRY failed other than
 *		with "no such LUN", or a later step failed)
 * @cmds:	commands sent by the last scan
 */
struct scsi_uc_priv {
	u64 scan_us;
	u64 probe_us;
	unsigned int targets;
	unsigned int luns;
	unsigned int failed;
	unsigned int cmds;
};

/**
 * enum scsi_scan_what - (virtboot) what a scan report is about
 * @SCSI_SCAN_FAILED:	LUNs of one target that failed to come up, for
 *			one reason (reported as each chunk of LUNs is done)
 * @SCSI_SCAN_LUN:	a LUN that came up: its block device, probed
 * @SCSI_SCAN_HOST:	a host's scan is over (its struct scsi_uc_priv
 *			holds the counts and times)
 */
enum scsi_scan_what {
	SCSI_SCAN_FAILED,
	SCSI_SCAN_LUN,
	SCSI_SCAN_HOST,
};

/**
 * struct scsi_scan_event - (virtboot) one thing a scan found, for the
 * caller to print: drivers do not print
 * @what:	what this is about
 * @host:	the SCSI host being scanned
 * @bdev:	SCSI_SCAN_LUN: the block device of the LUN
 * @target:	SCSI_SCAN_FAILED: the target of the LUNs
 * @first_lun:	SCSI_SCAN_FAILED: the first LUN of the run
 * @last_lun:	SCSI_SCAN_FAILED: the last (the same as @first_lun for one)
 * @reason:	SCSI_SCAN_FAILED: why they failed, in words
 * @ret:	SCSI_SCAN_HOST: 0 if the scan worked, else its error
 */
struct scsi_scan_event {
	enum scsi_scan_what what;
	struct udevice *host;
	struct udevice *bdev;
	unsigned int target;
	unsigned int first_lun;
	unsigned int last_lun;
	const char *reason;
	int ret;
};

/**
 * typedef scsi_scan_report_t - (virtboot) called for each scan event
 * @ev:		the event (valid during the call only)
 * @priv:	the caller's pointer, as given to scsi_scan_report()
 */
typedef void (*scsi_scan_report_t)(const struct scsi_scan_event *ev,
				   void *priv);

/**
 * scsi_scan_report() - (virtboot) scsi_scan(), telling @report about each
 * LUN that came up or failed to and about each host when it is done
 * @report:	called for each event (NULL: none)
 * @priv:	passed to @report
 * Return: 0 if every host was scanned, else the first error
 */
int scsi_scan_report(scsi_scan_report_t report, void *priv);

/**
 * scsi_decode_sense() - the key, ASC and ASCQ of sense data, fixed
 * (0x70/0x71) or descriptor (0x72/0x73) format
 * @buf:	sense data
 * @len:	bytes of @buf
 * @sense:	returns the decoded fields
 * Return: 0 if OK, -EINVAL if @buf holds no sense data
 */
int scsi_decode_sense(const u8 *buf, unsigned int len,
		      struct scsi_sense *sense);

/**
 * scsi_sense_str() - one readable line for sense data, e.g.
 * "MEDIUM ERROR, asc 0x11 ascq 0x00 (unrecovered read error)"
 * @sense:	decoded sense
 * @buf:	output
 * @size:	bytes of @buf
 * Return: @buf
 */
char *scsi_sense_str(const struct scsi_sense *sense, char *buf, int size);

/**
 * scsi_sense_key_name() - the name of a sense key, e.g. "MEDIUM ERROR"
 * @key:	sense key (only its low 4 bits count)
 * Return: the name, as SPC spells it
 */
const char *scsi_sense_key_name(u8 key);

/**
 * scsi_setup_rw() - build READ/WRITE(10) or (16) for @blocks blocks at @lba
 *
 * READ(10)/WRITE(10) when every block lies below 2^32 and @blocks fits
 * in 16 bits, else (16). Sets cmd, cmdlen and dma_dir (not the data
 * buffer or its length).
 * @cmd:	the command
 * @write:	WRITE instead of READ
 * @lba:	first block
 * @blocks:	number of blocks (1 to 2^32 - 1)
 */
void scsi_setup_rw(struct scsi_cmd *cmd, bool write, u64 lba, u32 blocks);

/**
 * scsi_lun_from_report() - the LUN number of one REPORT LUNS entry
 * @entry:	8-byte LUN as the device reports it
 * Return: the LUN (peripheral or flat address method, single level), or
 *	   -EINVAL for a form virtboot cannot address
 */
int scsi_lun_from_report(const u8 *entry);

/**
 * scsi_report_luns_parse() - the LUNs of REPORT LUNS parameter data
 * @buf:	the data the device returned
 * @len:	bytes of @buf that are valid
 * @luns:	returns the LUNs (entries that cannot be addressed are skipped)
 * @max:	room in @luns
 * @needed:	returns the buffer size the whole list needs (8 + list
 *		length): larger than @len means the list was cut short and
 *		the command should be sent again with a larger buffer
 * Return: number of LUNs stored in @luns, or -EINVAL if @len < 8
 */
int scsi_report_luns_parse(const u8 *buf, unsigned int len, u16 *luns,
			   unsigned int max, unsigned int *needed);

#endif
