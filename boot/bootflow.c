// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Scanning for bootflows, as U-Boot's standard boot does: every block
 * device in order (or those $boot_targets names), every partition of it
 * (the whole disk when it has no partition table), every boot method in
 * order; each method that finds its file makes a bootflow. The output
 * is U-Boot's 'bootflow scan -l' table.
 */

#include <common.h>
#include <blk.h>
#include <bootflow.h>
#include <env.h>
#include <fs.h>
#include <malloc.h>
#include <net.h>
#include <part.h>
#include <virtio.h>
#include <dm/device.h>
#include <dm/device-internal.h>
#include <dm/uclass.h>

/* A configuration or script is small: anything larger is not one */
#define BOOTFLOW_MAX_FILE	(256 * 1024)

static struct bootflow flows[BOOTFLOW_MAX];
static int flow_count;

static const char *const state_names[] = {
	"base", "media", "part", "fs", "file", "ready",
};

const char *bootflow_state_name(enum bootflow_state state)
{
	return state < ARRAY_SIZE(state_names) ? state_names[state] : "?";
}

int bootflow_count(void)
{
	return flow_count;
}

struct bootflow *bootflow_get(int seq)
{
	return seq >= 0 && seq < flow_count ? &flows[seq] : NULL;
}

static void bootflow_free(struct bootflow *bflow)
{
	free(bflow->subdir);
	free(bflow->fname);
	free(bflow->buf);
	memset(bflow, 0, sizeof(*bflow));
}

static void bootflow_clear(void)
{
	while (flow_count)
		bootflow_free(&flows[--flow_count]);
}

int bootflow_load(struct blk_desc *desc, int part, const char *path,
		  ulong max, char **bufp, ulong *sizep)
{
	loff_t size, actread;
	char *buf;
	int ret;

	if (fs_set_blk_dev_with_part(desc, part))
		return -ENODEV;
	if (fs_size(path, &size))
		return -ENOENT;
	if (size > max)
		return -E2BIG;
	buf = malloc(size + 1);
	if (!buf)
		return -ENOMEM;
	ret = fs_set_blk_dev_with_part(desc, part);
	if (!ret)
		ret = fs_read_buf(path, buf, size, &actread);
	if (ret || actread != size) {
		free(buf);
		return ret ? ret : -EIO;
	}
	buf[size] = 0;
	*bufp = buf;
	*sizep = size;
	return 0;
}

int bootflow_read_file(struct bootflow *bflow, const char *subdir,
		       const char *name)
{
	char path[128];
	int ret;

	snprintf(path, sizeof(path), "%s%s", subdir, name);
	ret = bootflow_load(bflow->desc, bflow->part, path, BOOTFLOW_MAX_FILE,
			    &bflow->buf, &bflow->size);
	if (ret == -ENODEV || ret == -ENOENT)
		return ret;
	bflow->state = BOOTFLOWST_FILE;
	if (ret)
		return ret;
	bflow->fname = strdup(path);
	bflow->subdir = strdup(subdir);
	if (!bflow->fname || !bflow->subdir)
		return -ENOMEM;
	return 0;
}

void bootflow_show(int seq, const struct bootflow *bflow)
{
	printf("%3x  %-11s  %-6s  %-9.9s %4x  %-25.25s %s\n", seq,
	       bflow->meth ? bflow->meth->name : "", bootflow_state_name(bflow->state),
	       bflow->desc ? blk_get_uclass_name(bflow->desc->uclass_id) :
	       "ethernet", bflow->part,
	       bflow->name, bflow->fname ? bflow->fname : "");
}

static void bootflow_header(void)
{
	puts("Seq  Method       State   Uclass    Part  Name                      Filename\n");
	puts("---  -----------  ------  --------  ----  ------------------------  ----------------\n");
}

static void bootflow_footer(int count, int valid)
{
	puts("---  -----------  ------  --------  ----  ------------------------  ----------------\n");
	printf("(%d bootflow%s, %d valid)\n", count, count == 1 ? "" : "s",
	       valid);
}

int bootflow_boot(struct bootflow *bflow)
{
	int ret;

	if (bflow->state != BOOTFLOWST_READY) {
		printf("Bootflow '%s' is not ready (state %s)\n", bflow->name,
		       bootflow_state_name(bflow->state));
		return -EPROTO;
	}
	printf("** Booting bootflow '%s' with %s\n", bflow->name,
	       bflow->meth->name);
	ret = bflow->meth->boot(bflow);
	printf("Boot failed (err=%d)\n", ret);
	return ret;
}

/* Does the boot_targets word @label name this device? */
static bool label_matches(const char *label, int len, struct blk_desc *desc)
{
	const char *uc = blk_get_uclass_name(desc->uclass_id);
	int n = strlen(uc);
	char *end;

	if (len < n || strncmp(label, uc, n))
		return false;
	if (len == n)
		return true;
	return simple_strtoul(label + n, &end, 10) == desc->devnum &&
	       end == label + len;
}

/*
 * Run @meth on the bootflow being made (flows[flow_count], its device
 * and partition set); keep it if found (or, with BOOTFLOWF_ALL, failed),
 * show it, boot it
 */
/* bootflow_boot_dev(): a bootflow failed to boot for another reason */
static bool boot_failed;

static void try_meth(const struct bootmeth *meth, uint flags,
		     const char *loadparm, int *valid)
{
	struct bootflow *bflow = &flows[flow_count];
	int ret;

	bflow->meth = meth;
	bflow->loadparm = loadparm;
	bflow->state = bflow->desc ? BOOTFLOWST_FS : BOOTFLOWST_MEDIA;
	ret = meth->read(bflow);
	if (!ret)
		bflow->state = BOOTFLOWST_READY;
	bflow->err = ret;
	if (ret && (ret == -ENOENT || !(flags & BOOTFLOWF_ALL))) {
		bootflow_free(bflow);
		return;
	}
	flow_count++;
	if (!ret)
		(*valid)++;
	if (flags & BOOTFLOWF_LIST)
		bootflow_show(flow_count - 1, bflow);
	/* -ENOENT: the method has no entry the loadparm names */
	if (!ret && (flags & BOOTFLOWF_BOOT) && bootflow_boot(bflow) != -ENOENT)
		boot_failed = true;
}

/*
 * Every method for partition @part of @blk (the disk methods), or of the
 * network device @blk (@desc NULL: the network methods)
 */
static void scan_part(struct udevice *blk, struct blk_desc *desc, int part,
		      uint flags, const char *loadparm, int *valid)
{
	const struct bootmeth *meth;
	struct bootflow *bflow;
	int i;

	for (i = 0; (meth = bootmeth_get(i)); i++) {
		if (flow_count == BOOTFLOW_MAX)
			return;
		if (meth->net != !desc)
			continue;
		bflow = &flows[flow_count];
		memset(bflow, 0, sizeof(*bflow));
		if (desc)
			snprintf(bflow->name, sizeof(bflow->name),
				 "%s.bootdev.part_%x", blk->name, part);
		else
			snprintf(bflow->name, sizeof(bflow->name),
				 "%s.bootdev.0", blk->name);
		bflow->blk = blk;
		bflow->desc = desc;
		bflow->part = part;
		try_meth(meth, flags, loadparm, valid);
	}
}

static void scan_dev(struct udevice *blk, uint flags, const char *loadparm,
		     int *valid)
{
	struct blk_desc *desc = dev_get_uclass_plat(blk);
	struct disk_partition info;
	int part, found = 0;

	if (flags & BOOTFLOWF_LIST)
		printf("Scanning bootdev '%s.bootdev':\n", blk->name);
	for (part = 1; part <= MAX_SEARCH_PARTITIONS; part++) {
		if (part_get_info(desc, part, &info))
			continue;
		found++;
		if (!fs_set_blk_dev_with_part(desc, part)) {
			fs_close();
			scan_part(blk, desc, part, flags, loadparm, valid);
		}
	}
	/* No partition table: a filesystem on the whole disk */
	if (!found && !fs_set_blk_dev_with_part(desc, 0)) {
		fs_close();
		scan_part(blk, desc, 0, flags, loadparm, valid);
	}
}

/* The network boot device: the current Ethernet device, if any */
static void scan_net(uint flags, int *valid)
{
	struct udevice *eth;

	if (!IS_ENABLED(CONFIG_BOOTMETH_PXE))
		return;
	eth = eth_get_dev();
	if (!eth)
		return;
	if (flags & BOOTFLOWF_LIST)
		printf("Scanning bootdev '%s.bootdev':\n", eth->name);
	scan_part(eth, NULL, 0, flags, NULL, valid);
}

/* Does the boot_targets word @label name the network? (U-Boot's words) */
static bool label_is_net(const char *label, int len)
{
	static const char *const words[] = { "dhcp", "pxe", "ethernet" };
	int i;

	for (i = 0; i < ARRAY_SIZE(words); i++) {
		if (strlen(words[i]) == len && !strncmp(label, words[i], len))
			return true;
	}
	return false;
}

int bootflow_scan(uint flags, const char *label)
{
	const char *targets = label ? label : env_get("boot_targets");
	struct udevice *blk;
	struct uclass *uc;
	const char *p, *word;
	int valid = 0, len;

	bootflow_clear();
	bootmeth_order_from_env();
	/* U-Boot's virtio hunter: every virtio device probed, disks bound */
	if (IS_ENABLED(CONFIG_VIRTIO))
		virtio_init();
	if (uclass_get(UCLASS_BLK, &uc))
		return 0;
	if (flags & BOOTFLOWF_LIST) {
		printf("Scanning for bootflows in %s\n",
		       label ? label : "all bootdevs");
		bootflow_header();
	}
	if (!targets || !*targets) {
		uclass_foreach_dev(blk, uc) {
			if (!device_probe(blk))
				scan_dev(blk, flags, NULL, &valid);
		}
		scan_net(flags, &valid);
	} else {
		/* Devices in the order the words of boot_targets name them */
		for (p = targets; *p; p = word + len) {
			while (*p == ' ')
				p++;
			word = p;
			len = strcspn(p, " ");
			if (!len)
				break;
			if (flags & BOOTFLOWF_LIST)
				printf("Hunting with: %.*s\n", len, word);
			if (label_is_net(word, len)) {
				scan_net(flags, &valid);
				continue;
			}
			uclass_foreach_dev(blk, uc) {
				if (!device_probe(blk) &&
				    label_matches(word, len,
						  dev_get_uclass_plat(blk)))
					scan_dev(blk, flags, NULL, &valid);
			}
		}
	}
	if (flags & BOOTFLOWF_LIST) {
		puts("No more bootdevs\n");
		bootflow_footer(flow_count, valid);
	}
	return flags & BOOTFLOWF_ALL ? flow_count : valid;
}

int bootflow_boot_dev(struct blk_desc *desc, const char *loadparm)
{
	int valid = 0;

	bootflow_clear();
	bootmeth_order_from_env();
	boot_failed = false;
	scan_dev(desc->bdev, BOOTFLOWF_BOOT, loadparm, &valid);
	return boot_failed ? -EIO : valid ? -ENXIO : -ENOENT;
}

void bootflow_list(void)
{
	int i, valid = 0;

	puts("Showing all bootflows\n");
	bootflow_header();
	for (i = 0; i < flow_count; i++) {
		bootflow_show(i, &flows[i]);
		valid += flows[i].state == BOOTFLOWST_READY;
	}
	bootflow_footer(flow_count, valid);
}
