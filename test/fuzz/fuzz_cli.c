// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the command line: the input is a script, run the
 * way bootcmd or a line typed at the prompt is (run_command_list()), and
 * also given to the syntax check and to the one-command expansion.
 *
 * The commands are a fuzz-safe set, linked in by test/fuzz/fuzz.mk: echo,
 * test/true/false, setenv/printenv/env, run, help, showvar, version, sleep
 * (the timer runs fast). Nothing resets, powers off or touches a disk; the
 * only memory reached by address is a 64 KiB buffer at address 0, where
 * 'env export' writes and 'env import' reads (cleared for every input). Every input starts from the default environment and
 * no local variables; a Ctrl-C arrives after 100 checks, so that a loop
 * that does not end is stopped the way a person would stop it.
 *
 * What must hold besides "no crash, no leak": every script ends with
 * status 0 or 1, 'run' nesting is back to zero, and $? is zero exactly
 * when that status is.
 */

#include <common.h>
#include <lmb.h>
#include <cli.h>
#include <cli_hush.h>
#include <command.h>
#include <env.h>
#include <fs.h>
#include "fuzz_support.h"

/* The interpreter's state is reset between inputs: include its source */
#include "../../common/cli_hush_exec.c"

/* The memory of 'env export' and 'env import': addresses 0-0xffff */
#define GUEST_SIZE	0x10000
static u8 guest[GUEST_SIZE];

void *map_sysmem(phys_addr_t paddr, unsigned long len)
{
	if (paddr > GUEST_SIZE || len > GUEST_SIZE - paddr)
		return NULL;
	return guest + paddr;
}

phys_addr_t map_to_sysmem(const void *ptr)
{
	return (const u8 *)ptr - guest;
}

phys_size_t sysmem_size(void)
{
	return GUEST_SIZE;
}

/* 'test -e': this target has no block devices, so no file exists */
int file_exists(const char *dev_type, const char *dev_part, const char *file,
		int fstype)
{
	return 0;
}

/* lmb: the whole arena is free memory, nothing is the firmware's */
int lmb_check(ulong addr, u64 size, const char **why)
{
	if (addr > GUEST_SIZE || size > GUEST_SIZE - addr) {
		if (why)
			*why = "is outside RAM";
		return -EFAULT;
	}
	return 0;
}

/* saveenv: this target has no disk to keep the environment on */
int env_save(void)
{
	return -ENOSYS;
}

/* cli_loop() (not run here) reads lines from the console */
char console_buffer[CONFIG_SYS_CBSIZE + 1];

int cli_readline(const char *const prompt)
{
	return -1;
}

/* editenv's line: as if Ctrl-C abandoned it (there is no console) */
int cli_readline_edit(const char *const prompt, char *buffer)
{
	return -1;
}

static void reset_shell(void)
{
	while (local_vars)
		unset_local_var(local_vars->name);
	last_status = 0;
	interrupted = false;
	exiting = false;
	exit_status = 0;
	loop_depth = 0;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static bool init;
	const char *err;
	char *script;
	char **argv;
	int argc, ret;

	if (size > 4096)
		return 0;
	if (!init) {
		env_init();
		init = true;
	}
	env_set_default(NULL, 0);
	reset_shell();
	fuzz_reset(100);
	memset(guest, 0, sizeof(guest));

	script = malloc(size + 1);
	if (!script)
		return 0;
	memcpy(script, data, size);
	script[size] = '\0';

	cli_hush_check(script, &err);
	if (!cli_hush_expand(script, &argc, &argv)) {
		if (argv[argc])
			__builtin_trap();
		free(argv);
	}

	ret = run_command_list((const char *)data, size, 0);
	if (ret != 0 && ret != 1)
		__builtin_trap();
	if (run_depth)
		__builtin_trap();
	/* $? may be any exit status; the return says only zero or not */
	if (!cli_hush_last_status() != !ret && !interrupted &&
	    strlen(script) == size)
		__builtin_trap();

	free(script);
	reset_shell();
	return 0;
}
