/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lwIP's compiler and platform port (lwip/arch.h reads it): freestanding
 * types from the compiler's own headers, our console for diagnostics.
 */
#ifndef __LWIP_ARCH_CC_H
#define __LWIP_ARCH_CC_H

#include <linux/types.h>
#include <stdio.h>
#include <string.h>

#ifdef CONFIG_SYS_BIG_ENDIAN
#define BYTE_ORDER	BIG_ENDIAN
#else
#define BYTE_ORDER	LITTLE_ENDIAN
#endif

/* No <inttypes.h>, <ctype.h>, <limits.h> or <unistd.h> here: lwIP's own fallbacks */
#define LWIP_NO_INTTYPES_H	1
#define LWIP_NO_CTYPE_H		1
#define LWIP_NO_UNISTD_H	1
#define LWIP_NO_LIMITS_H	1
#define SSIZE_MAX		__LONG_MAX__
#define INT_MAX			__INT_MAX__

#define X8_F	"02x"
#define U16_F	"u"
#define S16_F	"d"
#define X16_F	"x"
#define U32_F	"u"
#define S32_F	"d"
#define X32_F	"x"
#define SZT_F	"zu"

#define LWIP_PLATFORM_DIAG(x)	((void)printf x)

/**
 * net_lwip_assert() - report a failed lwIP assertion
 * @msg:	the assertion's text
 * @line:	line
 * @file:	file
 *
 * The firmware prints it and carries on (lwIP's asserts guard its own
 * invariants, which no packet can break); the fuzz harness aborts.
 */
void net_lwip_assert(const char *msg, int line, const char *file);
#define LWIP_PLATFORM_ASSERT(x)	net_lwip_assert(x, __LINE__, __FILE__)

/**
 * net_lwip_rand() - a pseudo-random number for lwIP (ports, ids, xids)
 * Return: 32 random-looking bits
 */
u32 net_lwip_rand(void);
#define LWIP_RAND()	((u32_t)net_lwip_rand())

#endif
