// SPDX-License-Identifier: GPL-2.0-or-later
/* The sandbox board: a serial port on stdio and the emulated devices. */
#include <common.h>
#include <dm.h>
#include <init.h>

int board_init(void)
{
	struct udevice *dev;
	int ret;

	ret = device_bind_driver(dm_root(), "serial_sandbox", "serial", &dev);
	if (ret)
		return ret;
	return 0;
}
