// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The standard boot commands, as U-Boot's: 'bootflow scan|list|select|
 * info|boot', 'bootdev list', 'bootmeth list|order'.
 */

#include <common.h>
#include <blk.h>
#include <bootflow.h>
#include <command.h>
#include <virtio.h>
#include <dm/device.h>
#include <dm/uclass.h>

static struct bootflow *selected;

static int do_bootflow_scan(struct cmd_tbl *cmdtp, int flag, int argc,
			    char *const argv[])
{
	uint flags = 0;
	const char *p;
	int count;

	selected = NULL;
	if (argc > 1 && argv[1][0] == '-') {
		for (p = argv[1] + 1; *p; p++) {
			if (*p == 'l')
				flags |= BOOTFLOWF_LIST;
			else if (*p == 'b')
				flags |= BOOTFLOWF_BOOT;
			else if (*p == 'a')
				flags |= BOOTFLOWF_ALL;
			else if (*p != 'e' && *p != 'G' && *p != 'H')
				return CMD_RET_USAGE;
		}
		argc--;
		argv++;
	}
	if (argc > 2)
		return CMD_RET_USAGE;
	count = bootflow_scan(flags, argc > 1 ? argv[1] : NULL);
	if (!count && !(flags & BOOTFLOWF_LIST))
		puts("No bootflows found\n");
	/* With -b, still here: nothing booted */
	return flags & BOOTFLOWF_BOOT || !count ? CMD_RET_FAILURE :
						 CMD_RET_SUCCESS;
}

static int do_bootflow_list(struct cmd_tbl *cmdtp, int flag, int argc,
			    char *const argv[])
{
	bootflow_list();
	return CMD_RET_SUCCESS;
}

static int do_bootflow_select(struct cmd_tbl *cmdtp, int flag, int argc,
			      char *const argv[])
{
	struct bootflow *bflow;
	char *end;
	int i;

	if (argc < 2) {
		selected = NULL;
		return CMD_RET_SUCCESS;
	}
	i = simple_strtol(argv[1], &end, 16);
	bflow = *end ? NULL : bootflow_get(i);
	for (i = 0; !bflow && i < bootflow_count(); i++) {
		if (!strcmp(bootflow_get(i)->name, argv[1]))
			bflow = bootflow_get(i);
	}
	if (!bflow) {
		printf("Cannot find bootflow '%s' ", argv[1]);
		puts("(use 'bootflow list' to see them)\n");
		return CMD_RET_FAILURE;
	}
	selected = bflow;
	return CMD_RET_SUCCESS;
}

static int do_bootflow_info(struct cmd_tbl *cmdtp, int flag, int argc,
			    char *const argv[])
{
	struct bootflow *bflow = selected;

	if (!bflow) {
		puts("No bootflow selected\n");
		return CMD_RET_FAILURE;
	}
	printf("Name:      %s\n", bflow->name);
	printf("Device:    %s.bootdev\n", bflow->blk->name);
	printf("Block dev: %s\n", bflow->desc ? bflow->blk->name : "(none)");
	printf("Method:    %s\n", bflow->meth->name);
	printf("State:     %s\n", bootflow_state_name(bflow->state));
	printf("Partition: %d\n", bflow->part);
	printf("Subdir:    %s\n", bflow->subdir ? bflow->subdir : "(none)");
	printf("Filename:  %s\n", bflow->fname ? bflow->fname : "(none)");
	printf("Buffer:    %lx\n", (ulong)bflow->buf);
	printf("Size:      %lx (%ld bytes)\n", bflow->size, bflow->size);
	printf("Error:     %d\n", bflow->err);
	if (argc > 1 && !strcmp(argv[1], "-d") && bflow->buf)
		printf("Contents:\n\n%s\n", bflow->buf);
	return CMD_RET_SUCCESS;
}

static int do_bootflow_boot(struct cmd_tbl *cmdtp, int flag, int argc,
			    char *const argv[])
{
	if (!selected) {
		puts("No bootflow selected\n");
		return CMD_RET_FAILURE;
	}
	bootflow_boot(selected);
	return CMD_RET_FAILURE;
}

static struct cmd_tbl bootflow_subcmds[] = {
	U_BOOT_CMD_MKENT(scan, 3, 0, do_bootflow_scan, "", ""),
	U_BOOT_CMD_MKENT(list, 2, 0, do_bootflow_list, "", ""),
	U_BOOT_CMD_MKENT(select, 2, 0, do_bootflow_select, "", ""),
	U_BOOT_CMD_MKENT(info, 2, 0, do_bootflow_info, "", ""),
	U_BOOT_CMD_MKENT(boot, 1, 0, do_bootflow_boot, "", ""),
};

static int do_bootflow(struct cmd_tbl *cmdtp, int flag, int argc,
		       char *const argv[])
{
	struct cmd_tbl *cp;

	if (argc < 2)
		return CMD_RET_USAGE;
	cp = find_cmd_tbl(argv[1], bootflow_subcmds,
			  ARRAY_SIZE(bootflow_subcmds));
	if (!cp || argc - 1 > cp->maxargs)
		return CMD_RET_USAGE;
	return cp->cmd(cmdtp, flag, argc - 1, argv + 1);
}

U_BOOT_CMD(
	bootflow, 4, 1, do_bootflow,
	"Boot flows",
	"scan [-lba] [bdev]  - scan for valid bootflows (-l list, -a all, -b boot)\n"
	"bootflow list                - list scanned bootflows\n"
	"bootflow select [<num>|<name>] - select a bootflow\n"
	"bootflow info [-d]           - show info on the selected bootflow\n"
	"bootflow boot                - boot the selected bootflow"
);

static int do_bootdev(struct cmd_tbl *cmdtp, int flag, int argc,
		      char *const argv[])
{
	struct udevice *blk;
	struct uclass *uc;
	int n = 0;

	if (argc != 2 || strcmp(argv[1], "list"))
		return CMD_RET_USAGE;
	/* The devices a scan would visit: hunted first */
	if (IS_ENABLED(CONFIG_VIRTIO))
		virtio_init();
	puts("Seq  Probed  Status  Uclass    Name\n");
	puts("---  ------  ------  --------  ------------------\n");
	if (!uclass_get(UCLASS_BLK, &uc)) {
		uclass_foreach_dev(blk, uc) {
			struct blk_desc *desc = dev_get_uclass_plat(blk);

			printf("%3x   [ %c ]  %6s  %-8s  %s.bootdev\n", n++,
			       device_active(blk) ? '+' : ' ', "OK",
			       blk_get_uclass_name(desc->uclass_id),
			       blk->name);
		}
	}
	puts("---  ------  ------  --------  ------------------\n");
	printf("(%d bootdev%s)\n", n, n == 1 ? "" : "s");
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	bootdev, 2, 1, do_bootdev,
	"Boot devices",
	"list - list all boot devices"
);

static int do_bootmeth(struct cmd_tbl *cmdtp, int flag, int argc,
		       char *const argv[])
{
	const struct bootmeth *meth;
	int seq, i, n = 0;

	if (argc == 3 && !strcmp(argv[1], "order"))
		return bootmeth_set_order(argv[2]) ? CMD_RET_FAILURE :
						     CMD_RET_SUCCESS;
	if (argc != 2 || strcmp(argv[1], "list"))
		return CMD_RET_USAGE;
	bootmeth_order_from_env();
	puts("Order  Seq  Name                Description\n");
	puts("-----  ---  ------------------  ------------------\n");
	for (seq = 0; (meth = bootmeth_all(seq)); seq++) {
		for (i = 0; bootmeth_get(i) && bootmeth_get(i) != meth; i++)
			;
		if (bootmeth_get(i))
			printf("%5x", i);
		else
			printf("%5s", "-");
		printf("  %3x  %-18s  %s\n", seq, meth->name, meth->desc);
		n++;
	}
	puts("-----  ---  ------------------  ------------------\n");
	printf("(%d bootmeth%s)\n", n, n == 1 ? "" : "s");
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	bootmeth, 3, 1, do_bootmeth,
	"Boot methods",
	"list                 - list available bootmeths\n"
	"bootmeth order [<bd> ...] - order in which bootmeths are used"
);
