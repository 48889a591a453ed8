// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Time on top of the architecture's microsecond counter, timer_get_us().
 *
 * The counter's zero is arbitrary (the s390 TOD clock counts from 1900),
 * so the first call into this file fixes "boot": get_timer(0) and
 * timer_get_boot_us() count from there. Start-up code that wants the
 * count to begin at power-on calls timer_get_boot_us() first thing.
 */

#include <time.h>

static u64 boot_us;
static bool boot_us_set;

static u64 us_since_boot(void)
{
	u64 now = timer_get_us();

	if (!boot_us_set) {
		boot_us = now;
		boot_us_set = true;
	}

	return now - boot_us;
}

ulong timer_get_boot_us(void)
{
	return (ulong)us_since_boot();
}

ulong get_timer(ulong base)
{
	return (ulong)(us_since_boot() / 1000) - base;
}

void udelay(unsigned long usec)
{
	u64 start = timer_get_us();

	while (timer_get_us() - start < usec)
		cpu_relax();
}

void mdelay(unsigned long msec)
{
	while (msec--)
		udelay(1000);
}
