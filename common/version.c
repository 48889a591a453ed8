// SPDX-License-Identifier: GPL-2.0-or-later
#include <version.h>

const char version_string[] =
	U_BOOT_VERSION " (" __DATE__ " - " __TIME__ ")";
