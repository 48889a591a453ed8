/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Partition tables over any block device, with U-Boot 2023.01's names
 * and signatures. Each table format is a struct part_driver declared with
 * U_BOOT_PART_TYPE(); part_init() finds the format of a device when it is
 * probed and part_get_info() / part_print() use it.
 *
 * Partitions are numbered as U-Boot (and Linux) number them: DOS primary
 * partitions 1-4 by their slot in the MBR, logical partitions from 5 in
 * the order of the extended-partition chain; GPT partitions by their
 * index in the entry array, from 1.
 */
#ifndef _PART_H
#define _PART_H

#include <blk.h>
#include <linker_lists.h>
#include <linux/types.h>

#define PART_NAME_LEN		32
#define PART_TYPE_LEN		32
#define UUID_STR_LEN		36
#define MAX_SEARCH_PARTITIONS	64

/* Values of blk_desc.part_type, as U-Boot's */
#define PART_TYPE_UNKNOWN	0x00
#define PART_TYPE_MAC		0x01
#define PART_TYPE_DOS		0x02
#define PART_TYPE_ISO		0x03
#define PART_TYPE_AMIGA		0x04
#define PART_TYPE_EFI		0x05
/* (virtboot) not read yet: part_get_type() reads it on first use */
#define PART_TYPE_NOT_READ	0xff

/* Bits of disk_partition.bootable */
#define PART_BOOTABLE		(1 << 0)

/**
 * struct disk_partition - one partition
 *
 * @start:	first block (in device blocks)
 * @size:	number of blocks
 * @blksz:	block size in bytes
 * @name:	name: the GPT partition name (UTF-16 reduced to ASCII, '.'
 *		for anything else), or part_set_generic_name()'s for DOS
 * @type:	string type description ("U-Boot", as U-Boot sets it)
 * @bootable:	PART_BOOTABLE if the boot flag (DOS 0x80, GPT legacy BIOS
 *		bootable attribute) is set
 * @uuid:	partition UUID as a string: the GPT unique partition GUID,
 *		or "<disk signature>-<n>" for DOS
 * @type_guid:	GPT partition type GUID as a string ("" for DOS)
 * @sys_ind:	DOS partition type byte (0 for GPT)
 */
struct disk_partition {
	lbaint_t	start;
	lbaint_t	size;
	ulong		blksz;
	uchar		name[PART_NAME_LEN];
	uchar		type[PART_TYPE_LEN];
	int		bootable;
	char		uuid[UUID_STR_LEN + 1];
	char		type_guid[UUID_STR_LEN + 1];
	uchar		sys_ind;
};

/**
 * struct part_driver - a partition table format
 *
 * @name:	name shown by 'part list' ("DOS", "EFI")
 * @part_type:	PART_TYPE_...
 * @max_entries: most partitions the format can hold
 * @get_info:	fill @info for partition @part (1 = first); returns 0,
 *		-ENOENT if there is no such partition, other -ve if the
 *		table cannot be read or is damaged
 * @print:	print the table as U-Boot's 'part list' does
 * @test:	0 if the device holds a table of this format, -ve if not
 * @validate:	(virtboot, optional) check the whole table; see
 *		part_validate()
 */
struct part_driver {
	const char *name;
	int part_type;
	const int max_entries;
	int (*get_info)(struct blk_desc *dev_desc, int part,
			struct disk_partition *info);
	void (*print)(struct blk_desc *dev_desc);
	int (*test)(struct blk_desc *dev_desc);
	int (*validate)(struct blk_desc *dev_desc, char *why, int why_len);
};

/*
 * When several formats match, part_init() prefers GPT: its protective
 * MBR is a valid DOS MBR too. (U-Boot gets the same by naming the GPT
 * driver "a_efi" so that it sorts first.)
 */
#define U_BOOT_PART_TYPE(__name)					\
	ll_entry_declare(struct part_driver, __name, part_driver)

/**
 * part_init() - find the partition table format of a device and note it
 * in @dev_desc->part_type (PART_TYPE_UNKNOWN if none is recognised)
 * @dev_desc:	the device
 */
void part_init(struct blk_desc *dev_desc);

/**
 * part_get_type() - (virtboot) the partition table format of a device,
 * found by part_init() the first time it is asked for
 *
 * A BLK device's probe does not read its partition table: the s390 IPL
 * reads its own block 0, and reading the table of a disk no one asks
 * about costs boot time. Every function here that needs the format
 * calls this.
 *
 * @dev_desc:	the device
 * Return: PART_TYPE_... (PART_TYPE_UNKNOWN if none is recognised)
 */
int part_get_type(struct blk_desc *dev_desc);

/**
 * part_get_info() - describe one partition
 * @dev_desc:	the device
 * @part:	partition number, 1 for the first
 * @info:	returns the partition
 * Return: 0 if OK, -ENOENT if there is no such partition, -EOPNOTSUPP
 *	   if the device has no known partition table, other -ve if the
 *	   table cannot be read or is damaged
 */
int part_get_info(struct blk_desc *dev_desc, int part,
		  struct disk_partition *info);

/**
 * part_get_info_whole_disk() - describe the whole device as a partition
 * @dev_desc:	the device
 * @info:	returns the device's size and block size as one partition
 * Return: 0
 */
int part_get_info_whole_disk(struct blk_desc *dev_desc,
			     struct disk_partition *info);

/**
 * part_get_info_by_name() - find a partition by name
 * @dev_desc:	the device
 * @name:	the partition's name (GPT)
 * @info:	returns the partition
 * Return: the partition number (>= 1) with @info filled, or -ENOENT
 */
int part_get_info_by_name(struct blk_desc *dev_desc, const char *name,
			  struct disk_partition *info);

/**
 * part_print() - print the partition table of a device as U-Boot does:
 * "Partition Map for <IF> device <n>  --   Partition Type: <name>" and
 * the driver's table (or "## Unknown partition table type <n>")
 * @dev_desc:	the device
 */
void part_print(struct blk_desc *dev_desc);

/**
 * part_validate() - (virtboot) check the partition table of a device as
 * a whole before it is listed
 * @dev_desc:	the device
 * @why:	buffer for a one-line reason (no newline), written when the
 *		result is not 0
 * @why_len:	size of @why in bytes
 * Return: 0 if the table is sound, 1 if it is usable but damaged (e.g.
 *	   the backup GPT is used because the primary is bad), -ENOENT if
 *	   the device has no known partition table, other -ve if the table
 *	   is unusable (-EBADMSG: bad checksums, -EINVAL: impossible values,
 *	   -EIO: read error)
 */
int part_validate(struct blk_desc *dev_desc, char *why, int why_len);

/**
 * part_print_checked() - (virtboot) part_print() for the commands: the
 * table is validated first; a damaged but usable table is printed after
 * one line saying what is wrong, an unusable one is not printed but
 * refused with one line ("** <if> <dev>: <why> **"), a device without a
 * known table gets U-Boot's "## Unknown partition table type 0"
 * @dev_desc:	the device
 * Return: 0 if the table was printed, -ENOENT if there is no known
 *	   table, other -ve if it was refused
 */
int part_print_checked(struct blk_desc *dev_desc);

/**
 * part_set_generic_name() - the name U-Boot gives a partition without one
 * (DOS): a device-type prefix ("sd" SCSI, "hd" IDE, "xx" others), a letter
 * for the device ('a' + devnum) and the partition number: "xxa1"
 * @dev_desc:	the device
 * @part_num:	the partition number
 * @name:	buffer of at least PART_NAME_LEN bytes
 */
void part_set_generic_name(const struct blk_desc *dev_desc, int part_num,
			   char *name);

/**
 * dev_print() - print a block device as U-Boot's 'virtio info' does: the
 * vendor line, "            Type: ..." and "            Capacity: ..."
 * @dev_desc:	the device
 */
void dev_print(struct blk_desc *dev_desc);

/**
 * blk_get_dev() - the description of device @dev of interface @ifname
 * @ifname:	interface name ("virtio", "scsi", "host")
 * @dev:	device number
 * Return: the description (probed), or NULL
 */
struct blk_desc *blk_get_dev(const char *ifname, int dev);

/**
 * blk_get_device_by_str() - find a device from "<ifname>" "<devnum>"
 * @ifname:	interface name ("virtio", "scsi", "host")
 * @dev_str:	device number in hex, as U-Boot reads it
 * @dev_desc:	returns the device
 * Return: the device number if OK; -EINVAL if @dev_str is not a number,
 *	   -ENXIO if @ifname is no known interface, -ENODEV if there is no
 *	   such device. Nothing is printed: see part_print_dev_err().
 */
int blk_get_device_by_str(const char *ifname, const char *dev_str,
			  struct blk_desc **dev_desc);

/**
 * blk_get_device_part_str() - find a device and partition from
 * "<ifname>" "<devnum>[:<part>]"
 * @ifname:	interface name ("virtio", "scsi", "host")
 * @dev_part_str: "<devnum>[:<part>]" in hex; without <part>, the first
 *		bootable partition, else the first one
 * @dev_desc:	returns the device
 * @info:	returns the partition (or the whole device)
 * @allow_whole_dev: accept a device without a partition table (or part 0)
 *		and describe the whole device
 * Return: the partition number (0 for the whole device) if OK; -EINVAL
 *	   for a malformed string, -ENXIO, -ENODEV as
 *	   blk_get_device_by_str(), -ENOENT if there is no such partition
 */
int blk_get_device_part_str(const char *ifname, const char *dev_part_str,
			    struct blk_desc **dev_desc,
			    struct disk_partition *info, int allow_whole_dev);

/**
 * part_print_dev_err() - (virtboot) print the one line a command shows
 * when blk_get_device_by_str() or blk_get_device_part_str() failed
 * @ifname:	the interface name the command was given
 * @dev_str:	the device string it was given
 * @err:	their return value
 */
void part_print_dev_err(const char *ifname, const char *dev_str, int err);

#endif
