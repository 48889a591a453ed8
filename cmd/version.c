// SPDX-License-Identifier: GPL-2.0-or-later
/* 'version': the banner and the compiler it was built with. */
#include <common.h>
#include <command.h>
#include <version.h>

static int do_version(struct cmd_tbl *cmdtp, int flag, int argc,
		      char *const argv[])
{
	printf("%s\n\n", version_string);
	puts(CC_VERSION_STRING "\n");
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	version, 1, 1, do_version,
	"print monitor, compiler and linker version",
	""
);
