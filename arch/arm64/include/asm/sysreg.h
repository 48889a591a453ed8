/* SPDX-License-Identifier: GPL-2.0-or-later */
/* AArch64 system register bits used by the start-up code (ARM ARM names). */
#ifndef __ASM_SYSREG_H
#define __ASM_SYSREG_H

#define HCR_EL2_RW		(1 << 31)	/* EL1 is AArch64 */
#define CNTHCTL_EL1PCTEN	(1 << 0)	/* EL1 may read the counter */
#define CNTHCTL_EL1PCEN		(1 << 1)	/* EL1 may use the timer */
#define SPSR_EL1H_MASKED	0x3c5		/* EL1h, D A I F masked */
#define CPACR_EL1_FPEN		(3 << 20)	/* no FP/SIMD traps */
#define SPSR_EL2H_MASKED	0x3c9		/* EL2h, D A I F masked */

#define SCTLR_ELx_M		(1 << 0)	/* MMU */
#define SCTLR_ELx_C		(1 << 2)	/* data cache */

/* SCTLR_EL2 with its RES1 bits, MMU and caches off (little-endian) */
#define SCTLR_EL2_RESET		0x30c50830

#define ESR_EC_SHIFT		26
#define ESR_EC_HVC64		0x16

/* x0 of the HVC asking the EL2 stub to enter a kernel (linux.S) */
#define HYP_ENTER_KERNEL	0x56424b30	/* "VBK0" */

/*
 * SCTLR_EL1 with the RES1 bits (11, 20, 22, 23, 28, 29), the I-cache (12)
 * and SP alignment checks (SA 3, SA0 4); MMU, D-cache and alignment
 * faults off.
 */
#define SCTLR_EL1_RESET		0x30d01818

#endif
