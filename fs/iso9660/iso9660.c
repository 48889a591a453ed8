// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ISO 9660 (ECMA-119), read-only, with the Rock Ridge (SUSP 1.12, RRIP
 * 1.12) and Joliet extensions.
 *
 * The tree read is the primary volume's when its root carries the SUSP
 * "SP" entry (Rock Ridge: POSIX names, symbolic links, relocated deep
 * directories), else the Joliet supplementary volume's (UCS-2 names,
 * shown in UTF-8), else the primary volume's plain names, which are shown
 * as Linux shows them (lower case, without ";1" and a trailing '.').
 * Rock Ridge names are matched exactly, the others without regard to
 * case. The "." and ".." records are not listed.
 *
 * Everything read from the medium is bounded: continuation areas per
 * record, symbolic links followed, directories in a path, name and link
 * lengths; a record that does not fit its sector is damage, reported
 * with fs_set_error().
 */

#include <common.h>
#include <errno.h>
#include <fs.h>
#include <iso9660.h>
#include <malloc.h>
#include <linux/ctype.h>
#include "../fs_internal.h"

#define ISO_MAX_DEPTH		64	/* directories in a path */
#define ISO_MAX_LINKS		8	/* symbolic links followed in a path */
#define ISO_MAX_CE		16	/* continuation areas of one record */
#define ISO_MAX_EXTENTS		64	/* extents of a multi-extent file */
#define ISO_PATH_MAX		1024	/* paths and link targets */

#define ISO_S_IFMT		0170000	/* POSIX file modes in RRIP "PX" */
#define ISO_S_IFDIR		0040000
#define ISO_S_IFLNK		0120000

#define SL_CONTINUE		0x01	/* RRIP "SL" component flags */
#define SL_CURRENT		0x02
#define SL_PARENT		0x04
#define SL_ROOT			0x08
#define NM_CURRENT		0x02	/* RRIP "NM" flags */
#define NM_PARENT		0x04

enum iso_names { ISO_NAMES_PLAIN, ISO_NAMES_JOLIET, ISO_NAMES_RR };

/* A directory being read, sector by sector */
struct iso_dir {
	u32 lba;		/* first logical block */
	u32 len;		/* bytes */
	u32 pos;		/* next record, bytes from the start */
	u32 cached;		/* the sector in @buf, relative; ~0: none */
	u8 buf[ISO_SECTOR_SIZE];
};

struct iso_extent {
	u32 lba;
	u32 len;
};

/* One directory entry: its name, type and extents, its link target */
struct iso_ent {
	char name[FS_DIRENT_NAME_LEN];
	bool exact;		/* a Rock Ridge name: match case */
	bool skip;		/* ".", "..", relocated or associated */
	bool interleaved;
	unsigned int type;	/* FS_DT_... */
	u64 size;
	int next;
	struct iso_extent ext[ISO_MAX_EXTENTS];
	int link_len;
	bool link_cont;		/* the last SL component continues */
	char link[ISO_PATH_MAX];
};

struct iso_stream {
	struct fs_dir_stream parent;
	struct fs_dirent dent;
	struct iso_dir dir;
	struct iso_ent ent;
};

/* What probe() found, and the scratch of one operation */
static struct iso_vol {
	enum iso_names names;
	u8 susp_skip;		/* SP's LEN_SKP */
	struct iso_extent root;
	u8 created[16];
	u8 modified[16];
	struct iso_dir dir;	/* for look-ups */
	struct iso_ent ent;
	u8 ce[ISO_SECTOR_SIZE];	/* a continuation area */
	char path[ISO_PATH_MAX];
	char tmp[ISO_PATH_MAX];
} *vol;

static int iso_damaged(const char *what, u32 lba)
{
	fs_set_error("ISO 9660: %s (block %u)", what, lba);
	return -EIO;
}

static void iso_dir_init(struct iso_dir *d, const struct iso_extent *ext)
{
	d->lba = ext->lba;
	d->len = ext->len;
	d->pos = 0;
	d->cached = ~0U;
}

/*
 * The next directory record, or NULL at the end (*@err 0) or on damage
 * (*@err -EIO)
 */
static const struct iso_dir_record *iso_dir_record(struct iso_dir *d,
						   int *err)
{
	const struct iso_dir_record *r;
	u32 sec, off;

	*err = 0;
	while (d->pos < d->len) {
		sec = d->pos / ISO_SECTOR_SIZE;
		off = d->pos % ISO_SECTOR_SIZE;
		if (sec != d->cached) {
			*err = fs_devread(((u64)d->lba + sec) * ISO_SECTOR_SIZE,
					  ISO_SECTOR_SIZE, d->buf);
			if (*err)
				return NULL;
			d->cached = sec;
		}
		r = (const void *)(d->buf + off);
		if (off + sizeof(*r) > ISO_SECTOR_SIZE || !r->dr_len) {
			/* padding up to the end of the sector */
			d->pos = (sec + 1) * ISO_SECTOR_SIZE;
			continue;
		}
		if (r->dr_len < sizeof(*r) + r->name_len ||
		    off + r->dr_len > ISO_SECTOR_SIZE) {
			*err = iso_damaged("a directory record does not fit its sector",
					   d->lba + sec);
			return NULL;
		}
		d->pos += r->dr_len;
		return r;
	}

	return NULL;
}

/* Append @len bytes to the link target */
static int iso_link_add(struct iso_ent *e, const void *s, int len)
{
	if (e->link_len + len >= ISO_PATH_MAX)
		return -ENAMETOOLONG;
	memcpy(e->link + e->link_len, s, len);
	e->link_len += len;
	e->link[e->link_len] = '\0';

	return 0;
}

/* The components of an RRIP "SL" entry (@p: its data, @len bytes) */
static int iso_rr_sl(struct iso_ent *e, const u8 *p, int len)
{
	const char *s;
	int n, ret;

	while (len >= 2) {
		n = p[1];
		if (n + 2 > len)
			return -EINVAL;
		if (!e->link_cont && e->link_len &&
		    e->link[e->link_len - 1] != '/') {
			ret = iso_link_add(e, "/", 1);
			if (ret)
				return ret;
		}
		if (p[0] & SL_ROOT) {
			s = e->link_len ? "" : "/";
			n = strlen(s);
		} else if (p[0] & SL_PARENT) {
			s = "..";
			n = 2;
		} else if (p[0] & SL_CURRENT) {
			s = ".";
			n = 1;
		} else {
			s = (const char *)p + 2;
		}
		ret = iso_link_add(e, s, n);
		if (ret)
			return ret;
		e->link_cont = p[0] & SL_CONTINUE;
		len -= p[1] + 2;
		p += p[1] + 2;
	}

	return 0;
}

/*
 * Parse the system use area of record @r (and its continuation areas):
 * the name (NM), the mode (PX), the link target (SL), relocation (RE,
 * CL). Returns 1 if it had a name, 0 if not, -ve on damage.
 */
static int iso_rr(const struct iso_dir_record *r, struct iso_ent *e,
		  u32 *cl)
{
	const u8 *p = (const u8 *)r;
	u32 off, len, ce_lba = 0, ce_off = 0, ce_len = 0;
	int hops = 0, nm_len = 0, ret;
	bool have_px = false;
	u32 mode = 0;

	off = sizeof(*r) + r->name_len + !(r->name_len & 1) + vol->susp_skip;
	len = off < r->dr_len ? r->dr_len - off : 0;
	p += off;
	for (;;) {
		u32 n;

		while (len >= 4) {
			n = p[2];
			if (n < 4 || n > len)
				break;		/* the rest is padding */
			if (!memcmp(p, "ST", 2))
				break;
			if (!memcmp(p, "CE", 2) && n >= 28) {
				ce_lba = get_unaligned_le32(p + 4);
				ce_off = get_unaligned_le32(p + 12);
				ce_len = get_unaligned_le32(p + 20);
			} else if (!memcmp(p, "NM", 2) && n >= 5 &&
				   !(p[4] & (NM_CURRENT | NM_PARENT))) {
				if (nm_len + n - 5 >= FS_DIRENT_NAME_LEN)
					return iso_damaged("a Rock Ridge name is longer than 255 bytes",
							   le32_to_cpu(r->ext_loc_le));
				memcpy(e->name + nm_len, p + 5, n - 5);
				nm_len += n - 5;
				e->name[nm_len] = '\0';
			} else if (!memcmp(p, "PX", 2) && n >= 36) {
				mode = get_unaligned_le32(p + 4);
				have_px = true;
			} else if (!memcmp(p, "SL", 2) && n >= 5) {
				ret = iso_rr_sl(e, p + 5, n - 5);
				if (ret)
					return iso_damaged("a Rock Ridge symbolic link is malformed or too long",
							   le32_to_cpu(r->ext_loc_le));
				e->type = FS_DT_LNK;
			} else if (!memcmp(p, "RE", 2)) {
				e->skip = true;
			} else if (!memcmp(p, "CL", 2) && n >= 12) {
				*cl = get_unaligned_le32(p + 4);
			}
			p += n;
			len -= n;
		}
		if (!ce_len)
			break;
		if (++hops > ISO_MAX_CE || ce_off >= ISO_SECTOR_SIZE ||
		    ce_len > ISO_SECTOR_SIZE - ce_off)
			return iso_damaged("Rock Ridge continuation areas are too many or too long",
					   ce_lba);
		ret = fs_devread((u64)ce_lba * ISO_SECTOR_SIZE + ce_off,
				 ce_len, vol->ce);
		if (ret)
			return ret;
		p = vol->ce;
		len = ce_len;
		ce_len = 0;
	}
	/* a link: PX says so, or there is no PX but an SL */
	if (have_px)
		e->type = (mode & ISO_S_IFMT) == ISO_S_IFLNK ? FS_DT_LNK :
			  FS_DT_REG;

	return nm_len > 0;
}

/* The name of a plain or Joliet record, as Linux shows it */
static void iso_plain_name(const struct iso_dir_record *r, struct iso_ent *e,
			   bool joliet)
{
	const u8 *s = (const u8 *)(r + 1);
	int i, n = 0, len = r->name_len;
	u32 c;

	for (i = 0; i < len; i++) {
		c = s[i];
		if (joliet) {
			if (i + 1 >= len)
				break;
			c = get_unaligned_be16(s + i++);
			/* a UTF-16 surrogate pair */
			if (c >= 0xd800 && c < 0xdc00 && i + 2 < len &&
			    get_unaligned_be16(s + i + 1) >= 0xdc00 &&
			    get_unaligned_be16(s + i + 1) < 0xe000) {
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (get_unaligned_be16(s + i + 1) - 0xdc00);
				i += 2;
			}
		} else {
			c = tolower(c);
		}
		if (!c)
			break;
		if (n + 4 >= FS_DIRENT_NAME_LEN)
			break;
		if (c < 0x80) {
			e->name[n++] = c;
		} else if (c < 0x800) {
			e->name[n++] = 0xc0 | c >> 6;
			e->name[n++] = 0x80 | (c & 0x3f);
		} else if (c < 0x10000) {
			e->name[n++] = 0xe0 | c >> 12;
			e->name[n++] = 0x80 | ((c >> 6) & 0x3f);
			e->name[n++] = 0x80 | (c & 0x3f);
		} else {
			e->name[n++] = 0xf0 | c >> 18;
			e->name[n++] = 0x80 | ((c >> 12) & 0x3f);
			e->name[n++] = 0x80 | ((c >> 6) & 0x3f);
			e->name[n++] = 0x80 | (c & 0x3f);
		}
	}
	/* the version ";1", then a trailing '.' */
	for (i = n; i > 0 && isdigit(e->name[i - 1]); i--)
		;
	if (i > 0 && i < n && e->name[i - 1] == ';')
		n = i - 1;
	if (n > 1 && e->name[n - 1] == '.')
		n--;
	e->name[n] = '\0';
}

/* The length of the directory at @lba, from its "." record */
static int iso_dir_len(u32 lba, u32 *len)
{
	struct {
		struct iso_dir_record r;
		u8 name;
	} __packed dot;
	int ret;

	ret = fs_devread((u64)lba * ISO_SECTOR_SIZE, sizeof(dot), &dot);
	if (ret)
		return ret;
	if (dot.r.dr_len < sizeof(dot) || dot.r.name_len != 1 || dot.name ||
	    !(dot.r.file_flags & ISO_FLAG_DIR))
		return iso_damaged("a relocated directory does not start with its \".\" record",
				   lba);
	*len = le32_to_cpu(dot.r.data_len_le);

	return 0;
}

/*
 * The next entry of directory @d into @e (the records of a multi-extent
 * file make one entry). Returns 1, 0 at the end, -ve on damage.
 */
static int iso_dir_next(struct iso_dir *d, struct iso_ent *e)
{
	const struct iso_dir_record *r;
	u32 cl = 0;
	char *p;
	int ret;

	memset(e, 0, offsetof(struct iso_ent, link));
	e->link[0] = '\0';
	for (;;) {
		r = iso_dir_record(d, &ret);
		if (!r) {
			if (!ret && e->next)
				ret = iso_damaged("a multi-extent file has no last extent",
						  d->lba);
			return ret;
		}
		if (e->next == ISO_MAX_EXTENTS)
			return iso_damaged("a file has too many extents",
					   le32_to_cpu(r->ext_loc_le));
		e->ext[e->next].lba = le32_to_cpu(r->ext_loc_le) +
				      r->ext_attr_len;
		e->ext[e->next].len = le32_to_cpu(r->data_len_le);
		e->size += e->ext[e->next++].len;
		if (r->file_flags & ISO_FLAG_MULTI_EXTENT &&
		    !(r->file_flags & ISO_FLAG_DIR))
			continue;
		break;
	}
	/* ".", "..", associated files: not listed */
	if ((r->name_len == 1 && *(const u8 *)(r + 1) <= 1) ||
	    r->file_flags & ISO_FLAG_ASSOC || !r->name_len) {
		e->skip = true;
		return 1;
	}
	e->type = FS_DT_REG;
	e->interleaved = r->unit_size || r->gap_size;
	ret = 0;
	if (vol->names == ISO_NAMES_RR) {
		ret = iso_rr(r, e, &cl);
		if (ret < 0)
			return ret;
	}
	if (ret > 0)
		e->exact = true;
	else
		iso_plain_name(r, e, vol->names == ISO_NAMES_JOLIET);
	if (r->file_flags & ISO_FLAG_DIR) {
		e->type = FS_DT_DIR;
		e->link_len = 0;
	}
	if (cl) {
		/* a relocated directory: its "." record has the length */
		e->type = FS_DT_DIR;
		e->next = 1;
		e->ext[0].lba = cl;
		ret = iso_dir_len(cl, &e->ext[0].len);
		if (ret)
			return ret;
		e->size = e->ext[0].len;
	}
	/* (a '/' cannot be in a name: as Linux does for plain names) */
	for (p = e->name; *p; p++) {
		if (*p == '/')
			*p = '.';
	}
	if (!e->name[0])
		e->skip = true;

	return 1;
}

static bool iso_name_eq(const struct iso_ent *e, const char *name, int len)
{
	if (e->exact)
		return !strncmp(e->name, name, len) && !e->name[len];
	return !strncasecmp(e->name, name, len) && !e->name[len];
}

/*
 * Find @path into vol->ent; the last component's link is followed if
 * @follow. A directory found is an entry with one extent.
 */
static int iso_lookup(const char *path, bool follow)
{
	struct iso_extent stk[ISO_MAX_DEPTH];
	struct iso_ent *e = &vol->ent;
	int depth = 0, links = 0, len, ret;
	const char *p, *rest;
	struct iso_dir *d;

	if (strlcpy(vol->path, path, ISO_PATH_MAX) >= ISO_PATH_MAX)
		return -ENAMETOOLONG;
	d = &vol->dir;
	stk[0] = vol->root;
	p = vol->path;
	for (;;) {
		while (*p == '/')
			p++;
		if (!*p) {
			memset(e, 0, offsetof(struct iso_ent, link));
			e->type = FS_DT_DIR;
			e->next = 1;
			e->ext[0] = stk[depth];
			e->size = stk[depth].len;
			ret = 0;
			break;
		}
		for (rest = p; *rest && *rest != '/'; rest++)
			;
		len = rest - p;
		if (len == 1 && *p == '.') {
			p = rest;
			continue;
		}
		if (len == 2 && p[0] == '.' && p[1] == '.') {
			if (depth)
				depth--;
			p = rest;
			continue;
		}
		iso_dir_init(d, &stk[depth]);
		while ((ret = iso_dir_next(d, e)) > 0) {
			if (!e->skip && iso_name_eq(e, p, len))
				break;
		}
		if (ret <= 0) {
			ret = ret ? ret : -ENOENT;
			break;
		}
		while (*rest == '/')
			rest++;
		if (e->type == FS_DT_LNK && (*rest || follow)) {
			if (++links > ISO_MAX_LINKS) {
				fs_set_error("ISO 9660: too many levels of symbolic links in %s",
					     path);
				ret = -ELOOP;
				break;
			}
			if (!e->link_len) {
				ret = -ENOENT;
				break;
			}
			if (e->link[0] == '/')
				depth = 0;
			if (snprintf(vol->tmp, ISO_PATH_MAX, "%s/%s", e->link,
				     rest) >= ISO_PATH_MAX) {
				ret = -ENAMETOOLONG;
				break;
			}
			strcpy(vol->path, vol->tmp);
			p = vol->path;
			continue;
		}
		if (e->type != FS_DT_DIR) {
			ret = *rest ? -ENOTDIR : 0;
			break;
		}
		if (depth + 1 == ISO_MAX_DEPTH) {
			fs_set_error("ISO 9660: a path is more than %d directories deep",
				     ISO_MAX_DEPTH);
			ret = -ELOOP;
			break;
		}
		stk[++depth] = e->ext[0];
		p = rest;
	}
	return ret;
}

static void iso_close(void)
{
	free(vol);
	vol = NULL;
}

/* Is this the Joliet supplementary volume descriptor? */
static bool iso_is_joliet(const struct iso_volume_desc *vd)
{
	return vd->type == ISO_VD_SUPPLEMENTARY && vd->escape[0] == '%' &&
	       vd->escape[1] == '/' && (vd->escape[2] == '@' ||
	       vd->escape[2] == 'C' || vd->escape[2] == 'E');
}

static int iso_root(const struct iso_volume_desc *vd, struct iso_extent *ext)
{
	const struct iso_dir_record *r = (const void *)vd->root;

	if (r->dr_len < sizeof(*r) + 1 || !(r->file_flags & ISO_FLAG_DIR))
		return iso_damaged("the root directory record is malformed",
				   ISO_PRIMARY_VD_SECTOR);
	ext->lba = le32_to_cpu(r->ext_loc_le) + r->ext_attr_len;
	ext->len = le32_to_cpu(r->data_len_le);

	return 0;
}

/* Rock Ridge: the SUSP "SP" entry in the root's "." record */
static void iso_find_sp(void)
{
	const struct iso_dir_record *r;
	const u8 *p;
	int ret;

	iso_dir_init(&vol->dir, &vol->root);
	r = iso_dir_record(&vol->dir, &ret);
	if (!r || r->name_len != 1)
		return;
	p = (const u8 *)(r + 1) + 1;	/* "." has no pad byte */
	if (r->dr_len >= sizeof(*r) + 1 + 7 && !memcmp(p, "SP", 2) &&
	    p[2] >= 7 && p[4] == 0xbe && p[5] == 0xef) {
		vol->names = ISO_NAMES_RR;
		vol->susp_skip = p[6];
	}
}

static int iso_probe(void)
{
	struct iso_volume_desc *vd;
	struct iso_extent joliet = { 0, 0 };
	bool pvd = false;
	int i, ret;

	iso_close();
	vol = calloc(1, sizeof(*vol));
	if (!vol)
		return -ENOMEM;
	vd = (void *)vol->ce;
	for (i = 0; i < ISO_VD_MAX; i++) {
		/* (a small device is no ISO: no error said for reading past it) */
		if (fs_dev_size() < (u64)(ISO_PRIMARY_VD_SECTOR + i + 1) *
		    ISO_SECTOR_SIZE)
			break;
		ret = fs_devread((u64)(ISO_PRIMARY_VD_SECTOR + i) *
				 ISO_SECTOR_SIZE, ISO_SECTOR_SIZE, vd);
		if (ret || memcmp(vd->id, "CD001", 5) ||
		    vd->type == ISO_VD_END)
			break;
		if (vd->type == ISO_VD_PRIMARY && !pvd) {
			if (le16_to_cpu(vd->block_size_le) != ISO_SECTOR_SIZE) {
				fs_set_error("ISO 9660: logical block size %u is not supported",
					     le16_to_cpu(vd->block_size_le));
				ret = -EINVAL;
				goto err;
			}
			ret = iso_root(vd, &vol->root);
			if (ret)
				goto err;
			memcpy(vol->created, vd->created, 16);
			memcpy(vol->modified, vd->modified, 16);
			pvd = true;
		} else if (iso_is_joliet(vd) && !joliet.len) {
			ret = iso_root(vd, &joliet);
			if (ret)
				goto err;
		}
	}
	if (!pvd) {
		ret = i ? -EINVAL : -ENOENT;
		goto err;
	}
	iso_find_sp();
	if (vol->names != ISO_NAMES_RR && joliet.len) {
		vol->names = ISO_NAMES_JOLIET;
		vol->root = joliet;
	}

	return 0;
err:
	iso_close();
	return ret;
}

static int iso_opendir(const char *path, struct fs_dir_stream **dirsp)
{
	struct iso_stream *s;
	int ret;

	ret = iso_lookup(path, true);
	if (ret)
		return ret;
	if (vol->ent.type != FS_DT_DIR)
		return -ENOTDIR;
	s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	s->parent.desc = fs_dev_desc();
	iso_dir_init(&s->dir, &vol->ent.ext[0]);
	*dirsp = &s->parent;

	return 0;
}

static int iso_readdir(struct fs_dir_stream *dirs, struct fs_dirent **dentp)
{
	struct iso_stream *s = (struct iso_stream *)dirs;
	int ret;

	do {
		ret = iso_dir_next(&s->dir, &s->ent);
		if (ret <= 0)
			return ret ? ret : -ENOENT;
	} while (s->ent.skip);
	memset(&s->dent, 0, sizeof(s->dent));
	s->dent.type = s->ent.type;
	s->dent.size = s->ent.size;
	strcpy(s->dent.name, s->ent.name);
	*dentp = &s->dent;

	return 0;
}

static void iso_closedir(struct fs_dir_stream *dirs)
{
	free(dirs);
}

static int iso_size(const char *path, loff_t *size)
{
	int ret = iso_lookup(path, true);

	if (!ret)
		*size = vol->ent.size;
	return ret;
}

static int iso_read(const char *path, void *buf, loff_t offset, loff_t len,
		    loff_t *actread)
{
	struct iso_ent *e = &vol->ent;
	u8 *dst = buf;
	u64 pos = 0;
	int i, ret;

	*actread = 0;
	ret = iso_lookup(path, true);
	if (ret)
		return ret;
	if (e->type == FS_DT_DIR)
		return -EISDIR;
	if (offset < 0 || (u64)offset > e->size)
		return -EINVAL;
	if (!len || (u64)len > e->size - offset)
		len = e->size - offset;
	if (e->interleaved && len) {
		fs_set_error("ISO 9660: %s is an interleaved file, which is not supported",
			     path);
		return -EINVAL;
	}
	for (i = 0; i < e->next && len; i++) {
		u64 n = e->ext[i].len;
		u64 skip = 0;

		if ((u64)offset >= pos + n) {
			pos += n;
			continue;
		}
		if ((u64)offset > pos)
			skip = offset - pos;
		n = min_t(u64, n - skip, len);
		ret = fs_devread((u64)e->ext[i].lba * ISO_SECTOR_SIZE + skip,
				 n, dst);
		if (ret)
			return ret;
		dst += n;
		len -= n;
		*actread += n;
		pos += e->ext[i].len;
	}

	return 0;
}

static int iso_exists(const char *path)
{
	return !iso_lookup(path, true);
}

/* As udev's ID_FS_UUID: the modification date, else the creation date */
static int iso_uuid(char *uuid_str)
{
	const u8 *d = vol->modified;
	int i;

	for (i = 0; i < 16 && d[i] == '0'; i++)
		;
	if (i == 16)
		d = vol->created;
	for (i = 0; i < 16 && d[i] == '0'; i++)
		;
	if (i == 16)
		return -ENOSYS;
	sprintf(uuid_str, "%.4s-%.2s-%.2s-%.2s-%.2s-%.2s-%.2s", d, d + 4,
		d + 6, d + 8, d + 10, d + 12, d + 14);

	return 0;
}

U_BOOT_FS_DRIVER(iso9660) = {
	.name		= "iso9660",
	.fstype		= FS_TYPE_ISO,
	.probe		= iso_probe,
	.close		= iso_close,
	.opendir	= iso_opendir,
	.readdir	= iso_readdir,
	.closedir	= iso_closedir,
	.size		= iso_size,
	.read		= iso_read,
	.exists		= iso_exists,
	.uuid		= iso_uuid,
};
