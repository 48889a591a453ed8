/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the FAT reader (fat.c) shares with the writer (fat_write.c): the
 * volume probe() found, the FAT window, cluster chains and directory
 * walks. Nothing outside fs/fat/ includes this.
 */
#ifndef _FAT_INTERNAL_H
#define _FAT_INTERNAL_H

#include <fat.h>
#include <fs.h>
#include <linux/types.h>

#define FAT_WIN		32768	/* bytes of the FAT cached at a time */
#define DIR_CHUNK	4096	/* bytes of a directory read at a time */
#define LFN_MAX		20	/* slots of a long name (255 characters) */
#define NAME_MAX_UTF8	(LFN_MAX * 13 * 3 + 1)
#define FAT32_MAX_CLUS	0x0ffffff5

/**
 * struct fat_volume - what probe() learnt, and the FAT window
 * @probed:	a FAT filesystem is set
 * @bits:	12, 16 or 32
 * @clus_shift:	log2 of the cluster size in bytes
 * @nclus:	data clusters: 2 .. @nclus + 1
 * @fat_off:	partition offset of the FAT in use
 * @fat_bytes:	size of one FAT
 * @root_off:	FAT12/16: partition offset of the fixed root directory
 * @root_bytes:	FAT12/16: its size
 * @root_clus:	FAT32: first cluster of the root directory
 * @data_off:	partition offset of cluster 2
 * @vol_id:	volume serial number
 * @label:	volume label
 * @win:	FAT cache: FAT_WIN bytes of the FAT from @win_off
 * @win_off:	offset of the window in the FAT
 * @win_len:	bytes in the window (0: none)
 * @dirty:	(CONFIG_FAT_WRITE) the window was changed and is not written
 *		back yet: fat_win_flush() before it moves
 */
struct fat_volume {
	bool probed;
	u8 bits;
	u8 clus_shift;
	u32 nclus;
	u64 fat_off;
	u64 fat_bytes;
	u64 root_off;
	u32 root_bytes;
	u32 root_clus;
	u64 data_off;
	u8 vol_id[4];
	char label[12];
	u8 *win;
	u64 win_off;
	u32 win_len;
	bool dirty;
};

extern struct fat_volume fat_vol;

/**
 * struct fat_node - a file or directory found by a path lookup
 * @root:	the root directory
 * @attr:	ATTR_...
 * @clus:	first cluster (0: none)
 * @size:	size in bytes
 */
struct fat_node {
	bool root;
	u8 attr;
	u32 clus;
	u32 size;
};

/**
 * struct fat_chain - a cluster chain being walked
 * @next:	the next cluster, 0 at the end
 * @count:	clusters walked
 * @saved:	Brent's cycle detection: the cluster compared against
 * @power:	Brent: the current power of two
 * @lam:	Brent: steps since @saved
 * @path:	the file's path for messages, without its leading '/'
 * @plen:	its length
 */
struct fat_chain {
	u32 next;
	u32 count;
	u32 saved;
	u32 power, lam;
	const char *path;
	int plen;
};

/**
 * struct fat_dir - a directory being read
 * @parent:	fs.c's view of it (first)
 * @dirent:	the entry fat_readdir() returns
 * @ch:		its cluster chain
 * @fixed:	the FAT12/16 root
 * @done:	its end was reached
 * @pos:	partition offset of the next chunk
 * @left:	bytes left in this cluster or in the fixed root
 * @bufpos:	offset of the next slot in @buf
 * @buflen:	bytes in @buf
 * @lfn_want:	long-name slot expected next; 0: complete; -1: none
 * @lfn_sum:	the checksum the long-name slots carry
 * @lfn:	the long name gathered (UTF-16)
 * @de:		the current entry, in @buf
 * @name:	its long name, else its 8.3 name (UTF-8)
 * @sname:	its 8.3 name
 * @path:	the directory's path, for messages
 * @buf:	the chunk of the directory read
 */
struct fat_dir {
	struct fs_dir_stream parent;
	struct fs_dirent dirent;
	struct fat_chain ch;
	bool fixed;
	bool done;
	u64 pos;
	u32 left;
	u32 bufpos, buflen;
	int lfn_want;
	u8 lfn_sum;
	u16 lfn[LFN_MAX * 13];
	struct fat_dir_entry *de;
	char name[NAME_MAX_UTF8];
	char sname[13];
	char path[FS_DIRENT_NAME_LEN];
	u8 buf[DIR_CHUNK];
};

/**
 * fat_clus_off() - where a cluster starts
 * @clus:	the cluster (2 or more)
 * Return: its partition offset
 */
u64 fat_clus_off(u32 clus);

/**
 * fat_byte() - one byte of the FAT in use, through the window (which it
 * moves there, writing a changed window back first)
 * @off:	offset in the FAT
 * @val:	returns the byte
 * Return: 0, or -EIO
 */
int fat_byte(u64 off, u8 *val);

/**
 * fat_entry() - the FAT entry of a cluster
 * @clus:	the cluster, inside the FAT
 * @val:	returns the entry (FAT32: its low 28 bits)
 * Return: 0, or -EIO
 */
int fat_entry(u32 clus, u32 *val);

/**
 * fat_chain_error() - say what is wrong with a cluster chain
 * @ch:		the chain
 * @what:	"loops", "points outside the data area", ...
 * Return: -ELOOP for a loop, else -EIO
 */
int fat_chain_error(struct fat_chain *ch, const char *what);

/**
 * fat_chain_init() - start walking a chain
 * @ch:		the walk
 * @clus:	its first cluster
 * @path:	the file's path, for messages
 * @plen:	its length
 * Return: 0, or -EIO if @clus is outside the data area
 */
int fat_chain_init(struct fat_chain *ch, u32 clus, const char *path, int plen);

/**
 * fat_chain_run() - the next run of consecutive clusters of a chain
 * @ch:		the walk
 * @first:	returns the run's first cluster
 * @max:	the most clusters wanted (1 or more)
 * Return: the run's length, 0 at the end of the chain, or -ve (a loop, a
 *	   bad cluster, a cluster outside the data area: fs_set_error())
 */
int fat_chain_run(struct fat_chain *ch, u32 *first, u32 max);

/**
 * fat_dir_open() - start reading a directory
 * @d:		the walk
 * @node:	the directory
 * @path:	its path, for messages
 * @plen:	its length
 * Return: 0, or -EIO
 */
int fat_dir_open(struct fat_dir *d, const struct fat_node *node,
	     const char *path, int plen);

/**
 * fat_dir_slot() - the next 32-byte slot of a directory, whatever it holds
 * @d:		the walk
 * @slotp:	returns the slot, in @d's buffer
 * Return: 0, -ENOENT at the end of the directory, or -ve
 */
int fat_dir_slot(struct fat_dir *d, u8 **slotp);

/**
 * fat_dir_next() - the next entry of a directory (deleted entries, labels and
 * stray long-name slots skipped) in d->de, d->name and d->sname
 * @d:		the walk
 * Return: 0, -ENOENT at the end, or -ve
 */
int fat_dir_next(struct fat_dir *d);

/**
 * fat_dir_node() - the node of the current entry
 * @d:		the walk
 * @node:	returns it
 */
void fat_dir_node(const struct fat_dir *d, struct fat_node *node);

/**
 * fat_name_is() - does a name equal a path component, case aside?
 * @name:	the name
 * @comp:	the component
 * @len:	its length
 * Return: true if they are the same
 */
bool fat_name_is(const char *name, const char *comp, int len);

/**
 * fat_lookup() - find a path from the root
 * @path:	the path
 * @d:		a directory walk to use; it is left on the entry found
 * @node:	returns the node
 * Return: 0, -ENOENT, -ENOTDIR, or -ve
 */
int fat_lookup(const char *path, struct fat_dir *d, struct fat_node *node);

/**
 * fat_win_flush() - (CONFIG_FAT_WRITE, fat_write.c) write a changed FAT
 * window back to every copy of the FAT
 * Return: 0, or -ve if a write failed
 */
int fat_win_flush(void);

/**
 * fat_write() - (CONFIG_FAT_WRITE) the driver's write operation (struct
 * fs_driver's @write): write @len bytes of @buf at @offset of file @path,
 * as U-Boot's file_fat_write()
 * @path:	the file
 * @buf:	the bytes
 * @offset:	where in the file (a new file: 0; else no further than its
 *		end)
 * @len:	how many; the file then ends at @offset + @len
 * @actwrite:	returns the bytes written
 * Return: 0, or -ve (fs_set_error() says why in U-Boot's words)
 */
int fat_write(const char *path, const void *buf, loff_t offset, loff_t len,
	      loff_t *actwrite);

#endif /* _FAT_INTERNAL_H */
