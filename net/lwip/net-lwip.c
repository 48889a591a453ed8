// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lwIP's port: time, random numbers, asserts.
 */

#include <common.h>
#include <env.h>
#include <time.h>
#include <lwip/arch.h>
#include <lwip/sys.h>

u32_t sys_now(void)
{
	return (u32_t)get_timer(0);
}

void net_lwip_assert(const char *msg, int line, const char *file)
{
	printf("lwIP assertion \"%s\" failed at %s:%d\n", msg, file, line);
}

u32 net_lwip_rand(void)
{
	static u32 state;

	if (!state)
		state = (u32)timer_get_us() | 1;
	/* xorshift32 */
	state ^= state << 13;
	state ^= state >> 17;
	state ^= state << 5;
	return state;
}

unsigned int net_lwip_tftp_timeout_ms(void)
{
	return env_get_ulong("tftptimeout", 10, 5000);
}
