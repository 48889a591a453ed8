// SPDX-License-Identifier: GPL-2.0-or-later
/* 'boot'/'bootd' run bootcmd; 'reset' and 'poweroff' end the machine. */
#include <common.h>
#include <command.h>
#include <cpu_func.h>
#include <env.h>

#ifdef CONFIG_CMD_BOOTD
static int do_bootd(struct cmd_tbl *cmdtp, int flag, int argc,
		    char *const argv[])
{
	const char *cmd = env_get("bootcmd");

	if (!cmd) {
		puts("## Error: \"bootcmd\" not defined\n");
		return CMD_RET_FAILURE;
	}
	return run_command(cmd, flag) ? CMD_RET_FAILURE : CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	boot, 1, 1, do_bootd,
	"boot default, i.e., run 'bootcmd'",
	""
);

/* The old name, kept as U-Boot keeps it */
U_BOOT_CMD(
	bootd, 1, 1, do_bootd,
	"boot default, i.e., run 'bootcmd'",
	""
);
#endif

static int do_reset(struct cmd_tbl *cmdtp, int flag, int argc,
		    char *const argv[])
{
	puts("resetting ...\n");
	reset_cpu();
}

U_BOOT_CMD(
	reset, 2, 0, do_reset,
	"Perform RESET of the CPU",
	""
);

#ifdef CONFIG_CMD_POWEROFF
static int do_poweroff(struct cmd_tbl *cmdtp, int flag, int argc,
		       char *const argv[])
{
	poweroff_cpu();
}

U_BOOT_CMD(
	poweroff, 1, 0, do_poweroff,
	"Perform POWEROFF of the device",
	""
);
#endif
