// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Writing files on FAT12, FAT16 and FAT32 (CONFIG_FAT_WRITE), with U-Boot
 * 2023.01's semantics: a file that does not exist is created in its
 * folder (which must exist), one that does is written from an offset no
 * further than its end and then ends where the data ends, its cluster
 * chain cut or grown to fit.
 *
 * The reader (fat.c) finds the folder, the entry and the chains; the
 * FAT is changed in the reader's window, which goes back to every copy
 * of the FAT before it moves (fat_win_flush()) and at the end. Before a
 * byte is written, the whole write is planned: the name checked, the
 * entry found or the free directory slots for a new one, the old chain
 * walked, and enough free clusters counted. So bad input, a full disk or
 * a damaged chain change nothing; only a device failing part-way can
 * leave clusters taken that no file holds.
 *
 * A new name gets an 8.3 name as Linux's vfat makes one (shortname=mixed):
 * an upper-case 8.3 name stands alone; any other name gets VFAT long-name
 * slots, and an 8.3 name made of its upper-cased characters, with a
 * numeric tail (~1, ~2, ...) when characters were dropped or replaced or
 * the plain form is taken. Dates are 1980-01-01 (the firmware has no
 * clock), the archive bit is set.
 */
#include <common.h>
#include <blk.h>
#include <errno.h>
#include <fat.h>
#include <fs.h>
#include <malloc.h>
#include <linux/byteorder.h>
#include <linux/string.h>
#include "../fs_internal.h"
#include "fat_internal.h"

#define FAT_DATE_1980	0x0021		/* 1980-01-01 */
#define DIR_MAX_SLOTS	65536		/* the most entries of a directory */
#define TAIL_MAX	(DIR_MAX_SLOTS + 1)	/* a free tail below this */
#define FSI_LEAD_SIG	0x41615252
#define FSI_STRUC_SIG	0x61417272
#define FSI_FREE_COUNT	488
#define FSI_NXT_FREE	492
#define ZERO_CHUNK	4096

/* What the writer needs beyond what probe() learnt */
static struct {
	u64 fat0_off;		/* the first FAT written */
	u64 fat_stride;		/* bytes from one FAT copy to the next */
	u8 nfats;		/* copies written (FAT32 unmirrored: 1) */
	u64 fsinfo_off;		/* FAT32's FSInfo sector; 0: none usable */
	u32 hint;		/* where the free-cluster search starts */
	u32 eoc;		/* the end-of-chain mark written */
	s64 freed;		/* clusters freed less those taken */
} w;

/* A file's place in its directory and its chain */
struct fat_wfile {
	bool found;
	struct fat_node node;
	struct fat_dir_entry de;	/* its entry, as read */
	u64 de_off;			/* where the entry is */
	char sfn[11];			/* a new file's 8.3 name */
	int sfn_kind;			/* FAT_SFN_... */
	int baselen;
	u8 *tails;			/* numeric tails taken (a bitmap) */
	bool plain_taken;		/* the 8.3 name without a tail is */
};

/* Free directory slots for a new entry */
struct fat_slots {
	u64 off[LFN_MAX + 1];
	int n;			/* found in the directory */
	u32 last;		/* its last cluster (0: fixed root) */
	u32 grow;		/* clusters to add */
};

int fat_win_flush(void)
{
	int i, ret;

	if (!fat_vol.dirty)
		return 0;
	for (i = 0; i < w.nfats; i++) {
		ret = fs_devwrite(w.fat0_off + i * w.fat_stride +
				  fat_vol.win_off, fat_vol.win_len, fat_vol.win);
		if (ret)
			return ret;
	}
	fat_vol.dirty = false;

	return 0;
}

/* The FAT copies and FSInfo sector, from the boot sector again */
static int fat_wprobe(void)
{
	struct fat_boot_sector bs;
	u32 bps, rsvd, fatsz, sect, nf;
	u8 fsi[512];
	int ret;

	ret = fs_devread(0, sizeof(bs), &bs);
	if (ret)
		return ret;
	memset(&w, 0, sizeof(w));
	bps = get_unaligned_le16(bs.byts_per_sec);
	rsvd = get_unaligned_le16(bs.rsvd_sec_cnt);
	fatsz = get_unaligned_le16(bs.fat_sz16);
	if (!fatsz)
		fatsz = get_unaligned_le32(bs.fat_sz32);
	w.fat0_off = (u64)rsvd * bps;
	w.fat_stride = (u64)fatsz * bps;
	w.nfats = bs.num_fats;
	w.hint = 2;
	w.eoc = fat_vol.bits == 12 ? 0xfff : fat_vol.bits == 16 ? 0xffff :
		0x0fffffff;
	if (fat_vol.bits != 32)
		return 0;
	if (get_unaligned_le16(bs.ext_flags) & 0x80) {
		/* mirroring off: only the active FAT is kept */
		w.fat0_off = fat_vol.fat_off;
		w.nfats = 1;
	}
	sect = get_unaligned_le16(bs.fs_info);
	if (!sect || sect >= rsvd || fs_devread((u64)sect * bps, 512, fsi))
		return 0;
	if (get_unaligned_le32(fsi) != FSI_LEAD_SIG ||
	    get_unaligned_le32(fsi + 484) != FSI_STRUC_SIG)
		return 0;
	w.fsinfo_off = (u64)sect * bps;
	nf = get_unaligned_le32(fsi + FSI_NXT_FREE);
	if (nf - 2 < fat_vol.nclus)
		w.hint = nf;

	return 0;
}

/* Make the FAT window hold byte @off and give its address there */
static int fat_win_at(u64 off, u8 **p)
{
	u8 b;
	int ret;

	ret = fat_byte(off, &b);
	if (ret)
		return ret;
	fat_vol.dirty = true;
	*p = fat_vol.win + (off - fat_vol.win_off);

	return 0;
}

/* Set the FAT entry of @clus to @val */
static int fat_set(u32 clus, u32 val)
{
	u64 off;
	u8 *p;
	int ret;

	if (fat_vol.bits == 12) {
		/* 12 bits at byte 3n/2: two bytes, maybe in two windows */
		off = clus + clus / 2;
		ret = fat_win_at(off, &p);
		if (ret)
			return ret;
		*p = clus & 1 ? (*p & 0x0f) | (val << 4 & 0xf0) : val & 0xff;
		ret = fat_win_at(off + 1, &p);
		if (ret)
			return ret;
		*p = clus & 1 ? val >> 4 & 0xff : (*p & 0xf0) | (val >> 8 & 0x0f);
		return 0;
	}
	off = (u64)clus * (fat_vol.bits / 8);
	ret = fat_win_at(off, &p);
	if (ret)
		return ret;
	if (fat_vol.bits == 16)
		put_unaligned_le16(val, p);
	else	/* FAT32 keeps an entry's top 4 bits */
		put_unaligned_le32((get_unaligned_le32(p) & 0xf0000000) | val,
				   p);

	return 0;
}

/* The next free cluster from the hint on, once round the FAT */
static int fat_next_free(u32 *clus)
{
	u32 c = w.hint, n, val;
	int ret;

	for (n = 0; n < fat_vol.nclus; n++, c++) {
		if (c - 2 >= fat_vol.nclus)
			c = 2;
		ret = fat_entry(c, &val);
		if (ret)
			return ret;
		if (!val) {
			*clus = c;
			w.hint = c + 1;
			return 0;
		}
	}

	return -ENOSPC;
}

/* Are there @want free clusters? */
static int fat_have_free(u32 want)
{
	u32 c = w.hint, n, val, found = 0;
	int ret;

	for (n = 0; n < fat_vol.nclus && found < want; n++, c++) {
		if (c - 2 >= fat_vol.nclus)
			c = 2;
		ret = fat_entry(c, &val);
		if (ret)
			return ret;
		found += !val;
	}

	return found < want ? -ENOSPC : 0;
}

/* Take @count free clusters as a chain after @prev (0: a new chain) */
static int fat_alloc(u32 prev, u32 count, u32 *first)
{
	u32 c;
	int ret;

	*first = 0;
	while (count--) {
		ret = fat_next_free(&c);
		if (!ret)
			ret = fat_set(c, w.eoc);
		if (!ret && prev)
			ret = fat_set(prev, c);
		if (ret)
			return ret;
		if (!*first)
			*first = c;
		prev = c;
		w.freed--;
	}

	return 0;
}

/* Free the chain from @clus on (a chain walked before: it ends) */
static int fat_free_chain(u32 clus)
{
	u32 next, n, eoc = w.eoc & ~7;
	int ret;

	for (n = 0; clus - 2 < fat_vol.nclus && n < fat_vol.nclus; n++) {
		ret = fat_entry(clus, &next);
		if (!ret)
			ret = fat_set(clus, 0);
		if (ret)
			return ret;
		w.freed++;
		clus = next >= eoc ? 0 : next;
	}

	return 0;
}

/*
 * Walk the chain from @clus: its length, its @keep-th cluster (counted
 * from 1; 0 if shorter) and its last one
 */
static int chain_walk(u32 clus, const char *path, u32 keep, u32 *count,
		      u32 *at, u32 *last)
{
	struct fat_chain ch;
	u32 first;
	int n;

	*count = 0;
	*at = 0;
	*last = 0;
	n = fat_chain_init(&ch, clus, path, strlen(path));
	while (!n && (n = fat_chain_run(&ch, &first, ~0U)) > 0) {
		if (keep > *count && keep <= *count + n)
			*at = first + keep - *count - 1;
		*count += n;
		*last = first + n - 1;
		n = 0;
	}

	return n;
}

/* Write @len bytes of @buf at @pos of the chain from @clus */
static int write_data(u32 clus, const char *path, u64 pos, const u8 *buf,
		      u64 len)
{
	u64 at = 0, end = pos + len, run, from, to;
	u32 shift = fat_vol.clus_shift, first;
	struct fat_chain ch;
	int n, ret;

	ret = fat_chain_init(&ch, clus, path, strlen(path));
	while (!ret && at < end) {
		n = fat_chain_run(&ch, &first, (end - at + (1U << shift) - 1) >>
				  shift);
		if (n <= 0)
			return n ? n : fat_chain_error(&ch, "is too short");
		run = (u64)n << shift;
		from = max(at, pos);
		to = min(at + run, end);
		if (to > from)
			ret = fs_devwrite(fat_clus_off(first) + from - at,
					  to - from, buf + (from - pos));
		at += run;
	}

	return ret;
}

/* Fill cluster @clus with zeros (a directory's new cluster) */
static int zero_cluster(u32 clus)
{
	u64 off = fat_clus_off(clus), end = off + (1U << fat_vol.clus_shift);
	u8 *zero = calloc(1, ZERO_CHUNK);
	int ret = 0;

	if (!zero)
		return -ENOMEM;
	for (; !ret && off < end; off += ZERO_CHUNK)
		ret = fs_devwrite(off, min_t(u64, ZERO_CHUNK, end - off), zero);
	free(zero);

	return ret;
}

/* --- names --------------------------------------------------------- */

/* Mark the numeric tail of @name if it is one of @f's 8.3 name's */
static void tail_taken(struct fat_wfile *f, const char *name)
{
	char form[11];
	u32 num = 0;
	int i, t;

	if (!memcmp(name, f->sfn, 11))
		f->plain_taken = true;
	for (t = 7; t > 0 && name[t] == ' '; t--)
		;
	for (i = t; i > 0 && name[i] >= '0' && name[i] <= '9'; i--)
		;
	if (i == t || name[i] != '~' || name[i + 1] == '0')
		return;
	for (i++; i <= t && num < TAIL_MAX; i++)
		num = num * 10 + name[i] - '0';
	if (!num || num >= TAIL_MAX)
		return;
	fat_sfn_tail(f->sfn, num, form);
	if (!memcmp(name, form, 11))
		f->tails[num / 8] |= 1 << (num % 8);
}

/* --- the directory ------------------------------------------------- */

static u64 slot_off(const struct fat_dir *d)
{
	return d->pos - d->buflen + d->bufpos - 32;
}

/*
 * Look @base up in the directory @dir: the entry if there is one, else
 * the 8.3 names taken
 */
static int dir_find(struct fat_dir *d, const struct fat_node *dir,
		    const char *parent, const char *base, struct fat_wfile *f)
{
	int len = strlen(base), ret;

	ret = fat_dir_open(d, dir, parent, strlen(parent));
	while (!ret) {
		ret = fat_dir_next(d);
		if (ret)
			break;
		if (fat_name_is(d->name, base, len) ||
		    fat_name_is(d->sname, base, len)) {
			f->found = true;
			fat_dir_node(d, &f->node);
			memcpy(&f->de, d->de, sizeof(f->de));
			f->de_off = slot_off(d);
			return 0;
		}
		if (f->tails)
			tail_taken(f, d->de->name);
	}

	return ret == -ENOENT ? 0 : ret;
}

/* @want free slots in a row; the directory grows when it has none */
static int dir_free_slots(struct fat_dir *d, const struct fat_node *dir,
			  const char *parent, int want, struct fat_slots *s)
{
	u32 used = 0, cs = 1U << fat_vol.clus_shift;
	bool end = false;
	u8 *slot;
	int ret;

	memset(s, 0, sizeof(*s));
	ret = fat_dir_open(d, dir, parent, strlen(parent));
	while (!ret && s->n < want) {
		ret = fat_dir_slot(d, &slot);
		if (ret)
			break;
		used++;
		/* everything after the end mark is free too */
		if (!slot[0])
			end = true;
		if (end || slot[0] == DELETED_FLAG)
			s->off[s->n++] = slot_off(d);
		else
			s->n = 0;
	}
	if (ret != -ENOENT)
		return ret;
	/* the end of the directory: the free slots at its end, and more */
	if (d->fixed || used + (want - s->n) > DIR_MAX_SLOTS) {
		fs_set_error("FAT: the directory is full");
		return -ENOSPC;
	}
	s->last = ((d->pos - 1 - fat_vol.data_off) >> fat_vol.clus_shift) + 2;
	s->grow = DIV_ROUND_UP((want - s->n) * 32, cs);

	return 0;
}

/* The new clusters of a directory: zeroed, after its last one */
static int dir_grow(struct fat_slots *s, int want)
{
	u32 c, i, k, per = 1U << (fat_vol.clus_shift - 5);
	int ret;

	ret = fat_alloc(s->last, s->grow, &c);
	for (i = 0; !ret && i < s->grow; i++) {
		ret = zero_cluster(c);
		for (k = 0; k < per && s->n < want; k++)
			s->off[s->n++] = fat_clus_off(c) + k * 32;
		if (!ret && i + 1 < s->grow)
			ret = fat_entry(c, &c);
	}

	return ret;
}

/* Write @n slots of @slots to their places, neighbours in one write */
static int dir_write(const struct fat_slots *s, const u8 *slots, int n)
{
	int i, j, ret = 0;

	for (i = 0; !ret && i < n; i = j) {
		for (j = i + 1; j < n && s->off[j] == s->off[j - 1] + 32; j++)
			;
		ret = fs_devwrite(s->off[i], (j - i) * 32, slots + i * 32);
	}

	return ret;
}

/* The long-name slots of @name (@len UTF-16 units) and its 8.3 entry */
static int make_slots(const u16 *name, int len, const char *sfn, u8 *out)
{
	int nlfn = DIV_ROUND_UP(len, 13), k, i, at;
	u8 sum = fat_sfn_checksum(sfn);
	struct fat_lfn_entry *l;
	u16 c;

	for (k = nlfn; k >= 1; k--) {
		l = (struct fat_lfn_entry *)(out + (nlfn - k) * 32);
		memset(l, 0, sizeof(*l));
		l->ord = k | (k == nlfn ? LAST_LONG_ENTRY : 0);
		l->attr = ATTR_VFAT;
		l->chksum = sum;
		for (i = 0; i < 13; i++) {
			at = (k - 1) * 13 + i;
			/* the name, a NUL if there is room, then 0xffff */
			c = at < len ? name[at] : at == len ? 0 : 0xffff;
			if (i < 5)
				put_unaligned_le16(c, l->name1 + 2 * i);
			else if (i < 11)
				put_unaligned_le16(c, l->name2 + 2 * (i - 5));
			else
				put_unaligned_le16(c, l->name3 + 2 * (i - 11));
		}
	}

	return nlfn;
}

static void set_first(struct fat_dir_entry *de, u32 clus)
{
	de->fst_clus_lo = cpu_to_le16(clus & 0xffff);
	de->fst_clus_hi = cpu_to_le16(fat_vol.bits == 32 ? clus >> 16 : 0);
}

/* FAT32: the FSInfo sector's free count and hint, if it has them */
static int fsinfo_update(void)
{
	u8 fsi[512];
	u32 free;
	s64 n;
	int ret;

	if (!w.fsinfo_off || !w.freed)
		return 0;
	ret = fs_devread(w.fsinfo_off, sizeof(fsi), fsi);
	if (ret)
		return ret;
	free = get_unaligned_le32(fsi + FSI_FREE_COUNT);
	if (free != 0xffffffff) {
		n = (s64)free + w.freed;
		put_unaligned_le32(n < 0 || n > fat_vol.nclus ? 0xffffffff : n,
				   fsi + FSI_FREE_COUNT);
	}
	put_unaligned_le32(w.hint - 2 < fat_vol.nclus ? w.hint : 0xffffffff,
			   fsi + FSI_NXT_FREE);

	return fs_devwrite(w.fsinfo_off, sizeof(fsi), fsi);
}

/* Split @path as U-Boot does: trailing '/'s go, the folder is "/" at least */
static void split_path(char *path, const char **parent, const char **base)
{
	char *slash;
	size_t len = strlen(path);

	while (len > 1 && path[len - 1] == '/')
		path[--len] = '\0';
	slash = strrchr(path, '/');
	if (!slash) {
		*parent = "/";
		*base = path;
		return;
	}
	*base = slash + 1;
	while (slash > path && slash[-1] == '/')
		slash--;
	*slash = '\0';
	*parent = slash == path ? "/" : path;
}

/* The 8.3 name of a new file: a free numeric tail if it needs one */
static int choose_sfn(struct fat_wfile *f)
{
	u32 num;

	if (f->sfn_kind != FAT_SFN_LOSSY && !f->plain_taken)
		return 0;
	for (num = 1; num < TAIL_MAX; num++) {
		if (!(f->tails[num / 8] & 1 << (num % 8))) {
			fat_sfn_tail(f->sfn, num, f->sfn);
			f->sfn_kind = FAT_SFN_LOSSY;
			return 0;
		}
	}
	fs_set_error("FAT: the directory is full");

	return -ENOSPC;
}

/*
 * Write @len bytes of @buf at @pos of file @path (a copy: split here;
 * @name is the path for messages)
 */
static int fat_write_file(char *path, const char *name, const u8 *buf,
			  u64 pos, u64 len, struct fat_dir *d,
			  struct fat_wfile *f, u16 *lfn)
{
	u32 cs = 1U << fat_vol.clus_shift, need, have = 0, cut = 0, last = 0;
	u32 first = 0, extra, next, nslots = 1, newfirst;
	u8 slots[(LFN_MAX + 1) * 32];
	const char *parent, *base;
	struct fat_node dir;
	struct fat_slots s;
	int ret, ulen = 0;
	u64 size;

	split_path(path, &parent, &base);
	if (!fat_name_valid(base)) {
		if (*base)
			fs_set_error("FAT: illegal filename (%s)", base);
		return -EINVAL;
	}
	ret = fat_lookup(parent, d, &dir);
	if (!ret && !(dir.attr & ATTR_DIR))
		ret = -ENOTDIR;
	if (ret) {
		fs_set_error("%s: doesn't exist (%d)", parent, ret);
		return ret;
	}
	ret = fat_wprobe();
	if (ret)
		return ret;
	f->sfn_kind = fat_sfn_make(base, f->sfn);
	if (f->sfn_kind < 0) {
		fs_set_error("FAT: illegal filename (%s)", base);
		return -EINVAL;
	}
	f->tails = calloc(1, TAIL_MAX / 8 + 1);
	if (!f->tails)
		return -ENOMEM;
	ret = dir_find(d, &dir, parent, base, f);
	if (ret)
		return ret;

	/* the plan: the chain's length, and the slots of a new entry */
	if (f->found) {
		if (f->node.attr & ATTR_DIR)
			return -EISDIR;
		if (pos > f->node.size)
			return -EINVAL;	/* no hole, as U-Boot */
		first = f->node.clus;
	} else {
		if (pos)
			return -EINVAL;
		ret = choose_sfn(f);
		if (ret)
			return ret;
		if (f->sfn_kind != FAT_SFN_EXACT) {
			ulen = fat_name_utf16(base, lfn);
			nslots += DIV_ROUND_UP(ulen, 13);
		}
	}
	size = pos + len;
	if (size > 0xffffffff) {
		fs_set_error("FAT: a file holds at most 4 GiB - 1 bytes");
		return -EFBIG;
	}
	need = DIV_ROUND_UP(size, cs);
	if (first) {
		ret = chain_walk(first, name, need, &have, &cut, &last);
		if (ret)
			return ret;
	}
	extra = need > have ? need - have : 0;
	memset(&s, 0, sizeof(s));
	if (!f->found) {
		ret = dir_free_slots(d, &dir, parent, nslots, &s);
		if (ret)
			return ret;
	}
	ret = fat_have_free(extra + s.grow);
	if (ret == -ENOSPC)
		fs_set_error("Error: no space left: %llu\nError: writing contents",
			     (unsigned long long)(size - min_t(u64, size,
							      (u64)have * cs)));
	if (ret)
		return ret;

	/* the chain: cut to @need clusters, or grown to them */
	if (need < have) {
		if (need) {
			ret = fat_entry(cut, &next);
			if (!ret)
				ret = fat_set(cut, w.eoc);
		} else {
			next = first;
			first = 0;
		}
		if (!ret)
			ret = fat_free_chain(next);
	} else if (extra) {
		ret = fat_alloc(last, extra, &newfirst);
		if (!first)
			first = newfirst;
	}
	if (!ret && len)
		ret = write_data(first, name, pos, buf, len);
	if (!ret && s.grow)
		ret = dir_grow(&s, nslots);
	if (!ret)
		ret = fat_win_flush();
	if (ret)
		return ret;

	/* the entry: a new one with its long name, or the old one changed */
	if (f->found) {
		set_first(&f->de, first);
		f->de.file_size = cpu_to_le32(size);
		f->de.attr |= ATTR_ARCH;
		s.off[0] = f->de_off;
		ret = dir_write(&s, (u8 *)&f->de, 1);
	} else {
		struct fat_dir_entry *de;
		int nlfn = ulen ? make_slots(lfn, ulen, f->sfn, slots) : 0;

		de = (struct fat_dir_entry *)(slots + nlfn * 32);
		memset(de, 0, sizeof(*de));
		memcpy(de->name, f->sfn, 11);
		de->attr = ATTR_ARCH;
		de->crt_date = cpu_to_le16(FAT_DATE_1980);
		de->lst_acc_date = de->crt_date;
		de->wrt_date = de->crt_date;
		set_first(de, first);
		de->file_size = cpu_to_le32(size);
		ret = dir_write(&s, slots, nslots);
	}
	if (!ret)
		ret = fsinfo_update();

	return ret;
}

int fat_write(const char *path, const void *buf, loff_t offset, loff_t len,
	      loff_t *actwrite)
{
	struct fat_wfile f = { 0 };
	struct fat_dir *d;
	char *copy;
	u16 *lfn;
	int ret;

	*actwrite = 0;
	if (offset < 0 || len < 0)
		return -EINVAL;
	if (fs_dev_desc()->read_only) {
		fs_set_error("FAT: the device is read-only");
		return -EROFS;
	}
	copy = strdup(path);
	d = malloc(sizeof(*d));
	lfn = malloc(LFN_MAX * 13 * sizeof(*lfn));
	while (*path == '/')
		path++;
	ret = copy && d && lfn ? fat_write_file(copy, path, buf, offset, len,
						d, &f, lfn) : -ENOMEM;
	/* what is not written back now never will be */
	fat_vol.dirty = false;
	free(f.tails);
	free(lfn);
	free(d);
	free(copy);
	if (!ret)
		*actwrite = len;

	return ret;
}
