/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Static device declarations (U_BOOT_DRVINFO()) are not supported:
 * virtboot boards bind their devices in board_init() with
 * device_bind_driver(). This header exists because U-Boot's <dm.h>
 * includes it.
 */
#ifndef _DM_PLATDATA_H
#define _DM_PLATDATA_H

#endif
