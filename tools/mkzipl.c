// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mkzipl: write a zipl boot map (SCSI scheme) into a disk image, on any
 * host. s390-tools' zipl only runs on s390 and needs the kernel's
 * block-mapping ioctls; mkzipl writes the whole map itself.
 *
 *   mkzipl -o IMAGE [-b 512|4096] [-s SIZE] [-p BLOCK] [-t scsi|cdl|ldl]
 *          [-L] [-D]
 *          -k KERNEL [-i INITRD] [-c CMDLINE] [-z] (one entry; repeat)
 *          [-e]                                 (an empty slot)
 *          [-l FILE@ADDR ... -x PSW]            (a raw entry)
 *          [-g SIGNATURE]                       (signs the last -k or -l)
 *
 * Each -k (or -l/-x group) adds one program table entry, entry 0 first
 * (the default). A Linux entry loads the kernel image at 0x10000 (an
 * "S390EP" image is laid out from address 0, so its first 64 KiB, the
 * IPL text and lowcore, are skipped), the initrd at 8 MiB or above the
 * kernel, writes the initrd's place and the command line into the
 * kernel's parameter area and starts the kernel at 0x10000.
 *
 * -t cdl or -t ldl writes the ECKD scheme of a DASD image instead
 * (cylinder/head/record pointers on a DASD's geometry: 15 heads, 12
 * records of 4096 bytes a track, 49 of 512), with the IPL1/IPL2/VOL1
 * records (CDL) or the LNX1 label and boot info (LDL) in blocks 0-2, the
 * image a whole number of cylinders. A CDL image also gets the map for
 * list-directed IPL, as zipl 2.25 and later write it (-L leaves it out):
 * its own program table, component tables and block lists with pointers
 * of the list-directed format, a boot record naming that table, and the
 * boot record's address in the VOL1 label (bytes 78-82).
 *
 * What else zipl writes: -z gives a Linux entry zipl's stage 3 layout
 * (SCSI: zero-filled heap and stack components at 0x2000 and 0xf000; a
 * stage 3 loader at 0xa000, here a stand-in that starts the kernel at the
 * PSW of the stage 3 parameter block at 0x9000; the command line as its
 * own component; an environment block), -g FILE a SIGNATURE component
 * (FILE, format 2: PKCS#7) before the LOAD it signs, the last one given;
 * -D marks the map a dump tool's (boot info and component tables).
 *
 * Everything goes to free blocks: after block 0 when the image has no
 * partition table, else into the largest gap between the DOS/GPT
 * structures and the partitions. Block 0 keeps its partition table: the
 * zipl record uses only its first 32 bytes (the DOS boot code area).
 */

#define _GNU_SOURCE
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The kernel image layout, shared with the firmware's booti */
#include "../include/s390/linux_image.h"

#define MAX_ENTRIES		31
#define MAX_COMPONENTS		12
#define EXTENT_BYTES		(1024 * 1024)	/* data per block pointer */
#define COMP_EXEC		1
#define COMP_LOAD		2
#define COMP_SIGNATURE		3
#define SIG_FORMAT_PKCS7	2		/* zipl's PKEY_ID_PKCS7 */
#define BP_TYPE_DUMP		1		/* boot info: a dump tool */
#define HDR_DUMP		1		/* component table: dump */

/* zipl's stage 3 layout (s390-tools include/boot/loaders_layout.h) */
#define STAGE3_HEAP_ADDR	0x2000
#define STAGE3_HEAP_SIZE	0x4000
#define STAGE3_STACK_ADDR	0xf000
#define STAGE3_STACK_SIZE	0x1000
#define STAGE3_PARAMS_ADDR	0x9000
#define STAGE3_ADDR		0xa000
#define STAGE3_FLAG_SCSI	0x0001000000000000ULL
#define ENVBLK_SIZE		4096
#define ENVBLK_SIGNATURE	"# zIPL Environment Block\n"

struct blockptr {
	uint64_t blockno;
	uint16_t size;
	uint16_t blockct;
	uint8_t reserved[4];
} __attribute__((packed));

struct component {
	uint8_t *data;
	uint64_t len;
	uint64_t addr;		/* SIGNATURE: format and length, as zipl */
	int type;
	uint64_t first;		/* its data's first block, once written */
};

struct entry {
	int empty;
	int ncomp;
	struct component comp[MAX_COMPONENTS];
	uint64_t psw;
	const char *initrd;
	const char *cmdline;
	int linux_image;
	int stage3;
};

enum scheme { SCHEME_SCSI, SCHEME_CDL, SCHEME_LDL };

static const char *prog = "mkzipl";
static unsigned int blksz = 512;
static enum scheme scheme = SCHEME_SCSI;
static int ld_format;		/* ECKD pointers of the list-directed format */
static int no_ld, dump;
#define ECKD_HEADS		15
static struct entry entries[MAX_ENTRIES];
static int nentries;
static uint8_t *image;
static uint64_t image_blocks;
static uint64_t next_block, end_block;

static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static uint8_t *read_file(const char *path, uint64_t *lenp)
{
	struct stat st;
	uint8_t *buf;
	FILE *f;

	f = fopen(path, "rb");
	if (!f || fstat(fileno(f), &st))
		die("%s: %s", path, strerror(errno));
	buf = malloc(st.st_size ? st.st_size : 1);
	if (!buf || fread(buf, 1, st.st_size, f) != (size_t)st.st_size)
		die("%s: cannot read", path);
	fclose(f);
	*lenp = st.st_size;
	return buf;
}

static uint64_t parse_num(const char *s, const char *what)
{
	char *end;
	uint64_t v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s)
		die("bad %s '%s'", what, s);
	switch (*end) {
	case 'K':
	case 'k':
		v <<= 10;
		end++;
		break;
	case 'M':
	case 'm':
		v <<= 20;
		end++;
		break;
	case 'G':
	case 'g':
		v <<= 30;
		end++;
		break;
	}
	if (*end)
		die("bad %s '%s'", what, s);
	return v;
}

static struct entry *new_entry(void)
{
	if (nentries == MAX_ENTRIES)
		die("at most %d entries", MAX_ENTRIES);
	return &entries[nentries++];
}

static struct entry *cur_entry(const char *opt)
{
	if (!nentries || entries[nentries - 1].empty)
		die("%s needs an entry (-k or -l) before it", opt);
	return &entries[nentries - 1];
}

static struct component *add_component(struct entry *e, uint8_t *data,
				       uint64_t len, uint64_t addr)
{
	if (e->ncomp == MAX_COMPONENTS)
		die("at most %d components in an entry", MAX_COMPONENTS);
	if (!len)
		die("empty component at 0x%llx", (unsigned long long)addr);
	e->comp[e->ncomp] = (struct component){ data, len, addr, COMP_LOAD, 0 };
	return &e->comp[e->ncomp++];
}

/* A SIGNATURE component before the last component of @e, which it signs */
static void add_signature(struct entry *e, const char *path)
{
	struct component *c;
	uint64_t len;
	uint8_t *data = read_file(path, &len);

	if (!e->ncomp || e->comp[e->ncomp - 1].type != COMP_LOAD)
		die("-g follows the -k or -l it signs");
	c = add_component(e, data, len, 0);
	c[0] = c[-1];
	c[-1] = (struct component){ data, len,
		(uint64_t)SIG_FORMAT_PKCS7 << 56 | (uint32_t)len,
		COMP_SIGNATURE, 0 };
}

static uint8_t *zeros(uint64_t len)
{
	uint8_t *p = calloc(1, len);

	if (!p)
		die("out of memory");
	return p;
}

static void add_kernel(const char *path)
{
	struct entry *e = new_entry();
	uint64_t len;
	uint8_t *data = read_file(path, &len);

	/* An S390EP image is laid out from address 0 */
	if (len > S390EP_OFFSET + 6 && !memcmp(data + S390EP_OFFSET, "S390EP", 6)) {
		memmove(data, data + IMAGE_ADDR, len - IMAGE_ADDR);
		len -= IMAGE_ADDR;
	}
	if (len < PARM_CMDLINE + CMDLINE_OLD_MAX)
		die("%s: too small for a kernel image", path);
	e->linux_image = 1;
	e->psw = PSW_LOAD | IMAGE_ADDR;
	add_component(e, data, len, IMAGE_ADDR);
}

/*
 * zipl's stage 3 layout around a Linux entry, in zipl's order: heap and
 * stack (SCSI), stage 3 and its parameters, the kernel (and its
 * signature), the command line, the initrd, the environment block
 * (page-aligned after the last). Stage 3 here is a stand-in: "basr
 * 13,0; l 1,10(13); lpsw 24(1)", the kernel's PSW in its parameters.
 */
static void finish_stage3(struct entry *e)
{
	static const uint8_t stage3[16] = {
		0x0d, 0xd0, 0x58, 0x10, 0xd0, 0x0a, 0x82, 0x00, 0x10, 0x18,
		0x07, 0x00, 0x00, 0x00, 0x90, 0x00 };
	struct component old[MAX_COMPONENTS], *k = NULL, *initrd = NULL;
	int i, n = e->ncomp, scsi = scheme == SCHEME_SCSI;
	uint64_t p[10] = { 0 }, top = 0, cmd;
	uint8_t *env = zeros(ENVBLK_SIZE);
	uint8_t *params = zeros(sizeof(p));
	uint8_t *loader = zeros(sizeof(stage3));

	memcpy(old, e->comp, sizeof(old));
	for (i = 0; i < n; i++) {
		if (old[i].type == COMP_LOAD && old[i].addr == IMAGE_ADDR)
			k = &old[i];
		else if (old[i].type == COMP_LOAD)
			initrd = &old[i];
		if (old[i].addr + old[i].len > top && old[i].type == COMP_LOAD)
			top = old[i].addr + old[i].len;
	}
	cmd = (IMAGE_ADDR + k->len + 0xfff) & ~0xfffULL;
	if (!initrd)
		top = cmd + 0x1000;
	top = (top + 0xfff) & ~0xfffULL;
	memcpy(env, ENVBLK_SIGNATURE, strlen(ENVBLK_SIGNATURE));
	memcpy(loader, stage3, sizeof(stage3));
	p[0] = htobe64(cmd);
	p[1] = htobe64(initrd ? initrd->addr : 0);
	p[2] = htobe64(initrd ? initrd->len : 0);
	p[3] = htobe64(e->psw);
	p[4] = htobe64(!scsi);
	p[5] = htobe64(scsi ? STAGE3_FLAG_SCSI : 0);
	p[6] = htobe64(k->len);
	p[7] = htobe64(IMAGE_ADDR);
	p[8] = htobe64(top);
	p[9] = htobe64(ENVBLK_SIZE);
	memcpy(params, p, sizeof(p));

	e->ncomp = 0;
	if (scsi) {
		add_component(e, zeros(STAGE3_HEAP_SIZE), STAGE3_HEAP_SIZE,
			      STAGE3_HEAP_ADDR);
		add_component(e, zeros(STAGE3_STACK_SIZE), STAGE3_STACK_SIZE,
			      STAGE3_STACK_ADDR);
	}
	add_component(e, loader, sizeof(stage3), STAGE3_ADDR);
	add_component(e, params, sizeof(p), STAGE3_PARAMS_ADDR);
	for (i = 0; i < n; i++) {
		e->comp[e->ncomp++] = old[i];
		if (&old[i] == k && e->cmdline)
			add_component(e, (uint8_t *)strdup(e->cmdline),
				      strlen(e->cmdline) + 1, cmd);
	}
	add_component(e, env, ENVBLK_SIZE, top);
	e->psw = PSW_LOAD | STAGE3_ADDR;
}

/* Initrd placement and command line go into the kernel's parameter area */
static void finish_linux(struct entry *e)
{
	struct component *k = &e->comp[e->comp[0].type == COMP_SIGNATURE];
	uint64_t max = CMDLINE_OLD_MAX, addr, len;
	uint8_t *data;

	if (e->initrd) {
		data = read_file(e->initrd, &len);
		addr = INITRD_MIN_ADDR;
		while (addr < IMAGE_ADDR + k->len + 0x100000)
			addr += 0x100000;
		add_component(e, data, len, addr);
		*(uint64_t *)(k->data + PARM_INITRD_START) = htobe64(addr);
		*(uint64_t *)(k->data + PARM_INITRD_SIZE) = htobe64(len);
	}
	if (e->cmdline) {
		uint64_t kmax = be64toh(*(uint64_t *)(k->data + PARM_MAX_CMDLINE));

		if (kmax && kmax <= k->len - PARM_CMDLINE)
			max = kmax;
		if (strlen(e->cmdline) >= max)
			die("command line longer than %llu bytes",
			    (unsigned long long)max - 1);
		memset(k->data + PARM_CMDLINE, 0, max);
		strcpy((char *)k->data + PARM_CMDLINE, e->cmdline);
	}
	if (e->stage3)
		finish_stage3(e);
}

static uint64_t alloc_blocks(uint64_t n)
{
	uint64_t b = next_block;

	if (n > end_block - next_block)
		die("not enough free space in the image (%llu blocks more needed)",
		    (unsigned long long)(n - (end_block - next_block)));
	next_block += n;
	return b;
}

static unsigned int eckd_secs(void)
{
	switch (blksz) {
	case 512: return 49;
	case 1024: return 33;
	case 2048: return 21;
	default: return 12;
	}
}

/*
 * A block pointer of the scheme: 16 bytes, count blocks from blockno.
 * ECKD: cylinder/head/record, the CCW-type format (16-bit cylinder, its
 * bits 16-27 in the head's high 12 bits) or the list-directed one.
 */
static void set_ptr(struct blockptr *p, uint64_t blockno, uint64_t count)
{
	uint8_t *b = (uint8_t *)p;
	uint64_t spt = eckd_secs(), cyl, rem;
	uint16_t v;
	uint32_t w;

	memset(p, 0, sizeof(*p));
	if (scheme == SCHEME_SCSI) {
		p->blockno = htobe64(blockno);
		p->size = htobe16(blksz);
		p->blockct = htobe16(count - 1);
		return;
	}
	cyl = blockno / (ECKD_HEADS * spt);
	rem = blockno % (ECKD_HEADS * spt);
	if (cyl >> 28)
		die("block %llu is beyond what ECKD pointers address",
		    (unsigned long long)blockno);
	if (ld_format) {
		w = htobe32(cyl);
		memcpy(b, &w, 4);
		b[4] = rem / spt;
		b[5] = rem % spt + 1;
		v = htobe16(count - 1);
		memcpy(b + 10, &v, 2);
		return;
	}
	v = htobe16(cyl & 0xffff);
	memcpy(b, &v, 2);
	v = htobe16((rem / spt) | ((cyl >> 16) << 4));
	memcpy(b + 2, &v, 2);
	b[4] = rem % spt + 1;
	v = htobe16(blksz);
	memcpy(b + 5, &v, 2);
	b[7] = count - 1;
}

static uint64_t comp_blocks(const struct component *c)
{
	return (c->len + blksz - 1) / blksz;
}

/* A component's data, in consecutive blocks (once for every table) */
static void write_data(struct component *c)
{
	uint64_t nblk = comp_blocks(c);

	c->first = alloc_blocks(nblk);
	memcpy(image + c->first * blksz, c->data, c->len);
	memset(image + c->first * blksz + c->len, 0, nblk * blksz - c->len);
}

/* Its block list in the current pointer format; return its first block */
static uint64_t write_list(const struct component *c)
{
	uint64_t nblk = comp_blocks(c);
	uint64_t per_ext = EXTENT_BYTES / blksz;

	if (scheme != SCHEME_SCSI && per_ext > 256)
		per_ext = 256;	/* a CCW-type ECKD pointer counts in one byte */
	uint64_t next = (nblk + per_ext - 1) / per_ext;
	unsigned int slots = blksz / sizeof(struct blockptr);
	/* per list block: slots - 1 data pointers; the last continues */
	uint64_t nlist = (next + slots - 2) / (slots - 1);
	uint64_t list = alloc_blocks(nlist);
	uint64_t e, l, blk = c->first;

	memset(image + list * blksz, 0, nlist * blksz);
	for (l = 0, e = 0; l < nlist; l++) {
		struct blockptr *p = (void *)(image + (list + l) * blksz);
		unsigned int i;

		for (i = 0; i < slots - 1 && e < next; i++, e++) {
			uint64_t cnt = nblk - (blk - c->first);

			if (cnt > per_ext)
				cnt = per_ext;
			set_ptr(&p[i], blk, cnt);
			blk += cnt;
		}
		if (l + 1 < nlist)
			set_ptr(&p[slots - 1], list + l + 1, 1);
	}
	return list;
}

/* zipl's ECKD boot record: IPL2 data (CDL) or boot info (LDL) */
static void eckd_record(uint8_t *p, uint64_t table, uint8_t flags)
{
	memcpy(p, "zIPL", 4);
	p[4] = 1;		/* version */
	p[5] = dump ? BP_TYPE_DUMP : 0;	/* IPL or dump */
	p[6] = 0;		/* ECKD */
	p[7] = flags;
	set_ptr((void *)(p + 8), table, 1);
}

/*
 * QEMU's firmware (7.2) reads the "stage 1b" loader that zipl's stage 1
 * points to (seek argument 0 of the stage 1 in IPL2, CDL, or in block 0,
 * LDL) to look for zipl's boot menu: give it an empty one, whose stage 2
 * list ends at once (a seek to block 0).
 */
static void set_seek(uint8_t *seek, uint64_t blockno)
{
	struct blockptr p;

	set_ptr(&p, blockno, 1);
	memset(seek, 0, 8);
	memcpy(seek + 2, &p, 5);	/* cylinder, head, record */
}

static void write_eckd_labels(uint64_t table)
{
	uint64_t stage1b = alloc_blocks(1);
	static const uint8_t ipl1[4] = { 0xc9, 0xd7, 0xd3, 0xf1 };
	static const uint8_t ipl2[4] = { 0xc9, 0xd7, 0xd3, 0xf2 };
	static const uint8_t vol1[4] = { 0xe5, 0xd6, 0xd3, 0xf1 };
	static const uint8_t lnx1[4] = { 0xd3, 0xd5, 0xe7, 0xf1 };
	/* "LNXBT1" in EBCDIC */
	static const uint8_t volser[6] = { 0xd3, 0xd5, 0xe7, 0xc2, 0xe3, 0xf1 };
	uint8_t *b0 = image, *b1 = image + blksz, *b2 = image + 2 * blksz;
	uint64_t n;

	memset(image, 0, 3 * blksz);
	memset(image + stage1b * blksz, 0, blksz);
	/* its stage 2 list: block 0 ends it (seek argument 0 at 32 * 24) */
	set_seek(image + stage1b * blksz + 32 * 24, 0);
	if (scheme == SCHEME_CDL) {
		memcpy(b0, ipl1, 4);
		memcpy(b1, ipl2, 4);
		set_seek(b1 + 4 + 72, stage1b);
		eckd_record(b1 + 92, table, 0);
		memcpy(b2, vol1, 4);
		memcpy(b2 + 4, vol1, 4);
		memcpy(b2 + 8, volser, 6);
	} else {
		set_seek(b0 + 24 + 72, stage1b);
		eckd_record(b0 + 0x70, table, 1);	/* flags: s390x */
		memcpy(b2, lnx1, 4);
		memcpy(b2 + 4, volser, 6);
		memset(b2 + 10, 0x40, 69);
		b2[79] = 0xf2;				/* LDL version 2 */
		n = htobe64(image_blocks);
		memcpy(b2 + 80, &n, 8);
	}
}

/*
 * The program table, component tables and block lists in the current
 * pointer format (the data is written already); return the table's block
 */
static uint64_t write_tables(void)
{
	unsigned int slots = blksz / sizeof(struct blockptr);
	uint64_t table = alloc_blocks(1);
	struct blockptr *pt = (void *)(image + table * blksz);
	int n, c;

	memset(pt, 0, blksz);
	memcpy(pt, "zIPL", 4);
	for (n = 0; n < nentries; n++) {
		struct entry *e = &entries[n];
		uint8_t *ct;
		uint64_t ctblk;

		if (e->empty)
			continue;
		if ((unsigned int)e->ncomp + 2 > blksz / 32)
			die("entry %d: too many components", n);
		if (n + 1 >= (int)slots)
			die("entry %d does not fit a %u-byte program table", n,
			    blksz);
		ctblk = alloc_blocks(1);
		ct = image + ctblk * blksz;
		memset(ct, 0, blksz);
		memcpy(ct, "zIPL", 4);
		ct[4] = dump ? HDR_DUMP : 0;	/* IPL or dump */
		for (c = 0; c < e->ncomp; c++) {
			uint8_t *ent = ct + 32 * (c + 1);
			uint64_t list = write_list(&e->comp[c]);

			set_ptr((void *)ent, list, 1);
			ent[23] = e->comp[c].type;
			*(uint64_t *)(ent + 24) = htobe64(e->comp[c].addr);
		}
		ct[32 * (c + 1) + 23] = COMP_EXEC;
		*(uint64_t *)(ct + 32 * (c + 1) + 24) = htobe64(e->psw);
		set_ptr(&pt[n + 1], ctblk, 1);
	}
	return table;
}

/*
 * zipl 2.25+'s map for list-directed IPL on a CDL disk: its own tables
 * (list-directed pointers), a boot record (magic, version 1, program
 * table pointer, OS id 0x55aa at 510) and the record's CCHHB in VOL1
 */
static void write_ld_map(void)
{
	uint64_t table, br;
	uint8_t *b, *cchhb = image + 2 * blksz + 78;
	struct blockptr p;

	ld_format = 1;
	table = write_tables();
	br = alloc_blocks(1);
	b = image + br * blksz;
	memset(b, 0, blksz);
	memcpy(b, "zIPL", 4);
	*(uint32_t *)(b + 4) = htobe32(1);
	set_ptr((void *)(b + 16), table, 1);
	b[510] = 0x55;
	b[511] = 0xaa;
	ld_format = 0;
	set_ptr(&p, br, 1);
	memcpy(cchhb, &p, 5);	/* cylinder, head, record */
}

static void write_map(void)
{
	uint64_t table;
	int n, c;

	for (n = 0; n < nentries; n++)
		for (c = 0; c < entries[n].ncomp; c++)
			write_data(&entries[n].comp[c]);
	table = write_tables();
	if (scheme == SCHEME_SCSI) {
		/* Block 0: magic, version 1, program table pointer */
		memcpy(image, "zIPL", 4);
		*(uint32_t *)(image + 4) = htobe32(1);
		memset(image + 8, 0, 8);
		set_ptr((void *)(image + 16), table, 1);
		if (dump) {
			/* zipl's boot info at 0x70: a dump tool's (SCSI) */
			memset(image + 0x70, 0, 8);
			memcpy(image + 0x70, "zIPL", 4);
			image[0x74] = 1;
			image[0x75] = BP_TYPE_DUMP;
			image[0x76] = 2;
		}
		return;
	}
	write_eckd_labels(table);
	if (scheme == SCHEME_CDL && !no_ld)
		write_ld_map();
}

/* The free blocks: the largest gap outside the partition table's reach */
struct range {
	uint64_t start, end;
};

static int add_used(struct range *u, int n, uint64_t start, uint64_t end)
{
	if (end > image_blocks)
		end = image_blocks;
	if (start < end && n < 256)
		u[n++] = (struct range){ start, end };
	return n;
}

static int cmp_range(const void *a, const void *b)
{
	const struct range *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

static void find_free(uint64_t first)
{
	struct range used[256];
	uint64_t at, best = 0, best_len = 0;
	int n = 0, i;

	n = add_used(used, n, 0, 1);
	if (image[510] == 0x55 && image[511] == 0xaa) {
		for (i = 0; i < 4; i++) {
			const uint8_t *p = image + 446 + 16 * i;
			uint32_t lba = le32toh(*(uint32_t *)(p + 8));
			uint32_t cnt = le32toh(*(uint32_t *)(p + 12));

			/* 0xee: the GPT's protective entry, read below */
			if (p[4] && p[4] != 0xee)
				n = add_used(used, n,
					     lba * 512ULL / blksz,
					     ((uint64_t)lba + cnt) * 512ULL / blksz + 1);
		}
	}
	if (image_blocks > 2 && !memcmp(image + blksz, "EFI PART", 8)) {
		const uint8_t *h = image + blksz;
		uint64_t first_use = le64toh(*(uint64_t *)(h + 40));
		uint64_t last_use = le64toh(*(uint64_t *)(h + 48));
		uint64_t ents = le64toh(*(uint64_t *)(h + 72));
		uint32_t num = le32toh(*(uint32_t *)(h + 80));
		uint32_t esz = le32toh(*(uint32_t *)(h + 84));

		n = add_used(used, n, 1, first_use > 2 ? first_use : 2);
		n = add_used(used, n, ents,
			     ents + ((uint64_t)num * esz + blksz - 1) / blksz);
		n = add_used(used, n, last_use + 1, image_blocks);
		for (i = 0; i < (int)num && esz >= 56 && ents < image_blocks; i++) {
			const uint8_t *p = image + ents * blksz + i * esz;
			uint64_t s, e;

			if ((ents * blksz + (i + 1) * (uint64_t)esz) >
			    image_blocks * blksz)
				break;
			s = le64toh(*(uint64_t *)(p + 32));
			e = le64toh(*(uint64_t *)(p + 40));
			if (s || e)
				n = add_used(used, n, s, e + 1);
		}
	}
	qsort(used, n, sizeof(used[0]), cmp_range);
	for (at = first, i = 0; i <= n; i++) {
		uint64_t gap_end = i < n ? used[i].start : image_blocks;

		if (gap_end > at && gap_end - at > best_len) {
			best = at;
			best_len = gap_end - at;
		}
		if (i < n && used[i].end > at)
			at = used[i].end;
	}
	next_block = best;
	end_block = best + best_len;
}

static void print_usage(void)
{
	fprintf(stderr,
		"usage: %s -o IMAGE [-b 512|4096] [-s SIZE] [-p FIRST_BLOCK] [-t scsi|cdl|ldl]\n"
		"       [-L] [-D] { -k KERNEL [-i INITRD] [-c CMDLINE] [-z] | -e |\n"
		"         -l FILE@ADDR [-l FILE@ADDR...] -x PSW } [-g SIG] ...\n"
		"  -o  the image (created, or written into if it exists)\n"
		"  -b  block size of the disk (default 512)\n"
		"  -s  size to create or grow the image to\n"
		"  -p  first block mkzipl may use (default: largest free gap)\n"
		"  -t  scheme: scsi (default), cdl or ldl (ECKD DASD image)\n"
		"  -k  a Linux entry: kernel image (S390EP or raw at 0x10000)\n"
		"  -i  its initrd   -c  its command line\n"
		"  -e  an empty program table slot\n"
		"  -l  a raw entry: load FILE at ADDR   -x  its PSW\n"
		"  -g  a signature (FILE) of the last -k or -l, before it\n"
		"  -z  zipl's stage 3 layout for the -k entry (heap, stack,\n"
		"      stage 3 and its parameters, command line, env block)\n"
		"  -L  cdl: no list-directed boot record (CCW-type only)\n"
		"  -D  a dump tool's map (boot info and component tables)\n",
		prog);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *out = NULL;
	uint64_t size = 0, first = 1;
	int first_set = 0, opt, fd, n;
	struct stat st;

	while ((opt = getopt(argc, argv, "o:b:s:p:t:k:i:c:el:x:g:zLDh")) != -1) {
		switch (opt) {
		case 'g':
			add_signature(cur_entry("-g"), optarg);
			break;
		case 'z':
			if (!cur_entry("-z")->linux_image)
				die("-z belongs to a -k entry");
			entries[nentries - 1].stage3 = 1;
			break;
		case 'L':
			no_ld = 1;
			break;
		case 'D':
			dump = 1;
			break;
		case 't':
			if (!strcmp(optarg, "scsi"))
				scheme = SCHEME_SCSI;
			else if (!strcmp(optarg, "cdl"))
				scheme = SCHEME_CDL;
			else if (!strcmp(optarg, "ldl"))
				scheme = SCHEME_LDL;
			else
				die("-t takes scsi, cdl or ldl");
			break;
		case 'o':
			out = optarg;
			break;
		case 'b':
			blksz = parse_num(optarg, "block size");
			if (blksz != 512 && blksz != 1024 && blksz != 2048 &&
			    blksz != 4096)
				die("block size must be 512, 1024, 2048 or 4096");
			break;
		case 's':
			size = parse_num(optarg, "size");
			break;
		case 'p':
			first = parse_num(optarg, "block");
			first_set = 1;
			break;
		case 'k':
			add_kernel(optarg);
			break;
		case 'i':
			if (!cur_entry("-i")->linux_image)
				die("-i belongs to a -k entry");
			entries[nentries - 1].initrd = optarg;
			break;
		case 'c':
			if (!cur_entry("-c")->linux_image)
				die("-c belongs to a -k entry");
			entries[nentries - 1].cmdline = optarg;
			break;
		case 'e':
			new_entry()->empty = 1;
			break;
		case 'l': {
			char *at = strrchr(optarg, '@');
			struct entry *e;
			uint64_t len;
			uint8_t *data;

			if (!at)
				die("-l wants FILE@ADDR");
			*at = 0;
			if (nentries && !entries[nentries - 1].empty &&
			    !entries[nentries - 1].linux_image &&
			    !entries[nentries - 1].psw)
				e = &entries[nentries - 1];
			else
				e = new_entry();
			data = read_file(optarg, &len);
			add_component(e, data, len, parse_num(at + 1, "address"));
			break;
		}
		case 'x': {
			struct entry *e = cur_entry("-x");

			if (e->linux_image || e->psw)
				die("-x follows the -l options of its entry");
			e->psw = parse_num(optarg, "PSW");
			if (!(e->psw >> 32))	/* an address: make it a PSW */
				e->psw |= PSW_LOAD;
			break;
		}
		default:
			print_usage();
		}
	}
	if (!out || optind != argc || !nentries)
		print_usage();
	for (n = 0; n < nentries; n++) {
		if (!entries[n].empty && !entries[n].psw)
			die("entry %d: -l without -x", n);
		if (entries[n].linux_image)
			finish_linux(&entries[n]);
	}

	fd = open(out, O_RDWR | O_CREAT, 0644);
	if (fd < 0 || fstat(fd, &st))
		die("%s: %s", out, strerror(errno));
	if ((uint64_t)st.st_size > size)
		size = st.st_size;
	if (!size)
		die("%s: empty: give a size with -s", out);
	size = (size + blksz - 1) / blksz * blksz;
	if (scheme != SCHEME_SCSI) {
		/*
		 * Whole cylinders: QEMU gives a virtio-blk disk the sectors
		 * per track it is told (secs=12) only when the disk is a
		 * whole number of heads * secs * block size; else it rounds
		 * them down to a multiple of the block size (12 -> 8) and its
		 * firmware misplaces every block past the first track
		 */
		uint64_t cyl = (uint64_t)ECKD_HEADS * eckd_secs() * blksz;

		size = (size + cyl - 1) / cyl * cyl;
	}
	image_blocks = size / blksz;
	image = calloc(1, size);
	if (!image || pread(fd, image, st.st_size, 0) != st.st_size)
		die("%s: cannot read", out);
	if (scheme != SCHEME_SCSI && (!first_set || first < 3)) {
		first = 3;	/* IPL1, IPL2 and the label */
		first_set = 1;
	}
	if (first_set) {
		next_block = first;
		end_block = image_blocks;
	} else {
		find_free(first);
	}
	write_map();
	if (pwrite(fd, image, size, 0) != (ssize_t)size || close(fd))
		die("%s: cannot write", out);
	return 0;
}
