// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * iplb: the boot devices QEMU named in its IPL parameter blocks, in
 * bootindex order (only the first on QEMU before 9.2), each with the
 * interface and device number of its disk when virtboot has it.
 */
#include <common.h>
#include <blk.h>
#include <command.h>
#include <virtio.h>
#include <s390/iplb.h>

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
	i = s390_iplb_devnum(iplb, UCLASS_VIRTIO);
	if (i >= 0)
		printf(" (virtio %d)", i);
	else if ((i = s390_iplb_devnum(iplb, UCLASS_SCSI)) >= 0)
		printf(" (scsi %d)", i);
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
