/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qemu-s390x start-up.
 *
 * QEMU loads the -bios ELF at fwbase (just below min(RAM, 2 GiB), 64 KiB
 * aligned) plus each segment's link address, which is 0-based here, and
 * applies no relocations. It enters in 64-bit mode with every
 * interruption disabled: here, or with CONFIG_S390_COMPRESS in the boot
 * stub (arch/s390/stub/), which expands this image above itself and
 * enters here with fwbase in %r2. So: find where we are, apply our own
 * R_390_RELATIVE relocations, clear .bss, set up a stack, install the
 * new PSWs of the lowcore and go to C.
 */
#include <asm/lowcore.h>

#define STACK_FRAME	160

	.section .text.start, "ax"
	.globl	_start
_start:
	larl	%r13, __image_start		/* load base: linked at 0 */
#ifdef CONFIG_S390_COMPRESS
	lgr	%r12, %r2			/* fwbase, from the boot stub */
	larl	%r1, s390_cold_expand		/* its stub_expand_cold() */
	stg	%r3, 0(%r1)
#else
	lgr	%r12, %r13			/* QEMU loaded us at fwbase */
#endif

	/*
	 * Relocate, once per load: arch/s390/relr.py packed the
	 * R_390_RELATIVE relocations into RELR words where .rela.dyn was.
	 * An even word is the link address of a pointer, an odd word a
	 * bitmap of the 63 pointers after the last one; 0 ends the table.
	 * QEMU copies the pristine image back on every reset, so the flag
	 * is 0 again then.
	 */
	larl	%r1, s390_relocated
	cli	0(%r1), 0
	jne	2f
	mvi	0(%r1), 1
	larl	%r2, __rela_dyn_start
1:	lg	%r3, 0(%r2)
	ltgr	%r3, %r3
	jz	2f
	aghi	%r2, 8
	tmll	%r3, 1
	jnz	3f
	la	%r4, 0(%r3, %r13)		/* where: a pointer to relocate */
	lg	%r5, 0(%r4)
	agr	%r5, %r13
	stg	%r5, 0(%r4)
	la	%r4, 8(%r4)
	j	1b
3:	lgr	%r6, %r4			/* bitmap for where[0..62] */
4:	srlg	%r3, %r3, 1
	ltgr	%r3, %r3
	jz	6f
	tmll	%r3, 1
	jz	5f
	lg	%r5, 0(%r6)
	agr	%r5, %r13
	stg	%r5, 0(%r6)
5:	la	%r6, 8(%r6)
	j	4b
6:	aghi	%r4, 63 * 8
	j	1b

	/* Clear .bss: 256-byte aligned and sized by the linker script */
2:	larl	%r2, __bss_start
	larl	%r3, __bss_end
3:	clgr	%r2, %r3
	jhe	4f
	xc	0(256, %r2), 0(%r2)
	la	%r2, 256(%r2)
	j	3b

	/* Stack: in .bss, with a zero back chain */
4:	larl	%r15, __stack_top
	aghi	%r15, -STACK_FRAME
	xc	0(8, %r15), 0(%r15)

	/* New PSWs: 64-bit mode, every interruption disabled */
	larl	%r1, psw_mask_64
	lg	%r0, 0(%r1)
	stg	%r0, LC_RESTART_NEW_PSW
	stg	%r0, LC_EXT_NEW_PSW
	stg	%r0, LC_SVC_NEW_PSW
	stg	%r0, LC_PGM_NEW_PSW
	stg	%r0, LC_MCCK_NEW_PSW
	stg	%r0, LC_IO_NEW_PSW
	larl	%r1, restart_handler
	stg	%r1, LC_RESTART_NEW_PSW + 8
	larl	%r1, ext_handler
	stg	%r1, LC_EXT_NEW_PSW + 8
	larl	%r1, svc_handler
	stg	%r1, LC_SVC_NEW_PSW + 8
	larl	%r1, pgm_handler
	stg	%r1, LC_PGM_NEW_PSW + 8
	larl	%r1, mcck_handler
	stg	%r1, LC_MCCK_NEW_PSW + 8
	larl	%r1, io_handler
	stg	%r1, LC_IO_NEW_PSW + 8

	/* Control register 0: allow the service-signal external subclass */
	aghi	%r15, -8
	stctg	%c0, %c0, 0(%r15)
	oi	6(%r15), 0x02			/* CR0 bit 54 */
	lctlg	%c0, %c0, 0(%r15)
	aghi	%r15, 8

	lgr	%r2, %r13
	lgr	%r3, %r12
	brasl	%r14, s390_start		/* does not return */

/*
 * External interruptions: the only one enabled is the service signal
 * (SCLP completion). Record it and return to the interrupted code with
 * the external mask cleared, so that it is taken once per window opened
 * by s390_ext_enable_window().
 */
ext_handler:
	stmg	%r0, %r15, LC_VB_EXT_SAVE
	larl	%r1, s390_ext_last
	l	%r2, 0(%r1)
	ahi	%r2, 1
	st	%r2, 0(%r1)
	mvc	4(2, %r1), LC_EXT_INT_CODE
	mvc	8(4, %r1), LC_EXT_PARAMS
	l	%r2, 12(%r1)
	o	%r2, LC_EXT_PARAMS
	st	%r2, 12(%r1)
	ni	LC_EXT_OLD_PSW, 0xfe		/* PSW bit 7: external mask */
	lmg	%r0, %r15, LC_VB_EXT_SAVE
	lpswe	LC_EXT_OLD_PSW

/* Everything else is unexpected: report it and stop. */
restart_handler:
	stmg	%r0, %r15, LC_VB_TRAP_SAVE
	lghi	%r2, TRAP_RESTART
	j	trap_common
svc_handler:
	stmg	%r0, %r15, LC_VB_TRAP_SAVE
	lghi	%r2, TRAP_SVC
	j	trap_common
pgm_handler:
	stmg	%r0, %r15, LC_VB_TRAP_SAVE
#ifdef CONFIG_S390_COMPRESS
	/*
	 * An operation exception in the cold code before it is there: the
	 * zeros in its place are an invalid opcode. Expand it and run the
	 * instruction again (the PSW has gone past it: back by its length).
	 */
	larl	%r1, s390_cold_expand
	ltg	%r0, 0(%r1)
	jz	1f
	llgh	%r0, LC_PGM_CODE
	chi	%r0, PGM_OPERATION
	jne	1f
	lg	%r2, LC_PGM_OLD_PSW + 8
	llgh	%r0, LC_PGM_ILC
	nill	%r0, 6
	sgr	%r2, %r0
	larl	%r3, __cold_text_start
	clgr	%r2, %r3
	jl	1f
	larl	%r3, __cold_text_end
	clgr	%r2, %r3
	jhe	1f
	stg	%r2, LC_PGM_OLD_PSW + 8
	brasl	%r14, cold_expand
	ltgr	%r2, %r2
	jm	cold_bad
	lmg	%r0, %r15, LC_VB_TRAP_SAVE
	lpswe	LC_PGM_OLD_PSW
1:
#endif
	lghi	%r2, TRAP_PGM
	j	trap_common
mcck_handler:
	stmg	%r0, %r15, LC_VB_TRAP_SAVE
	lghi	%r2, TRAP_MCCK
	j	trap_common
io_handler:
	stmg	%r0, %r15, LC_VB_TRAP_SAVE
	lghi	%r2, TRAP_IO
trap_common:
#ifdef CONFIG_S390_COMPRESS
	lgr	%r10, %r2			/* the report may need cold code */
	brasl	%r14, cold_expand
	ltgr	%r2, %r2
	jm	cold_bad
	lgr	%r2, %r10
#endif
	larl	%r15, __trap_stack_top
	aghi	%r15, -STACK_FRAME
	xc	0(8, %r15), 0(%r15)
	brasl	%r14, s390_trap			/* does not return */

#ifdef CONFIG_S390_COMPRESS
/*
 * Have the boot stub expand the cold code, once (its function pointer is
 * cleared first, so a second call does nothing): the @len bytes from
 * __cold_text_start, with all the hot code before them as the stream's
 * history (arch/s390/relr.py made the stream with at most DEFLATE's
 * 32 KiB of it; a longer history is the same to the decoder).
 * Runs on the trap stack; returns (%r14) the stub's result in %r2, @len
 * or -1 (0 if there was nothing to do), with %r6-%r13 kept.
 */
cold_expand:
	larl	%r1, s390_cold_expand
	lg	%r5, 0(%r1)
	lghi	%r2, 0
	ltgr	%r5, %r5
	bzr	%r14
	xc	0(8, %r1), 0(%r1)
	lgr	%r11, %r14
	larl	%r15, __trap_stack_top
	aghi	%r15, -STACK_FRAME
	xc	0(8, %r15), 0(%r15)
	larl	%r2, __cold_text_start
	larl	%r3, __cold_text_end
	sgr	%r3, %r2
	larl	%r1, __hot_text_start
	lgr	%r4, %r2
	sgr	%r4, %r1
	basr	%r14, %r5
	br	%r11

/*
 * The cold code's stream is bad (a damaged image): nothing can report
 * it, the report being cold code. Stop with a code QEMU shows.
 */
cold_bad:
	larl	%r1, cold_bad_psw
	lpswe	0(%r1)
#endif

/* void s390_ext_enable_window(void) */
	.globl	s390_ext_enable_window
s390_ext_enable_window:
	stosm	16(%r15), 0x01		/* the caller's r2 slot: scratch */
	stnsm	16(%r15), 0xfe
	br	%r14

/* void s390_disabled_wait(ulong code) */
	.globl	s390_disabled_wait
s390_disabled_wait:
	larl	%r1, wait_psw
	mvc	16(8, %r15), 0(%r1)
	stg	%r2, 24(%r15)
	lpswe	16(%r15)

	.section .rodata.start, "a"
	.align	8
psw_mask_64:
	.quad	PSW_MASK_64
wait_psw:
	.quad	PSW_MASK_WAIT | PSW_MASK_64
#ifdef CONFIG_S390_COMPRESS
cold_bad_psw:
	.quad	PSW_MASK_WAIT | PSW_MASK_64, 0xbadc01d
#endif

	.section .data.relocated, "aw"
s390_relocated:
	.byte	0
#ifdef CONFIG_S390_COMPRESS
	.align	8
s390_cold_expand:				/* 0 once the cold code is there */
	.quad	0
#endif

	.section .bss.stack, "aw", @nobits
	.align	4096
__stack:
	.skip	CONFIG_S390_STACK_SIZE
	.globl	__stack_top
__stack_top:
__trap_stack:
	.skip	16384				/* cold_expand: the decoder's tables */
__trap_stack_top:

	.section .note.GNU-stack, "", @progbits
