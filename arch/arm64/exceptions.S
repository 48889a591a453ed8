/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * EL1 exception vectors. virtboot runs with interrupts masked, so any
 * exception is a bug or a stray access (a bad address typed at 'md', a
 * payload gone wrong): save the registers and let arm64_exception()
 * print what happened instead of hanging silently.
 */

#define FRAME_SIZE	(34 * 8)	/* x0-x30, elr, spsr, esr */

.macro	entry kind
	.balign	0x80
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	mov	x1, #\kind
	b	arm64_exception_entry
.endm

	.section .text.vectors, "ax"
	.balign	0x800
	.global	arm64_vectors
arm64_vectors:
	/* Current EL with SP_EL0, then SP_ELx, lower EL AArch64, AArch32 */
	entry 0
	entry 1
	entry 2
	entry 3
	entry 4
	entry 5
	entry 6
	entry 7
	entry 8
	entry 9
	entry 10
	entry 11
	entry 12
	entry 13
	entry 14
	entry 15

arm64_exception_entry:
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	mrs	x2, elr_el1
	stp	x30, x2, [sp, #240]
	mrs	x2, spsr_el1
	mrs	x3, esr_el1
	stp	x2, x3, [sp, #256]
	/* x1 = kind; restore the caller's x1 in the frame already saved. */
	mov	x0, sp
	bl	arm64_exception
1:	wfi
	b	1b
