/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sandbox host-file block devices: each --host FILE on the sandbox
 * command line becomes block device "host N" (512-byte blocks), a BLK
 * child of a UCLASS_HOST device, as in U-Boot's sandbox.
 */
#ifndef __SANDBOX_HOST_H
#define __SANDBOX_HOST_H

#include <linux/types.h>

struct udevice;

/**
 * host_create_attach_file() - bind a host file as the next "host" device
 * @label:	name of the new UCLASS_HOST device ("host0", ...)
 * @filename:	path of the file on the host (copied); opened read-write,
 *		or read-only (the device is then read-only) if that fails
 * @devnum:	the "host" device number to take, or -1 for the next free
 * @blksz:	block size: 512 or a larger power of two
 * @removable:	mark the device removable
 * @devp:	returns the UCLASS_HOST device (its BLK child is probed)
 * Return: 0 if OK; -ve errno from the host if the file cannot be opened,
 *	   -EINVAL if it is empty or not a whole number of blocks,
 *	   -EEXIST if @devnum is taken
 */
int host_create_attach_file(const char *label, const char *filename,
			    int devnum, unsigned long blksz, bool removable,
			    struct udevice **devp);

/** host_get_filename() - the host file a UCLASS_HOST device reads */
const char *host_get_filename(struct udevice *dev);

/**
 * host_detach() - close the file of a UCLASS_HOST device and unbind it
 * (and its block device)
 * @dev:	the UCLASS_HOST device
 * Return: 0 or -ve error
 */
int host_detach(struct udevice *dev);

/**
 * sandbox_host_bind_all() - bind every --host FILE of the command line,
 * in order, as "host 0", "host 1", ...
 *
 * A file that cannot be bound is reported on the console (one line) and
 * skipped; the others are still bound.
 *
 * Return: 0 if all were bound, else the first error
 */
int sandbox_host_bind_all(void);

#endif
