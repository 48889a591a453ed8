// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Checking a legacy image (mkimage's 64-byte header) in memory, for
 * every command that takes one: 'source' (scripts), booti's ramdisk.
 * The messages are U-Boot's.
 */

#include <common.h>
#include <env.h>
#include <image.h>
#include <mapmem.h>
#include <u-boot/crc.h>
#include <linux/byteorder.h>

int image_legacy_check(ulong addr, int type, const char *what,
		       const u8 **datap, ulong *sizep)
{
	struct legacy_img_hdr *hdr, h;
	const char *verify;
	const u8 *data;
	ulong size;

	hdr = map_sysmem(addr, sizeof(*hdr));
	if (!hdr) {
		printf("%s: 0x%lx is outside memory\n", what, addr);
		return -EFAULT;
	}
	h = *hdr;
	if (be32_to_cpu(h.ih_magic) != IH_MAGIC)
		return -ENOENT;
	h.ih_hcrc = 0;
	if (crc32(0, (u8 *)&h, sizeof(h)) != be32_to_cpu(hdr->ih_hcrc)) {
		puts("Bad header crc\n");
		return -EINVAL;
	}
	size = be32_to_cpu(h.ih_size);
	data = map_sysmem(addr + sizeof(h), size);
	if (!data) {
		printf("%s: data 0x%lx+0x%lx is outside memory\n", what,
		       addr + sizeof(h), size);
		return -EFAULT;
	}
	verify = env_get("verify");
	if ((!verify || *verify != 'n') &&
	    crc32(0, data, size) != be32_to_cpu(h.ih_dcrc)) {
		puts("Bad data crc\n");
		return -EINVAL;
	}
	if (h.ih_type != type || h.ih_comp != IH_COMP_NONE) {
		puts("Bad image type\n");
		return -EINVAL;
	}
	*datap = data;
	*sizep = size;
	return 0;
}
