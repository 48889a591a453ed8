// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The sandbox's "hostfs": files of the host, read by path, as U-Boot's
 * sandbox filesystem ('load hostfs - <addr> <file>', 'host load',
 * 'ls hostfs - <dir>', 'test -e hostfs - <file>'). A path is the host's
 * (relative to the sandbox's working directory unless it starts with
 * '/'). There is no block device: fs_set_blk_dev("hostfs", ...) probes
 * this driver alone without one, and its probe declines every disk.
 */

#include <common.h>
#include <errno.h>
#include <fs.h>
#include <malloc.h>
#include <asm/os.h>
#include "../fs_internal.h"

struct hostfs_dir {
	struct fs_dir_stream parent;	/* first: fs.c's view */
	struct fs_dirent dent;
	void *dir;
	char path[];
};

/* Host files have no device: fs_set_blk_dev("hostfs") probes without one */
static int hostfs_probe(void)
{
	return fs_dev_desc() ? -ENODEV : 0;
}

static void hostfs_close(void)
{
}

static int hostfs_size(const char *path, loff_t *size)
{
	s64 len;
	int kind = os_stat(path, &len);

	if (kind < 0)
		return kind;
	if (kind == OS_FILET_DIR)
		return -EISDIR;
	*size = len;
	return 0;
}

static int hostfs_read(const char *path, void *buf, loff_t offset,
		       loff_t len, loff_t *actread)
{
	ssize_t got = 0;
	loff_t size;
	int fd, ret;

	ret = hostfs_size(path, &size);
	if (ret)
		return ret;
	if (!len || len > size - offset)
		len = size - offset;
	fd = os_open(path, OS_O_RDONLY);
	if (fd < 0)
		return fd;
	while (*actread < len) {
		got = os_pread(fd, buf + *actread, len - *actread,
			       offset + *actread);
		if (got <= 0)
			break;
		*actread += got;
	}
	os_close(fd);
	/* a file that shrank while read: what was there */
	return got < 0 ? (int)got : 0;
}

static int hostfs_opendir(const char *path, struct fs_dir_stream **dirsp)
{
	struct hostfs_dir *d;
	int err;

	d = calloc(1, sizeof(*d) + strlen(path) + 1);
	if (!d)
		return -ENOMEM;
	strcpy(d->path, path);
	d->dir = os_opendir(path, &err);
	if (!d->dir) {
		free(d);
		return err;
	}
	*dirsp = &d->parent;
	return 0;
}

static int hostfs_readdir(struct fs_dir_stream *dirs,
			  struct fs_dirent **dentp)
{
	static const unsigned int types[] = {
		[OS_FILET_REG] = FS_DT_REG, [OS_FILET_LNK] = FS_DT_LNK,
		[OS_FILET_DIR] = FS_DT_DIR, [OS_FILET_OTHER] = FS_DT_REG,
	};
	struct hostfs_dir *d = container_of(dirs, struct hostfs_dir, parent);
	s64 size;
	int kind;

	kind = os_readdir(d->dir, d->path, d->dent.name,
			  sizeof(d->dent.name), &size);
	if (kind < 0)
		return kind;
	d->dent.type = types[kind];
	d->dent.size = size;
	*dentp = &d->dent;
	return 0;
}

static void hostfs_closedir(struct fs_dir_stream *dirs)
{
	struct hostfs_dir *d = container_of(dirs, struct hostfs_dir, parent);

	os_closedir(d->dir);
	free(d);
}

/* U-Boot's sandbox listing: a type column, the size, the name */
static int hostfs_ls(const char *path)
{
	static const char *const kinds[] = { "   ", "SYM", "DIR", "???" };
	struct fs_dir_stream *dirs;
	struct hostfs_dir *d;
	s64 size;
	int kind, ret;

	ret = hostfs_opendir(path, &dirs);
	if (ret)
		return ret;
	d = container_of(dirs, struct hostfs_dir, parent);
	while ((kind = os_readdir(d->dir, d->path, d->dent.name,
				  sizeof(d->dent.name), &size)) >= 0)
		printf("%s %10lu %s\n", kinds[kind], (ulong)size, d->dent.name);
	hostfs_closedir(dirs);
	return kind == -ENOENT ? 0 : kind;
}

static int hostfs_exists(const char *path)
{
	s64 size;

	return os_stat(path, &size) >= 0;
}

U_BOOT_FS_DRIVER(sandbox) = {
	.name		= "sandbox",
	.fstype		= FS_TYPE_SANDBOX,
	.probe		= hostfs_probe,
	.close		= hostfs_close,
	.ls		= hostfs_ls,
	.opendir	= hostfs_opendir,
	.readdir	= hostfs_readdir,
	.closedir	= hostfs_closedir,
	.size		= hostfs_size,
	.read		= hostfs_read,
	.exists		= hostfs_exists,
};
