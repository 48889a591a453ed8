/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Ethernet devices (UCLASS_ETH), with U-Boot 2023.01's driver-model
 * names and signatures (the CONFIG_DM_ETH part of its <net.h>).
 *
 * A driver (virtio-net) implements struct eth_ops and keeps its MAC
 * address in struct eth_pdata (its plat). The uclass (net/eth-uclass.c)
 * picks the current device (ethact, ethprime, else eth0), keeps the
 * environment's ethaddr/eth1addr/... and the devices' addresses in step
 * and starts and stops the current device for the network stack (lwIP,
 * net/lwip/). See doc/develop/net.md.
 */
#ifndef __NET_H
#define __NET_H

#include <linux/types.h>

struct udevice;

#define ARP_HLEN		6	/* bytes of a MAC address */
#define PKTSIZE			1522	/* largest frame: VLAN tag, no FCS */
#define PKTSIZE_ALIGN		1536
#define PKTALIGN		64	/* alignment of frame buffers */
#define ETH_FCS_LEN		4

/**
 * enum eth_state_t - state of an Ethernet device
 * @ETH_STATE_INIT:	probed, never started
 * @ETH_STATE_PASSIVE:	stopped
 * @ETH_STATE_ACTIVE:	started: frames may be sent and received
 */
enum eth_state_t {
	ETH_STATE_INIT,
	ETH_STATE_PASSIVE,
	ETH_STATE_ACTIVE
};

/**
 * struct eth_pdata - platform data of an Ethernet device
 * @iobase:	registers (unused by virtio-net)
 * @enetaddr:	MAC address: the device's (read_rom_hwaddr()), or the
 *		environment's when that is set
 * @phy_interface: PHY interface (unused)
 * @max_speed:	maximum speed (unused)
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
 * enum eth_recv_flags - flags of eth_ops.recv()
 * @ETH_RECV_CHECK_DEVICE: look at the device for new frames (else only
 *			   return frames the driver already holds)
 */
enum eth_recv_flags {
	ETH_RECV_CHECK_DEVICE		= 1 << 0,
};

/**
 * struct eth_ops - operations of an Ethernet driver
 *
 * @start:	make the device ready to send and receive. Return 0 or -ve.
 * @send:	send one frame of @length bytes (no FCS); return when the
 *		device has taken it. Return 0 or -ve (-ETIMEDOUT...).
 * @recv:	take the next received frame: its length, with *@packetp
 *		pointing at it (the driver's buffer), or -EAGAIN when there is
 *		none, or another -ve error. A return of 0 or more is followed
 *		by free_pkt().
 * @free_pkt:	give back a frame recv() returned (optional)
 * @stop:	stop the device (may be called when it is not started)
 * @mcast:	join or leave a multicast group (optional)
 * @write_hwaddr: program eth_pdata.enetaddr into the device (optional;
 *		-ENOSYS: it cannot)
 * @read_rom_hwaddr: fill eth_pdata.enetaddr from the device (optional)
 * @set_promisc: receive every frame or not (optional)
 */
struct eth_ops {
	int (*start)(struct udevice *dev);
	int (*send)(struct udevice *dev, void *packet, int length);
	int (*recv)(struct udevice *dev, int flags, uchar **packetp);
	int (*free_pkt)(struct udevice *dev, uchar *packet, int length);
	void (*stop)(struct udevice *dev);
	int (*mcast)(struct udevice *dev, const u8 *enetaddr, int join);
	int (*write_hwaddr)(struct udevice *dev);
	int (*read_rom_hwaddr)(struct udevice *dev);
	int (*set_promisc)(struct udevice *dev, bool enable);
};

#define eth_get_ops(dev) ((struct eth_ops *)(dev)->driver->ops)

/**
 * eth_get_dev() - the current Ethernet device
 *
 * The first call probes the virtio devices (virtio_init()), on which the
 * Ethernet devices are found. Without a current device, the one of
 * sequence 0 (eth0), else the first that probes, becomes current.
 *
 * Return: the device (probed), or NULL when there is none
 */
struct udevice *eth_get_dev(void);

/**
 * eth_set_dev() - make @dev the current device
 * @dev:	the device (probed here if it is not yet), or NULL to forget
 *		the current one
 */
void eth_set_dev(struct udevice *dev);

/**
 * eth_get_dev_by_name() - a device by its name or its alias "eth<seq>"
 * @devname:	"virtio-net#0", "eth0", "eth1"...
 * Return: the device (probed), or NULL
 */
struct udevice *eth_get_dev_by_name(const char *devname);

/**
 * eth_get_ethaddr() - the MAC address of the current device
 * Return: its 6 bytes, or NULL without a device
 */
unsigned char *eth_get_ethaddr(void);

/**
 * eth_get_dev_index() - the sequence number of the current device
 * Return: N of ethN, or -1 without a device
 */
int eth_get_dev_index(void);

/**
 * eth_get_name() - the name of the current device
 * Return: its name, or "unknown"
 */
const char *eth_get_name(void);

/**
 * eth_is_active() - whether @dev is started
 * @dev:	an Ethernet device
 * Return: 1 if it is probed and started, else 0
 */
int eth_is_active(struct udevice *dev);

/**
 * eth_set_current() - choose the current device from the environment
 *
 * The device that ethact names (a name or "ethN"), else the one ethprime
 * names, else eth0 or the first one; then ethact is set to its name, as
 * U-Boot does before each network command.
 */
void eth_set_current(void);

/**
 * eth_init() - start the current device
 *
 * An address set in the environment (ethaddr, eth1addr...) since the
 * device was probed becomes the device's first (U-Boot does it when the
 * variable is set).
 *
 * Return: 0, -ENODEV without a device, or the driver's error
 */
int eth_init(void);

/** eth_halt() - stop the current device, if eth_init() started it */
void eth_halt(void);

/**
 * eth_send() - send one frame on the current device
 * @packet:	the frame (Ethernet header first, no FCS)
 * @length:	its length
 * Return: 0, -ENODEV, -EINVAL if the device is not started, or the
 *	   driver's error
 */
int eth_send(void *packet, int length);

/**
 * string_to_enetaddr() - parse "xx:xx:xx:xx:xx:xx"
 * @addr:	the string (NULL gives zeros)
 * @enetaddr:	the 6 bytes
 */
void string_to_enetaddr(const char *addr, uint8_t *enetaddr);

/**
 * eth_env_get_enetaddr() - a MAC address from an environment variable
 * @name:	"ethaddr", "eth1addr"...
 * @enetaddr:	the 6 bytes (zeros when unset)
 * Return: true if the address is valid (is_valid_ethaddr())
 */
int eth_env_get_enetaddr(const char *name, uint8_t *enetaddr);

/**
 * eth_env_set_enetaddr() - set an environment variable to a MAC address
 * @name:	"ethaddr", "eth1addr"...
 * @enetaddr:	the 6 bytes
 * Return: 0, or -ve from env_set()
 */
int eth_env_set_enetaddr(const char *name, const uint8_t *enetaddr);

/**
 * eth_env_get_enetaddr_by_index() - eth_env_get_enetaddr() of
 * <@base_name>addr (@index 0) or <@base_name><@index>addr
 * @base_name:	"eth"
 * @index:	sequence number of the device
 * @enetaddr:	the 6 bytes
 * Return: true if the address is valid
 */
int eth_env_get_enetaddr_by_index(const char *base_name, int index,
				  uchar *enetaddr);

/**
 * eth_env_set_enetaddr_by_index() - eth_env_set_enetaddr() of
 * <@base_name>addr (@index 0) or <@base_name><@index>addr
 * @base_name:	"eth"
 * @index:	sequence number of the device
 * @enetaddr:	the 6 bytes
 * Return: 0, or -ve
 */
int eth_env_set_enetaddr_by_index(const char *base_name, int index,
				  uchar *enetaddr);

/**
 * is_zero_ethaddr() - whether a MAC address is 00:00:00:00:00:00
 * @addr:	6 bytes
 */
static inline int is_zero_ethaddr(const u8 *addr)
{
	return !(addr[0] | addr[1] | addr[2] | addr[3] | addr[4] | addr[5]);
}

/**
 * is_multicast_ethaddr() - whether a MAC address is a group address
 * (broadcast included)
 * @addr:	6 bytes
 */
static inline int is_multicast_ethaddr(const u8 *addr)
{
	return 0x01 & addr[0];
}

/**
 * is_broadcast_ethaddr() - whether a MAC address is ff:ff:ff:ff:ff:ff
 * @addr:	6 bytes
 */
static inline int is_broadcast_ethaddr(const u8 *addr)
{
	return (addr[0] & addr[1] & addr[2] & addr[3] & addr[4] & addr[5]) ==
		0xff;
}

/**
 * is_valid_ethaddr() - whether a MAC address may be a device's: neither
 * zero nor a group address
 * @addr:	6 bytes
 */
static inline int is_valid_ethaddr(const u8 *addr)
{
	return !is_multicast_ethaddr(addr) && !is_zero_ethaddr(addr);
}

#endif
