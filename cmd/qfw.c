// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qfw: QEMU's fw_cfg device on the virt machine (MMIO, "qemu,fw-cfg-mmio"
 * in the device tree): 'qfw list' shows what QEMU offers, 'qfw load
 * [kernel_addr [initrd_addr]]' copies the -kernel and -initrd files to
 * $kernel_addr_r and $ramdisk_addr_r and -append into $bootargs, as
 * U-Boot's qfw does, for 'booti ${kernel_addr_r}
 * ${ramdisk_addr_r}:${filesize}'. Files come by the DMA interface (one
 * request, QEMU copies); byte reads would take minutes under TCG.
 *
 * Layout (QEMU docs/specs/fw_cfg.rst): data at +0, the selector at +8
 * (16 bits, big-endian), the DMA address at +16 (64 bits, big-endian;
 * writing its low half starts the transfer).
 */

#include <common.h>
#include <command.h>
#include <env.h>
#include <fdt.h>
#include <fdt_support.h>
#include <fdtdec.h>
#include <lmb.h>
#include <mapmem.h>
#include <asm/io.h>
#include <linux/byteorder.h>

#define FW_CFG_SIGNATURE	0x00
#define FW_CFG_ID		0x01
#define FW_CFG_KERNEL_SIZE	0x08
#define FW_CFG_INITRD_SIZE	0x0b
#define FW_CFG_KERNEL_DATA	0x11
#define FW_CFG_INITRD_DATA	0x12
#define FW_CFG_CMDLINE_SIZE	0x14
#define FW_CFG_CMDLINE_DATA	0x15
#define FW_CFG_VERSION_DMA	BIT(1)

#define FW_CFG_DMA_ERROR	BIT(0)
#define FW_CFG_DMA_READ		BIT(1)
#define FW_CFG_DMA_SELECT	BIT(3)

#define FW_CFG_DATA		0x00
#define FW_CFG_SELECTOR		0x08
#define FW_CFG_DMA		0x10

/* 1 s per MiB, at least 5 s: QEMU copies at once, this is a safety net */
#define FW_CFG_US_PER_MIB	1000000

struct fw_cfg_dma {
	__be32 control;
	__be32 length;
	__be64 address;
};

static void *fw_cfg_base(void)
{
	const void *fdt = gd_fdt_blob();
	u64 addr, size;
	int node;

	if (!fdt)
		return NULL;
	node = fdt_node_offset_by_compatible(fdt, -1, "qemu,fw-cfg-mmio");
	if (node < 0 || fdt_get_reg(fdt, node, 0, &addr, &size) || size < 0x18)
		return NULL;
	return (void *)(uintptr_t)addr;
}

static void fw_cfg_select(void *base, u16 key)
{
	writew(cpu_to_be16(key), base + FW_CFG_SELECTOR);
}

/* A small item by data register reads */
static void fw_cfg_read(void *base, u16 key, void *buf, int len)
{
	u8 *p = buf;

	fw_cfg_select(base, key);
	while (len--)
		*p++ = readb(base + FW_CFG_DATA);
}

static u32 fw_cfg_u32(void *base, u16 key)
{
	__le32 v;

	fw_cfg_read(base, key, &v, sizeof(v));
	return le32_to_cpu(v);
}

/* An item into memory by one DMA request; 0 or -EIO/-ETIMEDOUT */
static int fw_cfg_dma_read(void *base, u16 key, void *dst, u32 len)
{
	static struct fw_cfg_dma dma __aligned(16);
	ulong start, limit = 5000000 + (u64)len * FW_CFG_US_PER_MIB / (1 << 20);
	u64 addr = (uintptr_t)&dma;
	u32 ctl;

	dma.control = cpu_to_be32((u32)key << 16 | FW_CFG_DMA_SELECT |
				  FW_CFG_DMA_READ);
	dma.length = cpu_to_be32(len);
	dma.address = cpu_to_be64((uintptr_t)dst);
	writel(cpu_to_be32(addr >> 32), base + FW_CFG_DMA);
	writel(cpu_to_be32((u32)addr), base + FW_CFG_DMA + 4);
	start = timer_get_us();
	for (;;) {
		ctl = be32_to_cpu(READ_ONCE(dma.control));
		if (!(ctl & ~FW_CFG_DMA_ERROR))
			return ctl & FW_CFG_DMA_ERROR ? -EIO : 0;
		if (timer_get_us() - start > limit)
			return -ETIMEDOUT;
		cpu_relax();
	}
}

static void *fw_cfg_probe(void)
{
	void *base = fw_cfg_base();
	char sig[4];

	if (!base) {
		puts("QEMU fw_cfg interface not found\n");
		return NULL;
	}
	fw_cfg_read(base, FW_CFG_SIGNATURE, sig, sizeof(sig));
	if (memcmp(sig, "QEMU", 4)) {
		puts("QEMU fw_cfg interface not found\n");
		return NULL;
	}
	if (!(fw_cfg_u32(base, FW_CFG_ID) & FW_CFG_VERSION_DMA)) {
		puts("qfw: this QEMU offers no fw_cfg DMA\n");
		return NULL;
	}
	return base;
}

static int load_item(void *base, const char *what, u16 key, ulong addr,
		     u32 size)
{
	const char *why;
	int ret;

	ret = lmb_check(addr, size, &why);
	if (ret) {
		printf("qfw: the %s (0x%x bytes) at 0x%lx %s%s\n", what, size,
		       addr, ret == -EFAULT ? "" : "would overwrite ", why);
		return ret;
	}
	printf("loading %s to address %lx size %x\n", what, addr, size);
	ret = fw_cfg_dma_read(base, key, map_sysmem(addr, size), size);
	if (ret)
		printf("qfw: reading the %s failed (%s)\n", what,
		       ret == -EIO ? "QEMU reported an error" : "timed out");
	return ret;
}

static int do_qfw(struct cmd_tbl *cmdtp, int flag, int argc,
		  char *const argv[])
{
	ulong kaddr, raddr;
	u32 ksize, rsize, csize;
	char *cmdline;
	void *base;

	if (argc < 2 || argc > 4)
		return CMD_RET_USAGE;
	base = fw_cfg_probe();
	if (!base)
		return CMD_RET_FAILURE;
	ksize = fw_cfg_u32(base, FW_CFG_KERNEL_SIZE);
	rsize = fw_cfg_u32(base, FW_CFG_INITRD_SIZE);
	csize = fw_cfg_u32(base, FW_CFG_CMDLINE_SIZE);
	if (!strcmp(argv[1], "list")) {
		printf("kernel: %u bytes\ninitrd: %u bytes\ncmdline: %u bytes\n",
		       ksize, rsize, csize);
		return CMD_RET_SUCCESS;
	}
	if (strcmp(argv[1], "load"))
		return CMD_RET_USAGE;
	kaddr = argc > 2 ? hextoul(argv[2], NULL) :
			   env_get_hex("kernel_addr_r", 0);
	raddr = argc > 3 ? hextoul(argv[3], NULL) :
			   env_get_hex("ramdisk_addr_r", 0);
	if (!ksize) {
		puts("warning: no kernel available\n");
		return CMD_RET_FAILURE;
	}
	if (load_item(base, "kernel", FW_CFG_KERNEL_DATA, kaddr, ksize))
		return CMD_RET_FAILURE;
	if (rsize) {
		if (load_item(base, "initrd", FW_CFG_INITRD_DATA, raddr, rsize))
			return CMD_RET_FAILURE;
		env_set_hex("filesize", rsize);
	}
	if (csize > 1) {
		cmdline = malloc(csize + 1);
		if (!cmdline)
			return CMD_RET_FAILURE;
		fw_cfg_read(base, FW_CFG_CMDLINE_DATA, cmdline, csize);
		cmdline[csize] = 0;
		env_set("bootargs", cmdline);
		free(cmdline);
	}
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	qfw, 4, 0, do_qfw,
	"QEMU firmware interface",
	"<command>\n"
	"    - list                             : print what QEMU offers\n"
	"    - load <kernel addr> <initrd addr> : load -kernel and -initrd\n"
	"      ($kernel_addr_r, $ramdisk_addr_r by default), -append into\n"
	"      $bootargs, the initrd's size into $filesize"
);
