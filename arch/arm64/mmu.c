// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The MMU and caches of qemu-arm64: an identity map where the RAM banks
 * the device tree lists are normal write-back memory, the flash bank at 0
 * is normal read-only memory (code runs from it; a stray store faults
 * instead of becoming a flash command), and everything else is
 * Device-nGnRnE and never executable. With the MMU off every access would
 * be a device access: uncached, and under KVM not coherent with the host
 * side of virtio devices.
 *
 * 4 KiB granule, 40-bit addresses (T0SZ 24: the level 0 table has two
 * entries), 1 GiB blocks at level 1, except the first GiB, which is split
 * in 2 MiB blocks at level 2 to tell the flash from the devices above it.
 */

#include <common.h>
#include <init.h>
#include <asm/barrier.h>
#include <asm/cache.h>
#include <asm/system.h>

#define PTE_TYPE_BLOCK		0x1
#define PTE_TYPE_TABLE		0x3
#define PTE_ATTRINDX(n)		((u64)(n) << 2)
#define PTE_AP_RO		(1ULL << 7)
#define PTE_SH_INNER		(3ULL << 8)
#define PTE_AF			(1ULL << 10)
#define PTE_PXN			(1ULL << 53)
#define PTE_UXN			(1ULL << 54)

#define MT_DEVICE_NGNRNE	0	/* MAIR attribute indexes */
#define MT_NORMAL		1
#define MAIR_VALUE		(0x00ULL << (8 * MT_DEVICE_NGNRNE) | \
				 0xffULL << (8 * MT_NORMAL))

#define PTE_DEVICE		(PTE_TYPE_BLOCK | PTE_ATTRINDX(MT_DEVICE_NGNRNE) | \
				 PTE_AF | PTE_PXN | PTE_UXN)
#define PTE_RAM			(PTE_TYPE_BLOCK | PTE_ATTRINDX(MT_NORMAL) | \
				 PTE_SH_INNER | PTE_AF | PTE_UXN)
#define PTE_ROM			(PTE_RAM | PTE_AP_RO)

#define TCR_T0SZ(bits)		(64 - (bits))
#define TCR_IRGN0_WBWA		(1ULL << 8)
#define TCR_ORGN0_WBWA		(1ULL << 10)
#define TCR_SH0_INNER		(3ULL << 12)
#define TCR_TG0_4K		(0ULL << 14)
#define TCR_EPD1		(1ULL << 23)
#define TCR_IPS_SHIFT		32

#define SCTLR_M			(1 << 0)
#define SCTLR_C			(1 << 2)
#define SCTLR_I			(1 << 12)

#define VA_BITS			40
#define SZ_2M			0x200000ULL
#define SZ_1G			0x40000000ULL
/* The flash banks QEMU's virt machine has at 0 (2 x 64 MiB). */
#define FLASH_SIZE		0x8000000ULL

/* Level 2 tables for the GiBs that are partly RAM, flash or devices. */
#define NUM_L2			4

static u64 level0[512] __aligned(4096);
static u64 level1[2][512] __aligned(4096);
static u64 level2[NUM_L2][512] __aligned(4096);

static bool in_ram(const struct mem_bank *banks, int count, u64 start,
		   u64 size)
{
	int i;

	for (i = 0; i < count; i++) {
		if (start >= banks[i].start &&
		    start + size <= banks[i].start + banks[i].size)
			return true;
	}
	return false;
}

static bool overlaps_ram(const struct mem_bank *banks, int count, u64 start,
			 u64 size)
{
	int i;

	for (i = 0; i < count; i++) {
		if (start < banks[i].start + banks[i].size &&
		    banks[i].start < start + size)
			return true;
	}
	return false;
}

/* A block only partly RAM stays device memory: never map beyond RAM. */
static u64 block_attrs(const struct mem_bank *banks, int count, u64 start,
		       u64 size)
{
	if (in_ram(banks, count, start, size))
		return PTE_RAM;
	if (start + size <= FLASH_SIZE)
		return PTE_ROM;
	return PTE_DEVICE;
}

/* The level 1 entry of the GiB at @start: a block, or a level 2 table. */
static u64 map_gib(const struct mem_bank *banks, int count, u64 start,
		   int *l2_used)
{
	u64 *table;
	int i;

	if (in_ram(banks, count, start, SZ_1G) ||
	    (!overlaps_ram(banks, count, start, SZ_1G) && start >= FLASH_SIZE) ||
	    *l2_used == NUM_L2)
		return start | block_attrs(banks, count, start, SZ_1G);
	table = level2[(*l2_used)++];
	for (i = 0; i < 512; i++)
		table[i] = (start + i * SZ_2M) |
			   block_attrs(banks, count, start + i * SZ_2M, SZ_2M);
	return (u64)(uintptr_t)table | PTE_TYPE_TABLE;
}

int arm64_mmu_enable(const struct mem_bank *banks, int count)
{
	u64 mmfr0, ips, sctlr;
	int i, j, l2_used = 0;

	if (IS_ENABLED(CONFIG_SYS_DCACHE_OFF))
		return 0;
	/* No RAM known: the stack and heap would be device memory. */
	if (!count)
		return -ENOENT;
	__asm__ __volatile__("mrs %0, sctlr_el1" : "=r"(sctlr));
	if (sctlr & SCTLR_M)
		return 0;		/* already on */

	for (j = 0; j < 2; j++) {
		for (i = 0; i < 512; i++)
			level1[j][i] = map_gib(banks, count,
					       ((u64)j * 512 + i) * SZ_1G,
					       &l2_used);
		level0[j] = (u64)(uintptr_t)level1[j] | PTE_TYPE_TABLE;
	}

	/* The physical address size the CPU has, at most 48 bits. */
	__asm__ __volatile__("mrs %0, id_aa64mmfr0_el1" : "=r"(mmfr0));
	ips = min_t(u64, mmfr0 & 0xf, 5);

	__asm__ __volatile__(
		"msr mair_el1, %0\n"
		"msr tcr_el1, %1\n"
		"msr ttbr0_el1, %2\n"
		"isb\n"
		"tlbi vmalle1\n"
		"dsb ish\n"
		"isb\n"
		: : "r"(MAIR_VALUE),
		    "r"(TCR_T0SZ(VA_BITS) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA |
			TCR_SH0_INNER | TCR_TG0_4K | TCR_EPD1 |
			ips << TCR_IPS_SHIFT),
		    "r"((u64)(uintptr_t)level0)
		: "memory");
	/*
	 * The data cache has never been on, so RAM holds everything: nothing
	 * to clean. A core whose cache is not invalid out of reset would need
	 * an invalidate by set/way here; QEMU's (and the A57's) are.
	 */
	sctlr |= SCTLR_M | SCTLR_C | SCTLR_I;
	__asm__ __volatile__("msr sctlr_el1, %0\nisb" : : "r"(sctlr) : "memory");
	return 0;
}

/* Clean (write back) every data cache line to the point of coherency. */
static void dcache_clean_all(void)
{
	u64 clidr, ccsidr, level, ways, sets, line, way_shift;
	u64 w, s;

	__asm__ __volatile__("mrs %0, clidr_el1" : "=r"(clidr));
	for (level = 0; level < 7; level++) {
		u64 ctype = (clidr >> (level * 3)) & 7;

		if (ctype < 2)		/* no data cache at this level */
			continue;
		__asm__ __volatile__("msr csselr_el1, %0\nisb"
				     : : "r"(level << 1) : "memory");
		__asm__ __volatile__("mrs %0, ccsidr_el1" : "=r"(ccsidr));
		line = (ccsidr & 7) + 4;
		ways = ((ccsidr >> 3) & 0x3ff) + 1;
		sets = ((ccsidr >> 13) & 0x7fff) + 1;
		way_shift = ways > 1 ? __builtin_clz((u32)(ways - 1)) : 0;
		for (w = 0; w < ways; w++)
			for (s = 0; s < sets; s++)
				__asm__ __volatile__("dc csw, %0" : :
					"r"(w << way_shift | s << line |
					    level << 1) : "memory");
	}
	__asm__ __volatile__("dsb sy\nisb" : : : "memory");
}

void flush_dcache_all(void)
{
	u64 sctlr;

	__asm__ __volatile__("mrs %0, sctlr_el1" : "=r"(sctlr));
	if (sctlr & SCTLR_C)
		dcache_clean_all();
}
