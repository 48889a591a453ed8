// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Booting a label of an extlinux.conf / pxelinux.cfg menu (or a Boot
 * Loader Specification entry turned into one), as U-Boot's pxe_utils
 * does: the initrds one after another at $ramdisk_addr_r, the kernel at
 * $kernel_addr_r, "append" into $bootargs, the device tree from "fdt" or
 * "fdtdir" at $fdt_addr_r, else $fdt_addr, else the firmware's own.
 * Messages are U-Boot's where it has one.
 */

#include <common.h>
#include <bootm.h>
#include <cli.h>
#include <env.h>
#include <malloc.h>
#include <pxe_utils.h>

/* @path as it is if absolute, else under the boot folder */
int pxe_get_relfile(struct pxe_context *ctx, const char *path, ulong addr,
		    ulong *sizep)
{
	char *full = NULL;
	int ret;

	if (path[0] != '/' && ctx->bootdir && *ctx->bootdir) {
		full = malloc(strlen(ctx->bootdir) + strlen(path) + 2);
		if (!full)
			return -ENOMEM;
		strcpy(full, ctx->bootdir);
		if (full[strlen(full) - 1] != '/')
			strcat(full, "/");
		strcat(full, path);
		path = full;
	}
	printf("Retrieving file: %s\n", path);
	ret = ctx->getfile(ctx->ctx, path, addr, sizep);
	free(full);
	if (!ret)
		env_set_hex("filesize", *sizep);
	return ret;
}

static int env_addr(const char *name, ulong *addr)
{
	const char *s = env_get(name);
	char *end;

	if (!s) {
		printf("extlinux: $%s is not set: nowhere to load to\n", name);
		return -ENOENT;
	}
	*addr = hextoul(s, &end);
	if (end == s || *end) {
		printf("extlinux: $%s='%s' is not an address\n", name, s);
		return -EINVAL;
	}
	return 0;
}

/* Every initrd of the comma-separated list, one after another */
static int load_initrds(struct pxe_context *ctx, const char *list,
			char *arg, size_t argsize)
{
	ulong start, addr, size;
	char *copy, *name, *next;
	int ret;

	ret = env_addr("ramdisk_addr_r", &start);
	if (ret)
		return ret;
	copy = strdup(list);
	if (!copy)
		return -ENOMEM;
	addr = start;
	for (name = copy; name; name = next) {
		next = strchr(name, ',');
		if (next)
			*next++ = 0;
		if (!*name)
			continue;
		ret = pxe_get_relfile(ctx, name, addr, &size);
		if (ret)
			break;
		/* The next one right behind, 4-byte aligned as Linux wants */
		addr = ALIGN(addr + size, 4);
	}
	free(copy);
	if (!ret)
		snprintf(arg, argsize, "%lx:%lx", start, addr - start);
	return ret;
}

/* The device tree: "fdt", else "fdtdir"/$fdtfile; "" if none loaded */
static void load_fdt(struct pxe_context *ctx, struct pxe_label *label,
		     char *arg, size_t argsize)
{
	const char *fdtfile = env_get("fdtfile");
	char *path = NULL;
	ulong addr, size;

	arg[0] = 0;
	if (label->fdt) {
		path = strdup(label->fdt);
	} else if (label->fdtdir && fdtfile) {
		path = malloc(strlen(label->fdtdir) + strlen(fdtfile) + 2);
		if (path)
			sprintf(path, "%s%s%s", label->fdtdir,
				label->fdtdir[strlen(label->fdtdir) - 1] == '/' ?
				"" : "/", fdtfile);
	} else if (label->fdtdir) {
		/* No $fdtfile to pick one of the folder: QEMU's tree then */
		printf("Skipping fdtdir %s: $fdtfile is not set\n",
		       label->fdtdir);
	}
	if (path && !env_addr("fdt_addr_r", &addr)) {
		if (!pxe_get_relfile(ctx, path, addr, &size))
			snprintf(arg, argsize, "%lx", addr);
		else
			printf("Skipping %s for failure retrieving FDT\n",
			       path);
	}
	free(path);
}

static void label_print(struct pxe_menu *menu, struct pxe_label *label)
{
	printf("%d:\t%s\n", (int)(label - menu->labels) + 1,
	       label->menu ? label->menu : label->name ? label->name : "");
}

int pxe_label_boot(struct pxe_context *ctx, struct pxe_label *label)
{
	char rd[40] = "-", fdt[24];
	const char *fdt_arg;
	ulong kaddr, size;
	int ret;

	if (label->localboot) {
		printf("%s: localboot is not supported\n", label->name);
		return -ENOSYS;
	}
	if (!label->kernel) {
		printf("No kernel given, skipping %s\n", label->name);
		return -ENOENT;
	}
	if (label->initrd) {
		ret = load_initrds(ctx, label->initrd, rd, sizeof(rd));
		if (ret) {
			printf("Skipping %s for failure retrieving initrd\n",
			       label->name);
			return ret;
		}
	}
	ret = env_addr("kernel_addr_r", &kaddr);
	if (!ret)
		ret = pxe_get_relfile(ctx, label->kernel, kaddr, &size);
	if (ret) {
		printf("Skipping %s for failure retrieving kernel\n",
		       label->name);
		return ret;
	}
	if (label->append) {
		printf("append: %s\n", label->append);
		env_set("bootargs", label->append);
	}
	load_fdt(ctx, label, fdt, sizeof(fdt));
	fdt_arg = fdt[0] ? fdt : env_get("fdt_addr");
	return bootm_boot_linux(kaddr, rd, fdt_arg);
}

/* The menu on the console: a number or label name, the default on timeout */
static struct pxe_label *menu_interactive(struct pxe_menu *menu,
					  struct pxe_label *def)
{
	char buf[CONFIG_SYS_CBSIZE + 1];
	struct pxe_label *label;
	int i, len;

	for (;;) {
		if (menu->title)
			printf("%s\n", menu->title);
		for (i = 0; i < menu->count; i++)
			label_print(menu, &menu->labels[i]);
		len = cli_readline_into_buffer("Enter choice: ", buf,
					       menu->timeout ?
					       menu->timeout * 100 : 0);
		if (len == -2) {		/* timed out */
			putc('\n');
			return def;
		}
		if (len == -1)			/* Ctrl-C */
			return NULL;
		if (!len)
			return def;
		label = pxe_find_label(menu, buf);
		if (label)
			return label;
		printf("No such entry: %s\n", buf);
	}
}

struct pxe_label *pxe_choose(struct pxe_menu *menu, const char *loadparm)
{
	struct pxe_label *def;

	if (!menu->count) {
		puts("extlinux: no label to boot\n");
		return NULL;
	}
	if (loadparm && *loadparm) {
		def = pxe_find_loadparm(menu, loadparm);
		if (!def)
			printf("No label '%s' (the loadparm names a label, its number or its menu label)\n",
			       loadparm);
		return def;
	}
	def = pxe_find_label(menu, menu->default_label);
	if (!def) {
		if (menu->default_label)
			printf("Missing default: %s\n", menu->default_label);
		def = &menu->labels[0];
	}
	if (menu->prompt)
		return menu_interactive(menu, def);
	return def;
}

int pxe_boot_menu(struct pxe_context *ctx, struct pxe_menu *menu,
		  const char *loadparm)
{
	struct pxe_label *label = pxe_choose(menu, loadparm);
	int i, ret;

	if (!label)
		return -ENOENT;
	label_print(menu, label);
	ret = pxe_label_boot(ctx, label);
	/* A loadparm names one entry: no other is tried */
	if (loadparm && *loadparm)
		return ret;
	for (i = 0; i < menu->count; i++) {
		if (&menu->labels[i] == label)
			continue;
		label_print(menu, &menu->labels[i]);
		ret = pxe_label_boot(ctx, &menu->labels[i]);
	}
	return ret;
}
