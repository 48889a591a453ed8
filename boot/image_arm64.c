// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The arm64 Linux Image header (Documentation/arch/arm64/booting.rst):
 * where the kernel must sit and how much memory it takes from there.
 */

#include <common.h>
#include <bootm.h>
#include <init.h>
#include <lmb.h>
#include <mapmem.h>
#include <linux/byteorder.h>

#define ARM64_IMAGE_MAGIC	0x644d5241	/* "ARM\x64" */
#define ARM64_FLAG_BE		BIT(0)
#define ARM64_FLAG_ANYWHERE	BIT(3)		/* any 2 MiB-aligned base */
#define SZ_2M			0x200000UL

struct arm64_image_header {
	__le32 code0;
	__le32 code1;
	__le64 text_offset;
	__le64 image_size;
	__le64 flags;
	__le64 res2;
	__le64 res3;
	__le64 res4;
	__le32 magic;
	__le32 res5;
};

_Static_assert(sizeof(struct arm64_image_header) == 64, "Image header");

/*
 * Check the header and decide where the kernel runs; the move is
 * bootm_move_os()'s, once the ramdisk and tree are known to be clear.
 */
int booti_setup(ulong image, struct bootm_images *images)
{
	const struct arm64_image_header *ih;
	ulong dst, text_offset, size;
	const char *why;
	u64 flags;
	int ret;

	ih = map_sysmem(image, sizeof(*ih));
	if (!ih || lmb_check(image, sizeof(*ih), NULL) == -EFAULT) {
		printf("booti: 0x%lx is not inside RAM\n", image);
		return -EINVAL;
	}
	if (le32_to_cpu(ih->magic) != ARM64_IMAGE_MAGIC) {
		puts("Bad Linux ARM64 Image magic!\n");
		return -EINVAL;
	}
	flags = le64_to_cpu(ih->flags);
	if (flags & ARM64_FLAG_BE) {
		puts("booti: a big-endian kernel cannot run here\n");
		return -EINVAL;
	}
	size = le64_to_cpu(ih->image_size);
	text_offset = le64_to_cpu(ih->text_offset);
	if (!size) {
		/* Before Linux 3.17: the layout the old kernels assumed */
		puts("Image lacks image_size field, assuming 16MiB\n");
		size = 16 << 20;
		text_offset = 0x80000;
	}
	if (text_offset >= SZ_2M * 16 || size > (ulong)1 << 40) {
		printf("booti: implausible header (text_offset 0x%lx, image_size 0x%lx)\n",
		       text_offset, size);
		return -EINVAL;
	}

	/* A 2 MiB-aligned base plus text_offset: where the kernel runs */
	if (flags & ARM64_FLAG_ANYWHERE) {
		dst = ALIGN(image - text_offset, SZ_2M);
	} else {
		struct mem_bank bank;

		if (board_get_mem_banks(&bank, 1) < 1) {
			puts("booti: no RAM bank to place the kernel in\n");
			return -EINVAL;
		}
		dst = ALIGN(bank.start, SZ_2M);
	}
	dst += text_offset;

	ret = lmb_check(dst, size, &why);
	if (ret) {
		printf("booti: the kernel at 0x%lx (image_size 0x%lx) %s%s\n",
		       dst, size, ret == -EFAULT ? "" : "would overwrite ",
		       why);
		return -EINVAL;
	}
	images->os_load = image;
	images->ep = dst;
	images->os_start = dst;
	images->os_size = size;
	return 0;
}
