/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <linux/errno.h>

/**
 * errno_str() - an error code in words, as U-Boot's (CONFIG_ERRNO_STR)
 * @err:	a negative errno value, as functions return them
 * Return: e.g. "the device did not answer in time" for -ETIMEDOUT;
 *	   "error" for a code the table does not hold
 */
const char *errno_str(int err);

#endif
