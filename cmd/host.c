// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * 'host bind|unbind|info' (sandbox): attach host files as "host" block
 * devices at run time, with U-Boot's syntax and output. A label that is
 * a (hex) number is also the device number: 'host bind 0 disk.img'
 * makes "host 0". Binding a label again replaces the file behind it.
 */
#include <common.h>
#include <blk.h>
#include <command.h>
#include <dm.h>
#include <errno.h>
#include <fs.h>
#include <sandbox_host.h>
#include <vsprintf.h>

/* The BLK child of a UCLASS_HOST device */
static struct blk_desc *host_desc(struct udevice *dev)
{
	return blk_get_by_device(dev);
}

/* A host device by label, else by device number; NULL after saying so */
static struct udevice *host_find(const char *label, bool quiet)
{
	struct blk_desc *desc;
	struct udevice *dev;
	struct uclass *uc;
	ulong devnum;
	char *ep;

	if (uclass_get(UCLASS_HOST, &uc))
		goto none;
	uclass_foreach_dev(dev, uc) {
		if (!strcmp(dev->name, label))
			return dev;
	}
	devnum = hextoul(label, &ep);
	if (ep != label && !*ep) {
		uclass_foreach_dev(dev, uc) {
			desc = host_desc(dev);
			if (desc && desc->devnum == (int)devnum)
				return dev;
		}
	}
none:
	if (!quiet)
		printf("No such device '%s'\n", label);
	return NULL;
}

/* The file commands on the host's files ("hostfs -"), as U-Boot's */
static int do_host_load(struct cmd_tbl *cmdtp, int flag, int argc,
			char *const argv[])
{
	return do_load(cmdtp, flag, argc, argv, FS_TYPE_SANDBOX);
}

static int do_host_ls(struct cmd_tbl *cmdtp, int flag, int argc,
		      char *const argv[])
{
	return do_ls(cmdtp, flag, argc, argv, FS_TYPE_SANDBOX);
}

static int do_host_size(struct cmd_tbl *cmdtp, int flag, int argc,
			char *const argv[])
{
	return do_size(cmdtp, flag, argc, argv, FS_TYPE_SANDBOX);
}

static int do_host_bind(struct cmd_tbl *cmdtp, int flag, int argc,
			char *const argv[])
{
	unsigned long blksz = DEFAULT_BLKSZ;
	bool removable = false;
	struct udevice *dev;
	const char *label;
	int devnum = -1;
	char *ep;
	int ret;

	argc--;
	argv++;
	if (argc && !strcmp(argv[0], "-r")) {
		removable = true;
		argc--;
		argv++;
	}
	if (argc < 2 || argc > 3)
		return CMD_RET_USAGE;
	label = argv[0];
	if (argc > 2) {
		blksz = dectoul(argv[2], &ep);
		if (*ep || blksz < DEFAULT_BLKSZ || (blksz & (blksz - 1))) {
			printf("blksz must be >= 512 and power of 2\n");
			return CMD_RET_FAILURE;
		}
	}
	dev = host_find(label, true);
	if (dev) {
		devnum = host_desc(dev) ? host_desc(dev)->devnum : -1;
		ret = host_detach(dev);
		if (ret) {
			printf("Cannot detach file (err=%d)\n", ret);
			return CMD_RET_FAILURE;
		}
	} else {
		ulong n = hextoul(label, &ep);

		if (ep != label && !*ep && !blk_find_device(UCLASS_HOST, n,
							    &dev)) {
			printf("Cannot bind '%s': host %lx is taken\n", label,
			       n);
			return CMD_RET_FAILURE;
		}
		if (ep != label && !*ep)
			devnum = n;
	}
	ret = host_create_attach_file(label, argv[1], devnum, blksz,
				      removable, &dev);
	if (ret) {
		printf("Cannot create device / bind file: %s\n",
		       ret == -EINVAL ? "empty or not a whole number of blocks" :
		       errno_str(ret));
		return CMD_RET_FAILURE;
	}

	return CMD_RET_SUCCESS;
}

static int do_host_unbind(struct cmd_tbl *cmdtp, int flag, int argc,
			  char *const argv[])
{
	struct udevice *dev;
	int ret;

	if (argc < 2)
		return CMD_RET_USAGE;
	dev = host_find(argv[1], false);
	if (!dev)
		return CMD_RET_FAILURE;
	ret = host_detach(dev);
	if (ret) {
		printf("Cannot detach file (err=%d)\n", ret);
		return CMD_RET_FAILURE;
	}

	return CMD_RET_SUCCESS;
}

static void host_show(struct udevice *dev)
{
	struct blk_desc *desc = host_desc(dev);

	if (!desc) {
		printf("%3s Not bound to a backing file\n", "-");
		return;
	}
	printf("%3d %12llu %6lu %-15s %s\n", desc->devnum,
	       (unsigned long long)desc->lba, desc->blksz, dev->name,
	       host_get_filename(dev));
}

static int do_host_info(struct cmd_tbl *cmdtp, int flag, int argc,
			char *const argv[])
{
	struct udevice *dev = NULL;
	struct uclass *uc;

	if (argc >= 2) {
		dev = host_find(argv[1], false);
		if (!dev)
			return CMD_RET_FAILURE;
	}
	printf("%3s %12s %6s %-15s %s\n", "dev", "blocks", "blksz", "label",
	       "path");
	if (dev) {
		host_show(dev);
	} else if (!uclass_get(UCLASS_HOST, &uc)) {
		uclass_foreach_dev(dev, uc)
			host_show(dev);
	}

	return CMD_RET_SUCCESS;
}

U_BOOT_CMD_WITH_SUBCMDS(host, "Miscellaneous host commands",
	"load hostfs - <addr> <filename> [<bytes> <offset>]  - load a file from host\n"
	"host ls hostfs - <filename>                    - list files on host\n"
	"host size hostfs - <filename> - determine size of file on host\n"
	"host bind [-r] <label> <filename> [<blksz>] - bind \"host\" device to file,\n"
	"     and optionally set the device's logical block size\n"
	"     -r = mark as removable\n"
	"host unbind <label>     - unbind file from \"host\" device\n"
	"host info [<label>]     - show device binding & info\n"
	"The \"host\" device is used with standard IO commands such as\n"
	"fatls or ext2load",
	U_BOOT_SUBCMD_MKENT(load, 7, 0, do_host_load),
	U_BOOT_SUBCMD_MKENT(ls, 4, 0, do_host_ls),
	U_BOOT_SUBCMD_MKENT(size, 4, 0, do_host_size),
	U_BOOT_SUBCMD_MKENT(bind, 5, 0, do_host_bind),
	U_BOOT_SUBCMD_MKENT(unbind, 2, 0, do_host_unbind),
	U_BOOT_SUBCMD_MKENT(info, 2, 1, do_host_info));
