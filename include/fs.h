/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Filesystems over block devices, with U-Boot's names and signatures.
 *
 * As in U-Boot, each operation is preceded by fs_set_blk_dev(), which
 * picks the device and partition and finds (or checks) the filesystem
 * type, and is followed by fs_close(): the operations fs_ls(), fs_size(),
 * fs_read(), fs_exists(), fs_opendir() close the filesystem themselves
 * when they are done (U-Boot's rule: one operation per fs_set_blk_dev()).
 *
 * FAT can be written (CONFIG_FAT_WRITE: fs_write()); the others are
 * read-only. Paths are absolute from the root
 * of the filesystem ("/boot/vmlinuz"); a missing leading '/' is taken as
 * if present, as U-Boot does.
 */
#ifndef _FS_H
#define _FS_H

#include <linux/types.h>

struct blk_desc;
struct disk_partition;
struct cmd_tbl;

/* Values of the fstype argument and of fs_get_type(), as U-Boot's */
#define FS_TYPE_ANY	0
#define FS_TYPE_FAT	1
#define FS_TYPE_EXT	2
#define FS_TYPE_SANDBOX	3	/* the sandbox's host files ("hostfs") */
#define FS_TYPE_ISO	32	/* virtboot: ISO 9660 (U-Boot has none) */

/* Values of fs_dirent.type, as U-Boot's (and as Linux's DT_*) */
#define FS_DT_DIR	4	/* directory */
#define FS_DT_REG	8	/* regular file */
#define FS_DT_LNK	10	/* symbolic link */

#define FS_DIRENT_NAME_LEN	256

/**
 * struct fs_dirent - one directory entry, as fs_readdir() returns it
 * @type:	FS_DT_DIR, FS_DT_REG or FS_DT_LNK (anything else: FS_DT_REG
 *		for the generic listing)
 * @size:	size of the file in bytes
 * @attr:	filesystem-specific attributes (FAT: the attribute byte)
 * @name:	the entry's name, NUL-terminated (long name where the
 *		filesystem has one: VFAT, Rock Ridge, Joliet)
 */
struct fs_dirent {
	unsigned int type;
	loff_t size;
	u32 attr;
	char name[FS_DIRENT_NAME_LEN];
};

/**
 * struct fs_dir_stream - an open directory; a filesystem embeds it at the
 * start of its own structure
 * @desc:	the block device
 * @part:	the partition number (0: whole device)
 */
struct fs_dir_stream {
	struct blk_desc *desc;
	int part;
};

/**
 * fs_set_blk_dev() - choose the device and partition the next operation
 * works on, and find its filesystem
 * @ifname:	interface name: "virtio", "scsi", "host"
 * @dev_part_str: "dev", "dev:part", "dev:auto" or "dev:" (hex device
 *		number, decimal... as blk_get_device_part_str())
 * @fstype:	FS_TYPE_ANY to probe every filesystem, or the one expected
 * Return: 0 if a filesystem was found, -ve if not (the device or
 *	   partition error has been printed, as U-Boot does)
 */
int fs_set_blk_dev(const char *ifname, const char *dev_part_str, int fstype);

/**
 * fs_set_blk_dev_with_part() - the same with a device already found
 * @desc:	the block device
 * @part:	the partition number (0: whole device)
 * Return: 0 if a filesystem was found, -ve if not
 */
int fs_set_blk_dev_with_part(struct blk_desc *desc, int part);

/** fs_get_type() - the FS_TYPE_... of the filesystem set, or FS_TYPE_ANY */
int fs_get_type(void);

/** fs_get_type_name() - its name ("fat", "ext4", "iso9660") or "unsupported" */
const char *fs_get_type_name(void);

/** fs_close() - forget the device and filesystem set */
void fs_close(void);

/**
 * fs_ls() - list a directory, as U-Boot prints it for that filesystem
 * @dirname:	the directory
 * Return: 0 if listed, -ve if it does not exist or cannot be read (an
 *	   error line has been printed)
 */
int fs_ls(const char *dirname);

/**
 * fs_exists() - is there a file or directory by that name?
 * @filename:	its path on the filesystem set by fs_set_blk_dev()
 * Return: 1 if there is, 0 if not
 */
int fs_exists(const char *filename);

/**
 * fs_size() - the size of a file in bytes
 * @filename:	the file (symbolic links are followed)
 * @size:	returns the size
 * Return: 0, or -ENOENT if there is no such file, other -ve on error
 */
int fs_size(const char *filename, loff_t *size);

/**
 * fs_read() - read (part of) a file into memory
 * @filename:	the file (symbolic links are followed)
 * @addr:	the address to load it at
 * @offset:	the first byte of the file to read
 * @len:	how many bytes; 0 for all of the file from @offset
 * @actread:	returns how many bytes were read
 * Return: 0, or -ve on error (-ENOENT no such file, -EISDIR a directory,
 *	   -EINVAL @offset past the end, -EIO a read failed)
 */
int fs_read(const char *filename, ulong addr, loff_t offset, loff_t len,
	    loff_t *actread);

/**
 * fs_read_buf() - read a file into one of the firmware's own buffers
 * @filename:	the file
 * @buf:	where it goes (not a load address: no reservation check)
 * @len:	bytes to read from its start
 * @actread:	set to the bytes read
 *
 * Closes the filesystem afterwards, as fs_read() does.
 * Return: 0, or a negative error
 */
int fs_read_buf(const char *filename, void *buf, loff_t len, loff_t *actread);

/**
 * fs_write() - write (part of) a file from memory, as U-Boot's: a file
 * that does not exist is created (@offset must then be 0); one that does
 * is written from @offset, which may not lie past its end, and then ends
 * at @offset + @len (it shrinks or grows)
 * @filename:	the file; its folder must exist
 * @addr:	where the bytes are
 * @offset:	the first byte of the file to write
 * @len:	how many bytes (0: an empty file, or the file cut at @offset)
 * @actwrite:	returns how many bytes were written
 *
 * Closes the filesystem afterwards. What went wrong in U-Boot's words
 * (an illegal name, a folder that does not exist, a full disk) is in
 * fs_strerror() then.
 * Return: 0, or -ve: -ENOSYS (a filesystem that cannot be written),
 *	   -EISDIR, -EINVAL (a bad name, @offset past the end), -ENOENT (no
 *	   such folder), -ENOSPC, -EROFS, -EFAULT (not all in RAM), -EIO
 */
int fs_write(const char *filename, ulong addr, loff_t offset, loff_t len,
	     loff_t *actwrite);

/**
 * fs_write_buf() - fs_write() from one of the firmware's own buffers
 * @filename:	the file
 * @buf:	the bytes
 * @offset:	the first byte of the file to write
 * @len:	how many bytes
 * @actwrite:	returns how many bytes were written
 * Return: as fs_write()
 */
int fs_write_buf(const char *filename, const void *buf, loff_t offset,
		 loff_t len, loff_t *actwrite);

/**
 * fs_opendir() - open a directory to read its entries one by one
 * @filename:	its path on the filesystem set by fs_set_blk_dev()
 * Return: the stream, or NULL (errno-style error in fs_last_error())
 */
struct fs_dir_stream *fs_opendir(const char *filename);

/** fs_readdir() - the next entry, or NULL at the end */
struct fs_dirent *fs_readdir(struct fs_dir_stream *dirs);

/** fs_closedir() - close a directory stream (and the filesystem) */
void fs_closedir(struct fs_dir_stream *dirs);

/**
 * fs_uuid() - the filesystem's UUID (ext4), volume id (FAT: "xxxx-xxxx")
 * @uuid_str:	returns it, at least 37 bytes
 * Return: 0, or -ENOSYS if the filesystem has none
 */
int fs_uuid(char *uuid_str);

/** fs_print_types() - print the filesystems built in, as U-Boot's fstypes */
/**
 * fs_strerror() - what a failed filesystem operation met, in words
 * @err:	the operation's error
 * Return: the driver's reason if it gave one, else the error's
 */
const char *fs_strerror(int err);

void fs_print_types(void);

/**
 * fs_get_error() - what the filesystem driver said went wrong in the last
 * operation (kept until the next fs_set_blk_dev()), or NULL
 */
const char *fs_get_error(void);

/* The commands (cmd/fs.c), for the per-filesystem aliases */
int do_ls(struct cmd_tbl *cmdtp, int flag, int argc, char *const argv[],
	  int fstype);
int do_load(struct cmd_tbl *cmdtp, int flag, int argc, char *const argv[],
	    int fstype);
int do_size(struct cmd_tbl *cmdtp, int flag, int argc, char *const argv[],
	    int fstype);
int do_save(struct cmd_tbl *cmdtp, int flag, int argc, char *const argv[],
	    int fstype);
int file_exists(const char *dev_type, const char *dev_part, const char *file,
		int fstype);

#endif /* _FS_H */
