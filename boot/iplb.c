// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Which disk (virtio-blk, or a virtio-scsi LUN) an IPL parameter block
 * names. Shared by the commands that show the boot device (iplb, virtio
 * info) and the one that boots it (zipl boot), so that all three agree.
 */
#include <common.h>
#include <blk.h>
#include <dm.h>
#include <virtio.h>
#include <s390/css.h>
#include <s390/iplb.h>
#include <s390/virtio_ccw.h>

bool s390_iplb_matches(const struct ipl_parameter_block *iplb,
		       struct blk_desc *desc)
{
	struct udevice *udev = virtio_get_transport(desc->bdev);
	const struct virtio_ccw_plat *plat;
	u16 devno;
	u8 ssid;

	if (!IS_ENABLED(CONFIG_VIRTIO_CCW) || !udev ||
	    udev->driver != DM_DRIVER_GET(virtio_ccw))
		return false;
	plat = dev_get_plat(udev);
	switch (iplb->pbt) {
	case IPL_PBT_CCW:
		/*
		 * Any disk on the device: a bootindex on a virtio-scsi-ccw
		 * controller gives a CCW block naming the controller, and
		 * QEMU's firmware then boots one of its LUNs.
		 */
		devno = be16_to_cpu(iplb->ccw.devno);
		ssid = iplb->ccw.ssid & 3;
		break;
	case IPL_PBT_QEMU_SCSI:
		if (desc->uclass_id != UCLASS_SCSI ||
		    desc->target != be16_to_cpu(iplb->scsi.target) ||
		    desc->lun != be32_to_cpu(iplb->scsi.lun))
			return false;
		devno = be16_to_cpu(iplb->scsi.devno);
		ssid = iplb->scsi.ssid & 3;
		break;
	default:
		return false;
	}
	return plat->devno == devno && CSS_SCHID_SSID(plat->schid) == ssid;
}

int s390_iplb_devnum(const struct ipl_parameter_block *iplb, int uclass_id)
{
	int devnum, max;

	max = blk_find_max_devnum(uclass_id);
	for (devnum = 0; devnum <= max; devnum++) {
		struct blk_desc *desc;

		desc = blk_get_devnum_by_uclass_id(uclass_id, devnum);
		if (desc && s390_iplb_matches(iplb, desc))
			return devnum;
	}
	return -1;
}
