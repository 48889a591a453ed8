// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The 'part' command, as U-Boot's: list a device's partition table, or
 * put a partition's start, size, number or UUID in an environment
 * variable.
 */

#include <common.h>
#include <blk.h>
#include <command.h>
#include <env.h>
#include <part.h>

enum cmd_part_info {
	CMD_PART_INFO_START = 0,
	CMD_PART_INFO_SIZE,
	CMD_PART_INFO_NUMBER,
};

/* Find a device, printing the one error line if there is none */
static int part_get_desc(const char *ifname, const char *dev_str,
			 struct blk_desc **descp)
{
	int ret = blk_get_device_by_str(ifname, dev_str, descp);

	if (ret < 0) {
		part_print_dev_err(ifname, dev_str, ret);
		return ret;
	}

	return 0;
}

static int do_part_uuid(int argc, char *const argv[])
{
	struct disk_partition info;
	struct blk_desc *desc;
	int ret;

	if (argc < 2 || argc > 3)
		return CMD_RET_USAGE;

	ret = blk_get_device_part_str(argv[0], argv[1], &desc, &info, 0);
	if (ret < 0) {
		part_print_dev_err(argv[0], argv[1], ret);
		return CMD_RET_FAILURE;
	}
	/*
	 * A partition without one (ISO, a whole disk) gives an empty UUID,
	 * as in U-Boot: an empty line, or the variable deleted; status 0
	 */
	if (argc > 2)
		return env_set(argv[2], info.uuid) ? CMD_RET_FAILURE :
						     CMD_RET_SUCCESS;
	printf("%s\n", info.uuid);

	return CMD_RET_SUCCESS;
}

/* 'part list <if> <dev> [-bootable] <varname>': the partition numbers */
static int part_list_to_env(struct blk_desc *desc, const char *var,
			    bool bootable)
{
	char str[3 * MAX_SEARCH_PARTITIONS + 1] = "";
	struct disk_partition info;
	int p, len = 0;

	for (p = 1; p < MAX_SEARCH_PARTITIONS; p++) {
		if (part_get_info(desc, p, &info))
			continue;
		if (bootable && !(info.bootable & PART_BOOTABLE))
			continue;
		len += snprintf(str + len, sizeof(str) - len, "%s%x",
				len ? " " : "", p);
	}

	return env_set(var, str) ? CMD_RET_FAILURE : CMD_RET_SUCCESS;
}

static int do_part_list(int argc, char *const argv[])
{
	struct blk_desc *desc;
	const char *var = NULL;
	bool bootable = false;
	int i, ret;

	if (argc < 2)
		return CMD_RET_USAGE;
	for (i = 2; i < argc; i++) {
		if (argv[i][0] != '-') {
			var = argv[i];
			break;
		}
		if (strcmp(argv[i], "-bootable")) {
			printf("Unknown option %s\n", argv[i]);
			return CMD_RET_USAGE;
		}
		bootable = true;
	}
	/* The variable, if any, must be the last argument */
	if (argc > 2 && argc != i + 1)
		return CMD_RET_USAGE;

	if (part_get_desc(argv[0], argv[1], &desc))
		return CMD_RET_FAILURE;
	if (var)
		return part_list_to_env(desc, var, bootable);

	/* no table is U-Boot's line and success; a damaged one fails */
	ret = part_print_checked(desc);
	return ret && ret != -ENOENT ? CMD_RET_FAILURE : CMD_RET_SUCCESS;
}

static int do_part_info(int argc, char *const argv[], enum cmd_part_info param)
{
	struct disk_partition info;
	struct blk_desc *desc;
	unsigned long num;
	char buf[32];
	int part, ret;

	if (argc < 3 || argc > 4)
		return CMD_RET_USAGE;
	if (part_get_desc(argv[0], argv[1], &desc))
		return CMD_RET_FAILURE;

	/* A number, else a name (as U-Boot: 'part number' takes both) */
	if (!strict_strtoul(argv[2], 0, &num) && num <= 0x7fffffff) {
		part = num;
		ret = part_get_info(desc, part, &info);
	} else {
		part = part_get_info_by_name(desc, argv[2], &info);
		ret = part < 0 ? part : 0;
	}
	if (ret) {
		printf("** No partition %s in %s %s **\n", argv[2], argv[0],
		       argv[1]);
		return CMD_RET_FAILURE;
	}

	switch (param) {
	case CMD_PART_INFO_START:
		snprintf(buf, sizeof(buf), "%llx",
			 (unsigned long long)info.start);
		break;
	case CMD_PART_INFO_SIZE:
		snprintf(buf, sizeof(buf), "%llx",
			 (unsigned long long)info.size);
		break;
	case CMD_PART_INFO_NUMBER:
		snprintf(buf, sizeof(buf), "0x%x", part);
		break;
	}
	if (argc > 3)
		return env_set(argv[3], buf) ? CMD_RET_FAILURE :
					       CMD_RET_SUCCESS;
	printf("%s\n", buf);

	return CMD_RET_SUCCESS;
}

static int do_part_types(int argc, char *const argv[])
{
	struct part_driver *drv;
	int i = 0;

	puts("Supported partition tables");
	ll_foreach(struct part_driver, drv, part_driver)
		printf("%c %s", i++ ? ',' : ':', drv->name);
	if (!i)
		puts(": <none>");
	puts("\n");

	return CMD_RET_SUCCESS;
}

static int do_part(struct cmd_tbl *cmdtp, int flag, int argc,
		   char *const argv[])
{
	if (argc < 2)
		return CMD_RET_USAGE;

	if (!strcmp(argv[1], "uuid"))
		return do_part_uuid(argc - 2, argv + 2);
	if (!strcmp(argv[1], "list"))
		return do_part_list(argc - 2, argv + 2);
	if (!strcmp(argv[1], "start"))
		return do_part_info(argc - 2, argv + 2, CMD_PART_INFO_START);
	if (!strcmp(argv[1], "size"))
		return do_part_info(argc - 2, argv + 2, CMD_PART_INFO_SIZE);
	if (!strcmp(argv[1], "number"))
		return do_part_info(argc - 2, argv + 2, CMD_PART_INFO_NUMBER);
	if (!strcmp(argv[1], "types"))
		return do_part_types(argc - 2, argv + 2);

	return CMD_RET_USAGE;
}

U_BOOT_CMD(
	part,	CONFIG_SYS_MAXARGS,	1,	do_part,
	"disk partition related commands",
	"uuid <interface> <dev>:<part>\n"
	"    - print partition UUID\n"
	"part uuid <interface> <dev>:<part> <varname>\n"
	"    - set environment variable to partition UUID\n"
	"part list <interface> <dev>\n"
	"    - print a device's partition table\n"
	"part list <interface> <dev> [flags] <varname>\n"
	"    - set environment variable to the list of partitions\n"
	"      flags can be -bootable (list only bootable partitions)\n"
	"part start <interface> <dev> <part> <varname>\n"
	"    - set environment variable to the start of the partition (in blocks)\n"
	"      part can be either partition number or partition name\n"
	"part size <interface> <dev> <part> <varname>\n"
	"    - set environment variable to the size of the partition (in blocks)\n"
	"      part can be either partition number or partition name\n"
	"part number <interface> <dev> <part> <varname>\n"
	"    - set environment variable to the partition number using the partition name\n"
	"      part must be specified as partition name\n"
	"part types\n"
	"    - list supported partition table types"
);
