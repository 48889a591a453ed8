// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * malloc() and friends of <malloc.h> over one heap (lib/heap.c) on the
 * boards without a host C library. Until mem_malloc_init() has given
 * the heap its memory, every allocation fails.
 */

#include <heap.h>
#include <linux/string.h>
#include <malloc.h>

static struct heap malloc_heap;

void mem_malloc_init(ulong start, ulong size)
{
	heap_init(&malloc_heap, (void *)start, size);
}

void *malloc(size_t size)
{
	return heap_alloc(&malloc_heap, size, 0);
}

void *memalign(size_t align, size_t size)
{
	return heap_alloc(&malloc_heap, size, align);
}

void *calloc(size_t nmemb, size_t size)
{
	size_t total;
	void *ptr;

	if (__builtin_mul_overflow(nmemb, size, &total))
		return NULL;
	ptr = heap_alloc(&malloc_heap, total, 0);
	if (ptr)
		memset(ptr, 0, total);

	return ptr;
}

void *realloc(void *ptr, size_t size)
{
	return heap_realloc(&malloc_heap, ptr, size);
}

/* A bad free is refused and counted by the heap; there is no one to tell. */
void free(void *ptr)
{
	heap_free(&malloc_heap, ptr);
}
