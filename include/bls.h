/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Boot Loader Specification type #1 entries (*.conf files in /loader/entries/):
 * parsed, sorted as the specification says, and turned into extlinux
 * labels that pxe_label_boot() boots.
 */
#ifndef __BLS_H
#define __BLS_H

#include <linux/types.h>

struct pxe_label;

/* Most entries one folder gives */
#define BLS_MAX_ENTRIES		32

/**
 * struct bls_entry - one entry file
 * @id:		the file name without ".conf"
 * @title:	"title"
 * @version:	"version"
 * @machine_id:	"machine-id"
 * @sort_key:	"sort-key"
 * @kernel:	the kernel ("linux")
 * @initrd:	every "initrd" line, comma-separated
 * @options:	every "options" line, space-separated
 * @devicetree:	the device tree
 * Any may be NULL when the file does not have it.
 */
struct bls_entry {
	char *id;
	char *title;
	char *version;
	char *machine_id;
	char *sort_key;
	char *kernel;
	char *initrd;
	char *options;
	char *devicetree;
};

/**
 * bls_parse() - parse an entry's text ("key value" lines, '#' comments)
 * @text:	the file (need not end with a NUL)
 * @len:	its length
 * @id:		the file name without ".conf"
 * @entry:	filled in; free with bls_free()
 * Return: 0, or -ENOMEM
 */
int bls_parse(const char *text, size_t len, const char *id,
	      struct bls_entry *entry);

/** bls_free() - release what bls_parse() allocated */
void bls_free(struct bls_entry *entry);

/**
 * bls_versioncmp() - compare two version strings
 * @a:	one
 * @b:	the other
 *
 * As the specification's version format: digit runs by value, letters
 * before digits at the same place, '~' before anything (a pre-release),
 * other characters only separate.
 * Return: <0, 0 or >0
 */
int bls_versioncmp(const char *a, const char *b);

/**
 * bls_sort() - put entries in menu order
 * @entries:	the entries
 * @count:	how many
 *
 * Those with a sort-key first (by sort-key, then machine-id, then
 * version, newest first), then the others by file name, highest version
 * first.
 */
void bls_sort(struct bls_entry *entries, int count);

/**
 * bls_to_label() - an extlinux label booting an entry (strings copied)
 * @entry:	the entry
 * @label:	filled in
 * Return: 0, -ENOENT if the entry names no kernel, or -ENOMEM
 */
int bls_to_label(const struct bls_entry *entry, struct pxe_label *label);

#endif
