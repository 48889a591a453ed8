/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An explicit heap over one region of memory: first fit, neighbouring
 * free blocks merged on free, every block header checked before use.
 *
 * lib/malloc.c serves malloc() and friends from one such heap on the
 * QEMU boards; the unit tests run private heaps over buffers.
 *
 * A block is a 16-byte header followed by its payload; payloads are
 * 16-byte aligned (more on request). Bad frees (a pointer not handed
 * out, a second free of the same pointer, a header overwritten by the
 * caller) are refused and counted, never followed into a crash or a
 * loop; once a header is found broken the heap hands out no more memory.
 */
#ifndef __HEAP_H
#define __HEAP_H

#include <linux/types.h>

/* Payload alignment of heap_alloc() with @align 0 */
#define HEAP_MIN_ALIGN	16

/**
 * struct heap - the state of one heap; the blocks live in the region
 * @start:	first block header (HEAP_MIN_ALIGN aligned)
 * @end:	end of the region, exclusive
 * @hint:	no free block lies below this header (speeds up first fit)
 * @used:	bytes of allocated blocks, headers included
 * @free:	bytes of free blocks, headers included
 * @errors:	bad frees and broken headers seen
 * @corrupt:	a broken header was found: allocation is off for good
 * @salt:	mixed into every header's check word, different for each
 *		heap_init(), so headers left over from an earlier heap in
 *		the same memory are not taken for blocks
 */
struct heap {
	uintptr_t start;
	uintptr_t end;
	uintptr_t hint;
	size_t used;
	size_t free;
	unsigned int errors;
	bool corrupt;
	u32 salt;
};

/**
 * heap_init() - make @size bytes at @base one free block
 * @h:		the heap to set up
 * @base:	start of the region
 * @size:	its size in bytes
 *
 * The region is trimmed to HEAP_MIN_ALIGN at both ends and to at most
 * 4 GiB - 16 bytes.
 * Return: 0, or -EINVAL if the region is too small to hold one block
 */
int heap_init(struct heap *h, void *base, size_t size);

/**
 * heap_alloc() - allocate @size bytes aligned to @align
 * @h:		the heap
 * @size:	payload bytes wanted
 * @align: 0 or a power of two; up to 16 means 16
 * Return: the payload, or NULL if no free block is large enough, @align
 *	   is not a power of two or the heap is corrupt. A zero @size gets
 *	   a unique minimal block.
 */
void *heap_alloc(struct heap *h, size_t size, size_t align);

/**
 * heap_free() - give a block back; NULL is ignored
 * @h:		the heap
 * @ptr:	a payload heap_alloc() or heap_realloc() returned, or NULL
 * Return: 0; -EINVAL if @ptr is not an allocated block of @h (never
 *	   allocated, or already freed); -EFAULT if its header or a
 *	   neighbour's is broken. Refused frees change nothing.
 */
int heap_free(struct heap *h, void *ptr);

/**
 * heap_realloc() - resize a block, in place when possible
 * @h:		the heap
 * @ptr:	the block to resize, or NULL
 * @size:	the new payload size
 *
 * As C's realloc(): a NULL @ptr allocates, a zero @size frees and
 * returns NULL; when a new block is needed the payload is copied and
 * the old block freed. The new block has the default alignment.
 * Return: the payload, or NULL (the old block is then left as it was)
 */
void *heap_realloc(struct heap *h, void *ptr, size_t size);

/**
 * heap_usable_size() - payload bytes of an allocated block
 * @h:		the heap
 * @ptr:	an allocated payload
 * Return: at least the size asked for, or 0 if @ptr is not valid
 */
size_t heap_usable_size(struct heap *h, void *ptr);

/**
 * heap_stats() - bytes allocated and free, headers included
 * @h:		the heap
 * @used:	set to the bytes of allocated blocks (may be NULL)
 * @free:	set to the bytes of free blocks (may be NULL)
 *
 * *@used + *@free is the size of the region. Either pointer may be NULL.
 */
void heap_stats(struct heap *h, size_t *used, size_t *free);

/**
 * heap_check() - walk every block and verify the heap's invariants
 * @h:		the heap
 *
 * Headers intact, sizes chaining to the end of the region, no two free
 * blocks side by side, no free block below the hint, totals matching.
 * Return: 0, or -EFAULT (and the heap is marked corrupt)
 */
int heap_check(struct heap *h);

#endif
