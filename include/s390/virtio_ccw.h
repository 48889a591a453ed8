/* SPDX-License-Identifier: GPL-2.0-or-later */
/* virtio-ccw transport: where a device is. */
#ifndef __S390_VIRTIO_CCW_H
#define __S390_VIRTIO_CCW_H

#include <linux/types.h>

/**
 * struct virtio_ccw_plat - where a virtio-ccw device is, as its probe
 * copied it from the channel-subsystem bus (struct css_device)
 * @schid:	subchannel id word
 * @devno:	device number
 * @device:	virtio device id (the SENSE ID control-unit model)
 */
struct virtio_ccw_plat {
	u32 schid;
	u16 devno;
	u8 device;
};

#endif
