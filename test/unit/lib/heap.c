// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The heap of lib/heap.c over a private buffer: allocation patterns,
 * merging, alignment, exhaustion, bad frees, broken headers, realloc,
 * and a long random run checked against a shadow model.
 */

#include <heap.h>
#include <test/ut.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#define HDR		16	/* the block header, before each payload */
#define BUF_SIZE	(256 << 10)

static u8 heap_buf[BUF_SIZE] __aligned(HEAP_MIN_ALIGN);

/* Is [p, p + len) inside the test buffer? */
static bool in_buf(const void *p, size_t len)
{
	return (const u8 *)p >= heap_buf &&
	       (const u8 *)p + len <= heap_buf + BUF_SIZE;
}

/* The whole heap is one free block again, and it can be handed out. */
static int check_empty(struct unit_test_state *uts, struct heap *h,
		       size_t total)
{
	size_t used, free;
	void *p;

	ut_assertok(heap_check(h));
	heap_stats(h, &used, &free);
	ut_asserteq(0, used);
	ut_asserteq(total, free);
	p = heap_alloc(h, total - HDR, 0);
	ut_assertnonnull(p);
	ut_assertnull(heap_alloc(h, 1, 0));
	ut_assertok(heap_free(h, p));

	return 0;
}

static int lib_heap_basic(struct unit_test_state *uts)
{
	struct heap h;
	size_t used, free;
	u8 *p, *q;

	ut_assertok(heap_init(&h, heap_buf, 64 << 10));
	heap_stats(&h, &used, &free);
	ut_asserteq(0, used);
	ut_asserteq(64 << 10, free);

	p = heap_alloc(&h, 100, 0);
	ut_assertnonnull(p);
	ut_assert(in_buf(p, 100));
	ut_assert(IS_ALIGNED((uintptr_t)p, HEAP_MIN_ALIGN));
	ut_assert(heap_usable_size(&h, p) >= 100);
	memset(p, 0xaa, 100);
	heap_stats(&h, &used, &free);
	ut_asserteq(112 + HDR, used);
	ut_asserteq(64 << 10, used + free);

	/* size 0 still gets a block of its own */
	q = heap_alloc(&h, 0, 0);
	ut_assertnonnull(q);
	ut_assert(q != p);
	ut_assertok(heap_check(&h));

	ut_assertok(heap_free(&h, p));
	ut_assertok(heap_free(&h, q));
	ut_assertok(heap_free(&h, NULL));
	if (check_empty(uts, &h, 64 << 10))
		return -1;

	/* too small a region for even one block */
	ut_asserteq(-EINVAL, heap_init(&h, heap_buf, 16));
	ut_assertnull(heap_alloc(&h, 1, 0));
	/* an unaligned region is trimmed to alignment */
	ut_assertok(heap_init(&h, heap_buf + 3, 4096));
	p = heap_alloc(&h, 10, 0);
	ut_assert(IS_ALIGNED((uintptr_t)p, HEAP_MIN_ALIGN));
	heap_stats(&h, &used, &free);
	ut_asserteq(4096 - 16, used + free);

	return 0;
}
UNIT_TEST(lib_heap_basic, 0, lib);

/* First fit reuses the lowest hole; freeing merges with both neighbours. */
static int lib_heap_coalesce(struct unit_test_state *uts)
{
	struct heap h;
	u8 *a, *b, *c, *d, *p;

	ut_assertok(heap_init(&h, heap_buf, 64 << 10));
	a = heap_alloc(&h, 1000, 0);	/* 1024-byte blocks */
	b = heap_alloc(&h, 1000, 0);
	c = heap_alloc(&h, 1000, 0);
	d = heap_alloc(&h, 1000, 0);
	ut_assert(a && b && c && d);
	ut_asserteq(1024, b - a);
	ut_asserteq(1024, c - b);

	/* b and c merge: 2048 bytes, room for a 2000-byte payload */
	ut_assertok(heap_free(&h, b));
	ut_assertok(heap_free(&h, c));
	ut_assertok(heap_check(&h));
	p = heap_alloc(&h, 2000, 0);
	ut_asserteq((uintptr_t)b, (uintptr_t)p);

	/* the lowest hole is taken first */
	ut_assertok(heap_free(&h, a));
	p = heap_alloc(&h, 500, 0);
	ut_asserteq((uintptr_t)a, (uintptr_t)p);
	ut_assertok(heap_free(&h, p));

	/* free the middle block last: it merges on both sides */
	ut_assertok(heap_free(&h, d));
	ut_assertok(heap_check(&h));
	ut_assertok(heap_free(&h, b));

	return check_empty(uts, &h, 64 << 10);
}
UNIT_TEST(lib_heap_coalesce, 0, lib);

static int lib_heap_align(struct unit_test_state *uts)
{
	static const size_t aligns[] = { 0, 1, 8, 16, 32, 64, 256, 4096,
					 65536 };
	void *ptrs[2 * ARRAY_SIZE(aligns)];
	struct heap h;
	int i, n = 0;

	ut_assertok(heap_init(&h, heap_buf, BUF_SIZE));
	for (i = 0; i < ARRAY_SIZE(aligns); i++) {
		size_t align = max_t(size_t, aligns[i], HEAP_MIN_ALIGN);
		u8 *p;

		/* a small block first, so that the next one needs a gap */
		ptrs[n++] = heap_alloc(&h, 24, 0);
		p = heap_alloc(&h, 100 + i, aligns[i]);
		ut_assertnonnull(p);
		ut_assertf(IS_ALIGNED((uintptr_t)p, align),
			   "%p not aligned to %zu", p, align);
		ut_assert(in_buf(p, 100 + i));
		memset(p, i, 100 + i);
		ptrs[n++] = p;
		ut_assertok(heap_check(&h));
	}
	/* not a power of two */
	ut_assertnull(heap_alloc(&h, 10, 48));
	ut_assertnull(heap_alloc(&h, 10, 3));
	/* larger than any heap can be */
	ut_assertnull(heap_alloc(&h, 10, (size_t)1 << 40));

	for (i = 0; i < n; i++)
		ut_assertok(heap_free(&h, ptrs[i]));

	return check_empty(uts, &h, BUF_SIZE);
}
UNIT_TEST(lib_heap_align, 0, lib);

static int lib_heap_exhaust(struct unit_test_state *uts)
{
	void *ptrs[200];
	struct heap h;
	int n;

	ut_assertok(heap_init(&h, heap_buf, 16 << 10));
	/* 100 bytes take a 128-byte block: 128 of them fill 16 KiB */
	for (n = 0; n < ARRAY_SIZE(ptrs); n++) {
		ptrs[n] = heap_alloc(&h, 100, 0);
		if (!ptrs[n])
			break;
	}
	ut_asserteq(128, n);
	ut_assertnull(heap_alloc(&h, 0, 0));
	ut_assertok(heap_check(&h));

	while (n--)
		ut_assertok(heap_free(&h, ptrs[n]));
	ut_assertnull(heap_alloc(&h, 16 << 10, 0));
	ut_assertnull(heap_alloc(&h, (size_t)-1, 0));
	ut_assertnull(heap_alloc(&h, (size_t)-1 / 2, 4096));

	return check_empty(uts, &h, 16 << 10);
}
UNIT_TEST(lib_heap_exhaust, 0, lib);

static int lib_heap_bad_free(struct unit_test_state *uts)
{
	struct heap h;
	u8 *a, *b, *c;
	int local;

	ut_assertok(heap_init(&h, heap_buf, 64 << 10));
	a = heap_alloc(&h, 64, 0);
	b = heap_alloc(&h, 64, 0);
	c = heap_alloc(&h, 64, 0);

	ut_assertok(heap_free(&h, b));
	ut_asserteq(-EINVAL, heap_free(&h, b));		/* double free */
	ut_asserteq(1, h.errors);
	ut_asserteq(-EINVAL, heap_free(&h, &local));	/* not the heap's */
	ut_asserteq(-EINVAL, heap_free(&h, a + 16));	/* inside a block */
	ut_asserteq(-EINVAL, heap_free(&h, a + 1));
	ut_asserteq(-EINVAL, heap_free(&h, heap_buf));	/* the first header */
	ut_asserteq(5, h.errors);
	ut_assertnull(heap_realloc(&h, b, 10));
	ut_asserteq(0, heap_usable_size(&h, b));

	/* a block merged into its free neighbour is no block any more */
	ut_assertok(heap_free(&h, c));
	ut_asserteq(-EINVAL, heap_free(&h, c));

	/* none of that hurt the heap */
	ut_assert(!h.corrupt);
	ut_assertok(heap_check(&h));
	ut_assertok(heap_free(&h, a));

	return check_empty(uts, &h, 64 << 10);
}
UNIT_TEST(lib_heap_bad_free, 0, lib);

static int lib_heap_corrupt(struct unit_test_state *uts)
{
	struct heap h;
	u8 *a, *b, *c;
	u32 *hdr;

	/* a writes past its end over b's header */
	ut_assertok(heap_init(&h, heap_buf, 64 << 10));
	a = heap_alloc(&h, 64, 0);
	b = heap_alloc(&h, 64, 0);
	c = heap_alloc(&h, 64, 0);
	ut_assert(a && b && c);
	memset(a, 0x55, heap_usable_size(&h, a) + 8);
	ut_asserteq(-EINVAL, heap_free(&h, b));
	ut_asserteq(-EFAULT, heap_free(&h, a));
	ut_assert(h.corrupt);
	ut_assertnull(heap_alloc(&h, 8, 0));
	ut_asserteq(-EFAULT, heap_check(&h));
	/* c's lower neighbour is b, whose header is gone: refused too */
	ut_asserteq(-EFAULT, heap_free(&h, c));

	/* one size field changed (the header's first word) */
	ut_assertok(heap_init(&h, heap_buf, 64 << 10));
	a = heap_alloc(&h, 64, 0);
	b = heap_alloc(&h, 64, 0);
	hdr = (u32 *)(a - HDR);
	hdr[0] += 16;
	ut_asserteq(-EFAULT, heap_check(&h));
	ut_assertnull(heap_alloc(&h, 8, 0));

	/* a free block's header overwritten: allocation stops, no loop */
	ut_assertok(heap_init(&h, heap_buf, 64 << 10));
	a = heap_alloc(&h, 64, 0);
	b = heap_alloc(&h, 64, 0);
	ut_assertok(heap_free(&h, a));
	memset(a - HDR, 0, HDR);
	ut_assertnull(heap_alloc(&h, 8, 0));
	ut_assert(h.corrupt);
	ut_asserteq(-EFAULT, heap_free(&h, b));

	return 0;
}
UNIT_TEST(lib_heap_corrupt, 0, lib);

static int lib_heap_realloc(struct unit_test_state *uts)
{
	size_t used, used2;
	struct heap h;
	u8 *p, *q, *r;
	int i;

	ut_assertok(heap_init(&h, heap_buf, 64 << 10));
	p = heap_alloc(&h, 100, 0);
	for (i = 0; i < 100; i++)
		p[i] = i;

	/* the rest of the heap is free above p: it grows in place */
	q = heap_realloc(&h, p, 3000);
	ut_asserteq((uintptr_t)p, (uintptr_t)q);
	ut_assert(heap_usable_size(&h, q) >= 3000);
	for (i = 0; i < 100; i++)
		ut_asserteq(i, q[i]);
	for (i = 100; i < 3000; i++)
		q[i] = i * 3;
	ut_assertok(heap_check(&h));

	/* shrinking stays in place and gives the tail back */
	heap_stats(&h, &used, NULL);
	ut_asserteq(3008 + HDR, used);
	q = heap_realloc(&h, q, 200);
	ut_asserteq((uintptr_t)p, (uintptr_t)q);
	heap_stats(&h, &used2, NULL);
	ut_asserteq(208 + HDR, used2);
	ut_assertok(heap_check(&h));

	/* blocked from above: it moves and keeps its content */
	r = heap_alloc(&h, 16, 0);
	ut_asserteq((uintptr_t)(q + 208 + HDR), (uintptr_t)r);
	p = heap_realloc(&h, q, 5000);
	ut_assertnonnull(p);
	ut_assert(p != q);
	for (i = 0; i < 100; i++)
		ut_asserteq(i, p[i]);
	for (i = 100; i < 200; i++)
		ut_asserteq((u8)(i * 3), p[i]);
	/* the old block is free again: it is the first fit for 200 bytes */
	q = heap_alloc(&h, 200, 0);
	ut_asserteq((uintptr_t)(r - 208 - HDR), (uintptr_t)q);
	ut_assertok(heap_free(&h, q));

	/* too big to grow: NULL, the block stays as it was */
	ut_assertnull(heap_realloc(&h, p, 1 << 20));
	ut_asserteq(0, p[0]);
	ut_asserteq(99, p[99]);

	/* NULL allocates, 0 frees */
	q = heap_realloc(&h, NULL, 10);
	ut_assertnonnull(q);
	ut_assertnull(heap_realloc(&h, q, 0));
	ut_assertnull(heap_realloc(&h, p, 0));
	ut_assertok(heap_free(&h, r));

	return check_empty(uts, &h, 64 << 10);
}
UNIT_TEST(lib_heap_realloc, 0, lib);

/* --- random run against a shadow model --------------------------------- */

#define SLOTS	64
#define OPS	20000
#define RANDOM_HEAP	(96 << 10)	/* small enough to run out at times */

struct shadow {
	u8 *p;
	size_t size;	/* bytes asked for */
	u8 fill;	/* every payload byte was set to this */
};

static u32 rnd_state;

static u32 rnd(void)
{
	/* xorshift32 */
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;

	return rnd_state;
}

static bool filled(const u8 *p, size_t len, u8 fill)
{
	while (len--) {
		if (*p++ != fill)
			return false;
	}

	return true;
}

/* No two live blocks overlap; the heap's books agree with the model. */
static int check_model(struct unit_test_state *uts, struct heap *h,
		       struct shadow *live)
{
	size_t used = 0, heap_used, heap_free;
	int i, j;

	ut_assertok(heap_check(h));
	for (i = 0; i < SLOTS; i++) {
		size_t len;

		if (!live[i].p)
			continue;
		len = heap_usable_size(h, live[i].p);
		ut_assert(len >= live[i].size);
		used += len + HDR;
		for (j = i + 1; j < SLOTS; j++) {
			if (!live[j].p)
				continue;
			ut_assertf(live[i].p + len <= live[j].p ||
				   live[j].p + heap_usable_size(h, live[j].p) <=
				   live[i].p, "slots %d and %d overlap", i, j);
		}
	}
	heap_stats(h, &heap_used, &heap_free);
	ut_asserteq(used, heap_used);
	ut_asserteq(RANDOM_HEAP, heap_used + heap_free);

	return 0;
}

static int lib_heap_random(struct unit_test_state *uts)
{
	struct shadow live[SLOTS] = {};
	int op, i, allocs = 0, failed = 0, reallocs = 0;
	struct heap h;
	u8 gen = 0;

	rnd_state = 0x2545f491;
	ut_assertok(heap_init(&h, heap_buf, RANDOM_HEAP));
	for (op = 0; op < OPS; op++) {
		struct shadow *s = &live[rnd() % SLOTS];
		u32 r = rnd();

		if (!s->p) {
			size_t size = r % 8 ? rnd() % 256 : rnd() % 16384;
			size_t align = r % 5 ? 0 : (size_t)16 << (rnd() % 9);

			s->p = heap_alloc(&h, size, align);
			if (!s->p) {
				failed++;
				continue;
			}
			allocs++;
			ut_assert(in_buf(s->p, size));
			ut_assert(IS_ALIGNED((uintptr_t)s->p,
					     max_t(size_t, align, 16)));
			s->size = size;
			s->fill = ++gen;
			memset(s->p, s->fill, size);
		} else if (r % 3 == 0) {
			size_t size = r % 8 ? rnd() % 512 : rnd() % 16384;
			u8 *p;

			ut_assert(filled(s->p, s->size, s->fill));
			p = heap_realloc(&h, s->p, size);
			if (!p && size) {
				failed++;	/* the old block still stands */
				continue;
			}
			reallocs++;
			s->p = p;
			if (!p)
				continue;
			ut_assert(filled(p, min(size, s->size), s->fill));
			s->size = size;
			s->fill = ++gen;
			memset(p, s->fill, size);
		} else {
			ut_assertf(filled(s->p, s->size, s->fill),
				   "op %d: block %p changed", op, s->p);
			ut_assertok(heap_free(&h, s->p));
			s->p = NULL;
		}
		if (op % 500 == 0 && check_model(uts, &h, live))
			return -1;
	}
	if (check_model(uts, &h, live))
		return -1;
	/* the run did exercise the heap, including running out */
	ut_assert(allocs > OPS / 4);
	ut_assert(reallocs > OPS / 20);
	ut_assert(failed > 0);
	ut_asserteq(0, h.errors);

	for (i = 0; i < SLOTS; i++) {
		if (live[i].p) {
			ut_assert(filled(live[i].p, live[i].size,
					 live[i].fill));
			ut_assertok(heap_free(&h, live[i].p));
		}
	}

	return check_empty(uts, &h, RANDOM_HEAP);
}
UNIT_TEST(lib_heap_random, 0, lib);
