// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * UCLASS_SCSI: SCSI hosts. A host's limits are its uclass platform data
 * (struct scsi_plat, as U-Boot's); what its last scan found is the uclass
 * private data (struct scsi_uc_priv, virtboot's). Unlike U-Boot, where
 * 'scsi scan' does it, a host is scanned as soon as it is probed, so its
 * LUNs are block devices after 'virtio scan' like virtio-blk disks.
 */

#include <common.h>
#include <dm.h>
#include <scsi.h>

int scsi_exec(struct udevice *dev, struct scsi_cmd *cmd)
{
	const struct scsi_ops *ops = scsi_get_ops(dev);

	if (!ops->exec)
		return -ENOSYS;

	return ops->exec(dev, cmd);
}

int scsi_exec_multi(struct udevice *dev, struct scsi_cmd *cmds, int n,
		    int *rets)
{
	const struct scsi_ops *ops = scsi_get_ops(dev);
	int i, err = 0;

	if (ops->exec_multi)
		return ops->exec_multi(dev, cmds, n, rets);
	for (i = 0; i < n; i++) {
		rets[i] = scsi_exec(dev, &cmds[i]);
		if (rets[i] && !err)
			err = rets[i];
	}

	return err;
}

int scsi_bus_reset(struct udevice *dev)
{
	const struct scsi_ops *ops = scsi_get_ops(dev);

	if (!ops->bus_reset)
		return -ENOSYS;

	return ops->bus_reset(dev);
}

static int scsi_post_probe(struct udevice *dev)
{
	/* A failed scan leaves a host without LUNs, not a failed host */
	scsi_scan_dev(dev, false);

	return 0;
}

UCLASS_DRIVER(scsi) = {
	.id			= UCLASS_SCSI,
	.name			= "scsi",
	.post_probe		= scsi_post_probe,
	.per_device_plat_auto	= sizeof(struct scsi_plat),
	.per_device_auto	= sizeof(struct scsi_uc_priv),
};
