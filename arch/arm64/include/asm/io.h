/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * MMIO accessors, as U-Boot's arm <asm/io.h>: readl()/writel() and friends
 * are little-endian device accesses ordered against normal memory (a
 * writel() after filling a ring in RAM reaches the device after the ring
 * does; a readl() completes before later RAM reads). The __raw_ forms
 * have no barriers. Physical and virtual addresses are identical.
 */
#ifndef __ASM_IO_H
#define __ASM_IO_H

#include <linux/types.h>
#include <asm/barrier.h>

static inline void __raw_writeb(u8 val, volatile void *addr)
{
	__asm__ __volatile__("strb %w0, [%1]" : : "rZ"(val), "r"(addr));
}

static inline void __raw_writew(u16 val, volatile void *addr)
{
	__asm__ __volatile__("strh %w0, [%1]" : : "rZ"(val), "r"(addr));
}

static inline void __raw_writel(u32 val, volatile void *addr)
{
	__asm__ __volatile__("str %w0, [%1]" : : "rZ"(val), "r"(addr));
}

static inline void __raw_writeq(u64 val, volatile void *addr)
{
	__asm__ __volatile__("str %x0, [%1]" : : "rZ"(val), "r"(addr));
}

static inline u8 __raw_readb(const volatile void *addr)
{
	u8 val;

	__asm__ __volatile__("ldrb %w0, [%1]" : "=r"(val) : "r"(addr));
	return val;
}

static inline u16 __raw_readw(const volatile void *addr)
{
	u16 val;

	__asm__ __volatile__("ldrh %w0, [%1]" : "=r"(val) : "r"(addr));
	return val;
}

static inline u32 __raw_readl(const volatile void *addr)
{
	u32 val;

	__asm__ __volatile__("ldr %w0, [%1]" : "=r"(val) : "r"(addr));
	return val;
}

static inline u64 __raw_readq(const volatile void *addr)
{
	u64 val;

	__asm__ __volatile__("ldr %0, [%1]" : "=r"(val) : "r"(addr));
	return val;
}

#define __iowmb()	wmb()
#define __iormb()	rmb()

#define writeb(v, c)	({ __iowmb(); __raw_writeb(v, (void *)(c)); })
#define writew(v, c)	({ __iowmb(); __raw_writew(v, (void *)(c)); })
#define writel(v, c)	({ __iowmb(); __raw_writel(v, (void *)(c)); })
#define writeq(v, c)	({ __iowmb(); __raw_writeq(v, (void *)(c)); })

#define readb(c)	({ u8 __v = __raw_readb((void *)(c)); __iormb(); __v; })
#define readw(c)	({ u16 __v = __raw_readw((void *)(c)); __iormb(); __v; })
#define readl(c)	({ u32 __v = __raw_readl((void *)(c)); __iormb(); __v; })
#define readq(c)	({ u64 __v = __raw_readq((void *)(c)); __iormb(); __v; })

/* The _relaxed forms: device order only, no ordering against RAM. */
#define readb_relaxed(c)	__raw_readb((void *)(c))
#define readw_relaxed(c)	__raw_readw((void *)(c))
#define readl_relaxed(c)	__raw_readl((void *)(c))
#define readq_relaxed(c)	__raw_readq((void *)(c))
#define writeb_relaxed(v, c)	__raw_writeb(v, (void *)(c))
#define writew_relaxed(v, c)	__raw_writew(v, (void *)(c))
#define writel_relaxed(v, c)	__raw_writel(v, (void *)(c))
#define writeq_relaxed(v, c)	__raw_writeq(v, (void *)(c))

#define in_le32(a)	readl(a)
#define out_le32(a, v)	writel(v, a)
#define in_le16(a)	readw(a)
#define out_le16(a, v)	writew(v, a)
#define in_8(a)		readb(a)
#define out_8(a, v)	writeb(v, a)

static inline phys_addr_t virt_to_phys(const volatile void *addr)
{
	return (phys_addr_t)(uintptr_t)addr;
}

static inline void *phys_to_virt(phys_addr_t paddr)
{
	return (void *)(uintptr_t)paddr;
}

#define MAP_NOCACHE	0
static inline void *map_physmem(phys_addr_t paddr, unsigned long len,
				unsigned long flags)
{
	return phys_to_virt(paddr);
}

static inline void unmap_physmem(void *vaddr, unsigned long flags)
{
}

#endif
