// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qemu-s390x CPU support: the C side of start-up, the report of an
 * unexpected interruption, the time-of-day clock, reset and power off.
 */
#include <common.h>
#include <lmb.h>
#include <zipl.h>
#include <cpu_func.h>
#include <init.h>
#include <asm/diag.h>
#include <asm/lowcore.h>
#include <asm/sclp.h>
#include <asm/sections.h>

#define SIGP_STOP		5
/* A disabled wait at an address ending in 0xfff is the "quiesce" code */
#define WAIT_CODE_QUIESCE	0xfff
/* QEMU's BIOS_MAX_SIZE: the most the image can span */
#define IMAGE_MAX_SIZE		0x200000


ulong s390_image_base;
ulong s390_fw_start;
ulong s390_fw_end;

void s390_start(ulong base, ulong fwbase)
{
	ulong heap = ALIGN((ulong)__image_end, 4096);
	ulong top = fwbase + IMAGE_MAX_SIZE;

	s390_image_base = base;
	/*
	 * QEMU keeps [fwbase, fwbase + 2 MiB) for the firmware and wrote
	 * the image at its start, so its host pages (2 MiB huge pages here)
	 * are already there. The heap is the rest of that window when at
	 * least CONFIG_SYS_MALLOC_LEN is left there: a heap below fwbase
	 * touches a fresh host page, which costs from 0.4 ms to over 5 ms
	 * of the boot under TCG (zeroing a huge page; more on a loaded
	 * host). A larger heap goes below fwbase.
	 */
	if (top - heap >= CONFIG_SYS_MALLOC_LEN) {
		s390_fw_start = fwbase;
		s390_fw_end = top;
		mem_malloc_init(heap, top - heap);
	} else {
		s390_fw_start = fwbase - CONFIG_SYS_MALLOC_LEN;
		s390_fw_end = (ulong)__image_end;
		mem_malloc_init(s390_fw_start, CONFIG_SYS_MALLOC_LEN);
	}
	board_init_r();
}

u64 timer_get_us(void)
{
	u64 tod;

	asm volatile("stck %0" : "=Q" (tod) : : "cc");
	return tod >> 12;	/* bit 51 is one microsecond */
}

int arch_lmb_reserved(struct lmb_area *areas, int max)
{
	int n = 0;

	/* The lowcore: the firmware's interruption PSWs and save areas */
	if (max > n) {
		areas[n].base = 0;
		areas[n].size = ZIPL_LOWCORE_SIZE;
		areas[n++].name = "the lowcore";
	}
	if (max > n && s390_fw_end) {
		areas[n].base = s390_fw_start;
		areas[n].size = s390_fw_end - s390_fw_start;
		areas[n++].name = "the firmware";
	}
	return n;
}

void cpu_relax(void)
{
	asm volatile("diag 0,0,0x44" : : : "memory");	/* yield */
}

void reset_cpu(void)
{
	/* re-IPL with clear, as Linux's reboot does */
	diag308(DIAG308_LOAD_CLEAR, NULL);
	s390_disabled_wait(0x308);
}

void poweroff_cpu(void)
{
	register ulong status asm("2") = 0;
	u16 cpu_addr;

	/* SIGNAL PROCESSOR stop to ourselves: QEMU ends when no CPU runs */
	asm volatile("stap %0" : "=Q" (cpu_addr));
	asm volatile("sigp %0,%1,%2"
		     : "+d" (status) : "d" ((ulong)cpu_addr), "i" (SIGP_STOP)
		     : "cc", "memory");
	s390_disabled_wait(WAIT_CODE_QUIESCE);
}

static const char *const trap_names[] = {
	[TRAP_RESTART] = "restart",
	[TRAP_EXT] = "external",
	[TRAP_SVC] = "supervisor call",
	[TRAP_PGM] = "program check",
	[TRAP_MCCK] = "machine check",
	[TRAP_IO] = "I/O",
};

static const u16 trap_old_psw[] = {
	[TRAP_RESTART] = LC_RESTART_OLD_PSW,
	[TRAP_EXT] = LC_EXT_OLD_PSW,
	[TRAP_SVC] = LC_SVC_OLD_PSW,
	[TRAP_PGM] = LC_PGM_OLD_PSW,
	[TRAP_MCCK] = LC_MCCK_OLD_PSW,
	[TRAP_IO] = LC_IO_OLD_PSW,
};

/*
 * The lowcore is at real address 0; hide the small constant addresses
 * from the compiler, which takes them for offsets from a NULL pointer.
 */
static inline void *lowcore_ptr(ulong off)
{
	void *p;

	asm("" : "=d" (p) : "0" (off));
	return p;
}

#define LC(type, off) (*(volatile type *)lowcore_ptr(off))

static void trap_print(const char *fmt, ...)
{
	char buf[160];
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	sclp_early_write(buf);
}

void s390_trap(int kind)
{
	static bool in_trap;
	const struct psw *old = lowcore_ptr(trap_old_psw[kind]);
	const u64 *gpr = lowcore_ptr(LC_VB_TRAP_SAVE);
	ulong code = 0;
	int i;

	if (in_trap)
		s390_disabled_wait(0xdead);
	in_trap = true;

	switch (kind) {
	case TRAP_PGM:
		code = LC(u16, LC_PGM_CODE);
		break;
	case TRAP_SVC:
		code = LC(u16, LC_SVC_CODE);
		break;
	case TRAP_EXT:
		code = LC(u16, LC_EXT_INT_CODE);
		break;
	case TRAP_MCCK:
		code = LC(u64, LC_MCCK_CODE);
		break;
	case TRAP_IO:
		code = LC(u32, LC_SUBCHANNEL_ID);
		break;
	}
	trap_print("\n*** unexpected %s interruption, code 0x%lx\n",
		   trap_names[kind], code);
	trap_print("    old PSW %016llx %016llx\n",
		   (unsigned long long)old->mask,
		   (unsigned long long)old->addr);
	if (old->addr >= s390_image_base &&
	    old->addr < s390_image_base + IMAGE_MAX_SIZE)
		trap_print("    at image offset 0x%lx (addr2line -e virtboot)\n",
			   (ulong)(old->addr - s390_image_base));
	if (kind == TRAP_PGM)
		trap_print("    instruction length %u, translation exception address %016llx\n",
			   LC(u16, LC_PGM_ILC) & 0x6,
			   (unsigned long long)LC(u64, LC_TRANS_EXC_CODE));
	for (i = 0; i < 16; i += 4)
		trap_print("    r%-2d %016llx %016llx %016llx %016llx\n", i,
			   (unsigned long long)gpr[i],
			   (unsigned long long)gpr[i + 1],
			   (unsigned long long)gpr[i + 2],
			   (unsigned long long)gpr[i + 3]);
	trap_print("### stopped: image loaded at 0x%lx\n", s390_image_base);
	s390_disabled_wait(0xdead);
}

/* Linked at 0, running where QEMU loaded it (the stub's output) */
void board_bdinfo(struct bd_layout *layout)
{
	layout->reloc_addr = s390_image_base;
	layout->reloc_off = s390_image_base;
}
