// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The 'virtio' command, as U-Boot's: 'virtio scan' probes every virtio
 * transport and the device on it; info, device, part, read and write are
 * the block sub-commands every interface shares (blk_common_cmd()) on the
 * virtio-blk disks; the LUNs of virtio-scsi hosts are 'scsi' devices.
 * 'virtio info -v' (virtboot's) also says which transport carries each
 * disk; the usage stays U-Boot's.
 */

#include <common.h>
#include <blk.h>
#include <command.h>
#include <dm.h>
#include <errno.h>
#include <part.h>
#include <virtio_types.h>
#include <virtio.h>
#include <dm/device-internal.h>
#include <s390/iplb.h>

static int virtio_curr_dev;
static bool virtio_scanned;

static void virtio_scan_print(struct udevice *udev, int ret,
			      const char *reason, void *priv)
{
	printf("virtio: %s failed: %s (%d)\n", udev->name,
	       reason ? reason : errno_str(ret), ret);
}

/* Probe every transport and its device; say which failed if @verbose */
static int virtio_scan(bool verbose)
{
	virtio_scanned = true;

	return virtio_init_report(verbose ? virtio_scan_print : NULL, NULL);
}

/* U-Boot's list; @verbose adds each disk's transport (virtboot's -v) */
static void virtio_list_devices(bool verbose)
{
	int max = blk_find_max_devnum(UCLASS_VIRTIO);
	struct ipl_order order;
	int devnum, i;

	/* The boot order, to mark the devices the IPL blocks name */
	if (IS_ENABLED(CONFIG_S390_IPL))
		ipl_order_read(&order);

	for (devnum = 0; devnum <= max; devnum++) {
		struct blk_desc *desc;
		struct udevice *udev;

		desc = blk_get_devnum_by_uclass_id(UCLASS_VIRTIO, devnum);
		if (!desc || desc->type == DEV_TYPE_UNKNOWN)
			continue;
		printf("Device %d: ", devnum);
		dev_print(desc);
		udev = virtio_get_transport(desc->bdev);
		if (udev) {
			struct virtio_dev_priv *uc_priv;

			uc_priv = dev_get_uclass_priv(udev);
			if (verbose)
				printf("            Transport: %s\n",
				       uc_priv->transport ?: "?");
			if (uc_priv->fail_reason)
				printf("            Status: failed (%s)\n",
				       uc_priv->fail_reason);
		}
		/* The first block naming it: its place in the boot order */
		i = IS_ENABLED(CONFIG_S390_IPL) ? ipl_order_iplb(&order, desc) : -1;
		if (i >= 0)
			printf("            IPL device: yes (iplb %d)\n", i);
	}
	if (IS_ENABLED(CONFIG_S390_IPL))
		ipl_order_free(&order);
}

static int do_virtio(struct cmd_tbl *cmdtp, int flag, int argc,
		     char *const argv[])
{
	if (argc == 2 && !strcmp(argv[1], "scan"))
		return virtio_scan(true) ? CMD_RET_FAILURE : CMD_RET_SUCCESS;

	/* The devices are there without a 'virtio scan' first */
	if (!virtio_scanned)
		virtio_scan(false);
	if ((argc == 2 || (argc == 3 && !strcmp(argv[2], "-v"))) &&
	    !strncmp(argv[1], "inf", 3)) {
		virtio_list_devices(argc == 3);
		return CMD_RET_SUCCESS;
	}

	return blk_common_cmd(argc, argv, UCLASS_VIRTIO, &virtio_curr_dev);
}

U_BOOT_CMD(
	virtio, 8, 1, do_virtio,
	"virtio block devices sub-system",
	"scan - initialize virtio bus\n"
	"virtio info - show all available virtio block devices\n"
	"virtio device [dev] - show or set current virtio block device\n"
	"virtio part [dev] - print partition table of one or all virtio block devices\n"
	"virtio read addr blk# cnt - read `cnt' blocks starting at block\n"
	"     `blk#' to memory address `addr'\n"
	"virtio write addr blk# cnt - write `cnt' blocks starting at block\n"
	"     `blk#' from memory address `addr'"
);
