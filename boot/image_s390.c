// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Booting an s390x Linux kernel file, as zipl's loader and QEMU's
 * -kernel place it: the image from 0x10000 (an "S390EP" file is laid out
 * from address 0: its first 64 KiB, IPL text and lowcore, are skipped),
 * the initrd at 8 MiB or above the kernel, the initrd's place and the
 * command line ($bootargs) in the kernel's parameter area (0x10400), and
 * a start at 0x10000 in 64-bit addressing through DIAGNOSE 0x308 "load
 * normal" (QEMU resets the CPUs and channel subsystem, keeps memory).
 */

#include <common.h>
#include <bootm.h>
#include <env.h>
#include <lmb.h>
#include <mapmem.h>
#include <zipl.h>
#include <s390/linux_image.h>
#include <linux/byteorder.h>

#define SZ_1M			0x100000UL

static int check_free(const char *what, ulong addr, ulong size)
{
	const char *why;
	int ret = lmb_check(addr, size, &why);

	if (ret)
		printf("booti: the %s at 0x%lx (0x%lx bytes) %s%s\n", what, addr,
		       size, ret == -EFAULT ? "" : "would overwrite ", why);
	return ret ? -EINVAL : 0;
}

int s390_boot_linux(ulong addr, const char *rd_arg)
{
	struct bootm_images images = {};
	struct zipl_plan plan = {};
	ulong len, rd, max;
	const char *args;
	u8 *img, *k;

	/* The kernel's length: what the last load read */
	len = env_get_hex("kernel_size", 0);
	if (!len)
		len = env_get_hex("filesize", 0);
	img = map_sysmem(addr, len);
	if (!len || !img || lmb_check(addr, len, NULL) == -EFAULT) {
		puts("booti: no kernel: load it first ($filesize is its size)\n");
		return -EINVAL;
	}
	if (len > S390EP_OFFSET + 6 && !memcmp(img + S390EP_OFFSET, "S390EP", 6)) {
		img += IMAGE_ADDR;	/* laid out from 0: skip to 0x10000 */
		len -= IMAGE_ADDR;
	}
	/* The kernel's mark at 0x10008, what its IPL code starts with */
	if (len < PARM_CMDLINE + CMDLINE_OLD_MAX ||
	    memcmp(img + S390EP_OFFSET - IMAGE_ADDR, "S390EP", 6)) {
		puts("booti: not an s390x kernel image (no S390EP mark at 0x10008)\n");
		return -EINVAL;
	}
	if (bootm_get_ramdisk(rd_arg, &images) ||
	    check_free("kernel", IMAGE_ADDR, len))
		return -EINVAL;

	if (images.rd_size && images.rd_start < IMAGE_ADDR + len &&
	    images.rd_start + images.rd_size > IMAGE_ADDR) {
		printf("booti: the kernel (0x%lx-0x%lx) would overwrite the ramdisk: load it higher\n",
		       IMAGE_ADDR, IMAGE_ADDR + len - 1);
		return -EINVAL;
	}
	/* The kernel first: its place is below both files */
	memmove(map_sysmem(IMAGE_ADDR, len), img, len);

	/* The initrd: where it is if above the kernel and 8 MiB, else moved */
	rd = images.rd_start;
	if (images.rd_size) {
		ulong low = max(INITRD_MIN_ADDR,
				ALIGN(IMAGE_ADDR + len, SZ_1M) + SZ_1M);

		if (rd < low) {
			rd = low;
			if (check_free("initrd", rd, images.rd_size))
				return -EINVAL;
			memmove(map_sysmem(rd, images.rd_size),
				map_sysmem(images.rd_start, images.rd_size),
				images.rd_size);
		}
	}
	k = map_sysmem(IMAGE_ADDR, len);
	/* No initrd argument: the image's own (a kernel alone has none) */
	if (rd_arg) {
		put_unaligned_be64(images.rd_size ? rd : 0,
				   k + PARM_INITRD_START);
		put_unaligned_be64(images.rd_size, k + PARM_INITRD_SIZE);
	}

	args = env_get("bootargs");
	if (args) {
		max = get_unaligned_be64(k + PARM_MAX_CMDLINE);
		if (!max || max > len - PARM_CMDLINE)
			max = CMDLINE_OLD_MAX;
		if (strlen(args) >= max) {
			printf("booti: $bootargs is longer than the kernel's %lu bytes\n",
			       max - 1);
			return -EINVAL;
		}
		memset(k + PARM_CMDLINE, 0, max);
		strcpy((char *)k + PARM_CMDLINE, args);
	}

	/* zipl_jump() stops every device (the hand-over) */
	plan.psw = PSW_LOAD | IMAGE_ADDR;
	zipl_jump(NULL, &plan);
	puts("booti: QEMU did not take the reset\n");
	return -EIO;
}
