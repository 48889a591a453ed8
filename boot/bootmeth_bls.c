// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The Boot Loader Specification method: the type #1 entries in
 * /loader/entries/ or /boot/loader/entries/ of a partition, sorted as the
 * specification says, booted as extlinux labels (the first, unless the
 * first fails); paths in the entries are the partition's.
 */

#include <common.h>
#include <bls.h>
#include <bootflow.h>
#include <fs.h>
#include <malloc.h>
#include <pxe_utils.h>

#define BLS_MAX_FILE		(64 * 1024)

static const char *const dirs[] = {
	"/loader/entries/", "/boot/loader/entries/",
};

/* Is @name an entry file: "*.conf"? */
static int conf_len(const char *name)
{
	int len = strlen(name);

	return len > 5 && !strcmp(name + len - 5, ".conf") ? len - 5 : 0;
}

/* What list_entries() calls with each entry file */
typedef int (*bls_entry_fn)(struct bootflow *bflow, const char *dir,
			    const char *name, void *priv);

/* Call @fn on every entry of @dir; returns how many there were */
static int list_entries(struct bootflow *bflow, const char *dir,
			  bls_entry_fn fn, void *priv)
{
	char names[BLS_MAX_ENTRIES][FS_DIRENT_NAME_LEN];
	struct fs_dir_stream *ds;
	struct fs_dirent *de;
	int n = 0, i;

	if (fs_set_blk_dev_with_part(bflow->desc, bflow->part))
		return 0;
	ds = fs_opendir(dir);
	if (!ds)
		return 0;
	while ((de = fs_readdir(ds)) && n < BLS_MAX_ENTRIES) {
		if (de->type == FS_DT_REG && conf_len(de->name))
			strlcpy(names[n++], de->name, FS_DIRENT_NAME_LEN);
	}
	fs_closedir(ds);
	/* The listing is closed before any file is read */
	for (i = 0; fn && i < n; i++)
		fn(bflow, dir, names[i], priv);
	return n;
}

static int bls_read(struct bootflow *bflow)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(dirs); i++) {
		if (list_entries(bflow, dirs[i], NULL, NULL)) {
			bflow->state = BOOTFLOWST_FILE;
			bflow->fname = strdup(dirs[i]);
			bflow->subdir = strdup(dirs[i]);
			return bflow->fname && bflow->subdir ? 0 : -ENOMEM;
		}
	}
	return -ENOENT;
}

struct bls_list {
	struct bls_entry entries[BLS_MAX_ENTRIES];
	int count;
};

static int add_entry(struct bootflow *bflow, const char *dir,
		     const char *name, void *priv)
{
	struct bls_list *list = priv;
	char path[FS_DIRENT_NAME_LEN + 32], id[FS_DIRENT_NAME_LEN];
	ulong size;
	char *buf;
	int ret;

	snprintf(path, sizeof(path), "%s%s", dir, name);
	strlcpy(id, name, conf_len(name) + 1);
	ret = bootflow_load(bflow->desc, bflow->part, path, BLS_MAX_FILE, &buf,
			    &size);
	if (ret)
		return ret;
	if (!bls_parse(buf, size, id, &list->entries[list->count]))
		list->count++;
	free(buf);
	return 0;
}

static int bls_boot(struct bootflow *bflow)
{
	struct pxe_blk_ctx bc = { .desc = bflow->desc, .part = bflow->part };
	struct pxe_context ctx = { .getfile = pxe_blk_getfile, .ctx = &bc };
	struct bls_list *list;
	struct pxe_menu *menu;
	int i, ret = -ENOMEM;

	list = calloc(1, sizeof(*list));
	menu = calloc(1, sizeof(*menu));
	if (!list || !menu)
		goto out;
	list_entries(bflow, bflow->subdir, add_entry, list);
	bls_sort(list->entries, list->count);
	for (i = 0; i < list->count; i++) {
		if (!bls_to_label(&list->entries[i], &menu->labels[menu->count]))
			menu->count++;
	}
	ret = pxe_boot_menu(&ctx, menu, bflow->loadparm);
	pxe_menu_free(menu);
	for (i = 0; i < list->count; i++)
		bls_free(&list->entries[i]);
out:
	free(menu);
	free(list);
	return ret;
}

const struct bootmeth bootmeth_bls = {
	.name	= "bls",
	.desc	= "Boot Loader Specification entries from a block device",
	.read	= bls_read,
	.boot	= bls_boot,
};
