// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * PROVISIONAL (branch lwip): no Ethernet device until the Ethernet layer
 * (the net branch: eth-uclass, virtio-net) is merged, whose definitions
 * replace these.
 */

#include <common.h>
#include <net.h>
#include <linux/errno.h>

__weak struct udevice *eth_get_dev(void)
{
	return NULL;
}

__weak int eth_init(void)
{
	return -ENODEV;
}

__weak void eth_halt(void)
{
}
