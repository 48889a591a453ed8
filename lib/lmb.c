// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Where a load may write (see <lmb.h>). The map is computed on each call
 * from the board's RAM banks and the arch's reserved ranges: both are
 * fixed once the firmware runs, and a check costs microseconds.
 */

#include <common.h>
#include <errno.h>
#include <init.h>
#include <lmb.h>

#define LMB_MAX_BANKS	8
#define LMB_MAX_AREAS	8

__weak int arch_lmb_reserved(struct lmb_area *areas, int max)
{
	return 0;
}

int lmb_check(ulong addr, u64 size, const char **why)
{
	struct lmb_area areas[LMB_MAX_AREAS];
	struct mem_bank banks[LMB_MAX_BANKS];
	u64 end = (u64)addr + size;
	int i, n;
	bool in_ram = false;

	n = board_get_mem_banks(banks, LMB_MAX_BANKS);
	for (i = 0; i < n; i++) {
		if (addr >= banks[i].start &&
		    end <= (u64)banks[i].start + banks[i].size)
			in_ram = true;
	}
	if (!in_ram || end < addr) {
		if (why)
			*why = "is outside RAM";
		return -EFAULT;
	}
	n = arch_lmb_reserved(areas, LMB_MAX_AREAS);
	for (i = 0; i < n; i++) {
		if (end > areas[i].base &&
		    addr < (u64)areas[i].base + areas[i].size) {
			if (why)
				*why = areas[i].name;
			return -EBUSY;
		}
	}

	return 0;
}

u64 lmb_free_len(ulong addr)
{
	struct lmb_area areas[LMB_MAX_AREAS];
	struct mem_bank banks[LMB_MAX_BANKS];
	u64 end = 0;
	int i, n;

	n = board_get_mem_banks(banks, LMB_MAX_BANKS);
	for (i = 0; i < n; i++) {
		if (addr >= banks[i].start &&
		    addr - banks[i].start < banks[i].size)
			end = (u64)banks[i].start + banks[i].size;
	}
	n = arch_lmb_reserved(areas, LMB_MAX_AREAS);
	for (i = 0; i < n && end; i++) {
		if (addr >= areas[i].base &&
		    addr - areas[i].base < areas[i].size)
			return 0;
		if (areas[i].base > addr && areas[i].base < end)
			end = areas[i].base;
	}
	return end ? end - addr : 0;
}

void lmb_dump_all(void)
{
	struct lmb_area areas[LMB_MAX_AREAS];
	struct mem_bank banks[LMB_MAX_BANKS];
	int i, n;

	n = board_get_mem_banks(banks, LMB_MAX_BANKS);
	puts("lmb_dump_all:\n");
	printf(" memory.cnt  = 0x%x\n", n);
	for (i = 0; i < n; i++)
		printf(" memory[%d]\t[0x%llx-0x%llx], 0x%08llx bytes flags: 0\n",
		       i, (unsigned long long)banks[i].start,
		       (unsigned long long)(banks[i].start + banks[i].size - 1),
		       (unsigned long long)banks[i].size);
	n = arch_lmb_reserved(areas, LMB_MAX_AREAS);
	printf(" reserved.cnt  = 0x%x\n", n);
	for (i = 0; i < n; i++)
		printf(" reserved[%d]\t[0x%lx-0x%lx], 0x%08lx bytes flags: 0 (%s)\n",
		       i, areas[i].base, areas[i].base + areas[i].size - 1,
		       areas[i].size, areas[i].name);
}
