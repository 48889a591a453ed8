/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * s390: real addresses are used one to one (no DAT in the firmware), and
 * device data moves by channel programs or PCI instructions, never by
 * memory-mapped registers.
 */
#ifndef __ASM_S390_IO_H
#define __ASM_S390_IO_H

#include <linux/types.h>
#include <asm/barrier.h>

static inline phys_addr_t virt_to_phys(const volatile void *addr)
{
	return (phys_addr_t)(uintptr_t)addr;
}

static inline void *phys_to_virt(phys_addr_t addr)
{
	return (void *)(uintptr_t)addr;
}

#endif
