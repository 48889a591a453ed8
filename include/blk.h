/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Block devices (UCLASS_BLK), with U-Boot 2023.01's names and signatures.
 *
 * Every block device is a child of the device that reaches it (a virtio
 * transport, a SCSI host, the sandbox host-file device); its description,
 * struct blk_desc, is the uclass platform data of the BLK device. Devices
 * are known to the user as "<interface> <devnum>": the interface is the
 * uclass of the parent ("virtio", "scsi", "host"), the number counts the
 * BLK devices of that interface in bind order, from 0.
 *
 * Reads and writes count in device blocks. U-Boot's calls (blk_dread(),
 * blk_read(), ...) return the number of blocks transferred or a negative
 * errno; here a request that does not lie wholly inside the device is
 * refused with -EINVAL before it reaches the driver, so a caller never
 * sees a short count from the uclass. blk_read_checked() and
 * blk_write_checked() (virtboot additions) return plain 0 / -errno.
 *
 * Why a request failed, in words, travels with the device (virtboot):
 * the uclass says so for what it refuses, a driver for what failed
 * (blk_set_fail_reason(), e.g. the decoded SCSI sense data), and the
 * command that printed the error reads it with blk_get_fail_reason().
 */
#ifndef BLK_H
#define BLK_H

#include <dm/uclass-id.h>
#include <efi.h>
#include <linux/types.h>

struct udevice;

#ifndef IS_ERR_VALUE
#define MAX_ERRNO	4095
/* An unsigned long holding a negative errno, as U-Boot's <linux/err.h> */
#define IS_ERR_VALUE(x)	((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)
#endif

#define DEFAULT_BLKSZ		512

#define BLK_VEN_SIZE		40
#define BLK_PRD_SIZE		20
#define BLK_REV_SIZE		8
#define BLK_REASON_SIZE		96	/* room for one failure reason */

/* Values of blk_desc.type (SCSI peripheral device types), as U-Boot's */
#define DEV_TYPE_UNKNOWN	0xff	/* not connected */
#define DEV_TYPE_HARDDISK	0x00	/* hard disk */
#define DEV_TYPE_TAPE		0x01	/* tape */
#define DEV_TYPE_CDROM		0x05	/* CD-ROM */
#define DEV_TYPE_OPDISK		0x07	/* optical disk */

/* Which kind of disk signature blk_desc holds */
enum sig_type {
	SIG_TYPE_NONE,
	SIG_TYPE_MBR,
	SIG_TYPE_GUID,

	SIG_TYPE_COUNT
};

/**
 * struct blk_desc - description of a block device (uclass platform data)
 *
 * @uclass_id:	interface: uclass of the parent (UCLASS_VIRTIO, UCLASS_SCSI,
 *		UCLASS_HOST)
 * @devnum:	device number within the interface, 0 for the first
 * @part_type:	PART_TYPE_... found by part_init(), PART_TYPE_NOT_READ until
 *		part_get_type() first asks for it after the probe
 * @target:	SCSI target ID (U-Boot: 8 bits; a virtio-scsi target has 16)
 * @lun:	SCSI logical unit number (U-Boot: 8 bits; flat LUNs go to
 *		16383)
 * @hwpart:	hardware partition (eMMC); always 0 here
 * @type:	DEV_TYPE_HARDDISK, DEV_TYPE_CDROM, ... or DEV_TYPE_UNKNOWN
 * @removable:	1 if the medium is removable
 * @lba:	number of blocks
 * @blksz:	block size in bytes (a power of two, at least 512)
 * @log2blksz:	log2(@blksz)
 * @vendor:	vendor string, NUL-terminated
 * @product:	product string, NUL-terminated
 * @revision:	firmware revision, NUL-terminated
 * @sig_type:	which of @mbr_sig / @guid_sig is valid (set by part_init())
 * @mbr_sig:	MBR disk signature
 * @guid_sig:	GPT disk GUID
 * @bdev:	the BLK device this describes
 * @read_only:	(virtboot) writes fail with -EROFS; set by the driver
 *		before the device is probed
 * @fail_reason: (virtboot) why the last request failed, in words; empty
 *		if it did not fail or nobody said (blk_get_fail_reason())
 */
struct blk_desc {
	enum uclass_id	uclass_id;
	int		devnum;
	unsigned char	part_type;
	unsigned int	target;
	unsigned int	lun;
	unsigned char	hwpart;
	unsigned char	type;
	unsigned char	removable;
	lbaint_t	lba;
	unsigned long	blksz;
	int		log2blksz;
	char		vendor[BLK_VEN_SIZE + 1];
	char		product[BLK_PRD_SIZE + 1];
	char		revision[BLK_REV_SIZE + 1];
	enum sig_type	sig_type;
	union {
		u32		mbr_sig;
		efi_guid_t	guid_sig;
	};
	struct udevice	*bdev;
	bool		read_only;
	char		fail_reason[BLK_REASON_SIZE];
};

#define BLOCK_CNT(size, blk_desc) (DIV_ROUND_UP(size, (blk_desc)->blksz))

/**
 * struct blk_ops - what a block driver provides
 *
 * The uclass has already checked that [@start, @start + @blkcnt) lies
 * inside the device and that the device is writable, so a driver only
 * moves data. Each returns the number of blocks transferred (@blkcnt on
 * success) or a negative errno cast to unsigned long, as in U-Boot.
 */
struct blk_ops {
	/** @read: read @blkcnt blocks from block @start into @buffer */
	unsigned long (*read)(struct udevice *dev, lbaint_t start,
			      lbaint_t blkcnt, void *buffer);
	/** @write: write @blkcnt blocks from @buffer at block @start */
	unsigned long (*write)(struct udevice *dev, lbaint_t start,
			       lbaint_t blkcnt, const void *buffer);
	/** @erase: erase (discard) @blkcnt blocks from block @start */
	unsigned long (*erase)(struct udevice *dev, lbaint_t start,
			       lbaint_t blkcnt);
	/** @select_hwpart: select a hardware partition (unused here) */
	int (*select_hwpart)(struct udevice *dev, int hwpart);
};

#define blk_get_ops(dev)	((struct blk_ops *)(dev)->driver->ops)

/**
 * blk_read() - read blocks from a block device
 * @dev:	the BLK device
 * @start:	first block
 * @blkcnt:	number of blocks
 * @buffer:	destination, at least @blkcnt * blksz bytes
 * Return: @blkcnt on success, or a negative errno: -EINVAL if the range
 *	   does not lie inside the device, -ENOSYS if the driver cannot
 *	   read, or the driver's error
 */
long blk_read(struct udevice *dev, lbaint_t start, lbaint_t blkcnt,
	      void *buffer);

/**
 * blk_write() - write blocks to a block device
 * @dev:	the BLK device
 * @start:	the first block
 * @blkcnt:	the number of blocks
 * @buffer:	the data to write, @blkcnt blocks
 * Return: @blkcnt on success, -EROFS if the device is read-only, -EINVAL
 *	   if the range does not lie inside the device, other -ve on error
 */
long blk_write(struct udevice *dev, lbaint_t start, lbaint_t blkcnt,
	       const void *buffer);

/**
 * blk_erase() - erase blocks of a block device
 * @dev:	the BLK device
 * @start:	the first block
 * @blkcnt:	the number of blocks
 * Return: @blkcnt on success, -ve on error (as blk_write())
 */
long blk_erase(struct udevice *dev, lbaint_t start, lbaint_t blkcnt);

/**
 * blk_dread() - read blocks, given the device's description
 * @block_dev:	the block device's description
 * @start:	the first block
 * @blkcnt:	the number of blocks
 * @buffer:	the data, at least @blkcnt blocks long
 * Return: as blk_read(), as an unsigned long (test with IS_ERR_VALUE() or
 *	   compare with @blkcnt)
 */
unsigned long blk_dread(struct blk_desc *block_dev, lbaint_t start,
			lbaint_t blkcnt, void *buffer);

/** blk_dwrite() - write blocks, given the device's description */
unsigned long blk_dwrite(struct blk_desc *block_dev, lbaint_t start,
			 lbaint_t blkcnt, const void *buffer);

/** blk_derase() - erase blocks, given the device's description */
unsigned long blk_derase(struct blk_desc *block_dev, lbaint_t start,
			 lbaint_t blkcnt);

/**
 * blk_set_fail_reason() - (virtboot) a block driver says why the request
 * it is failing failed, in words, e.g. "MEDIUM ERROR, asc 0x11 ascq 0x00
 * (unrecovered read error)" (cut to BLK_REASON_SIZE - 1 characters)
 * @dev:	the BLK device
 * @reason:	the words, or NULL to forget a reason given earlier
 */
void blk_set_fail_reason(struct udevice *dev, const char *reason);

/**
 * blk_get_fail_reason() - (virtboot) why the last request to a block
 * device failed: what the uclass refused ("blocks past the end of the
 * device, which has N blocks", "the device is read-only") or what the
 * driver said
 * @dev:	the BLK device
 * Return: the words, or NULL if the last request did not fail or no one
 *	   said why (then errno_str() of the error is all there is)
 */
const char *blk_get_fail_reason(struct udevice *dev);

/**
 * blk_read_checked() - (virtboot) read exactly @blkcnt blocks
 * @desc:	the block device's description
 * @start:	the first block
 * @blkcnt:	the number of blocks
 * @buffer:	the data, at least @blkcnt blocks long
 * Return: 0 if all blocks were read, -EINVAL for a range outside the
 *	   device, -EIO if the driver transferred fewer blocks, or the
 *	   driver's error
 */
int blk_read_checked(struct blk_desc *desc, lbaint_t start, lbaint_t blkcnt,
		     void *buffer);

/**
 * blk_write_checked() - (virtboot) write exactly @blkcnt blocks
 * @desc:	the block device's description
 * @start:	the first block
 * @blkcnt:	the number of blocks
 * @buffer:	the data to write, @blkcnt blocks
 * Return: 0 if all blocks were written, -EROFS, -EINVAL, -EIO or the
 *	   driver's error
 */
int blk_write_checked(struct blk_desc *desc, lbaint_t start, lbaint_t blkcnt,
		      const void *buffer);

/**
 * blk_find_device() - find a block device (without probing it)
 * @uclass_id:	interface (UCLASS_VIRTIO, ...)
 * @devnum:	device number within the interface
 * @devp:	returns the BLK device
 * Return: 0 if found, -ENODEV if not
 */
int blk_find_device(int uclass_id, int devnum, struct udevice **devp);

/**
 * blk_get_device() - find a block device and probe it
 * @uclass_id:	the interface (UCLASS_VIRTIO, UCLASS_SCSI, UCLASS_HOST, ...)
 * @devnum:	the device number within the interface
 * @devp:	returns the device found (NULL if none)
 * Return: 0 if found and probed, -ENODEV if there is none, other -ve if
 *	   it failed to probe
 */
int blk_get_device(int uclass_id, int devnum, struct udevice **devp);

/**
 * blk_first_device() - the first (probed) block device of an interface
 * @uclass_id:	the interface (UCLASS_VIRTIO, UCLASS_SCSI, UCLASS_HOST, ...)
 * @devp:	returns the device found (NULL if none)
 * Return: 0 if found, -ENODEV if there is none
 */
int blk_first_device(int uclass_id, struct udevice **devp);

/**
 * blk_next_device() - the next (probed) block device of the interface
 * of *@devp
 * @devp:	the current device on entry, the next one on return
 * Return: 0 if found, -ENODEV if there are no more (*@devp is then NULL)
 */
int blk_next_device(struct udevice **devp);

/**
 * blk_get_devnum_by_uclass_id() - the description of a block device,
 * probed
 * @uclass_id:	the interface (UCLASS_VIRTIO, UCLASS_SCSI, UCLASS_HOST, ...)
 * @devnum:	the device number within the interface
 * Return: the description, or NULL if there is no such device
 */
struct blk_desc *blk_get_devnum_by_uclass_id(enum uclass_id uclass_id,
					     int devnum);

/**
 * blk_get_devnum_by_uclass_idname() - the same by interface name
 * @devnum:	the device number within the interface
 * @uclass_idname: "virtio", "scsi", "host", ...
 * Return: the description, or NULL if there is no such interface or device
 */
struct blk_desc *blk_get_devnum_by_uclass_idname(const char *uclass_idname,
						 int devnum);

/**
 * blk_get_by_device() - the description of the first BLK child of @dev
 * @dev:	the device the BLK device is a child of
 * Return: the description, or NULL if @dev has no block device
 */
struct blk_desc *blk_get_by_device(struct udevice *dev);

/**
 * blk_get_uclass_name() - the interface name of a uclass ("virtio", ...)
 * @uclass_id:	the interface (UCLASS_VIRTIO, UCLASS_SCSI, UCLASS_HOST, ...)
 * Return: the name, or "(none)" if the uclass is no block interface
 */
const char *blk_get_uclass_name(enum uclass_id uclass_id);

/**
 * blk_get_uclass_id() - (virtboot) the uclass of an interface name
 * @uclass_idname:	the interface name: "virtio", "scsi", "host", ...
 * Return: the uclass, or UCLASS_INVALID if @uclass_idname is unknown
 */
enum uclass_id blk_get_uclass_id(const char *uclass_idname);

/**
 * blk_find_max_devnum() - the highest device number of an interface
 * @uclass_id:	the interface (UCLASS_VIRTIO, UCLASS_SCSI, UCLASS_HOST, ...)
 * Return: the number, or -ENODEV if the interface has no devices
 */
int blk_find_max_devnum(enum uclass_id uclass_id);

/** blk_next_free_devnum() - the number the next device would get */
int blk_next_free_devnum(enum uclass_id uclass_id);

/**
 * blk_create_device() - bind a new block device
 * @parent:	the device that reaches the disk (its uclass is not used:
 *		@uclass_id gives the interface)
 * @drv_name:	name of the BLK driver to bind
 * @name:	name of the new device
 * @uclass_id:	interface the device is numbered under
 * @devnum:	device number, or -1 for the next free one (the usual case:
 *		devices are numbered in bind order)
 * @blksz:	block size in bytes: a power of two, at least 512
 * @lba:	number of blocks
 * @devp:	returns the new device (bound, not probed)
 * Return: 0 if OK, -EINVAL for a bad block size, other -ve on error
 */
int blk_create_device(struct udevice *parent, const char *drv_name,
		      const char *name, int uclass_id, int devnum, int blksz,
		      lbaint_t lba, struct udevice **devp);

/**
 * blk_create_devicef() - as blk_create_device(), naming the new device
 * "<parent name>.<name>"
 * @parent:	the parent device
 * @drv_name:	the name of the block driver
 * @name:	a printf-style format for the device name, completed by the
 *		following arguments
 * @uclass_id:	the interface (UCLASS_VIRTIO, UCLASS_SCSI, UCLASS_HOST, ...)
 * @devnum:	the device number to use, or -1 for the next free one
 * @blksz:	the block size in bytes
 * @lba:	the number of blocks
 * @devp:	returns the new BLK device
 */
int blk_create_devicef(struct udevice *parent, const char *drv_name,
		       const char *name, int uclass_id, int devnum, int blksz,
		       lbaint_t lba, struct udevice **devp);

/**
 * blk_probe_or_unbind() - probe a new block device, unbind it if that fails
 * @dev:	the BLK device
 * Return: 0 if OK, -ve if probing failed (the device is then gone)
 */
int blk_probe_or_unbind(struct udevice *dev);

/**
 * blk_unbind_all() - remove and unbind every block device of an interface
 * @uclass_id:	the interface (UCLASS_VIRTIO, UCLASS_SCSI, UCLASS_HOST, ...)
 * Return: 0 if OK, -ve on error
 */
int blk_unbind_all(int uclass_id);

/**
 * blk_get_from_parent() - the first BLK child of @parent, probed
 * @parent:	the device the BLK device is a child of
 * @devp:	returns its BLK child
 * Return: 0 if OK, -ENODEV if there is none, other -ve if probing failed
 */
int blk_get_from_parent(struct udevice *parent, struct udevice **devp);

/**
 * blk_print_device_num() - print one device as 'virtio info' / 'scsi info'
 * lines do (dev_print())
 * @uclass_id:	the interface (UCLASS_VIRTIO, UCLASS_SCSI, UCLASS_HOST, ...)
 * @devnum:	the device number within the interface
 * Return: 0 if OK, -ENODEV if there is no such device
 */
int blk_print_device_num(enum uclass_id uclass_id, int devnum);

/**
 * blk_list_devices() - print every device of an interface, one
 * "Device N: ..." block each
 * @uclass_id:	the interface (UCLASS_VIRTIO, UCLASS_SCSI, UCLASS_HOST, ...)
 */
void blk_list_devices(enum uclass_id uclass_id);

/**
 * blk_show_device() - print "Device N: " and the device, as U-Boot's
 * 'virtio dev N' does
 * @uclass_id:	the interface (UCLASS_VIRTIO, UCLASS_SCSI, UCLASS_HOST, ...)
 * @devnum:	the device number within the interface
 * Return: 0 if OK, -ENODEV if there is no such device
 */
int blk_show_device(enum uclass_id uclass_id, int devnum);

/**
 * blk_print_part_devnum() - print the partition table of a device, as
 * part_print_checked() does
 * @uclass_id:	the interface (UCLASS_VIRTIO, UCLASS_SCSI, UCLASS_HOST, ...)
 * @devnum:	the device number within the interface
 * Return: 0 if OK, -ENODEV if there is no such device (nothing printed),
 *	   other -ve if the table is unknown or refused (one line printed)
 */
int blk_print_part_devnum(enum uclass_id uclass_id, int devnum);

/**
 * blk_list_part() - print the partition tables of every device of an
 * interface
 * @uclass_id:	the interface (UCLASS_VIRTIO, UCLASS_SCSI, UCLASS_HOST, ...)
 * Return: 0 if at least one was printed, -ENODEV if none
 */
int blk_list_part(enum uclass_id uclass_id);

/**
 * blk_common_cmd() - the sub-commands an interface command shares, as in
 * U-Boot: '<if> info', '<if> device [dev]', '<if> part [dev]',
 * '<if> read addr blk# cnt', '<if> write addr blk# cnt' (numbers in hex,
 * the device number in decimal)
 * @argc:	the number of arguments
 * @argv:	the arguments, argv[0] the sub-command
 * @argc, @argv: the command line, argv[0] being the interface command
 * @uclass_id:	the interface
 * @cur_devnump: the interface's current device, changed by 'device N'
 * Return: CMD_RET_SUCCESS, CMD_RET_FAILURE (after one line saying why)
 *	   or CMD_RET_USAGE
 */
int blk_common_cmd(int argc, char *const argv[], enum uclass_id uclass_id,
		   int *cur_devnump);

/**
 * blk_read_devnum() - read blocks from a device given by number
 * @uclass_id:	the interface (UCLASS_VIRTIO, UCLASS_SCSI, UCLASS_HOST, ...)
 * @devnum:	the device number within the interface
 * @start:	the first block
 * @blkcnt:	the number of blocks
 * @buffer:	the data, at least @blkcnt blocks long
 * Return: number of blocks read, or -ve on error
 */
unsigned long blk_read_devnum(enum uclass_id uclass_id, int devnum,
			      lbaint_t start, lbaint_t blkcnt, void *buffer);

/**
 * blk_write_devnum() - write blocks to a device given by number
 * @uclass_id:	the interface (UCLASS_VIRTIO, UCLASS_SCSI, UCLASS_HOST, ...)
 * @devnum:	the device number within the interface
 * @start:	the first block
 * @blkcnt:	the number of blocks
 * @buffer:	the data to write, @blkcnt blocks
 * Return: number of blocks written, or -ve on error
 */
unsigned long blk_write_devnum(enum uclass_id uclass_id, int devnum,
			       lbaint_t start, lbaint_t blkcnt,
			       const void *buffer);

/**
 * struct blkcache_stats - what the block cache did since start-up
 * @hits:	reads answered from memory
 * @misses:	reads small enough to cache that went to the device
 * @max_bytes:	largest read kept
 * @entries:	most reads kept
 */
struct blkcache_stats {
	unsigned long hits;
	unsigned long misses;
	unsigned int max_bytes;
	unsigned int entries;
};

#if IS_ENABLED(CONFIG_BLOCK_CACHE)
/**
 * blkcache_read() - answer a read from the block cache
 * @dev:	the block device
 * @start:	first block
 * @blkcnt:	number of blocks
 * @blksz:	the device's block size
 * @buffer:	where the blocks go
 * Return: true if @buffer now holds the @blkcnt blocks at @start of @dev
 */
bool blkcache_read(struct udevice *dev, lbaint_t start, lbaint_t blkcnt,
		   unsigned long blksz, void *buffer);
/** blkcache_fill() - keep a read the device answered (if small enough) */
void blkcache_fill(struct udevice *dev, lbaint_t start, lbaint_t blkcnt,
		   unsigned long blksz, const void *buffer);
/** blkcache_invalidate() - forget everything cached for @dev (NULL: all) */
void blkcache_invalidate(struct udevice *dev);
/** blkcache_get_stats() - the hit and miss counts and the limits */
void blkcache_get_stats(struct blkcache_stats *stats);
/**
 * blkcache_configure() - empty the cache and set its limits
 * @max_bytes:	largest read kept
 * @entries:	most reads kept (0: no caching; at most
 *		CONFIG_BLOCK_CACHE_ENTRIES)
 */
void blkcache_configure(unsigned int max_bytes, unsigned int entries);
#else
static inline bool blkcache_read(struct udevice *dev, lbaint_t start,
				 lbaint_t blkcnt, unsigned long blksz,
				 void *buffer)
{
	return false;
}

static inline void blkcache_fill(struct udevice *dev, lbaint_t start,
				 lbaint_t blkcnt, unsigned long blksz,
				 const void *buffer)
{
}

static inline void blkcache_invalidate(struct udevice *dev)
{
}

static inline void blkcache_get_stats(struct blkcache_stats *stats)
{
	*stats = (struct blkcache_stats){ 0 };
}

static inline void blkcache_configure(unsigned int max_bytes,
				      unsigned int entries)
{
}
#endif

#endif
