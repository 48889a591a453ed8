/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What most files need; U-Boot 2023.01 drivers start with #include <common.h>. */
#ifndef __COMMON_H
#define __COMMON_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/byteorder.h>
#include <stdio.h>
#include <vsprintf.h>
#include <malloc.h>
#include <log.h>
#include <time.h>

#endif
