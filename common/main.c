// SPDX-License-Identifier: GPL-2.0-or-later
/* Where start-up ends: preboot, autoboot, then the interactive shell. */
#include <common.h>
#include <autoboot.h>
#include <cli.h>
#include <env.h>

static void run_preboot_environment_command(void)
{
	const char *p = env_get("preboot");

	if (p)
		run_command_list(p, -1, 0);
}

void main_loop(void)
{
	const char *s;

	cli_init();
	if (IS_ENABLED(CONFIG_USE_PREBOOT))
		run_preboot_environment_command();

	s = bootdelay_process();
	autoboot_command(s);

	cli_loop();
}
