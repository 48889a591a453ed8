/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Entering an arm64 Linux Image (Documentation/arch/arm64/booting.rst):
 * MMU and data cache off with the image cleaned to the point of
 * coherency, interrupts masked, x0 = the device tree's physical address,
 * x1-x3 = 0, at the highest exception level the firmware was given.
 *
 * QEMU starts us in EL2 with virtualization=on; start.S then leaves a
 * hypervisor stub behind (arm64_hyp_vectors) before dropping to EL1, and
 * the hand-over asks it with HVC to enter the kernel in EL2, where Linux
 * wants to start (KVM needs it). Otherwise the kernel starts in EL1.
 */

#include <asm/sysreg.h>

	.text
	.balign	4
/* void arm64_enter_linux(ulong entry, ulong fdt, int el2): never returns */
	.global	arm64_enter_linux
arm64_enter_linux:
	msr	daifset, #0xf
	mov	x19, x0
	mov	x20, x1
	mov	x21, x2
	/* The caller cleaned the data cache: turn MMU and caches off */
	mrs	x0, sctlr_el1
	bic	x0, x0, #SCTLR_ELx_M
	bic	x0, x0, #SCTLR_ELx_C
	msr	sctlr_el1, x0
	isb
	tlbi	vmalle1
	ic	iallu
	dsb	sy
	isb
	cbnz	x21, 1f
	mov	x0, x20
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	x19
1:	ldr	x0, =HYP_ENTER_KERNEL
	mov	x1, x19
	mov	x2, x20
	hvc	#0
2:	wfi			/* the stub returns only on a wrong call */
	b	2b
	.ltorg

/*
 * EL2 vectors: only an HVC from EL1 with x0 = HYP_ENTER_KERNEL is
 * served, by entering x1 in EL2h with x0 = x2. Anything else returns
 * -1 (PSCI's NOT_SUPPORTED) to the caller.
 */
.macro	hyp_unused
	.balign	0x80
	b	.
.endm

	.section .text.vectors, "ax"
	.balign	0x800
	.global	arm64_hyp_vectors
arm64_hyp_vectors:
	.rept	8		/* current EL, SP_EL0 and SP_ELx */
	hyp_unused
	.endr
	.balign	0x80		/* lower EL, AArch64: synchronous */
	mrs	x9, esr_el2
	lsr	x9, x9, #ESR_EC_SHIFT
	cmp	x9, #ESR_EC_HVC64
	b.ne	3f
	ldr	x9, =HYP_ENTER_KERNEL
	cmp	x0, x9
	b.ne	3f
	msr	elr_el2, x1
	mov	x9, #SPSR_EL2H_MASKED
	msr	spsr_el2, x9
	ldr	x9, =SCTLR_EL2_RESET
	msr	sctlr_el2, x9
	isb
	mov	x0, x2
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	eret
3:	mov	x0, #-1
	eret
	.ltorg
	.balign	0x80
	.rept	7		/* the rest of lower EL AArch64, and AArch32 */
	hyp_unused
	.endr
