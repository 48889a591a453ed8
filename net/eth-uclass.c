// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * UCLASS_ETH: the Ethernet devices and the current one, as U-Boot's
 * driver-model Ethernet layer keeps them.
 *
 * Ethernet devices are children of other buses (virtio-net on a virtio
 * transport), so the first look for one probes the virtio devices. The
 * current device is the one network commands use: ethact names it
 * (eth_set_current() before each command), else ethprime, else eth0.
 * When a device probes, its MAC address (the driver's read_rom_hwaddr())
 * and the environment's ethaddr (eth0), eth1addr (eth1)... are put in
 * step: a variable already set wins, with a warning if they differ; else
 * the variable is set from the device. eth_init() applies a variable set
 * later (U-Boot does it in the variable's callback, which we do not have).
 */

#include <common.h>
#include <dm.h>
#include <dm/device-internal.h>
#include <env.h>
#include <net.h>
#include <virtio.h>
#include <linux/errno.h>

/**
 * struct eth_device_priv - uclass data of each Ethernet device
 * @state:	enum eth_state_t
 * @running:	started by eth_init() and not stopped since
 */
struct eth_device_priv {
	enum eth_state_t state;
	bool running;
};

/**
 * struct eth_device_plat - uclass data of each device, kept across probes
 * @no_addr_shown: "address not set" was printed (a device without an
 *		address fails every probe: say it once)
 */
struct eth_device_plat {
	bool no_addr_shown;
};

/**
 * struct eth_uclass_priv - data of the uclass
 * @current:	the device the network commands use
 * @scanned:	the buses Ethernet devices hang off were probed
 */
struct eth_uclass_priv {
	struct udevice *current;
	bool scanned;
};

static struct eth_uclass_priv *eth_get_uclass_priv(void)
{
	struct uclass *uc;

	if (uclass_get(UCLASS_ETH, &uc))
		return NULL;

	return uclass_get_priv(uc);
}

/* Probe the buses once, so that their Ethernet devices are bound */
static struct eth_uclass_priv *eth_scan(void)
{
	struct eth_uclass_priv *uc_priv = eth_get_uclass_priv();

	if (uc_priv && !uc_priv->scanned) {
		uc_priv->scanned = true;
		if (IS_ENABLED(CONFIG_VIRTIO))
			virtio_init();
	}

	return uc_priv;
}

struct udevice *eth_get_dev(void)
{
	struct eth_uclass_priv *uc_priv = eth_scan();

	if (!uc_priv)
		return NULL;
	if (!uc_priv->current &&
	    uclass_get_device_by_seq(UCLASS_ETH, 0, &uc_priv->current) &&
	    uclass_first_device_err(UCLASS_ETH, &uc_priv->current))
		uc_priv->current = NULL;

	return uc_priv->current;
}

void eth_set_dev(struct udevice *dev)
{
	struct eth_uclass_priv *uc_priv = eth_get_uclass_priv();

	if (dev && device_probe(dev))
		dev = NULL;
	if (uc_priv)
		uc_priv->current = dev;
}

struct udevice *eth_get_dev_by_name(const char *devname)
{
	struct udevice *dev;
	struct uclass *uc;
	char *end = NULL;
	int seq = -1;

	/* "eth<N>" is the alias of the device of sequence N */
	if (!strncmp(devname, "eth", 3) && devname[3]) {
		seq = dectoul(devname + 3, &end);
		if (*end)
			seq = -1;
	}
	if (!eth_scan() || uclass_get(UCLASS_ETH, &uc))
		return NULL;
	uclass_foreach_dev(dev, uc) {
		if (device_probe(dev))
			continue;
		if (!strcmp(dev->name, devname) || dev_seq(dev) == seq)
			return dev;
	}

	return NULL;
}

unsigned char *eth_get_ethaddr(void)
{
	struct udevice *dev = eth_get_dev();

	return dev ? ((struct eth_pdata *)dev_get_plat(dev))->enetaddr : NULL;
}

int eth_get_dev_index(void)
{
	struct udevice *dev = eth_get_dev();

	return dev ? dev_seq(dev) : -1;
}

const char *eth_get_name(void)
{
	struct udevice *dev = eth_get_dev();

	return dev ? dev->name : "unknown";
}

int eth_is_active(struct udevice *dev)
{
	struct eth_device_priv *priv;

	if (!dev || !device_active(dev))
		return 0;
	priv = dev_get_uclass_priv(dev);

	return priv->state == ETH_STATE_ACTIVE;
}

/* ethact follows the current device */
static void eth_current_changed(void)
{
	const char *act = env_get("ethact");
	struct udevice *dev = eth_get_dev();

	if (dev) {
		if (!act || strcmp(act, dev->name))
			env_set("ethact", dev->name);
	} else if (act) {
		env_set("ethact", NULL);
	}
}

void eth_set_current(void)
{
	const char *act = env_get("ethact");
	const char *prime = env_get("ethprime");
	struct udevice *dev = NULL;

	if (act)
		dev = eth_get_dev_by_name(act);
	else if (prime)
		dev = eth_get_dev_by_name(prime);
	eth_set_dev(dev);
	eth_current_changed();
}

/* Program the address into the device, if its driver can */
static int eth_write_hwaddr(struct udevice *dev)
{
	struct eth_pdata *pdata = dev_get_plat(dev);
	int ret;

	if (!eth_get_ops(dev)->write_hwaddr)
		return 0;
	if (!is_valid_ethaddr(pdata->enetaddr)) {
		printf("\nError: %s address %pM illegal value\n", dev->name,
		       pdata->enetaddr);
		return -EINVAL;
	}
	ret = eth_get_ops(dev)->write_hwaddr(dev);
	if (ret == -ENOSYS)
		return 0;
	if (ret)
		printf("\nWarning: %s failed to set MAC address\n", dev->name);

	return ret;
}

int eth_init(void)
{
	struct udevice *dev = eth_get_dev();
	struct eth_device_priv *priv;
	struct eth_pdata *pdata;
	u8 env_enetaddr[ARP_HLEN];
	int ret;

	if (!dev)
		return -ENODEV;
	pdata = dev_get_plat(dev);
	if (eth_env_get_enetaddr_by_index("eth", dev_seq(dev), env_enetaddr) &&
	    memcmp(env_enetaddr, pdata->enetaddr, ARP_HLEN)) {
		memcpy(pdata->enetaddr, env_enetaddr, ARP_HLEN);
		eth_write_hwaddr(dev);
	}
	ret = eth_get_ops(dev)->start(dev);
	if (ret < 0)
		return ret;
	priv = dev_get_uclass_priv(dev);
	priv->state = ETH_STATE_ACTIVE;
	priv->running = true;

	return 0;
}

void eth_halt(void)
{
	struct udevice *dev = eth_get_dev();
	struct eth_device_priv *priv;

	if (!dev)
		return;
	priv = dev_get_uclass_priv(dev);
	if (!priv->running)
		return;
	eth_get_ops(dev)->stop(dev);
	priv->state = ETH_STATE_PASSIVE;
	priv->running = false;
}

int eth_send(void *packet, int length)
{
	struct udevice *dev = eth_get_dev();

	if (!dev)
		return -ENODEV;
	if (!eth_is_active(dev))
		return -EINVAL;

	return eth_get_ops(dev)->send(dev, packet, length);
}

void string_to_enetaddr(const char *addr, uint8_t *enetaddr)
{
	char *end;
	int i;

	for (i = 0; i < ARP_HLEN; i++) {
		enetaddr[i] = addr ? hextoul(addr, &end) : 0;
		if (addr)
			addr = *end ? end + 1 : end;
	}
}

int eth_env_get_enetaddr(const char *name, uint8_t *enetaddr)
{
	string_to_enetaddr(env_get(name), enetaddr);

	return is_valid_ethaddr(enetaddr);
}

int eth_env_set_enetaddr(const char *name, const uint8_t *enetaddr)
{
	char buf[ARP_HLEN * 3];

	snprintf(buf, sizeof(buf), "%pM", enetaddr);

	return env_set(name, buf);
}

static void eth_enetaddr_var(char *buf, size_t size, const char *base_name,
			     int index)
{
	if (index)
		snprintf(buf, size, "%s%daddr", base_name, index);
	else
		snprintf(buf, size, "%saddr", base_name);
}

int eth_env_get_enetaddr_by_index(const char *base_name, int index,
				  uchar *enetaddr)
{
	char name[32];

	eth_enetaddr_var(name, sizeof(name), base_name, index);

	return eth_env_get_enetaddr(name, enetaddr);
}

int eth_env_set_enetaddr_by_index(const char *base_name, int index,
				  uchar *enetaddr)
{
	char name[32];

	eth_enetaddr_var(name, sizeof(name), base_name, index);

	return eth_env_set_enetaddr(name, enetaddr);
}

static int eth_post_bind(struct udevice *dev)
{
	if (strchr(dev->name, ' ')) {
		printf("\nError: eth device name \"%s\" has a space!\n",
		       dev->name);
		return -EINVAL;
	}

	return 0;
}

static int eth_pre_unbind(struct udevice *dev)
{
	struct eth_uclass_priv *uc_priv = eth_get_uclass_priv();

	/* Do not keep a pointer to a device that goes away */
	if (uc_priv && uc_priv->current == dev)
		uc_priv->current = NULL;

	return 0;
}

static int eth_post_probe(struct udevice *dev)
{
	struct eth_device_priv *priv = dev_get_uclass_priv(dev);
	struct eth_pdata *pdata = dev_get_plat(dev);
	u8 env_enetaddr[ARP_HLEN];

	priv->state = ETH_STATE_INIT;
	priv->running = false;
	if (eth_get_ops(dev)->read_rom_hwaddr)
		eth_get_ops(dev)->read_rom_hwaddr(dev);

	eth_env_get_enetaddr_by_index("eth", dev_seq(dev), env_enetaddr);
	if (!is_zero_ethaddr(env_enetaddr)) {
		if (!is_zero_ethaddr(pdata->enetaddr) &&
		    memcmp(pdata->enetaddr, env_enetaddr, ARP_HLEN)) {
			printf("\nWarning: %s MAC addresses don't match:\n",
			       dev->name);
			printf("Address in ROM is\t\t%pM\n", pdata->enetaddr);
			printf("Address in environment is\t%pM\n",
			       env_enetaddr);
		}
		/* The environment's address wins over the device's */
		memcpy(pdata->enetaddr, env_enetaddr, ARP_HLEN);
	} else if (is_valid_ethaddr(pdata->enetaddr)) {
		eth_env_set_enetaddr_by_index("eth", dev_seq(dev),
					      pdata->enetaddr);
	} else {
		struct eth_device_plat *plat = dev_get_uclass_plat(dev);

		if (!plat->no_addr_shown)
			printf("\nError: %s address not set.\n", dev->name);
		plat->no_addr_shown = true;
		return -EINVAL;
	}
	/* A device that cannot take the address still works with its own */
	eth_write_hwaddr(dev);

	return 0;
}

static int eth_pre_remove(struct udevice *dev)
{
	struct eth_device_priv *priv = dev_get_uclass_priv(dev);
	struct eth_pdata *pdata = dev_get_plat(dev);

	eth_get_ops(dev)->stop(dev);
	priv->state = ETH_STATE_PASSIVE;
	priv->running = false;
	memset(pdata->enetaddr, 0, ARP_HLEN);

	return 0;
}

UCLASS_DRIVER(ethernet) = {
	.name		= "ethernet",
	.id		= UCLASS_ETH,
	.post_bind	= eth_post_bind,
	.pre_unbind	= eth_pre_unbind,
	.post_probe	= eth_post_probe,
	.pre_remove	= eth_pre_remove,
	.priv_auto	= sizeof(struct eth_uclass_priv),
	.per_device_auto = sizeof(struct eth_device_priv),
	.per_device_plat_auto = sizeof(struct eth_device_plat),
};
