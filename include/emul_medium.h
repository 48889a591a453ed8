/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the sandbox's emulated disks share, whatever carries their commands
 * (a virtio ring, a fuzz harness, a later SCSI host): the buffers of a
 * request as the device sees them (struct emul_sg), the medium that holds
 * the blocks (a host file, or memory for tests), and the "name=N" option
 * syntax of the device specs.
 */
#ifndef __EMUL_MEDIUM_H
#define __EMUL_MEDIUM_H

#include <linux/types.h>

/**
 * struct emul_iov - one buffer of a request, as the device sees it
 * @addr:	the buffer (a host pointer)
 * @len:	its length
 */
struct emul_iov {
	u8 *addr;
	u32 len;
};

/**
 * struct emul_sg - a run of bytes over the buffers of one direction of a
 * request: the data of a command, after its header
 * @iov:	the buffers, in order
 * @n:		entries of @iov
 * @off:	where the run starts in the buffers taken end to end
 * @len:	bytes in the run
 */
struct emul_sg {
	struct emul_iov *iov;
	unsigned int n;
	u64 off;
	u64 len;
};

/**
 * emul_sg_read() - copy bytes out of a run
 * @sg:		the run
 * @off:	offset in the run
 * @buf:	where to copy to
 * @len:	bytes wanted
 * Return: bytes copied (fewer if the run ends first)
 */
u64 emul_sg_read(const struct emul_sg *sg, u64 off, void *buf, u64 len);

/**
 * emul_sg_write() - copy bytes into a run
 * @sg:		the run
 * @off:	offset in the run
 * @buf:	what to copy
 * @len:	bytes
 * Return: bytes copied (fewer if the run ends first)
 */
u64 emul_sg_write(const struct emul_sg *sg, u64 off, const void *buf,
		  u64 len);

#define EMUL_MEDIUM_MAX_IO	(1 << 20)	/* bytes per host read or write */

/**
 * struct emul_medium - what an emulated disk or LUN stores its blocks in
 * @fd:		host file, or -1 for a memory disk
 * @mem:	memory disk
 * @size:	bytes
 */
struct emul_medium {
	int fd;
	u8 *mem;
	u64 size;
};

/**
 * emul_opt_uint() - parse a device spec option "@name=N" (N as C writes it)
 * @opt:	the option
 * @name:	the option's name
 * @valp:	returns N
 * Return: 0 if OK, -ENOENT if @opt is another option, -EINVAL if N is bad
 */
int emul_opt_uint(const char *opt, const char *name, u32 *valp);

/**
 * emul_medium_open() - open the medium a device spec names
 * @m:		the medium to set up
 * @file:	a host file, or "mem:SIZE" for a zeroed memory disk
 * @ro:		open the file read-only
 * Return: 0 if OK, -EBADF if the file cannot be opened (not -ENOENT: the
 *	   sandbox reads that as "no such emulator"), -EINVAL for a bad size,
 *	   -ENOMEM
 */
int emul_medium_open(struct emul_medium *m, const char *file, bool ro);

/**
 * emul_medium_close() - close the file or free the memory of @m
 * @m:		the medium (closing it twice is harmless)
 */
void emul_medium_close(struct emul_medium *m);

/**
 * emul_medium_io() - move bytes between a request's buffers and a medium
 * @m:		the medium; the caller has checked @disk_off + @len fits
 * @buf:	bounce buffer of EMUL_MEDIUM_MAX_IO bytes
 * @sg:		the request's data: where a write comes from, a read goes
 * @sg_off:	offset in @sg
 * @disk_off:	byte offset on the medium
 * @len:	bytes
 * @write:	from @sg to the medium
 * Return: 0 if OK, -EIO if the host file failed
 */
int emul_medium_io(struct emul_medium *m, void *buf, const struct emul_sg *sg,
		   u64 sg_off, u64 disk_off, u64 len, bool write);

/**
 * emul_medium_flush() - write a file medium's data through to the host's
 * disk (nothing to do for memory)
 * @m:		the medium
 * Return: 0 if OK, -EIO if the host failed
 */
int emul_medium_flush(struct emul_medium *m);

#endif
