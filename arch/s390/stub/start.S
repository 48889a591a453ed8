/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qemu-s390x boot stub: QEMU enters here at fwbase, 64-bit mode,
 * interruptions off. Expand the firmware (raw DEFLATE, in .payload) into
 * the space reserved after the stub, then enter it at its offset 0 with
 * fwbase in %r2 and stub_expand_cold() in %r3: the firmware's own start.S
 * relocates it, puts its heap after itself, and calls stub_expand_cold()
 * when its cold code first runs. Nothing here needs a relocation.
 */
#include <asm/lowcore.h>

	.section .text.start, "ax"
	.globl	_start
_start:
	larl	%r13, __stub_start		/* fwbase */
	larl	%r15, __stub_stack_top
	aghi	%r15, -160
	xc	0(8, %r15), 0(%r15)
	brasl	%r14, stub_main			/* the entry, or 0 */
	ltgr	%r1, %r2
	jz	1f
	lgr	%r2, %r13
	larl	%r3, stub_expand_cold
	br	%r1
1:	larl	%r1, bad_payload_psw		/* QEMU reports a guest panic */
	lpswe	0(%r1)

	.section .rodata.start, "a"
	.align	8
bad_payload_psw:
	.quad	PSW_MASK_WAIT | PSW_MASK_64, 0xbad0da7a

	.section .note.GNU-stack, "", @progbits
