// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the shell (common/cli_hush*.c): the input is a
 * script. It is checked, expanded as one command, and run with a few
 * real commands (echo, test, true, false, setenv, printenv, env, run,
 * exit, help, showvar) against a fresh default environment. Nothing may
 * crash, leak or read out of bounds, whatever the text.
 *
 * The console is replaced by a sink, and Ctrl-C by a budget: after a few
 * thousand loop iterations "Ctrl-C" is pressed, so 'while true' ends.
 * Build and run with test/fuzz/run-fuzz-hush.sh.
 */
#include <common.h>
#include <cli_hush.h>
#include <env.h>

#define CTRLC_BUDGET	2000

static int budget;

void putc(const char c)
{
}

void puts(const char *s)
{
}

int vprintf(const char *fmt, va_list args)
{
	char buf[256];

	return vscnprintf(buf, sizeof(buf), fmt, args);
}

int printf(const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vprintf(fmt, args);
	va_end(args);
	return len;
}

int tstc(void)
{
	return 0;
}

int getchar(void)
{
	return '\n';
}

int ctrlc(void)
{
	return --budget <= 0;
}

int had_ctrlc(void)
{
	return budget <= 0;
}

void clear_ctrlc(void)
{
}

ulong get_timer(ulong base)
{
	return 0;
}

void cpu_relax(void)
{
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	char *script, **argv;
	int argc;

	script = malloc(size + 1);
	if (!script)
		return 0;
	memcpy(script, data, size);
	script[size] = '\0';

	env_init();
	budget = CTRLC_BUDGET;
	cli_hush_check(script, NULL);
	if (!cli_hush_expand(script, &argc, &argv))
		free(argv);
	cli_hush_run(script, 0, NULL);

	free(script);
	return 0;
}
