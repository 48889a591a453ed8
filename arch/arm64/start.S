/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Start-up for qemu-system-aarch64 -M virt -bios virtboot.bin.
 *
 * QEMU maps the image read-only at 0 (the first flash bank) and starts
 * the CPU there, in EL1 (or EL2 with virtualization=on), MMU off. Plain
 * stores to the flash are taken as flash commands, so everything that is
 * written lives in RAM above the device tree QEMU puts at 0x40000000:
 * .data is copied there, .bss is zeroed, the stack sits above them.
 */

#include <asm/sysreg.h>

	.section .text.start, "ax"
	.global _start
_start:
	msr	daifset, #0xf

	/*
	 * Came up in EL2 (virtualization=on)? Run in EL1 like the default,
	 * leaving the stub that enters a kernel in EL2 (linux.S); x21 says
	 * so until .bss is ready for it.
	 */
	mov	x21, xzr
	mrs	x0, CurrentEL
	lsr	x0, x0, #2
	cmp	x0, #2
	b.ne	1f
	mov	x21, #1
	adr	x0, arm64_hyp_vectors
	msr	vbar_el2, x0
	mov	x0, #HCR_EL2_RW
	msr	hcr_el2, x0
	mov	x0, #(CNTHCTL_EL1PCEN | CNTHCTL_EL1PCTEN)
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr
	ldr	x0, =SCTLR_EL1_RESET
	msr	sctlr_el1, x0
	mov	x0, #SPSR_EL1H_MASKED
	msr	spsr_el2, x0
	adr	x0, 1f
	msr	elr_el2, x0
	eret
1:
	/* EL1: MMU and data cache off, alignment checks off, I-cache on. */
	ldr	x0, =SCTLR_EL1_RESET
	msr	sctlr_el1, x0

	/* FP/SIMD: we build with -mgeneral-regs-only, a payload may not. */
	mov	x0, #CPACR_EL1_FPEN
	msr	cpacr_el1, x0

	adr	x0, arm64_vectors
	msr	vbar_el1, x0
	isb

	ldr	x0, =__stack_top
	mov	sp, x0

	/* Copy .data from flash to RAM (both ends 8-byte aligned). */
	ldr	x0, =__data_start
	ldr	x1, =__data_load
	ldr	x2, =__data_end
2:	cmp	x0, x2
	b.hs	3f
	ldr	x3, [x1], #8
	str	x3, [x0], #8
	b	2b
3:
	/* Zero .bss (8-byte aligned). */
	ldr	x0, =__bss_start
	ldr	x2, =__bss_end
4:	cmp	x0, x2
	b.hs	5f
	str	xzr, [x0], #8
	b	4b
5:
	ldr	x0, =arm64_el2_stub
	str	w21, [x0]
	mov	x29, xzr
	mov	x30, xzr
	bl	arm64_main
6:	wfi
	b	6b
	.ltorg
