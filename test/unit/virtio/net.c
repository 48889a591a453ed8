// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the virtio-net driver and the Ethernet layer against the
 * sandbox's emulated virtio-net device, whose other end is libslirp: an
 * ARP request for the host (10.0.2.2) must come back answered in every
 * header layout (VERSION_1, legacy with and without MRG_RXBUF), with
 * deferred completion and with fewer buffers than the driver would post;
 * after a bad used entry or a frame the device never takes, the driver
 * resets the device and the next exchange works. And the MAC address
 * helpers, the alias look-up, the environment's address.
 */

#include <common.h>
#include <bootm.h>
#include <dm.h>
#include <env.h>
#include <net.h>
#include <time.h>
#include <virtio.h>
#include <virtio_net.h>
#include <virtio_sandbox.h>
#include <dm/device-internal.h>
#include <test/ut.h>
#include "vsb_ut.h"

static const u8 vn_mac[ARP_HLEN] = { 0x52, 0x54, 0, 0x12, 0x34, 0x56 };
/* libslirp's address for the host and its other services */
static const u8 vn_host_mac[ARP_HLEN] = { 0x52, 0x55, 10, 0, 2, 2 };

static int vn_add(const char *spec, const char *fault, struct udevice **udevp,
		  struct udevice **ndevp)
{
	return vsb_ut_add("net", &spec, 1, "utnet", fault, udevp, ndevp);
}

/* Remove the device and the variable its probe set */
static int vn_remove(struct unit_test_state *uts, struct udevice *udev,
		     struct udevice *ndev)
{
	char name[16];

	if (dev_seq(ndev))
		snprintf(name, sizeof(name), "eth%daddr", dev_seq(ndev));
	else
		strcpy(name, "ethaddr");
	env_set(name, NULL);

	return vsb_ut_remove(uts, udev);
}

/* An ARP request from 10.0.2.15 (@mac) for 10.0.2.2 */
static int vn_arp_request(u8 *f, const u8 *mac)
{
	static const u8 arp_hdr[] = { 0, 1, 8, 0, 6, 4, 0, 1 };

	memset(f, 0xff, ARP_HLEN);
	memcpy(f + 6, mac, ARP_HLEN);
	f[12] = 0x08;
	f[13] = 0x06;
	memcpy(f + 14, arp_hdr, sizeof(arp_hdr));
	memcpy(f + 22, mac, ARP_HLEN);
	memcpy(f + 28, "\x0a\x00\x02\x0f", 4);
	memset(f + 32, 0, ARP_HLEN);
	memcpy(f + 38, "\x0a\x00\x02\x02", 4);
	memset(f + 42, 0, 18);

	return 60;
}

/*
 * Send an ARP request on @ndev and wait (1 s at most) for the answer: the
 * host's address for 10.0.2.2, to our MAC address.
 */
static int vn_arp(struct unit_test_state *uts, struct udevice *ndev)
{
	const struct eth_ops *ops = eth_get_ops(ndev);
	struct eth_pdata *pdata = dev_get_plat(ndev);
	u8 frame[64] __aligned(8);
	ulong start = get_timer(0);
	uchar *pkt;
	int len;

	ut_assertok(ops->send(ndev, frame, vn_arp_request(frame,
							  pdata->enetaddr)));
	while (get_timer(start) < 1000) {
		len = ops->recv(ndev, ETH_RECV_CHECK_DEVICE, &pkt);
		if (len == -EAGAIN || len == -EIO)
			continue;
		ut_assert(len >= 42);
		ut_asserteq_mem(pdata->enetaddr, pkt, ARP_HLEN);
		ut_asserteq_mem(vn_host_mac, pkt + 6, ARP_HLEN);
		ut_asserteq(0x0806, pkt[12] << 8 | pkt[13]);
		ut_asserteq(2, pkt[21]);		/* a reply */
		ut_asserteq_mem(vn_host_mac, pkt + 22, ARP_HLEN);
		ut_asserteq_mem("\x0a\x00\x02\x02", pkt + 28, 4);
		ut_assertok(ops->free_pkt(ndev, pkt, len));
		return 0;
	}
	ut_assertf(false, "no ARP reply within 1 s");

	return 0;
}

static int vn_arp_spec(struct unit_test_state *uts, const char *spec,
		       bool legacy, u32 hdr_features)
{
	struct udevice *udev, *ndev;
	struct virtio_dev_priv *uc_priv;
	struct eth_pdata *pdata;
	int i;

	ut_assertok(vn_add(spec, NULL, &udev, &ndev));
	uc_priv = dev_get_uclass_priv(udev);
	pdata = dev_get_plat(ndev);
	ut_asserteq(UCLASS_ETH, device_get_uclass_id(ndev));
	ut_asserteq(legacy, uc_priv->legacy);
	ut_asserteq(hdr_features,
		    virtio_has_feature(ndev, VIRTIO_NET_F_MRG_RXBUF));
	ut_asserteq_mem(vn_mac, pdata->enetaddr, ARP_HLEN);
	ut_assertok(eth_get_ops(ndev)->start(ndev));
	/* More exchanges than receive buffers: each goes back */
	for (i = 0; i < 40; i++)
		ut_assertok(vn_arp(uts, ndev));
	/* A second start recycles what came meanwhile */
	ut_assertok(eth_get_ops(ndev)->start(ndev));
	ut_assertok(vn_arp(uts, ndev));

	return vn_remove(uts, udev, ndev);
}

static int virtio_net_headers(struct unit_test_state *uts)
{
	ut_assertok(vn_arp_spec(uts, "user", false, true));
	ut_assertok(vn_arp_spec(uts, "user,nomrg", false, false));
	/* the legacy 12-byte header, then the 10-byte one */
	ut_assertok(vn_arp_spec(uts, "user,legacy", true, true));
	ut_assertok(vn_arp_spec(uts, "user,legacy,nomrg", true, false));
	ut_assertok(vn_arp_spec(uts, "user,defer", false, true));
	ut_assertok(vn_arp_spec(uts, "user,queue=4", false, true));

	return 0;
}
UNIT_TEST(virtio_net_headers, 0, virtio);

/*
 * The device breaks the ring, or never takes a frame: reset, then works.
 * @send_err: what send() returns when the fault hits the frame it sends
 * (a ring fault may hit the answer instead: recv() then sees it)
 */
static int vn_fault(struct unit_test_state *uts, const char *fault,
		    int send_err, bool may_pass)
{
	struct udevice *udev, *ndev;
	struct virtio_sandbox_dev *vd;
	unsigned int resets;
	u8 frame[64];
	int i, len, ret;
	uchar *pkt;

	ut_assertok(vn_add("user", NULL, &udev, &ndev));
	vd = sandbox_virtio_get_dev(udev);
	ut_assertok(eth_get_ops(ndev)->start(ndev));
	ut_assertok(vn_arp(uts, ndev));
	resets = vd->stats.resets;
	ut_assertok(sandbox_virtio_arm_fault(udev, fault));
	len = vn_arp_request(frame, vn_mac);
	ret = eth_get_ops(ndev)->send(ndev, frame, len);
	ut_assert(ret == send_err || (may_pass && !ret));
	/* A broken receive queue shows in recv(), once */
	for (i = 0; i < 100; i++) {
		len = eth_get_ops(ndev)->recv(ndev, ETH_RECV_CHECK_DEVICE, &pkt);
		if (len >= 0)
			eth_get_ops(ndev)->free_pkt(ndev, pkt, len);
		if (len == -EIO)
			break;
	}
	ut_asserteq(resets + 1, vd->stats.resets);
	sandbox_virtio_clear_faults(udev);
	ut_assertok(vn_arp(uts, ndev));

	return vn_remove(uts, udev, ndev);
}

static int virtio_net_faults(struct unit_test_state *uts)
{
	/* A bad used entry: send() or recv() resets the device */
	ut_assertok(vn_fault(uts, "used-id-range,count=1", -EIO, true));
	ut_assertok(vn_fault(uts, "used-len,count=1", -EIO, true));
	/* The frame is never taken: send() times out and resets it */
	ut_assertok(vn_fault(uts, "never-complete,count=1", -ETIMEDOUT,
			     false));

	return 0;
}
UNIT_TEST(virtio_net_faults, 0, virtio);

/* The Ethernet layer: aliases, the environment's address, the helpers */
static int virtio_net_eth(struct unit_test_state *uts)
{
	static const u8 env_mac[ARP_HLEN] = { 2, 0, 0, 0, 0, 1 };
	struct udevice *udev, *ndev;
	struct eth_pdata *pdata;
	char alias[16];
	u8 mac[ARP_HLEN];

	string_to_enetaddr("52:54:00:12:34:56", mac);
	ut_asserteq_mem(vn_mac, mac, ARP_HLEN);
	string_to_enetaddr(NULL, mac);
	ut_assert(is_zero_ethaddr(mac));
	ut_assert(!is_valid_ethaddr(mac));
	string_to_enetaddr("01:00:5e:00:00:01", mac);
	ut_assert(is_multicast_ethaddr(mac) && !is_valid_ethaddr(mac));
	string_to_enetaddr("ff:ff:ff:ff:ff:ff", mac);
	ut_assert(is_broadcast_ethaddr(mac));

	ut_assertok(vn_add("user", NULL, &udev, &ndev));
	pdata = dev_get_plat(ndev);
	snprintf(alias, sizeof(alias), "eth%d", dev_seq(ndev));
	ut_asserteq_ptr(ndev, eth_get_dev_by_name(alias));
	ut_asserteq_ptr(ndev, eth_get_dev_by_name(ndev->name));
	ut_assertnull(eth_get_dev_by_name("eth"));
	ut_assertnull(eth_get_dev_by_name("eth9x"));
	/* The probe set the variable from the device */
	ut_assert(eth_env_get_enetaddr_by_index("eth", dev_seq(ndev), mac));
	ut_asserteq_mem(vn_mac, mac, ARP_HLEN);

	/* A new address in the environment is taken at the next start */
	eth_set_dev(ndev);
	ut_assertok(eth_env_set_enetaddr_by_index("eth", dev_seq(ndev),
						  (uchar *)env_mac));
	ut_assertok(eth_init());
	ut_asserteq_mem(env_mac, pdata->enetaddr, ARP_HLEN);
	ut_assert(eth_is_active(ndev));
	ut_assertok(vn_arp(uts, ndev));
	eth_halt();
	ut_assert(!eth_is_active(ndev));

	ut_assertok(vn_remove(uts, udev, ndev));
	/* The current device went with it */
	ut_assert(eth_get_dev() != ndev);

	return 0;
}
UNIT_TEST(virtio_net_eth, 0, virtio);

#ifdef CONFIG_BOOTM
/*
 * The hand-over before an OS starts (bootm_announce_and_cleanup()): a
 * running network device, its receive buffers posted, is reset and
 * removed, so that no frame arriving later is written anywhere.
 */
static int virtio_net_handover(struct unit_test_state *uts)
{
	struct virtio_sandbox_dev *vd;
	struct udevice *udev, *ndev;

	ut_assertok(vn_add("user", NULL, &udev, &ndev));
	vd = sandbox_virtio_get_dev(udev);
	eth_set_dev(ndev);
	ut_assertok(eth_init());
	ut_assert(vd->status & VIRTIO_CONFIG_S_DRIVER_OK);
	eth_halt();
	/* Halted, the device still owns its receive buffers */
	ut_assert(vd->status & VIRTIO_CONFIG_S_DRIVER_OK);

	bootm_announce_and_cleanup();
	ut_assert(!device_active(ndev));
	ut_asserteq(0, vd->status);

	ut_assertok(vn_remove(uts, udev, ndev));
	return 0;
}
UNIT_TEST(virtio_net_handover, 0, virtio);
#endif
