// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The s390 IPL service: which devices to boot from, in which order.
 *
 * QEMU names the boot devices in IPL parameter blocks, one per device
 * with a bootindex, in bootindex order (arch/s390/ipl.c reads them).
 * Each block is matched against every block device by the address of
 * the virtio transport under it (virtio_get_bus_addr()) and, for a SCSI
 * block, the device's target and LUN. The devices the blocks name come
 * first, then every other disk, each once: as QEMU's firmware, a boot
 * that fails goes on with the next. `iplb`, `virtio info` and
 * `zipl boot` all read the order from here, so the device they show is
 * the device that boots.
 */
#include <common.h>
#include <blk.h>
#include <dm.h>
#include <malloc.h>
#include <virtio.h>
#include <s390/iplb.h>

/* Does @iplb name @dev (a disk @desc, or a network device)? */
static bool iplb_names(const struct ipl_parameter_block *iplb,
		       struct udevice *dev, struct blk_desc *desc)
{
	struct virtio_bus_addr addr;

	if (!IS_ENABLED(CONFIG_VIRTIO) ||
	    virtio_get_bus_addr(virtio_get_transport(dev), &addr))
		return false;
	switch (iplb->pbt) {
	case IPL_PBT_QEMU_SCSI:
	case IPL_PBT_CCW:
		/*
		 * A CCW block names any disk on the device: a bootindex on a
		 * virtio-scsi-ccw controller gives one, and QEMU's firmware
		 * then boots one of its LUNs. A SCSI block names one LUN,
		 * its controller where a CCW block names the device.
		 */
		if (iplb->pbt == IPL_PBT_QEMU_SCSI &&
		    (!desc || desc->target != be16_to_cpu(iplb->scsi.target) ||
		     desc->lun != be32_to_cpu(iplb->scsi.lun)))
			return false;
		return addr.kind == VIRTIO_BUS_CCW &&
		       addr.ccw.devno == be16_to_cpu(iplb->ccw.devno) &&
		       addr.ccw.ssid == (iplb->ccw.ssid & 3);
	case IPL_PBT_PCI:
		return addr.kind == VIRTIO_BUS_PCI &&
		       addr.pci.fid == be32_to_cpu(iplb->pci.fid);
	default:
		return false;
	}
}

bool ipl_iplb_matches(const struct ipl_parameter_block *iplb,
		      struct blk_desc *desc)
{
	return iplb_names(iplb, desc->bdev, desc);
}

/* Add the disk @desc or network device @net, or mark it if it is there */
static void ipl_order_add(struct ipl_order *order, struct blk_desc *desc,
			  struct udevice *net, u32 named)
{
	int i;

	for (i = 0; i < order->count; i++) {
		if (order->devs[i].desc == desc && order->devs[i].net == net) {
			order->devs[i].named |= named;
			return;
		}
	}
	if (order->count < IPL_ORDER_MAX)
		order->devs[order->count++] = (struct ipl_dev){ desc, net, named };
}

void ipl_order_build(struct ipl_order *order,
		     struct ipl_parameter_block *iplbs, int niplb)
{
	struct udevice *dev;
	struct uclass *uc;
	int i;

	memset(order, 0, sizeof(*order));
	order->iplbs = iplbs;
	order->niplb = iplbs ? niplb : 0;
	/* i == niplb: the disks no block names, in scan order */
	for (i = 0; i <= order->niplb; i++) {
		uclass_id_foreach_dev(UCLASS_BLK, dev, uc) {
			struct blk_desc *desc = dev_get_uclass_plat(dev);

			/* one that failed to probe has nothing to boot */
			if (!device_active(dev))
				continue;
			if (i < order->niplb) {
				if (ipl_iplb_matches(&iplbs[i], desc))
					ipl_order_add(order, desc, NULL, BIT(i));
			} else if (desc->type != DEV_TYPE_UNKNOWN) {
				ipl_order_add(order, desc, NULL, 0);
			}
		}
		/* A network device boots only when a block names it */
		if (!IS_ENABLED(CONFIG_DM_ETH) || i == order->niplb)
			continue;
		uclass_id_foreach_dev(UCLASS_ETH, dev, uc) {
			if (device_active(dev) &&
			    iplb_names(&iplbs[i], dev, NULL))
				ipl_order_add(order, NULL, dev, BIT(i));
		}
	}
}

int ipl_order_read(struct ipl_order *order)
{
	struct ipl_parameter_block *iplbs = NULL;
	int n = 0;

	if (IS_ENABLED(CONFIG_S390)) {
		iplbs = memalign(IPLB_SIZE, IPLB_MAX_CHAIN * sizeof(*iplbs));
		n = iplbs ? s390_iplb_read(iplbs, IPLB_MAX_CHAIN) : -ENOMEM;
	}
	if (n <= 0) {
		free(iplbs);
		iplbs = NULL;
	}
	ipl_order_build(order, iplbs, n);
	return n;
}

void ipl_order_free(struct ipl_order *order)
{
	free(order->iplbs);
	order->iplbs = NULL;
}

/* The first block naming device @i of @order, or -1 */
static int dev_iplb(const struct ipl_order *order, int i)
{
	int b;

	for (b = 0; b < order->niplb; b++) {
		if (order->devs[i].named & BIT(b))
			return b;
	}
	return -1;
}

int ipl_order_iplb(const struct ipl_order *order, struct blk_desc *desc)
{
	int i;

	for (i = 0; i < order->count; i++) {
		if (order->devs[i].desc == desc)
			return dev_iplb(order, i);
	}
	return -1;
}

struct blk_desc *ipl_order_first(const struct ipl_order *order, int i)
{
	int j;

	for (j = 0; j < order->count; j++) {
		if ((order->devs[j].named & BIT(i)) && order->devs[j].desc)
			return order->devs[j].desc;
	}
	return NULL;
}

void ipl_loadparm(const struct ipl_order *order, int i, char *buf)
{
	int b = dev_iplb(order, i);

	buf[0] = 0;
	if (!IS_ENABLED(CONFIG_S390))
		return;
	if (b >= 0)
		s390_iplb_loadparm(&order->iplbs[b], buf);
	if (!buf[0])
		s390_machine_loadparm(buf);
	/* PROMPT asked for the menu at start-up; 0 is the default entry */
	if (!strcmp(buf, "PROMPT") || !strcmp(buf, "0"))
		buf[0] = 0;
}
