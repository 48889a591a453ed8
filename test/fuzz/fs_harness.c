// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The libFuzzer harness of a filesystem driver over fs/fs_dev.c, shared
 * by the targets that include it (fuzz_fat.c, fuzz_ext4.c), which define
 *   FSH_DRIVER	the driver's linker-list name (fat, ext4)
 *   FSH_ENV(x)	the host mode's variable names ("FUZZ_FAT_" x)
 *   FSH_INFO()	(optional) print the driver's info line ("I" below)
 *
 * The input is a sparse disk, so that a small input can describe a filesystem
 * whose metadata lies megabytes apart (a FAT32 data area, ext4 block
 * groups):
 *   byte 0: bits 0-1 the block size (512 << n), bits 2-5 the disk size
 *	     (64 KiB << n, up to 2 GiB), bit 6: the partition starts at
 *	     block 1 rather than 0 (the rest of the disk)
 *   then records, each a little-endian u32 byte offset, a u16 length and
 *   that many bytes (fewer if the input ends), written over a disk of
 *   zeros (records past the disk's end are cut).
 * The harness probes, prints the info line and the volume id, and
 * walks the tree: every directory (5 levels deep when fuzzing, 64 in host
 * mode) with readdir and exists, every file with size and a whole and a
 * partial read; at most 96 entries in all when fuzzing (16 KiB of each
 * file, and its last 4 KiB). The first 4 MiB of the disk are kept as a
 * flat buffer (only the last input's records are zeroed again), so that a
 * block read is a memcpy.
 *
 * What must hold besides "no crash, no hang, no leak": a read returns
 * exactly the bytes asked for and the partial read agrees with the whole
 * one; an -EIO or -ELOOP comes with an fs_set_error() sentence.
 *
 * Host mode, for test/py/tests/test_fs_*_host.py: with FUZZ_<FS>_IMAGE
 * set to an image file, the harness walks that image (FUZZ_<FS>_BLKSZ: the
 * block size, default 512; FUZZ_<FS>_PART: "start,size" in blocks, default
 * the whole file) and writes to stdout, for each entry in readdir order:
 *   "D <path>\n" for a directory,
 *   "F <size> <path>\n" and the file's bytes for a file,
 *   "E <errno> <path>: <message>\n" for an error,
 * after "I <info line>" (FAT: fatinfo's) and "U <volume id>" lines, and "R <reads>
 * <bytes>" (block-layer calls and bytes of the last file read) after each
 * file. It exits 0, or 1 if something went wrong (an "E" line).
 */

#include <common.h>
#include <blk.h>
#include <fs.h>
#include <part.h>
#include "../../fs/fs_internal.h"
#include "fuzz_support.h"

/* (FSH_DRIVER expanded before ll_entry_get() pastes it) */
#define FSH_GET(name)	ll_entry_get(struct fs_driver, name, fs_driver)
#define READ_CAP	(16 << 10)	/* bytes of a file read when fuzzing */
#define TAIL_LEN	4096		/* and at its end */
#define MAX_ENTRIES	96
#define FLAT_SIZE	(4 << 20)	/* disk bytes kept flat when fuzzing */
#define MAX_DEPTH	5

/* The host's C library, for the host mode */
char *getenv(const char *name);
int open(const char *path, int flags, ...);
long pread(int fd, void *buf, size_t count, long offset);
long write(int fd, const void *buf, size_t count);
long lseek(int fd, long offset, int whence);
void exit(int status) __noreturn;
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
	u8 *flat;		/* the disk's first FLAT_SIZE bytes */
	bool far;		/* a record lies (partly) past them */
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
	/* the first FLAT_SIZE bytes of the disk are kept flat */
	if (!st.far && off + len <= FLAT_SIZE) {
		memcpy(buffer, st.flat + off, len);
		return 0;
	}
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

/* fs_dev.c's writes (the FAT writer is linked, never called) */
int blk_write_checked(struct blk_desc *desc, lbaint_t start, lbaint_t blkcnt,
		      const void *buffer)
{
	__builtin_trap();
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

	/* damage must be said in words */
	if ((ret == -EIO || ret == -ELOOP) && !msg) {
		if (getenv("FSH_DEBUG"))
			write(2, path, strlen(path) + 1);
		__builtin_trap();
	}
	/* (a link may dangle or name a directory) */
	if (ret && ret != -ENOENT && ret != -EISDIR) {
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
	if (len > st.buf_len) {
		if (!st.host)
			__builtin_trap();
		/* host mode: a sparse file larger than the image */
		free(st.buf);
		free(st.buf2);
		st.buf = malloc(len);
		st.buf2 = malloc(len);
		st.buf_len = len;
		if (!st.buf || !st.buf2)
			exit(2);
	}
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
	/* fuzzing: the end of a larger file (its last blocks' mapping) */
	if (st.host || size <= len)
		return;
	off = size - min_t(loff_t, size - len, TAIL_LEN);
	op_start();
	ret = st.drv->read(path, st.buf2, off, 0, &got);
	op_check(ret, path);
	if (!ret && got != size - off)
		__builtin_trap();
}

/*
 * Whether @name is the only entry of that name (case aside: FAT) in the
 * directory @path[0..@len), and short enough not to have been cut to fit
 * struct fs_dirent: only such a directory must be found by its path (a
 * look-up finds the first of equal names)
 */
static bool name_unique(const char *path, int len, const char *name)
{
	struct fs_dir_stream *dirs;
	struct fs_dirent *dent;
	char *dir = malloc(len + 1);
	int same = 0, i;

	if (!dir || strlen(name) >= FS_DIRENT_NAME_LEN - 4)
		goto out;
	memcpy(dir, path, len);
	dir[len] = '\0';
	op_start();
	if (st.drv->opendir(dir, &dirs))
		goto out;
	for (i = 0; i < 4096; i++) {
		op_start();
		if (st.drv->readdir(dirs, &dent))
			break;
		same += !strcasecmp(dent->name, name);
	}
	st.drv->closedir(dirs);
out:
	free(dir);

	return same == 1;
}

/* @len: the length of the directory's path in path[] */
static void walk(int len, int depth)
{
	static char path[FS_DIRENT_NAME_LEN * 66];
	struct fs_dir_stream *dirs;
	struct fs_dirent *dent;
	int ret;

	path[len] = '\0';	/* (the root: what the last input left) */
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
			if (st.drv->exists(path) != 1 &&
			    name_unique(path, len, dent->name)) {
				if (getenv("FSH_DEBUG"))
					write(2, path, strlen(path) + 1);
				__builtin_trap();
			}
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
#ifdef FSH_INFO
	size_t len;
	const char *info;
#endif

	op_start();
	if (st.drv->probe())
		return;
#ifdef FSH_INFO
	fuzz_reset(0);
	FSH_INFO();
	info = fuzz_output(&len);
	outf("I %s", info);
#endif
	st.drv->uuid(uuid);
	outf("U %s\n", uuid);
	walk(0, 0);
	st.drv->close();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *img = getenv(FSH_ENV("IMAGE")), *p;
	long size;

	st.drv = FSH_GET(FSH_DRIVER);
	if (!img)
		return 0;
	st.host = true;
	st.fd = open(img, 0);
	size = st.fd < 0 ? -1 : lseek(st.fd, 0, 2);
	if (size <= 0)
		exit(2);
	p = getenv(FSH_ENV("BLKSZ"));
	st.desc.blksz = p ? strtoul(p, NULL, 0) : 512;
	st.desc.log2blksz = __builtin_ctzl(st.desc.blksz);
	st.desc.lba = size / st.desc.blksz;
	st.part.start = 0;
	st.part.size = st.desc.lba;
	p = getenv(FSH_ENV("PART"));
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
	int i;

	if (size < 1)
		return 0;
	if (!st.buf) {
		st.flat = calloc(1, FLAT_SIZE);
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
	/* the last input's bytes in the flat image back to zeros */
	for (i = 0; i < st.nrec; i++) {
		const struct rec *r = &st.recs[i];

		if (r->off < FLAT_SIZE)
			memset(st.flat + r->off, 0,
			       min_t(u64, r->len, FLAT_SIZE - r->off));
	}
	st.nrec = 0;
	st.far = false;
	while (pos + 6 <= size && st.nrec < ARRAY_SIZE(st.recs)) {
		struct rec *r = &st.recs[st.nrec++];

		r->off = get_unaligned_le32(data + pos) +
			 (u64)st.part.start * st.desc.blksz;
		r->len = min_t(size_t, get_unaligned_le16(data + pos + 4),
			       size - pos - 6);
		r->data = data + pos + 6;
		pos += 6 + r->len;
		if (r->off < FLAT_SIZE)
			memcpy(st.flat + r->off, r->data,
			       min_t(u64, r->len, FLAT_SIZE - r->off));
		if (r->off + r->len > FLAT_SIZE)
			st.far = true;
	}
	st.entries = 0;
	run();

	return 0;
}
