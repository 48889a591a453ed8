/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Symbols of arch/arm64/virtboot.lds that C code needs. */
#ifndef __ASM_SECTIONS_H
#define __ASM_SECTIONS_H

/* Start of .data in RAM: the lowest address the firmware owns there. */
extern char __data_start[];
/* Start of the malloc() area, above the stack. */
extern char __heap_start[];

#endif
