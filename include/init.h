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

#endif
