/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * U-Boot's legacy image format (uImage), as mkimage writes it: a 64-byte
 * big-endian header, then the data. virtboot reads script images with it
 * ('source'); the layout and numbers are U-Boot's.
 */
#ifndef __IMAGE_H
#define __IMAGE_H

#include <linux/types.h>

#define IH_MAGIC	0x27051956	/* ih_magic of every legacy image */
#define IH_NMLEN	32		/* bytes of ih_name */
#define IH_TYPE_RAMDISK	3		/* ih_type of a ramdisk (mkimage -T ramdisk) */
#define IH_TYPE_SCRIPT	6		/* ih_type of a script (mkimage -T script) */
#define IH_COMP_NONE	0		/* ih_comp: not compressed */

/**
 * struct legacy_img_hdr - the header of a legacy image (all big-endian)
 * @ih_magic:	IH_MAGIC
 * @ih_hcrc:	CRC-32 of the header, computed with this field zero
 * @ih_time:	creation time, seconds since 1970
 * @ih_size:	bytes of data after the header
 * @ih_load:	load address
 * @ih_ep:	entry point
 * @ih_dcrc:	CRC-32 of the data
 * @ih_os:	operating system (IH_OS_*)
 * @ih_arch:	CPU architecture (IH_ARCH_*)
 * @ih_type:	image type, e.g. IH_TYPE_SCRIPT
 * @ih_comp:	compression, e.g. IH_COMP_NONE
 * @ih_name:	image name, NUL-padded
 *
 * A script's data is a multi-file image of one file: 32-bit big-endian
 * lengths ending with a zero one, then the script text.
 */
struct legacy_img_hdr {
	u32 ih_magic;
	u32 ih_hcrc;
	u32 ih_time;
	u32 ih_size;
	u32 ih_load;
	u32 ih_ep;
	u32 ih_dcrc;
	u8 ih_os;
	u8 ih_arch;
	u8 ih_type;
	u8 ih_comp;
	u8 ih_name[IH_NMLEN];
} __packed;

_Static_assert(sizeof(struct legacy_img_hdr) == 64, "legacy_img_hdr size");

/**
 * image_legacy_check() - find the data of a legacy image in memory
 * @addr:	the header's address
 * @type:	the image type wanted (IH_TYPE_*)
 * @what:	the command, for messages
 * @datap:	set to the data (after the header)
 * @sizep:	set to its size
 *
 * Checks the header CRC, the data CRC (unless $verify is "n"), the type
 * and that the data is not compressed, printing U-Boot's message when
 * one fails.
 * Return: 0; -ENOENT if there is no legacy header (nothing printed);
 * -EINVAL or -EFAULT after printing why
 */
int image_legacy_check(ulong addr, int type, const char *what,
		       const u8 **datap, ulong *sizep);

/**
 * fit_locate_script() - the script of a FIT image, as U-Boot's source
 * finds it
 * @addr:	the image (a flattened device tree with an /images node)
 * @uname:	the image wanted by name ("": /images' default); NULL: by
 *		configuration
 * @conf:	the configuration whose "script" names the image ("": the
 *		default configuration); NULL: the default configuration if
 *		it names a script, else the default image
 * @textp:	set to the script
 * @lenp:	set to its length
 *
 * The image must be of type "script"; with $verify not "n" its hash
 * nodes (crc32, md5) must match. Every failure prints U-Boot's line.
 *
 * Return: 0, -ENOENT (no such image or configuration), -EINVAL
 */
int fit_locate_script(ulong addr, const char *uname, const char *conf,
		      const char **textp, ulong *lenp);

#endif
