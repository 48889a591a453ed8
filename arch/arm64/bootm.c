// SPDX-License-Identifier: GPL-2.0-or-later
/* qemu-arm64: the jump into a Linux Image (linux.S does the last steps). */

#include <common.h>
#include <bootm.h>
#include <asm/cache.h>
#include <asm/system.h>

/* Set by start.S: QEMU started us in EL2 and the stub is in place */
u32 arm64_el2_stub;

void arch_boot_linux(ulong entry, ulong fdt)
{
	/* The image and tree were written through the cache: to RAM now */
	flush_dcache_all();
	arm64_enter_linux(entry, fdt, arm64_el2_stub);
}

int arch_boot_el(void)
{
	return arm64_el2_stub ? 2 : 1;
}
