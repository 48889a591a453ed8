/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * IS_ENABLED(CONFIG_FOO) is 1 when CONFIG_FOO is set to y, else 0, usable
 * in plain C expressions so both branches are compiled and checked.
 */
#ifndef __LINUX_KCONFIG_H
#define __LINUX_KCONFIG_H

#include <generated/autoconf.h>

#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __is_defined(x) ___is_defined(x)
#define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)

#define IS_ENABLED(option) __is_defined(option)
/* U-Boot spells it with the prefix dropped; there is one build phase here. */
#define CONFIG_IS_ENABLED(option) IS_ENABLED(CONFIG_##option)
#define CONFIG_VAL(option) CONFIG_##option

#endif
