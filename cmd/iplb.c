// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * iplb: the boot devices QEMU named in its IPL parameter blocks, in
 * bootindex order (only the first on QEMU before 9.2), each with the
 * `virtio` device number of its disk when virtboot has it.
 */
#include <common.h>
#include <blk.h>
#include <command.h>
#include <dm.h>
#include <scsi.h>
#include <virtio.h>
#include <s390/css.h>
#include <s390/iplb.h>
#include <s390/virtio_ccw.h>

/* The virtio transport a block device hangs off */
static struct udevice *iplb_transport(struct udevice *bdev)
{
	struct udevice *dev;

	for (dev = dev_get_parent(bdev); dev; dev = dev_get_parent(dev))
		if (device_get_uclass_id(dev) == UCLASS_VIRTIO)
			return dev;
	return NULL;
}

/* Does @desc, a virtio disk or LUN over ccw, match @iplb? */
static bool iplb_matches(const struct ipl_parameter_block *iplb,
			 struct blk_desc *desc)
{
	struct udevice *udev = iplb_transport(desc->bdev);
	const struct virtio_ccw_plat *plat;
	unsigned int target = desc->target, lun = desc->lun;
	bool lun_dev;

	if (!udev || udev->driver != DM_DRIVER_GET(virtio_ccw))
		return false;
	plat = dev_get_plat(udev);
	lun_dev = dev_get_parent(desc->bdev) != udev;
	switch (iplb->pbt) {
	case IPL_PBT_CCW:
		return !lun_dev &&
		       CSS_SCHID_SSID(plat->schid) == (iplb->ccw.ssid & 3) &&
		       plat->devno == be16_to_cpu(iplb->ccw.devno);
	case IPL_PBT_QEMU_SCSI:
		if (!lun_dev ||
		    CSS_SCHID_SSID(plat->schid) != (iplb->scsi.ssid & 3) ||
		    plat->devno != be16_to_cpu(iplb->scsi.devno))
			return false;
		if (IS_ENABLED(CONFIG_SCSI))
			scsi_blk_get_addr(desc->bdev, &target, &lun);
		return target == be16_to_cpu(iplb->scsi.target) &&
		       lun == be32_to_cpu(iplb->scsi.lun);
	default:
		return false;
	}
}

/* The `virtio` device number of the disk @iplb names, or -1 */
static int iplb_virtio_devnum(const struct ipl_parameter_block *iplb)
{
	int devnum, max;

	if (!IS_ENABLED(CONFIG_VIRTIO_CCW))
		return -1;
	max = blk_find_max_devnum(UCLASS_VIRTIO);
	for (devnum = 0; devnum <= max; devnum++) {
		struct blk_desc *desc;

		desc = blk_get_devnum_by_uclass_id(UCLASS_VIRTIO, devnum);
		if (desc && iplb_matches(iplb, desc))
			return devnum;
	}
	return -1;
}

static void iplb_print(int i, const struct ipl_parameter_block *iplb)
{
	char lp[IPLB_LOADPARM_LEN + 1] = "";

	if (iplb->flags & IPLB_FLAGS_LP_VALID)
		s390_iplb_loadparm(iplb, lp);
	printf("%d: ", i);
	switch (iplb->pbt) {
	case IPL_PBT_CCW:
		printf("ccw  0.%x.%04x", iplb->ccw.ssid & 3,
		       be16_to_cpu(iplb->ccw.devno));
		break;
	case IPL_PBT_QEMU_SCSI:
		printf("scsi 0.%x.%04x target %u lun %u", iplb->scsi.ssid & 3,
		       be16_to_cpu(iplb->scsi.devno),
		       be16_to_cpu(iplb->scsi.target),
		       be32_to_cpu(iplb->scsi.lun));
		break;
	case IPL_PBT_PCI:
		printf("pci  fid 0x%08x", be32_to_cpu(iplb->pci.fid));
		break;
	default:
		printf("type 0x%02x", iplb->pbt);
		break;
	}
	printf("%s%s", *lp ? " loadparm " : "", lp);
	i = iplb_virtio_devnum(iplb);
	if (i >= 0)
		printf(" (virtio %d)", i);
	printf("\n");
}

static int do_iplb(struct cmd_tbl *cmdtp, int flag, int argc,
		   char *const argv[])
{
	struct ipl_parameter_block *iplbs;
	int i, n;

	iplbs = memalign(8, IPLB_MAX_CHAIN * sizeof(*iplbs));
	if (!iplbs) {
		printf("iplb: out of memory\n");
		return CMD_RET_FAILURE;
	}
	n = s390_iplb_read(iplbs, IPLB_MAX_CHAIN);
	/* find the disks, to name the one each block points at */
	if (n > 0 && IS_ENABLED(CONFIG_VIRTIO))
		virtio_init();
	if (n <= 0) {
		free(iplbs);
		printf("iplb: %s\n", n ? "the machine refused to store it" :
		       "no IPL parameter block (no device has a bootindex)");
		return CMD_RET_FAILURE;
	}
	for (i = 0; i < n; i++)
		iplb_print(i, &iplbs[i]);
	free(iplbs);
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(iplb, 1, 1, do_iplb,
	   "show the machine's IPL (boot) devices",
	   "\n    - list the devices of the IPL parameter blocks, in bootindex order");
