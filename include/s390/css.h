/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The s390 channel subsystem, as the firmware uses it: a bus device
 * ("css", declared by the board) that finds the subchannels and binds a
 * driver to each device by control-unit type (U_BOOT_CSS_DEVICE()), and
 * the calls those drivers use to enable subchannels, run format-1 channel
 * programs and collect their status by polling (no I/O interruptions). Structure and field names follow the
 * z/Architecture Principles of Operation and Linux's drivers/s390/cio.
 * The structures are the CPU's own (big-endian, bit 0 the most
 * significant), so their bit-fields are laid out as the machine reads
 * them by GCC on s390.
 */
#ifndef __S390_CSS_H
#define __S390_CSS_H

#include <linker_lists.h>
#include <linux/types.h>
#include <linux/compiler.h>

struct driver;

#define CSS_MAX_SSID		3
/* Subchannel id word: the "one" bit, the set id and the number */
#define CSS_SCHID(ssid, sch_no)	(0x00010000 | (ssid) << 17 | (sch_no))
#define CSS_SCHID_SSID(schid)	(((schid) >> 17) & 3)
#define CSS_SCHID_SCH_NO(schid)	((schid) & 0xffff)

/** struct pmcw - path-management-control word */
struct pmcw {
	u32 intparm;		/* interruption parameter */
	u32 qf : 1;		/* QDIO facility */
	u32 w : 1;
	u32 isc : 3;		/* interruption subclass */
	u32 res5 : 3;
	u32 ena : 1;		/* enabled */
	u32 lm : 2;		/* limit mode */
	u32 mme : 2;		/* measurement-mode enable */
	u32 mp : 1;		/* multipath mode */
	u32 tf : 1;		/* timing facility */
	u32 dnv : 1;		/* device number valid */
	u32 dev : 16;		/* device number */
	u8 lpm;			/* logical path mask */
	u8 pnom;		/* path not operational mask */
	u8 lpum;		/* last path used mask */
	u8 pim;			/* path installed mask */
	u16 mbi;		/* measurement-block index */
	u8 pom;			/* path operational mask */
	u8 pam;			/* path available mask */
	u8 chpid[8];		/* channel-path ids */
	u32 unused1 : 8;
	u32 st : 3;		/* subchannel type: 0 I/O */
	u32 unused2 : 18;
	u32 mbfc : 1;		/* measurement block format control */
	u32 xmwme : 1;		/* extended measurement word mode enable */
	u32 csense : 1;		/* concurrent sense */
} __packed;
_Static_assert(sizeof(struct pmcw) == 28, "pmcw");

#define SCSW_FCTL_START_FUNC	0x4
#define SCSW_STCTL_ALERT_STATUS	0x10
#define SCSW_STCTL_PRIM_STATUS	0x04
#define SCSW_STCTL_SEC_STATUS	0x02
#define SCSW_STCTL_STATUS_PEND	0x01

/* Device status */
#define DEV_STAT_ATTENTION	0x80
#define DEV_STAT_BUSY		0x10
#define DEV_STAT_CHN_END	0x08
#define DEV_STAT_DEV_END	0x04
#define DEV_STAT_UNIT_CHECK	0x02
#define DEV_STAT_UNIT_EXCEP	0x01

/* Sense byte 0 */
#define SNS0_CMD_REJECT		0x80

/** struct scsw - subchannel-status word, command mode */
struct scsw {
	u32 key : 4;		/* subchannel key */
	u32 sctl : 1;		/* suspend control */
	u32 eswf : 1;		/* ESW format */
	u32 cc : 2;		/* deferred condition code */
	u32 fmt : 1;		/* format */
	u32 pfch : 1;		/* prefetch */
	u32 isic : 1;		/* initial-status interruption control */
	u32 alcc : 1;		/* address-limit checking control */
	u32 ssi : 1;		/* suppress-suspended interruption */
	u32 zcc : 1;		/* zero condition code */
	u32 ectl : 1;		/* extended control */
	u32 pno : 1;		/* path not operational */
	u32 res : 1;
	u32 fctl : 3;		/* function control */
	u32 actl : 7;		/* activity control */
	u32 stctl : 5;		/* status control */
	u32 cpa;		/* channel program address */
	u32 dstat : 8;		/* device status */
	u32 cstat : 8;		/* subchannel status */
	u32 count : 16;		/* residual count */
} __packed;
_Static_assert(sizeof(struct scsw) == 12, "scsw");

/** struct schib - subchannel-information block */
struct schib {
	struct pmcw pmcw;
	struct scsw scsw;
	u64 mba;		/* measurement block address */
	u8 mda[4];		/* model dependent area */
} __packed __aligned(4);
_Static_assert(sizeof(struct schib) == 52, "schib");

/** struct cmd_orb - operation-request block, command mode */
struct cmd_orb {
	u32 intparm;		/* interruption parameter */
	u32 key : 4;		/* storage key */
	u32 spnd : 1;		/* suspend control */
	u32 res1 : 1;
	u32 mod : 1;		/* modification control */
	u32 sync : 1;		/* synchronize control */
	u32 fmt : 1;		/* CCW format: 1 for format-1 CCWs */
	u32 pfch : 1;		/* prefetch control */
	u32 isic : 1;		/* initial-status-interruption control */
	u32 alcc : 1;		/* address-limit-checking control */
	u32 ssic : 1;		/* suppress-suspended-interruption control */
	u32 res2 : 1;
	u32 c64 : 1;		/* 64-bit IDAW control */
	u32 i2k : 1;		/* 2K IDAW block size control */
	u32 lpm : 8;		/* logical path mask */
	u32 ils : 1;		/* incorrect length suppression */
	u32 zero : 6;
	u32 orbx : 1;		/* ORB extension control */
	u32 cpa;		/* channel program address, below 2 GiB */
	u32 reserved[5];
} __packed __aligned(4);
_Static_assert(sizeof(struct cmd_orb) == 32, "cmd_orb");

/** struct irb - interruption-response block (TEST SUBCHANNEL) */
struct irb {
	struct scsw scsw;
	u32 esw[5];		/* extended-status word */
	u8 ecw[32];		/* extended-control word: sense data */
	u32 emw[8];		/* extended-measurement word */
} __packed __aligned(4);
_Static_assert(sizeof(struct irb) == 96, "irb");

#define CCW_FLAG_DC		0x80	/* data chaining */
#define CCW_FLAG_CC		0x40	/* command chaining */
#define CCW_FLAG_SLI		0x20	/* suppress incorrect length */
#define CCW_FLAG_SKIP		0x10
#define CCW_FLAG_PCI		0x08
#define CCW_FLAG_IDA		0x04
#define CCW_FLAG_SUSPEND	0x02

#define CCW_CMD_NOOP		0x03
#define CCW_CMD_BASIC_SENSE	0x04
#define CCW_CMD_TIC		0x08
#define CCW_CMD_SENSE_ID	0xe4

/** struct ccw1 - format-1 channel command word */
struct ccw1 {
	u8 cmd_code;
	u8 flags;
	u16 count;
	u32 cda;		/* data address, below 2 GiB */
} __packed __aligned(8);
_Static_assert(sizeof(struct ccw1) == 8, "ccw1");

/** struct senseid - SENSE ID data, without the command-information words */
struct senseid {
	u8 reserved;		/* 0xff */
	u16 cu_type;		/* control unit type: 0x3832 virtio */
	u8 cu_model;		/* for virtio: the virtio device id */
	u16 dev_type;
	u8 dev_model;
	u8 unused;
} __packed;
_Static_assert(sizeof(struct senseid) == 8, "senseid");

#define CSS_CU_TYPE_VIRTIO	0x3832

/**
 * struct css_device - an I/O subchannel that has a device: what the
 * channel-subsystem bus ("css") keeps for each child (its
 * dev_get_parent_plat())
 * @schid:	subchannel id word (CSS_SCHID())
 * @devno:	device number (the "0005" of fe.1.0005)
 * @id:		SENSE ID data
 */
struct css_device {
	u32 schid;
	u16 devno;
	struct senseid id;
};

/**
 * struct css_driver_entry - the driver for the devices of a control-unit
 * type: the channel-subsystem bus binds it for each such subchannel
 * @driver:	the driver
 * @cu_type:	the SENSE ID control-unit type it serves (0x3832: virtio)
 */
struct css_driver_entry {
	struct driver *driver;
	u16 cu_type;
};

/**
 * U_BOOT_CSS_DEVICE() - let U_BOOT_DRIVER(@__name) take the subchannels
 * whose control unit is of type @__cu_type; the devices are named by
 * bus id (0.1.0005) and find their subchannel in dev_get_parent_plat()
 * (struct css_device)
 * @__name:	the driver, as named in U_BOOT_DRIVER()
 * @__cu_type:	the SENSE ID control-unit type
 */
#define U_BOOT_CSS_DEVICE(__name, __cu_type)				\
	extern struct driver _u_boot_list_2_driver_2_##__name;		\
	ll_entry_declare(struct css_driver_entry, __name, css_driver_entry) = { \
		.driver = &_u_boot_list_2_driver_2_##__name,		\
		.cu_type = __cu_type,					\
	}

/**
 * css_enable() - enable a subchannel (MODIFY SUBCHANNEL with pmcw.ena)
 * @schid: subchannel id word
 * Return: 0, -ENODEV (not operational), -EBUSY or -ETIMEDOUT
 */
int css_enable(u32 schid);

/**
 * css_disable() - disable a subchannel (MODIFY SUBCHANNEL without
 * pmcw.ena); a virtio-ccw device then forgets its revision
 * @schid: subchannel id word
 * Return: 0, -ENODEV, -EBUSY or -ETIMEDOUT
 */
int css_disable(u32 schid);

/**
 * css_run() - run a format-1 channel program and wait for its end
 *
 * Starts @ccw with START SUBCHANNEL and polls TEST SUBCHANNEL (at most
 * @timeout_ms). A unit check is followed by a SENSE to tell a command
 * reject from other errors.
 *
 * @schid: enabled subchannel
 * @ccw: first CCW, below 2 GiB (chained CCWs follow it)
 * @timeout_ms: how long to wait for the final status
 * Return: 0 on channel end + device end, -EOPNOTSUPP on command reject,
 *	-EIO on another unit check or a channel error, -ENODEV if the
 *	subchannel is not operational, -EBUSY, -ETIMEDOUT
 */
int css_run(u32 schid, struct ccw1 *ccw, ulong timeout_ms);

/**
 * css_sense_id() - run SENSE ID on a subchannel (enabling it first)
 * @schid: subchannel id word
 * @id: filled with the SENSE ID data
 * Return: 0 or an error of css_enable() / css_run()
 */
int css_sense_id(u32 schid, struct senseid *id);

#endif
