// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The filesystem layer: U-Boot's fs_set_blk_dev() / one operation /
 * fs_close() over the drivers declared with U_BOOT_FS_DRIVER()
 * (fs/fs_internal.h).
 *
 * The listing of a directory is U-Boot's generic one (fs_ls_generic:
 * "            name/" for a directory, " %8lld   name" for a file, a
 * total line), unless the driver prints its own. A directory that does
 * not exist lists as nothing, as in U-Boot (its test_fs asserts it); a
 * damaged filesystem says what is wrong in one line.
 *
 * Unlike U-Boot, a directory stream keeps its filesystem open until
 * fs_closedir(), instead of probing it again for every entry.
 */
#include <common.h>
#include <blk.h>
#include <env.h>
#include <errno.h>
#include <fs.h>
#include <lmb.h>
#include <init.h>
#include <mapmem.h>
#include <part.h>
#include "fs_internal.h"

static const struct fs_driver *fs_drv;	/* NULL: no filesystem set */
static struct blk_desc *fs_desc;
static int fs_part;
static struct fs_dir_stream *fs_open_dir;	/* the stream holding it open */

/* Probe every driver of @fstype (FS_TYPE_ANY: every driver) on the medium */
static int fs_probe(struct blk_desc *desc, struct disk_partition *info,
		    int part, int fstype)
{
	struct fs_driver *drv;

	fs_close();
	fs_dev_set(desc, info);
	ll_foreach(struct fs_driver, drv, fs_driver) {
		if (fstype != FS_TYPE_ANY && drv->fstype != fstype)
			continue;
		if (!drv->probe()) {
			fs_drv = drv;
			fs_desc = desc;
			fs_part = part;
			return 0;
		}
	}

	return -ENODEV;
}

/* The one line for a filesystem that was not recognised */
static void fs_print_unrecognized(void)
{
	const char *why = fs_get_error();

	if (why)
		printf("** Unrecognized filesystem type: %s **\n", why);
	else
		puts("** Unrecognized filesystem type **\n");
}

/*
 * A device or partition that cannot be used, in U-Boot 2023.01's two
 * lines (blk_get_device_part_str() and its caller's)
 */
static void fs_print_dev_err(const char *ifname, const char *dev_part_str,
			     int err)
{
	const char *colon = strchr(dev_part_str, ':');

	if (err == -ENOENT && colon)
		printf("** Invalid partition %s **\n", colon + 1);
	else
		printf("** Bad device specification %s %.*s **\n", ifname,
		       colon ? (int)(colon - dev_part_str) :
		       (int)strlen(dev_part_str), dev_part_str);
	printf("Couldn't find partition %s %s\n", ifname, dev_part_str);
}

int fs_set_blk_dev(const char *ifname, const char *dev_part_str, int fstype)
{
	struct disk_partition info;
	struct blk_desc *desc;
	char buf[32];
	int part;

	/* The sandbox's host files: no device to read, its driver alone */
	if (IS_ENABLED(CONFIG_FS_SANDBOX) && !strcmp(ifname, "hostfs") &&
	    (fstype == FS_TYPE_ANY || fstype == FS_TYPE_SANDBOX))
		return fs_probe(NULL, NULL, 0, FS_TYPE_SANDBOX);
	if (!dev_part_str || !*dev_part_str || !strcmp(dev_part_str, "-")) {
		dev_part_str = env_get("bootdevice");
		if (!dev_part_str) {
			printf("** No device specified **\n");
			return -1;
		}
	}
	/* "dev:auto": the first bootable partition, else the first one */
	if (strlen(dev_part_str) < sizeof(buf)) {
		const char *colon = strchr(dev_part_str, ':');

		if (colon && !strcmp(colon + 1, "auto")) {
			memcpy(buf, dev_part_str, colon - dev_part_str);
			buf[colon - dev_part_str] = '\0';
			dev_part_str = buf;
		}
	}
	part = blk_get_device_part_str(ifname, dev_part_str, &desc, &info, 1);
	if (part < 0) {
		fs_print_dev_err(ifname, dev_part_str, part);
		return -1;
	}
	/* A filesystem of another type than asked for: U-Boot's silence */
	if (fs_probe(desc, &info, part, fstype)) {
		if (fstype == FS_TYPE_ANY)
			fs_print_unrecognized();
		return -1;
	}

	return 0;
}

int fs_set_blk_dev_with_part(struct blk_desc *desc, int part)
{
	struct disk_partition info;
	int ret;

	if (part >= 1)
		ret = part_get_info(desc, part, &info);
	else
		ret = part_get_info_whole_disk(desc, &info);
	if (ret)
		return ret;

	return fs_probe(desc, &info, part, FS_TYPE_ANY);
}

int fs_get_type(void)
{
	return fs_drv ? fs_drv->fstype : FS_TYPE_ANY;
}

const char *fs_get_type_name(void)
{
	return fs_drv ? fs_drv->name : "unsupported";
}

void fs_close(void)
{
	if (fs_drv && fs_drv->close)
		fs_drv->close();
	fs_drv = NULL;
	fs_open_dir = NULL;
}

/* Print what is wrong with the filesystem, if a driver said */
static void fs_print_error(const char *what, const char *name, int err)
{
	const char *why = fs_get_error();

	if (why)
		printf("** %s %s: %s **\n", what, name, why);
	else
		printf("** %s %s: %s **\n", what, name, errno_str(err));
}

static int fs_ls_generic(const char *dirname)
{
	struct fs_dir_stream *dirs;
	struct fs_dirent *dent;
	int nfiles = 0, ndirs = 0;
	int ret;

	dirs = fs_opendir(dirname);
	if (!dirs)
		return -ENOENT;
	while ((dent = fs_readdir(dirs))) {
		if (dent->type == FS_DT_DIR) {
			printf("            %s/\n", dent->name);
			ndirs++;
		} else if (dent->type == FS_DT_LNK) {
			printf("    <SYM>   %s\n", dent->name);
			nfiles++;
		} else {
			printf(" %8lld   %s\n", (long long)dent->size,
			       dent->name);
			nfiles++;
		}
	}
	/* a damaged directory: the error line, no summary of a part */
	ret = fs_get_error() ? -EIO : 0;
	if (ret)
		fs_print_error("Cannot list", dirname, ret);
	fs_closedir(dirs);
	if (!ret)
		printf("\n%d file(s), %d dir(s)\n\n", nfiles, ndirs);

	return ret;
}

int fs_ls(const char *dirname)
{
	int ret;

	if (!fs_drv)
		return -ENODEV;
	if (fs_drv->ls) {
		ret = fs_drv->ls(dirname);
		fs_close();
		return ret;
	}

	return fs_ls_generic(dirname);
}

int fs_exists(const char *filename)
{
	struct fs_dir_stream *dirs;
	loff_t size;
	int ret;

	if (!fs_drv)
		return 0;
	if (fs_drv->exists) {
		ret = fs_drv->exists(filename);
	} else if (!fs_drv->size(filename, &size)) {
		ret = 1;
	} else {
		ret = 0;
		if (!fs_drv->opendir(filename, &dirs)) {
			fs_drv->closedir(dirs);
			ret = 1;
		}
	}
	fs_close();

	return ret;
}

int fs_size(const char *filename, loff_t *size)
{
	int ret;

	if (!fs_drv)
		return -ENODEV;
	ret = fs_drv->size(filename, size);
	fs_close();

	return ret;
}

int fs_read(const char *filename, ulong addr, loff_t offset, loff_t len,
	    loff_t *actread)
{
	const char *why;
	loff_t size, want;
	void *buf;
	int ret;

	*actread = 0;
	if (!fs_drv)
		return -ENODEV;
	ret = fs_drv->size(filename, &size);
	if (ret)
		goto out;
	/* past the end (an offset at the end too, as U-Boot's) */
	if (offset < 0 || offset > size || (offset && offset == size)) {
		ret = -EINVAL;
		goto out;
	}
	want = size - offset;
	if (len && len < want)
		want = len;
	ret = lmb_check(addr, want, &why);
	if (ret == -EFAULT) {
		fs_set_error("%llu bytes at 0x%lx do not fit in RAM",
			     (unsigned long long)want, addr);
		ret = -ENOSPC;
		goto out;
	}
	if (ret) {
		fs_set_error("%llu bytes at 0x%lx would overwrite %s",
			     (unsigned long long)want, addr, why);
		ret = -ENOSPC;
		goto out;
	}
	buf = map_sysmem(addr, want);
	ret = fs_drv->read(filename, buf, offset, want, actread);
	unmap_sysmem(buf);
out:
	fs_close();

	return ret;
}

int fs_read_buf(const char *filename, void *buf, loff_t len, loff_t *actread)
{
	int ret;

	*actread = 0;
	if (!fs_drv)
		return -ENODEV;
	ret = fs_drv->read(filename, buf, 0, len, actread);
	fs_close();

	return ret;
}

int fs_write_buf(const char *filename, const void *buf, loff_t offset,
		 loff_t len, loff_t *actwrite)
{
	int ret = -ENOSYS;

	*actwrite = 0;
	if (!fs_drv)
		return -ENODEV;
	if (fs_drv->write)
		ret = fs_drv->write(filename, buf, offset, len, actwrite);
	fs_close();

	return ret;
}

int fs_write(const char *filename, ulong addr, loff_t offset, loff_t len,
	     loff_t *actwrite)
{
	void *buf = NULL;

	*actwrite = 0;
	if (!fs_drv)
		return -ENODEV;
	/* the bytes are only read: anywhere in RAM, the firmware's too */
	if (len && lmb_check(addr, len, NULL) != -EFAULT)
		buf = map_sysmem(addr, len);
	if (len && !buf) {
		fs_set_error("%llu bytes at 0x%lx are not all in RAM",
			     (unsigned long long)len, addr);
		fs_close();
		return -EFAULT;
	}
	return fs_write_buf(filename, buf, offset, len, actwrite);
}

struct fs_dir_stream *fs_opendir(const char *filename)
{
	struct fs_dir_stream *dirs = NULL;
	int ret;

	if (!fs_drv)
		return NULL;
	ret = fs_drv->opendir(filename, &dirs);
	if (ret) {
		fs_close();
		return NULL;
	}
	dirs->desc = fs_desc;
	dirs->part = fs_part;
	fs_open_dir = dirs;

	return dirs;
}

struct fs_dirent *fs_readdir(struct fs_dir_stream *dirs)
{
	struct fs_dirent *dent;

	if (!fs_drv || dirs != fs_open_dir)
		return NULL;
	if (fs_drv->readdir(dirs, &dent))
		return NULL;

	return dent;
}

void fs_closedir(struct fs_dir_stream *dirs)
{
	if (!dirs)
		return;
	if (fs_drv && dirs == fs_open_dir)
		fs_drv->closedir(dirs);
	fs_close();
}

int fs_uuid(char *uuid_str)
{
	int ret = -ENOSYS;

	if (fs_drv && fs_drv->uuid)
		ret = fs_drv->uuid(uuid_str);
	fs_close();

	return ret;
}

/* The drivers built in, for 'fstypes' */
void fs_print_types(void)
{
	struct fs_driver *drv;
	int i = 0;

	puts("Supported filesystems");
	ll_foreach(struct fs_driver, drv, fs_driver)
		printf("%c %s", i++ ? ',' : ':', drv->name);
	puts(i ? "\n" : ": <none>\n");
}

/* What went wrong, in words: the filesystem's reason, else the errno's */
const char *fs_strerror(int err)
{
	const char *why = fs_get_error();

	if (why)
		return why;
	switch (err) {
	case -ENOENT:
		return "no such file";
	case -EISDIR:
		return "it is a directory";
	case -ENOTDIR:
		return "a path component is not a directory";
	case -EINVAL:
		return "offset past the end of the file";
	case -ELOOP:
		return "too many symbolic links";
	default:
		return errno_str(err);
	}
}
