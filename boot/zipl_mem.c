// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Where the zipl loader may write: all of memory except the lowcore and
 * the firmware itself.
 *
 * qemu-s390x: QEMU loads the firmware near the top of the first 2 GiB;
 * the heap (virtqueues, buffers, the IPL parameter block) sits right
 * below the image, the stack inside its .bss.
 *
 * sandbox: the guest memory arena, with the lowcore reserved as on s390
 * and the last ZIPL_SANDBOX_FW_SIZE bytes standing in for the firmware,
 * so that tests can prove an overlap is refused.
 */

#include <common.h>
#include <mapmem.h>
#include <zipl.h>

#ifdef CONFIG_SANDBOX
#define ZIPL_SANDBOX_FW_SIZE	(1024 * 1024)

phys_size_t zipl_board_mem(struct zipl_mem_range *ranges, int *nranges)
{
	phys_size_t size = sysmem_size();

	ranges[0] = (struct zipl_mem_range){ 0, ZIPL_LOWCORE_SIZE, "lowcore" };
	ranges[1] = (struct zipl_mem_range){ size - ZIPL_SANDBOX_FW_SIZE,
					     ZIPL_SANDBOX_FW_SIZE,
					     "firmware (sandbox test region)" };
	*nranges = 2;
	return size;
}

int zipl_jump(struct blk_desc *desc, const struct zipl_plan *plan)
{
	return -ENOSYS;
}
#endif

#ifdef CONFIG_S390
/* arch/s390/cpu.c: what the firmware, its stack and its heap span */
extern ulong s390_fw_start, s390_fw_end;

phys_size_t zipl_board_mem(struct zipl_mem_range *ranges, int *nranges)
{
	ulong fw = s390_fw_start;

	ranges[0] = (struct zipl_mem_range){ 0, ZIPL_LOWCORE_SIZE, "lowcore" };
	ranges[1] = (struct zipl_mem_range){ fw, s390_fw_end - fw,
					     "firmware (image, stack, heap)" };
	*nranges = 2;
	return sysmem_size();
}
#endif
