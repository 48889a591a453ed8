// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * 'lsblk': each block device driver and the devices it drives, in the
 * layout of U-Boot's lsblk ("virtio-blk          : virtio 0, virtio 1").
 * The virtio transports are probed first, as every block command here
 * does, so that their disks and SCSI LUNs exist.
 */
#include <common.h>
#include <blk.h>
#include <command.h>
#include <dm.h>
#include <virtio.h>

static int do_lsblk(struct cmd_tbl *cmdtp, int flag, int argc,
		    char *const argv[])
{
	struct driver *drv;
	struct udevice *dev;
	struct uclass *uc;
	int n;

	if (IS_ENABLED(CONFIG_VIRTIO))
		virtio_init();
	if (uclass_get(UCLASS_BLK, &uc)) {
		puts("lsblk: no block device class\n");
		return CMD_RET_FAILURE;
	}
	puts("Block Driver          Devices\n"
	     "-----------------------------\n");
	ll_foreach(struct driver, drv, driver) {
		if (drv->id != UCLASS_BLK)
			continue;
		printf("%-20.20s", drv->name);
		n = 0;
		uclass_foreach_dev(dev, uc) {
			struct blk_desc *desc = dev_get_uclass_plat(dev);

			if (dev->driver != drv)
				continue;
			printf("%c %s %d", n++ ? ',' : ':',
			       blk_get_uclass_name(desc->uclass_id),
			       desc->devnum);
		}
		puts(n ? "\n" : ": <none>\n");
	}
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	lsblk, 1, 0, do_lsblk,
	"list block drivers and devices",
	"- display list of block device drivers and attached block devices"
);
