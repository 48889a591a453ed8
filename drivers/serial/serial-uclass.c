// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * UCLASS_SERIAL: the console's device. serial_init() picks the one the
 * device tree's /chosen/stdout-path names, else the first serial device; the serial_*() calls below are what common/console.c
 * uses. A driver's putc/getc return -EAGAIN while busy or empty; the
 * waits here are bounded so a stuck port cannot hang the firmware.
 */
#include <common.h>
#include <dm.h>
#include <serial.h>

#define SERIAL_PUTC_TIMEOUT_MS	100

static struct udevice *cur_dev;

int serial_init(void)
{
	struct udevice *dev;
	int ret;

	/* The UART the device tree's /chosen/stdout-path names, if any */
	if (IS_ENABLED(CONFIG_OF_CONTROL) &&
	    !uclass_get_device_by_ofnode(UCLASS_SERIAL,
					 ofnode_get_chosen_node("stdout-path"),
					 &dev)) {
		cur_dev = dev;
		return 0;
	}
	ret = uclass_first_device_err(UCLASS_SERIAL, &dev);
	if (ret)
		return ret;
	cur_dev = dev;
	return 0;
}

bool serial_ready(void)
{
	return cur_dev != NULL;
}

const char *serial_dev_name(void)
{
	return cur_dev ? cur_dev->name : NULL;
}

static void serial_putc_raw(struct dm_serial_ops *ops, char ch)
{
	ulong start = get_timer(0);

	while (ops->putc(cur_dev, ch) == -EAGAIN) {
		if (get_timer(start) > SERIAL_PUTC_TIMEOUT_MS)
			return;	/* drop it rather than hang */
	}
}

void serial_putc(const char ch)
{
	struct dm_serial_ops *ops;

	if (!cur_dev)
		return;
	ops = serial_get_ops(cur_dev);
	/* A terminal needs CR LF; the sandbox writes to a host stream. */
	if (ch == '\n' && !IS_ENABLED(CONFIG_SANDBOX))
		serial_putc_raw(ops, '\r');
	serial_putc_raw(ops, ch);
}

void serial_puts(const char *s)
{
	struct dm_serial_ops *ops;
	size_t len = strlen(s);

	if (!cur_dev)
		return;
	ops = serial_get_ops(cur_dev);
	if (ops->puts && IS_ENABLED(CONFIG_SANDBOX)) {
		while (len) {
			ssize_t n = ops->puts(cur_dev, s, len);

			if (n <= 0)
				return;
			s += n;
			len -= n;
		}
		return;
	}
	while (*s)
		serial_putc(*s++);
}

int serial_tstc(void)
{
	struct dm_serial_ops *ops;

	if (!cur_dev)
		return 0;
	ops = serial_get_ops(cur_dev);
	return ops->pending ? ops->pending(cur_dev, true) > 0 : 0;
}

int serial_getc_nowait(void)
{
	if (!cur_dev)
		return -ENODEV;
	return serial_get_ops(cur_dev)->getc(cur_dev);
}

UCLASS_DRIVER(serial) = {
	.id = UCLASS_SERIAL,
	.name = "serial",
};
