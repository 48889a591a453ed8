/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Where an s390x Linux kernel image wants its pieces, as zipl's loader
 * and QEMU's -kernel place them: shared by the firmware's booti
 * (boot/image_s390.c) and the host tool tools/mkzipl.c, so it holds
 * numbers only (no includes).
 */
#ifndef __S390_LINUX_IMAGE_H
#define __S390_LINUX_IMAGE_H

#define IMAGE_ADDR		0x10000UL	/* where the kernel runs */
#define S390EP_OFFSET		0x10008		/* "S390EP" in a file from 0 */
#define PARM_INITRD_START	0x408		/* from IMAGE_ADDR */
#define PARM_INITRD_SIZE	0x410
#define PARM_MAX_CMDLINE	0x430
#define PARM_CMDLINE		0x480
#define CMDLINE_OLD_MAX		896		/* before PARM_MAX_CMDLINE */
#define INITRD_MIN_ADDR		0x800000UL	/* where QEMU's -kernel puts it */
#define PSW_LOAD		0x0008000080000000ULL	/* 64-bit addressing */

#endif
