// SPDX-License-Identifier: GPL-2.0-or-later
/* Time, memory map and machine control of the sandbox. */
#include <common.h>
#include <cpu_func.h>
#include <init.h>
#include <mapmem.h>
#include <asm/os.h>
#include <asm/state.h>

u64 timer_get_us(void)
{
	return os_get_us();
}

void cpu_relax(void)
{
	/* Polling loops here wait for a person or a host file: yield. */
	os_usleep(50);
}

void *map_sysmem(phys_addr_t paddr, unsigned long len)
{
	struct sandbox_state *state = state_get_current();

	if (paddr > state->ram_size || len > state->ram_size - paddr)
		return NULL;
	return (u8 *)state->ram_buf + paddr;
}

phys_addr_t map_to_sysmem(const void *ptr)
{
	struct sandbox_state *state = state_get_current();

	return (phys_addr_t)((const u8 *)ptr - (const u8 *)state->ram_buf);
}

phys_size_t sysmem_size(void)
{
	return state_get_current()->ram_size;
}

int board_get_mem_banks(struct mem_bank *banks, int max)
{
	if (max < 1)
		return 0;
	banks[0].start = 0;
	banks[0].size = sysmem_size();
	return 1;
}

void reset_cpu(void)
{
	/* U-Boot's sandbox leaves on reset too: the caller starts it again. */
	os_exit(0);
}

void poweroff_cpu(void)
{
	os_exit(0);
}
