// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The network commands over lwIP (net/lwip/), with U-Boot's syntax:
 * dhcp, tftpboot, wget, ping.
 */

#include <common.h>
#include <command.h>
#include <env.h>
#include <net-lwip.h>

#define TFTP_PORT	69

static ulong default_load_addr(void)
{
	return env_get_hex("loadaddr", CONFIG_SYS_LOAD_ADDR);
}

/*
 * tftpboot [loadAddress] [[hostIPaddr:[port:]]bootfilename]; with one
 * argument, a hex number is the address, anything else the file.
 */
static int do_tftpb(struct cmd_tbl *cmdtp, int flag, int argc,
		    char *const argv[])
{
	char arg[512], def_name[16], *words[3] = { NULL }, *s, *end;
	const char *fname = NULL, *server_ip = NULL;
	ulong laddr = default_load_addr();
	ulong port = TFTP_PORT;
	ip_addr_t srvip;
	int i = 0;

	arg[0] = '\0';
	switch (argc) {
	case 1:
		break;
	case 2:
		laddr = hextoul(argv[1], &end);
		if (*argv[1] && !*end)
			break;
		laddr = default_load_addr();
		strlcpy(arg, argv[1], sizeof(arg));
		break;
	case 3:
		if (strict_strtoul(argv[1], 16, &laddr)) {
			printf("error: bad load address '%s'\n", argv[1]);
			return CMD_RET_FAILURE;
		}
		strlcpy(arg, argv[2], sizeof(arg));
		break;
	default:
		return CMD_RET_USAGE;
	}

	if (arg[0]) {
		s = arg;
		while (i < 3 && (words[i] = strsep(&s, ":")))
			i++;
		if (s) {
			printf("error: bad file spec '%s'\n", argv[argc - 1]);
			return CMD_RET_FAILURE;
		}
		if (i == 3) {
			server_ip = words[0];
			if (strict_strtoul(words[1], 10, &port) || !port ||
			    port > 65535) {
				printf("error: bad port '%s'\n", words[1]);
				return CMD_RET_FAILURE;
			}
			fname = words[2];
		} else if (i == 2) {
			server_ip = words[0];
			fname = words[1];
		} else {
			fname = words[0];
		}
	} else {
		fname = env_get("bootfile");
	}
	if (!server_ip)
		server_ip = env_get("tftpserverip");
	if (!server_ip)
		server_ip = env_get("serverip");
	if (!server_ip) {
		printf("error: tftpserverip/serverip has to be set\n");
		return CMD_RET_FAILURE;
	}
	if (!ipaddr_aton(server_ip, &srvip)) {
		printf("error: bad server address '%s'\n", server_ip);
		return CMD_RET_FAILURE;
	}
	if (!fname || !*fname) {
		/* U-Boot's default: our address in hex */
		ip4_addr_t me;

		if (!ip4addr_aton(env_get("ipaddr") ?: "0.0.0.0", &me))
			ip4_addr_set_zero(&me);
		snprintf(def_name, sizeof(def_name), "%02X%02X%02X%02X.img",
			 ip4_addr1(&me), ip4_addr2(&me), ip4_addr3(&me),
			 ip4_addr4(&me));
		printf("*** Warning: no boot file name; using '%s'\n",
		       def_name);
		fname = def_name;
	}
	if (!laddr) {
		printf("error: no load address\n");
		return CMD_RET_FAILURE;
	}
	if (tftp_run(laddr, fname, srvip, port))
		return CMD_RET_FAILURE;
	return CMD_RET_SUCCESS;
}

#ifdef CONFIG_CMD_TFTPBOOT
U_BOOT_CMD(
	tftpboot, 3, 0, do_tftpb,
	"load file via network using TFTP protocol",
	"[loadAddress] [[hostIPaddr:]bootfilename]"
);
#endif

#ifdef CONFIG_CMD_DHCP
/*
 * dhcp [loadAddress] [[hostIPaddr:]bootfilename]: then, unless autoload
 * is "no", the file (or the DHCP server's boot file) by TFTP.
 */
static int do_dhcp(struct cmd_tbl *cmdtp, int flag, int argc,
		   char *const argv[])
{
	const char *autoload = env_get("autoload");
	const char *bootfile;

	if (argc > 3)
		return CMD_RET_USAGE;
	if (dhcp_run())
		return CMD_RET_FAILURE;
	if (autoload && (*autoload == 'n' || *autoload == 'N' ||
			 *autoload == '0'))
		return CMD_RET_SUCCESS;
	bootfile = env_get("bootfile");
	if (argc < 3 && (!bootfile || !*bootfile))
		return CMD_RET_SUCCESS;
	return do_tftpb(cmdtp, flag, argc, argv);
}

U_BOOT_CMD(
	dhcp, 3, 1, do_dhcp,
	"boot image via network using DHCP/TFTP protocol",
	"[loadAddress] [[hostIPaddr:]bootfilename]"
);
#endif

#ifdef CONFIG_CMD_WGET
static int do_wget(struct cmd_tbl *cmdtp, int flag, int argc,
		   char *const argv[])
{
	ulong laddr = default_load_addr();
	const char *url;

	if (argc == 2) {
		url = argv[1];
	} else if (argc == 3) {
		if (strict_strtoul(argv[1], 16, &laddr)) {
			printf("error: bad load address '%s'\n", argv[1]);
			return CMD_RET_FAILURE;
		}
		url = argv[2];
	} else {
		return CMD_RET_USAGE;
	}
	if (wget_run(laddr, url))
		return CMD_RET_FAILURE;
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	wget, 3, 1, do_wget,
	"boot image via network using HTTP protocol",
	"[loadAddress] url\n"
	"wget [loadAddress] [host:]path\n"
	"    - load file"
);
#endif

#ifdef CONFIG_CMD_PING
static int do_ping(struct cmd_tbl *cmdtp, int flag, int argc,
		   char *const argv[])
{
	ip_addr_t addr;

	if (argc < 2)
		return CMD_RET_USAGE;
	if (!ipaddr_aton(argv[1], &addr)) {
		printf("error: bad address '%s'\n", argv[1]);
		return CMD_RET_FAILURE;
	}
	if (ping_run(&addr))
		return CMD_RET_FAILURE;
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	ping, 2, 1, do_ping,
	"send ICMP ECHO_REQUEST to network host",
	"pingAddress"
);
#endif
