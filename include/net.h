/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PROVISIONAL (branch lwip): the subset of U-Boot's driver-model Ethernet
 * API that net/lwip/ uses, by U-Boot's names and signatures, until the
 * net branch's header of the Ethernet layer is merged and replaces it.
 */
#ifndef __NET_H
#define __NET_H

#include <linux/types.h>

struct udevice;

#define ARP_HLEN		6
#define PKTSIZE			1522
#define PKTSIZE_ALIGN		1536
#define PKTALIGN		64

/* recv() flag: check the device for new packets */
#define ETH_RECV_CHECK_DEVICE	1

/**
 * struct eth_pdata - platform data of an Ethernet device
 * @iobase:	registers
 * @enetaddr:	MAC address
 * @phy_interface: PHY interface
 * @max_speed:	maximum speed
 * @priv_pdata:	driver's own data
 */
struct eth_pdata {
	phys_addr_t iobase;
	unsigned char enetaddr[ARP_HLEN];
	int phy_interface;
	int max_speed;
	void *priv_pdata;
};

/**
 * struct eth_ops - operations of an Ethernet driver
 * @start:	bring the device up
 * @send:	send one frame (synchronously)
 * @recv:	return the next received frame: its length, with *@packetp
 *		set, or -EAGAIN when there is none
 * @free_pkt:	give a frame recv() returned back to the driver
 * @stop:	bring the device down
 * @write_hwaddr: program the MAC address
 */
struct eth_ops {
	int (*start)(struct udevice *dev);
	int (*send)(struct udevice *dev, void *packet, int length);
	int (*recv)(struct udevice *dev, int flags, uchar **packetp);
	int (*free_pkt)(struct udevice *dev, uchar *packet, int length);
	void (*stop)(struct udevice *dev);
	int (*write_hwaddr)(struct udevice *dev);
};

#define eth_get_ops(dev) ((struct eth_ops *)(dev)->driver->ops)

/**
 * eth_get_dev() - the current Ethernet device
 * Return: the device, or NULL when there is none
 */
struct udevice *eth_get_dev(void);

/**
 * eth_init() - start the current Ethernet device
 * Return: 0 or a negative errno
 */
int eth_init(void);

/** eth_halt() - stop the current Ethernet device */
void eth_halt(void);

#endif
