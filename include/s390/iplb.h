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
/* A SCSI block names its controller where a CCW block names a device */
_Static_assert(__builtin_offsetof(struct ipl_parameter_block, scsi.devno) ==
	       __builtin_offsetof(struct ipl_parameter_block, ccw.devno) &&
	       __builtin_offsetof(struct ipl_parameter_block, scsi.ssid) ==
	       __builtin_offsetof(struct ipl_parameter_block, ccw.ssid),
	       "iplb scsi devno");

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
 * @iplbs: room for @max blocks, page-aligned (DIAGNOSE 0x308 stores
 *	the first block there)
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

/*
 * arch/s390/sclp.c: Read SCP Info offers secure IPL (its IPL facility
 * bit, s390-ccw 11.x's first check); known once the memory size was read
 * (sysmem_size())
 */
extern bool sclp_secure_ipl;

struct blk_desc;

/* Candidates an IPL order holds at most */
#define IPL_ORDER_MAX		32

/**
 * struct ipl_dev - one boot candidate
 * @desc:	its block device (NULL for a network device)
 * @net:	its network device (IPL_NET), if it is one
 * @named:	bit i set if IPL parameter block i names it (0: a disk the
 *		blocks do not name, tried after those they do)
 */
struct ipl_dev {
	struct blk_desc *desc;
	struct udevice *net;
	u32 named;
};

/**
 * struct ipl_order - the devices to boot from, in the order to try them
 * @iplbs:	the IPL parameter blocks (chain order), or NULL
 * @niplb:	number of @iplbs
 * @count:	number of @devs
 * @devs:	the candidates: first the devices the blocks name, block by
 *		block (a block naming several, e.g. the LUNs of a virtio-scsi
 *		controller, gives them in scan order), then every other disk
 *		in scan order; each device once
 */
struct ipl_order {
	struct ipl_parameter_block *iplbs;
	int niplb;
	int count;
	struct ipl_dev devs[IPL_ORDER_MAX];
};

/**
 * ipl_iplb_matches() - whether @iplb names the block device @desc
 * @iplb: the block
 * @desc: a block device
 *
 * By the address of the virtio transport under @desc
 * (virtio_get_bus_addr()): a CCW block names every disk on that
 * virtio-ccw device, the LUNs of a virtio-scsi controller included (a
 * bootindex on the controller names it so); a QEMU SCSI block the disk
 * of that target and LUN on that controller; a PCI block the disks of
 * that zPCI function.
 * Return: true if it does
 */
bool ipl_iplb_matches(const struct ipl_parameter_block *iplb,
		      struct blk_desc *desc);

/**
 * ipl_order_build() - the boot order for an IPL parameter block chain
 * @order: filled in
 * @iplbs: the blocks, in chain order (malloc()ed: @order owns them
 *	   after this call, ipl_order_free() frees them), or NULL
 * @niplb: number of @iplbs
 *
 * Maps each block to the block devices it names, over every block device
 * bound now (all interfaces), then adds the other disks. The policy
 * alone, without DIAGNOSE 0x308, so that the sandbox can test it.
 */
void ipl_order_build(struct ipl_order *order,
		     struct ipl_parameter_block *iplbs, int niplb);

/**
 * ipl_order_read() - the machine's boot order: its IPL parameter blocks
 * (s390_iplb_read(); none on other boards) through ipl_order_build()
 * @order: filled in, even on error (then without blocks)
 *
 * Over the devices bound and probed now: probe them first
 * (virtio_init()). Free with ipl_order_free().
 * Return: number of blocks (0: none, only the disks in scan order),
 *	-ENOMEM, or -EIO if the machine refused to store the block
 */
int ipl_order_read(struct ipl_order *order);

/**
 * ipl_order_free() - free what ipl_order_build() took
 * @order: the order
 */
void ipl_order_free(struct ipl_order *order);

/**
 * ipl_order_iplb() - which block names @desc first
 * @order: the order
 * @desc: a block device
 * Return: the index of the first block naming @desc, or -1
 */
int ipl_order_iplb(const struct ipl_order *order, struct blk_desc *desc);

/**
 * ipl_order_first() - the first device block @i names
 * @order: the order
 * @i: index of the block
 * Return: the device, or NULL if the block names none bound now
 */
struct blk_desc *ipl_order_first(const struct ipl_order *order, int i);

/**
 * ipl_loadparm() - the load parameter that picks the entry on device @i
 * of @order: the one of the first IPL parameter block naming it when not
 * blank, else the machine's (s390_machine_loadparm())
 * @order: the order
 * @i: the device's index in @order->devs
 * @buf: 9 bytes: the load parameter in ASCII, empty for the default
 *	 entry ("", "0", and "PROMPT", which asks for the menu at start-up)
 */
void ipl_loadparm(const struct ipl_order *order, int i, char *buf);

/**
 * ipl_net_boot() - IPL from a network device, as QEMU's s390-netboot.img:
 * DHCP; the boot file it names, by TFTP: a kernel (laid out from 0, as
 * QEMU's -kernel takes it), a pxelinux.cfg file (starting "# pxelinux")
 * or an .INS file (starting "* "); else the pxelinux.cfg file 'pxe get'
 * finds, $pxeuuid the machine's UUID
 * @dev: the network device
 * @loadparm: the label (name or number) of a pxelinux.cfg file, "" for
 *	its default
 * Return: only if nothing started: a negative error after a line
 */
int ipl_net_boot(struct udevice *dev, const char *loadparm);

#endif
