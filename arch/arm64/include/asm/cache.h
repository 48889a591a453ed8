/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Cache maintenance for qemu-arm64. */
#ifndef __ASM_CACHE_H
#define __ASM_CACHE_H

#define ARCH_DMA_MINALIGN	64

/** flush_dcache_all() - write every dirty data cache line back to RAM */
void flush_dcache_all(void);

/** invalidate_icache_all() - forget fetched instructions (before 'go') */
static inline void invalidate_icache_all(void)
{
	__asm__ __volatile__("dsb sy; ic iallu; dsb sy; isb" : : : "memory");
}

#endif
