/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Standard boot, as U-Boot's bootstd: boot devices (one per block
 * device), boot methods (extlinux, script, bls), and the bootflows a
 * scan finds (a method's file on a partition of a device).
 */
#ifndef __BOOTFLOW_H
#define __BOOTFLOW_H

#include <linux/types.h>

struct blk_desc;
struct udevice;
struct bootflow;

/* Most bootflows one scan keeps */
#define BOOTFLOW_MAX		32

enum bootflow_state {
	BOOTFLOWST_BASE,
	BOOTFLOWST_MEDIA,
	BOOTFLOWST_PART,
	BOOTFLOWST_FS,
	BOOTFLOWST_FILE,
	BOOTFLOWST_READY,
};

/**
 * struct bootmeth - a way to boot from a partition
 * @name:	its name ("extlinux")
 * @desc:	one line for 'bootmeth list'
 * @read:	look for its file on the partition the filesystem layer has
 *		open for it (fs_set_blk_dev_with_part()); fill in @bflow's
 *		subdir, fname, buf, size; 0 if found, else -ENOENT
 * @boot:	boot @bflow; returns only on failure
 * @net:	a method of the network boot device (its @read is given no
 *		partition: @bflow's blk is the Ethernet device, desc NULL)
 */
struct bootmeth {
	const char *name;
	const char *desc;
	int (*read)(struct bootflow *bflow);
	int (*boot)(struct bootflow *bflow);
	bool net;
};

/**
 * struct bootflow - one way to boot found by a scan
 * @name:	"<bootdev>.part_<n>" ("<bootdev>.0" on the network)
 * @blk:	the block device (the Ethernet device on the network)
 * @desc:	its descriptor (NULL on the network)
 * @part:	the partition (0: the whole disk)
 * @meth:	the method that found it
 * @loadparm:	the entry to boot (a label or its number), NULL or empty for
 *		the default (an s390 IPL passes the machine's load parameter)
 * @state:	how far it got (BOOTFLOWST_READY: bootable)
 * @subdir:	the folder its file is in ("/" or "/boot/")
 * @fname:	its file's path
 * @buf:	the file's contents (NUL-terminated), @size bytes
 * @size:	its size
 * @err:	why it failed, 0 if not
 */
struct bootflow {
	char name[48];
	struct udevice *blk;
	struct blk_desc *desc;
	int part;
	const struct bootmeth *meth;
	const char *loadparm;
	enum bootflow_state state;
	char *subdir;
	char *fname;
	char *buf;
	ulong size;
	int err;
};

/* Flags of bootflow_scan() */
#define BOOTFLOWF_LIST		BIT(0)	/* -l: show each as found */
#define BOOTFLOWF_BOOT		BIT(1)	/* -b: boot each as found */
#define BOOTFLOWF_ALL		BIT(2)	/* -a: keep the ones that failed */

/**
 * bootflow_scan() - find the bootflows of every boot device
 * @flags:	BOOTFLOWF_*
 * @label:	if not NULL, only the devices this boot_targets word names
 * Return: the number found (ready ones, or all with BOOTFLOWF_ALL)
 */
int bootflow_scan(uint flags, const char *label);

/**
 * bootflow_boot_dev() - boot from one block device: each bootflow of each
 * partition (the whole disk without a partition table) as found
 * @desc:	the device
 * @loadparm:	the entry each method boots (see struct bootflow)
 * Return: only when nothing booted: -ENOENT if no method found anything
 *	to boot, -ENXIO if each one found has no entry @loadparm names,
 *	else -EIO (each failure was shown)
 */
int bootflow_boot_dev(struct blk_desc *desc, const char *loadparm);

/** bootflow_count() - bootflows the last scan kept */
int bootflow_count(void);

/** bootflow_get() - the @seq'th bootflow of the last scan, NULL if none */
struct bootflow *bootflow_get(int seq);

/** bootflow_list() - 'bootflow list': every bootflow of the last scan */
void bootflow_list(void);

/** bootflow_show() - one row of 'bootflow list' */
void bootflow_show(int seq, const struct bootflow *bflow);

/** bootflow_boot() - boot it; returns only on failure */
int bootflow_boot(struct bootflow *bflow);

/** bootflow_state_name() - "ready", "fs", ... */
const char *bootflow_state_name(enum bootflow_state state);

/* Boot methods, in their default order (boot/bootmeth_*.c) */
extern const struct bootmeth bootmeth_extlinux;
extern const struct bootmeth bootmeth_script;
extern const struct bootmeth bootmeth_bls;
extern const struct bootmeth bootmeth_pxe;

/**
 * bootmeth_get() - a method of the current order
 * @i:	its position in U-Boot's "bootmeth order", else among all
 * Return: the method, NULL past the end
 */
const struct bootmeth *bootmeth_get(int i);

/** bootmeth_all() - the method with sequence number @seq, NULL if none */
const struct bootmeth *bootmeth_all(int seq);

/**
 * bootmeth_order_from_env() - $bootmeths, as U-Boot: when set, the order
 * of every scan (an unknown name in it: every method, after one line)
 */
void bootmeth_order_from_env(void);

/**
 * bootmeth_set_order() - set the order from a list of names
 * @names:	the methods' names, separated by spaces
 * Return: 0, or -ENOENT after printing which name is unknown
 */
int bootmeth_set_order(const char *names);

/**
 * bootflow_load() - read a whole file of a partition into a new buffer
 * @desc:	the block device
 * @part:	the partition (0: the whole disk)
 * @path:	the file
 * @max:	the most bytes accepted
 * @bufp:	set to the buffer (NUL-terminated; free() it)
 * @sizep:	set to the file's size
 * Return: 0; -ENODEV (no filesystem), -ENOENT (no such file), -E2BIG,
 * -ENOMEM or a read error
 */
int bootflow_load(struct blk_desc *desc, int part, const char *path,
		  ulong max, char **bufp, ulong *sizep);

/**
 * bootflow_read_file() - read a file of the bootflow's partition
 * @bflow:	the bootflow: its fname, buf, size and subdir are set
 * @subdir:	the folder ("/", "/boot/")
 * @name:	the file in it
 * Return: 0, -ENOENT if there is no such file, or another error
 */
int bootflow_read_file(struct bootflow *bflow, const char *subdir,
		       const char *name);

#endif
