// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The sandbox board: a serial port on stdio, declared statically (the
 * sandbox has no device tree), and the emulated devices the command line
 * asks for (--blk, --scsi, --host), which their emulators bind.
 */
#include <common.h>
#include <dm.h>
#include <init.h>
#include <sandbox_host.h>
#include <virtio_sandbox.h>

U_BOOT_DRVINFO(serial_sandbox) = {
	.name	= "serial_sandbox",
};

int board_init(void)
{
	int ret;

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
