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
 * @setbrg:	set the baud rate (U-Boot's; nothing calls it here)
 * @putc:	send one character; -EAGAIN while the device is busy
 * @puts:	optional: send up to @len characters, return how many were
 *		taken (at least 1) or a negative error
 * @getc:	return one received character, -EAGAIN if none waits, or
 *		-ESHUTDOWN if input has ended for good (sandbox stdin)
 * @pending:	with @input true, the number of characters waiting (or 1);
 *		with @input false, whether output is still being sent
 * @clear:	drop pending input (U-Boot's; nothing calls it here)
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

/** serial_init() - use the first serial device for the console */
int serial_init(void);
/** serial_ready() - true once serial_init() found a device */
bool serial_ready(void);

/** serial_dev_name() - the console device's name, NULL if there is none */
const char *serial_dev_name(void);
void serial_putc(const char ch);
void serial_puts(const char *s);
/** serial_tstc() - nonzero if input is waiting */
int serial_tstc(void);
/**
 * serial_getc_nowait() - one input character, -EAGAIN if none waits,
 * -ESHUTDOWN if input has ended
 */
int serial_getc_nowait(void);

#endif
