/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Types of values that cross the virtio boundary in the device's byte
 * order: little-endian for a VERSION_1 device, the guest's own order for
 * a legacy one. Convert them only with virtio16_to_cpu(), cpu_to_virtio32()
 * and friends from <virtio.h>.
 */
#ifndef __VIRTIO_TYPES_H__
#define __VIRTIO_TYPES_H__

#include <linux/types.h>

typedef __u16 __virtio16;
typedef __u32 __virtio32;
typedef __u64 __virtio64;

#endif /* __VIRTIO_TYPES_H__ */
