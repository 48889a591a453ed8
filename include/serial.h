/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Serial devices (UCLASS_SERIAL). The console (common/console.c) writes to
 * and reads from the first serial device through these ops.
 */
#ifndef __SERIAL_H
#define __SERIAL_H

#include <linux/types.h>

struct udevice;

/**
 * struct dm_serial_ops - what a serial driver provides
 * @putc:	send one character; -EAGAIN while the device is busy
 * @puts:	optional: send up to @len characters, return how many were
 *		taken (at least 1) or a negative error
 * @getc:	return one received character, or -EAGAIN if none waits
 * @pending:	with @input true, the number of characters waiting (or 1);
 *		with @input false, whether output is still being sent
 */
struct dm_serial_ops {
	int (*setbrg)(struct udevice *dev, int baudrate);
	int (*getc)(struct udevice *dev);
	int (*putc)(struct udevice *dev, const char ch);
	ssize_t (*puts)(struct udevice *dev, const char *s, size_t len);
	int (*pending)(struct udevice *dev, bool input);
	int (*clear)(struct udevice *dev);
};

#define serial_get_ops(dev) ((struct dm_serial_ops *)(dev)->driver->ops)

#endif
