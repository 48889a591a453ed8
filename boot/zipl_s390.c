// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Start a program zipl_load() placed in memory, as an s390 IPL does:
 * the 8-byte PSW of the EXEC component at absolute 0, the IPL device's
 * subchannel id at 0xb8 (where an I/O interruption would store it), an
 * IPL parameter block naming the device (DIAGNOSE 0x308 subcode 5, so
 * that Linux's own DIAG 308 store finds it), then DIAGNOSE 0x308
 * subcode 1, "load normal": QEMU resets the CPUs and the channel
 * subsystem, keeps memory, and loads the PSW from absolute 0. Before the
 * PSW is written every device is removed (bootm_announce_and_cleanup()),
 * as before every jump to an OS on every board.
 */

#include <common.h>
#include <blk.h>
#include <bootm.h>
#include <virtio.h>
#include <zipl.h>
#include <asm/diag.h>
#include <asm/lowcore.h>
#include <s390/iplb.h>

/*
 * Length of a CCW IPL parameter block (Linux's struct ipl_pb0_ccw and
 * the 8-byte header); QEMU refuses a shorter one (S390_IPLB_MIN_CCW_LEN)
 */
#define IPLB_CCW_LEN		200
#define IPLB_VERSION		0

/* Absolute low addresses, hidden from the compiler's NULL checks */
static inline void *abs_ptr(ulong addr)
{
	void *p;

	asm("" : "=d" (p) : "0" (addr));
	return p;
}

int zipl_jump(struct blk_desc *desc, const struct zipl_plan *plan)
{
	struct virtio_bus_addr addr;
	struct ipl_parameter_block *iplb;
	ulong rc;

	/*
	 * A zPCI disk has no subchannel, and a kernel booted from a file
	 * (desc NULL) no IPL device of its own: no IPL parameter block
	 */
	if (!desc ||
	    virtio_get_bus_addr(virtio_get_transport(desc->bdev), &addr) ||
	    addr.kind != VIRTIO_BUS_CCW) {
		addr.ccw.schid = 0;
		goto jump;
	}
	iplb = memalign(IPLB_SIZE, IPLB_SIZE);
	if (!iplb)
		return -ENOMEM;
	memset(iplb, 0, IPLB_SIZE);
	iplb->len = cpu_to_be32(IPLB_CCW_LEN);
	iplb->version = IPLB_VERSION;
	iplb->blk0_len = cpu_to_be32(IPLB_CCW_LEN - 8);
	iplb->pbt = IPL_PBT_CCW;
	iplb->ccw.ssid = addr.ccw.ssid;
	iplb->ccw.devno = cpu_to_be16(addr.ccw.devno);
	rc = diag308(DIAG308_SET, iplb);
	free(iplb);
	if (rc != DIAG308_RC_OK)
		return -EIO;

jump:
	/* The hand-over every OS gets: every device stopped, then the PSW */
	bootm_announce_and_cleanup();
	*(volatile u64 *)abs_ptr(0) = plan->psw;
	*(volatile u32 *)abs_ptr(LC_SUBCHANNEL_ID) = addr.ccw.schid;
	*(volatile u32 *)abs_ptr(LC_IO_INT_PARM) = 0;
	*(volatile u32 *)abs_ptr(LC_IO_INT_WORD) = 0;
	diag308(DIAG308_LOAD_NORMAL, NULL);
	return -EIO;	/* QEMU did not take the reset */
}
