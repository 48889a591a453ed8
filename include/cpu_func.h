/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Machine control implemented by each architecture. */
#ifndef __CPU_FUNC_H
#define __CPU_FUNC_H

#include <linux/compiler.h>

/** reset_cpu() - restart the machine (the sandbox exits) */
void reset_cpu(void) __noreturn;

/** poweroff_cpu() - switch the machine off (the sandbox exits with 0) */
void poweroff_cpu(void) __noreturn;

#endif
