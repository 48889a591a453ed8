// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qemu-arm64 CPU glue: the C entry from start.S, the generic timer,
 * PSCI reset and power-off, and the exception report.
 */

#include <common.h>
#include <cpu_func.h>
#include <init.h>
#include <lmb.h>
#include <asm/io.h>
#include <asm/sections.h>
#include <asm/system.h>
#include <asm/sysreg.h>

static enum psci_conduit psci_conduit = PSCI_CONDUIT_HVC;
static phys_addr_t debug_uart;

static ulong heap_base;

__weak ulong board_ram_top(void)
{
	return 0;
}

void arm64_main(void);
void arm64_main(void)
{
	ulong top = board_ram_top();

	/*
	 * The heap goes to the top of the RAM bank that holds .data, as
	 * U-Boot relocates itself there: the addresses U-Boot's scripts
	 * load to (kernel_addr_r 0x40400000, scriptaddr 0x40200000, ...)
	 * stay free. Without a usable bank, right above the stack.
	 */
	heap_base = ALIGN((ulong)__stack_top, 4096);
	if (top >= heap_base + 2 * CONFIG_SYS_MALLOC_LEN)
		heap_base = ALIGN_DOWN(top - CONFIG_SYS_MALLOC_LEN, 4096);
	mem_malloc_init(heap_base, CONFIG_SYS_MALLOC_LEN);
	board_init_r();
}

int arch_lmb_reserved(struct lmb_area *areas, int max)
{
	if (max < 2)
		return 0;
	areas[0].base = (ulong)__data_start;
	areas[0].size = (ulong)__stack_top - (ulong)__data_start;
	areas[0].name = "the firmware's data and stack";
	areas[1].base = heap_base;
	areas[1].size = CONFIG_SYS_MALLOC_LEN;
	areas[1].name = "the firmware's heap";

	return 2;
}

static inline u64 read_cntvct(void)
{
	u64 val;

	__asm__ __volatile__("isb; mrs %0, cntvct_el0" : "=r"(val) : : "memory");
	return val;
}

static inline u64 read_cntfrq(void)
{
	u64 val;

	__asm__ __volatile__("mrs %0, cntfrq_el0" : "=r"(val));
	return val;
}

u64 timer_get_us(void)
{
	u64 cnt = read_cntvct();
	u64 freq = read_cntfrq();

	if (!freq)
		return 0;
	/* Split so that cnt * 1000000 cannot overflow. */
	return cnt / freq * 1000000 + cnt % freq * 1000000 / freq;
}

void cpu_relax(void)
{
	__asm__ __volatile__("yield" : : : "memory");
}

void psci_set_conduit(enum psci_conduit conduit)
{
	psci_conduit = conduit;
}

unsigned long psci_call(unsigned long fn, unsigned long a1,
			unsigned long a2, unsigned long a3)
{
	register unsigned long x0 __asm__("x0") = fn;
	register unsigned long x1 __asm__("x1") = a1;
	register unsigned long x2 __asm__("x2") = a2;
	register unsigned long x3 __asm__("x3") = a3;

	if (psci_conduit == PSCI_CONDUIT_SMC)
		__asm__ __volatile__("smc #0" : "+r"(x0) : "r"(x1), "r"(x2),
				     "r"(x3) : "memory");
	else if (psci_conduit == PSCI_CONDUIT_HVC)
		__asm__ __volatile__("hvc #0" : "+r"(x0) : "r"(x1), "r"(x2),
				     "r"(x3) : "memory");
	else
		return (unsigned long)-1;	/* PSCI NOT_SUPPORTED */
	return x0;
}

static void __noreturn halt(void)
{
	for (;;)
		__asm__ __volatile__("wfi");
}

void reset_cpu(void)
{
	psci_call(PSCI_0_2_FN_SYSTEM_RESET, 0, 0, 0);
	halt();
}

void poweroff_cpu(void)
{
	psci_call(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
	halt();
}

/* --- exception report -------------------------------------------------- */

#define PL011_DR	0x00
#define PL011_FR	0x18
#define PL011_FR_TXFF	(1 << 5)

void arm64_set_debug_uart(phys_addr_t base)
{
	debug_uart = base;
}

static void raw_putc(char c)
{
	void *base = phys_to_virt(debug_uart);
	ulong start;

	if (!debug_uart)
		return;
	if (c == '\n')
		raw_putc('\r');
	start = timer_get_us();
	while (readl(base + PL011_FR) & PL011_FR_TXFF) {
		if (timer_get_us() - start > 10000)
			return;
	}
	writel(c, base + PL011_DR);
}

static void raw_printf(const char *fmt, ...) __printf(1, 2);
static void raw_printf(const char *fmt, ...)
{
	char buf[128];
	va_list args;
	const char *p;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	for (p = buf; *p; p++)
		raw_putc(*p);
}

/* The frame exceptions.S's entry builds on the stack. */
struct arm64_exception_frame {
	ulong regs[31];
	ulong elr;
	ulong spsr;
	ulong esr;
};

static const char *const exception_kinds[4] = {
	"Synchronous Abort", "IRQ", "FIQ", "SError",
};

void arm64_exception(struct arm64_exception_frame *frame, int vector)
{
	ulong far;
	int i;

	__asm__ __volatile__("mrs %0, far_el1" : "=r"(far));
	raw_printf("\n\"%s\" handler, esr 0x%08lx\n",
		   exception_kinds[vector & 3], frame->esr);
	raw_printf("elr: %016lx lr : %016lx\n", frame->elr, frame->regs[30]);
	raw_printf("far: %016lx spsr: %08lx\n", far, frame->spsr);
	for (i = 0; i < 30; i += 2)
		raw_printf("x%-2d: %016lx x%-2d: %016lx\n", i,
			   frame->regs[i], i + 1, frame->regs[i + 1]);
	raw_printf("\nException in virtboot: halted. Reset the machine.\n");
	halt();
}

/* U-Boot's arm lines: no machine number, the page tables, the stack */
void arch_print_bdinfo(void)
{
	ulong ttbr0, sctlr;

	__asm__ __volatile__("mrs %0, ttbr0_el1" : "=r"(ttbr0));
	__asm__ __volatile__("mrs %0, sctlr_el1" : "=r"(sctlr));
	bdinfo_print_num_l("arch_number", 0);
	bdinfo_print_num_l("TLB addr", sctlr & SCTLR_ELx_M ? ttbr0 : 0);
	/* One stack for everything: exceptions are taken on it too */
	bdinfo_print_num_l("irq_sp", (ulong)__stack_top);
	bdinfo_print_num_l("sp start ", (ulong)__stack_top);
}
