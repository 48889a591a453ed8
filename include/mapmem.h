/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Addresses typed at the prompt are "system" addresses. On the QEMU boards
 * they are physical addresses, mapped one to one. On the sandbox they are
 * offsets in the guest memory arena (-m SIZE), as in U-Boot's sandbox.
 */
#ifndef __MAPMEM_H
#define __MAPMEM_H

#include <linux/types.h>

#ifdef CONFIG_SANDBOX
void *map_sysmem(phys_addr_t paddr, unsigned long len);
phys_addr_t map_to_sysmem(const void *ptr);
/** sysmem_size() - bytes of guest memory addressable with map_sysmem() */
phys_size_t sysmem_size(void);
#else
static inline void *map_sysmem(phys_addr_t paddr, unsigned long len)
{
	return (void *)(uintptr_t)paddr;
}

static inline phys_addr_t map_to_sysmem(const void *ptr)
{
	return (phys_addr_t)(uintptr_t)ptr;
}

phys_size_t sysmem_size(void);
#endif

static inline void unmap_sysmem(const void *vaddr)
{
}

#endif
