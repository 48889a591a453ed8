// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A cache of small block reads, as U-Boot's CONFIG_BLOCK_CACHE keeps:
 * what a filesystem reads again on every command (the partition table,
 * a superblock, group descriptors, directory, extent and FAT blocks) is
 * served from memory the second time instead of costing a request.
 *
 * An entry is one whole read, found again only by the same device,
 * first block and count; the least recently used entry makes room.
 * A write or erase, a failed read and the removal of the device drop
 * every entry of that device, so that the cache never answers for a
 * device with anything other than what the device itself said last.
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <malloc.h>
#include <string.h>

struct blkcache_entry {
	struct udevice *dev;	/* NULL: free */
	lbaint_t start;
	lbaint_t blkcnt;
	unsigned long blksz;
	unsigned long used;	/* when last hit or filled */
	void *data;
};

static struct blkcache_entry blkcache[CONFIG_BLOCK_CACHE_ENTRIES];
static unsigned long blkcache_clock;
static struct blkcache_stats blkcache_counts;
static unsigned int blkcache_entries = CONFIG_BLOCK_CACHE_ENTRIES;
static unsigned int blkcache_max_bytes = CONFIG_BLOCK_CACHE_MAX_BYTES;

static bool blkcache_fits(lbaint_t blkcnt, unsigned long blksz)
{
	return blkcnt && blkcnt <= blkcache_max_bytes / blksz;
}

bool blkcache_read(struct udevice *dev, lbaint_t start, lbaint_t blkcnt,
		   unsigned long blksz, void *buffer)
{
	struct blkcache_entry *e;

	if (!blkcache_fits(blkcnt, blksz))
		return false;
	for (e = blkcache; e < blkcache + blkcache_entries; e++) {
		if (e->dev == dev && e->start == start && e->blkcnt == blkcnt &&
		    e->blksz == blksz) {
			memcpy(buffer, e->data, blkcnt * blksz);
			e->used = ++blkcache_clock;
			blkcache_counts.hits++;
			return true;
		}
	}
	blkcache_counts.misses++;

	return false;
}

void blkcache_fill(struct udevice *dev, lbaint_t start, lbaint_t blkcnt,
		   unsigned long blksz, const void *buffer)
{
	struct blkcache_entry *e, *victim = blkcache;
	void *data;

	if (!blkcache_fits(blkcnt, blksz) || !blkcache_entries)
		return;
	for (e = blkcache; e < blkcache + blkcache_entries; e++) {
		if (!e->dev) {
			victim = e;
			break;
		}
		if (e->used < victim->used)
			victim = e;
	}
	data = malloc(blkcnt * blksz);
	if (!data)
		return;
	memcpy(data, buffer, blkcnt * blksz);
	free(victim->data);
	victim->dev = dev;
	victim->start = start;
	victim->blkcnt = blkcnt;
	victim->blksz = blksz;
	victim->used = ++blkcache_clock;
	victim->data = data;
}

void blkcache_invalidate(struct udevice *dev)
{
	struct blkcache_entry *e;

	for (e = blkcache; e < blkcache + ARRAY_SIZE(blkcache); e++) {
		if (e->dev && (e->dev == dev || !dev)) {
			free(e->data);
			memset(e, 0, sizeof(*e));
		}
	}
}

void blkcache_get_stats(struct blkcache_stats *stats)
{
	*stats = blkcache_counts;
	stats->max_bytes = blkcache_max_bytes;
	stats->entries = blkcache_entries;
}

void blkcache_configure(unsigned int max_bytes, unsigned int entries)
{
	blkcache_invalidate(NULL);
	blkcache_max_bytes = max_bytes;
	blkcache_entries = min_t(unsigned int, entries, ARRAY_SIZE(blkcache));
}
