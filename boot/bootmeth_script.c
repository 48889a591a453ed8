// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The script boot method: boot.scr.uimg or boot.scr (mkimage -T script)
 * in / or /boot/ of a partition, run as 'source' runs it from
 * $scriptaddr, with $devtype, $devnum, $distro_bootpart and $prefix set
 * as U-Boot's distro scripts expect.
 */

#include <common.h>
#include <blk.h>
#include <bootflow.h>
#include <command.h>
#include <env.h>
#include <lmb.h>
#include <mapmem.h>

static const char *const prefixes[] = { "/", "/boot/" };
static const char *const names[] = { "boot.scr.uimg", "boot.scr" };

static int script_read(struct bootflow *bflow)
{
	int i, j, ret = -ENOENT;

	for (i = 0; i < ARRAY_SIZE(prefixes) && ret == -ENOENT; i++)
		for (j = 0; j < ARRAY_SIZE(names) && ret == -ENOENT; j++)
			ret = bootflow_read_file(bflow, prefixes[i], names[j]);
	return ret;
}

static int script_boot(struct bootflow *bflow)
{
	ulong addr = env_get_hex("scriptaddr", 0);
	char cmd[32];
	void *dst;

	dst = addr ? map_sysmem(addr, bflow->size) : NULL;
	if (!dst || lmb_check(addr, bflow->size, NULL)) {
		puts("No free $scriptaddr to run the script from\n");
		return -ENOMEM;
	}
	memcpy(dst, bflow->buf, bflow->size);
	env_set("devtype", blk_get_uclass_name(bflow->desc->uclass_id));
	env_set_ulong("devnum", bflow->desc->devnum);
	env_set_hex("distro_bootpart", bflow->part);
	env_set("prefix", bflow->subdir);
	snprintf(cmd, sizeof(cmd), "source %lx", addr);
	return run_command(cmd, 0) ? -EIO : 0;
}

const struct bootmeth bootmeth_script = {
	.name	= "script",
	.desc	= "Script boot from a block device",
	.read	= script_read,
	.boot	= script_boot,
};
