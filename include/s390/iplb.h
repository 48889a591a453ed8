/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The s390 IPL parameter block: which device the machine was told to
 * IPL from. DIAGNOSE 0x308 subcode 6 stores it; QEMU 9.2 and later also
 * chain one block per further device with a bootindex (QemuIplParameters
 * at absolute 0xcc). Layouts as QEMU's include/hw/s390x/ipl/qipl.h.
 */
#ifndef __S390_IPLB_H
#define __S390_IPLB_H

#include <linux/types.h>
#include <linux/compiler.h>

#define IPLB_SIZE		4096
#define IPL_PBT_FCP		0x00
#define IPL_PBT_CCW		0x02
#define IPL_PBT_PCI		0x04
#define IPL_PBT_QEMU_SCSI	0xff
#define IPLB_FLAGS_LP_VALID	0x80
#define IPLB_LOADPARM_LEN	8

/** struct ipl_block_ccw - body of a CCW (channel device) block */
struct ipl_block_ccw {
	u8 reserved0[85];
	u8 ssid;
	__be16 devno;
} __packed;

/** struct ipl_block_qemu_scsi - body of a QEMU SCSI (virtio-scsi) block */
struct ipl_block_qemu_scsi {
	__be32 lun;
	__be16 target;
	__be16 channel;
	u8 reserved0[77];
	u8 ssid;
	__be16 devno;
} __packed;

/** struct ipl_block_pci - body of a PCI block (QEMU 10 and later) */
struct ipl_block_pci {
	__be32 reserved0[76];
	u8 opt;
	u8 reserved1[3];
	__be32 fid;
} __packed;

/** struct ipl_parameter_block - header and body, one page */
struct ipl_parameter_block {
	__be32 len;
	u8 hdr_flags;
	u8 reserved0[2];
	u8 version;
	__be32 blk0_len;
	u8 pbt;			/* parameter block type: IPL_PBT_* */
	u8 flags;
	__be16 reserved01;
	u8 loadparm[IPLB_LOADPARM_LEN];	/* EBCDIC */
	union {
		struct ipl_block_ccw ccw;
		struct ipl_block_qemu_scsi scsi;
		struct ipl_block_pci pci;
		u8 body[IPLB_SIZE - 24];
	};
} __packed __aligned(8);
_Static_assert(sizeof(struct ipl_parameter_block) == IPLB_SIZE, "iplb");
_Static_assert(__builtin_offsetof(struct ipl_parameter_block, ccw.devno) == 0x6e,
	       "iplb ccw devno");

/** struct qemu_ipl_parameters - QEMU's own IPL data at absolute 0xcc */
struct qemu_ipl_parameters {
	u8 qipl_flags;
	u8 index;
	u8 reserved1[2];
	__be64 reserved2;
	__be32 boot_menu_timeout;
	u8 reserved3[2];
	__be16 chain_len;	/* blocks at next_iplb (QEMU 9.2 and later) */
	__be64 next_iplb;
} __packed;
_Static_assert(sizeof(struct qemu_ipl_parameters) == 28, "qipl");

#define QIPL_ADDRESS		0xcc
#define QIPL_FLAG_BM_OPTS_CMD	0x80	/* -boot menu=on */
#define QIPL_FLAG_BM_OPTS_ZIPL	0x40	/* no -boot menu: zipl's own */
#define IPLB_MAX_CHAIN		8

/**
 * s390_iplb_read() - the machine's boot devices, in QEMU's bootindex
 * order: the block DIAGNOSE 0x308 stores, then the chained ones
 * @iplbs: room for @max blocks
 * @max: size of @iplbs
 * Return: number of blocks (0 if the machine has no IPL block, i.e.
 *	no device has a bootindex), or -EIO
 */
int s390_iplb_read(struct ipl_parameter_block *iplbs, int max);

/**
 * s390_iplb_loadparm() - the load parameter of @iplb in ASCII
 * @iplb: the block
 * @buf: 9 bytes: the 8 characters, blanks trimmed, and a NUL
 */
void s390_iplb_loadparm(const struct ipl_parameter_block *iplb, char *buf);

/**
 * s390_machine_loadparm() - the machine's load parameter in ASCII: the
 * IPL parameter block's, or without one (no device has a bootindex) the
 * one in SCLP Read SCP Info (-machine loadparm=)
 * @buf: 9 bytes: up to 8 characters, blanks trimmed, and a NUL
 */
void s390_machine_loadparm(char *buf);

/**
 * s390_boot_menu_delay() - what QEMU's boot menu options ask of autoboot,
 * as s390-ccw.img reads them: loadparm PROMPT, or -boot menu=on without
 * a splash-time, waits at the prompt; -boot menu=on,splash-time=MS counts
 * down MS (in whole seconds) first
 * Return: -1 (no autoboot), the seconds to count down, or -ENOENT if the
 *	machine asks for no menu
 */
int s390_boot_menu_delay(void);

struct blk_desc;

/**
 * s390_iplb_matches() - whether @iplb names the virtio disk @desc
 * @iplb: the block
 * @desc: a block device
 *
 * The one test `iplb`, `virtio info` and `zipl boot` use, so that the
 * device they show is the device that boots. A CCW block matches every
 * disk on that virtio-ccw device, the LUNs of a virtio-scsi controller
 * included (a bootindex on the controller names it so); a QEMU SCSI
 * block matches the LUN of that target and LUN on that controller.
 * Return: true if it does
 */
bool s390_iplb_matches(const struct ipl_parameter_block *iplb,
		       struct blk_desc *desc);

/**
 * s390_iplb_devnum() - the device number of the first disk of an
 * interface @iplb names
 * @iplb: the block
 * @uclass_id: the interface (UCLASS_VIRTIO, UCLASS_SCSI)
 * Return: the device number, or -1 if no disk found so far matches
 */
int s390_iplb_devnum(const struct ipl_parameter_block *iplb, int uclass_id);

#endif
