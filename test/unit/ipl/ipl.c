// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the s390 IPL boot order (boot/ipl.c) with synthetic IPL
 * parameter block chains: the sandbox cannot issue DIAGNOSE 0x308, so
 * the tests hand ipl_order_build() the chain the machine would store.
 *
 * Three emulated transports: two virtio-blk disks and a virtio-scsi
 * controller with two LUNs. The sandbox transport does not say where it
 * sits (virtio_get_bus_addr() fails), so each test writes the address a
 * virtio-ccw or zPCI transport fills in at probe into its uclass data.
 * Other block devices may exist beside them: the tests look at the
 * positions of their own devices only.
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <env.h>
#include <malloc.h>
#include <virtio.h>
#include <dm/device-internal.h>
#include <s390/iplb.h>
#include <test/ut.h>
#include "../virtio/vsb_ut.h"

struct it {
	struct udevice *udev[3];	/* disk a, disk b, controller c */
	struct blk_desc *a, *b, *c12, *c15;	/* c12: target 1 LUN 2 */
	struct ipl_order order;
};

/* Place transport @i on subchannel set @ssid, device number @devno */
static void it_ccw(struct it *t, int i, u8 ssid, u16 devno)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(t->udev[i]);

	uc_priv->bus_addr.kind = VIRTIO_BUS_CCW;
	uc_priv->bus_addr.ccw.schid = 0x10000 | ssid << 17 | i;
	uc_priv->bus_addr.ccw.devno = devno;
	uc_priv->bus_addr.ccw.ssid = ssid;
}

static struct blk_desc *it_lun(struct udevice *host, unsigned int target,
			       unsigned int lun)
{
	struct udevice *bdev;

	device_foreach_child(bdev, host) {
		struct blk_desc *desc = dev_get_uclass_plat(bdev);

		if (desc->target == target && desc->lun == lun)
			return desc;
	}
	return NULL;
}

static int it_setup(struct unit_test_state *uts, struct it *t)
{
	const char *disk = "mem:65536";
	static const char *const luns[] = {
		"mem:65536,target=1,lun=2",
		"mem:65536,target=1,lun=5",
	};
	struct udevice *child;

	memset(t, 0, sizeof(*t));
	ut_assertok(vsb_ut_add("blk", &disk, 1, "utipla", NULL, &t->udev[0],
			       &child));
	t->a = dev_get_uclass_plat(child);
	ut_assertok(vsb_ut_add("blk", &disk, 1, "utiplb", NULL, &t->udev[1],
			       &child));
	t->b = dev_get_uclass_plat(child);
	ut_assertok(vsb_ut_add("scsi", luns, 2, "utiplc", NULL, &t->udev[2],
			       &child));
	t->c12 = it_lun(child, 1, 2);
	t->c15 = it_lun(child, 1, 5);
	ut_assertnonnull(t->c12);
	ut_assertnonnull(t->c15);
	it_ccw(t, 0, 0, 0x0010);
	it_ccw(t, 1, 1, 0x0011);
	it_ccw(t, 2, 0, 0x0012);

	return 0;
}

static void it_teardown(struct it *t)
{
	int i;

	ipl_order_free(&t->order);
	for (i = ARRAY_SIZE(t->udev) - 1; i >= 0; i--) {
		if (t->udev[i]) {
			device_remove(t->udev[i], DM_REMOVE_NORMAL);
			device_unbind(t->udev[i]);
		}
	}
}

/* A chain of @n empty blocks, as ipl_order_build() takes them */
static struct ipl_parameter_block *it_chain(int n)
{
	return calloc(n, sizeof(struct ipl_parameter_block));
}

static void it_block_ccw(struct ipl_parameter_block *iplb, u8 ssid,
			 u16 devno)
{
	iplb->pbt = IPL_PBT_CCW;
	iplb->ccw.ssid = ssid;
	iplb->ccw.devno = cpu_to_be16(devno);
}

static void it_block_scsi(struct ipl_parameter_block *iplb, u16 devno,
			  u16 target, u32 lun)
{
	iplb->pbt = IPL_PBT_QEMU_SCSI;
	iplb->scsi.devno = cpu_to_be16(devno);
	iplb->scsi.target = cpu_to_be16(target);
	iplb->scsi.lun = cpu_to_be32(lun);
}

/* Where @desc is in the order, or -1 */
static int it_pos(const struct ipl_order *order, struct blk_desc *desc)
{
	int i;

	for (i = 0; i < order->count; i++) {
		if (order->devs[i].desc == desc)
			return i;
	}
	return -1;
}

#define IT_TEST(name)							\
	static int name##_body(struct unit_test_state *uts,		\
			       struct it *t);				\
	static int name(struct unit_test_state *uts)			\
	{								\
		struct it t;						\
		int ret;						\
									\
		ret = it_setup(uts, &t);				\
		if (!ret)						\
			ret = name##_body(uts, &t);			\
		it_teardown(&t);					\
		return ret;						\
	}								\
	UNIT_TEST(name, 0, ipl);					\
	static int name##_body(struct unit_test_state *uts, struct it *t)

/*
 * A LUN by target and LUN, then a disk by subchannel set and device
 * number, then a block naming nothing: the two named devices first, in
 * block order, then the other disks in scan order.
 */
IT_TEST(ipl_test_order)
{
	struct ipl_parameter_block *iplbs = it_chain(3);

	ut_assertnonnull(iplbs);
	it_block_scsi(&iplbs[0], 0x0012, 1, 5);
	it_block_ccw(&iplbs[1], 1, 0x0011);
	it_block_ccw(&iplbs[2], 0, 0x0099);
	ipl_order_build(&t->order, iplbs, 3);

	ut_asserteq(3, t->order.niplb);
	ut_asserteq(0, it_pos(&t->order, t->c15));
	ut_asserteq(1, it_pos(&t->order, t->b));
	ut_assert(it_pos(&t->order, t->a) > 1);
	ut_assert(it_pos(&t->order, t->c12) > it_pos(&t->order, t->a));
	ut_asserteq(BIT(0), t->order.devs[0].named);
	ut_asserteq(BIT(1), t->order.devs[1].named);
	ut_asserteq(0, t->order.devs[it_pos(&t->order, t->a)].named);

	ut_asserteq(0, ipl_order_iplb(&t->order, t->c15));
	ut_asserteq(1, ipl_order_iplb(&t->order, t->b));
	ut_asserteq(-1, ipl_order_iplb(&t->order, t->a));
	ut_asserteq(-1, ipl_order_iplb(&t->order, t->c12));
	ut_asserteq_ptr(t->c15, ipl_order_first(&t->order, 0));
	ut_asserteq_ptr(t->b, ipl_order_first(&t->order, 1));
	ut_assertnull(ipl_order_first(&t->order, 2));

	return 0;
}

/* A CCW block on a virtio-scsi controller names each of its LUNs */
IT_TEST(ipl_test_controller)
{
	struct ipl_parameter_block *iplbs = it_chain(1);

	ut_assertnonnull(iplbs);
	it_block_ccw(&iplbs[0], 0, 0x0012);
	ipl_order_build(&t->order, iplbs, 1);

	ut_asserteq(0, it_pos(&t->order, t->c12));
	ut_asserteq(1, it_pos(&t->order, t->c15));
	ut_asserteq_ptr(t->c12, ipl_order_first(&t->order, 0));
	ut_asserteq(0, ipl_order_iplb(&t->order, t->c15));
	ut_assert(it_pos(&t->order, t->a) < it_pos(&t->order, t->b));

	return 0;
}

/*
 * The subchannel set counts (only its two bits), and so do the target
 * and the LUN of a SCSI block; a SCSI block names no virtio-blk disk.
 */
IT_TEST(ipl_test_mismatch)
{
	struct ipl_parameter_block *iplbs = it_chain(6);
	int i;

	ut_assertnonnull(iplbs);
	it_block_ccw(&iplbs[0], 0, 0x0011);		/* b is in set 1 */
	it_block_ccw(&iplbs[1], 1 | 4, 0x0010);		/* a is in set 0 */
	it_block_scsi(&iplbs[2], 0x0012, 2, 5);
	it_block_scsi(&iplbs[3], 0x0012, 1, 4);
	it_block_scsi(&iplbs[4], 0x0010, 1, 5);		/* a: no LUN 1/5 */
	iplbs[5].pbt = IPL_PBT_FCP;
	ipl_order_build(&t->order, iplbs, 6);

	for (i = 0; i < 6; i++)
		ut_assertnull(ipl_order_first(&t->order, i));
	ut_assert(it_pos(&t->order, t->a) < it_pos(&t->order, t->b));
	ut_assert(it_pos(&t->order, t->b) < it_pos(&t->order, t->c12));
	ut_assert(it_pos(&t->order, t->c12) < it_pos(&t->order, t->c15));

	/* set 4 | 1 is set 1 */
	it_block_ccw(&iplbs[0], 1 | 4, 0x0011);
	ipl_order_build(&t->order, iplbs, 1);
	ut_asserteq_ptr(t->b, ipl_order_first(&t->order, 0));

	return 0;
}

/* A device two blocks name comes once, at the first block's place */
IT_TEST(ipl_test_twice)
{
	struct ipl_parameter_block *iplbs = it_chain(3);

	ut_assertnonnull(iplbs);
	it_block_ccw(&iplbs[0], 0, 0x0010);
	it_block_ccw(&iplbs[1], 1, 0x0011);
	it_block_ccw(&iplbs[2], 0, 0x0010);
	ipl_order_build(&t->order, iplbs, 3);

	ut_asserteq(0, it_pos(&t->order, t->a));
	ut_asserteq(1, it_pos(&t->order, t->b));
	ut_asserteq(BIT(0) | BIT(2), t->order.devs[0].named);
	ut_asserteq(0, ipl_order_iplb(&t->order, t->a));
	ut_asserteq_ptr(t->a, ipl_order_first(&t->order, 2));

	return 0;
}

/* A PCI block names the disks of that zPCI function */
IT_TEST(ipl_test_pci)
{
	struct ipl_parameter_block *iplbs = it_chain(2);
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(t->udev[1]);

	ut_assertnonnull(iplbs);
	uc_priv->bus_addr.kind = VIRTIO_BUS_PCI;
	uc_priv->bus_addr.pci.fid = 0x11;
	iplbs[0].pbt = IPL_PBT_PCI;
	iplbs[0].pci.fid = cpu_to_be32(0x12);
	iplbs[1].pbt = IPL_PBT_PCI;
	iplbs[1].pci.fid = cpu_to_be32(0x11);
	ipl_order_build(&t->order, iplbs, 2);

	ut_assertnull(ipl_order_first(&t->order, 0));
	ut_asserteq(0, it_pos(&t->order, t->b));
	ut_asserteq(1, ipl_order_iplb(&t->order, t->b));

	/* a CCW block with a zPCI function's number names nothing */
	it_block_ccw(&iplbs[0], 0, 0x0011);
	ipl_order_build(&t->order, iplbs, 1);
	ut_assertnull(ipl_order_first(&t->order, 0));

	return 0;
}

/*
 * A network device is in the order only where a block names it: a zPCI
 * virtio-net function (QEMU 7.2 builds no block for PCI devices, so this
 * chain is the only test of that case) before a disk, then the disks no
 * block names; the loadparm of the first block naming it.
 */
IT_TEST(ipl_test_net_pci)
{
	static const char *const spec = "user";
	struct ipl_parameter_block *iplbs = it_chain(2);
	struct virtio_dev_priv *uc_priv;
	struct udevice *udev, *ndev;
	char lp[IPLB_LOADPARM_LEN + 1];
	int i;

	ut_assertnonnull(iplbs);
	ut_assertok(vsb_ut_add("net", &spec, 1, "utiplnet", NULL, &udev,
			       &ndev));
	uc_priv = dev_get_uclass_priv(udev);
	uc_priv->bus_addr.kind = VIRTIO_BUS_PCI;
	uc_priv->bus_addr.pci.fid = 0x21;
	iplbs[0].pbt = IPL_PBT_PCI;
	iplbs[0].pci.fid = cpu_to_be32(0x21);
	it_block_ccw(&iplbs[1], 1, 0x0011);
	ipl_order_build(&t->order, iplbs, 2);

	ut_asserteq_ptr(ndev, t->order.devs[0].net);
	ut_assertnull(t->order.devs[0].desc);
	ut_asserteq(BIT(0), t->order.devs[0].named);
	ut_asserteq_ptr(t->b, t->order.devs[1].desc);
	/* The disk the net block names: none; the devices: each once */
	ut_assertnull(ipl_order_first(&t->order, 0));
	for (i = 2; i < t->order.count; i++)
		ut_assertnull(t->order.devs[i].net);
	/* The sandbox has no loadparm: the default */
	ipl_loadparm(&t->order, 0, lp);
	ut_asserteq_str("", lp);

	/* Not named (a CCW block for it): not in the order */
	it_block_ccw(&iplbs[0], 0, 0x0021);
	ipl_order_build(&t->order, iplbs, 2);
	for (i = 0; i < t->order.count; i++)
		ut_assertnull(t->order.devs[i].net);

	ut_assertok(vsb_ut_remove(uts, udev));
	env_set("eth1addr", NULL);
	env_set("ethaddr", NULL);
	return 0;
}

/*
 * A transport that does not say where it sits is named by no block; no
 * chain at all gives the disks in scan order.
 */
IT_TEST(ipl_test_no_addr)
{
	struct ipl_parameter_block *iplbs = it_chain(1);
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(t->udev[0]);
	struct virtio_bus_addr addr;

	ut_assertnonnull(iplbs);
	ut_assertok(virtio_get_bus_addr(t->udev[0], &addr));
	ut_asserteq(VIRTIO_BUS_CCW, addr.kind);
	ut_asserteq(0x0010, addr.ccw.devno);
	ut_asserteq(0, addr.ccw.ssid);
	/* a device that is not a transport, and a transport that says not */
	ut_asserteq(-ENODEV, virtio_get_bus_addr(t->a->bdev, &addr));
	ut_asserteq(-ENODEV, virtio_get_bus_addr(NULL, &addr));
	uc_priv->bus_addr.kind = VIRTIO_BUS_NONE;
	ut_asserteq(-ENODEV, virtio_get_bus_addr(t->udev[0], &addr));

	it_block_ccw(&iplbs[0], 0, 0x0010);
	ipl_order_build(&t->order, iplbs, 1);
	ut_assertnull(ipl_order_first(&t->order, 0));

	ipl_order_free(&t->order);
	ipl_order_build(&t->order, NULL, 0);
	ut_asserteq(0, t->order.niplb);
	ut_assert(it_pos(&t->order, t->a) >= 0);
	ut_assert(it_pos(&t->order, t->a) < it_pos(&t->order, t->b));
	ut_assert(it_pos(&t->order, t->b) < it_pos(&t->order, t->c12));
	ut_assert(it_pos(&t->order, t->c12) < it_pos(&t->order, t->c15));
	ut_asserteq(-1, ipl_order_iplb(&t->order, t->a));

	return 0;
}

/* The sandbox has no IPL parameter blocks: the disks in scan order */
IT_TEST(ipl_test_read)
{
	ut_asserteq(0, ipl_order_read(&t->order));
	ut_assertnull(t->order.iplbs);
	ut_assert(it_pos(&t->order, t->a) >= 0);
	ut_assert(it_pos(&t->order, t->a) < it_pos(&t->order, t->c15));

	return 0;
}
