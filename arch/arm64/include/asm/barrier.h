/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Memory barriers. mb/rmb/wmb order memory seen by devices (virtqueues in
 * RAM against MMIO doorbells): full-system DMB. The smp_ variants order
 * accesses between observers of the inner shareable domain.
 */
#ifndef __ASM_BARRIER_H
#define __ASM_BARRIER_H

#define isb()		__asm__ __volatile__("isb" : : : "memory")
#define dsb(opt)	__asm__ __volatile__("dsb " #opt : : : "memory")
#define dmb(opt)	__asm__ __volatile__("dmb " #opt : : : "memory")

#define mb()		dsb(sy)
#define rmb()		dsb(ld)
#define wmb()		dsb(st)

#define dma_mb()	dmb(osh)
#define dma_rmb()	dmb(oshld)
#define dma_wmb()	dmb(oshst)

#define smp_mb()	dmb(ish)
#define smp_rmb()	dmb(ishld)
#define smp_wmb()	dmb(ishst)

#endif
