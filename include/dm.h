/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The driver model: what a driver or board file includes.
 *
 * As U-Boot's, it pulls in <dm/read.h> (dev_read_addr() and friends, for
 * of_to_plat methods) and <dm/platdata.h> (U_BOOT_DRVINFO()).
 * U-Boot's <dm.h> does not pull in <dm/lists.h> (device_bind_driver())
 * nor <dm/root.h> (dm_root(), dm_init()); ours does, for the board and
 * start-up code. A file meant to build inside U-Boot too includes those,
 * and <dm/device-internal.h> (device_bind(), device_probe()), itself.
 */
#ifndef __DM_H
#define __DM_H

#include <dm/device.h>
#include <dm/lists.h>
#include <dm/ofnode.h>
#include <dm/platdata.h>
#include <dm/read.h>
#include <dm/root.h>
#include <dm/uclass.h>

#endif
