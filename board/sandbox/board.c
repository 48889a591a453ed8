// SPDX-License-Identifier: GPL-2.0-or-later
/* The sandbox board: a serial port on stdio and the emulated devices. */
#include <common.h>
#include <dm.h>
#include <init.h>
#include <sandbox_host.h>
#include <virtio_sandbox.h>

int board_init(void)
{
	struct udevice *dev;
	int ret;

	ret = device_bind_driver(dm_root(), "serial_sandbox", "serial", &dev);
	if (ret)
		return ret;
	if (IS_ENABLED(CONFIG_VIRTIO_SANDBOX)) {
		/* The emulated virtio devices of --blk, --scsi and --fault */
		ret = sandbox_virtio_bind_all();
		if (ret)
			return ret;
	}
	if (IS_ENABLED(CONFIG_SANDBOX_HOST)) {
		/* --host FILE: a file it cannot open is reported and skipped */
		sandbox_host_bind_all();
	}
	return 0;
}
