// SPDX-License-Identifier: GPL-2.0-or-later
/* Time: delays last at least as long as asked, timers move forward. */

#include <test/ut.h>
#include <time.h>

static int lib_time_delay(struct unit_test_state *uts)
{
	ulong start = get_timer(0);
	ulong boot = timer_get_boot_us();
	u64 us = timer_get_us();

	udelay(3000);
	ut_assert(timer_get_us() - us >= 3000);
	ut_assert(get_timer(start) >= 3);
	ut_assert(timer_get_boot_us() - boot >= 3000);

	start = get_timer(0);
	mdelay(5);
	ut_assert(get_timer(start) >= 5);
	/* generous bound: the machine may be busy, but not by a minute */
	ut_assert(get_timer(start) < 60000);

	udelay(0);

	return 0;
}
UNIT_TEST(lib_time_delay, 0, lib);
