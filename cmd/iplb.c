// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * iplb: the boot devices QEMU named in its IPL parameter blocks, in
 * bootindex order (only the first on QEMU before 9.2), each with the
 * interface and number of the first disk it names, as boot/ipl.c maps it.
 */
#include <common.h>
#include <blk.h>
#include <command.h>
#include <virtio.h>
#include <s390/iplb.h>

static void iplb_print(const struct ipl_order *order, int i)
{
	const struct ipl_parameter_block *iplb = &order->iplbs[i];
	char lp[IPLB_LOADPARM_LEN + 1] = "";
	struct blk_desc *desc;

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
	desc = ipl_order_first(order, i);
	if (desc)
		printf(" (%s %d)", blk_get_uclass_name(desc->uclass_id),
		       desc->devnum);
	printf("\n");
}

static int do_iplb(struct cmd_tbl *cmdtp, int flag, int argc,
		   char *const argv[])
{
	struct ipl_order order;
	int i, n;

	/* find the disks, to name the one each block points at */
	if (IS_ENABLED(CONFIG_VIRTIO))
		virtio_init();
	n = ipl_order_read(&order);
	if (n <= 0)
		printf("iplb: %s\n", n == -ENOMEM ? "out of memory" :
		       n ? "the machine refused to store it" :
		       "no IPL parameter block (no device has a bootindex)");
	for (i = 0; i < n; i++)
		iplb_print(&order, i);
	ipl_order_free(&order);
	return n > 0 ? CMD_RET_SUCCESS : CMD_RET_FAILURE;
}

U_BOOT_CMD(iplb, 1, 1, do_iplb,
	   "show the machine's IPL (boot) devices",
	   "\n    - list the devices of the IPL parameter blocks, in bootindex order");
