// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Start a program zipl_load() placed in memory, as an s390 IPL does:
 * the 8-byte PSW of the EXEC component at absolute 0, the IPL device's
 * subchannel id at 0xb8 (where an I/O interruption would store it), an
 * IPL parameter block naming the device (DIAGNOSE 0x308 subcode 5, so
 * that Linux's own DIAG 308 store finds it), then DIAGNOSE 0x308
 * subcode 1, "load normal": QEMU resets the CPUs and the channel
 * subsystem, keeps memory, and loads the PSW from absolute 0.
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <zipl.h>
#include <asm/lowcore.h>
#include <s390/iplb.h>
#include <s390/virtio_ccw.h>

#define DIAG308_LOAD_NORMAL	1
#define DIAG308_SET		5
#define DIAG308_RC_OK		0x0001

/*
 * Length of a CCW IPL parameter block (Linux's struct ipl_pb0_ccw and
 * the 8-byte header); QEMU refuses a shorter one (S390_IPLB_MIN_CCW_LEN)
 */
#define IPLB_CCW_LEN		200
#define IPLB_VERSION		0

static ulong diag308(ulong subcode, void *addr)
{
	register ulong r2 asm("2") = (ulong)addr;
	register ulong r3 asm("3") = subcode;

	asm volatile("diag %[r2],%[r3],0x308"
		     : [r3] "+d" (r3) : [r2] "d" (r2) : "memory", "cc");
	return r3;
}

/* Absolute low addresses, hidden from the compiler's NULL checks */
static inline void *abs_ptr(ulong addr)
{
	void *p;

	asm("" : "=d" (p) : "0" (addr));
	return p;
}

static const struct virtio_ccw_plat *zipl_ccw_of(struct blk_desc *desc)
{
	struct udevice *dev;

	for (dev = desc->bdev; dev; dev = dev_get_parent(dev)) {
		if (dev->driver && !strcmp(dev->driver->name, "virtio-ccw"))
			return dev_get_plat(dev);
	}
	return NULL;
}

int zipl_jump(struct blk_desc *desc, const struct zipl_plan *plan)
{
	const struct virtio_ccw_plat *ccw = zipl_ccw_of(desc);
	struct ipl_parameter_block *iplb;
	ulong rc;

	/* A zPCI disk has no subchannel: the kernel gets no IPL device */
	if (!ccw)
		goto jump;
	iplb = memalign(IPLB_SIZE, IPLB_SIZE);
	if (!iplb)
		return -ENOMEM;
	memset(iplb, 0, IPLB_SIZE);
	iplb->len = cpu_to_be32(IPLB_CCW_LEN);
	iplb->version = IPLB_VERSION;
	iplb->blk0_len = cpu_to_be32(IPLB_CCW_LEN - 8);
	iplb->pbt = IPL_PBT_CCW;
	iplb->ccw.ssid = (ccw->schid >> 17) & 3;
	iplb->ccw.devno = cpu_to_be16(ccw->devno);
	rc = diag308(DIAG308_SET, iplb);
	free(iplb);
	if (rc != DIAG308_RC_OK)
		return -EIO;

jump:
	*(volatile u64 *)abs_ptr(0) = plan->psw;
	*(volatile u32 *)abs_ptr(LC_SUBCHANNEL_ID) = ccw ? ccw->schid : 0;
	*(volatile u32 *)abs_ptr(LC_IO_INT_PARM) = 0;
	*(volatile u32 *)abs_ptr(LC_IO_INT_WORD) = 0;
	diag308(DIAG308_LOAD_NORMAL, NULL);
	return -EIO;	/* QEMU did not take the reset */
}
