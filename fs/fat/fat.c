// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * FAT12, FAT16 and FAT32, read-only, with VFAT long names.
 *
 * probe() reads the boot sector and keeps the layout in 'fat_vol'. The FAT is
 * read through a cache of one aligned window of FAT_WIN bytes, so that
 * walking a long chain reads each part of the FAT once. Cluster chains
 * are walked in runs of consecutive clusters; a file's read is one
 * fs_devread() per run, straight into the destination. Every walk is
 * bounded: a chain revisiting a cluster (Brent's cycle detection) or
 * longer than the number of clusters is reported as a loop.
 *
 * The FAT type follows Microsoft's rule (fewer than 4085 clusters:
 * FAT12, fewer than 65525: FAT16), except that a boot sector in the
 * FAT32 layout (a 16-bit FAT size of 0) is FAT32 whatever its cluster
 * count, as Linux and U-Boot read it: mkfs.fat -F 32 makes such small
 * FAT32 filesystems.
 */
#include <common.h>
#include <errno.h>
#include <fat.h>
#include <fs.h>
#include <malloc.h>
#include <linux/byteorder.h>
#include <linux/ctype.h>
#include <linux/string.h>
#include "../fs_internal.h"
#include "fat_internal.h"

/* What probe() learnt */
struct fat_volume fat_vol;

u64 fat_clus_off(u32 clus)
{
	return fat_vol.data_off + ((u64)(clus - 2) << fat_vol.clus_shift);
}

int fat_byte(u64 off, u8 *val)
{
	int ret;

	if (off - fat_vol.win_off >= fat_vol.win_len) {
#ifdef CONFIG_FAT_WRITE
		/* a changed window goes back to the disk before it moves */
		ret = fat_win_flush();
		if (ret)
			return ret;
#endif
		fat_vol.win_off = off & ~(u64)(FAT_WIN - 1);
		fat_vol.win_len = min_t(u64, FAT_WIN,
					fat_vol.fat_bytes - fat_vol.win_off);
		ret = fs_devread(fat_vol.fat_off + fat_vol.win_off,
				 fat_vol.win_len, fat_vol.win);
		if (ret) {
			fat_vol.win_len = 0;
			return ret;
		}
	}
	*val = fat_vol.win[off - fat_vol.win_off];

	return 0;
}

/* The FAT entry of cluster @clus (which probe() made sure is in the FAT) */
int fat_entry(u32 clus, u32 *val)
{
	int i, n = fat_vol.bits == 12 ? 2 : fat_vol.bits / 8, ret;
	u64 off;
	u8 b;

	off = fat_vol.bits == 12 ? clus + clus / 2 : (u64)clus * n;
	*val = 0;
	if (off - fat_vol.win_off < fat_vol.win_len &&
	    off - fat_vol.win_off + n <= fat_vol.win_len) {
		/* in the window (nearly always): no byte-by-byte walk */
		const u8 *p = fat_vol.win + (off - fat_vol.win_off);

		*val = n == 4 ? get_unaligned_le32(p) : get_unaligned_le16(p);
	} else {
		for (i = 0; i < n; i++) {
			ret = fat_byte(off + i, &b);
			if (ret)
				return ret;
			*val |= (u32)b << (8 * i);
		}
	}
	if (fat_vol.bits == 12)
		*val = clus & 1 ? *val >> 4 : *val & 0xfff;
	else if (fat_vol.bits == 32)
		*val &= 0x0fffffff;

	return 0;
}

/*
 * How many clusters from @clus on, at most @max, point each to the next
 * one, as far as the FAT window holds their entries (FAT16 and FAT32): a
 * contiguous file's chain, walked without the general step's checks. A
 * run of ascending clusters inside the data area cannot loop.
 */
static u32 fat_ascending(u32 clus, u32 max)
{
	unsigned int n = fat_vol.bits / 8;
	u64 off = (u64)clus * n - fat_vol.win_off;
	const u8 *p;
	u32 k, val;

	if (fat_vol.bits == 12 || off >= fat_vol.win_len)
		return 0;
	p = fat_vol.win + off;
	max = min_t(u64, max, (fat_vol.win_len - off) / n);
	for (k = 0; k < max; k++, p += n) {
		val = n == 4 ? get_unaligned_le32(p) & 0x0fffffff :
			       get_unaligned_le16(p);
		if (val != clus + k + 1 || val - 2 >= fat_vol.nclus)
			break;
	}

	return k;
}

int fat_chain_error(struct fat_chain *ch, const char *what)
{
	fs_set_error("cluster chain of /%.*s %s", ch->plen, ch->path, what);
	return what[0] == 'l' ? -ELOOP : -EIO;
}

int fat_chain_init(struct fat_chain *ch, u32 clus, const char *path,
		      int plen)
{
	memset(ch, 0, sizeof(*ch));
	ch->path = path;
	ch->plen = plen;
	ch->power = 1;
	ch->next = clus;
	if (clus < 2 || clus - 2 >= fat_vol.nclus)
		return fat_chain_error(ch, "points outside the data area");

	return 0;
}

/*
 * The next run of consecutive clusters, at most @max (>= 1) of them: its
 * first cluster in *@first; returns its length, 0 at the end of the
 * chain, or -ve
 */
int fat_chain_run(struct fat_chain *ch, u32 *first, u32 max)
{
	u32 clus = ch->next, next, eoc, n = 0, skip;
	int ret;

	if (!clus)
		return 0;
	eoc = fat_vol.bits == 12 ? 0xff8 :
	      fat_vol.bits == 16 ? 0xfff8 : 0x0ffffff8;
	*first = clus;
	for (;;) {
		if (++ch->count > fat_vol.nclus || clus == ch->saved)
			return fat_chain_error(ch, "loops");
		if (++ch->lam == ch->power) {
			ch->saved = clus;
			ch->power <<= 1;
			ch->lam = 0;
		}
		n++;
		skip = fat_ascending(clus, max - n);
		clus += skip;
		n += skip;
		ch->count += skip;
		if (ch->count > fat_vol.nclus)
			return fat_chain_error(ch, "loops");
		ret = fat_entry(clus, &next);
		if (ret)
			return ret;
		if (next >= eoc)
			next = 0;
		else if (next == eoc - 1)
			return fat_chain_error(ch, "reaches a bad cluster");
		else if (next < 2 || next - 2 >= fat_vol.nclus)
			return fat_chain_error(ch,
					       "points outside the data area");
		if (next != clus + 1 || n >= max)
			break;
		clus = next;
	}
	ch->next = next;

	return n;
}

u8 fat_sfn_checksum(const char *name)
{
	u8 sum = 0;
	int i;

	for (i = 0; i < 11; i++)
		sum = ((sum & 1) << 7) + (sum >> 1) + (u8)name[i];

	return sum;
}

static void slash_to_dot(char *name)
{
	for (; *name; name++) {
		if (*name == '/')
			*name = '.';
	}
}

int fat_dir_open(struct fat_dir *d, const struct fat_node *node,
		    const char *path, int plen)
{
	memset(d, 0, offsetof(struct fat_dir, buf));
	d->parent.desc = fs_dev_desc();
	d->lfn_want = -1;
	plen = min_t(int, plen, sizeof(d->path) - 1);
	memcpy(d->path, path, plen);
	if (node->root && fat_vol.bits != 32) {
		d->fixed = true;
		d->pos = fat_vol.root_off;
		d->left = fat_vol.root_bytes;
		d->ch.path = d->path;
		return 0;
	}

	return fat_chain_init(&d->ch,
			      node->root ? fat_vol.root_clus : node->clus,
			      d->path, plen);
}

/* The next 32-byte slot of the directory; -ENOENT at its end */
int fat_dir_slot(struct fat_dir *d, u8 **slotp)
{
	u32 first, len;
	int n;
	int ret;

	if (d->bufpos >= d->buflen) {
		if (!d->left) {
			if (d->fixed)
				return -ENOENT;
			n = fat_chain_run(&d->ch, &first, 1);
			if (n <= 0)
				return n ? n : -ENOENT;
			d->pos = fat_clus_off(first);
			d->left = 1U << fat_vol.clus_shift;
		}
		len = min_t(u32, d->left, DIR_CHUNK);
		ret = fs_devread(d->pos, len, d->buf);
		if (ret)
			return ret;
		d->pos += len;
		d->left -= len;
		d->bufpos = 0;
		d->buflen = len;
	}
	*slotp = d->buf + d->bufpos;
	d->bufpos += 32;

	return 0;
}

static void lfn_slot(struct fat_dir *d, const struct fat_lfn_entry *l)
{
	u16 *dst = d->lfn + ((l->ord & 0x1f) - 1) * 13;
	int i;

	for (i = 0; i < 5; i++)
		dst[i] = get_unaligned_le16(l->name1 + 2 * i);
	for (i = 0; i < 6; i++)
		dst[5 + i] = get_unaligned_le16(l->name2 + 2 * i);
	for (i = 0; i < 2; i++)
		dst[11 + i] = get_unaligned_le16(l->name3 + 2 * i);
}

/* The long name gathered, as UTF-8 in d->name; false if it is empty */
static bool lfn_name(struct fat_dir *d)
{
	char *p = d->name;
	int i;

	for (i = 0; i < ARRAY_SIZE(d->lfn) && d->lfn[i]; i++) {
		u32 c = d->lfn[i];

		if (c >= 0xd800 && c < 0xdc00 && i + 1 < ARRAY_SIZE(d->lfn) &&
		    d->lfn[i + 1] >= 0xdc00 && d->lfn[i + 1] < 0xe000) {
			c = 0x10000 + ((c - 0xd800) << 10) +
			    (d->lfn[++i] - 0xdc00);
		} else if (c >= 0xd800 && c < 0xe000) {
			c = '?';
		}
		if (c < 0x80) {
			*p++ = c;
		} else if (c < 0x800) {
			*p++ = 0xc0 | c >> 6;
			*p++ = 0x80 | (c & 0x3f);
		} else if (c < 0x10000) {
			*p++ = 0xe0 | c >> 12;
			*p++ = 0x80 | (c >> 6 & 0x3f);
			*p++ = 0x80 | (c & 0x3f);
		} else {
			*p++ = 0xf0 | c >> 18;
			*p++ = 0x80 | (c >> 12 & 0x3f);
			*p++ = 0x80 | (c >> 6 & 0x3f);
			*p++ = 0x80 | (c & 0x3f);
		}
	}
	*p = '\0';

	return p != d->name;
}

/* The 8.3 name, lower-cased as the NT flags say (as Linux shows it) */
static void sfn_name(const struct fat_dir_entry *de, char *out)
{
	int i, n;

	for (n = 8; n > 0 && de->name[n - 1] == ' '; n--)
		;
	for (i = 0; i < n; i++)
		*out++ = de->nt_res & CASE_LOWER_BASE ?
			 tolower((u8)de->name[i]) : de->name[i];
	for (n = 3; n > 0 && de->name[8 + n - 1] == ' '; n--)
		;
	if (n)
		*out++ = '.';
	for (i = 0; i < n; i++)
		*out++ = de->nt_res & CASE_LOWER_EXT ?
			 tolower((u8)de->name[8 + i]) : de->name[8 + i];
	*out = '\0';
}

/*
 * The next entry of the directory in d->de, d->name and d->sname:
 * deleted entries, volume labels and stray long-name slots skipped; 0,
 * -ENOENT at the end, or -ve
 */
int fat_dir_next(struct fat_dir *d)
{
	struct fat_lfn_entry *l;
	u8 *slot;
	int ret, n;

	while (!d->done) {
		ret = fat_dir_slot(d, &slot);
		if (ret == -ENOENT || (!ret && !slot[0]))
			d->done = true;
		if (ret)
			return ret;
		if (d->done)
			break;
		l = (struct fat_lfn_entry *)slot;
		if (slot[0] == DELETED_FLAG) {
			d->lfn_want = -1;
		} else if ((l->attr & 0x3f) == ATTR_VFAT) {
			n = l->ord & 0x1f;
			if (l->ord & LAST_LONG_ENTRY && n && n <= LFN_MAX) {
				memset(d->lfn, 0, sizeof(d->lfn));
				d->lfn_sum = l->chksum;
			} else if (n != d->lfn_want || !n ||
				   l->chksum != d->lfn_sum) {
				d->lfn_want = -1;
				continue;
			}
			lfn_slot(d, l);
			d->lfn_want = n - 1;
		} else if (l->attr & ATTR_VOLUME) {
			d->lfn_want = -1;
		} else {
			d->de = (struct fat_dir_entry *)slot;
			sfn_name(d->de, d->sname);
			if (d->sname[0] == ESC_E5)
				d->sname[0] = (char)DELETED_FLAG;
			if (d->lfn_want || d->lfn_sum !=
			    fat_sfn_checksum(d->de->name) || !lfn_name(d))
				strcpy(d->name, d->sname);
			d->lfn_want = -1;
			/* no name can hold a '/' (a damaged entry): as ISO */
			slash_to_dot(d->name);
			slash_to_dot(d->sname);
			return 0;
		}
	}

	return -ENOENT;
}

void fat_dir_node(const struct fat_dir *d, struct fat_node *node)
{
	const struct fat_dir_entry *de = d->de;

	node->attr = de->attr;
	node->size = le32_to_cpu(de->file_size);
	node->clus = le16_to_cpu(de->fst_clus_lo);
	if (fat_vol.bits == 32)
		node->clus |= (u32)le16_to_cpu(de->fst_clus_hi) << 16;
	/* ".." of a directory in the root */
	node->root = de->attr & ATTR_DIR && !node->clus;
}

bool fat_name_is(const char *name, const char *comp, int len)
{
	return strlen(name) == len && !strncasecmp(name, comp, len);
}

/*
 * Find @path from the root into *@node, using the directory buffer @d;
 * 0, -ENOENT, -ENOTDIR, or -ve
 */
int fat_lookup(const char *path, struct fat_dir *d, struct fat_node *node)
{
	const char *start, *comp;
	int len, plen, ret;

	while (*path == '/')
		path++;
	start = path;
	memset(node, 0, sizeof(*node));
	node->root = true;
	node->attr = ATTR_DIR;
	for (;;) {
		while (*path == '/')
			path++;
		if (!*path)
			return 0;
		comp = path;
		while (*path && *path != '/')
			path++;
		len = path - comp;
		if (!(node->attr & ATTR_DIR))
			return -ENOTDIR;
		if (node->root && (fat_name_is(".", comp, len) ||
				   fat_name_is("..", comp, len)))
			continue;
		for (plen = comp - start; plen && start[plen - 1] == '/';)
			plen--;
		ret = fat_dir_open(d, node, start, plen);
		while (!ret) {
			ret = fat_dir_next(d);
			if (!ret && (fat_name_is(d->name, comp, len) ||
				     fat_name_is(d->sname, comp, len)))
				break;
		}
		if (ret)
			return ret;
		fat_dir_node(d, node);
	}
}

/* Look @path up with a directory buffer of its own */
static int lookup_node(const char *path, struct fat_node *node)
{
	struct fat_dir *d = malloc(sizeof(*d));
	int ret;

	if (!d)
		return -ENOMEM;
	ret = fat_lookup(path, d, node);
	free(d);

	return ret;
}

static void fat_close(void)
{
	free(fat_vol.win);
	memset(&fat_vol, 0, sizeof(fat_vol));
}

static int fat_probe(void)
{
	struct fat_boot_sector bs;
	struct fat_ext_bpb *ext;
	u32 bps, spc, rsvd, nfats, tot, fatsz, root_secs, count, entries;
	u64 meta, size = fs_dev_size();
	int ret, active = 0;

	fat_close();
	if (size < 512)
		return -EINVAL;
	ret = fs_devread(0, sizeof(bs), &bs);
	if (ret)
		return ret;
	bps = get_unaligned_le16(bs.byts_per_sec);
	spc = bs.sec_per_clus;
	rsvd = get_unaligned_le16(bs.rsvd_sec_cnt);
	nfats = bs.num_fats;
	tot = get_unaligned_le16(bs.tot_sec16);
	if (!tot)
		tot = get_unaligned_le32(bs.tot_sec32);
	fatsz = get_unaligned_le16(bs.fat_sz16);
	fat_vol.bits = fatsz ? 16 : 32;
	if (!fatsz)
		fatsz = get_unaligned_le32(bs.fat_sz32);
	root_secs = DIV_ROUND_UP(get_unaligned_le16(bs.root_ent_cnt) * 32,
				 bps ? bps : 1);
	if (bps < 512 || bps > 4096 || bps & (bps - 1) || !spc ||
	    spc & (spc - 1) || !rsvd || !nfats || !tot || !fatsz ||
	    (bs.media != 0xf0 && bs.media < 0xf8) ||
	    (fat_vol.bits == 16 && !root_secs))
		return -EINVAL;
	meta = rsvd + (u64)nfats * fatsz + root_secs;
	if (meta >= tot)
		return -EINVAL;
	count = (tot - meta) / spc;
	ext = &bs.ext;
	if (fat_vol.bits == 16) {
		if (count >= 65525)
			return -EINVAL;
		if (count < 4085)
			fat_vol.bits = 12;
		ext = (struct fat_ext_bpb *)bs.fat_sz32;
	} else if (get_unaligned_le16(bs.ext_flags) & 0x80) {
		active = get_unaligned_le16(bs.ext_flags) & 0xf;
		if (active >= nfats)
			return -EINVAL;
	}

	fat_vol.clus_shift = __builtin_ctz(bps * spc);
	fat_vol.fat_off = (rsvd + (u64)active * fatsz) * bps;
	fat_vol.fat_bytes = (u64)fatsz * bps;
	fat_vol.root_off = (rsvd + (u64)nfats * fatsz) * bps;
	fat_vol.root_bytes = root_secs * bps;
	fat_vol.root_clus = get_unaligned_le32(bs.root_clus);
	fat_vol.data_off = meta * bps;
	/* Only the clusters the FAT describes and the partition holds */
	entries = min_t(u64, fat_vol.fat_bytes * 8 / fat_vol.bits,
			FAT32_MAX_CLUS);
	count = min(count, entries > 2 ? entries - 2 : 0);
	if (fat_vol.data_off >= size)
		count = 0;
	else
		count = min_t(u64, count,
			      (size - fat_vol.data_off) >> fat_vol.clus_shift);
	fat_vol.nclus = count;
	memcpy(fat_vol.vol_id, ext->vol_id, 4);
	memcpy(fat_vol.label, ext->vol_lab, 11);
	fat_vol.win = malloc(FAT_WIN);
	if (!fat_vol.win)
		return -ENOMEM;
	fat_vol.probed = true;

	return 0;
}

static int fat_opendir(const char *path, struct fs_dir_stream **dirsp)
{
	struct fat_dir *d = malloc(sizeof(*d));
	struct fat_node node;
	int ret;

	if (!d)
		return -ENOMEM;
	ret = fat_lookup(path, d, &node);
	if (!ret && !(node.attr & ATTR_DIR))
		ret = -ENOTDIR;
	while (!ret && *path == '/')
		path++;
	if (!ret)
		ret = fat_dir_open(d, &node, path, strlen(path));
	if (ret) {
		free(d);
		return ret;
	}
	*dirsp = &d->parent;

	return 0;
}

static int fat_readdir(struct fs_dir_stream *dirs, struct fs_dirent **dentp)
{
	struct fat_dir *d = (struct fat_dir *)dirs;
	struct fs_dirent *dent = &d->dirent;
	struct fat_node node;
	int ret, n;

	ret = fat_dir_next(d);
	if (ret)
		return ret;
	fat_dir_node(d, &node);
	memset(dent, 0, sizeof(*dent));
	n = strlen(d->name);
	if (n >= sizeof(dent->name)) {
		/* cut at a character's start */
		n = sizeof(dent->name) - 1;
		while (n && (d->name[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dent->name, d->name, n);
	dent->attr = node.attr;
	if (node.attr & ATTR_DIR) {
		dent->type = FS_DT_DIR;
	} else {
		dent->type = FS_DT_REG;
		dent->size = node.size;
	}
	*dentp = dent;

	return 0;
}

static void fat_closedir(struct fs_dir_stream *dirs)
{
	free(dirs);
}

static int fat_size(const char *path, loff_t *size)
{
	struct fat_node node;
	int ret;

	ret = lookup_node(path, &node);
	if (!ret)
		*size = node.attr & ATTR_DIR ? 0 : node.size;

	return ret;
}

static int fat_read(const char *path, void *buf, loff_t offset, loff_t len,
		    loff_t *actread)
{
	struct fat_chain ch;
	struct fat_node node;
	u64 pos = 0, end, from, to, run;
	u32 first;
	int n;
	int ret;

	*actread = 0;
	ret = lookup_node(path, &node);
	if (ret)
		return ret;
	if (node.attr & ATTR_DIR)
		return -EISDIR;
	if (offset < 0 || len < 0 || offset > node.size)
		return -EINVAL;
	end = node.size;
	if (len && len < end - offset)
		end = offset + len;
	if (end == offset)
		return 0;
	while (*path == '/')
		path++;
	ret = fat_chain_init(&ch, node.clus, path, strlen(path));
	if (ret)
		return ret;
	while (pos < end) {
		/* (a file is under 4 GiB: the count fits) */
		n = fat_chain_run(&ch, &first, (end - pos +
				  (1U << fat_vol.clus_shift) - 1) >>
				  fat_vol.clus_shift);
		if (n < 0)
			return n;
		if (!n)
			return fat_chain_error(&ch, "is shorter than the file");
		run = (u64)n << fat_vol.clus_shift;
		from = max_t(u64, pos, offset);
		to = min(pos + run, end);
		if (to > from) {
			ret = fs_devread(fat_clus_off(first) + from - pos,
					 to - from, (u8 *)buf + from - offset);
			if (ret)
				return ret;
		}
		pos += run;
	}
	*actread = end - offset;

	return 0;
}

static int fat_exists(const char *path)
{
	struct fat_node node;

	return !lookup_node(path, &node);
}

static int fat_uuid(char *uuid_str)
{
	const u8 *id = fat_vol.vol_id;

	sprintf(uuid_str, "%02X%02X-%02X%02X", id[3], id[2], id[1], id[0]);

	return 0;
}

int fat_print_info(void)
{
	if (!fat_vol.probed)
		return -ENODEV;
	printf("Filesystem: FAT%d \"%s\"\n", fat_vol.bits, fat_vol.label);

	return 0;
}

U_BOOT_FS_DRIVER(fat) = {
	.name = "fat",
	.fstype = FS_TYPE_FAT,
	.probe = fat_probe,
	.close = fat_close,
	.opendir = fat_opendir,
	.readdir = fat_readdir,
	.closedir = fat_closedir,
	.size = fat_size,
	.read = fat_read,
	.exists = fat_exists,
	.uuid = fat_uuid,
#ifdef CONFIG_FAT_WRITE
	.write = fat_write,
#endif
};
