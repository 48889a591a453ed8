/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Starting an operating system: what every boot path shares (booti, the
 * boot methods), as U-Boot's bootm layer: the ramdisk argument, the
 * device tree handed over with /chosen fixed up, the hand-over that
 * stops every device, and the arch jump.
 */
#ifndef __BOOTM_H
#define __BOOTM_H

#include <linux/types.h>

/* Room added to a device tree for the fixups, as U-Boot's SYS_FDT_PAD */
#define BOOTM_FDT_PAD		0x3000

/**
 * struct bootm_images - what one boot hands over
 * @ep:		the kernel's entry point
 * @os_load:	where the kernel was loaded (moved to @os_start if not there)
 * @os_start:	first byte of the kernel as placed
 * @os_size:	bytes it may use from @os_start (its image_size)
 * @rd_start:	the initial ramdisk, 0 if none
 * @rd_size:	its size
 * @ft_addr:	the device tree handed to the kernel (fixed up)
 * @cmdline:	the kernel command line (s390: set from bootargs)
 */
struct bootm_images {
	ulong ep;
	ulong os_load;
	ulong os_start;
	ulong os_size;
	ulong rd_start;
	ulong rd_size;
	ulong ft_addr;
	const char *cmdline;
};

/**
 * bootm_get_ramdisk() - parse booti's ramdisk argument
 * @arg:	"addr:size" (hex), "addr" (a legacy ramdisk image), "-" or NULL
 * @images:	rd_start and rd_size set (0 for none)
 * Return: 0, or -EINVAL after printing why
 */
int bootm_get_ramdisk(const char *arg, struct bootm_images *images);

/**
 * bootm_get_fdt() - the device tree to hand over, fixed up
 * @arg:	its address (hex), or NULL for the firmware's own tree
 * @images:	rd_* set; ft_addr set on success
 *
 * A tree named by @arg is edited in place with BOOTM_FDT_PAD bytes of
 * room (U-Boot with fdt_high=0xffffffff); the firmware's own is copied.
 * /chosen gets bootargs (from the environment, if set) and the initrd
 * range.
 * Return: 0, or a negative error after printing why
 */
int bootm_get_fdt(const char *arg, struct bootm_images *images);

/**
 * bootm_fdt_chosen() - write /chosen's bootargs and initrd range
 * @fdt:	a tree laid out for editing (fdt_open_into())
 * @rd_start:	the initrd, 0 for none
 * @rd_size:	its size
 * Return: 0 or a negative error
 */
int bootm_fdt_chosen(void *fdt, ulong rd_start, ulong rd_size);

/**
 * bootm_check_overlap() - refuse images that would overwrite each other
 * @images:	the kernel, ramdisk and tree
 * Return: 0, or -EINVAL after printing which two
 */
int bootm_check_overlap(const struct bootm_images *images);

/** bootm_move_os() - move the kernel from os_load to os_start if needed */
void bootm_move_os(const struct bootm_images *images);

/**
 * bootm_announce_and_cleanup() - the hand-over, right before every jump
 *
 * Prints "Starting kernel ...", then removes every device that could
 * still write memory (each virtio device is reset, its rings dropped),
 * as U-Boot's dm_remove_devices_flags(DM_REMOVE_ACTIVE_ALL).
 */
void bootm_announce_and_cleanup(void);

/**
 * booti_setup() - check an arm64 Image and find where it must run
 * @image:	where it was loaded
 * @images:	ep, os_load, os_start and os_size set
 * Return: 0, or -EINVAL after printing why
 */
int booti_setup(ulong image, struct bootm_images *images);

/**
 * bootm_boot_linux() - boot the kernel at @addr as booti does
 * @addr:	the kernel as loaded
 * @rd_arg:	booti's ramdisk argument ("addr:size", "addr", "-", NULL)
 * @fdt_arg:	the device tree's address (hex), NULL for the firmware's
 * Return: only on failure, after printing why: a negative error
 */
int bootm_boot_linux(ulong addr, const char *rd_arg, const char *fdt_arg);

/**
 * s390_boot_linux() - boot the s390x kernel file at @addr ($filesize
 * long, or $kernel_size) as zipl's loader places it
 * @addr:	the kernel file as loaded (S390EP from 0, or raw from 0x10000)
 * @rd_arg:	booti's ramdisk argument
 * Return: only on failure, after printing why
 */
int s390_boot_linux(ulong addr, const char *rd_arg);

/** arch_boot_linux() - jump to a Linux kernel: does not return */
void arch_boot_linux(ulong entry, ulong fdt);

/** arch_boot_el() - (arm64) the exception level the kernel gets */
int arch_boot_el(void);

#endif
