// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What every way of starting an OS shares: the ramdisk argument, the
 * device tree fixed up for the kernel, the checks that the pieces fit in
 * free memory and not over each other, and the hand-over that stops
 * every device before the jump. Messages are U-Boot's where it has one.
 */

#include <common.h>
#include <bootm.h>
#include <env.h>
#include <fdt.h>
#include <fdtdec.h>
#include <gzip.h>
#include <image.h>
#include <lmb.h>
#include <mapmem.h>
#include <dm/device.h>
#include <dm/root.h>
#include <linux/byteorder.h>

static int parse_hex(const char *s, ulong *val)
{
	char *end;

	*val = hextoul(s, &end);
	return end == s || *end ? -EINVAL : 0;
}

int bootm_get_ramdisk(const char *arg, struct bootm_images *images)
{
	char buf[32], *colon;
	const u8 *data;
	ulong addr, size;
	int ret;

	images->rd_start = 0;
	images->rd_size = 0;
	if (!arg || !strcmp(arg, "-"))
		return 0;
	if (strlen(arg) >= sizeof(buf)) {
		printf("Bad ramdisk argument '%s'\n", arg);
		return -EINVAL;
	}
	strcpy(buf, arg);
	colon = strchr(buf, ':');
	if (colon)
		*colon++ = 0;
	if (parse_hex(buf, &addr) || (colon && parse_hex(colon, &size))) {
		printf("Bad ramdisk argument '%s': want addr[:size] in hex\n",
		       arg);
		return -EINVAL;
	}
	if (!colon) {
		/* No size: a legacy image (mkimage -T ramdisk) says it */
		printf("## Loading init Ramdisk from Legacy Image at %08lx ...\n",
		       addr);
		ret = image_legacy_check(addr, IH_TYPE_RAMDISK, "booti", &data,
					 &size);
		if (ret == -ENOENT)
			puts("Wrong Ramdisk Image Format\n");
		if (ret) {
			puts("Ramdisk image is corrupt or invalid\n");
			return -EINVAL;
		}
		addr = map_to_sysmem(data);
	}
	if (!size) {
		puts("Ramdisk of size 0\n");
		return -EINVAL;
	}
	if (lmb_check(addr, size, NULL) == -EFAULT) {
		printf("Ramdisk at 0x%lx (0x%lx bytes) is not inside RAM\n",
		       addr, size);
		return -EINVAL;
	}
	images->rd_start = addr;
	images->rd_size = size;
	return 0;
}

#ifdef CONFIG_OF_LIBFDT
/* Say why [@addr, @addr + @size) cannot take @what; 0 if it can */
static int check_free(const char *what, ulong addr, ulong size)
{
	const char *why;
	int ret = lmb_check(addr, size, &why);

	if (!ret)
		return 0;
	if (ret == -EFAULT)
		printf("%s at 0x%lx (0x%lx bytes) does not fit in RAM\n", what,
		       addr, size);
	else
		printf("%s at 0x%lx (0x%lx bytes) would overwrite %s\n", what,
		       addr, size, why);
	return -EINVAL;
}

int bootm_fdt_chosen(void *fdt, ulong rd_start, ulong rd_size)
{
	const char *bootargs = env_get("bootargs");
	int chosen, ret, two;

	chosen = fdt_find_or_add_subnode(fdt, 0, "chosen");
	if (chosen < 0)
		return chosen;
	if (bootargs) {
		ret = fdt_setprop_string(fdt, chosen, "bootargs", bootargs);
		if (ret)
			return ret;
	}
	if (!rd_size)
		return 0;
	/* Cells as wide as the root's addresses, as U-Boot's fdt_initrd() */
	two = fdt_address_cells(fdt, 0) == 2;
	chosen = fdt_path_offset(fdt, "/chosen");
	if (two) {
		ret = fdt_setprop_u64(fdt, chosen, "linux,initrd-start",
				      rd_start);
		if (!ret)
			ret = fdt_setprop_u64(fdt, chosen, "linux,initrd-end",
					      rd_start + rd_size);
	} else {
		ret = fdt_setprop_u32(fdt, chosen, "linux,initrd-start",
				      rd_start);
		if (!ret)
			ret = fdt_setprop_u32(fdt, chosen, "linux,initrd-end",
					      rd_start + rd_size);
	}
	return ret;
}

int bootm_get_fdt(const char *arg, struct bootm_images *images)
{
	const void *src;
	void *fdt;
	ulong addr, size;
	int ret;

	if (arg) {
		if (parse_hex(arg, &addr)) {
			printf("Bad device tree address '%s'\n", arg);
			return -EINVAL;
		}
		printf("## Flattened Device Tree blob at %08lx\n", addr);
		src = map_sysmem(addr, sizeof(struct fdt_header));
		if (!src || lmb_check(addr, sizeof(struct fdt_header), NULL) ||
		    fdt_check(src, fdt_totalsize(src)) ||
		    lmb_check(addr, fdt_totalsize(src), NULL)) {
			puts("ERROR: Did not find a cmdline Flattened Device Tree\n");
			puts("Could not find a valid device tree\n");
			return -EINVAL;
		}
		printf("   Booting using the fdt blob at 0x%lx\n", addr);
		/*
		 * Edited in place with room to grow, as fdt_high=0xffffffff:
		 * the blocks in use and the pad (QEMU's blob claims 1 MiB)
		 */
		size = fdt_size_used(src) + BOOTM_FDT_PAD;
		ret = check_free("The device tree", addr, size);
		if (ret)
			return ret;
		fdt = map_sysmem(addr, size);
		ret = fdt_open_into(src, fdt, size);
	} else {
		src = gd_fdt_blob();
		if (!src) {
			puts("No device tree: give one to boot with\n");
			return -ENOENT;
		}
		size = fdt_size_used(src) + BOOTM_FDT_PAD;
		fdt = memalign(8, size);
		if (!fdt)
			return -ENOMEM;
		addr = map_to_sysmem(fdt);
		printf("## Using the firmware's device tree, copied to %08lx\n",
		       addr);
		ret = fdt_open_into(src, fdt, size);
	}
	if (!ret)
		ret = bootm_fdt_chosen(fdt, images->rd_start, images->rd_size);
	if (ret) {
		printf("ERROR: /chosen not updated in the device tree at 0x%lx: %d\n",
		       addr, ret);
		return ret;
	}
	printf("   Using Device Tree in place at %016lx, end %016lx\n", addr,
	       addr + (ulong)fdt_totalsize(fdt) - 1);
	images->ft_addr = addr;
	return 0;
}

#endif

static bool overlaps(ulong a, ulong asize, ulong b, ulong bsize)
{
	return asize && bsize && a < b + bsize && b < a + asize;
}

int bootm_check_overlap(const struct bootm_images *images)
{
	ulong ft_size = 0;

#ifdef CONFIG_OF_LIBFDT
	if (images->ft_addr)
		ft_size = fdt_totalsize(map_sysmem(images->ft_addr, 0));
#endif
	if (overlaps(images->os_start, images->os_size, images->rd_start,
		     images->rd_size)) {
		printf("The kernel (0x%lx-0x%lx) would overwrite the ramdisk (0x%lx-0x%lx)\n",
		       images->os_start, images->os_start + images->os_size - 1,
		       images->rd_start, images->rd_start + images->rd_size - 1);
		return -EINVAL;
	}
	if (overlaps(images->os_start, images->os_size, images->ft_addr,
		     ft_size)) {
		printf("The kernel (0x%lx-0x%lx) would overwrite the device tree at 0x%lx\n",
		       images->os_start, images->os_start + images->os_size - 1,
		       images->ft_addr);
		return -EINVAL;
	}
	if (overlaps(images->rd_start, images->rd_size, images->ft_addr,
		     ft_size)) {
		printf("The ramdisk (0x%lx-0x%lx) and the device tree at 0x%lx overlap\n",
		       images->rd_start, images->rd_start + images->rd_size - 1,
		       images->ft_addr);
		return -EINVAL;
	}
	return 0;
}

void bootm_move_os(const struct bootm_images *images)
{
	if (images->os_load == images->os_start)
		return;
	printf("   Moving Image from 0x%lx to 0x%lx, end=%lx\n",
	       images->os_load, images->os_start,
	       images->os_start + images->os_size);
	memmove(map_sysmem(images->os_start, images->os_size),
		map_sysmem(images->os_load, images->os_size), images->os_size);
}

void bootm_announce_and_cleanup(void)
{
	puts("\nStarting kernel ...\n\n");
	/*
	 * Every device that could still write memory stops here: each
	 * virtio device is reset and its rings dropped, so a packet that
	 * arrives later lands nowhere in the kernel's memory.
	 */
	dm_remove_devices_flags(DM_REMOVE_ACTIVE_ALL);
}

#if defined(CONFIG_GZIP) && defined(CONFIG_CMD_BOOTI) && !defined(CONFIG_S390)
/*
 * A gzip-compressed Image at @addr: expanded to $kernel_comp_addr_r, else
 * to the first 2 MiB boundary behind the compressed file ($kernel_comp_size
 * or $filesize long), never past free memory. *@addr becomes the Image.
 */
static int bootm_uncompress(ulong *addr, ulong limit)
{
	ulong src = *addr, size, dst, room, len;
	const void *p = map_sysmem(src, 16);
	int ret;

	if (!p || lmb_check(src, 16, NULL) == -EFAULT || !gzip_is_gzip(p, 16))
		return 0;
	size = env_get_hex("kernel_comp_size", 0);
	if (!size)
		size = env_get_hex("filesize", 0);
	dst = env_get_hex("kernel_comp_addr_r", 0);
	if (!dst && size)
		dst = ALIGN(src + size, 0x200000);
	if (!dst) {
		puts("kernel_comp_addr_r or kernel_comp_size is not provided!\n");
		return -EINVAL;
	}
	room = lmb_free_len(dst);
	/* Not over the ramdisk, device tree or the file itself above */
	if (limit > dst && limit - dst < room)
		room = limit - dst;
	if (src > dst && src - dst < room)
		room = src - dst;
	if (!room || !size || (src + size > dst && src < dst + room)) {
		printf("No free memory at 0x%lx to uncompress the kernel into\n",
		       dst);
		return -EINVAL;
	}
	printf("   Uncompressing Kernel Image to %lx\n", dst);
	ret = gunzip(map_sysmem(dst, room), room, map_sysmem(src, size), size,
		     &len, NULL);
	if (ret) {
		printf("Error: the gzip-compressed kernel at 0x%lx is %s\n", src,
		       ret == -EINVAL ? "not valid gzip" :
		       ret == -EBADMSG ? "corrupt (CRC-32 mismatch)" :
		       "corrupt, cut short, or larger than the free memory");
		return -EINVAL;
	}
	*addr = dst;
	return 0;
}
#elif defined(CONFIG_CMD_BOOTI) && !defined(CONFIG_S390)
static int bootm_uncompress(ulong *addr, ulong limit)
{
	return 0;
}
#endif

#if defined(CONFIG_CMD_BOOTI) && defined(CONFIG_S390)
int bootm_boot_linux(ulong addr, const char *rd_arg, const char *fdt_arg)
{
	if (fdt_arg)
		puts("booti: s390x kernels take no device tree: ignored\n");
	return s390_boot_linux(addr, rd_arg);
}
#elif defined(CONFIG_CMD_BOOTI)
int bootm_boot_linux(ulong addr, const char *rd_arg, const char *fdt_arg)
{
	struct bootm_images images = {};
	ulong limit = ~0UL, fdt = fdt_arg ? hextoul(fdt_arg, NULL) : 0;
	int ret;

	ret = bootm_get_ramdisk(rd_arg, &images);
	if (ret)
		return ret;
	if (images.rd_size)
		limit = images.rd_start;
	if (fdt > addr)
		limit = min(limit, fdt);
	ret = bootm_uncompress(&addr, limit);
	if (!ret)
		ret = booti_setup(addr, &images);
	if (!ret)
		ret = bootm_get_fdt(fdt_arg, &images);
	if (!ret)
		ret = bootm_check_overlap(&images);
	if (ret)
		return ret;
	bootm_move_os(&images);
	bootm_announce_and_cleanup();
	arch_boot_linux(images.ep, images.ft_addr);
	return -EIO;
}
#else
int bootm_boot_linux(ulong addr, const char *rd_arg, const char *fdt_arg)
{
	puts("Booting a Linux kernel is not supported on this board\n");
	return -ENOSYS;
}
#endif
