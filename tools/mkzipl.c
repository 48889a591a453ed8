// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mkzipl: write a zipl boot map (SCSI scheme) into a disk image, on any
 * host. s390-tools' zipl only runs on s390 and needs the kernel's
 * block-mapping ioctls; mkzipl writes the whole map itself.
 *
 *   mkzipl -o IMAGE [-b 512|4096] [-s SIZE] [-p BLOCK] [-t scsi|cdl|ldl]
 *          -k KERNEL [-i INITRD] [-c CMDLINE]   (one entry; repeat)
 *          [-e]                                 (an empty slot)
 *          [-l FILE@ADDR ... -x PSW]            (a raw entry)
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
 * image a whole number of cylinders.
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
#define MAX_COMPONENTS		8
#define EXTENT_BYTES		(1024 * 1024)	/* data per block pointer */
#define COMP_EXEC		1
#define COMP_LOAD		2

struct blockptr {
	uint64_t blockno;
	uint16_t size;
	uint16_t blockct;
	uint8_t reserved[4];
} __attribute__((packed));

struct component {
	uint8_t *data;
	uint64_t len;
	uint64_t addr;
};

struct entry {
	int empty;
	int ncomp;
	struct component comp[MAX_COMPONENTS];
	uint64_t psw;
	const char *initrd;
	const char *cmdline;
	int linux_image;
};

enum scheme { SCHEME_SCSI, SCHEME_CDL, SCHEME_LDL };

static const char *prog = "mkzipl";
static unsigned int blksz = 512;
static enum scheme scheme = SCHEME_SCSI;
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

static void add_component(struct entry *e, uint8_t *data, uint64_t len,
			  uint64_t addr)
{
	if (e->ncomp == MAX_COMPONENTS)
		die("at most %d components in an entry", MAX_COMPONENTS);
	if (!len)
		die("empty component at 0x%llx", (unsigned long long)addr);
	e->comp[e->ncomp++] = (struct component){ data, len, addr };
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

/* Initrd placement and command line go into the kernel's parameter area */
static void finish_linux(struct entry *e)
{
	struct component *k = &e->comp[0];
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

/* A block pointer of the scheme: 16 bytes, count blocks from blockno */
static void set_ptr(struct blockptr *p, uint64_t blockno, uint64_t count)
{
	uint8_t *b = (uint8_t *)p;
	uint64_t spt = eckd_secs(), cyl, rem;
	uint16_t v;

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
	v = htobe16(cyl & 0xffff);
	memcpy(b, &v, 2);
	v = htobe16((rem / spt) | ((cyl >> 16) << 4));
	memcpy(b + 2, &v, 2);
	b[4] = rem % spt + 1;
	v = htobe16(blksz);
	memcpy(b + 5, &v, 2);
	b[7] = count - 1;
}

/* Write the data, then its block list; return the list's first block */
static uint64_t write_component(const struct component *c)
{
	uint64_t nblk = (c->len + blksz - 1) / blksz;
	uint64_t per_ext = EXTENT_BYTES / blksz;

	if (scheme != SCHEME_SCSI && per_ext > 256)
		per_ext = 256;	/* an ECKD pointer counts in one byte */
	uint64_t next = (nblk + per_ext - 1) / per_ext;
	unsigned int slots = blksz / sizeof(struct blockptr);
	/* per list block: slots - 1 data pointers; the last continues */
	uint64_t nlist = (next + slots - 2) / (slots - 1);
	uint64_t data = alloc_blocks(nblk), list = alloc_blocks(nlist);
	uint64_t e, l, blk = data;

	memcpy(image + data * blksz, c->data, c->len);
	memset(image + data * blksz + c->len, 0, nblk * blksz - c->len);
	memset(image + list * blksz, 0, nlist * blksz);
	for (l = 0, e = 0; l < nlist; l++) {
		struct blockptr *p = (void *)(image + (list + l) * blksz);
		unsigned int i;

		for (i = 0; i < slots - 1 && e < next; i++, e++) {
			uint64_t cnt = nblk - (blk - data);

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
	p[5] = 0;		/* IPL */
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

static void write_map(void)
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
		ct[4] = 0;	/* IPL */
		for (c = 0; c < e->ncomp; c++) {
			uint8_t *ent = ct + 32 * (c + 1);
			uint64_t list = write_component(&e->comp[c]);

			set_ptr((void *)ent, list, 1);
			ent[23] = COMP_LOAD;
			*(uint64_t *)(ent + 24) = htobe64(e->comp[c].addr);
		}
		ct[32 * (c + 1) + 23] = COMP_EXEC;
		*(uint64_t *)(ct + 32 * (c + 1) + 24) = htobe64(e->psw);
		set_ptr(&pt[n + 1], ctblk, 1);
	}
	if (scheme == SCHEME_SCSI) {
		/* Block 0: magic, version 1, program table pointer */
		memcpy(image, "zIPL", 4);
		*(uint32_t *)(image + 4) = htobe32(1);
		memset(image + 8, 0, 8);
		set_ptr((void *)(image + 16), table, 1);
		return;
	}
	write_eckd_labels(table);
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
		"       { -k KERNEL [-i INITRD] [-c CMDLINE] | -e |\n"
		"         -l FILE@ADDR [-l FILE@ADDR...] -x PSW } ...\n"
		"  -o  the image (created, or written into if it exists)\n"
		"  -b  block size of the disk (default 512)\n"
		"  -s  size to create or grow the image to\n"
		"  -p  first block mkzipl may use (default: largest free gap)\n"
		"  -t  scheme: scsi (default), cdl or ldl (ECKD DASD image)\n"
		"  -k  a Linux entry: kernel image (S390EP or raw at 0x10000)\n"
		"  -i  its initrd   -c  its command line\n"
		"  -e  an empty program table slot\n"
		"  -l  a raw entry: load FILE at ADDR   -x  its PSW\n",
		prog);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *out = NULL;
	uint64_t size = 0, first = 1;
	int first_set = 0, opt, fd, n;
	struct stat st;

	while ((opt = getopt(argc, argv, "o:b:s:p:t:k:i:c:el:x:h")) != -1) {
		switch (opt) {
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
