/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * extlinux.conf and pxelinux.cfg files (the syslinux configuration
 * syntax as U-Boot reads it), and Boot Loader Specification entries
 * turned into the same labels, booted by one function.
 */
#ifndef __PXE_UTILS_H
#define __PXE_UTILS_H

#include <linux/types.h>

/* Most labels a menu keeps; more are ignored (with a message) */
#define PXE_MAX_LABELS		32

/**
 * struct pxe_label - one bootable entry
 * @name:	the label's name ("label NAME"), what "default" names
 * @menu:	its "menu label" (shown in the menu), NULL if none
 * @kernel:	the kernel file ("kernel" or "linux")
 * @initrd:	the initrd files, comma-separated ("initrd a,b"); NULL if none
 * @fdt:	a device tree file ("fdt"/"devicetree"), NULL if none
 * @fdtdir:	a folder of device trees ("fdtdir"/"devicetreedir")
 * @append:	the kernel command line, NULL if none
 * @localboot:	"localboot": boot the local disk instead (not supported)
 * @ipappend:	"ipappend" flags (network boot)
 */
struct pxe_label {
	char *name;
	char *menu;
	char *kernel;
	char *initrd;
	char *fdt;
	char *fdtdir;
	char *append;
	bool localboot;
	int ipappend;
};

/**
 * struct pxe_menu - a parsed configuration file
 * @title:	"menu title", NULL if none
 * @default_label: "default" (or "ontimeout"), NULL if none
 * @timeout:	"timeout" in tenths of a second (0: none)
 * @prompt:	"prompt" value
 * @count:	labels in @labels
 * @labels:	in file order
 */
struct pxe_menu {
	char *title;
	char *default_label;
	int timeout;
	int prompt;
	int count;
	struct pxe_label labels[PXE_MAX_LABELS];
};

/**
 * pxe_parse() - parse a configuration file's text
 * @text:	the file (need not end with a NUL)
 * @len:	its length
 * @menu:	filled in; free with pxe_menu_free()
 *
 * Keywords are case-insensitive, unknown ones are ignored as syslinux
 * does; "include" and "menu include" are not followed.
 * Return: 0, or -ENOMEM
 */
int pxe_parse(const char *text, size_t len, struct pxe_menu *menu);

/** pxe_menu_free() - release what pxe_parse() allocated */
void pxe_menu_free(struct pxe_menu *menu);

/**
 * pxe_find_label() - a label by name, menu number ("2") or menu label
 * @menu:	the parsed file
 * @name:	what to look for
 * Return: the label, NULL if none matches
 */
struct pxe_label *pxe_find_label(struct pxe_menu *menu, const char *name);

/**
 * pxe_find_loadparm() - the label an s390 load parameter names: by
 * name, else by name without case (QEMU upper-cases the loadparm) or,
 * for 8 characters (all QEMU keeps), as a name's prefix, else as
 * pxe_find_label() does (the label's number, its menu label)
 * @menu:	the parsed file
 * @lp:		the load parameter, not empty
 * Return: the label, NULL if none matches
 */
struct pxe_label *pxe_find_loadparm(struct pxe_menu *menu, const char *lp);

/**
 * typedef pxe_getfile_t - read a file of the configuration's source
 * @ctx:	the caller's context
 * @path:	the file's path as the configuration names it
 * @addr:	where it goes
 * @sizep:	set to its size
 * Return: 0, or a negative error after printing why
 */
typedef int (*pxe_getfile_t)(void *ctx, const char *path, ulong addr,
			     ulong *sizep);

/**
 * struct pxe_context - where a label's files come from
 * @getfile:	reads a file
 * @ctx:	passed to @getfile
 * @bootdir:	prefix for relative paths (the configuration's folder)
 */
struct pxe_context {
	pxe_getfile_t getfile;
	void *ctx;
	const char *bootdir;
};

struct blk_desc;

/** struct pxe_blk_ctx - a partition files come from (pxe_blk_getfile()) */
struct pxe_blk_ctx {
	struct blk_desc *desc;
	int part;
};

/** pxe_blk_getfile() - a pxe_getfile_t reading the partition @ctx names */
int pxe_blk_getfile(void *ctx, const char *path, ulong addr, ulong *sizep);

/**
 * pxe_get_relfile() - read a file the configuration names, printing
 * "Retrieving file: <path>" as U-Boot does; $filesize is its size
 * @ctx:	where it comes from; a relative @path is under its bootdir
 * @path:	the file
 * @addr:	where it goes
 * @sizep:	set to its size
 * Return: 0, or a negative error after a line saying why
 */
int pxe_get_relfile(struct pxe_context *ctx, const char *path, ulong addr,
		    ulong *sizep);

/**
 * pxe_label_boot() - load a label's files and boot it
 * @ctx:	where the files come from
 * @label:	the label
 * Return: only on failure (after printing why): a negative error
 */
int pxe_label_boot(struct pxe_context *ctx, struct pxe_label *label);

/**
 * pxe_choose() - the label to boot: the menu (when "prompt" is set or a
 * timeout and a title are given) or the default, else the first
 * @menu:	the parsed file
 * @loadparm:	if not NULL or empty, a label name or number that wins
 * Return: the label, or NULL after printing why
 */
struct pxe_label *pxe_choose(struct pxe_menu *menu, const char *loadparm);

/**
 * pxe_boot_menu() - choose a label and boot it; on failure try the
 * others in order, as U-Boot's menu falls back
 * @ctx:	where the files come from
 * @menu:	the parsed file
 * @loadparm:	as for pxe_choose(); when set, no other label is tried
 * Return: only on failure: a negative error
 */
int pxe_boot_menu(struct pxe_context *ctx, struct pxe_menu *menu,
		  const char *loadparm);

/**
 * pxe_net_getfile() - a pxe_getfile_t fetching by TFTP from $serverip
 * @ctx:	unused
 * @path:	the file on the server
 * @addr:	where it goes
 * @sizep:	set to its size
 * Return: 0, or a negative error after the TFTP client's lines
 */
int pxe_net_getfile(void *ctx, const char *path, ulong addr, ulong *sizep);

/**
 * pxe_net_bootdir() - the folder of $bootfile ("" if it has none), which
 * pxelinux.cfg and the files it names are relative to
 * Return: a malloc()ed string, NULL if out of memory
 */
char *pxe_net_bootdir(void);

/**
 * pxe_get() - fetch this machine's pxelinux.cfg file, trying the names
 * pxelinux tries (boot/pxe_net.c) under @ctx's bootdir
 * @ctx:	its bootdir is the folder, its getfile reads (pxe_get_relfile())
 * @addr:	where the file goes
 * @sizep:	set to its size
 * @namep:	if not NULL, set to the path of the file found (malloc()ed)
 * Return: 0 ("Config file found"), or -ENOENT after "Config file not found"
 */
int pxe_get(struct pxe_context *ctx, ulong addr, ulong *sizep, char **namep);

/**
 * pxe_net_boot() - parse a configuration and boot its label
 * @ctx:	where the label's files come from
 * @text:	the file
 * @size:	its length
 * @loadparm:	as for pxe_choose()
 * @menu_timeout: -1 as the file says; else show the menu (s390: the
 *		machine asks for a boot menu), waiting this many tenths of a
 *		second (0: the file's timeout, none: until a choice)
 * Return: only on failure: a negative error, after a line saying why
 */
int pxe_net_boot(struct pxe_context *ctx, const char *text, ulong size,
		 const char *loadparm, int menu_timeout);

#endif
