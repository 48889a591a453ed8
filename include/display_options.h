/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Printing sizes the way U-Boot prints them.
 */
#ifndef __DISPLAY_OPTIONS_H
#define __DISPLAY_OPTIONS_H

#include <linux/types.h>

/**
 * print_size() - print a size in bytes with a binary unit, as U-Boot's
 * print_size(): "512 Bytes", "1 KiB", "1.5 MiB", "25.3 GiB" (one
 * decimal, rounded, left out when it is 0), followed by @suffix
 * @size:	the size in bytes
 * @suffix:	printed after the unit ("\n", "/s", "")
 */
void print_size(u64 size, const char *suffix);

#endif
