// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the ISO 9660 filesystem (fs/iso9660/) and the ISO
 * partition type (disk/part_iso.c), and a host-side reader of real
 * images for test/py/tests/test_fs_iso_host.py.
 *
 * Fuzzing: the first byte picks the block size (bit 0: 512 or 2048) and
 * whether the medium is a partition starting at block 4 (bit 1); the rest
 * is the volume in chunks, so that a seed is a few KiB where the image is
 * mostly zeros: each chunk is a sector number (1 byte, counted from
 * sector 16: the system area is zeros), a length (2 bytes, little-endian)
 * and that many bytes, placed there (later chunks over earlier ones). The
 * partition table is listed, then the filesystem probed, its tree walked
 * with readdir (bounded: 8 levels, 200 entries), every entry's size
 * taken, every file read whole and in part, and some paths looked up.
 * What must hold besides "no crash, no hang, no leak": reads stay inside
 * the partition, names are non-empty without '/', a read returns no more
 * than asked, and an -EIO comes with fs_set_error()'s sentence (the
 * device never fails here).
 *
 * Host mode: with ISO_IMAGE=<file> in the environment the program reads
 * that image instead (ISO_BLKSZ=512|2048, ISO_PART=<n>, 0 for the whole
 * device) and prints the partition table, "uuid <uuid>", then one line
 * per entry of the tree: "d <path>", "f <path> <size> <crc32>", and for
 * a symbolic link "l <path>" followed by what it leads to (" dir", " <size>
 * <crc32>" or " error <n>"); then, for each path of ISO_PATHS (separated
 * by ':'), "p <path>" and what it leads to; then exits.
 */

#include <common.h>
#include <blk.h>
#include <fs.h>
#include <part.h>
#include <u-boot/crc.h>
#include "../../fs/fs_internal.h"
#include "fuzz_support.h"

/* From the host's libc */
extern char *getenv(const char *name);
extern int fputs(const char *s, void *stream);
extern void *stdout;
extern int open(const char *path, int flags, ...);
extern long pread(int fd, void *buf, size_t len, long off);
extern long lseek(int fd, long off, int whence);
extern void exit(int status);
extern int atoi(const char *s);

#define SYSTEM_AREA	(16 * 2048)
#define PART_START	4		/* blocks, with bit 1 of the flags */
#define MAX_DEPTH	8
#define MAX_ENTRIES	200
#define READ_MAX	(256 * 1024)

static const u8 *disk;
static int host_fd = -1;
static bool host;
static int budget;
static u8 *rbuf;
static char *lookups;

/* fs_dev.c's writes (for the FAT writer): ISO 9660 never writes */
int blk_write_checked(struct blk_desc *desc, lbaint_t start, lbaint_t blkcnt,
		      const void *buffer)
{
	__builtin_trap();
}

int blk_read_checked(struct blk_desc *desc, lbaint_t start, lbaint_t blkcnt,
		     void *buffer)
{
	size_t len = blkcnt * desc->blksz;

	if (start > desc->lba || blkcnt > desc->lba - start)
		__builtin_trap();	/* fs_devread() bounds every read */
	if (host_fd >= 0)
		return pread(host_fd, buffer, len, start * desc->blksz) ==
		       (long)len ? 0 : -EIO;
	memcpy(buffer, disk + start * desc->blksz, len);

	return 0;
}

/* Not reached from the parsers; part.c refers to them */
enum uclass_id blk_get_uclass_id(const char *uclass_idname)
{
	return UCLASS_INVALID;
}

const char *blk_get_uclass_name(enum uclass_id uclass_id)
{
	return "scsi";
}

struct blk_desc *blk_get_devnum_by_uclass_idname(const char *uclass_idname,
						 int devnum)
{
	return NULL;
}

int strict_strtoul(const char *cp, unsigned int base, unsigned long *res)
{
	return -EINVAL;
}

static void out(const char *fmt, ...)
{
	char line[1024];
	va_list args;

	if (!host && !fuzz_verbose())
		return;
	va_start(args, fmt);
	vsnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	if (host)
		fputs(line, stdout);
	else
		printf("%s", line);
}

/* An invariant broke: say which (FUZZ_VERBOSE) and stop */
#define fail(why)							\
	do {								\
		if (fuzz_verbose())					\
			printf("invariant: %s\n", why);		\
		__builtin_trap();					\
	} while (0)

static const struct fs_driver *iso_driver(void)
{
	struct fs_driver *drv;

	ll_foreach(struct fs_driver, drv, fs_driver) {
		if (drv->fstype == FS_TYPE_ISO)
			return drv;
	}
	__builtin_trap();
}

/* An error must say why when the device did not fail */
static void check_err(int ret)
{
	if (ret == -EIO && !fs_get_error())
		fail("-EIO without a reason");
}

/* Size and contents of @path (links followed): print or check them */
static void file(const struct fs_driver *drv, const char *path)
{
	loff_t size, got, got2;
	u32 crc;
	int ret;

	ret = drv->size(path, &size);
	check_err(ret);
	if (ret) {
		out(" error %d\n", ret);
		return;
	}
	if (size < 0)
		fail("negative size");
	if (host) {
		free(rbuf);
		rbuf = malloc(2 * size + 1);
		if (!rbuf)
			exit(1);
	} else if (size > READ_MAX) {
		size = READ_MAX;	/* the head, and a piece further on */
	}
	ret = drv->read(path, rbuf, 0, size, &got);
	check_err(ret);
	if (ret == -EISDIR) {
		out(" dir\n");
		return;
	}
	if (ret) {
		out(" error %d\n", ret);
		return;
	}
	if (got != size)
		fail("short read");
	crc = crc32(0, rbuf, got);
	out(" %lld %08x\n", (long long)size, crc);
	/* a piece from the middle matches the whole */
	if (size > 2) {
		ret = drv->read(path, rbuf + size, size / 3, size / 3, &got2);
		check_err(ret);
		if (!ret && (got2 != size / 3 ||
			     memcmp(rbuf + size / 3, rbuf + size, got2)))
			fail("a read from an offset differs");
	}
}

/* Is names[@i] the only one of its name (a look-up finds the first)? */
static bool unique(char (*names)[FS_DIRENT_NAME_LEN], int n, int i)
{
	int j;

	for (j = 0; j < n; j++) {
		if (j != i && !strcasecmp(names[i], names[j]))
			return false;
	}
	return true;
}

static void walk(const struct fs_driver *drv, const char *dir, int depth)
{
	struct fs_dir_stream *ds;
	struct fs_dirent *d;
	char (*names)[FS_DIRENT_NAME_LEN];
	unsigned int *types;
	char path[1024];
	int i, n = 0, ret;

	ret = drv->opendir(dir, &ds);
	check_err(ret);
	if (ret)
		return;
	names = malloc(MAX_ENTRIES * sizeof(*names));
	types = malloc(MAX_ENTRIES * sizeof(*types));
	while (n < MAX_ENTRIES && !(ret = drv->readdir(ds, &d))) {
		if (!d->name[0] || strchr(d->name, '/') ||
		    strnlen(d->name, FS_DIRENT_NAME_LEN) >= FS_DIRENT_NAME_LEN)
			fail("bad name");
		if (d->type != FS_DT_DIR && d->type != FS_DT_REG &&
		    d->type != FS_DT_LNK)
			fail("bad type");
		strcpy(names[n], d->name);
		types[n++] = d->type;
	}
	check_err(ret);
	drv->closedir(ds);
	for (i = 0; i < n && (host || budget-- > 0); i++) {
		if (snprintf(path, sizeof(path), "%s%s%s", dir,
			     dir[1] ? "/" : "", names[i]) >= sizeof(path))
			continue;	/* longer than a path can be */
		if (types[i] == FS_DT_DIR) {
			out("d %s\n", path);
			if (unique(names, n, i) && !drv->exists(path))
				fail("a directory listed does not exist");
			if (depth < (host ? 4 * MAX_DEPTH : MAX_DEPTH))
				walk(drv, path, depth + 1);
		} else {
			out("%c %s", types[i] == FS_DT_LNK ? 'l' : 'f', path);
			file(drv, path);
		}
	}
	free(names);
	free(types);
}

static void run(struct blk_desc *desc, int part)
{
	static const char * const paths[] = {
		"/", "..", "/a/../b", "//x//y/", "/.", "/./..", "boot",
	};
	const struct fs_driver *drv = iso_driver();
	struct disk_partition info;
	char uuid[64];
	loff_t size;
	size_t len;
	unsigned int i;
	int ret;

	part_init(desc);
	part_print(desc);
	if (host)
		out("%s", fuzz_output(&len));
	if (part) {
		if (part_get_info(desc, part, &info))
			return;
		if (info.start + info.size > desc->lba ||
		    info.start + info.size < info.start)
			return;
	} else {
		part_get_info_whole_disk(desc, &info);
	}
	fs_dev_set(desc, &info);
	ret = drv->probe();
	check_err(ret);
	if (ret) {
		out("probe %d %s\n", ret, fs_get_error() ?: "");
		return;
	}
	if (!drv->uuid(uuid)) {
		if (strnlen(uuid, sizeof(uuid)) > 36)
			fail("uuid too long");
		out("uuid %s\n", uuid);
	}
	budget = MAX_ENTRIES;
	walk(drv, "/", 0);
	if (host && lookups) {
		char *p, *q;

		for (p = lookups; p; p = q) {
			q = strchr(p, ':');
			if (q)
				*q++ = '\0';
			out("p %s", p);
			file(drv, p);
		}
	}
	for (i = 0; i < ARRAY_SIZE(paths) && !host; i++) {
		check_err(drv->size(paths[i], &size));
		drv->exists(paths[i]);
	}
	drv->close();
}

static struct blk_desc *make_desc(unsigned long blksz, u64 bytes)
{
	static struct blk_desc desc;

	memset(&desc, 0, sizeof(desc));
	desc.blksz = blksz;
	desc.log2blksz = blksz == 512 ? 9 : 11;
	desc.uclass_id = UCLASS_SCSI;
	desc.type = DEV_TYPE_HARDDISK;
	desc.lba = bytes / blksz;

	return &desc;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *img = getenv("ISO_IMAGE");
	const char *bs = getenv("ISO_BLKSZ");
	const char *part = getenv("ISO_PART");
	struct blk_desc *desc;
	long bytes;

	rbuf = malloc(2 * READ_MAX);
	if (!img)
		return 0;
	host = true;
	lookups = getenv("ISO_PATHS");
	host_fd = open(img, 0);
	if (host_fd < 0) {
		out("cannot open %s\n", img);
		exit(1);
	}
	bytes = lseek(host_fd, 0, 2);
	desc = make_desc(bs && !strcmp(bs, "2048") ? 2048 : 512, bytes);
	run(desc, part ? atoi(part) : 0);
	exit(0);
	return 0;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	unsigned long blksz, shift;
	struct blk_desc *desc;
	size_t i, n, end = 0;
	u64 bytes;
	u8 *img;

	if (size < 1 || size > 65537)
		return 0;
	fuzz_reset(0);
	blksz = data[0] & 1 ? 2048 : 512;
	shift = data[0] & 2 ? PART_START * blksz : 0;
	for (i = 1; i + 3 <= size; i += 3 + n) {
		n = min_t(size_t, get_unaligned_le16(data + i + 1),
			  size - i - 3);
		end = max_t(size_t, end, data[i] * 2048 + n);
	}
	bytes = shift + SYSTEM_AREA + ALIGN(end, 2048);
	img = calloc(1, bytes);
	if (!img)
		return 0;
	for (i = 1; i + 3 <= size; i += 3 + n) {
		n = min_t(size_t, get_unaligned_le16(data + i + 1),
			  size - i - 3);
		memcpy(img + shift + SYSTEM_AREA + data[i] * 2048,
		       data + i + 3, n);
	}
	disk = img;
	desc = make_desc(blksz, bytes);
	if (shift) {
		/* a partition from block 4 on: a DOS table saying so */
		img[446 + 4] = 0x83;
		put_unaligned_le32(PART_START, img + 446 + 8);
		put_unaligned_le32(desc->lba - PART_START, img + 446 + 12);
		img[510] = 0x55;
		img[511] = 0xaa;
	}
	run(desc, shift ? 1 : 0);
	free(img);

	return 0;
}
