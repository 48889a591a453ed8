/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The zipl boot map (SCSI scheme) and the loader that reads it from any
 * block device: a master boot record in block 0 points to a program
 * table; each of its entries points to a component table, whose LOAD
 * components point to block lists naming the blocks to load, and whose
 * EXEC component holds the PSW to start. All on-disk numbers are
 * big-endian. Layouts as s390-tools' zipl writes them (zipl/include/
 * bootmap.h) and QEMU's pc-bios/s390-ccw reads them.
 *
 * Loading is done in two passes: zipl_plan() walks every table and block
 * list, checks every pointer against the device and every component
 * against the memory policy, and writes nothing; zipl_load() then reads
 * the blocks into memory.
 */
#ifndef __ZIPL_H
#define __ZIPL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <iso9660.h>

struct blk_desc;

#define ZIPL_MAGIC		"zIPL"
#define ZIPL_MBR_VERSION	1
/* Entries of the program table (loadparm 0-30); entry 0 is the default */
#define ZIPL_MAX_ENTRIES	31
/* Components of one entry: what fits in a 4096-byte component table */
#define ZIPL_MAX_COMPONENTS	127
/* Block-list blocks of one component: a longer list is taken as a loop */
#define ZIPL_MAX_LIST_BLOCKS	4096

/*
 * zipl's boot info (struct boot_info in s390-tools): at 0x70 of block 0
 * (SCSI master boot record, ECKD LDL) or in the IPL2 record (ECKD CDL);
 * its bp_type says whether the map boots a system or a dump tool
 */
#define ZIPL_BOOT_INFO		0x70
#define ZIPL_BOOT_INFO_BP_TYPE	5
#define ZIPL_BP_TYPE_DUMP	0x01

/* Component table header types */
#define ZIPL_COMP_HEADER_IPL	0x00
#define ZIPL_COMP_HEADER_DUMP	0x01

/* Component entry types */
#define ZIPL_COMP_EXEC		0x01
#define ZIPL_COMP_LOAD		0x02
#define ZIPL_COMP_SIGNATURE	0x03

/* Memory the s390 architecture reserves: the lowcore (prefix area) */
#define ZIPL_LOWCORE_SIZE	0x2000
/* The address bits of an 8-byte ESA/390-format PSW */
#define ZIPL_PSW_ADDR_MASK	0x7fffffffULL

/* Linux on s390: image and parameter area (arch/s390/include/asm/setup.h) */
#define LINUX_IMAGE_ADDR	0x10000
#define LINUX_MAGIC_ADDR	0x10008	/* "S390EP" */
#define LINUX_PARMAREA		0x10400
#define LINUX_INITRD_START	0x10408
#define LINUX_INITRD_SIZE	0x10410
#define LINUX_MAX_CMDLINE_SIZE	0x10430	/* 0: the old limit, 896 bytes */
#define LINUX_COMMAND_LINE	0x10480
#define LINUX_COMMAND_LINE_OLD	896

/**
 * struct zipl_blockptr - SCSI-scheme block pointer (16 bytes)
 * @reserved:	unused
 * @blockno:	first block; 0 ends a list
 * @size:	block size in bytes (must be the device's)
 * @blockct:	number of further blocks (count - 1)
 */
struct zipl_blockptr {
	__be64 blockno;
	__be16 size;
	__be16 blockct;
	u8 reserved[4];
} __packed;
_Static_assert(sizeof(struct zipl_blockptr) == 16, "zipl_blockptr");

/**
 * struct zipl_eckd_blockptr - ECKD-scheme block pointer (16 bytes): a
 * cylinder/head/record address on the (guessed) DASD geometry
 * @reserved:	unused
 * @cylinder:	low 16 bits of the cylinder
 * @head:	head (low 4 bits) and cylinder bits 16-27 (high 12 bits)
 * @sector:	record on the track, from 1; 0/0/0 is the null pointer
 * @size:	block size in bytes
 * @count:	number of further blocks (count - 1)
 */
struct zipl_eckd_blockptr {
	__be16 cylinder;
	__be16 head;
	u8 sector;
	__be16 size;
	u8 count;
	u8 reserved[8];
} __packed;
_Static_assert(sizeof(struct zipl_eckd_blockptr) == 16, "zipl_eckd_blockptr");

/**
 * struct zipl_eckd_ldptr - ECKD block pointer of the list-directed IPL
 * format (zipl 2.25 and later, s390-ccw 8.0 and later): the whole
 * cylinder in 32 bits, no block size
 * @cylinder:	cylinder
 * @head:	head
 * @sector:	record on the track, from 1; 0/0/0 is the null pointer
 * @reserved1:	unused
 * @count:	number of further blocks (count - 1)
 * @reserved2:	unused
 */
struct zipl_eckd_ldptr {
	__be32 cylinder;
	u8 head;
	u8 sector;
	u8 reserved1[4];
	__be16 count;
	u8 reserved2[4];
} __packed;
_Static_assert(sizeof(struct zipl_eckd_ldptr) == 16, "zipl_eckd_ldptr");

/* The DASD geometry QEMU's firmware guesses for a virtio-blk disk */
#define ZIPL_ECKD_HEADS		15

/** struct zipl_ptr - a decoded block pointer of either scheme */
struct zipl_ptr {
	lbaint_t blk;
	u64 count;
	u32 size;
};

/** struct zipl_mbr - the master boot record in block 0 */
struct zipl_mbr {
	char magic[4];			/* "zIPL" */
	__be32 version_id;		/* 1 */
	u8 reserved[8];
	struct zipl_blockptr blockptr;	/* the program table */
} __packed;
_Static_assert(sizeof(struct zipl_mbr) == 32, "zipl_mbr");

/** struct zipl_component_header - first 32 bytes of a component table */
struct zipl_component_header {
	char magic[4];			/* "zIPL" */
	u8 type;			/* ZIPL_COMP_HEADER_* */
	u8 reserved[27];
} __packed;
_Static_assert(sizeof(struct zipl_component_header) == 32, "zipl_comp_hdr");

/**
 * struct zipl_component_entry - one component (32 bytes)
 * @pad:	unused
 * @data:	LOAD: the first block of the block list; SIGNATURE: the
 *		signature data
 * @component_type: ZIPL_COMP_*
 * @load_address: LOAD: where to load; EXEC: the PSW to start
 */
struct zipl_component_entry {
	struct zipl_blockptr data;
	u8 pad[7];
	u8 component_type;
	__be64 load_address;
} __packed;
_Static_assert(sizeof(struct zipl_component_entry) == 32, "zipl_comp_entry");

/**
 * struct zipl_component - a component of an entry, as zipl_plan() found it
 * @type:	ZIPL_COMP_LOAD or ZIPL_COMP_SIGNATURE
 * @list:	first block of its block list (LOAD) or data (SIGNATURE)
 * @addr:	load address
 * @size:	bytes to load (whole blocks)
 * @extents:	block pointers in its list
 * @list_blocks: blocks its list occupies
 * @direct:	no block list: @size bytes from block @list on (El Torito)
 * @runs:	runs of consecutive blocks its list describes (pointers to
 *		blocks that follow each other on the disk make one run)
 * @run:	the first block of the data when @runs is 1: the load reads
 *		it at once, without the list
 */
struct zipl_component {
	u8 type;
	bool direct;
	lbaint_t list;
	lbaint_t run;
	u32 runs;
	u64 addr;
	u64 size;
	u32 extents;
	u32 list_blocks;
};

/**
 * struct zipl_plan - what an entry loads and where it starts
 * @index:	the program table entry (0-30)
 * @table:	block of its component table
 * @ncomp:	number of components in @comp (LOAD and SIGNATURE)
 * @nload:	how many of them are LOAD components
 * @nsig:	how many are SIGNATURE components (skipped)
 * @psw:	the EXEC component's PSW (8-byte ESA/390 format)
 * @entry:	its address (@psw & ZIPL_PSW_ADDR_MASK)
 * @total:	bytes to load
 * @comp:	the components
 */
struct zipl_plan {
	int index;
	lbaint_t table;
	int ncomp;
	int nload;
	int nsig;
	u64 psw;
	u64 entry;
	u64 total;
	struct zipl_component comp[ZIPL_MAX_COMPONENTS];
};

enum zipl_scheme {
	ZIPL_SCHEME_SCSI,	/* zipl boot map, SCSI (linear block) scheme */
	ZIPL_SCHEME_ELTORITO,	/* ISO-9660 El Torito boot catalog */
	ZIPL_SCHEME_ECKD_CDL,	/* ECKD DASD image, compatible disk layout */
	ZIPL_SCHEME_ECKD_LDL,	/* ECKD DASD image, Linux disk layout */
	ZIPL_SCHEME_ECKD_LD,	/* ECKD CDL, list-directed boot record */
};

/**
 * struct zipl_map - a device's boot map (master boot record and program
 * table), or its El Torito boot catalog
 * @scheme:	ZIPL_SCHEME_*
 * @blksz:	device block size
 * @table:	block of the program table (El Torito: ISO sector of the
 *		boot catalog)
 * @ld_skipped: ECKD CDL: a list-directed boot record is named but could
 *		not be used (the reason is in the context's msg); the map is
 *		the CCW-type record's
 * @count:	entries 0..@count-1 are in the table (some may be empty)
 * @entries:	block of each entry's component table, 0 for an empty slot
 *		(El Torito: ISO sector of each s390 boot image)
 * @iso_size:	El Torito: bytes of each boot image (from the ISO-9660
 *		directory, else the catalog's sector count)
 * @iso_load:	El Torito: load address of each boot image
 */
struct zipl_map {
	enum zipl_scheme scheme;
	unsigned long blksz;
	lbaint_t table;
	bool ld_skipped;
	int count;
	lbaint_t entries[ZIPL_MAX_ENTRIES];
	u32 iso_size[ZIPL_MAX_ENTRIES];
	u32 iso_load[ZIPL_MAX_ENTRIES];
};

/**
 * struct zipl_mem_range - a range of memory the loader must not touch
 * @start:	first byte
 * @size:	length
 * @name:	what it is ("lowcore", "firmware", ...), for the message
 */
struct zipl_mem_range {
	phys_addr_t start;
	phys_size_t size;
	const char *name;
};

#define ZIPL_MAX_RESERVED	8
#define ZIPL_MSG_LEN		160
/* The boot map's blocks are read this much at a time (zipl_read_block()) */
#define ZIPL_AHEAD_SIZE		4096

/**
 * struct zipl_ctx - one run of the loader over one device
 * @desc:	the device
 * @mem_size:	bytes of memory; nothing may be loaded at or above it
 * @reserved:	ranges nothing may be loaded into
 * @nreserved:	number of @reserved ranges
 * @progress:	optional, called during zipl_load() with bytes done so far
 * @priv:	for @progress
 * @msg:	after a failure: what went wrong, one line without newline
 * @buf:	scratch for one block (tables)
 * @list:	scratch for one block (block lists)
 * @visited:	list blocks of the component being walked (loop check)
 * @ahead:	ZIPL_AHEAD_SIZE bytes: the blocks read with the last one
 * @ahead_blk:	the first of them
 * @ahead_cnt:	how many (0: none)
 * @eckd_secs:	0 for the SCSI scheme; ECKD: records per track of the
 *		guessed geometry (ZIPL_ECKD_HEADS heads)
 * @eckd_ld:	ECKD pointers are in the list-directed format
 * @no_ld:	ignore a list-directed boot record (use the CCW-type one)
 */
struct zipl_ctx {
	struct blk_desc *desc;
	phys_size_t mem_size;
	struct zipl_mem_range reserved[ZIPL_MAX_RESERVED];
	int nreserved;
	void (*progress)(struct zipl_ctx *ctx, u64 done, u64 total);
	void *priv;
	char msg[ZIPL_MSG_LEN];
	u8 *buf;
	u8 *list;
	lbaint_t *visited;
	u8 *ahead;
	lbaint_t ahead_blk;
	lbaint_t ahead_cnt;
	unsigned int eckd_secs;
	bool eckd_ld;
	bool no_ld;
};

/**
 * zipl_ctx_init() - prepare a loader run over @desc with the board's
 * memory policy (zipl_board_mem())
 * @ctx:	the loader context to fill in
 * @desc:	the disk to read
 * Return: 0, -EINVAL for a block size the loader cannot use, -ENOMEM
 */
int zipl_ctx_init(struct zipl_ctx *ctx, struct blk_desc *desc);

/** zipl_ctx_free() - release what zipl_ctx_init() allocated */
void zipl_ctx_free(struct zipl_ctx *ctx);

/**
 * zipl_read_map() - read the master boot record and the program table
 * @ctx:	the loader context (zipl_ctx_init())
 * @map:	returns the boot map
 * Return: 0; -ENOENT if block 0 holds no zipl boot record; -ERANGE for a
 *	   pointer beyond the device; -E2BIG for more than 31 entries;
 *	   -EBADMSG for another malformed record; -EIO. @ctx->msg says why.
 */
int zipl_read_map(struct zipl_ctx *ctx, struct zipl_map *map);

/**
 * zipl_plan() - walk entry @index's component table and block lists
 * and check every component against the device and the memory policy,
 * writing nothing to memory
 * @ctx:	the loader context (zipl_ctx_init())
 * @map:	the boot map read so far
 * @index:	the entry (0: the default)
 * @plan:	returns what to load where
 * Return: 0; -ENOENT for an empty slot; -EINVAL for an index beyond the
 *	   table; -ERANGE for a pointer beyond the device or a component
 *	   beyond memory; -EFAULT for a component in reserved memory or
 *	   overlapping another; -ELOOP for an endless block list;
 *	   -ENOEXEC without EXEC; -EBADMSG for another malformed table; -EIO
 */
int zipl_plan(struct zipl_ctx *ctx, const struct zipl_map *map, int index,
	      struct zipl_plan *plan);

/**
 * zipl_load() - load the components zipl_plan() checked
 * @ctx:	the loader context (zipl_ctx_init())
 * @plan:	what to load where
 * Return: 0, -EIO, -EINTR (Ctrl-C), or -EBADMSG if the disk no longer
 *	   matches the plan (nothing is written outside the planned ranges)
 */
int zipl_load(struct zipl_ctx *ctx, const struct zipl_plan *plan);

/* ISO-9660 / El Torito (the structures: <iso9660.h>) */
#define ISO_MAX_DIR_DEPTH	8
#define ISO_MAX_DIR_SECTORS	4096	/* directory sectors read, in all */

/**
 * zipl_eltorito_map() - (boot/zipl_eltorito.c) find the s390 boot images
 * of an ISO-9660 El Torito boot catalog: bootable entries whose image
 * starts with an s390 IPL PSW and the two IPL CCWs
 * @ctx:	the loader context (zipl_ctx_init())
 * @map:	returns the boot map
 * Return: 0; -ENOENT if the device holds no El Torito catalog; -ENOEXEC
 *	   if it has no s390 boot image; -ERANGE, -EBADMSG, -EIO as
 *	   zipl_read_map()
 */
int zipl_eltorito_map(struct zipl_ctx *ctx, struct zipl_map *map);

/**
 * zipl_eltorito_plan() - plan entry @index of an El Torito map: one
 * component, the boot image (an "S390EP" Linux image from its 64 KiB on,
 * at 0x10000, started there; another image as it is, started at the PSW
 * in its first 8 bytes)
 * @ctx:	the loader context (zipl_ctx_init())
 * @map:	the boot map read so far
 * @index:	the entry (0: the default)
 * @plan:	returns what to load where
 * Return: as zipl_plan()
 */
int zipl_eltorito_plan(struct zipl_ctx *ctx, const struct zipl_map *map,
		       int index, struct zipl_plan *plan);

/* Loader internals shared by the schemes: fill @ctx->msg, read a block */
#define ZIPL_DUMP_MSG		"a dump record, not a boot record"
int zipl_fail(struct zipl_ctx *ctx, int err, const char *fmt, ...)
	__printf(3, 4);
int zipl_read_block(struct zipl_ctx *ctx, lbaint_t blk, void *buf,
		    const char *what);
/* zipl_read_block() of a table that starts with "zIPL": -EBADMSG if not */
int zipl_read_table(struct zipl_ctx *ctx, lbaint_t blk, void *buf,
		    const char *what);

/**
 * zipl_decode_ptr() - decode a 16-byte block pointer of the device's
 * scheme (SCSI, or ECKD when @ctx->eckd_secs is set)
 * @ctx:	the loader context (zipl_ctx_init())
 * @p:	the block pointer as on the disk
 * @out:	returns the decoded pointer
 * Return: 1 and @out filled; 0 for the null pointer (end of a list or
 *	   an empty slot); -EBADMSG for an ECKD address off the geometry
 */
int zipl_decode_ptr(struct zipl_ctx *ctx, const void *p, struct zipl_ptr *out);

/**
 * zipl_eckd_map() - (boot/zipl_eckd.c) find the program table of an ECKD
 * boot map on a DASD image: CDL (IPL1 in block 0, IPL2 with the zipl
 * boot record in block 1, VOL1 label in block 2) or LDL (LNX1/CMS1 label
 * in block 2, or none; boot info at 0x70 of block 0), with the geometry
 * QEMU guesses (15 heads, 12 records of 4096 bytes a track, ...)
 * @ctx:	the loader context (zipl_ctx_init())
 * @map:	returns the boot map
 * Return: 0 with @map->table set and @ctx->eckd_secs set; -ENOENT if the
 *	   device has no ECKD IPL records; -EBADMSG, -ERANGE, -EIO
 */
int zipl_eckd_map(struct zipl_ctx *ctx, struct zipl_map *map);

/**
 * zipl_check_range() - check [@addr, @addr + @size) of component @comp
 * against the memory policy
 * @ctx:	the loader context (zipl_ctx_init())
 * @comp:	the component, for the error message
 * @addr:	the load address
 * @size:	the number of bytes
 * Return: 0, -ERANGE (beyond memory), -EFAULT (reserved memory)
 */
int zipl_check_range(struct zipl_ctx *ctx, int comp, u64 addr, u64 size);

/**
 * zipl_board_mem() - the board's memory policy: memory size and the
 * ranges the loader must not write (lowcore, firmware image, stack, heap)
 * @ranges:	room for ZIPL_MAX_RESERVED ranges
 * @nranges:	returns how many were written
 * Return: bytes of memory
 */
phys_size_t zipl_board_mem(struct zipl_mem_range *ranges, int *nranges);

/**
 * zipl_jump() - start the program @plan loaded from @desc (qemu-s390x:
 * PSW at absolute 0, IPL device at 0xb8, then DIAG 0x308 load normal)
 * @desc:	the disk it was loaded from (named in the IPL parameter block),
 *		or NULL for a kernel booted from a file (no IPL parameter block)
 * @plan:	the loaded plan whose entry point is jumped to
 * Return: does not return on success; -ENOSYS where the board cannot
 *	   IPL (sandbox), -EIO if the machine refused the IPL parameter
 *	   block or the reset
 */
int zipl_jump(struct blk_desc *desc, const struct zipl_plan *plan);

#endif
