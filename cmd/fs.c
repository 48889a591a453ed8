// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The file commands over the filesystem layer (include/fs.h), with
 * U-Boot's syntax and output: load, save, ls, size, fstype, fstypes, and
 * the per-filesystem names (ext4load, fatls, fatwrite, ...) that only
 * accept their own filesystem.
 *
 * A failure is U-Boot's line ("Failed to load 'x'"), then the reason
 * on a line of its own unless it is a missing file; a device or
 * partition that cannot be used U-Boot's two lines (fs/fs.c).
 */
#include <common.h>
#include <command.h>
#include <display_options.h>
#include <env.h>
#include <errno.h>
#include <fat.h>
#include <fs.h>
#include <part.h>
#include <time.h>
#include <vsprintf.h>
#include "../fs/fs_internal.h"

static const char *cmd_arg2(int argc, char *const argv[])
{
	return argc > 2 ? argv[2] : NULL;
}


int do_size(struct cmd_tbl *cmdtp, int flag, int argc, char *const argv[],
	    int fstype)
{
	loff_t size;
	int ret;

	if (argc != 4)
		return CMD_RET_USAGE;
	if (fs_set_blk_dev(argv[1], argv[2], fstype))
		return CMD_RET_FAILURE;
	/* a missing file fails without a word, as U-Boot's */
	ret = fs_size(argv[3], &size);
	if (ret == -ENOENT)
		return CMD_RET_FAILURE;
	if (ret) {
		printf("** %s: %s **\n", argv[3], fs_strerror(ret));
		return CMD_RET_FAILURE;
	}
	env_set_hex("filesize", size);

	return CMD_RET_SUCCESS;
}

int do_load(struct cmd_tbl *cmdtp, int flag, int argc, char *const argv[],
	    int fstype)
{
	const char *filename;
	loff_t bytes = 0, pos = 0, len_read;
	ulong addr, time;
	char *ep;
	int ret;

	if (argc < 2 || argc > 7)
		return CMD_RET_USAGE;
	if (argc >= 4) {
		addr = hextoul(argv[3], &ep);
		if (ep == argv[3] || *ep)
			return CMD_RET_USAGE;
	} else {
		addr = env_get_hex("loadaddr", CONFIG_SYS_LOAD_ADDR);
	}
	if (argc >= 5) {
		filename = argv[4];
	} else {
		filename = env_get("bootfile");
		if (!filename) {
			puts("** No boot file defined **\n");
			return CMD_RET_FAILURE;
		}
	}
	if (argc >= 6)
		bytes = hextoul(argv[5], NULL);
	if (argc >= 7)
		pos = hextoul(argv[6], NULL);
	if (fs_set_blk_dev(argv[1], cmd_arg2(argc, argv), fstype)) {
		puts("Can't set block device\n");
		return CMD_RET_FAILURE;
	}

	time = get_timer(0);
	ret = fs_read(filename, addr, pos, bytes, &len_read);
	time = get_timer(time);
	if (ret) {
		/* U-Boot's line; why, when it is more than a missing file */
		printf("Failed to load '%s'\n", filename);
		if (ret != -ENOENT && ret != -EISDIR && ret != -EINVAL)
			printf("** %s **\n", fs_strerror(ret));
		return CMD_RET_FAILURE;
	}

	printf("%llu bytes read in %lu ms", (unsigned long long)len_read,
	       time);
	if (time) {
		puts(" (");
		print_size(len_read * 1000 / time, "/s");
		puts(")");
	}
	puts("\n");
	env_set_hex("fileaddr", addr);
	env_set_hex("filesize", len_read);

	return CMD_RET_SUCCESS;
}

int do_save(struct cmd_tbl *cmdtp, int flag, int argc, char *const argv[],
	    int fstype)
{
	ulong addr, bytes, pos = 0, time;
	const char *why;
	loff_t written;
	int ret;

	if (argc < 6 || argc > 7)
		return CMD_RET_USAGE;
	if (strict_strtoul(argv[3], 16, &addr) ||
	    strict_strtoul(argv[5], 16, &bytes) ||
	    (argc > 6 && strict_strtoul(argv[6], 16, &pos)))
		return CMD_RET_USAGE;
	if (fs_set_blk_dev(argv[1], argv[2], fstype))
		return CMD_RET_FAILURE;

	time = get_timer(0);
	ret = fs_write(argv[4], addr, pos, bytes, &written);
	time = get_timer(time);
	if (ret) {
		/* what U-Boot's FAT writer says, or why, then U-Boot's line */
		why = fs_get_error();
		if (why)
			printf("%s\n", why);
		else if (ret == -EROFS || ret == -EIO)
			printf("** %s **\n", fs_strerror(ret));
		printf("** Unable to write file %s **\n", argv[4]);
		return CMD_RET_FAILURE;
	}

	/* U-Boot's rate: whole bytes per ms, times 1000 */
	printf("%llu bytes written in %lu ms", (unsigned long long)written,
	       time);
	if (time) {
		puts(" (");
		print_size(written / time * 1000, "/s");
		puts(")");
	}
	puts("\n");

	return CMD_RET_SUCCESS;
}

int do_ls(struct cmd_tbl *cmdtp, int flag, int argc, char *const argv[],
	  int fstype)
{
	if (argc < 2 || argc > 4)
		return CMD_RET_USAGE;
	if (fs_set_blk_dev(argv[1], cmd_arg2(argc, argv), fstype))
		return CMD_RET_FAILURE;

	return fs_ls(argc >= 4 ? argv[3] : "/") ? CMD_RET_FAILURE :
						   CMD_RET_SUCCESS;
}

int file_exists(const char *dev_type, const char *dev_part, const char *file,
		int fstype)
{
	if (fs_set_blk_dev(dev_type, dev_part, fstype))
		return 0;

	return fs_exists(file);
}

static int do_fstype(struct cmd_tbl *cmdtp, int flag, int argc,
		     char *const argv[])
{
	const char *name;

	if (argc < 3 || argc > 4)
		return CMD_RET_USAGE;
	if (fs_set_blk_dev(argv[1], argv[2], FS_TYPE_ANY))
		return CMD_RET_FAILURE;
	name = fs_get_type_name();
	if (argc == 4)
		env_set(argv[3], name);
	else
		printf("%s\n", name);
	fs_close();

	return CMD_RET_SUCCESS;
}

static int do_fstypes(struct cmd_tbl *cmdtp, int flag, int argc,
		      char *const argv[])
{
	fs_print_types();

	return CMD_RET_SUCCESS;
}

static int do_fsuuid(struct cmd_tbl *cmdtp, int flag, int argc,
		     char *const argv[])
{
	char uuid[40] = "";

	if (argc < 3 || argc > 4)
		return CMD_RET_USAGE;
	if (fs_set_blk_dev(argv[1], argv[2], FS_TYPE_ANY))
		return CMD_RET_FAILURE;
	if (fs_uuid(uuid)) {
		printf("** The filesystem has no UUID **\n");
		return CMD_RET_FAILURE;
	}
	if (argc == 4)
		env_set(argv[3], uuid);
	else
		printf("%s\n", uuid);

	return CMD_RET_SUCCESS;
}

/* The commands of every filesystem: FS_TYPE_ANY */
#define FS_CMDS(prefix, type)						\
static int do_##prefix##load(struct cmd_tbl *cmdtp, int flag, int argc,	\
			     char *const argv[])			\
{									\
	return do_load(cmdtp, flag, argc, argv, type);			\
}									\
static int do_##prefix##ls(struct cmd_tbl *cmdtp, int flag, int argc,	\
			   char *const argv[])				\
{									\
	return do_ls(cmdtp, flag, argc, argv, type);			\
}									\
static int do_##prefix##size(struct cmd_tbl *cmdtp, int flag, int argc,	\
			     char *const argv[])			\
{									\
	return do_size(cmdtp, flag, argc, argv, type);			\
}

#ifdef CONFIG_CMD_FS_GENERIC
FS_CMDS(any_, FS_TYPE_ANY)

U_BOOT_CMD(
	load, 7, 0, do_any_load,
	"load binary file from a filesystem",
	"<interface> [<dev[:part]> [<addr> [<filename> [bytes [pos]]]]]\n"
	"    - Load binary file 'filename' from partition 'part' on device\n"
	"       type 'interface' instance 'dev' to address 'addr' in memory.\n"
	"      'bytes' gives the size to load in bytes.\n"
	"      If 'bytes' is 0 or omitted, the file is read until the end.\n"
	"      'pos' gives the file byte position to start reading from.\n"
	"      If 'pos' is 0 or omitted, the file is read from the start."
);

U_BOOT_CMD(
	ls, 4, 1, do_any_ls,
	"list files in a directory (default /)",
	"<interface> [<dev[:part]> [directory]]\n"
	"    - List files in directory 'directory' of partition 'part' on\n"
	"      device type 'interface' instance 'dev'."
);

U_BOOT_CMD(
	size, 4, 0, do_any_size,
	"determine a file's size",
	"<interface> <dev[:part]> <filename>\n"
	"    - Find file 'filename' from 'dev' on 'interface'\n"
	"      determine its size, and store in the 'filesize' variable."
);

#ifdef CONFIG_FS_WRITE
static int do_any_save(struct cmd_tbl *cmdtp, int flag, int argc,
		       char *const argv[])
{
	return do_save(cmdtp, flag, argc, argv, FS_TYPE_ANY);
}

U_BOOT_CMD(
	save, 7, 0, do_any_save,
	"save file to a filesystem",
	"<interface> <dev[:part]> <addr> <filename> bytes [pos]\n"
	"    - Save binary file 'filename' to partition 'part' on device\n"
	"      type 'interface' instance 'dev' from addr 'addr' in memory.\n"
	"      'bytes' gives the size to save in bytes and is mandatory.\n"
	"      'pos' gives the file byte position to start writing to.\n"
	"      If 'pos' is 0 or omitted, the file is written from the start."
);
#endif

U_BOOT_CMD(
	fstype, 4, 1, do_fstype,
	"Look up a filesystem type",
	"<interface> <dev>:<part> [<varname>]\n"
	"- print filesystem type\n"
	"fstype <interface> <dev>:<part> <varname>\n"
	"- set environment variable to filesystem type\n"
);

U_BOOT_CMD(
	fstypes, 1, 1, do_fstypes,
	"List supported filesystem types",
	""
);

U_BOOT_CMD(
	fsuuid, 4, 1, do_fsuuid,
	"Look up a filesystem UUID",
	"<interface> <dev>:<part>\n"
	"    - print filesystem UUID\n"
	"fsuuid <interface> <dev>:<part> <varname>\n"
	"    - set environment variable to filesystem UUID\n"
);

#endif

#if defined(CONFIG_CMD_EXT4) || defined(CONFIG_CMD_EXT2)
FS_CMDS(ext4, FS_TYPE_EXT)
#endif

#ifdef CONFIG_CMD_EXT4

U_BOOT_CMD(
	ext4load, 7, 0, do_ext4load,
	"load binary file from a Ext4 filesystem",
	"<interface> [<dev[:part]> [addr [filename [bytes [pos]]]]]\n"
	"    - load binary file 'filename' from 'dev' on 'interface'\n"
	"      to address 'addr' from ext4 filesystem"
);

U_BOOT_CMD(
	ext4ls, 4, 1, do_ext4ls,
	"list files in a directory (default /)",
	"<interface> <dev[:part]> [directory]\n"
	"    - list files from 'dev' on 'interface' in a 'directory'"
);

U_BOOT_CMD(
	ext4size, 4, 0, do_ext4size,
	"determine a file's size",
	"<interface> <dev[:part]> <filename>\n"
	"    - Find file 'filename' from 'dev' on 'interface'\n"
	"      and determine its size."
);

#endif

#ifdef CONFIG_CMD_EXT2
U_BOOT_CMD(
	ext2load, 7, 0, do_ext4load,
	"load binary file from a Ext2 filesystem",
	"<interface> [<dev[:part]> [addr [filename [bytes [pos]]]]]\n"
	"    - load binary file 'filename' from 'dev' on 'interface'\n"
	"      to address 'addr' from ext2 filesystem."
);

U_BOOT_CMD(
	ext2ls, 4, 1, do_ext4ls,
	"list files in a directory (default /)",
	"<interface> <dev[:part]> [directory]\n"
	"    - list files from 'dev' on 'interface' in a 'directory'"
);
#endif

#ifdef CONFIG_CMD_FAT
FS_CMDS(fat, FS_TYPE_FAT)

U_BOOT_CMD(
	fatload, 7, 0, do_fatload,
	"load binary file from a dos filesystem",
	"<interface> [<dev[:part]> [<addr> [<filename> [bytes [pos]]]]]\n"
	"    - Load binary file 'filename' from 'dev' on 'interface'\n"
	"      to address 'addr' from dos filesystem.\n"
	"      'pos' gives the file position to start loading from.\n"
	"      If 'pos' is omitted, 0 is used. 'pos' requires 'bytes'.\n"
	"      'bytes' gives the size to load. If 'bytes' is 0 or omitted,\n"
	"      the load stops on end of file.\n"
	"      If either 'pos' or 'bytes' are not aligned to\n"
	"      ARCH_DMA_MINALIGN then a misaligned buffer warning will\n"
	"      be printed and performance will suffer for the load."
);

U_BOOT_CMD(
	fatls, 4, 1, do_fatls,
	"list files in a directory (default /)",
	"<interface> [<dev[:part]>] [directory]\n"
	"    - list files from 'dev' on 'interface' in a 'directory'"
);

/* fatinfo: the device as 'virtio info' shows it, then the FAT's type and label */
static int do_fatinfo(struct cmd_tbl *cmdtp, int flag, int argc,
		      char *const argv[])
{
	struct disk_partition info;
	struct blk_desc *desc;
	int part;

	if (argc < 2) {
		printf("usage: fatinfo <interface> [<dev[:part]>]\n");
		return 0;
	}
	part = blk_get_device_part_str(argv[1], cmd_arg2(argc, argv), &desc,
				       &info, 1);
	if (part < 0) {
		part_print_dev_err(argv[1], cmd_arg2(argc, argv), part);
		return CMD_RET_FAILURE;
	}
	if (fs_set_blk_dev_with_part(desc, part) ||
	    fs_get_type() != FS_TYPE_FAT) {
		fs_close();
		printf("\n** Unable to use %s %d:%d for fatinfo **\n", argv[1],
		       desc->devnum, part);
		return CMD_RET_FAILURE;
	}
	printf("Interface:  %s\n", blk_get_uclass_name(desc->uclass_id));
	printf("  Device %d: ", desc->devnum);
	dev_print(desc);
	fat_print_info();
	fs_close();

	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	fatinfo, 3, 1, do_fatinfo,
	"print information about filesystem",
	"<interface> [<dev[:part]>]\n"
	"    - print information about filesystem from 'dev' on 'interface'"
);

#ifdef CONFIG_FAT_WRITE
static int do_fatwrite(struct cmd_tbl *cmdtp, int flag, int argc,
		       char *const argv[])
{
	return do_save(cmdtp, flag, argc, argv, FS_TYPE_FAT);
}

U_BOOT_CMD(
	fatwrite, 7, 0, do_fatwrite,
	"write file into a dos filesystem",
	"<interface> <dev[:part]> <addr> <filename> [<bytes> [<offset>]]\n"
	"    - write file 'filename' from the address 'addr' in RAM\n"
	"      to 'dev' on 'interface'"
);
#endif

U_BOOT_CMD(
	fatsize, 4, 0, do_fatsize,
	"determine a file's size",
	"<interface> <dev[:part]> <filename>\n"
	"    - Find file 'filename' from 'dev' on 'interface'\n"
	"      and determine its size."
);
#endif
