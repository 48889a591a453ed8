// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * coninfo: the console devices, in U-Boot 2023.01's words: the serial
 * device (its driver-model name) is stdin, stdout and stderr; U-Boot
 * lists its generic "serial" device too, which the same lines serve.
 */
#include <common.h>
#include <command.h>
#include <serial.h>

static int do_coninfo(struct cmd_tbl *cmdtp, int flag, int argc,
		      char *const argv[])
{
	const char *name = serial_dev_name();

	puts("List of available devices:\n");
	/* flags: 1 input, 2 output, 4 a driver-model device */
	/* each stream with a blank after it, as U-Boot prints them */
	if (name)
		printf("%-8s %08x IO %s\n", name, 7, "stdin stdout stderr ");
	printf("%-8s %08x IO %s\n", "serial", 3, "");
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	coninfo, 3, 1, do_coninfo,
	"print console devices and information",
	""
);
