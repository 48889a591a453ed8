// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The s390 IPL from a network device (boot/ipl.c puts it in the order
 * when an IPL parameter block names it), as QEMU's s390-netboot.img
 * does it: DHCP, then the DHCP server's boot file by TFTP — a kernel
 * laid out from 0, a pxelinux.cfg file (its first line "# pxelinux"), or
 * an .INS file (first line "* ") whose files make a memory image — and
 * when there is none or it fails, the pxelinux.cfg file pxelinux's
 * names find (the UUID comes from STSI 3.2.2). Files are staged at
 * $kernel_addr_r and moved into place by booti's s390 code, which
 * checks every range against the firmware's memory.
 */

#include <common.h>
#include <dm.h>
#include <env.h>
#include <ins.h>
#include <malloc.h>
#include <mapmem.h>
#include <net.h>
#include <net-lwip.h>
#include <pxe_utils.h>
#include <bootm.h>
#include <s390/iplb.h>

/* SYSIB 3.2.2: the first virtual machine's UUID */
#define STSI322_UUID	80

/* STORE SYSTEM INFORMATION 3.2.2 into the page @buf; its condition code */
static int stsi_322(void *buf)
{
	register unsigned long r0 asm("0") = 0x30000002;
	register unsigned long r1 asm("1") = 2;
	int cc;

	asm volatile("stsi 0(%[addr])\n\tipm %[cc]\n\tsrl %[cc],28"
		     : [cc] "=d" (cc)
		     : "d" (r0), "d" (r1), [addr] "a" (buf) : "cc", "memory");
	return cc;
}

/* $pxeuuid: the machine's UUID (QEMU's -uuid), if it has one */
static void set_pxeuuid(void)
{
	u8 *buf = memalign(4096, 4096), *u;
	char str[40];

	if (!buf)
		return;
	memset(buf, 0, 4096);
	u = buf + STSI322_UUID;
	if (!stsi_322(buf) && memchr_inv(u, 0, 16)) {
		snprintf(str, sizeof(str),
			 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
			 u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8],
			 u[9], u[10], u[11], u[12], u[13], u[14], u[15]);
		env_set("pxeuuid", str);
	}
	free(buf);
}

struct ins_ctx {
	ulong base;	/* where address 0 of the image is staged */
	ulong end;	/* its length so far */
};

static int ins_load(void *priv, const char *file, ulong addr)
{
	struct ins_ctx *ic = priv;
	ulong size;

	printf("Retrieving file: %s\n", file);
	if (addr >= ic->base || pxe_net_getfile(NULL, file, ic->base + addr,
						&size))
		return -EIO;
	ic->end = max(ic->end, addr + size);
	return 0;
}

/* The image staged at @addr (@len bytes, laid out from 0): booti's way */
static int boot_image(ulong addr, ulong len)
{
	env_set_hex("filesize", len);
	env_set("kernel_size", NULL);
	return s390_boot_linux(addr, NULL);
}

/*
 * -1, or (the machine asks for a boot menu: -boot menu=on, loadparm
 * PROMPT) how long a pxelinux.cfg menu waits, in tenths of a second
 */
static int menu_timeout(void)
{
	int delay = s390_boot_menu_delay();

	return delay == -ENOENT ? -1 : max(delay, 0) * 10;
}

/* The DHCP server's boot file: a kernel, an .INS or a pxelinux.cfg file */
static int boot_file(const char *name, ulong addr, const char *loadparm)
{
	struct pxe_context ctx = { .getfile = pxe_net_getfile, .bootdir = "" };
	struct ins_ctx ic = { .base = addr };
	char *text;
	ulong size;

	printf("Retrieving file: %s\n", name);
	if (pxe_net_getfile(NULL, name, addr, &size))
		return -EIO;
	text = map_sysmem(addr, size + 1);
	if (size < 8 || !text) {
		printf("'%s' is too small (%lu bytes)\n", name, size);
		return -EINVAL;
	}
	text[size] = 0;
	if (!strncasecmp(text, "# pxelinux", 10)) {
		text = strdup(text);
		if (!text)
			return -ENOMEM;
		pxe_net_boot(&ctx, text, size, loadparm, menu_timeout());
		free(text);
		return -EIO;
	}
	if (!strncmp(text, "* ", 2)) {
		text = strdup(text);
		if (!text || ins_parse(text, size, ins_load, &ic)) {
			free(text);
			return -EIO;
		}
		free(text);
		size = ic.end;
	}
	return boot_image(addr, size);
}

int ipl_net_boot(struct udevice *dev, const char *loadparm)
{
	struct pxe_context ctx = { .getfile = pxe_net_getfile };
	const char *bootfile;
	ulong addr = env_get_hex("kernel_addr_r", 0);
	ulong cfg = env_get_hex("pxefile_addr_r", 0);
	ulong size;
	char *dir;
	int ret;

	printf("Network boot from %s\n", dev->name);
	eth_set_dev(dev);
	if (dhcp_run())
		return -EIO;
	bootfile = env_get("bootfile");
	if (bootfile && *bootfile && bootfile[strlen(bootfile) - 1] != '/' &&
	    !boot_file(bootfile, addr, loadparm))
		return 0;
	set_pxeuuid();
	dir = pxe_net_bootdir();
	ctx.bootdir = dir ?: "";
	ret = pxe_get(&ctx, cfg, &size, NULL);
	if (!ret)
		ret = pxe_net_boot(&ctx, map_sysmem(cfg, size), size, loadparm,
				   menu_timeout());
	free(dir);
	return ret;
}
