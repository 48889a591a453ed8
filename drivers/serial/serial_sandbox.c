// SPDX-License-Identifier: GPL-2.0-or-later
/* The sandbox's serial port: the program's stdin and stdout. */
#include <common.h>
#include <dm.h>
#include <serial.h>
#include <asm/os.h>
#include <asm/state.h>

/*
 * With -c the commands come from the command line: stdin is left alone
 * (it may be closed, or belong to a script that runs us). Interactively,
 * the end of stdin ends the program.
 */
static bool sandbox_serial_input(void)
{
	return !state_get_current()->cmd && os_poll_input();
}

static int sandbox_serial_putc(struct udevice *dev, const char ch)
{
	return os_write(1, &ch, 1) == 1 ? 0 : -EIO;
}

static ssize_t sandbox_serial_puts(struct udevice *dev, const char *s,
				   size_t len)
{
	return os_write(1, s, len);
}

static int sandbox_serial_pending(struct udevice *dev, bool input)
{
	return input ? sandbox_serial_input() : 0;
}

static int sandbox_serial_getc(struct udevice *dev)
{
	unsigned char ch;
	ssize_t ret;

	if (!sandbox_serial_input())
		return -EAGAIN;
	ret = os_read(0, &ch, 1);
	if (ret == 0)
		return -ESHUTDOWN;	/* stdin closed: no more input, ever */
	return ret == 1 ? ch : -EIO;
}

static const struct dm_serial_ops sandbox_serial_ops = {
	.putc = sandbox_serial_putc,
	.puts = sandbox_serial_puts,
	.pending = sandbox_serial_pending,
	.getc = sandbox_serial_getc,
};

U_BOOT_DRIVER(serial_sandbox) = {
	.name = "serial_sandbox",
	.id = UCLASS_SERIAL,
	.ops = &sandbox_serial_ops,
};
