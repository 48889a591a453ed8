// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the FAT driver (fs/fat/fat.c) over fs/fs_dev.c.
 *
 * The input is a sparse disk, so that a small input can describe a FAT32
 * filesystem whose data area lies megabytes after its boot sector:
 *   byte 0: bits 0-1 the block size (512 << n), bits 2-5 the disk size
 *	     (64 KiB << n, up to 2 GiB), bit 6: the partition starts at
 *	     block 1 rather than 0 (the rest of the disk)
 *   then records, each a little-endian u32 byte offset, a u16 length and
 *   that many bytes (fewer if the input ends), written over a disk of
 *   zeros (records past the disk's end are cut).
 * The harness probes, prints the fatinfo line and the volume id, and
 * walks the tree: every directory (5 levels deep when fuzzing, 64 in host
 * mode) with readdir and exists, every file with size and a whole and a
 * partial read; at most 256 entries in all when fuzzing (64 KiB of each
 * file).
 *
 * What must hold besides "no crash, no hang, no leak": a read returns
 * exactly the bytes asked for and the partial read agrees with the whole
 * one; an -EIO or -ELOOP comes with an fs_set_error() sentence.
 *
 * Host mode, for test/py/tests/test_fs_fat_host.py: with FUZZ_FAT_IMAGE
 * set to an image file, the harness walks that image (FUZZ_FAT_BLKSZ: the
 * block size, default 512; FUZZ_FAT_PART: "start,size" in blocks, default
 * the whole file) and writes to stdout, for each entry in readdir order:
 *   "D <path>\n" for a directory,
 *   "F <size> <path>\n" and the file's bytes for a file,
 *   "E <errno> <path>: <message>\n" for an error,
 * after "I <fatinfo line>" and "U <volume id>" lines, and "R <reads>
 * <bytes>" (block-layer calls and bytes of the last file read) after each
 * file. It exits 0, or 1 if something went wrong (an "E" line).
 */

#include <common.h>
#include <blk.h>
#include <fat.h>
#include <fs.h>
#include <part.h>
#include "../../fs/fs_internal.h"
#include "fuzz_support.h"

#define READ_CAP	(64 << 10)	/* bytes of a file read when fuzzing */
#define MAX_ENTRIES	256
#define MAX_DEPTH	5

/* The host's C library, for the host mode */
char *getenv(const char *name);
int open(const char *path, int flags, ...);
long pread(int fd, void *buf, size_t count, long offset);
long write(int fd, const void *buf, size_t count);
long lseek(int fd, long offset, int whence);
void exit(int status) __attribute__((noreturn));
unsigned long strtoul(const char *s, char **end, int base);

struct rec {
	u64 off;
	u32 len;
	const u8 *data;
};

static struct {
	bool host;
	int fd;
	struct rec recs[4096];
	int nrec;
	struct blk_desc desc;
	struct disk_partition part;
	struct fs_driver *drv;
	int entries;
	bool failed;
	unsigned long reads, read_bytes;
	u8 *buf, *buf2;
	size_t buf_len;
} st;

int blk_read_checked(struct blk_desc *desc, lbaint_t start, lbaint_t blkcnt,
		     void *buffer)
{
	u64 off = (u64)start * desc->blksz, len = (u64)blkcnt * desc->blksz;
	int i;

	if (start > desc->lba || blkcnt > desc->lba - start)
		__builtin_trap();	/* fs_dev.c bounds every read */
	st.reads++;
	st.read_bytes += len;
	if (st.host)
		return pread(st.fd, buffer, len, off) == len ? 0 : -EIO;
	memset(buffer, 0, len);
	for (i = 0; i < st.nrec; i++) {
		const struct rec *r = &st.recs[i];
		u64 from = max(off, r->off), to = min(off + len, r->off + r->len);

		if (from < to)
			memcpy((u8 *)buffer + (from - off),
			       r->data + (from - r->off), to - from);
	}

	return 0;
}

static void out(const void *data, size_t len)
{
	const u8 *p = data;
	long n;

	while (st.host && len) {
		n = write(1, p, len);
		if (n <= 0)
			exit(2);
		p += n;
		len -= n;
	}
}

static void outf(const char *fmt, ...)
{
	char line[600];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	out(line, min_t(size_t, n, sizeof(line) - 1));
}

/* Start one operation as fs.c does: a fresh error sentence */
static void op_start(void)
{
	fs_dev_set(&st.desc, &st.part);
}

static void op_check(int ret, const char *path)
{
	const char *msg = fs_get_error();

	if ((ret == -EIO || ret == -ELOOP) && !msg)
		__builtin_trap();	/* damage must be said in words */
	if (ret && ret != -ENOENT) {
		st.failed = true;
		outf("E %d %s: %s\n", ret, path, msg ? msg : "");
	}
}

static void check_file(const char *path)
{
	loff_t size, len, got, off;
	int ret;

	op_start();
	ret = st.drv->size(path, &size);
	op_check(ret, path);
	if (ret)
		return;
	len = st.host ? size : min_t(loff_t, size, READ_CAP);
	if (len > st.buf_len)
		__builtin_trap();	/* host mode: the buffer is too small */
	op_start();
	st.reads = 0;
	st.read_bytes = 0;
	ret = st.drv->read(path, st.buf, 0, len, &got);
	op_check(ret, path);
	if (ret)
		return;
	if (got != len)
		__builtin_trap();
	outf("F %lld %s\n", (long long)size, path);
	out(st.buf, len);
	outf("R %lu %lu\n", st.reads, st.read_bytes);
	if (len < 2)
		return;
	/* a part from the middle must agree */
	off = len / 3;
	op_start();
	ret = st.drv->read(path, st.buf2, off, len / 3 + 1, &got);
	if (ret || got != min(len / 3 + 1, size - off) ||
	    memcmp(st.buf2, st.buf + off, min(got, len - off)))
		__builtin_trap();
}

/* @len: the length of the directory's path in path[] */
static void walk(int len, int depth)
{
	static char path[FS_DIRENT_NAME_LEN * 66];
	struct fs_dir_stream *dirs;
	struct fs_dirent *dent;
	int ret;

	op_start();
	ret = st.drv->opendir(path, &dirs);
	op_check(ret, path);
	if (ret)
		return;
	while (st.host || st.entries++ < MAX_ENTRIES) {
		op_start();
		ret = st.drv->readdir(dirs, &dent);
		path[len] = '\0';
		if (ret) {
			op_check(ret, path);
			break;
		}
		if (!strcmp(dent->name, ".") || !strcmp(dent->name, ".."))
			continue;
		snprintf(path + len, sizeof(path) - len, "/%s", dent->name);
		if (dent->type == FS_DT_DIR) {
			outf("D %s\n", path);
			op_start();
			if (st.drv->exists(path) != 1)
				__builtin_trap();
			if (depth < (st.host ? 64 : MAX_DEPTH))
				walk(strlen(path), depth + 1);
		} else {
			check_file(path);
		}
	}
	st.drv->closedir(dirs);
}

static void run(void)
{
	char uuid[37];
	size_t len;
	const char *info;

	op_start();
	if (st.drv->probe())
		return;
	fuzz_reset(0);
	fat_print_info();
	info = fuzz_output(&len);
	outf("I %s", info);
	st.drv->uuid(uuid);
	outf("U %s\n", uuid);
	walk(0, 0);
	st.drv->close();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *img = getenv("FUZZ_FAT_IMAGE"), *p;
	long size;

	st.drv = ll_entry_get(struct fs_driver, fat, fs_driver);
	if (!img)
		return 0;
	st.host = true;
	st.fd = open(img, 0);
	size = st.fd < 0 ? -1 : lseek(st.fd, 0, 2);
	if (size <= 0)
		exit(2);
	p = getenv("FUZZ_FAT_BLKSZ");
	st.desc.blksz = p ? strtoul(p, NULL, 0) : 512;
	st.desc.log2blksz = __builtin_ctzl(st.desc.blksz);
	st.desc.lba = size / st.desc.blksz;
	st.part.start = 0;
	st.part.size = st.desc.lba;
	p = getenv("FUZZ_FAT_PART");
	if (p) {
		char *end;

		st.part.start = strtoul(p, &end, 0);
		st.part.size = strtoul(end + 1, NULL, 0);
	}
	/* room for the largest file there can be on the image */
	st.buf_len = size;
	st.buf = malloc(size);
	st.buf2 = malloc(size);
	run();
	exit(st.failed);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	size_t pos = 1;

	if (size < 1)
		return 0;
	if (!st.buf) {
		st.buf = malloc(READ_CAP);
		st.buf2 = malloc(READ_CAP);
		st.buf_len = READ_CAP;
	}
	memset(&st.desc, 0, sizeof(st.desc));
	st.desc.blksz = 512 << (data[0] & 3);
	st.desc.log2blksz = 9 + (data[0] & 3);
	st.desc.lba = ((u64)65536 << (data[0] >> 2 & 15)) / st.desc.blksz;
	st.desc.uclass_id = UCLASS_VIRTIO;
	st.desc.type = DEV_TYPE_HARDDISK;
	memset(&st.part, 0, sizeof(st.part));
	st.part.start = data[0] >> 6 & 1;
	st.part.size = st.desc.lba - st.part.start;
	st.nrec = 0;
	while (pos + 6 <= size && st.nrec < ARRAY_SIZE(st.recs)) {
		struct rec *r = &st.recs[st.nrec++];

		r->off = get_unaligned_le32(data + pos) +
			 (u64)st.part.start * st.desc.blksz;
		r->len = min_t(size_t, get_unaligned_le16(data + pos + 4),
			       size - pos - 6);
		r->data = data + pos + 6;
		pos += 6 + r->len;
	}
	st.entries = 0;
	run();

	return 0;
}
