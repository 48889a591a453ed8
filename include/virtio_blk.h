/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio-blk on the wire (virtio 1.x spec, 5.2): feature bits, the
 * configuration space and the request header. Fields are in the device's
 * byte order; read them with virtio_cread() and convert the header with
 * cpu_to_virtio32()/cpu_to_virtio64().
 */
#ifndef __VIRTIO_BLK_H__
#define __VIRTIO_BLK_H__

#include <virtio_types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>

/* Feature bits */
#define VIRTIO_BLK_F_SIZE_MAX	1	/* size_max: largest segment */
#define VIRTIO_BLK_F_SEG_MAX	2	/* seg_max: segments per request */
#define VIRTIO_BLK_F_GEOMETRY	4	/* legacy geometry is valid */
#define VIRTIO_BLK_F_RO		5	/* the disk is read-only */
#define VIRTIO_BLK_F_BLK_SIZE	6	/* blk_size: logical block size */
#define VIRTIO_BLK_F_FLUSH	9	/* VIRTIO_BLK_T_FLUSH works */
#define VIRTIO_BLK_F_TOPOLOGY	10	/* topology fields are valid */
#define VIRTIO_BLK_F_CONFIG_WCE	11	/* writeback can be toggled */
#define VIRTIO_BLK_F_MQ		12	/* num_queues is valid */
#define VIRTIO_BLK_F_DISCARD	13	/* VIRTIO_BLK_T_DISCARD works */
#define VIRTIO_BLK_F_WRITE_ZEROES 14	/* VIRTIO_BLK_T_WRITE_ZEROES works */

#ifndef VIRTIO_BLK_NO_LEGACY
#define VIRTIO_BLK_F_BARRIER	0	/* legacy: barriers */
#define VIRTIO_BLK_F_SCSI	7	/* legacy: SCSI command passthrough */
#endif
/* The legacy name of VIRTIO_BLK_F_FLUSH */
#define VIRTIO_BLK_F_WCE	VIRTIO_BLK_F_FLUSH

/* Bytes of the device id string (VIRTIO_BLK_T_GET_ID) */
#define VIRTIO_BLK_ID_BYTES	20

/**
 * struct virtio_blk_config - the configuration space
 * @capacity:	size of the disk in 512-byte sectors, whatever @blk_size is
 * @size_max:	largest segment in bytes (VIRTIO_BLK_F_SIZE_MAX)
 * @seg_max:	most data segments in one request (VIRTIO_BLK_F_SEG_MAX)
 * @geometry:	legacy cylinders, heads, sectors (VIRTIO_BLK_F_GEOMETRY)
 * @blk_size:	logical block size in bytes (VIRTIO_BLK_F_BLK_SIZE)
 * @physical_block_exp: log2 of logical blocks per physical block
 * @alignment_offset: offset of the first aligned logical block
 * @min_io_size: suggested minimum I/O size in blocks
 * @opt_io_size: optimal (suggested maximum) I/O size in blocks
 * @wce:	writeback mode (VIRTIO_BLK_F_CONFIG_WCE)
 * @unused:	padding
 * @num_queues:	number of request queues (VIRTIO_BLK_F_MQ)
 * @max_discard_sectors: largest discard, in sectors
 * @max_discard_seg: most segments of one discard
 * @discard_sector_alignment: alignment of discards, in sectors
 * @max_write_zeroes_sectors: largest write-zeroes, in sectors
 * @max_write_zeroes_seg: most segments of one write-zeroes
 * @write_zeroes_may_unmap: write-zeroes may deallocate
 * @unused1:	padding
 */
struct virtio_blk_config {
	__virtio64 capacity;
	__virtio32 size_max;
	__virtio32 seg_max;
	struct virtio_blk_geometry {
		__virtio16 cylinders;
		__u8 heads;
		__u8 sectors;
	} __packed geometry;
	__virtio32 blk_size;
	__u8 physical_block_exp;
	__u8 alignment_offset;
	__virtio16 min_io_size;
	__virtio32 opt_io_size;
	__u8 wce;
	__u8 unused;
	__virtio16 num_queues;
	__virtio32 max_discard_sectors;
	__virtio32 max_discard_seg;
	__virtio32 discard_sector_alignment;
	__virtio32 max_write_zeroes_sectors;
	__virtio32 max_write_zeroes_seg;
	__u8 write_zeroes_may_unmap;
	__u8 unused1[3];
} __packed;
_Static_assert(sizeof(struct virtio_blk_config) == 60,
	       "virtio_blk_config is 60 bytes");
check_member(virtio_blk_config, blk_size, 20);
check_member(virtio_blk_config, opt_io_size, 28);
check_member(virtio_blk_config, num_queues, 34);

/* Request types */
#define VIRTIO_BLK_T_IN			0	/* read */
#define VIRTIO_BLK_T_OUT		1	/* write */
#ifndef VIRTIO_BLK_NO_LEGACY
#define VIRTIO_BLK_T_SCSI_CMD		2	/* legacy SCSI command */
#endif
#define VIRTIO_BLK_T_FLUSH		4	/* flush the write cache */
#define VIRTIO_BLK_T_GET_ID		8	/* device id string */
#define VIRTIO_BLK_T_DISCARD		11
#define VIRTIO_BLK_T_WRITE_ZEROES	13

/**
 * struct virtio_blk_outhdr - the header that starts every request
 * @type:	VIRTIO_BLK_T_...
 * @ioprio:	priority (reserved in virtio 1.x)
 * @sector:	first 512-byte sector, whatever the block size is
 */
struct virtio_blk_outhdr {
	__virtio32 type;
	__virtio32 ioprio;
	__virtio64 sector;
} __packed;
_Static_assert(sizeof(struct virtio_blk_outhdr) == 16,
	       "virtio_blk_outhdr is 16 bytes");

/* The status byte that ends every request */
#define VIRTIO_BLK_S_OK		0
#define VIRTIO_BLK_S_IOERR	1
#define VIRTIO_BLK_S_UNSUPP	2

/* Requests address 512-byte sectors */
#define VIRTIO_BLK_SECTOR_SHIFT	9
#define VIRTIO_BLK_SECTOR_SIZE	512

#endif /* __VIRTIO_BLK_H__ */
