/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef __LOG_H
#define __LOG_H

#include <stdio.h>

#ifdef DEBUG
#define _DEBUG 1
#else
#define _DEBUG 0
#endif

#define debug(fmt, ...)							\
	do {								\
		if (_DEBUG)						\
			printf(fmt, ##__VA_ARGS__);			\
	} while (0)
#define log_debug(fmt, ...) debug(fmt, ##__VA_ARGS__)
#define log_err(fmt, ...) printf(fmt, ##__VA_ARGS__)
#define log_warning(fmt, ...) printf(fmt, ##__VA_ARGS__)
#define log_info(fmt, ...) printf(fmt, ##__VA_ARGS__)
#define log_msg_ret(_msg, _ret) (_ret)
#define log_ret(_ret) (_ret)

#endif
