/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The control device tree: the flattened tree that describes the machine
 * to the firmware (on qemu-arm64 the one QEMU writes at the start of RAM).
 * The board says where it is (board_fdt_blob_setup()), fdtdec_setup()
 * keeps it, and the driver model binds devices from it (dm_scan_fdt()).
 * Without CONFIG_OF_CONTROL there is none.
 */
#ifndef __FDTDEC_H
#define __FDTDEC_H

#include <linux/types.h>

/* An address or size read from the device tree; NONE if there is none */
typedef phys_addr_t fdt_addr_t;
typedef phys_size_t fdt_size_t;
#define FDT_ADDR_T_NONE		((fdt_addr_t)-1)

/**
 * board_fdt_blob_setup() - board hook: where the control device tree is
 * @err:	set to 0, or to an error if the board has a tree but it is
 *		unusable (the board checks it with fdt_check())
 *
 * The default (weak) has none: it returns NULL with *@err = 0.
 *
 * Return: the tree, or NULL
 */
void *board_fdt_blob_setup(int *err);

/**
 * fdtdec_setup() - find the control device tree (board_fdt_blob_setup())
 * and keep it for gd_fdt_blob()
 * Return: 0 (also when there is no tree), or the board's error
 */
int fdtdec_setup(void);

/** gd_fdt_blob() - the control device tree, NULL if there is none */
const void *gd_fdt_blob(void);

/**
 * gd_set_fdt_blob() - (virtboot) replace the control device tree; U-Boot's
 * tests assign gd->fdt_blob, ours call this
 * @blob:	a tree that passed fdt_check(), or NULL for none
 */
void gd_set_fdt_blob(const void *blob);

#endif
