/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Time. Every device wait is bounded with these:
 *
 *	ulong start = get_timer(0);
 *	while (!done(dev)) {
 *		if (get_timer(start) > TIMEOUT_MS)
 *			return -ETIMEDOUT;
 *		cpu_relax();
 *	}
 */
#ifndef __TIME_H
#define __TIME_H

#include <linux/types.h>

/** timer_get_us() - microseconds since an arbitrary start (arch code) */
u64 timer_get_us(void);

/**
 * cpu_relax() - a short pause in a polling loop (arch code): a yield to
 * the hypervisor on s390 (DIAG 0x44), a no-op elsewhere
 */
void cpu_relax(void);

/** get_timer() - milliseconds elapsed since @base (a get_timer(0) value) */
ulong get_timer(ulong base);

/** timer_get_boot_us() - microseconds since virtboot started */
ulong timer_get_boot_us(void);

void udelay(unsigned long usec);
void mdelay(unsigned long msec);

#endif
