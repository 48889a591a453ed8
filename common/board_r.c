// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Common start-up after the arch code: driver model with the devices the
 * board declares and the device tree describes, the board, console,
 * environment, PCI enumeration, the saved environment, then the shell. Each step's failure is
 * reported on the console (or kept for it) and start-up continues where
 * it can: a firmware that reaches its prompt can be debugged.
 */
#include <common.h>
#include <serial.h>
#include <cli.h>
#include <console.h>
#include <dm.h>
#include <env.h>
#include <fdtdec.h>
#include <init.h>
#include <pci.h>
#include <version.h>
#ifdef CONFIG_SANDBOX
#include <asm/state.h>
#endif

__weak int board_init(void)
{
	return 0;
}

__weak int board_late_init(void)
{
	return 0;
}

void board_init_r(void)
{
	int ret;

	timer_get_boot_us();	/* boot time counts from here */
	if (IS_ENABLED(CONFIG_OF_CONTROL)) {
		ret = fdtdec_setup();
		if (ret)
			printf("FDT: no usable device tree (%d)\n", ret);
	}
	/* The devices the board declares and those of the device tree */
	ret = dm_init_and_scan(false);
	if (ret)
		printf("Driver model: init failed (%d)\n", ret);
	ret = board_init();
	if (ret)
		printf("Board: init failed (%d)\n", ret);
	ret = console_init();
	printf("\n%s\n\n", version_string);
	if (ret)
		printf("Console: no serial device (%d)\n", ret);

	env_init();
	if (IS_ENABLED(CONFIG_PCI_INIT_R))
		pci_init();
	/* The saved environment, as U-Boot's initr_env(); then 'ver' again */
	if (IS_ENABLED(CONFIG_ENV_IS_IN_FAT)) {
		env_load();
		if (IS_ENABLED(CONFIG_VERSION_VARIABLE))
			env_set("ver", version_string);
	}
	/* As U-Boot: the console's device in stdin, stdout and stderr */
	if (serial_dev_name()) {
		env_set("stdin", serial_dev_name());
		env_set("stdout", serial_dev_name());
		env_set("stderr", serial_dev_name());
	}
	board_late_init();
#ifdef CONFIG_SANDBOX
	sandbox_main_loop_init();
#endif
	for (;;)
		main_loop();
}
