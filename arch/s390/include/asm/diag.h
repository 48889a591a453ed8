/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DIAGNOSE 0x308, the IPL functions: store and set the IPL parameter
 * block, re-IPL. Subcode in r3, the block's address in r2; the condition
 * is returned in r3. Subcodes 1 and 3 do not return when they work.
 */
#ifndef __ASM_S390_DIAG_H
#define __ASM_S390_DIAG_H

#include <linux/types.h>

#define DIAG308_LOAD_NORMAL	1	/* reset, keep memory, IPL */
#define DIAG308_LOAD_CLEAR	3	/* clear reset and IPL (reboot) */
#define DIAG308_SET		5	/* set the IPL parameter block */
#define DIAG308_STORE		6	/* store the IPL parameter block */

#define DIAG308_RC_OK		0x0001
#define DIAG308_RC_NO_CONF	0x0102	/* no block was ever set */

/**
 * diag308() - DIAGNOSE 0x308
 * @subcode: DIAG308_*
 * @addr: the page-aligned IPL parameter block, or NULL
 * Return: the response code (DIAG308_RC_*); nothing if a load works
 */
static inline unsigned long diag308(unsigned long subcode, void *addr)
{
	register unsigned long r2 asm("2") = (unsigned long)addr;
	register unsigned long r3 asm("3") = subcode;

	asm volatile("diag %[r2],%[r3],0x308"
		     : [r3] "+d" (r3) : [r2] "d" (r2) : "memory", "cc");
	return r3;
}

#endif
