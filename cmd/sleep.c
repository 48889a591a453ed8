// SPDX-License-Identifier: GPL-2.0-or-later
/* 'sleep': wait some seconds; Ctrl-C ends the wait. */
#include <common.h>
#include <command.h>
#include <linux/ctype.h>

/* Longest wait accepted, in seconds: a day */
#define SLEEP_MAX_S	86400

/* Parse "S", "S.F" or ".F" seconds into milliseconds (extra digits dropped). */
static int parse_seconds(const char *s, ulong *msp)
{
	ulong secs = 0, ms = 0, mult = 100;
	const char *p = s;

	if (!*p)
		return -EINVAL;
	for (; isdigit(*p); p++) {
		secs = secs * 10 + (*p - '0');
		if (secs > SLEEP_MAX_S)
			return -ERANGE;
	}
	if (*p == '.') {
		for (p++; isdigit(*p); p++) {
			ms += (*p - '0') * mult;
			mult /= 10;
		}
	}
	if (*p || p == s || (p == s + 1 && *s == '.'))
		return -EINVAL;
	*msp = secs * 1000 + ms;
	return 0;
}

static int do_sleep(struct cmd_tbl *cmdtp, int flag, int argc,
		    char *const argv[])
{
	ulong start = get_timer(0);
	ulong delay;
	int ret;

	if (argc != 2)
		return CMD_RET_USAGE;

	ret = parse_seconds(argv[1], &delay);
	if (ret) {
		printf("sleep: bad number of seconds '%s'%s\n", argv[1],
		       ret == -ERANGE ? " (at most 86400)" : "");
		return CMD_RET_FAILURE;
	}

	while (get_timer(start) < delay) {
		if (ctrlc()) {
			puts("sleep: interrupted\n");
			return CMD_RET_FAILURE;
		}
		udelay(100);
	}
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	sleep, 2, 1, do_sleep,
	"delay execution for some time",
	"N\n"
	"    - delay execution for N seconds (N is decimal, fractions\n"
	"      such as 0.5 are allowed; Ctrl-C interrupts)"
);
