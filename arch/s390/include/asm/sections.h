/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Symbols of arch/s390/virtboot.lds that C code needs. */
#ifndef __ASM_SECTIONS_H
#define __ASM_SECTIONS_H

/* The end of the loaded image (before .bss). */
extern char __image_end[];

#endif
