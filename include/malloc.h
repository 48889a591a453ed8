/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The heap. On the QEMU boards lib/malloc.c serves these from a region of
 * CONFIG_SYS_MALLOC_LEN bytes; on the sandbox they are the host's (so
 * AddressSanitizer watches every allocation) and lib/heap.c is unit-tested.
 */
#ifndef __MALLOC_H
#define __MALLOC_H

#include <linux/types.h>

void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void *memalign(size_t align, size_t size);
void free(void *ptr);

/** mem_malloc_init() - give the heap its memory (QEMU boards) */
void mem_malloc_init(ulong start, ulong size);

#endif
