// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ext2, ext3 and ext4, read-only.
 *
 * probe() reads the superblock and keeps the geometry in 'vol'. Metadata
 * (group descriptors, inode table blocks, extent tree and indirect
 * blocks) is read a filesystem block at a time through a small cache of
 * NCACHE blocks; directories are read into a buffer of their own. A
 * file's data is mapped run by run (an extent, a run of consecutive
 * indirect pointers, a hole) and physically consecutive runs are merged
 * into one fs_devread() straight into the destination.
 *
 * Everything is bounded on a damaged filesystem: block numbers past the
 * filesystem's end are refused with a reason, an extent tree deeper than
 * EXT4_MAX_DEPTH or whose child's depth is not its parent's less one (an
 * index block pointing to itself or up) is refused, directory records
 * must fit their block, a path follows at most MAX_LINKS symbolic links,
 * and a path is only as deep as it is long.
 *
 * Features: every RO_COMPAT feature is accepted (the checksums are not
 * verified); of the INCOMPAT ones, those that change the layout this
 * reader does not know (compression, a journal device, dirdata) make
 * probe() refuse the filesystem, in words. Files with inline data are read
 * when the data fits the inode's 60 bytes; encrypted files are refused.
 */
#include <common.h>
#include <errno.h>
#include <fs.h>
#include <malloc.h>
#include <linux/string.h>
#include "../fs_internal.h"

#define SB_OFFSET		1024
#define EXT4_MAGIC		0xef53
#define EXT4_ROOT_INO		2
#define EXT4_EXT_MAGIC		0xf30a
#define EXT4_MAX_DEPTH		5
#define MAX_LINKS		8
#define NCACHE			4

/* superblock fields (byte offsets) */
#define SB_INODES_COUNT		0x00
#define SB_BLOCKS_LO		0x04
#define SB_FIRST_DATA_BLOCK	0x14
#define SB_LOG_BLOCK_SIZE	0x18
#define SB_LOG_CLUSTER_SIZE	0x1c
#define SB_BLOCKS_PER_GROUP	0x20
#define SB_INODES_PER_GROUP	0x28
#define SB_MAGIC		0x38
#define SB_REV_LEVEL		0x4c
#define SB_INODE_SIZE		0x58
#define SB_FEATURE_INCOMPAT	0x60
#define SB_FEATURE_RO_COMPAT	0x64
#define SB_UUID			0x68
#define SB_DESC_SIZE		0xfe
#define SB_FIRST_META_BG	0x104
#define SB_BLOCKS_HI		0x150

#define INCOMPAT_COMPRESSION	0x0001
#define INCOMPAT_FILETYPE	0x0002
#define INCOMPAT_JOURNAL_DEV	0x0008
#define INCOMPAT_META_BG	0x0010
#define INCOMPAT_64BIT		0x0080
#define INCOMPAT_DIRDATA	0x1000
#define INCOMPAT_REFUSED	(INCOMPAT_COMPRESSION | INCOMPAT_JOURNAL_DEV | \
				 INCOMPAT_DIRDATA)
/*
 * known: filetype, recover, meta_bg, extents, 64bit, mmp, flex_bg,
 * ea_inode, csum_seed, largedir, inline_data, encrypt, casefold
 */
#define INCOMPAT_KNOWN		(INCOMPAT_REFUSED | 0x3e7d6)
#define RO_COMPAT_SPARSE_SUPER	0x0001
#define RO_COMPAT_BIGALLOC	0x0200

/* inode fields */
#define I_MODE			0x00
#define I_SIZE_LO		0x04
#define I_BLOCKS_LO		0x1c
#define I_FLAGS			0x20
#define I_BLOCK			0x28
#define I_FILE_ACL_LO		0x68
#define I_SIZE_HI		0x6c
#define I_BLOCK_LEN		60

#define FL_ENCRYPT		0x00000800
#define FL_EXTENTS		0x00080000
#define FL_INLINE_DATA		0x10000000

#define S_IFMT			0170000
#define S_IFDIR			0040000
#define S_IFLNK			0120000

#define DIRENT_HDR		8

/* What probe() learnt */
static struct {
	bool probed;
	u32 bsize;
	u8 bshift;
	u64 nblocks;
	u32 first_data_block;
	u32 blocks_per_group;
	u32 inodes_per_group;
	u32 ninodes;
	u32 ngroups;
	u32 inode_size;
	u32 desc_size;
	u32 incompat;
	u32 ro_compat;
	u32 first_meta_bg;
	u8 uuid[16];
	u8 *cache[NCACHE];
	u64 cache_blk[NCACHE];
	u8 cache_valid;
	u8 cache_checked;	/* slots whose extent node was checked */
	u8 cache_next;
	u8 last_slot;		/* the slot meta_block() last returned */
} vol;

/* An inode, as far as this reader needs it */
struct ext4_inode {
	u32 ino;
	u16 mode;
	u32 flags;
	u64 size;
	u32 nblocks512;
	u32 file_acl;
	u8 block[I_BLOCK_LEN];
};

/* A directory being read (fs_dir_stream first: fs.c's view of it) */
struct ext4_dir {
	struct fs_dir_stream parent;
	struct fs_dirent dirent;
	struct ext4_inode in;
	u64 pos;		/* byte offset of the next record */
	u64 buf_blk;		/* the directory block in buf, or ~0 */
	u8 *buf;
};

static u32 le16(const u8 *p)
{
	return p[0] | p[1] << 8;
}

static u32 le32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

static bool is_dir(const struct ext4_inode *in)
{
	return (in->mode & S_IFMT) == S_IFDIR;
}

static bool is_link(const struct ext4_inode *in)
{
	return (in->mode & S_IFMT) == S_IFLNK;
}

/* A symbolic link whose target is kept in i_block (no data block) */
static bool is_fast_link(const struct ext4_inode *in)
{
	u32 acl = in->file_acl ? vol.bsize >> 9 : 0;

	return is_link(in) && in->size < I_BLOCK_LEN &&
	       in->nblocks512 == acl && !(in->flags & FL_EXTENTS);
}

static int past_end(u64 blk, const char *what, u32 ino)
{
	if (ino)
		fs_set_error("%s of inode %u points past the end of the filesystem (block %llu of %llu)",
			     what, ino, (unsigned long long)blk,
			     (unsigned long long)vol.nblocks);
	else
		fs_set_error("%s lies past the end of the filesystem (block %llu of %llu)",
			     what, (unsigned long long)blk,
			     (unsigned long long)vol.nblocks);

	return -EIO;
}

/* Metadata block @blk, through the cache; valid until the next call */
static int meta_block(u64 blk, const u8 **data, const char *what, u32 ino)
{
	int i, ret;

	if (blk >= vol.nblocks || !blk)
		return past_end(blk, what, ino);
	for (i = 0; i < NCACHE; i++) {
		if ((vol.cache_valid & 1 << i) && vol.cache_blk[i] == blk) {
			*data = vol.cache[i];
			vol.last_slot = i;
			return 0;
		}
	}
	i = vol.cache_next++ % NCACHE;
	vol.cache_valid &= ~(1 << i);
	vol.cache_checked &= ~(1 << i);
	vol.last_slot = i;
	ret = fs_devread(blk << vol.bshift, vol.bsize, vol.cache[i]);
	if (ret)
		return ret;
	vol.cache_blk[i] = blk;
	vol.cache_valid |= 1 << i;
	*data = vol.cache[i];

	return 0;
}

/* Whether block group @g holds a superblock backup (and descriptors) */
static bool group_has_super(u32 g)
{
	u32 p;

	if (!(vol.ro_compat & RO_COMPAT_SPARSE_SUPER) || g <= 1)
		return true;
	for (p = 3; p <= 7; p += 2) {
		u64 n = p;

		while (n < g)
			n *= p;
		if (n == g)
			return true;
	}

	return false;
}

/* Where group descriptor block @b is */
static u64 desc_block(u32 b)
{
	u32 g;

	if (!(vol.incompat & INCOMPAT_META_BG) || b < vol.first_meta_bg)
		return vol.first_data_block + 1ULL + b;
	g = b * (vol.bsize / vol.desc_size);

	return vol.first_data_block + (u64)g * vol.blocks_per_group +
	       group_has_super(g);
}

static int read_inode(u32 ino, struct ext4_inode *in)
{
	u32 group, idx, per = vol.bsize / vol.desc_size;
	const u8 *p;
	u64 table, off;
	int ret;

	if (!ino || ino > vol.ninodes) {
		fs_set_error("inode %u is out of range (the filesystem has %u)",
			     ino, vol.ninodes);
		return -EIO;
	}
	group = (ino - 1) / vol.inodes_per_group;
	idx = (ino - 1) % vol.inodes_per_group;
	ret = meta_block(desc_block(group / per), &p,
			 "the group descriptor table", 0);
	if (ret)
		return ret;
	p += (group % per) * vol.desc_size;
	table = le32(p + 8);
	if (vol.desc_size >= 64)
		table |= (u64)le32(p + 0x28) << 32;
	off = (u64)idx * vol.inode_size;
	if (table >= vol.nblocks)
		return past_end(table, "the inode table of a block group", 0);
	ret = meta_block(table + (off >> vol.bshift), &p, "inode table", 0);
	if (ret)
		return ret;
	p += off & (vol.bsize - 1);
	in->ino = ino;
	in->mode = le16(p + I_MODE);
	in->flags = le32(p + I_FLAGS);
	in->size = le32(p + I_SIZE_LO) | (u64)le32(p + I_SIZE_HI) << 32;
	/* at most 2^32 blocks (what a 32-bit logical block number maps) */
	if (in->size >> vol.bshift >> 32) {
		fs_set_error("inode %u has a size past what ext4 can map", ino);
		return -EIO;
	}
	in->nblocks512 = le32(p + I_BLOCKS_LO);
	in->file_acl = le32(p + I_FILE_ACL_LO);
	memcpy(in->block, p + I_BLOCK, I_BLOCK_LEN);

	return 0;
}

/*
 * The number of the @n 12-byte entries at @node (sorted by their first
 * logical block, the first field) that start at or before @lblk: a binary
 * search (on a damaged, unsorted node the answer is still in 0..@n)
 */
static u32 entries_upto(const u8 *node, u32 n, u32 lblk)
{
	u32 lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (le32(node + 12 * mid) <= lblk)
			lo = mid + 1;
		else
			hi = mid;
	}

	return lo;
}

static int tree_damaged(const struct ext4_inode *in)
{
	fs_set_error("the extent tree of inode %u is damaged", in->ino);

	return -EIO;
}

/*
 * Whether the @n entries at @node are in order: each starts after the one
 * before it (and, in a leaf, after its end), so that a binary search maps
 * each logical block to one entry, whatever block a read starts at
 */
static bool node_sorted(const u8 *node, u32 n, bool leaf)
{
	u64 end = 0;
	u32 i, first, len;

	for (i = 0; i < n; i++, node += 12) {
		first = le32(node);
		if (i && first < end)
			return false;
		len = leaf ? le16(node + 4) : 1;
		if (len > 32768)
			len -= 32768;
		end = (u64)first + (len ? len : 1);
	}

	return true;
}

/*
 * The run of @in's blocks that starts at logical block @lblk, in an
 * extent tree: its first physical block in *@pblk (0: a hole or an
 * unwritten extent, read as zeros) and its length in *@count (>= 1)
 */
static int map_extents(const struct ext4_inode *in, u32 lblk, u64 *pblk,
		       u64 *count)
{
	const u8 *node = in->block;
	u32 max = (I_BLOCK_LEN - 12) / 12, n, i, level, limit = 0xffffffff;
	int slot = -1;		/* the node's cache slot; -1: the inode's */
	int ret;

	level = le16(node + 6);
	if (level > EXT4_MAX_DEPTH)
		return tree_damaged(in);
	for (;;) {
		n = le16(node + 2);
		if (le16(node) != EXT4_EXT_MAGIC || n > max ||
		    le16(node + 6) != level)
			return tree_damaged(in);
		node += 12;
		/* a cached block's order is checked once, the root each time */
		if (slot < 0 || !(vol.cache_checked & 1 << slot)) {
			if (!node_sorted(node, n, !level))
				return tree_damaged(in);
			if (slot >= 0)
				vol.cache_checked |= 1 << slot;
		}
		if (!level)
			break;
		/* the last index entry at or before lblk */
		i = entries_upto(node, n, lblk);
		if (i < n)
			limit = min(limit, le32(node + 12 * i));
		if (!i) {
			*pblk = 0;
			*count = (n ? limit : 0xffffffff) - lblk;
			return 0;
		}
		node += 12 * (i - 1);
		ret = meta_block(le32(node + 4) | (u64)le16(node + 8) << 32,
				 &node, "the extent tree", in->ino);
		if (ret)
			return ret;
		slot = vol.last_slot;
		max = (vol.bsize - 12) / 12;
		level--;
	}
	/* the extent at or before lblk, else the hole before the next */
	i = entries_upto(node, n, lblk);
	if (i < n)
		limit = min(limit, le32(node + 12 * i));
	if (i) {
		u32 first, len;
		u64 start;
		bool unwritten;

		node += 12 * (i - 1);
		first = le32(node);
		len = le16(node + 4);
		start = le32(node + 8) | (u64)le16(node + 6) << 32;
		unwritten = len > 32768;
		if (unwritten)
			len -= 32768;
		if (lblk - first < len) {
			if (start + len > vol.nblocks)
				return past_end(start + len - 1, "an extent",
						in->ino);
			*pblk = unwritten ? 0 : start + (lblk - first);
			/* (not past the next index entry's first block) */
			*count = min_t(u64, len - (lblk - first), limit - lblk);
			return 0;
		}
	}
	*pblk = 0;
	*count = limit - lblk;

	return 0;
}

/* The same for ext2/3's direct and indirect block pointers */
static int map_indirect(const struct ext4_inode *in, u32 lblk, u64 *pblk,
			u64 *count)
{
	u32 per = vol.bsize / 4, idx[3], levels, k, b, i, n;
	u64 rel = lblk, span, sub;
	const u8 *ptrs = in->block;
	int ret;

	if (rel < 12) {
		idx[0] = rel;
		n = 12;
	} else {
		/* single (1), double (2) or triple (3) indirect */
		rel -= 12;
		for (levels = 1, span = per; rel >= span; levels++) {
			if (levels == 3)
				return tree_damaged(in);
			rel -= span;
			span *= per;
		}
		/* the pointer's index at each level, the first level first */
		for (k = levels, sub = rel; k--; sub /= per)
			idx[k] = sub % per;
		b = le32(in->block + 4 * (11 + levels));
		/* sub: the blocks the tree under pointer b covers */
		for (k = 0, sub = span; k < levels; k++, sub /= per) {
			if (!b) {
				*pblk = 0;
				*count = sub - rel % sub;
				return 0;
			}
			if (b >= vol.nblocks)
				return past_end(b, "a block pointer", in->ino);
			ret = meta_block(b, &ptrs, "an indirect block",
					 in->ino);
			if (ret)
				return ret;
			if (k + 1 < levels)
				b = le32(ptrs + 4 * idx[k]);
		}
		idx[0] = idx[levels - 1];
		n = per;
	}
	b = le32(ptrs + 4 * idx[0]);
	if (b >= vol.nblocks)
		return past_end(b, "a block pointer", in->ino);
	for (i = 1; idx[0] + i < n; i++) {
		u32 next = le32(ptrs + 4 * (idx[0] + i));

		if (b ? next != b + i : next != 0)
			break;
	}
	*pblk = b;
	*count = i;

	return 0;
}

static int map_block(const struct ext4_inode *in, u32 lblk, u64 *pblk,
		     u64 *count)
{
	int ret;

	if (in->flags & FL_EXTENTS)
		ret = map_extents(in, lblk, pblk, count);
	else
		ret = map_indirect(in, lblk, pblk, count);
	/* every run maps at least its first block: reads always progress */
	if (!ret && !*count)
		*count = 1;

	return ret;
}

/* Read @len bytes of @in's data from @offset (inside the file) */
static int read_data(const struct ext4_inode *in, u64 offset, u64 len,
		     u8 *buf)
{
	u64 dev = 0, pend = 0, pblk = 0, count = 0, n;
	u8 *pbuf = buf;
	int ret;

	if (in->flags & FL_ENCRYPT) {
		fs_set_error("inode %u is encrypted", in->ino);
		return -EIO;
	}
	if ((in->flags & FL_INLINE_DATA) || is_fast_link(in)) {
		if (in->size > I_BLOCK_LEN) {
			fs_set_error("inode %u keeps data in an extended attribute (not supported)",
				     in->ino);
			return -EIO;
		}
		memcpy(buf, in->block + offset, len);
		return 0;
	}
	while (len) {
		u32 boff = offset & (vol.bsize - 1);

		if (offset >> vol.bshift > 0xffffffffULL)
			return tree_damaged(in);
		ret = map_block(in, offset >> vol.bshift, &pblk, &count);
		if (ret)
			return ret;
		n = min_t(u64, len, (count << vol.bshift) - boff);
		if (pblk && pend && dev + pend == (pblk << vol.bshift) + boff) {
			pend += n;
		} else {
			if (pend) {
				ret = fs_devread(dev, pend, pbuf);
				if (ret)
					return ret;
			}
			pend = 0;
			if (pblk) {
				dev = (pblk << vol.bshift) + boff;
				pbuf = buf;
				pend = n;
			} else {
				memset(buf, 0, n);
			}
		}
		buf += n;
		offset += n;
		len -= n;
	}

	return pend ? fs_devread(dev, pend, pbuf) : 0;
}

static int dir_damaged(const struct ext4_inode *in, u64 pos)
{
	fs_set_error("directory inode %u is damaged at byte %llu", in->ino,
		     (unsigned long long)pos);

	return -EIO;
}

/*
 * The next record of directory @d with an inode: its inode number in
 * *@ino, its name in @d->buf at *@name (*@len bytes); -ENOENT at the end
 */
static int dir_next(struct ext4_dir *d, u32 *ino, const char **name,
		    int *len)
{
	u64 blk;
	u32 off, rec;
	const u8 *p;
	int ret;

	for (;;) {
		if (d->pos >= d->in.size)
			return -ENOENT;
		blk = d->pos >> vol.bshift;
		off = d->pos & (vol.bsize - 1);
		if (d->buf_blk != blk) {
			u64 n = min_t(u64, vol.bsize, d->in.size - (blk << vol.bshift));

			d->buf_blk = ~0ULL;
			memset(d->buf, 0, vol.bsize);
			ret = read_data(&d->in, blk << vol.bshift, n, d->buf);
			if (ret)
				return ret;
			d->buf_blk = blk;
		}
		p = d->buf + off;
		if (off + DIRENT_HDR > vol.bsize)
			return dir_damaged(&d->in, d->pos);
		rec = le16(p + 4);
		if (vol.bsize == 65536 && (rec == 65535 || !rec))
			rec = 65536;
		if (rec < DIRENT_HDR || rec & 3 || off + rec > vol.bsize ||
		    DIRENT_HDR + p[6] > rec)
			return dir_damaged(&d->in, d->pos);
		d->pos += rec;
		*ino = le32(p);
		if (!*ino || !p[6])
			continue;
		*name = (const char *)p + DIRENT_HDR;
		*len = p[6];
		/* no name holds a NUL or a '/': one that does is damage */
		if (memchr(*name, '\0', *len) || memchr(*name, '/', *len))
			return dir_damaged(&d->in, d->pos - rec);
		return 0;
	}
}

static int dir_start(struct ext4_dir *d, const struct ext4_inode *in)
{
	if (in->flags & FL_INLINE_DATA) {
		fs_set_error("directory inode %u keeps its entries inline (not supported)",
			     in->ino);
		return -EIO;
	}
	d->in = *in;
	d->pos = 0;
	d->buf_blk = ~0ULL;
	d->buf = malloc(vol.bsize);

	return d->buf ? 0 : -ENOMEM;
}

/* Find @name (@len bytes) in directory @dir: its inode in *@out */
static int dir_find(const struct ext4_inode *dir, const char *name, int len,
		    struct ext4_inode *out)
{
	struct ext4_dir d;
	const char *n;
	int nlen, ret;
	u32 ino = 0;

	d.buf = NULL;
	ret = dir_start(&d, dir);
	while (!ret) {
		ret = dir_next(&d, &ino, &n, &nlen);
		if (!ret && nlen == len && !memcmp(n, name, len))
			break;
	}
	free(d.buf);

	return ret ? ret : read_inode(ino, out);
}

/*
 * Look @path up from the root; symbolic links are followed inside the path
 * and, if @follow, at its end. The inode found in *@out.
 */
static int lookup(const char *path, bool follow, struct ext4_inode *out)
{
	struct ext4_inode root, cur, next;
	char *work = NULL, *nwork;
	const char *p = path, *comp;
	int links = 0, len, ret;

	ret = read_inode(EXT4_ROOT_INO, &root);
	if (ret)
		return ret;
	if (!is_dir(&root)) {
		fs_set_error("the root inode is not a directory");
		return -EIO;
	}
	cur = root;
	for (;;) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		comp = p;
		while (*p && *p != '/')
			p++;
		len = p - comp;
		if (!is_dir(&cur)) {
			ret = -ENOTDIR;
			break;
		}
		ret = dir_find(&cur, comp, len, &next);
		if (ret)
			break;
		while (*p == '/')
			p++;
		if (!is_link(&next) || (!*p && !follow)) {
			cur = next;
			continue;
		}
		if (++links > MAX_LINKS) {
			fs_set_error("too many levels of symbolic links in %s",
				     path);
			ret = -ELOOP;
			break;
		}
		if (!next.size || next.size > 4096) {
			fs_set_error("symbolic link inode %u has a bad length",
				     next.ino);
			ret = -EIO;
			break;
		}
		/* the link's target, then what is left of the path */
		nwork = malloc(next.size + 1 + strlen(p) + 1);
		if (!nwork) {
			ret = -ENOMEM;
			break;
		}
		ret = read_data(&next, 0, next.size, (u8 *)nwork);
		if (ret) {
			free(nwork);
			break;
		}
		nwork[next.size] = '/';
		strcpy(nwork + next.size + 1, p);
		free(work);
		work = nwork;
		p = work;
		if (*p == '/')
			cur = root;
	}
	free(work);
	if (!ret)
		*out = cur;

	return ret;
}

static void ext4_close(void)
{
	int i;

	for (i = 0; i < NCACHE; i++)
		free(vol.cache[i]);
	memset(&vol, 0, sizeof(vol));
}

static int refuse(const char *what)
{
	fs_set_error("ext4 %s", what);

	return -EINVAL;
}

static int ext4_probe(void)
{
	u8 sb[0x160];
	u32 log, clog, blocks_lo;
	u64 groups;
	int i, ret;

	ext4_close();
	if (fs_dev_size() < SB_OFFSET + sizeof(sb))
		return -EINVAL;
	ret = fs_devread(SB_OFFSET, sizeof(sb), sb);
	if (ret)
		return ret;
	if (le16(sb + SB_MAGIC) != EXT4_MAGIC)
		return -EINVAL;
	log = le32(sb + SB_LOG_BLOCK_SIZE);
	if (log > 6)
		return refuse("superblock: bad block size");
	vol.bshift = 10 + log;
	vol.bsize = 1 << vol.bshift;
	vol.incompat = le32(sb + SB_FEATURE_INCOMPAT);
	vol.ro_compat = le32(sb + SB_FEATURE_RO_COMPAT);
	if (vol.incompat & (INCOMPAT_REFUSED | ~INCOMPAT_KNOWN)) {
		fs_set_error("ext4 features this reader does not know: incompat %#x",
			     vol.incompat & (INCOMPAT_REFUSED | ~INCOMPAT_KNOWN));
		return -EINVAL;
	}
	blocks_lo = le32(sb + SB_BLOCKS_LO);
	vol.nblocks = blocks_lo;
	if (vol.incompat & INCOMPAT_64BIT)
		vol.nblocks |= (u64)le32(sb + SB_BLOCKS_HI) << 32;
	vol.first_data_block = le32(sb + SB_FIRST_DATA_BLOCK);
	vol.blocks_per_group = le32(sb + SB_BLOCKS_PER_GROUP);
	vol.inodes_per_group = le32(sb + SB_INODES_PER_GROUP);
	vol.ninodes = le32(sb + SB_INODES_COUNT);
	vol.inode_size = le32(sb + SB_REV_LEVEL) ? le16(sb + SB_INODE_SIZE) :
			 128;
	vol.desc_size = vol.incompat & INCOMPAT_64BIT ?
			le16(sb + SB_DESC_SIZE) : 32;
	vol.first_meta_bg = le32(sb + SB_FIRST_META_BG);
	memcpy(vol.uuid, sb + SB_UUID, 16);
	/* a group's bitmap is one block, of clusters with bigalloc */
	clog = vol.ro_compat & RO_COMPAT_BIGALLOC ?
	       le32(sb + SB_LOG_CLUSTER_SIZE) : log;
	if (clog < log || clog - log > 16)
		return refuse("superblock: bad cluster size");
	if (!vol.blocks_per_group ||
	    vol.blocks_per_group > (u64)8 * vol.bsize << (clog - log) ||
	    !vol.inodes_per_group || vol.inodes_per_group > 8 * vol.bsize ||
	    vol.first_data_block >= vol.nblocks ||
	    vol.first_data_block > 1)
		return refuse("superblock: bad group geometry");
	if (vol.inode_size < 128 || vol.inode_size > vol.bsize ||
	    vol.inode_size & (vol.inode_size - 1))
		return refuse("superblock: bad inode size");
	if (vol.desc_size < 32 || vol.desc_size > vol.bsize ||
	    vol.desc_size & (vol.desc_size - 1))
		return refuse("superblock: bad group descriptor size");
	groups = (vol.nblocks - vol.first_data_block +
		  vol.blocks_per_group - 1) / vol.blocks_per_group;
	if (groups > 0xffffffffULL ||
	    vol.ninodes > groups * vol.inodes_per_group)
		return refuse("superblock: bad inode count");
	vol.ngroups = groups;
	for (i = 0; i < NCACHE; i++) {
		vol.cache[i] = malloc(vol.bsize);
		if (!vol.cache[i]) {
			ext4_close();
			return -ENOMEM;
		}
	}
	vol.probed = true;

	return 0;
}

static int ext4_opendir(const char *path, struct fs_dir_stream **dirsp)
{
	struct ext4_dir *d;
	struct ext4_inode in;
	int ret;

	ret = lookup(path, true, &in);
	if (ret)
		return ret;
	if (!is_dir(&in))
		return -ENOTDIR;
	d = calloc(1, sizeof(*d));
	if (!d)
		return -ENOMEM;
	ret = dir_start(d, &in);
	if (ret) {
		free(d);
		return ret;
	}
	*dirsp = &d->parent;

	return 0;
}

static int ext4_readdir(struct fs_dir_stream *dirs, struct fs_dirent **dentp)
{
	struct ext4_dir *d = (struct ext4_dir *)dirs;
	struct fs_dirent *dent = &d->dirent;
	struct ext4_inode in;
	const char *name;
	int len, ret;
	u32 ino;

	ret = dir_next(d, &ino, &name, &len);
	if (ret)
		return ret;
	memset(dent, 0, sizeof(*dent));
	memcpy(dent->name, name, len);
	ret = read_inode(ino, &in);
	if (ret)
		return ret;
	dent->type = is_dir(&in) ? FS_DT_DIR : is_link(&in) ? FS_DT_LNK :
		     FS_DT_REG;
	dent->size = in.size;
	*dentp = dent;

	return 0;
}

static void ext4_closedir(struct fs_dir_stream *dirs)
{
	struct ext4_dir *d = (struct ext4_dir *)dirs;

	free(d->buf);
	free(d);
}

static int ext4_size(const char *path, loff_t *size)
{
	struct ext4_inode in;
	int ret;

	ret = lookup(path, true, &in);
	if (!ret)
		*size = in.size;

	return ret;
}

static int ext4_read(const char *path, void *buf, loff_t offset, loff_t len,
		     loff_t *actread)
{
	struct ext4_inode in;
	int ret;

	*actread = 0;
	ret = lookup(path, true, &in);
	if (ret)
		return ret;
	if (is_dir(&in))
		return -EISDIR;
	if (offset < 0 || len < 0 || (u64)offset > in.size)
		return -EINVAL;
	if (!len || (u64)len > in.size - offset)
		len = in.size - offset;
	ret = read_data(&in, offset, len, buf);
	if (!ret)
		*actread = len;

	return ret;
}

static int ext4_exists(const char *path)
{
	struct ext4_inode in;

	return !lookup(path, true, &in);
}

static int ext4_uuid(char *uuid_str)
{
	const u8 *u = vol.uuid;

	sprintf(uuid_str,
		"%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9],
		u[10], u[11], u[12], u[13], u[14], u[15]);

	return 0;
}

U_BOOT_FS_DRIVER(ext4) = {
	.name = "ext4",
	.fstype = FS_TYPE_EXT,
	.probe = ext4_probe,
	.close = ext4_close,
	.opendir = ext4_opendir,
	.readdir = ext4_readdir,
	.closedir = ext4_closedir,
	.size = ext4_size,
	.read = ext4_read,
	.exists = ext4_exists,
	.uuid = ext4_uuid,
};
