/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Start-up. Arch code sets up the CPU, stack, BSS and (on the QEMU boards)
 * the heap with mem_malloc_init(), then calls board_init_r(), which brings
 * up the driver model, the board's devices, the console and the
 * environment, and enters the shell.
 */
#ifndef __INIT_H
#define __INIT_H

#include <linux/types.h>
#include <linux/compiler.h>

/** board_init_r() - common start-up after the arch code (never returns) */
void board_init_r(void) __noreturn;

/**
 * board_init() - the board's set-up once its devices are bound (memory
 * map, MMU); optional (board/<board>/). The devices come from the
 * board's U_BOOT_DRVINFO() list, the device tree and the buses.
 */
int board_init(void);

/** board_late_init() - optional board work after the environment exists */
int board_late_init(void);

/** struct mem_bank - one range of RAM, as 'bdinfo' prints it */
struct mem_bank {
	phys_addr_t start;
	phys_size_t size;
};

/**
 * board_get_mem_banks() - the machine's RAM banks
 * @banks:	array to fill
 * @max:	its number of entries
 * Return: number of banks written to @banks (at most @max)
 */
int board_get_mem_banks(struct mem_bank *banks, int max);

/**
 * struct bd_layout - where the firmware sits, for 'bdinfo' (U-Boot's
 * names); 0 where a board has no such thing
 * @flash_start:	the flash bank the firmware runs from
 * @flash_size:		its size
 * @flash_offset:	the first byte of it the firmware does not use
 * @reloc_addr:		the address the firmware runs at
 * @reloc_off:		that address less the one it is linked at
 */
struct bd_layout {
	ulong flash_start;
	ulong flash_size;
	ulong flash_offset;
	ulong reloc_addr;
	ulong reloc_off;
};

/** board_bdinfo() - optional: fill @layout for 'bdinfo' */
void board_bdinfo(struct bd_layout *layout);

/**
 * bdinfo_print_num_l() - one 'bdinfo' line: the name, "= 0x", the value
 * in as many hex digits as a ulong has
 * @name:	field name (padded to 12 columns)
 * @value:	its value
 */
void bdinfo_print_num_l(const char *name, ulong value);

/** arch_print_bdinfo() - optional: the architecture's own 'bdinfo' lines */
void arch_print_bdinfo(void);

#endif
