/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What a filesystem driver provides to fs/fs.c, and the byte-level read
 * of the device it is on (fs/fs_dev.c).
 *
 * A driver is a struct fs_driver declared with U_BOOT_FS_DRIVER(); fs.c
 * calls its probe() on the device and partition chosen by
 * fs_set_blk_dev() and then one operation, then close(). A driver keeps
 * what probe() learnt (the superblock, ...) in its own static state and
 * frees it in close(). It reads the medium only through fs_devread(),
 * which bounds every read to the partition: a filesystem that points
 * past its partition gets -EIO, never another partition's data. (The
 * fuzz targets link a driver with fs_dev.c and a stand-in for the
 * block layer.)
 *
 * Errors: a driver returns -ve errnos; for a damaged filesystem it also
 * says what is wrong once with fs_set_error() ("extent tree of inode 12
 * points past the end of the filesystem"), which the command prints in
 * its one error line. It never loops forever on a damaged filesystem
 * (directory and symlink loops, cluster chain loops, deep extent trees
 * are bounded) and never allocates more than the metadata it reads
 * needs.
 */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <fs.h>
#include <linker_lists.h>
#include <linux/types.h>

struct blk_desc;
struct disk_partition;

/**
 * struct fs_driver - one filesystem type
 * @name:	name shown by 'fstype' and 'fstypes' ("fat", "ext4",
 *		"iso9660")
 * @fstype:	FS_TYPE_...
 * @probe:	0 if the medium set by fs_dev_set() holds this filesystem
 *		(and the driver is now ready for one operation), -ve if not
 *		(-EINVAL/-ENOENT: not this filesystem, quietly; -EIO: could
 *		not read)
 * @close:	forget what probe() set up
 * @ls:		(optional) list a directory in the filesystem's own U-Boot
 *		format (ext4: "<DIR>       4096 name"); NULL: fs.c prints
 *		U-Boot's generic listing from opendir/readdir
 * @opendir:	open directory @path; 0 and *@dirsp set, or -ENOENT,
 *		-ENOTDIR, -EIO
 * @readdir:	the next entry in *@dentp (storage owned by the stream);
 *		0, or -ENOENT at the end of the directory, other -ve on error
 * @closedir:	free the stream
 * @size:	the size of the file @path (symlinks followed)
 * @read:	read @len bytes from @offset of file @path into @buf;
 *		@len 0: to the end of the file; *@actread set. The caller
 *		has checked that the destination holds fs_size() - @offset
 *		bytes (or @len)
 * @exists:	(optional) 1 if @path names a file or directory; NULL: fs.c
 *		uses size(), then opendir()
 * @uuid:	(optional) the filesystem UUID as a string
 * @write:	(optional) write @len bytes from @buf at @offset of file
 *		@path, creating it, as U-Boot's: the file then ends at
 *		@offset + @len; *@actwrite set. An error it can say in U-Boot's
 *		words goes to fs_set_error() (printed before U-Boot's line)
 */
struct fs_driver {
	const char *name;
	int fstype;
	int (*probe)(void);
	void (*close)(void);
	int (*ls)(const char *path);
	int (*opendir)(const char *path, struct fs_dir_stream **dirsp);
	int (*readdir)(struct fs_dir_stream *dirs, struct fs_dirent **dentp);
	void (*closedir)(struct fs_dir_stream *dirs);
	int (*size)(const char *path, loff_t *size);
	int (*read)(const char *path, void *buf, loff_t offset, loff_t len,
		    loff_t *actread);
	int (*exists)(const char *path);
	int (*uuid)(char *uuid_str);
	int (*write)(const char *path, const void *buf, loff_t offset,
		     loff_t len, loff_t *actwrite);
};

#define U_BOOT_FS_DRIVER(__name)					\
	ll_entry_declare(struct fs_driver, __name, fs_driver)

/**
 * fs_dev_set() - (fs.c, fuzz targets) the medium the drivers read next
 * @desc:	the block device
 * @part:	the partition on it (its start and size, in device blocks)
 */
void fs_dev_set(struct blk_desc *desc, const struct disk_partition *part);

/**
 * fs_devread() - read bytes of the partition set by fs_dev_set()
 * @offset:	the byte offset from the start of the partition
 * @len:	the number of bytes
 * @buf:	the destination, @len bytes; large, block-aligned reads go
 *		straight into it (in one request per contiguous range)
 * Return: 0, -EIO if any byte lies past the end of the partition (with
 *	   fs_set_error() saying so) or the device failed
 */
int fs_devread(u64 offset, size_t len, void *buf);

/**
 * fs_devwrite() - write bytes of the partition set by fs_dev_set()
 * @offset:	the byte offset from the start of the partition
 * @len:	the number of bytes
 * @buf:	the data; whole blocks go to the device straight from it,
 *		a partial block is read, changed and written back
 * Return: 0, -EIO past the end of the partition (fs_set_error()), or the
 *	   device's error (-EROFS, -EIO...)
 */
int fs_devwrite(u64 offset, size_t len, const void *buf);

/** fs_dev_size() - the size of the partition in bytes */
u64 fs_dev_size(void);

/** fs_dev_blksz() - the block size of the device in bytes */
unsigned long fs_dev_blksz(void);

/** fs_dev_desc() - the block device (for fs_dir_stream.desc) */
struct blk_desc *fs_dev_desc(void);

/**
 * fs_set_error() - say what is wrong with the filesystem, in words, for
 * the one error line of the command (printf format; kept until the next
 * fs_set_blk_dev()); the first reason given wins
 */
void fs_set_error(const char *fmt, ...) __printf(1, 2);

/* fs_get_error() (what fs_set_error() said) is in <fs.h> */

#endif /* _FS_INTERNAL_H */
