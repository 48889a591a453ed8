/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Platform data of the virtio-mmio transport (drivers/virtio/virtio_mmio.c). */
#ifndef __VIRTIO_MMIO_H
#define __VIRTIO_MMIO_H

#include <linux/types.h>

/**
 * struct virtio_mmio_plat - one virtio-mmio slot
 * @base:	physical address of its registers (a "virtio,mmio" node's reg)
 */
struct virtio_mmio_plat {
	phys_addr_t base;
};

#endif
