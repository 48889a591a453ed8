// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The 'scsi' command, as U-Boot's: the LUNs of every SCSI host (virtio-scsi
 * ones included) are the block devices of the "scsi" interface, numbered
 * in scan order across the hosts. 'scsi scan' scans every host again
 * (scsi_scan_report(); a host is scanned when probed, so this is a
 * rescan) and prints each device found as U-Boot does, the LUNs that
 * failed to come up and why, and per host what the scan found and how
 * long it took; 'scsi info' lists the devices as U-Boot does, then the
 * hosts and their limits; 'scsi reset' resets each host's bus and scans
 * again as 'scsi scan' (U-Boot's reset is a scan). device,
 * part, read and write are the block sub-commands every interface shares.
 * The virtio transports are probed first, as 'virtio scan' does, so that
 * their SCSI hosts exist (and have been scanned once).
 */

#include <common.h>
#include <blk.h>
#include <command.h>
#include <dm.h>
#include <errno.h>
#include <part.h>
#include <scsi.h>
#include <virtio.h>
#include <dm/device-internal.h>

static int scsi_curr_dev;

static void scsi_print_scan(struct udevice *dev)
{
	struct scsi_uc_priv *uc_priv = dev_get_uclass_priv(dev);

	printf("%s: %u target%s, %u LUN%s, %u failed, %u commands in %llu.%03llu ms (partition tables %llu.%03llu ms)\n",
	       dev->name, uc_priv->targets, uc_priv->targets == 1 ? "" : "s",
	       uc_priv->luns, uc_priv->luns == 1 ? "" : "s", uc_priv->failed,
	       uc_priv->cmds, (unsigned long long)uc_priv->scan_us / 1000,
	       (unsigned long long)uc_priv->scan_us % 1000,
	       (unsigned long long)uc_priv->probe_us / 1000,
	       (unsigned long long)uc_priv->probe_us % 1000);
}

static void scsi_scan_print(const struct scsi_scan_event *ev, void *priv)
{
	struct blk_desc *desc;

	switch (ev->what) {
	case SCSI_SCAN_FAILED:
		if (ev->first_lun == ev->last_lun)
			printf("  target %u LUN %u: failed to come up: %s\n",
			       ev->target, ev->first_lun, ev->reason);
		else
			printf("  target %u LUNs %u-%u: failed to come up: %s\n",
			       ev->target, ev->first_lun, ev->last_lun,
			       ev->reason);
		break;
	case SCSI_SCAN_LUN:
		desc = dev_get_uclass_plat(ev->bdev);
		printf("  Device %d: ", desc->devnum);
		dev_print(desc);
		break;
	case SCSI_SCAN_HOST:
		if (ev->ret)
			printf("%s: scan failed: %s (%d)\n", ev->host->name,
			       errno_str(ev->ret), ev->ret);
		else
			scsi_print_scan(ev->host);
		break;
	}
}

static void do_scsi_info(void)
{
	struct udevice *dev;
	struct uclass *uc;

	blk_list_devices(UCLASS_SCSI);
	if (uclass_get(UCLASS_SCSI, &uc))
		return;
	uclass_foreach_dev(dev, uc) {
		struct scsi_plat *plat = dev_get_uclass_plat(dev);

		if (device_probe(dev)) {
			printf("%s: not available\n", dev->name);
			continue;
		}
		printf("%s: targets 0-%lu, LUNs from REPORT LUNS (0-%lu if refused), %lu bytes per command\n",
		       dev->name, plat->max_id - 1, plat->max_lun - 1,
		       plat->max_bytes_per_req);
		scsi_print_scan(dev);
	}
}

static int do_scsi_reset(void)
{
	struct udevice *dev;
	struct uclass *uc;
	int ret, err = 0;

	if (uclass_get(UCLASS_SCSI, &uc))
		return -ENODEV;
	uclass_foreach_dev(dev, uc) {
		ret = device_probe(dev);
		if (!ret)
			ret = scsi_bus_reset(dev);
		if (ret) {
			printf("%s: reset failed: %s (%d)\n", dev->name,
			       errno_str(ret), ret);
			err = ret;
		}
	}

	return err;
}

static int do_scsi(struct cmd_tbl *cmdtp, int flag, int argc,
		   char *const argv[])
{
	bool scan;

	/* virtio-scsi hosts exist once their transports are probed */
	if (IS_ENABLED(CONFIG_VIRTIO))
		virtio_init();
	if (argc == 2 && !strncmp(argv[1], "inf", 3)) {
		do_scsi_info();
		return CMD_RET_SUCCESS;
	}
	scan = argc == 2 && !strcmp(argv[1], "scan");
	/* as U-Boot's, a reset scans again and lists what it finds */
	if (argc == 2 && !strcmp(argv[1], "reset")) {
		puts("\nReset SCSI\n");
		if (do_scsi_reset())
			return CMD_RET_FAILURE;
		scan = true;
	}
	if (scan) {
		puts("scanning bus for devices...\n");
		if (scsi_scan_report(scsi_scan_print, NULL))
			return CMD_RET_FAILURE;
		return CMD_RET_SUCCESS;
	}

	return blk_common_cmd(argc, argv, UCLASS_SCSI, &scsi_curr_dev);
}

U_BOOT_CMD(
	scsi, 5, 1, do_scsi,
	"SCSI sub-system",
	"reset - reset the SCSI buses, then scan them as 'scsi scan'\n"
	"scsi info  - show available SCSI devices, then the hosts and their last scan\n"
	"scsi scan  - (re-)scan SCSI bus, with timing\n"
	"scsi device [dev] - show or set current device\n"
	"scsi part [dev] - print partition table of one or all SCSI devices\n"
	"scsi read addr blk# cnt - read `cnt' blocks starting at block `blk#'\n"
	"     to memory address `addr'\n"
	"scsi write addr blk# cnt - write `cnt' blocks starting at block\n"
	"     `blk#' from memory address `addr'"
);
