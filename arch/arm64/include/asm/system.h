/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qemu-arm64 machine glue the board sets up from the device tree. */
#ifndef __ASM_SYSTEM_H
#define __ASM_SYSTEM_H

#include <linux/types.h>

/** enum psci_conduit - how PSCI calls reach the firmware (DTB "method") */
enum psci_conduit {
	PSCI_CONDUIT_NONE,
	PSCI_CONDUIT_HVC,
	PSCI_CONDUIT_SMC,
};

#define PSCI_0_2_FN_PSCI_VERSION	0x84000000
#define PSCI_0_2_FN_SYSTEM_OFF		0x84000008
#define PSCI_0_2_FN_SYSTEM_RESET	0x84000009

/**
 * psci_set_conduit() - choose HVC or SMC for PSCI calls
 *
 * Without a call to this (no psci node in the device tree) reset_cpu()
 * and poweroff_cpu() try HVC, which is what QEMU's virt machine answers
 * when it runs the firmware in EL1.
 */
void psci_set_conduit(enum psci_conduit conduit);

/** psci_call() - issue a PSCI function; Return: the firmware's x0 */
unsigned long psci_call(unsigned long fn, unsigned long a1,
			unsigned long a2, unsigned long a3);

/**
 * arm64_set_debug_uart() - the PL011 that exception reports go to
 *
 * Exception reports bypass the console (which may be what faulted) and
 * write to this UART directly; the board sets it from the device tree.
 */
void arm64_set_debug_uart(phys_addr_t base);

struct mem_bank;

/**
 * arm64_mmu_enable() - turn on the MMU and the caches
 * @banks:	the RAM banks (from the device tree): mapped as normal memory
 * @count:	number of banks
 *
 * Everything else is device memory, the flash at 0 read-only normal
 * memory. Does nothing with CONFIG_SYS_DCACHE_OFF or if already on.
 *
 * Return: 0, or -ENOENT (MMU left off) if @count is 0
 */
int arm64_mmu_enable(const struct mem_bank *banks, int count);

/**
 * board_ram_top() - the end of the RAM bank that holds the firmware's
 * .data, found before malloc() works (board code; 0: unknown). The heap
 * goes right below it.
 */
ulong board_ram_top(void);

struct arm64_exception_frame;

/**
 * arm64_exception() - report an exception and stop (exceptions.S calls it)
 * @frame:	the registers exceptions.S saved
 * @vector:	the kind: 0 synchronous, 1 IRQ, 2 FIQ, 3 SError
 */
void arm64_exception(struct arm64_exception_frame *frame, int vector);

/**
 * arm64_enter_linux() - (linux.S) MMU and caches off, enter a kernel
 * @entry:	its entry point
 * @fdt:	the device tree, for x0
 * @el2:	non-zero: through the EL2 stub, to enter it in EL2
 */
void arm64_enter_linux(ulong entry, ulong fdt, int el2);

#endif
