// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Autoboot: wait 'bootdelay' seconds for a key, then run 'bootcmd'.
 * The countdown looks like U-Boot's, so that tools which stop U-Boot's
 * autoboot stop ours: "Hit any key to stop autoboot: %2d " and the
 * number rewritten in place each second.
 */
#include <common.h>
#include <autoboot.h>
#include <command.h>
#include <env.h>

#define POLL_US		10000

static int stored_bootdelay;

/* Count down; return 1 if a key (consumed) stopped it. */
static int abortboot(int bootdelay)
{
	int abort = 0;

	printf("Hit any key to stop autoboot: %2d ", bootdelay);

	/* A key typed before the countdown began counts too. */
	if (tstc()) {
		getchar();
		puts("\b\b\b 0");
		abort = 1;
	}

	while (bootdelay > 0 && !abort) {
		ulong start = get_timer(0);

		bootdelay--;
		do {
			if (tstc()) {
				getchar();
				abort = 1;
				bootdelay = 0;
				break;
			}
			udelay(POLL_US);
		} while (get_timer(start) < 1000);

		printf("\b\b\b%2d ", bootdelay);
	}
	putc('\n');
	return abort;
}

const char *bootdelay_process(void)
{
	const char *s = env_get("bootdelay");

	stored_bootdelay = s ? (int)simple_strtol(s, NULL, 10) :
			       CONFIG_BOOTDELAY;
	return env_get("bootcmd");
}

void autoboot_command(const char *s)
{
	if (!s)
		return;
	if (stored_bootdelay == -2 ||
	    (stored_bootdelay != -1 && !abortboot(stored_bootdelay)))
		run_command_list(s, -1, 0);
}
