// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the zipl loader (boot/zipl.c, zipl_eltorito.c,
 * zipl_eckd.c)
 * over a disk in memory: the first byte picks the block size (bits 0-1:
 * 512, 1024, 2048, 4096; bit 2: the disk's last block is unreadable), the
 * rest is the disk, padded to whole blocks. The boot record (or, without
 * one, an El Torito boot catalog) is read, every entry planned, and each
 * plan that passes loaded into a 16 MiB guest memory whose first 8 KiB
 * (the lowcore) and last 64 KiB (the firmware) are reserved.
 *
 * What must hold besides "no crash, no hang": the loader writes only
 * through map_sysmem() inside the memory and outside the reserved ranges
 * (map_sysmem() here traps otherwise), a plan's components lie inside
 * free memory and do not overlap, its EXEC address is inside a loaded
 * component, and what a failed call says fits its message buffer.
 */

#include <common.h>
#include <blk.h>
#include <mapmem.h>
#include <zipl.h>
#include "fuzz_support.h"

#define MEM_SIZE	(16 * 1024 * 1024)
#define FW_SIZE		(64 * 1024)

static const u8 *disk;
static bool last_bad;
static u8 *guest;

int blk_read_checked(struct blk_desc *desc, lbaint_t start, lbaint_t blkcnt,
		     void *buffer)
{
	if (start > desc->lba || blkcnt > desc->lba - start)
		__builtin_trap();	/* zipl checks every number first */
	if (last_bad && start + blkcnt == desc->lba)
		return -EIO;
	memcpy(buffer, disk + start * desc->blksz, blkcnt * desc->blksz);
	return 0;
}

phys_size_t zipl_board_mem(struct zipl_mem_range *ranges, int *nranges)
{
	ranges[0] = (struct zipl_mem_range){ 0, ZIPL_LOWCORE_SIZE, "lowcore" };
	ranges[1] = (struct zipl_mem_range){ MEM_SIZE - FW_SIZE, FW_SIZE,
					     "firmware" };
	*nranges = 2;
	return MEM_SIZE;
}

/* The loader's only way into memory: free memory, or a trap */
void *map_sysmem(phys_addr_t paddr, unsigned long len)
{
	if (paddr < ZIPL_LOWCORE_SIZE || paddr > MEM_SIZE - FW_SIZE ||
	    len > MEM_SIZE - FW_SIZE - paddr)
		__builtin_trap();
	return guest + paddr;
}

phys_addr_t map_to_sysmem(const void *ptr)
{
	return (const u8 *)ptr - guest;
}

phys_size_t sysmem_size(void)
{
	return MEM_SIZE;
}

static void check_plan(const struct zipl_plan *plan)
{
	bool entry_ok = false;
	int i, j;

	for (i = 0; i < plan->ncomp; i++) {
		const struct zipl_component *c = &plan->comp[i];

		if (c->type != ZIPL_COMP_LOAD)
			continue;
		if (!c->size || c->addr < ZIPL_LOWCORE_SIZE ||
		    c->addr > MEM_SIZE - FW_SIZE ||
		    c->size > MEM_SIZE - FW_SIZE - c->addr)
			__builtin_trap();
		for (j = 0; j < i; j++) {
			const struct zipl_component *o = &plan->comp[j];

			if (o->type == ZIPL_COMP_LOAD &&
			    c->addr < o->addr + o->size &&
			    o->addr < c->addr + c->size)
				__builtin_trap();
		}
		if (plan->entry >= c->addr && plan->entry < c->addr + c->size)
			entry_ok = true;
	}
	if (!entry_ok)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static struct zipl_plan plan;
	struct zipl_ctx ctx;
	struct zipl_map map;
	struct blk_desc desc;
	u8 *img;
	int i;

	if (size < 1 || size > 81921)
		return 0;
	if (!guest) {
		guest = malloc(MEM_SIZE);
		if (!guest)
			return 0;
	}
	fuzz_reset(0);
	memset(&desc, 0, sizeof(desc));
	desc.blksz = 512 << (data[0] & 3);
	desc.uclass_id = UCLASS_VIRTIO;
	desc.type = DEV_TYPE_HARDDISK;
	desc.lba = DIV_ROUND_UP(size - 1, desc.blksz);
	last_bad = data[0] & 4;
	img = calloc(desc.lba ? desc.lba : 1, desc.blksz);
	if (!img)
		return 0;
	memcpy(img, data + 1, size - 1);
	disk = img;

	if (zipl_ctx_init(&ctx, &desc))
		__builtin_trap();
	if (zipl_read_map(&ctx, &map)) {
		if (fuzz_verbose())
			printf("%s\n", ctx.msg);
		if (strnlen(ctx.msg, sizeof(ctx.msg)) >= sizeof(ctx.msg) ||
		    !ctx.msg[0])
			__builtin_trap();
	} else {
		if (map.count < 1 || map.count > ZIPL_MAX_ENTRIES)
			__builtin_trap();
		for (i = -1; i <= map.count && i < ZIPL_MAX_ENTRIES; i++) {
			ctx.msg[0] = '\0';
			if (zipl_plan(&ctx, &map, i, &plan)) {
				if (!ctx.msg[0])
					__builtin_trap();
				if (fuzz_verbose())
					printf("entry %d: %s\n", i, ctx.msg);
				continue;
			}
			check_plan(&plan);
			if (zipl_load(&ctx, &plan) && !ctx.msg[0])
				__builtin_trap();
			if (fuzz_verbose())
				printf("entry %d: %d components, %llu bytes: %s\n",
				       i, plan.ncomp,
				       (unsigned long long)plan.total, ctx.msg);
		}
	}
	zipl_ctx_free(&ctx);
	free(img);
	return 0;
}
