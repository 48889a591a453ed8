/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Console input and output, as U-Boot's <stdio.h>. */
#ifndef __STDIO_H
#define __STDIO_H

#include <linux/types.h>
#include <linux/compiler.h>

int printf(const char *fmt, ...) __printf(1, 2);
int vprintf(const char *fmt, va_list args);
void putc(const char c);
void puts(const char *s);
/** getchar() - wait for and return one input character */
int getchar(void);
/** tstc() - 1 if an input character is waiting */
int tstc(void);
/** ctrlc() - 1 if Ctrl-C was typed since the last check (it is consumed) */
int ctrlc(void);
/** had_ctrlc() - 1 if a Ctrl-C was seen; clear_ctrlc() forgets it */
int had_ctrlc(void);
void clear_ctrlc(void);

#endif
