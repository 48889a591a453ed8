// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Byte-level reads of the partition a filesystem lives on, for every
 * filesystem driver (fs/fs_internal.h). A request is cut into the part
 * before the first whole block, the whole blocks (read straight into
 * the caller's buffer in one request) and the part after the last one;
 * the two partial blocks go through a small bounce buffer. Nothing
 * outside [0, partition size) is ever read. Writes (fs_devwrite(), for
 * the FAT writer) are cut the same way; a partial block is read, changed
 * and written back. The block layer drops what its cache holds of a
 * device written to.
 */
#include <common.h>
#include <blk.h>
#include <errno.h>
#include <fs.h>
#include <malloc.h>
#include <part.h>
#include <stdarg.h>
#include <vsprintf.h>
#include "fs_internal.h"

static struct blk_desc *cur_desc;
static lbaint_t cur_start;	/* first block of the partition */
static u64 cur_size;		/* bytes */
static char fs_error[128];

void fs_dev_set(struct blk_desc *desc, const struct disk_partition *part)
{
	cur_desc = desc;
	/* no device: the sandbox's host files */
	cur_start = desc ? part->start : 0;
	cur_size = desc ? (u64)part->size * desc->blksz : 0;
	fs_error[0] = '\0';
}

u64 fs_dev_size(void)
{
	return cur_size;
}

unsigned long fs_dev_blksz(void)
{
	return cur_desc ? cur_desc->blksz : DEFAULT_BLKSZ;
}

struct blk_desc *fs_dev_desc(void)
{
	return cur_desc;
}

void fs_set_error(const char *fmt, ...)
{
	va_list args;

	if (fs_error[0])
		return;
	va_start(args, fmt);
	vsnprintf(fs_error, sizeof(fs_error), fmt, args);
	va_end(args);
}

const char *fs_get_error(void)
{
	return fs_error[0] ? fs_error : NULL;
}

/*
 * Part of one block through a bounce buffer: read it, and for a write
 * change it and write it back
 */
static int dev_partial(lbaint_t blk, unsigned long skip, size_t len,
		       u8 *buf, bool write)
{
	unsigned long blksz = cur_desc->blksz;
	u8 *bounce;
	int ret;

	bounce = malloc(blksz);
	if (!bounce)
		return -ENOMEM;
	ret = blk_read_checked(cur_desc, cur_start + blk, 1, bounce);
	if (!ret && write) {
		memcpy(bounce + skip, buf, len);
		ret = blk_write_checked(cur_desc, cur_start + blk, 1, bounce);
	} else if (!ret) {
		memcpy(buf, bounce + skip, len);
	}
	free(bounce);

	return ret;
}

/*
 * Bytes of the partition: a partial first block, the whole blocks in one
 * request, a partial last block
 */
static int dev_io(u64 offset, size_t len, u8 *buf, bool write)
{
	unsigned long blksz, skip;
	lbaint_t blk, nblk;
	size_t n;
	int ret;

	if (!cur_desc)
		return -ENODEV;
	if (offset > cur_size || len > cur_size - offset) {
		fs_set_error("the filesystem points past the end of its partition (byte %llu of %llu)",
			     (unsigned long long)offset + len,
			     (unsigned long long)cur_size);
		return -EIO;
	}
	if (!len)
		return 0;
	blksz = cur_desc->blksz;
	blk = offset >> cur_desc->log2blksz;
	skip = offset & (blksz - 1);

	if (skip) {
		n = min_t(size_t, len, blksz - skip);
		ret = dev_partial(blk, skip, n, buf, write);
		if (ret)
			return ret;
		buf += n;
		len -= n;
		blk++;
	}
	nblk = len >> cur_desc->log2blksz;
	if (nblk) {
		ret = write ? blk_write_checked(cur_desc, cur_start + blk, nblk,
						buf) :
			      blk_read_checked(cur_desc, cur_start + blk, nblk,
					       buf);
		if (ret)
			return ret;
		buf += nblk * blksz;
		len -= nblk * blksz;
		blk += nblk;
	}
	if (len)
		return dev_partial(blk, 0, len, buf, write);

	return 0;
}

int fs_devread(u64 offset, size_t len, void *buf)
{
	int ret = dev_io(offset, len, buf, false);

	/* a device that failed reads as a damaged medium */
	return ret && ret != -ENOMEM && ret != -ENODEV ? -EIO : ret;
}

int fs_devwrite(u64 offset, size_t len, const void *buf)
{
	/* dev_io() only reads @buf when it writes the device */
	return dev_io(offset, len, (u8 *)buf, true);
}
