// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * 'net list': the Ethernet devices, as U-Boot's 'net list' prints them.
 */

#include <common.h>
#include <command.h>
#include <dm.h>
#include <net.h>

static int do_net_list(struct cmd_tbl *cmdtp, int flag, int argc,
		       char *const argv[])
{
	/* Finds the devices and probes them, when nothing did yet */
	const struct udevice *current = eth_get_dev();
	unsigned char env_enetaddr[ARP_HLEN];
	struct udevice *dev;
	struct uclass *uc;

	uclass_id_foreach_dev(UCLASS_ETH, dev, uc) {
		eth_env_get_enetaddr_by_index("eth", dev_seq(dev),
					      env_enetaddr);
		printf("eth%d : %s %pM %s\n", dev_seq(dev), dev->name,
		       env_enetaddr, current == dev ? "active" : "");
	}

	return CMD_RET_SUCCESS;
}

static struct cmd_tbl cmd_net[] = {
	U_BOOT_CMD_MKENT(list, 1, 0, do_net_list, "", ""),
};

static int do_net(struct cmd_tbl *cmdtp, int flag, int argc,
		  char *const argv[])
{
	struct cmd_tbl *cp;

	if (argc < 2)
		return CMD_RET_USAGE;
	cp = find_cmd_tbl(argv[1], cmd_net, ARRAY_SIZE(cmd_net));
	argc--;
	argv++;
	if (!cp || argc > cp->maxargs)
		return CMD_RET_USAGE;

	return cp->cmd(cmdtp, flag, argc, argv);
}

U_BOOT_CMD(
	net, 2, 1, do_net,
	"NET sub-system",
	"list - list available devices\n"
);
