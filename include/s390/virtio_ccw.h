/* SPDX-License-Identifier: GPL-2.0-or-later */
/* virtio-ccw transport: what the board needs to bind one. */
#ifndef __S390_VIRTIO_CCW_H
#define __S390_VIRTIO_CCW_H

#include <linux/types.h>

struct udevice;
struct css_device;

/**
 * struct virtio_ccw_plat - where a virtio-ccw device is
 * @schid:	subchannel id word
 * @devno:	device number
 * @device:	virtio device id (the SENSE ID control-unit model)
 */
struct virtio_ccw_plat {
	u32 schid;
	u16 devno;
	u8 device;
};

/**
 * virtio_ccw_bind() - bind a virtio-ccw transport for a subchannel
 * @parent: parent device (the root)
 * @cdev: the subchannel, as css_scan() found it
 * @devp: returns the new device (may be NULL)
 * Return: 0, -ENODEV if @cdev is not a virtio control unit, or an error
 *	of device_bind()
 */
int virtio_ccw_bind(struct udevice *parent, const struct css_device *cdev,
		    struct udevice **devp);

#endif
