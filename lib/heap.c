// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * An explicit first-fit heap (see <heap.h>).
 *
 * The region is a sequence of blocks, each starting with a header that
 * gives its size and the size of the block before it, so that a block's
 * physical neighbours are found in both directions. Free blocks have no
 * list: allocation walks the blocks from h->hint, below which every
 * block is in use. Free blocks never sit side by side: freeing merges a
 * block with free neighbours.
 *
 * Each header carries a check word computed from its fields and its own
 * address. A header is trusted only when the check matches, its sizes
 * are sane and its neighbours agree with it; otherwise the operation is
 * refused. Every walk advances by a validated, non-zero size and stops
 * at the end of the region, so a damaged heap can not make it loop.
 */

#include <heap.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#define HDR_SIZE	16
#define MIN_BLOCK	(HDR_SIZE + HEAP_MIN_ALIGN)
#define MAX_REGION	0xfffffff0UL
#define MAX_PAYLOAD	(MAX_REGION - HDR_SIZE)

#define STATE_FREE	0x46524545	/* "FREE" */
#define STATE_USED	0x55534544	/* "USED" */
#define CHECK_SALT	0x9b4e6c2dU

/* Counts heap_init() calls, to give each heap its own salt. */
static u32 heap_generation;

/* The header of every block; the payload follows it. */
struct block {
	u32 size;	/* of the whole block, header included */
	u32 prev_size;	/* of the block just below, 0 for the first one */
	u32 state;	/* STATE_FREE or STATE_USED */
	u32 check;	/* block_sum() */
};

_Static_assert(sizeof(struct block) == HDR_SIZE, "heap block header size");

static inline struct block *blk(uintptr_t addr)
{
	return (struct block *)addr;
}

static u32 block_sum(const struct heap *h, const struct block *b)
{
	u32 x = h->salt ^ (u32)(uintptr_t)b;

	x = (x ^ b->size) * 0x9e3779b1U;
	x = (x ^ b->prev_size) * 0x9e3779b1U;
	x = (x ^ b->state) * 0x9e3779b1U;

	return x ^ (x >> 15);
}

static void set_block(const struct heap *h, uintptr_t addr, u32 size,
		      u32 prev_size, u32 state)
{
	struct block *b = blk(addr);

	b->size = size;
	b->prev_size = prev_size;
	b->state = state;
	b->check = block_sum(h, b);
}

/* Tell the block at @addr (if it is not the end) its new lower neighbour. */
static void set_prev_size(struct heap *h, uintptr_t addr, u32 prev_size)
{
	struct block *b = blk(addr);

	if (addr < h->end) {
		b->prev_size = prev_size;
		b->check = block_sum(h, b);
	}
}

/* A header absorbed into a bigger block must not pass as one any more. */
static void wipe(const struct heap *h, uintptr_t addr)
{
	struct block *b = blk(addr);

	b->state = 0;
	b->check = ~block_sum(h, b);
}

static void broken(struct heap *h)
{
	h->corrupt = true;
	h->errors++;
}

/* Is there a believable header at @addr? */
static bool header_ok(const struct heap *h, uintptr_t addr)
{
	const struct block *b = blk(addr);

	if (addr < h->start || addr >= h->end || addr % HDR_SIZE ||
	    h->end - addr < MIN_BLOCK)
		return false;
	if (b->check != block_sum(h, b))
		return false;
	if (b->state != STATE_FREE && b->state != STATE_USED)
		return false;
	if (b->size < MIN_BLOCK || b->size % HDR_SIZE ||
	    b->size > h->end - addr)
		return false;
	if ((b->prev_size == 0) != (addr == h->start) ||
	    b->prev_size % HDR_SIZE || b->prev_size > addr - h->start)
		return false;

	return true;
}

/* Do the neighbours of the (valid) block at @addr agree with it? */
static bool next_ok(const struct heap *h, uintptr_t addr)
{
	uintptr_t next = addr + blk(addr)->size;

	if (next == h->end)
		return true;

	return header_ok(h, next) && blk(next)->prev_size == blk(addr)->size;
}

static bool prev_ok(const struct heap *h, uintptr_t addr)
{
	u32 prev_size = blk(addr)->prev_size;

	if (!prev_size)
		return true;

	return header_ok(h, addr - prev_size) &&
	       blk(addr - prev_size)->size == prev_size;
}

static u32 block_size(size_t payload)
{
	size_t size = ALIGN(payload, HEAP_MIN_ALIGN) + HDR_SIZE;

	return size < MIN_BLOCK ? MIN_BLOCK : size;
}

int heap_init(struct heap *h, void *base, size_t size)
{
	uintptr_t start = ALIGN((uintptr_t)base, HEAP_MIN_ALIGN);
	uintptr_t end = (uintptr_t)base + size;

	memset(h, 0, sizeof(*h));
	if (end < (uintptr_t)base)	/* the region wraps: keep the part below */
		end = UINTPTR_MAX;
	end = ALIGN_DOWN(end, HEAP_MIN_ALIGN);
	if (end <= start || end - start < MIN_BLOCK)
		return -EINVAL;
	if (end - start > MAX_REGION)
		end = start + MAX_REGION;

	h->salt = CHECK_SALT ^ (++heap_generation * 0x85ebca6bU) ^
		  (u32)(uintptr_t)h;
	h->start = start;
	h->end = end;
	h->hint = start;
	h->free = end - start;
	set_block(h, start, end - start, 0, STATE_FREE);

	return 0;
}

/*
 * Where in the free block at @addr a block of @need bytes whose payload
 * is aligned to @align can start, or 0 if it does not fit. A gap left
 * in front must be large enough to stay a free block of its own.
 */
static uintptr_t fit(uintptr_t addr, u32 size, u32 need, size_t align)
{
	uintptr_t at = ALIGN(addr + HDR_SIZE, align) - HDR_SIZE;

	if (at != addr && at - addr < MIN_BLOCK)
		at += align;
	if (at - addr > size || addr + size - at < need)
		return 0;

	return at;
}

/*
 * Cut a used block of @need bytes at @at out of the free block at @addr;
 * the pieces in front and behind stay free if they are large enough to
 * be blocks, else the one behind goes with the allocation.
 * Return: the size of the used block
 */
static u32 carve(struct heap *h, uintptr_t addr, uintptr_t at, u32 need)
{
	u32 size = blk(addr)->size;
	u32 prev = blk(addr)->prev_size;
	u32 gap = at - addr;
	u32 rest = size - gap - need;

	h->free -= size;
	if (gap) {
		set_block(h, addr, gap, prev, STATE_FREE);
		h->free += gap;
		prev = gap;
	}
	if (rest >= MIN_BLOCK) {
		set_block(h, at, need, prev, STATE_USED);
		set_block(h, at + need, rest, need, STATE_FREE);
		set_prev_size(h, at + need + rest, rest);
		h->free += rest;
	} else {
		need += rest;
		set_block(h, at, need, prev, STATE_USED);
		set_prev_size(h, at + need, need);
	}
	h->used += need;

	return need;
}

void *heap_alloc(struct heap *h, size_t size, size_t align)
{
	uintptr_t addr, first_free = 0;
	bool seen_free = false;
	u32 need;

	if (h->corrupt || size > MAX_PAYLOAD)
		return NULL;
	if ((align & (align - 1)) || align > MAX_REGION)
		return NULL;
	if (align < HEAP_MIN_ALIGN)
		align = HEAP_MIN_ALIGN;
	need = block_size(size);

	for (addr = h->hint; addr < h->end; addr += blk(addr)->size) {
		uintptr_t at;
		u32 used;

		if (!header_ok(h, addr) || !next_ok(h, addr)) {
			broken(h);
			return NULL;
		}
		if (blk(addr)->state != STATE_FREE)
			continue;
		if (!seen_free) {
			seen_free = true;
			first_free = addr;
		}
		at = fit(addr, blk(addr)->size, need, align);
		if (!at)
			continue;

		used = carve(h, addr, at, need);
		if (first_free != addr)
			h->hint = first_free;
		else
			h->hint = at != addr ? addr : at + used;

		return (void *)(at + HDR_SIZE);
	}
	h->hint = seen_free ? first_free : h->end;

	return NULL;
}

/*
 * The header of the allocated block whose payload is @ptr, or NULL with
 * *err set: -EINVAL for a pointer that is not an allocated block,
 * -EFAULT when a neighbour's header contradicts it.
 */
static uintptr_t used_block(struct heap *h, void *ptr, int *err)
{
	uintptr_t addr = (uintptr_t)ptr - HDR_SIZE;

	if ((uintptr_t)ptr < h->start + HDR_SIZE || (uintptr_t)ptr >= h->end ||
	    !header_ok(h, addr) || blk(addr)->state != STATE_USED) {
		h->errors++;
		*err = -EINVAL;
		return 0;
	}
	if (!prev_ok(h, addr) || !next_ok(h, addr)) {
		broken(h);
		*err = -EFAULT;
		return 0;
	}

	return addr;
}

/*
 * Make [@addr, @addr + @size) a free block whose lower neighbour is in
 * use (or absent), merging the block above it if that one is free.
 */
static void release(struct heap *h, uintptr_t addr, u32 size, u32 prev_size)
{
	uintptr_t next = addr + size;

	if (next < h->end && blk(next)->state == STATE_FREE) {
		size += blk(next)->size;
		wipe(h, next);
	}
	set_block(h, addr, size, prev_size, STATE_FREE);
	set_prev_size(h, addr + size, size);
	if (addr < h->hint)
		h->hint = addr;
}

int heap_free(struct heap *h, void *ptr)
{
	uintptr_t addr;
	u32 size, prev;
	int err;

	if (!ptr)
		return 0;
	addr = used_block(h, ptr, &err);
	if (!addr)
		return err;

	size = blk(addr)->size;
	prev = blk(addr)->prev_size;
	h->used -= size;
	h->free += size;
	if (prev && blk(addr - prev)->state == STATE_FREE) {
		wipe(h, addr);
		addr -= prev;
		size += prev;
		prev = blk(addr)->prev_size;
	}
	release(h, addr, size, prev);

	return 0;
}

void *heap_realloc(struct heap *h, void *ptr, size_t size)
{
	uintptr_t addr, next;
	u32 need, cur;
	void *copy;
	int err;

	if (!ptr)
		return heap_alloc(h, size, 0);
	if (!size) {
		heap_free(h, ptr);
		return NULL;
	}
	addr = used_block(h, ptr, &err);
	if (!addr || h->corrupt || size > MAX_PAYLOAD)
		return NULL;
	need = block_size(size);
	cur = blk(addr)->size;
	next = addr + cur;

	/* Grow into a free block above, if that is enough. */
	if (need > cur && next < h->end && blk(next)->state == STATE_FREE &&
	    cur + blk(next)->size >= need) {
		u32 more = blk(next)->size;

		wipe(h, next);
		h->free -= more;
		h->used += more;
		cur += more;
		set_block(h, addr, cur, blk(addr)->prev_size, STATE_USED);
		set_prev_size(h, addr + cur, cur);
		if (h->hint == next)
			h->hint = addr + cur;
	}

	if (need <= cur) {
		u32 rest = cur - need;

		if (rest >= MIN_BLOCK) {
			set_block(h, addr, need, blk(addr)->prev_size,
				  STATE_USED);
			h->used -= rest;
			h->free += rest;
			release(h, addr + need, rest, need);
		}
		return ptr;
	}

	copy = heap_alloc(h, size, 0);
	if (!copy)
		return NULL;
	memcpy(copy, ptr, cur - HDR_SIZE);
	heap_free(h, ptr);

	return copy;
}

size_t heap_usable_size(struct heap *h, void *ptr)
{
	uintptr_t addr;
	int err;

	addr = used_block(h, ptr, &err);

	return addr ? blk(addr)->size - HDR_SIZE : 0;
}

void heap_stats(struct heap *h, size_t *used, size_t *free)
{
	if (used)
		*used = h->used;
	if (free)
		*free = h->free;
}

int heap_check(struct heap *h)
{
	size_t used = 0, free = 0;
	bool prev_free = false, hint_seen = h->hint == h->end;
	uintptr_t addr;

	for (addr = h->start; addr < h->end; addr += blk(addr)->size) {
		const struct block *b = blk(addr);

		if (!header_ok(h, addr) || !next_ok(h, addr))
			goto bad;
		if (addr == h->hint)
			hint_seen = true;
		if (b->state == STATE_FREE) {
			if (prev_free || addr < h->hint)
				goto bad;
			free += b->size;
			prev_free = true;
		} else {
			used += b->size;
			prev_free = false;
		}
	}
	if (!hint_seen || used != h->used || free != h->free)
		goto bad;

	return 0;
bad:
	broken(h);

	return -EFAULT;
}
