/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * <stdlib.h> for lwIP's own sources only (they include it; the firmware
 * has no such header): the heap and atoi().
 */
#ifndef __LWIP_COMPAT_STDLIB_H
#define __LWIP_COMPAT_STDLIB_H

#include <malloc.h>
#include <vsprintf.h>

#define atoi(s)	((int)simple_strtol((s), NULL, 10))

#endif
