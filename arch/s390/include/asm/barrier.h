/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * s390 memory barriers. The CPU keeps stores and loads in order except
 * that a load may pass an earlier store to another location; BCR 15,0
 * (serialization) orders everything, BCR 14,0 does the same faster on
 * machines with the fast-BCR-serialization facility (z196, __ARCH__ 9).
 */
#ifndef __ASM_S390_BARRIER_H
#define __ASM_S390_BARRIER_H

#if defined(__ARCH__) && __ARCH__ >= 9
#define __ASM_BCR_SERIALIZE "bcr 14,0"
#else
#define __ASM_BCR_SERIALIZE "bcr 15,0"
#endif

#define mb() __asm__ __volatile__(__ASM_BCR_SERIALIZE : : : "memory")
#define rmb() mb()
#define wmb() mb()
#define dma_rmb() mb()
#define dma_wmb() mb()
#define smp_mb() mb()
#define smp_rmb() __asm__ __volatile__("" : : : "memory")
#define smp_wmb() __asm__ __volatile__("" : : : "memory")

#endif
