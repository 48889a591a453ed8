/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The version banner, in U-Boot's shape:
 *	virtboot 2026.11 (Nov 26 2026 - 01:23:45)
 * The build may pass -DPLAIN_VERSION=\"...\" (e.g. from git describe);
 * the date and time are those of the compilation of common/version.c.
 */
#ifndef __VERSION_H
#define __VERSION_H

#ifndef PLAIN_VERSION
#define PLAIN_VERSION		"2026.11"
#endif

#define U_BOOT_VERSION		"virtboot " PLAIN_VERSION

#ifdef __clang__
#define CC_VERSION_STRING	__VERSION__
#else
#define CC_VERSION_STRING	"gcc " __VERSION__
#endif

/*
 * version_string - "virtboot <version> (<date> - <time>)", printed at
 * start-up and by 'version', and the value of $ver
 */
extern const char version_string[];

#endif
