// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The 'scsi' command. 'scsi scan' scans every SCSI host again (a host is
 * scanned when probed, so this is a rescan) and prints, per host, what
 * the scan found and how long it took; 'scsi reset' resets each host's
 * bus; 'scsi info' lists the hosts and their limits. The block
 * sub-commands (device, part, read, write) work on the "scsi" interface,
 * as U-Boot's; LUNs of virtio-scsi hosts are under "virtio" instead.
 * The virtio transports are probed first, as 'virtio scan' does, so that
 * their SCSI hosts exist (and have been scanned once).
 */

#include <common.h>
#include <blk.h>
#include <command.h>
#include <dm.h>
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

static int do_scsi_scan(bool verbose)
{
	struct udevice *dev;
	struct uclass *uc;
	int ret, err = 0;

	ret = uclass_get(UCLASS_SCSI, &uc);
	if (ret)
		return ret;
	if (verbose)
		puts("scanning bus for devices...\n");
	uclass_foreach_dev(dev, uc) {
		/* Probing a host scans it; a probed one is scanned again */
		if (device_active(dev))
			ret = scsi_scan_dev(dev, verbose);
		else
			ret = device_probe(dev);
		if (ret) {
			printf("%s: scan failed (%d)\n", dev->name, ret);
			err = ret;
			continue;
		}
		scsi_print_scan(dev);
	}

	return err;
}

static void do_scsi_info(void)
{
	struct udevice *dev;
	struct uclass *uc;

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

static int do_scsi(struct cmd_tbl *cmdtp, int flag, int argc,
		   char *const argv[])
{
	/* virtio-scsi hosts exist once their transports are probed */
	if (IS_ENABLED(CONFIG_VIRTIO))
		virtio_init();
	if (argc == 2 && !strcmp(argv[1], "scan"))
		return do_scsi_scan(true) ? CMD_RET_FAILURE : CMD_RET_SUCCESS;
	if (argc == 2 && !strncmp(argv[1], "inf", 3)) {
		do_scsi_info();
		return CMD_RET_SUCCESS;
	}
	if (argc == 2 && !strcmp(argv[1], "reset")) {
		struct udevice *dev;
		struct uclass *uc;
		int ret, err = 0;

		if (uclass_get(UCLASS_SCSI, &uc))
			return CMD_RET_FAILURE;
		uclass_foreach_dev(dev, uc) {
			ret = device_probe(dev);
			if (!ret)
				ret = scsi_bus_reset(dev);
			if (ret) {
				printf("%s: reset failed (%d)\n", dev->name,
				       ret);
				err = ret;
			}
		}
		return err ? CMD_RET_FAILURE : CMD_RET_SUCCESS;
	}

	return blk_common_cmd(argc, argv, UCLASS_SCSI, &scsi_curr_dev);
}

U_BOOT_CMD(
	scsi, 5, 1, do_scsi,
	"SCSI sub-system",
	"reset - reset the SCSI buses\n"
	"scsi info  - show the SCSI hosts, their limits and last scan\n"
	"scsi scan  - (re-)scan the SCSI hosts, with timing\n"
	"scsi device [dev] - show or set current device (\"scsi\" interface)\n"
	"scsi part [dev] - print partition table of one or all SCSI devices\n"
	"scsi read addr blk# cnt - read `cnt' blocks starting at block `blk#'\n"
	"     to memory address `addr'\n"
	"scsi write addr blk# cnt - write `cnt' blocks starting at block\n"
	"     `blk#' from memory address `addr'"
);
