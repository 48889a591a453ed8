/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The s390 lowcore: the first 8 KiB of real storage (prefix area), where
 * the CPU stores the old PSW and the interruption parameters of each
 * interruption and fetches the new PSW. Offsets from the z/Architecture
 * Principles of Operation (and Linux's struct lowcore).
 *
 * virtboot uses 0x200-0x3ff, which the architecture leaves to software,
 * as register save areas for its interruption handlers.
 */
#ifndef __ASM_S390_LOWCORE_H
#define __ASM_S390_LOWCORE_H

#define LC_EXT_PARAMS		0x080	/* u32 external interruption parameter */
#define LC_EXT_CPU_ADDR		0x084	/* u16 */
#define LC_EXT_INT_CODE		0x086	/* u16 external interruption code */
#define LC_SVC_ILC		0x088	/* u16 */
#define LC_SVC_CODE		0x08a	/* u16 */
#define LC_PGM_ILC		0x08c	/* u16 */
#define LC_PGM_CODE		0x08e	/* u16 program interruption code */
#define PGM_OPERATION		0x01	/* its code for an invalid opcode */
#define LC_TRANS_EXC_CODE	0x0a8	/* u64 translation exception address */
#define LC_SUBCHANNEL_ID	0x0b8	/* u32 I/O interruption subchannel id */
#define LC_IO_INT_PARM		0x0bc	/* u32 */
#define LC_IO_INT_WORD		0x0c0	/* u32 */
#define LC_MCCK_CODE		0x0e8	/* u64 machine-check interruption code */

#define LC_RESTART_OLD_PSW	0x120
#define LC_EXT_OLD_PSW		0x130
#define LC_SVC_OLD_PSW		0x140
#define LC_PGM_OLD_PSW		0x150
#define LC_MCCK_OLD_PSW		0x160
#define LC_IO_OLD_PSW		0x170
#define LC_RESTART_NEW_PSW	0x1a0
#define LC_EXT_NEW_PSW		0x1b0
#define LC_SVC_NEW_PSW		0x1c0
#define LC_PGM_NEW_PSW		0x1d0
#define LC_MCCK_NEW_PSW		0x1e0
#define LC_IO_NEW_PSW		0x1f0

/* virtboot's save areas (16 registers of 8 bytes each) */
#define LC_VB_EXT_SAVE		0x200
#define LC_VB_TRAP_SAVE		0x280

#ifdef __ASSEMBLY__
#define _UL(x)			x
#else
#define _UL(x)			x##UL
#endif

/* PSW mask bits (first doubleword of a 16-byte PSW) */
#define PSW_MASK_IO		_UL(0x0200000000000000)
#define PSW_MASK_EXT		_UL(0x0100000000000000)
#define PSW_MASK_MCHECK		_UL(0x0004000000000000)
#define PSW_MASK_WAIT		_UL(0x0002000000000000)
#define PSW_MASK_EA		_UL(0x0000000100000000)
#define PSW_MASK_BA		_UL(0x0000000080000000)
#define PSW_MASK_64		(PSW_MASK_EA | PSW_MASK_BA)

/* External interruption codes */
#define EXT_CODE_SERVICE_SIGNAL	0x2401

/* Kinds of interruption reported by s390_trap() */
#define TRAP_RESTART		0
#define TRAP_EXT		1
#define TRAP_SVC		2
#define TRAP_PGM		3
#define TRAP_MCCK		4
#define TRAP_IO			5
#define TRAP_RELOC		6

#ifndef __ASSEMBLY__
#include <linux/compiler.h>
#include <linux/types.h>

/** struct psw - a 16-byte z/Architecture program status word */
struct psw {
	u64 mask;
	u64 addr;
} __packed __aligned(8);

/**
 * s390_trap() - report an unexpected interruption and stop (start.S
 * calls it with the registers of the interrupted code saved at
 * LC_VB_TRAP_SAVE)
 * @kind: TRAP_*
 */
void s390_trap(int kind) __noreturn;

/**
 * s390_start() - C entry from start.S: heap, then board_init_r()
 * @base: address this image runs at (its link address is 0)
 * @fwbase: where QEMU loaded the -bios ELF (the boot stub, if any): the
 *	    heap goes below it
 */
void s390_start(ulong base, ulong fwbase) __noreturn;

/**
 * s390_disabled_wait() - stop the CPU with a disabled-wait PSW
 * @code: the PSW address, shown by QEMU in its guest-crash report;
 *	  0xfff is the "quiesce" code that makes QEMU shut down normally
 */
void s390_disabled_wait(ulong code) __noreturn;

/** s390_ext_enable_window() - open the external mask for one instruction */
void s390_ext_enable_window(void);

/** struct s390_ext_event - the last external interruption taken */
struct s390_ext_event {
	u32 count;	/* 0: incremented by the handler */
	u16 code;	/* 4: external interruption code */
	u16 reserved;
	u32 param;	/* 8: external interruption parameter */
	u32 params;	/* 12: parameters OR-ed together, cleared by users */
};

extern struct s390_ext_event s390_ext_last;
#endif

#endif
