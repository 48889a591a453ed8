// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the zipl loader over an in-memory disk: a good boot map
 * is planned and loaded byte for byte; every malformed map and every
 * component outside the memory policy is refused with its own error,
 * before anything is written to memory.
 *
 * The test disk (zt_build()): block 0 boot record, 1 program table,
 * 2 component table of entry 0, 3 its block list, data from block 16.
 */

#include <common.h>
#include <blk.h>
#include <mapmem.h>
#include <zipl.h>
#include <test/ut.h>
#include <u-boot/crc.h>
#include "../part/memdisk.h"

#define ZT_BLOCKS	256
#define ZT_DATA		16
#define ZT_ADDR		0x100000	/* load address of component 0 */

struct zt {
	u8 *img;
	unsigned long blksz;
	lbaint_t lba;
	struct blk_desc *desc;
	struct zipl_ctx ctx;
	struct zipl_map map;
	struct zipl_plan plan;
};

static struct zipl_blockptr *zt_ptr(struct zt *t, lbaint_t blk, int slot)
{
	return (struct zipl_blockptr *)(t->img + blk * t->blksz) + slot;
}

static void zt_set_ptr(struct zipl_blockptr *p, u64 blk, u32 count,
		       unsigned long size)
{
	p->blockno = cpu_to_be64(blk);
	p->size = cpu_to_be16(size);
	p->blockct = cpu_to_be16(count - 1);
}

static struct zipl_component_entry *zt_comp(struct zt *t, lbaint_t blk,
					    int i)
{
	return (struct zipl_component_entry *)(t->img + blk * t->blksz) +
		i + 1;
}

static void zt_set_comp(struct zt *t, lbaint_t table, int i, u8 type,
			u64 list, u64 addr)
{
	struct zipl_component_entry *e = zt_comp(t, table, i);

	zt_set_ptr(&e->data, list, 1, t->blksz);
	e->component_type = type;
	e->load_address = cpu_to_be64(addr);
}

/*
 * A good map: entry 0 loads @nblk data blocks (one pointer each, so
 * that long lists continue) at ZT_ADDR and starts there.
 */
static int zt_build(struct zt *t, unsigned long blksz, int nblk)
{
	int slots = blksz / 16, i, slot;
	lbaint_t list = 3;
	struct zipl_mbr *mbr;

	memset(t, 0, sizeof(*t));
	t->blksz = blksz;
	t->lba = ZT_BLOCKS;
	t->img = calloc(ZT_BLOCKS, blksz);
	if (!t->img)
		return -ENOMEM;
	mbr = (void *)t->img;
	memcpy(mbr->magic, ZIPL_MAGIC, 4);
	mbr->version_id = cpu_to_be32(1);
	zt_set_ptr(&mbr->blockptr, 1, 1, blksz);
	memcpy(t->img + blksz, ZIPL_MAGIC, 4);
	zt_set_ptr(zt_ptr(t, 1, 1), 2, 1, blksz);
	memcpy(t->img + 2 * blksz, ZIPL_MAGIC, 4);
	zt_set_comp(t, 2, 0, ZIPL_COMP_LOAD, list, ZT_ADDR);
	zt_set_comp(t, 2, 1, ZIPL_COMP_EXEC, 0, 0x0008000080000000ULL | ZT_ADDR);

	for (i = 0, slot = 0; i < nblk; i++, slot++) {
		if (slot == slots - 1) {	/* continue in blocks 4, 5, ... */
			zt_set_ptr(zt_ptr(t, list, slot), list + 1, 1, blksz);
			list++;
			slot = 0;
		}
		zt_set_ptr(zt_ptr(t, list, slot), ZT_DATA + i, 1, blksz);
	}
	for (i = 0; i < nblk * (int)blksz; i++)
		t->img[ZT_DATA * blksz + i] = (u8)(i * 7 + i / 251);
	return memdisk_create(t->img, blksz, ZT_BLOCKS, true, &t->desc);
}

static void zt_free(struct zt *t)
{
	zipl_ctx_free(&t->ctx);
	if (t->desc)
		memdisk_destroy(t->desc);
	free(t->img);
}

/* Init, read the map, plan entry @index: the first error or 0 */
static int zt_plan(struct zt *t, int index)
{
	int ret;

	zipl_ctx_free(&t->ctx);
	ret = zipl_ctx_init(&t->ctx, t->desc);
	if (!ret)
		ret = zipl_read_map(&t->ctx, &t->map);
	if (!ret)
		ret = zipl_plan(&t->ctx, &t->map, index, &t->plan);
	return ret;
}

static int zipl_test_good(struct unit_test_state *uts)
{
	struct zt t;
	u8 *mem;

	ut_assertok(zt_build(&t, 512, 5));
	ut_assertok(zt_plan(&t, 0));
	ut_asserteq(1, t.map.count);
	ut_asserteq(1, t.map.table);
	ut_asserteq(1, t.plan.ncomp);
	ut_asserteq(1, t.plan.nload);
	ut_asserteq(ZT_ADDR, t.plan.entry);
	ut_asserteq(5 * 512, t.plan.total);
	ut_asserteq(5, t.plan.comp[0].extents);

	mem = map_sysmem(ZT_ADDR, 6 * 512);
	ut_assertnonnull(mem);
	memset(mem, 0xee, 6 * 512);
	ut_assertok(zipl_load(&t.ctx, &t.plan));
	ut_asserteq_mem(t.img + ZT_DATA * 512, mem, 5 * 512);
	ut_asserteq(0xee, mem[5 * 512]);	/* not one byte more */
	zt_free(&t);
	return 0;
}
UNIT_TEST(zipl_test_good, 0, zipl);

/* A list longer than one block continues in the next, on both sizes */
static int zipl_test_continuation(struct unit_test_state *uts)
{
	static const unsigned long sizes[] = { 512, 4096 };
	int i, n;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct zt t;

		n = sizes[i] == 512 ? 70 : 200;	/* 3 list blocks / 1 */
		ut_assertok(zt_build(&t, sizes[i], n));
		ut_assertok(zt_plan(&t, 0));
		ut_asserteq(n, t.plan.comp[0].extents);
		ut_asserteq(sizes[i] == 512 ? 3 : 1,
			    t.plan.comp[0].list_blocks);
		ut_assertok(zipl_load(&t.ctx, &t.plan));
		ut_asserteq(crc32(0, t.img + ZT_DATA * sizes[i], n * sizes[i]),
			    crc32(0, map_sysmem(ZT_ADDR, n * sizes[i]),
				  n * sizes[i]));
		zt_free(&t);
	}
	return 0;
}
UNIT_TEST(zipl_test_continuation, 0, zipl);

static int zipl_test_bad_records(struct unit_test_state *uts)
{
	struct zt t;

	/* No magic: not a zipl disk */
	ut_assertok(zt_build(&t, 512, 1));
	t.img[0] = 'x';
	ut_asserteq(-ENOENT, zt_plan(&t, 0));
	zt_free(&t);

	/* Unknown version */
	ut_assertok(zt_build(&t, 512, 1));
	((struct zipl_mbr *)t.img)->version_id = cpu_to_be32(2);
	ut_asserteq(-EBADMSG, zt_plan(&t, 0));
	zt_free(&t);

	/* No program table; program table beyond the device; no magic */
	ut_assertok(zt_build(&t, 512, 1));
	((struct zipl_mbr *)t.img)->blockptr.blockno = 0;
	ut_asserteq(-EBADMSG, zt_plan(&t, 0));
	((struct zipl_mbr *)t.img)->blockptr.blockno = cpu_to_be64(ZT_BLOCKS);
	ut_asserteq(-ERANGE, zt_plan(&t, 0));
	((struct zipl_mbr *)t.img)->blockptr.blockno = cpu_to_be64(~0ULL);
	ut_asserteq(-ERANGE, zt_plan(&t, 0));
	((struct zipl_mbr *)t.img)->blockptr.blockno = cpu_to_be64(1);
	t.img[512] = 0;
	ut_asserteq(-EBADMSG, zt_plan(&t, 0));
	t.img[512] = 'z';
	ut_assertok(zt_plan(&t, 0));

	/* Component table beyond the device, without magic, not IPL */
	zt_ptr(&t, 1, 1)->blockno = cpu_to_be64(ZT_BLOCKS + 5);
	ut_asserteq(-ERANGE, zt_plan(&t, 0));
	zt_ptr(&t, 1, 1)->blockno = cpu_to_be64(2);
	t.img[2 * 512] = 0;
	ut_asserteq(-EBADMSG, zt_plan(&t, 0));
	t.img[2 * 512] = 'z';
	t.img[2 * 512 + 4] = ZIPL_COMP_HEADER_DUMP;
	ut_asserteq(-ENOEXEC, zt_plan(&t, 0));
	ut_assert(strstr(t.ctx.msg, "a dump record, not a boot record"));
	t.img[2 * 512 + 4] = 7;
	ut_asserteq(-EBADMSG, zt_plan(&t, 0));
	t.img[2 * 512 + 4] = ZIPL_COMP_HEADER_IPL;
	ut_assertok(zt_plan(&t, 0));
	zt_free(&t);
	return 0;
}
UNIT_TEST(zipl_test_bad_records, 0, zipl);

static int zipl_test_entries(struct unit_test_state *uts)
{
	struct zt t;

	ut_assertok(zt_build(&t, 512, 1));
	/* entry 2 uses the same component table; entry 1 stays empty */
	zt_set_ptr(zt_ptr(&t, 1, 3), 2, 1, 512);
	ut_assertok(zt_plan(&t, 2));
	ut_asserteq(3, t.map.count);
	ut_asserteq(0, t.map.entries[1]);
	ut_asserteq(-ENOENT, zt_plan(&t, 1));	/* empty slot */
	ut_asserteq(-ENOENT, zt_plan(&t, 3));	/* beyond the last */
	ut_asserteq(-EINVAL, zt_plan(&t, ZIPL_MAX_ENTRIES));
	ut_asserteq(-EINVAL, zt_plan(&t, -1));
	/* Entry 30 is the last a 512-byte table holds */
	zt_set_ptr(zt_ptr(&t, 1, 31), 2, 1, 512);
	ut_assertok(zt_plan(&t, 30));
	zt_free(&t);

	/* A 4096-byte table has room for more: the 32nd entry is refused */
	ut_assertok(zt_build(&t, 4096, 1));
	zt_set_ptr(zt_ptr(&t, 1, 31), 2, 1, 4096);
	ut_assertok(zt_plan(&t, 30));
	zt_set_ptr(zt_ptr(&t, 1, 32), 2, 1, 4096);
	ut_asserteq(-E2BIG, zt_plan(&t, 0));
	zt_free(&t);

	/* An empty program table */
	ut_assertok(zt_build(&t, 512, 1));
	zt_ptr(&t, 1, 1)->blockno = 0;
	ut_asserteq(-ENOENT, zt_plan(&t, 0));
	zt_free(&t);
	return 0;
}
UNIT_TEST(zipl_test_entries, 0, zipl);

static int zipl_test_components(struct unit_test_state *uts)
{
	struct zt t;

	/* EXEC missing: the table ends (type 0) */
	ut_assertok(zt_build(&t, 512, 1));
	zt_comp(&t, 2, 1)->component_type = 0;
	ut_asserteq(-ENOEXEC, zt_plan(&t, 0));
	/* ... or every slot is LOAD */
	{
		int i;

		for (i = 1; i < 15; i++)
			zt_set_comp(&t, 2, i, ZIPL_COMP_LOAD, 3,
				    ZT_ADDR + i * 0x10000);
	}
	ut_asserteq(-ENOEXEC, zt_plan(&t, 0));
	zt_free(&t);

	/* Unknown type */
	ut_assertok(zt_build(&t, 512, 1));
	zt_comp(&t, 2, 0)->component_type = 9;
	ut_asserteq(-EBADMSG, zt_plan(&t, 0));
	zt_free(&t);

	/* SIGNATURE before LOAD: skipped and counted */
	ut_assertok(zt_build(&t, 512, 1));
	memmove(zt_comp(&t, 2, 1), zt_comp(&t, 2, 0), 2 * 32);
	zt_set_comp(&t, 2, 0, ZIPL_COMP_SIGNATURE, 200, 0);
	ut_assertok(zt_plan(&t, 0));
	ut_asserteq(2, t.plan.ncomp);
	ut_asserteq(1, t.plan.nsig);
	ut_asserteq(1, t.plan.nload);
	ut_asserteq(ZIPL_COMP_SIGNATURE, t.plan.comp[0].type);
	ut_asserteq(512, t.plan.comp[1].size);
	zt_free(&t);

	/* LOAD without a block list; an empty list */
	ut_assertok(zt_build(&t, 512, 1));
	zt_comp(&t, 2, 0)->data.blockno = 0;
	ut_asserteq(-EBADMSG, zt_plan(&t, 0));
	zt_comp(&t, 2, 0)->data.blockno = cpu_to_be64(3);
	zt_ptr(&t, 3, 0)->blockno = 0;
	ut_asserteq(-EBADMSG, zt_plan(&t, 0));
	zt_free(&t);

	/* EXEC address outside what is loaded */
	ut_assertok(zt_build(&t, 512, 1));
	zt_comp(&t, 2, 1)->load_address =
		cpu_to_be64(0x0008000080000000ULL | (ZT_ADDR + 512));
	ut_asserteq(-ENOEXEC, zt_plan(&t, 0));
	zt_free(&t);

	/* Two components over each other */
	ut_assertok(zt_build(&t, 512, 2));
	memmove(zt_comp(&t, 2, 2), zt_comp(&t, 2, 1), 32);
	zt_set_comp(&t, 2, 1, ZIPL_COMP_LOAD, 3, ZT_ADDR + 512);
	ut_asserteq(-EFAULT, zt_plan(&t, 0));
	zt_free(&t);
	return 0;
}
UNIT_TEST(zipl_test_components, 0, zipl);

static int zipl_test_block_lists(struct unit_test_state *uts)
{
	struct zipl_blockptr *p;
	struct zt t;

	/* Data beyond the device: the start, or the count running off */
	ut_assertok(zt_build(&t, 512, 2));
	p = zt_ptr(&t, 3, 1);
	p->blockno = cpu_to_be64(ZT_BLOCKS);
	ut_asserteq(-ERANGE, zt_plan(&t, 0));
	p->blockno = cpu_to_be64(ZT_BLOCKS - 2);
	p->blockct = cpu_to_be16(2);
	ut_asserteq(-ERANGE, zt_plan(&t, 0));
	p->blockct = cpu_to_be16(1);
	ut_assertok(zt_plan(&t, 0));
	ut_asserteq(3 * 512, t.plan.total);

	/* A block size that is not the device's */
	p->size = cpu_to_be16(4096);
	ut_asserteq(-EBADMSG, zt_plan(&t, 0));
	zt_free(&t);

	/* The list continues into itself, or into the one before */
	ut_assertok(zt_build(&t, 512, 31));	/* block 3 full: 31 + end */
	zt_set_ptr(zt_ptr(&t, 3, 31), 3, 1, 512);
	ut_asserteq(-ELOOP, zt_plan(&t, 0));
	{
		int i;

		for (i = 0; i < 31; i++)
			zt_set_ptr(zt_ptr(&t, 4, i), ZT_DATA + i, 1, 512);
	}
	zt_set_ptr(zt_ptr(&t, 3, 31), 4, 1, 512);
	zt_set_ptr(zt_ptr(&t, 4, 31), 3, 1, 512);
	ut_asserteq(-ELOOP, zt_plan(&t, 0));
	/* A continuation spanning several blocks is malformed */
	zt_set_ptr(zt_ptr(&t, 3, 31), 4, 2, 512);
	ut_asserteq(-EBADMSG, zt_plan(&t, 0));
	/* Continuation beyond the device */
	zt_set_ptr(zt_ptr(&t, 3, 31), ZT_BLOCKS + 1, 1, 512);
	ut_asserteq(-ERANGE, zt_plan(&t, 0));
	zt_free(&t);

	return 0;
}
UNIT_TEST(zipl_test_block_lists, 0, zipl);

static int zipl_test_memory(struct unit_test_state *uts)
{
	phys_size_t size = sysmem_size();
	struct zt t;

	ut_assertok(zt_build(&t, 512, 4));

	/* Into the lowcore */
	zt_comp(&t, 2, 0)->load_address = cpu_to_be64(0x1000);
	zt_comp(&t, 2, 1)->load_address = cpu_to_be64(0x0008000080001000ULL);
	ut_asserteq(-EFAULT, zt_plan(&t, 0));
	ut_assert(strstr(t.ctx.msg, "lowcore") != NULL);
	/* Ending one byte before it is fine */
	zt_comp(&t, 2, 0)->load_address = cpu_to_be64(ZIPL_LOWCORE_SIZE);
	zt_comp(&t, 2, 1)->load_address =
		cpu_to_be64(0x0008000080000000ULL | ZIPL_LOWCORE_SIZE);
	ut_assertok(zt_plan(&t, 0));

	/* Into the firmware (the sandbox's test region at the top) */
	zt_comp(&t, 2, 0)->load_address = cpu_to_be64(size - 1024 * 1024 - 1024);
	ut_asserteq(-EFAULT, zt_plan(&t, 0));
	ut_assert(strstr(t.ctx.msg, "firmware") != NULL);

	/* Beyond memory, and wrapping around */
	zt_comp(&t, 2, 0)->load_address = cpu_to_be64(size + 0x10000);
	ut_asserteq(-ERANGE, zt_plan(&t, 0));
	zt_comp(&t, 2, 0)->load_address = cpu_to_be64(~0ULL - 1024);
	ut_asserteq(-ERANGE, zt_plan(&t, 0));
	zt_free(&t);
	return 0;
}
UNIT_TEST(zipl_test_memory, 0, zipl);

/*
 * The disk changes between plan and load: nothing outside the plan. A
 * component in several runs of blocks has its list read again while
 * loading, and the change is an error; one in a single run is read as
 * planned, without its list.
 */
static int zipl_test_changed(struct unit_test_state *uts)
{
	struct zt t;
	u8 *mem;

	/* Two runs: blocks ZT_DATA and ZT_DATA + 5 */
	ut_assertok(zt_build(&t, 512, 2));
	zt_set_ptr(zt_ptr(&t, 3, 1), ZT_DATA + 5, 1, 512);
	ut_assertok(zt_plan(&t, 0));
	ut_asserteq(2, t.plan.comp[0].runs);
	zt_set_ptr(zt_ptr(&t, 3, 1), ZT_DATA + 5, 2, 512);	/* grows */
	mem = map_sysmem(ZT_ADDR + 512, 1024);
	memset(mem, 0x5a, 1024);
	ut_asserteq(-EBADMSG, zipl_load(&t.ctx, &t.plan));
	ut_asserteq(0x5a, mem[0]);	/* the grown extent was not read */
	zt_free(&t);

	/* Or shrinks */
	ut_assertok(zt_build(&t, 512, 2));
	zt_set_ptr(zt_ptr(&t, 3, 1), ZT_DATA + 5, 1, 512);
	ut_assertok(zt_plan(&t, 0));
	zt_ptr(&t, 3, 1)->blockno = 0;
	ut_asserteq(-EBADMSG, zipl_load(&t.ctx, &t.plan));
	zt_free(&t);

	/* One run: the planned blocks, and no more, without the list */
	ut_assertok(zt_build(&t, 512, 2));
	ut_assertok(zt_plan(&t, 0));
	ut_asserteq(1, t.plan.comp[0].runs);
	zt_set_ptr(zt_ptr(&t, 3, 1), ZT_DATA + 1, 2, 512);	/* grows */
	mem = map_sysmem(ZT_ADDR, 1536);
	memset(mem, 0x5a, 1536);
	memset(&memdisk_stats, 0, sizeof(memdisk_stats));
	ut_assertok(zipl_load(&t.ctx, &t.plan));
	ut_asserteq(1, memdisk_stats.reads);
	ut_asserteq(t.img[ZT_DATA * 512 + 1023], mem[1023]);
	ut_asserteq(0x5a, mem[1024]);
	zt_free(&t);
	return 0;
}
UNIT_TEST(zipl_test_changed, 0, zipl);

/* A block size the loader cannot use */
static int zipl_test_blksz(struct unit_test_state *uts)
{
	struct blk_desc *desc;
	struct zipl_ctx ctx;
	u8 *img = calloc(16, 8192);

	ut_assertnonnull(img);
	ut_assertok(memdisk_create(img, 8192, 16, true, &desc));
	ut_asserteq(-EINVAL, zipl_ctx_init(&ctx, desc));
	zipl_ctx_free(&ctx);
	memdisk_destroy(desc);
	free(img);
	return 0;
}
UNIT_TEST(zipl_test_blksz, 0, zipl);

/*
 * An ECKD CDL disk of 4096-byte blocks with both maps zipl 2.25 and later
 * write. Every block used is on track 0 (12 records), so block b is
 * cylinder 0, head 0, record b + 1:
 *   0 IPL1, 1 IPL2 (CCW-type record -> 3), 2 VOL1 (boot record -> 8),
 *   3-5 CCW-type program table, component table, block list -> 10,
 *   8 list-directed boot record -> 9, 9, 6, 7 its tables and list -> 11,
 *   10, 11 the data: the CCW-type map loads at ZT_ADDR, the list-directed
 *   one at ZT_ADDR + 0x10000, so a test sees which map was used.
 */
#define ZE_BS		4096
#define ZE_BLOCKS	24
#define ZE_VOL1_BR	(2 * ZE_BS + 78)

static void ze_ccw(u8 *p, int blk)
{
	p[4] = blk + 1;			/* record; cylinder and head 0 */
	p[5] = ZE_BS >> 8;		/* size, big-endian */
	p[6] = ZE_BS & 0xff;
}

static void ze_ld(u8 *p, int blk)
{
	p[5] = blk + 1;			/* record; count 1 (0) */
}

static void ze_table(u8 *img, int table, int comp, int list, int data,
		     u64 addr, void (*ptr)(u8 *p, int blk))
{
	struct zipl_component_entry *e;

	memcpy(img + table * ZE_BS, ZIPL_MAGIC, 4);
	ptr(img + table * ZE_BS + 16, comp);
	memcpy(img + comp * ZE_BS, ZIPL_MAGIC, 4);
	e = (void *)(img + comp * ZE_BS + 32);
	ptr((u8 *)&e[0].data, list);
	e[0].component_type = ZIPL_COMP_LOAD;
	e[0].load_address = cpu_to_be64(addr);
	e[1].component_type = ZIPL_COMP_EXEC;
	e[1].load_address = cpu_to_be64(0x0008000080000000ULL | addr);
	ptr(img + list * ZE_BS, data);
}

static int ze_build(struct zt *t)
{
	static const u8 ipl1[] = { 0xc9, 0xd7, 0xd3, 0xf1 };
	static const u8 vol1[] = { 0xe5, 0xd6, 0xd3, 0xf1 };
	u8 *img;

	memset(t, 0, sizeof(*t));
	t->blksz = ZE_BS;
	t->lba = ZE_BLOCKS;
	img = t->img = calloc(ZE_BLOCKS, ZE_BS);
	if (!img)
		return -ENOMEM;
	memcpy(img, ipl1, 4);
	memcpy(img + ZE_BS + 92, ZIPL_MAGIC, 4);
	img[ZE_BS + 96] = 1;		/* version; IPL, ECKD, flags 0 */
	ze_ccw(img + ZE_BS + 100, 3);
	memcpy(img + 2 * ZE_BS, vol1, 4);
	memcpy(img + 2 * ZE_BS + 4, vol1, 4);
	img[ZE_VOL1_BR + 4] = 8 + 1;	/* CCHHB: record 9 = block 8 */
	ze_table(img, 3, 4, 5, 10, ZT_ADDR, ze_ccw);
	memcpy(img + 8 * ZE_BS, ZIPL_MAGIC, 4);
	img[8 * ZE_BS + 7] = 1;		/* version_id 1 */
	ze_ld(img + 8 * ZE_BS + 16, 9);
	ze_table(img, 9, 6, 7, 11, ZT_ADDR + 0x10000, ze_ld);
	memset(img + 10 * ZE_BS, 0xcc, ZE_BS);
	memset(img + 11 * ZE_BS, 0x1d, ZE_BS);
	return memdisk_create(img, ZE_BS, ZE_BLOCKS, true, &t->desc);
}

/* The list-directed map is used when it is there and good */
static int zipl_test_eckd_ld(struct unit_test_state *uts)
{
	struct zt t;

	ut_assertok(ze_build(&t));
	ut_assertok(zt_plan(&t, 0));
	ut_asserteq(ZIPL_SCHEME_ECKD_LD, t.map.scheme);
	ut_assert(!t.map.ld_skipped);
	ut_asserteq(9, t.map.table);
	ut_asserteq(ZT_ADDR + 0x10000, t.plan.comp[0].addr);
	ut_asserteq(ZE_BS, t.plan.total);
	ut_assertok(zipl_load(&t.ctx, &t.plan));
	ut_asserteq(0x1d, *(u8 *)map_sysmem(ZT_ADDR + 0x10000, 1));

	/* Told to leave it: the CCW-type record's map */
	zipl_ctx_free(&t.ctx);
	ut_assertok(zipl_ctx_init(&t.ctx, t.desc));
	t.ctx.no_ld = true;
	ut_assertok(zipl_read_map(&t.ctx, &t.map));
	ut_asserteq(ZIPL_SCHEME_ECKD_CDL, t.map.scheme);
	ut_asserteq(3, t.map.table);

	/* No boot record pointer in VOL1 (zipl before 2.25, mkzipl -L) */
	memset(t.img + ZE_VOL1_BR, 0, 5);
	ut_assertok(zt_plan(&t, 0));
	ut_asserteq(ZIPL_SCHEME_ECKD_CDL, t.map.scheme);
	ut_assert(!t.map.ld_skipped);
	ut_asserteq(ZT_ADDR, t.plan.comp[0].addr);
	zt_free(&t);
	return 0;
}
UNIT_TEST(zipl_test_eckd_ld, 0, zipl);

/* A list-directed record that is bad: the CCW-type map, and why */
static int zipl_test_eckd_ld_fallback(struct unit_test_state *uts)
{
	static const struct {
		int off;
		u8 val;
		const char *msg;
	} bad[] = {
		/* VOL1 pointer: record 13 on a track of 12, off the device */
		{ ZE_VOL1_BR + 4, 13, "not on the guessed geometry" },
		{ ZE_VOL1_BR + 1, 1, "beyond the device" },
		/* boot record without magic; its program table pointer null */
		{ 8 * ZE_BS, 'x', "magic in the list-directed boot record" },
		{ 8 * ZE_BS + 16 + 5, 0, "boot record has no program table" },
		/* its program table without magic; an entry off the geometry */
		{ 9 * ZE_BS, 0, "magic in the program table (block 9)" },
		{ 9 * ZE_BS + 16 + 4, 15, "ECKD pointer 0/15/7" },
	};
	struct zt t;
	int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		ut_assertok(ze_build(&t));
		t.img[bad[i].off] = bad[i].val;
		ut_assertok(zt_plan(&t, 0));
		ut_asserteq(ZIPL_SCHEME_ECKD_CDL, t.map.scheme);
		ut_assert(t.map.ld_skipped);
		ut_assert(strstr(t.ctx.msg, bad[i].msg));
		ut_asserteq(ZT_ADDR, t.plan.comp[0].addr);
		zt_free(&t);
	}

	/* A list-directed entry that cannot be planned: its caller retries */
	ut_assertok(ze_build(&t));
	ze_ld(t.img + 7 * ZE_BS, 40);		/* record 41 */
	ut_asserteq(-EBADMSG, zt_plan(&t, 0));
	ut_asserteq(ZIPL_SCHEME_ECKD_LD, t.map.scheme);
	t.ctx.no_ld = true;
	ut_assertok(zipl_read_map(&t.ctx, &t.map));
	ut_assertok(zipl_plan(&t.ctx, &t.map, 0, &t.plan));
	ut_asserteq(ZT_ADDR, t.plan.comp[0].addr);
	zt_free(&t);
	return 0;
}
UNIT_TEST(zipl_test_eckd_ld_fallback, 0, zipl);

/* List-directed pointers: 32-bit cylinder, no size, 16-bit count */
static int zipl_test_eckd_ldptr(struct unit_test_state *uts)
{
	struct zipl_eckd_ldptr p = { 0 };
	struct zipl_ptr out;
	struct zt t;

	ut_assertok(ze_build(&t));
	ut_assertok(zipl_ctx_init(&t.ctx, t.desc));
	t.ctx.eckd_secs = 12;
	t.ctx.eckd_ld = true;
	ut_asserteq(0, zipl_decode_ptr(&t.ctx, &p, &out));	/* null */
	p.cylinder = cpu_to_be32(70000);	/* past 16 bits */
	p.head = 14;
	p.sector = 12;
	p.count = cpu_to_be16(299);
	ut_asserteq(1, zipl_decode_ptr(&t.ctx, &p, &out));
	ut_asserteq((70000ULL * 15 + 14) * 12 + 11, out.blk);
	ut_asserteq(300, out.count);
	ut_asserteq(ZE_BS, out.size);
	p.head = 15;
	ut_asserteq(-EBADMSG, zipl_decode_ptr(&t.ctx, &p, &out));
	p.head = 0;
	p.sector = 0;
	ut_asserteq(-EBADMSG, zipl_decode_ptr(&t.ctx, &p, &out));
	zt_free(&t);
	return 0;
}
UNIT_TEST(zipl_test_eckd_ldptr, 0, zipl);

/* Dump tools' maps: refused, whichever record says so */
static int zipl_test_dump(struct unit_test_state *uts)
{
	struct zt t;

	ut_assertok(zt_build(&t, 512, 1));
	memcpy(t.img + ZIPL_BOOT_INFO, ZIPL_MAGIC, 4);
	t.img[ZIPL_BOOT_INFO + ZIPL_BOOT_INFO_BP_TYPE] = ZIPL_BP_TYPE_DUMP;
	ut_asserteq(-ENOEXEC, zt_plan(&t, 0));
	ut_asserteq_str("a dump record, not a boot record", t.ctx.msg);
	t.img[ZIPL_BOOT_INFO + ZIPL_BOOT_INFO_BP_TYPE] = 0;
	ut_assertok(zt_plan(&t, 0));
	zt_free(&t);

	ut_assertok(ze_build(&t));
	t.img[ZE_BS + 92 + ZIPL_BOOT_INFO_BP_TYPE] = ZIPL_BP_TYPE_DUMP;
	memset(t.img + ZE_VOL1_BR, 0, 5);
	ut_asserteq(-ENOEXEC, zt_plan(&t, 0));
	ut_asserteq_str("a dump record, not a boot record", t.ctx.msg);
	zt_free(&t);
	return 0;
}
UNIT_TEST(zipl_test_dump, 0, zipl);

/* A SIGNATURE signs the LOAD right after it */
static int zipl_test_signature(struct unit_test_state *uts)
{
	struct zipl_component_entry *e;
	struct zt t;

	ut_assertok(zt_build(&t, 512, 1));
	e = zt_comp(&t, 2, 0);
	memmove(&e[1], &e[0], 2 * 32);
	zt_set_comp(&t, 2, 0, ZIPL_COMP_SIGNATURE, 200, 0);
	e[0].load_address = cpu_to_be64(2ULL << 56 | 600);	/* format, len */
	ut_assertok(zt_plan(&t, 0));
	ut_asserteq(2, (u8)(t.plan.comp[0].addr >> 56));
	ut_asserteq(600, (u32)t.plan.comp[0].addr);

	/* ... none after it: EXEC, another signature */
	memmove(&e[1], &e[2], 32);
	ut_asserteq(-EBADMSG, zt_plan(&t, 0));
	ut_assert(strstr(t.ctx.msg, "component 0: a signature with no LOAD"));
	e[1] = e[0];
	ut_asserteq(-EBADMSG, zt_plan(&t, 0));
	zt_free(&t);
	return 0;
}
UNIT_TEST(zipl_test_signature, 0, zipl);
