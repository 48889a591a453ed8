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

/*
 * U-Boot sandbox's variables for its boot methods (board/sandbox/
 * sandbox.env), at U-Boot's offsets in the memory arena, all free.
 */
const char board_env_extra[] =
	"fdt_addr_r=0xc00000\0"
	"kernel_addr_r=0x1000000\0"
	"pxefile_addr_r=0x2000\0"
	"ramdisk_addr_r=0x2000000\0"
	"scriptaddr=0x1000\0";
