/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DOS (MBR) partition table layout: four 16-byte records at byte 0x1be of
 * the first block and of every extended boot record (EBR), followed by
 * the 0x55 0xaa signature. Names as in U-Boot's DOS partition header.
 */
#ifndef _DISK_PART_DOS_H
#define _DISK_PART_DOS_H

#include <linux/types.h>

#define DOS_PART_DISKSIG_OFFSET		0x1b8
#define DOS_PART_TBL_OFFSET		0x1be
#define DOS_PART_MAGIC_OFFSET		0x1fe
#define DOS_PBR_FSTYPE_OFFSET		0x36
#define DOS_PBR32_FSTYPE_OFFSET		0x52
#define DOS_MBR_SIZE			512

#define DOS_MBR		0
#define DOS_PBR		1

#define DOS_PART_TYPE_EXTENDED		0x05
#define DOS_PART_TYPE_EXTENDED_LBA	0x0f
#define DOS_PART_TYPE_EXTENDED_LINUX	0x85

#define DOS_ENTRY_NUMBERS		4

/* Most logical partitions followed in an extended-partition chain */
#define MAX_EXT_PARTS			256

/** struct dos_partition - one partition record (MBR or EBR) */
typedef struct dos_partition {
	u8 boot_ind;		/* 0x80: active */
	u8 head;		/* CHS of the first sector */
	u8 sector;
	u8 cyl;
	u8 sys_ind;		/* partition type */
	u8 end_head;		/* CHS of the last sector */
	u8 end_sector;
	u8 end_cyl;
	u8 start4[4];		/* first sector, little-endian */
	u8 size4[4];		/* number of sectors, little-endian */
} __packed dos_partition_t;
_Static_assert(sizeof(dos_partition_t) == 16, "DOS partition record");

#endif
