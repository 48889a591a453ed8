/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The memory a load may write, as U-Boot's lmb keeps it: the board's RAM
 * banks less what the firmware itself uses (its data, stack, heap and
 * control device tree). Every command that writes a file or blocks into
 * memory asks lmb_check() first; 'bdinfo' prints the map.
 */
#ifndef __LMB_H
#define __LMB_H

#include <linux/types.h>

/**
 * struct lmb_area - a range the firmware uses
 * @base:	first byte
 * @size:	bytes
 * @name:	what it is, for messages ("the firmware's heap")
 */
struct lmb_area {
	ulong base;
	ulong size;
	const char *name;
};

/**
 * arch_lmb_reserved() - the firmware's own ranges (arch code)
 * @areas:	filled with up to @max ranges
 * @max:	room in @areas
 * Return: the number filled in
 */
int arch_lmb_reserved(struct lmb_area *areas, int max);

/**
 * lmb_check() - may [@addr, @addr + @size) be written by a load?
 * @addr:	first byte
 * @size:	bytes (0: nothing is checked but the address)
 * @why:	if not NULL, set to what the range would overwrite or miss:
 *		"is outside RAM" or the name of a reserved range
 * Return: 0 if the range lies in one RAM bank and off the firmware,
 * -EFAULT if it is not inside RAM, -EBUSY if it overlaps the firmware
 */
int lmb_check(ulong addr, u64 size, const char **why);

/**
 * lmb_free_len() - how many bytes from @addr a load may write
 * @addr:	the first byte
 * Return: the bytes up to the end of its RAM bank or the first reserved
 * range above it; 0 if @addr is not free RAM
 */
u64 lmb_free_len(ulong addr);

/** lmb_dump_all() - print the map as U-Boot's bdinfo does */
void lmb_dump_all(void);

#endif
