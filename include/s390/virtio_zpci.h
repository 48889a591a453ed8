/* SPDX-License-Identifier: GPL-2.0-or-later */
/* virtio-pci over zPCI: what the board needs to bind one. */
#ifndef __S390_VIRTIO_ZPCI_H
#define __S390_VIRTIO_ZPCI_H

struct udevice;
struct zpci_function;

/**
 * virtio_zpci_bind() - bind a virtio-pci transport for a zPCI function
 * @parent: parent device (the root)
 * @f: the function, as zpci_scan() found it
 * @devp: returns the new device (may be NULL)
 * Return: 0, -ENODEV if @f is not a virtio function, or an error of
 *	device_bind()
 */
int virtio_zpci_bind(struct udevice *parent, const struct zpci_function *f,
		     struct udevice **devp);

#endif
