// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * zipl info|load|boot: the s390 IPL from a zipl boot map.
 *
 *   zipl info <if> <dev>                 the entries of the boot map
 *   zipl load <if> <dev> [entry]         load, report what went where
 *   zipl boot [<if> <dev> [entry]]       load and start
 *
 * Device numbers are hex as in U-Boot; the entry is decimal, as a
 * loadparm is. Without an entry: the loadparm of the IPL parameter block
 * or, without one, of Read SCP Info (qemu-s390x), else entry 0. Without
 * a device, 'zipl boot' tries the devices in the IPL order (boot/ipl.c):
 * those the IPL parameter blocks name, then every other disk.
 */

#include <common.h>
#include <blk.h>
#include <bootflow.h>
#include <command.h>
#include <mapmem.h>
#include <part.h>
#include <virtio.h>
#include <zipl.h>
#include <s390/iplb.h>
#include <u-boot/crc.h>

#define MIB		(1024 * 1024)
/* Only the sandbox cannot IPL; LTO does not see that s390's never says so */
#define NO_IPL(ret)	(IS_ENABLED(CONFIG_SANDBOX) && (ret) == -ENOSYS)

static void zipl_progress(struct zipl_ctx *ctx, u64 done, u64 total)
{
	u64 *shown = ctx->priv;

	/* One '.' per 4 MiB, as QEMU's firmware shows one per extent */
	while (*shown + 4 * MIB <= done) {
		*shown += 4 * MIB;
		putc('.');
	}
}

static int zipl_parse_entry(const char *str, int *entryp)
{
	unsigned long val;

	if (strict_strtoul(str, 10, &val) || val >= ZIPL_MAX_ENTRIES) {
		printf("zipl: bad entry '%s': entries are 0 to %d\n", str,
		       ZIPL_MAX_ENTRIES - 1);
		return -EINVAL;
	}
	*entryp = val;
	return 0;
}

/* The zipl entry a load parameter names: blank is 0, -1 for a label */
static int zipl_lp_entry(const char *lp)
{
	unsigned long val;

	if (!*lp)
		return 0;
	if (strict_strtoul(lp, 10, &val) || val >= ZIPL_MAX_ENTRIES)
		return -1;
	return val;
}

/* The entry the machine's loadparm asks for, or 0 */
static int zipl_default_entry(void)
{
	char lp[IPLB_LOADPARM_LEN + 1] = "";

	if (IS_ENABLED(CONFIG_S390))
		s390_machine_loadparm(lp);
	return max(zipl_lp_entry(lp), 0);
}

static struct blk_desc *zipl_get_dev(const char *ifname, const char *devstr)
{
	struct blk_desc *desc;
	int ret;

	/* virtio-blk disks and the LUNs of virtio-scsi hosts */
	if (IS_ENABLED(CONFIG_VIRTIO) &&
	    (!strcmp(ifname, "virtio") || !strcmp(ifname, "scsi")))
		virtio_init();
	ret = blk_get_device_by_str(ifname, devstr, &desc);
	if (ret < 0) {
		part_print_dev_err(ifname, devstr, ret);
		return NULL;
	}
	return desc;
}

static const char *zipl_devname(struct blk_desc *desc, char *buf, int len)
{
	snprintf(buf, len, "%s %x", blk_get_uclass_name(desc->uclass_id),
		 desc->devnum);
	return buf;
}

static void zipl_print_plan(const struct zipl_plan *plan, bool crc)
{
	int i;

	for (i = 0; i < plan->ncomp; i++) {
		const struct zipl_component *c = &plan->comp[i];

		/* Its entry's address field: u8 format, 3 reserved, be32 length */
		if (c->type == ZIPL_COMP_SIGNATURE) {
			printf("  %2d signature  format %u, %u bytes, signs component %d (not verified)\n",
			       i, (u8)(c->addr >> 56), (u32)c->addr, i + 1);
			continue;
		}
		printf("  %2d load       0x%08lx-0x%08lx %9lu bytes",
		       i, c->addr, c->addr + c->size - 1, c->size);
		if (crc) {
			const void *p = map_sysmem(c->addr, c->size);

			printf("  crc32 %08x", p ? crc32(0, p, c->size) : 0);
		} else {
			printf("  %s at block %lu",
			       c->direct ? "image" : "list", (ulong)c->list);
		}
		putc('\n');
	}
	printf("     exec       PSW 0x%016lx (start at 0x%lx)\n", plan->psw,
	       plan->entry);
}

static const char *const scheme_names[] = {
	[ZIPL_SCHEME_ECKD_CDL] = " (ECKD CDL)",
	[ZIPL_SCHEME_ECKD_LDL] = " (ECKD LDL)",
	[ZIPL_SCHEME_ECKD_LD] = " (ECKD CDL, list-directed)",
	[ZIPL_SCHEME_SCSI] = "",
};

static int do_zipl_info(struct cmd_tbl *cmdtp, int flag, int argc,
			char *const argv[])
{
	struct blk_desc *desc;
	struct zipl_plan *plan;
	struct zipl_ctx ctx;
	struct zipl_map map;
	char name[24];
	int i, ret;

	if (argc != 3)
		return CMD_RET_USAGE;
	desc = zipl_get_dev(argv[1], argv[2]);
	if (!desc)
		return CMD_RET_FAILURE;
	zipl_devname(desc, name, sizeof(name));
	plan = malloc(sizeof(*plan));
	ret = plan ? zipl_ctx_init(&ctx, desc) : -ENOMEM;
	if (!ret)
		ret = zipl_read_map(&ctx, &map);
	if (ret) {
		printf("zipl: %s: %s\n", name, plan ? ctx.msg : "out of memory");
		zipl_ctx_free(&ctx);
		free(plan);
		return CMD_RET_FAILURE;
	}
	if (map.scheme == ZIPL_SCHEME_ELTORITO)
		printf("El Torito boot catalog on %s (%lu-byte blocks) at ISO sector %lu\n",
		       name, desc->blksz, (ulong)map.table);
	else
		printf("zipl boot map%s on %s (%lu-byte blocks), program table at block %lu\n",
		       scheme_names[map.scheme], name, desc->blksz,
		       (ulong)map.table);
	if (map.ld_skipped)
		printf("list-directed boot record not used: %s\n", ctx.msg);
	for (i = 0; i < map.count; i++) {
		if (!map.entries[i]) {
			printf("entry %d: empty\n", i);
			continue;
		}
		ret = zipl_plan(&ctx, &map, i, plan);
		if (ret) {
			printf("entry %d: bad: %s\n", i, ctx.msg);
			continue;
		}
		printf("entry %d%s: %s at %s %lu, %d to load, %lu bytes\n",
		       i, i ? "" : " (default)",
		       map.scheme == ZIPL_SCHEME_ELTORITO ? "boot image" :
		       "component table",
		       map.scheme == ZIPL_SCHEME_ELTORITO ? "ISO sector" :
		       "block", (ulong)plan->table, plan->nload, plan->total);
		zipl_print_plan(plan, false);
	}
	zipl_ctx_free(&ctx);
	free(plan);
	return CMD_RET_SUCCESS;
}

/*
 * Plan and load @entry (-1: the default) from @desc. On failure, print
 * the one line saying why and return the error.
 */
static int zipl_load_dev(struct blk_desc *desc, int entry,
			 struct zipl_plan *plan, bool verbose)
{
	struct zipl_ctx ctx;
	struct zipl_map map;
	char name[24];
	u64 shown = 0;
	int ret;

	zipl_devname(desc, name, sizeof(name));
	if (entry < 0)
		entry = zipl_default_entry();
	ret = zipl_ctx_init(&ctx, desc);
	while (!ret) {
		ret = zipl_read_map(&ctx, &map);
		if (!ret) {
			ret = zipl_plan(&ctx, &map, entry, plan);
			/* A boot map without that entry */
			if (ret == -ENOENT)
				ret = -ENXIO;
		}
		/* As s390-ccw: what the list-directed map cannot load, CCW */
		if (!ret || map.scheme != ZIPL_SCHEME_ECKD_LD)
			break;
		ctx.no_ld = true;
		ret = 0;
	}
	if (!ret) {
		if (IS_ENABLED(CONFIG_S390) && plan->nsig && sclp_secure_ipl)
			printf("zipl: %s: secure IPL offered; signatures not verified\n",
			       name);
		printf("zipl: loading entry %d from %s: %d to load, %lu bytes\n",
		       entry, name, plan->nload, plan->total);
		ctx.progress = zipl_progress;
		ctx.priv = &shown;
		ret = zipl_load(&ctx, plan);
		if (shown)
			putc('\n');
	}
	if (ret)
		printf("zipl: %s: %s\n", name, ctx.msg);
	else if (verbose)
		zipl_print_plan(plan, true);
	zipl_ctx_free(&ctx);
	return ret;
}

static int zipl_start(struct blk_desc *desc, const struct zipl_plan *plan)
{
	char name[24];
	int ret;

	zipl_devname(desc, name, sizeof(name));
	printf("zipl: starting PSW 0x%016lx from %s\n", plan->psw, name);
	ret = zipl_jump(desc, plan);
	if (NO_IPL(ret))
		printf("zipl: %s: loaded, but this board cannot IPL (the sandbox has no s390 CPU to start)\n",
		       name);
	else
		printf("zipl: %s: the IPL failed (%d)\n", name, ret);
	return ret;
}

static int do_zipl_load(struct cmd_tbl *cmdtp, int flag, int argc,
			char *const argv[])
{
	struct zipl_plan *plan;
	struct blk_desc *desc;
	int entry = -1, ret;

	if (argc < 3 || argc > 4)
		return CMD_RET_USAGE;
	if (argc == 4 && zipl_parse_entry(argv[3], &entry))
		return CMD_RET_FAILURE;
	desc = zipl_get_dev(argv[1], argv[2]);
	if (!desc)
		return CMD_RET_FAILURE;
	plan = malloc(sizeof(*plan));
	if (!plan) {
		printf("zipl: out of memory\n");
		return CMD_RET_FAILURE;
	}
	ret = zipl_load_dev(desc, entry, plan, true);
	free(plan);
	return ret ? CMD_RET_FAILURE : CMD_RET_SUCCESS;
}

/*
 * IPL from device @i of @order: @entry of its boot map, or (-1) the one
 * its load parameter names; with @files, then the file-based boot
 * methods on its partitions with that load parameter (a label or a
 * number). Returns only if nothing started: -ENXIO if the device has
 * boot entries but none the load parameter names (the IPL stops there,
 * as s390-ccw 10.0 stops it).
 */
static int zipl_ipl_dev(struct ipl_order *order, int i, int entry,
			bool files, struct zipl_plan *plan)
{
	struct blk_desc *desc = order->devs[i].desc;
	char lp[IPLB_LOADPARM_LEN + 1] = "", name[24];
	int ret = -ENOENT, fret;

	if (entry < 0) {
		ipl_loadparm(order, i, lp);
		entry = zipl_lp_entry(lp);
	}
	if (order->devs[i].net)
		return IS_ENABLED(CONFIG_IPL_NET) ?
		       ipl_net_boot(order->devs[i].net, lp) : -ENODEV;
	/* A label names no entry of a boot map: only the files have those */
	if (entry >= 0) {
		ret = zipl_load_dev(desc, entry, plan, false);
		if (!ret)
			ret = zipl_start(desc, plan);
	}
	if (!files || NO_IPL(ret) || !IS_ENABLED(CONFIG_BOOTSTD))
		return ret;
	fret = bootflow_boot_dev(desc, lp);
	if (*lp && fret != -EIO && (ret == -ENXIO || fret == -ENXIO)) {
		printf("zipl: %s: no entry '%s' (the loadparm) in its boot map or boot files: IPL stopped\n",
		       zipl_devname(desc, name, sizeof(name)), lp);
		return -ENXIO;
	}
	return ret;
}

static int do_zipl_boot(struct cmd_tbl *cmdtp, int flag, int argc,
			char *const argv[])
{
	struct ipl_order order = { 0 };
	struct zipl_plan *plan;
	int entry = -1, i, ret = -ENODEV;

	if (argc == 2 || argc > 4)
		return CMD_RET_USAGE;
	if (argc == 4 && zipl_parse_entry(argv[3], &entry))
		return CMD_RET_FAILURE;
	if (argc >= 3) {
		order.devs[0].desc = zipl_get_dev(argv[1], argv[2]);
		if (!order.devs[0].desc)
			return CMD_RET_FAILURE;
		order.count = 1;
		if (entry < 0)
			entry = zipl_default_entry();
	} else {
		/* The IPL device first, then every other disk */
		if (IS_ENABLED(CONFIG_VIRTIO))
			virtio_init();
		ipl_order_read(&order);
		if (!order.count) {
			printf("zipl: no disk to boot from\n");
			goto out;
		}
	}
	plan = malloc(sizeof(*plan));
	if (!plan) {
		printf("zipl: out of memory\n");
		goto out;
	}
	for (i = 0; i < order.count; i++) {
		ret = zipl_ipl_dev(&order, i, entry, argc == 1, plan);
		/* A board that cannot IPL, a loadparm naming no entry */
		if (NO_IPL(ret) || ret == -ENXIO)
			break;
	}
	free(plan);
	if (order.count > 1 && !NO_IPL(ret) && ret != -ENXIO)
		printf("zipl: no device could be booted\n");
out:
	ipl_order_free(&order);
	return CMD_RET_FAILURE;
}

U_BOOT_CMD_WITH_SUBCMDS(zipl, "s390 IPL from a zipl boot map",
	"info <interface> <dev> - list the boot map's entries\n"
	"zipl load <interface> <dev> [entry] - load an entry (decimal, default:\n"
	"    the loadparm, else 0) and show where each component went\n"
	"zipl boot [<interface> <dev> [entry]] - load and start; without a\n"
	"    device: the IPL device first, then every other disk in turn",
	U_BOOT_SUBCMD_MKENT(info, 3, 1, do_zipl_info),
	U_BOOT_SUBCMD_MKENT(load, 4, 1, do_zipl_load),
	U_BOOT_SUBCMD_MKENT(boot, 4, 0, do_zipl_boot));
