/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Symbols of arch/arm64/virtboot.lds that C code needs. */
#ifndef __ASM_SECTIONS_H
#define __ASM_SECTIONS_H

/* Start of .data in RAM: the lowest address the firmware owns there. */
extern char __data_start[];
/* End of .data in RAM, and where its bytes are in the flash image */
extern char __data_end[];
extern char __data_load[];
/* Top of the stack (it grows down from here to the end of .bss). */
extern char __stack_top[];

#endif
