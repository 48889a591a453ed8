/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Platform data of the PL011 UART driver (drivers/serial/serial_pl011.c). */
#ifndef __SERIAL_PL01X_H
#define __SERIAL_PL01X_H

#include <linux/types.h>

/**
 * struct pl01x_serial_plat - where the UART is
 * @base:	physical address of its registers (from the device tree)
 * @skip_init:	leave the line settings as the previous stage set them
 */
struct pl01x_serial_plat {
	phys_addr_t base;
	bool skip_init;
};

#endif
