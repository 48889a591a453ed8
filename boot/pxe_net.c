// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pxelinux.cfg over the network, as U-Boot's 'pxe get' and pxelinux look
 * it up: in the folder of $bootfile (the DHCP server's boot file name),
 * pxelinux.cfg/ then the first of: $pxeuuid, 01-<MAC> (lower case, '-'
 * between bytes), our IPv4 address in upper-case hex shortened by one
 * digit at a time (C0A80102, C0A8010, ..., C), default-<arch>, default.
 * Files come by TFTP from $serverip, and paths in the file are relative
 * to the same folder.
 */

#include <common.h>
#include <env.h>
#include <malloc.h>
#include <net.h>
#include <net-lwip.h>
#include <pxe_utils.h>

#define PXE_ARCH	(IS_ENABLED(CONFIG_ARM64) ? "arm" : CONFIG_SYS_ARCH)

int pxe_net_getfile(void *ctx, const char *path, ulong addr, ulong *sizep)
{
	const char *srv = env_get("serverip");
	ip_addr_t ip;

	if (!srv || !ipaddr_aton(srv, &ip)) {
		puts("pxe: $serverip is not set: no server to load from\n");
		return -ENOENT;
	}
	if (tftp_run(addr, path, ip, 69))
		return -EIO;
	*sizep = env_get_hex("filesize", 0);
	return 0;
}

char *pxe_net_bootdir(void)
{
	const char *bootfile = env_get("bootfile");
	const char *slash = bootfile ? strrchr(bootfile, '/') : NULL;

	return slash ? strndup(bootfile, slash - bootfile + 1) : strdup("");
}

/*
 * The file name of try @step: 0 the UUID, 1 the MAC, 2-9 the IP in 8 to
 * 1 hex digits, 10-11 the defaults; false if there is none for @step
 */
static bool config_name(int step, char *name, int len)
{
	const char *uuid = env_get("pxeuuid");
	u8 *mac = eth_get_ethaddr();
	ip4_addr_t me;

	if (step == 0) {
		if (!uuid)
			return false;
		strlcpy(name, uuid, len);
	} else if (step == 1) {
		if (!mac)
			return false;
		snprintf(name, len, "01-%02x-%02x-%02x-%02x-%02x-%02x", mac[0],
			 mac[1], mac[2], mac[3], mac[4], mac[5]);
	} else if (step <= 9) {
		if (!ip4addr_aton(env_get("ipaddr") ?: "", &me))
			return false;
		snprintf(name, len, "%08X", lwip_ntohl(ip4_addr_get_u32(&me)));
		name[10 - step] = 0;
	} else if (step == 10) {
		snprintf(name, len, "default-%s", PXE_ARCH);
	} else {
		strlcpy(name, "default", len);
	}
	return true;
}

int pxe_get(struct pxe_context *ctx, ulong addr, ulong *sizep, char **namep)
{
	char name[48], rel[64];
	int step;

	for (step = 0; step < 12; step++) {
		if (!config_name(step, name, sizeof(name)))
			continue;
		snprintf(rel, sizeof(rel), "pxelinux.cfg/%s", name);
		if (pxe_get_relfile(ctx, rel, addr, sizep))
			continue;
		puts("Config file found\n");
		if (namep) {
			*namep = malloc(strlen(ctx->bootdir) + strlen(rel) + 1);
			if (*namep)
				sprintf(*namep, "%s%s", ctx->bootdir, rel);
		}
		return 0;
	}
	puts("Config file not found\n");
	return -ENOENT;
}

int pxe_net_boot(struct pxe_context *ctx, const char *text, ulong size,
		 const char *loadparm, int menu_timeout)
{
	struct pxe_menu *menu = malloc(sizeof(*menu));
	int ret = -ENOMEM;

	if (menu)
		ret = pxe_parse(text, size, menu);
	if (ret) {
		puts("Error parsing config file\n");
		free(menu);
		return ret;
	}
	/* The machine asks for a menu: show it, whatever the file says */
	if (menu_timeout >= 0) {
		menu->prompt = 1;
		if (menu_timeout)
			menu->timeout = menu_timeout;
	}
	ret = pxe_boot_menu(ctx, menu, loadparm);
	pxe_menu_free(menu);
	free(menu);
	return ret;
}
