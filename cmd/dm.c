// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * dm - show the driver model's devices, uclasses and drivers, in the
 * layout of U-Boot 2023.01's command.
 */

#include <common.h>
#include <command.h>
#include <dm/util.h>

static int do_dm_dump_driver_compat(struct cmd_tbl *cmdtp, int flag, int argc,
				    char *const argv[])
{
	dm_dump_driver_compat();

	return CMD_RET_SUCCESS;
}

static int do_dm_dump_drivers(struct cmd_tbl *cmdtp, int flag, int argc,
			      char *const argv[])
{
	dm_dump_drivers();

	return CMD_RET_SUCCESS;
}

static int do_dm_dump_static_driver_info(struct cmd_tbl *cmdtp, int flag,
					 int argc, char *const argv[])
{
	dm_dump_static_driver_info();

	return CMD_RET_SUCCESS;
}

static int do_dm_dump_all(struct cmd_tbl *cmdtp, int flag, int argc,
			  char *const argv[])
{
	dm_dump_all();

	return CMD_RET_SUCCESS;
}

static int do_dm_dump_uclass(struct cmd_tbl *cmdtp, int flag, int argc,
			     char *const argv[])
{
	dm_dump_uclass();

	return CMD_RET_SUCCESS;
}

static __maybe_unused char dm_help_text[] =
	"compat        Dump list of drivers with compatibility strings\n"
	"dm drivers       Dump list of drivers with uclass and instances\n"
	"dm static        Dump list of drivers with static platform data\n"
	"dm tree          Dump tree of driver model devices ('*' = activated)\n"
	"dm uclass        Dump list of instances for each uclass";

U_BOOT_CMD_WITH_SUBCMDS(dm, "Driver model low level access", dm_help_text,
	U_BOOT_SUBCMD_MKENT(compat, 1, 1, do_dm_dump_driver_compat),
	U_BOOT_SUBCMD_MKENT(drivers, 1, 1, do_dm_dump_drivers),
	U_BOOT_SUBCMD_MKENT(static, 1, 1, do_dm_dump_static_driver_info),
	U_BOOT_SUBCMD_MKENT(tree, 1, 1, do_dm_dump_all),
	U_BOOT_SUBCMD_MKENT(uclass, 1, 1, do_dm_dump_uclass));
