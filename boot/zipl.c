// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * zipl boot map loader, SCSI scheme, over any block device.
 *
 * Every block number read from the disk is checked against the device
 * before it is used, every block list is bounded (a list block visited
 * twice, or more than ZIPL_MAX_LIST_BLOCKS of them, is a loop), and the
 * whole entry is planned and checked against the memory policy before
 * the first byte is loaded. The disk is trusted for nothing.
 */

#include <common.h>
#include <blk.h>
#include <mapmem.h>
#include <zipl.h>

/*
 * Largest chunk read at once while loading: progress and Ctrl-C between.
 * QEMU serves one large request faster than many small ones (the
 * pointers of a block list cover 1 MiB or less each: contiguous ones
 * are read together).
 */
#define ZIPL_CHUNK		(64 * 1024 * 1024)

int zipl_fail(struct zipl_ctx *ctx, int err, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(ctx->msg, sizeof(ctx->msg), fmt, args);
	va_end(args);
	return err;
}

int zipl_ctx_init(struct zipl_ctx *ctx, struct blk_desc *desc)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->desc = desc;
	if (desc->blksz < 512 || desc->blksz > 4096 ||
	    (desc->blksz & (desc->blksz - 1)))
		return zipl_fail(ctx, -EINVAL,
				 "block size %lu: zipl needs 512 to 4096",
				 desc->blksz);
	ctx->buf = malloc(desc->blksz);
	ctx->list = malloc(desc->blksz);
	ctx->visited = malloc(ZIPL_MAX_LIST_BLOCKS * sizeof(*ctx->visited));
	ctx->ahead = malloc(ZIPL_AHEAD_SIZE);
	if (!ctx->buf || !ctx->list || !ctx->visited || !ctx->ahead) {
		zipl_ctx_free(ctx);
		return zipl_fail(ctx, -ENOMEM, "out of memory");
	}
	ctx->mem_size = zipl_board_mem(ctx->reserved, &ctx->nreserved);
	return 0;
}

void zipl_ctx_free(struct zipl_ctx *ctx)
{
	free(ctx->buf);
	free(ctx->list);
	free(ctx->visited);
	free(ctx->ahead);
	ctx->buf = NULL;
	ctx->list = NULL;
	ctx->visited = NULL;
	ctx->ahead = NULL;
}

/*
 * Block @blk into @buf through a window of the blocks that follow it:
 * zipl writes a boot map's tables and block lists one after the other,
 * and each request costs a round trip to the device (~0.3 ms under QEMU's
 * TCG), so one read of ZIPL_AHEAD_SIZE serves the next ones. Near the
 * device's end, or if that read fails, the block alone.
 */
static int zipl_read_ahead(struct zipl_ctx *ctx, lbaint_t blk, void *buf)
{
	ulong bs = ctx->desc->blksz;
	lbaint_t n = min_t(lbaint_t, ZIPL_AHEAD_SIZE / bs,
			   ctx->desc->lba - blk);

	if (!ctx->ahead_cnt || blk < ctx->ahead_blk ||
	    blk - ctx->ahead_blk >= ctx->ahead_cnt) {
		ctx->ahead_cnt = 0;
		if (blk_read_checked(ctx->desc, blk, n, ctx->ahead))
			return blk_read_checked(ctx->desc, blk, 1, buf);
		ctx->ahead_blk = blk;
		ctx->ahead_cnt = n;
	}
	memcpy(buf, ctx->ahead + (blk - ctx->ahead_blk) * bs, bs);
	return 0;
}

int zipl_read_block(struct zipl_ctx *ctx, lbaint_t blk, void *buf,
		    const char *what)
{
	int ret;

	if (blk >= ctx->desc->lba)
		return zipl_fail(ctx, -ERANGE,
				 "%s at block %lu: beyond the device (%lu blocks)",
				 what, (ulong)blk,
				 (ulong)ctx->desc->lba);
	ret = zipl_read_ahead(ctx, blk, buf);
	if (ret)
		return zipl_fail(ctx, ret, "cannot read %s at block %lu (%d)",
				 what, (ulong)blk, ret);
	return 0;
}

int zipl_read_table(struct zipl_ctx *ctx, lbaint_t blk, void *buf,
		    const char *what)
{
	int ret = zipl_read_block(ctx, blk, buf, what);

	if (!ret && memcmp(buf, ZIPL_MAGIC, 4))
		return zipl_fail(ctx, -EBADMSG,
				 "no \"zIPL\" magic in the %s (block %lu)",
				 what, (ulong)blk);
	return ret;
}

int zipl_decode_ptr(struct zipl_ctx *ctx, const void *p, struct zipl_ptr *out)
{
	const struct zipl_blockptr *s = p;
	const struct zipl_eckd_blockptr *e = p;
	const struct zipl_eckd_ldptr *l = p;
	u32 cyl, head, sec;

	if (!ctx->eckd_secs) {
		out->blk = be64_to_cpu(s->blockno);
		out->count = be16_to_cpu(s->blockct) + 1ULL;
		out->size = be16_to_cpu(s->size);
		return out->blk ? 1 : 0;
	}
	if (ctx->eckd_ld) {
		cyl = be32_to_cpu(l->cylinder);
		head = l->head;
		sec = l->sector;
		out->count = be16_to_cpu(l->count) + 1ULL;
		out->size = ctx->desc->blksz;	/* not in the pointer */
	} else {
		/* Cylinders above 65535 keep their high bits in the head's */
		head = be16_to_cpu(e->head);
		cyl = be16_to_cpu(e->cylinder) + ((head & 0xfff0) << 12);
		head &= 0xf;
		sec = e->sector;
		out->count = e->count + 1ULL;
		out->size = be16_to_cpu(e->size);
	}
	if (!cyl && !head && !sec)
		return 0;		/* the null pointer: block -1 */
	if (head >= ZIPL_ECKD_HEADS || !sec || sec > ctx->eckd_secs)
		return zipl_fail(ctx, -EBADMSG,
				 "ECKD pointer %u/%u/%u is not on the guessed geometry (%u heads, %u sectors)",
				 cyl, head, sec, ZIPL_ECKD_HEADS,
				 ctx->eckd_secs);
	out->blk = ((u64)cyl * ZIPL_ECKD_HEADS + head) * ctx->eckd_secs +
		   sec - 1;
	return 1;
}

static int zipl_read_map_once(struct zipl_ctx *ctx, struct zipl_map *map)
{
	const struct zipl_mbr *mbr = (void *)ctx->buf;
	const struct zipl_blockptr *ptr = (void *)ctx->buf;
	unsigned long blksz = ctx->desc->blksz;
	int slots = blksz / sizeof(*ptr);
	struct zipl_ptr pt;
	int ret, i;

	memset(map, 0, sizeof(*map));
	map->blksz = blksz;
	ctx->eckd_secs = 0;
	ctx->eckd_ld = false;
	ret = zipl_read_block(ctx, 0, ctx->buf, "boot record");
	if (ret)
		return ret;
	if (memcmp(mbr->magic, ZIPL_MAGIC, 4)) {
		if (IS_ENABLED(CONFIG_ZIPL_ECKD)) {
			ret = zipl_eckd_map(ctx, map);
			if (!ret)
				goto table;
			if (ret != -ENOENT)
				return ret;
		}
		if (IS_ENABLED(CONFIG_ZIPL_ELTORITO) &&
		    blksz <= ISO_SECTOR_SIZE) {
			ret = zipl_eltorito_map(ctx, map);
			if (ret != -ENOENT)
				return ret;
		}
		return zipl_fail(ctx, -ENOENT,
				 "no zipl boot record (no \"zIPL\" magic in block 0)");
	}
	if (!memcmp(ctx->buf + ZIPL_BOOT_INFO, ZIPL_MAGIC, 4) &&
	    ctx->buf[ZIPL_BOOT_INFO + ZIPL_BOOT_INFO_BP_TYPE] == ZIPL_BP_TYPE_DUMP)
		return zipl_fail(ctx, -ENOEXEC, ZIPL_DUMP_MSG);
	if (be32_to_cpu(mbr->version_id) != ZIPL_MBR_VERSION)
		return zipl_fail(ctx, -EBADMSG,
				 "boot record version %u (only 1 is known)",
				 be32_to_cpu(mbr->version_id));
	map->table = be64_to_cpu(mbr->blockptr.blockno);
	if (!map->table)
		return zipl_fail(ctx, -EBADMSG,
				 "boot record has no program table");
table:
	ret = zipl_read_table(ctx, map->table, ctx->buf, "program table");
	if (ret)
		return ret;

	/* Slot 0 is the header; slot n + 1 is entry n */
	for (i = 1; i < slots; i++) {
		lbaint_t blk;

		ret = zipl_decode_ptr(ctx, &ptr[i], &pt);
		if (ret < 0)
			return ret;
		if (!ret)
			continue;
		blk = pt.blk;
		if (i > ZIPL_MAX_ENTRIES)
			return zipl_fail(ctx, -E2BIG,
					 "program table has more than %d entries",
					 ZIPL_MAX_ENTRIES);
		if (blk >= ctx->desc->lba)
			return zipl_fail(ctx, -ERANGE,
					 "entry %d: component table at block %lu is beyond the device",
					 i - 1, (ulong)blk);
		map->entries[i - 1] = blk;
		map->count = i;
	}
	if (!map->count)
		return zipl_fail(ctx, -ENOENT, "program table is empty");
	return 0;
}

int zipl_read_map(struct zipl_ctx *ctx, struct zipl_map *map)
{
	int ret = zipl_read_map_once(ctx, map);

	/* As s390-ccw: a list-directed record that fails, then CCW-type */
	if (ret && map->scheme == ZIPL_SCHEME_ECKD_LD && !ctx->no_ld) {
		ctx->no_ld = true;
		ret = zipl_read_map_once(ctx, map);
		map->ld_skipped = !ret;
	}
	return ret;
}

int zipl_check_range(struct zipl_ctx *ctx, int comp, u64 addr, u64 size)
{
	u64 end = addr + size;
	int i;

	if (end < addr || end > ctx->mem_size)
		return zipl_fail(ctx, -ERANGE,
				 "component %d (0x%lx-0x%lx) lies beyond memory (0x%lx bytes)",
				 comp, addr, end - 1,
				 (ulong)ctx->mem_size);
	for (i = 0; i < ctx->nreserved; i++) {
		const struct zipl_mem_range *r = &ctx->reserved[i];

		if (addr < r->start + r->size && r->start < end)
			return zipl_fail(ctx, -EFAULT,
					 "component %d (0x%lx-0x%lx) overlaps the %s (0x%lx-0x%lx)",
					 comp, addr, end - 1, r->name,
					 (ulong)r->start,
					 (ulong)(r->start + r->size - 1));
	}
	return 0;
}

/* Read @count blocks from @start to memory at @addr, in chunks */
static int zipl_read_extent(struct zipl_ctx *ctx, lbaint_t start, u64 count,
			    u64 addr, u64 *done, u64 total)
{
	unsigned long blksz = ctx->desc->blksz;
	u64 step = ZIPL_CHUNK / blksz;
	int ret;

	while (count) {
		u64 n = min(count, step);
		void *dst = map_sysmem(addr, n * blksz);

		if (!dst)
			return zipl_fail(ctx, -EFAULT,
					 "cannot map 0x%lx (0x%lx bytes)",
					 addr, n * blksz);
		ret = blk_read_checked(ctx->desc, start, n, dst);
		unmap_sysmem(dst);
		if (ret)
			return zipl_fail(ctx, ret,
					 "cannot read blocks %lu-%lu (%d)",
					 (ulong)start,
					 (ulong)(start + n - 1), ret);
		start += n;
		count -= n;
		addr += n * blksz;
		*done += n * blksz;
		if (ctx->progress)
			ctx->progress(ctx, *done, total);
		if (ctrlc())
			return zipl_fail(ctx, -EINTR, "interrupted");
	}
	return 0;
}

/*
 * Walk the block list of a LOAD component. With @load false only count;
 * with @load true read each extent into memory, which must lie inside
 * the range the first walk found (the disk may have changed).
 */
static int zipl_walk_list(struct zipl_ctx *ctx, int ci,
			  struct zipl_component *comp, bool load,
			  u64 *done, u64 total)
{
	const struct zipl_blockptr *ptr = (void *)ctx->list;
	unsigned long blksz = ctx->desc->blksz;
	int slots = blksz / sizeof(*ptr);
	lbaint_t blk = comp->list, run = 0;
	u64 addr = comp->addr, run_count = 0, run_addr = 0;
	u32 nlist = 0, extents = 0, runs = 0;
	int i, j, ret;

	for (;;) {
		for (j = 0; j < nlist; j++) {
			if (ctx->visited[j] == blk)
				return zipl_fail(ctx, -ELOOP,
						 "component %d: block list loops back to block %lu",
						 ci, (ulong)blk);
		}
		if (nlist == ZIPL_MAX_LIST_BLOCKS)
			return zipl_fail(ctx, -ELOOP,
					 "component %d: block list longer than %d blocks",
					 ci, ZIPL_MAX_LIST_BLOCKS);
		ctx->visited[nlist++] = blk;
		ret = zipl_read_block(ctx, blk, ctx->list, "block list");
		if (ret)
			return ret;

		for (i = 0; i < slots; i++) {
			struct zipl_ptr pt;
			lbaint_t start;
			u64 count, len;

			ret = zipl_decode_ptr(ctx, &ptr[i], &pt);
			if (ret < 0)
				return ret;
			if (!ret)
				goto end;
			start = pt.blk;
			count = pt.count;
			len = count * blksz;
			/* The last slot of a list block continues the list */
			if (i == slots - 1) {
				if (count != 1)
					return zipl_fail(ctx, -EBADMSG,
							 "component %d: continuation pointer in block %lu spans %lu blocks",
							 ci, (ulong)blk,
							 count);
				blk = start;
				break;
			}
			if (pt.size != blksz)
				return zipl_fail(ctx, -EBADMSG,
						 "component %d: block pointer with block size %u on a %lu-byte device",
						 ci, pt.size, blksz);
			if (start >= ctx->desc->lba ||
			    count > ctx->desc->lba - start)
				return zipl_fail(ctx, -ERANGE,
						 "component %d: blocks %lu-%lu are beyond the device (%lu blocks)",
						 ci, (ulong)start,
						 (ulong)(start + count - 1),
						 (ulong)ctx->desc->lba);
			if (!load) {
				/* Bounds the walk: addr only grows */
				ret = zipl_check_range(ctx, ci, comp->addr,
						       addr + len - comp->addr);
				if (ret)
					return ret;
			} else if (addr + len - comp->addr > comp->size) {
				return zipl_fail(ctx, -EBADMSG,
						 "component %d: the disk changed while loading",
						 ci);
			}
			/* Extents that follow on the disk: one run, one read */
			if (run_count && start == run + run_count) {
				run_count += count;
			} else {
				if (load) {
					ret = zipl_read_extent(ctx, run,
							       run_count,
							       run_addr, done,
							       total);
					if (ret)
						return ret;
				}
				if (!runs++)
					comp->run = start;
				run = start;
				run_count = count;
				run_addr = addr;
			}
			addr += len;
			extents++;
		}
	}
end:
	if (!load) {
		comp->size = addr - comp->addr;
		comp->extents = extents;
		comp->list_blocks = nlist;
		comp->runs = runs;
		return 0;
	}
	ret = zipl_read_extent(ctx, run, run_count, run_addr, done, total);
	if (ret)
		return ret;
	if (addr - comp->addr != comp->size)
		return zipl_fail(ctx, -EBADMSG,
				 "component %d: the disk changed while loading",
				 ci);
	return 0;
}

int zipl_plan(struct zipl_ctx *ctx, const struct zipl_map *map, int index,
	      struct zipl_plan *plan)
{
	const struct zipl_component_header *hdr = (void *)ctx->buf;
	const struct zipl_component_entry *ent = (void *)ctx->buf;
	int slots = ctx->desc->blksz / sizeof(*ent);
	struct zipl_ptr pt;
	bool exec = false, sig = false;
	int i, j, ret;

	if (IS_ENABLED(CONFIG_ZIPL_ELTORITO) &&
	    map->scheme == ZIPL_SCHEME_ELTORITO)
		return zipl_eltorito_plan(ctx, map, index, plan);
	memset(plan, 0, sizeof(*plan));
	plan->index = index;
	if (index < 0 || index >= ZIPL_MAX_ENTRIES)
		return zipl_fail(ctx, -EINVAL,
				 "entry %d: entries are 0 to %d", index,
				 ZIPL_MAX_ENTRIES - 1);
	if (index >= map->count || !map->entries[index])
		return zipl_fail(ctx, -ENOENT,
				 "entry %d: empty slot in the program table",
				 index);
	plan->table = map->entries[index];
	ret = zipl_read_table(ctx, plan->table, ctx->buf, "component table");
	if (ret)
		return ret;
	if (hdr->type == ZIPL_COMP_HEADER_DUMP)
		return zipl_fail(ctx, -ENOEXEC, "entry %d: " ZIPL_DUMP_MSG,
				 index);
	if (hdr->type != ZIPL_COMP_HEADER_IPL)
		return zipl_fail(ctx, -EBADMSG,
				 "entry %d: component table of type %u is not for IPL",
				 index, hdr->type);

	for (i = 1; i < slots && !exec; i++) {
		struct zipl_component *comp;
		u8 type = ent[i].component_type;

		/* A signature signs the LOAD that follows it */
		if (sig && type != ZIPL_COMP_LOAD)
			return zipl_fail(ctx, -EBADMSG,
					 "entry %d: component %d: a signature with no LOAD after it",
					 index, plan->ncomp - 1);
		sig = type == ZIPL_COMP_SIGNATURE;
		switch (type) {
		case ZIPL_COMP_EXEC:
			plan->psw = be64_to_cpu(ent[i].load_address);
			plan->entry = plan->psw & ZIPL_PSW_ADDR_MASK;
			exec = true;
			continue;
		case ZIPL_COMP_LOAD:
		case ZIPL_COMP_SIGNATURE:
			break;
		case 0:
			return zipl_fail(ctx, -ENOEXEC,
					 "entry %d: component table ends without EXEC",
					 index);
		default:
			return zipl_fail(ctx, -EBADMSG,
					 "entry %d: component %d has unknown type %u",
					 index, plan->ncomp, type);
		}
		comp = &plan->comp[plan->ncomp];
		comp->type = type;
		ret = zipl_decode_ptr(ctx, &ent[i].data, &pt);
		if (ret < 0)
			return ret;
		comp->list = ret ? pt.blk : 0;
		comp->addr = be64_to_cpu(ent[i].load_address);
		plan->ncomp++;
		if (comp->type == ZIPL_COMP_SIGNATURE) {
			plan->nsig++;
			continue;
		}
		plan->nload++;
		if (!comp->list)
			return zipl_fail(ctx, -EBADMSG,
					 "entry %d: component %d has no block list",
					 index, plan->ncomp - 1);
	}
	if (!exec)
		return zipl_fail(ctx, -ENOEXEC,
				 "entry %d: component table ends without EXEC",
				 index);

	/* The table is in ctx->buf; the lists are walked through ctx->list */
	for (i = 0; i < plan->ncomp; i++) {
		struct zipl_component *comp = &plan->comp[i];

		if (comp->type != ZIPL_COMP_LOAD)
			continue;
		ret = zipl_walk_list(ctx, i, comp, false, NULL, 0);
		if (ret)
			return ret;
		if (!comp->size)
			return zipl_fail(ctx, -EBADMSG,
					 "entry %d: component %d is empty",
					 index, i);
		plan->total += comp->size;
		for (j = 0; j < i; j++) {
			const struct zipl_component *o = &plan->comp[j];

			if (o->type == ZIPL_COMP_LOAD &&
			    comp->addr < o->addr + o->size &&
			    o->addr < comp->addr + comp->size)
				return zipl_fail(ctx, -EFAULT,
						 "entry %d: components %d and %d overlap",
						 index, j, i);
		}
	}
	for (i = 0; i < plan->ncomp; i++) {
		const struct zipl_component *comp = &plan->comp[i];

		if (comp->type == ZIPL_COMP_LOAD && plan->entry >= comp->addr &&
		    plan->entry < comp->addr + comp->size)
			return 0;
	}
	return zipl_fail(ctx, -ENOEXEC,
			 "entry %d: EXEC address 0x%lx is in no loaded component",
			 index, plan->entry);
}

int zipl_load(struct zipl_ctx *ctx, const struct zipl_plan *plan)
{
	struct zipl_component comp;
	u64 done = 0;
	int i, ret;

	/* Block lists read again come from the disk, not from the plan's */
	ctx->ahead_cnt = 0;
	for (i = 0; i < plan->ncomp; i++) {
		if (plan->comp[i].type != ZIPL_COMP_LOAD)
			continue;
		comp = plan->comp[i];
		/* One run: its list was read when the entry was planned */
		if (comp.direct || comp.runs == 1)
			ret = zipl_read_extent(ctx, comp.direct ? comp.list :
					       comp.run,
					       comp.size / ctx->desc->blksz,
					       comp.addr, &done, plan->total);
		else
			ret = zipl_walk_list(ctx, i, &comp, true, &done,
					     plan->total);
		if (ret)
			return ret;
	}
	return 0;
}
