/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef __CONSOLE_H
#define __CONSOLE_H

/**
 * console_init() - attach the console to the first serial device and
 * print what was written before it existed
 * Return: 0, or -ENODEV if the board has no serial device
 */
int console_init(void);

#endif
