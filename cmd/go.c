// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * go addr [args]: call a standalone program loaded in memory, as U-Boot's
 * 'go' does: it runs as a C function int entry(int argc, char *const argv[])
 * with our stack and exception vectors, and its return value is shown.
 */

#include <common.h>
#include <command.h>
#include <mapmem.h>
#ifdef CONFIG_ARM64
#include <asm/cache.h>
#endif

static int do_go(struct cmd_tbl *cmdtp, int flag, int argc,
		 char *const argv[])
{
	ulong (*entry)(int argc, char *const argv[]);
	ulong addr, rc;
	char *end;

	if (argc < 2)
		return CMD_RET_USAGE;
	addr = hextoul(argv[1], &end);
	if (*end || end == argv[1]) {
		printf("go: bad address '%s'\n", argv[1]);
		return CMD_RET_FAILURE;
	}
	entry = (void *)map_sysmem(addr, 0);
	printf("## Starting application at 0x%08lX ...\n", addr);
#ifdef CONFIG_ARM64
	/* The program was written as data: make it visible to fetches. */
	flush_dcache_all();
	invalidate_icache_all();
#endif
	rc = entry(argc - 1, argv + 1);
	printf("## Application terminated, rc = 0x%lX\n", rc);
	return rc ? CMD_RET_FAILURE : CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	go, CONFIG_SYS_MAXARGS, 1, do_go,
	"start application at address 'addr'",
	"addr [arg ...]\n"
	"    - start application at address 'addr'\n"
	"      passing 'arg' as arguments"
);
