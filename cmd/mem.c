// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Memory commands with U-Boot's syntax and output: md, mw, cp, cmp, crc32.
 *
 * Addresses and counts are hex. Unlike U-Boot, a number that does not
 * parse is an error, not zero. Addresses are system addresses, turned into
 * pointers by map_sysmem(); on the sandbox a range must lie inside the
 * guest arena.
 */

#include <common.h>
#include <command.h>
#include <lmb.h>
#include <mapmem.h>
#include <linux/ctype.h>
#include <u-boot/crc.h>

/* Bytes shown per md line, as U-Boot's DISP_LINE_LEN. */
#define MD_LINE_BYTES	16
/* Objects md shows when no count was ever given. */
#define MD_DEFAULT_COUNT	0x40

/* md continues from here when typed bare or repeated. */
static ulong md_last_addr;
static ulong md_last_count = MD_DEFAULT_COUNT;
static int md_last_size = 4;

/*
 * Size in bytes named by the command's suffix (md.b -> 1, .w 2, .l 4, .q 8);
 * @def without a suffix; -EINVAL (after printing why) for anything else.
 */
static int mem_data_size(const char *arg, int def)
{
	const char *dot = strchr(arg, '.');

	if (!dot)
		return def;
	if (dot[1] && !dot[2]) {
		switch (dot[1]) {
		case 'b':
			return 1;
		case 'w':
			return 2;
		case 'l':
			return 4;
		case 'q':
			return 8;
		}
	}
	printf("%.*s: bad size suffix '%s' (use .b, .w, .l or .q)\n",
	       (int)(dot - arg), arg, dot);
	return -EINVAL;
}

/* 'base': added to every address md, mw, cp and cmp take, as U-Boot */
static ulong base_address;

static int mem_parse(const char *cmd, const char *what, const char *arg,
		     ulong *val)
{
	if (strict_strtoul(arg, 16, val)) {
		printf("%s: bad %s '%s' (hex number expected)\n", cmd, what, arg);
		return -EINVAL;
	}
	return 0;
}

/* An address argument of md, mw, cp or cmp: plus the base */
static int mem_parse_addr(const char *cmd, const char *what, const char *arg,
			  ulong *val)
{
	int ret = mem_parse(cmd, what, arg, val);

	*val += base_address;
	return ret;
}

/* @count objects of @size bytes, in bytes; -ERANGE if that overflows. */
static int mem_bytes(const char *cmd, ulong count, int size, ulong *bytes)
{
	if (count > (ulong)-1 / size) {
		printf("%s: count %lx is too large\n", cmd, count);
		return -ERANGE;
	}
	*bytes = count * size;
	return 0;
}

/*
 * mem_map() - check that [@addr, @addr + @len) is addressable and map it
 *
 * The pointer comes back through @ptrp: on the QEMU boards address 0 is
 * memory too (the s390 lowcore, the arm64 flash), so NULL is a valid result.
 * A range to @write must not overlap what the firmware keeps for itself
 * (lmb's reserved ranges); outside RAM (device registers) is the user's.
 * Return: 0, or -1 after printing why not.
 */
static int mem_map(const char *cmd, ulong addr, ulong len, bool write,
		   void **ptrp)
{
	const char *why;

	if (len && addr + len - 1 < addr) {
		printf("%s: range %lx+%lx wraps around the address space\n",
		       cmd, addr, len);
		return -1;
	}
	if (write && lmb_check(addr, len, &why) == -EBUSY) {
		printf("%s: range %lx+%lx would overwrite %s\n", cmd, addr,
		       len, why);
		return -1;
	}
	*ptrp = map_sysmem(addr, len);
#ifdef CONFIG_SANDBOX
	/* map_sysmem() checks the arena's bounds. */
	if (!*ptrp) {
		printf("%s: range %lx+%lx is outside memory (0-%llx)\n",
		       cmd, addr, len, (unsigned long long)sysmem_size() - 1);
		return -1;
	}
#endif
	return 0;
}

/*
 * Reads and writes of one object go through these so that an aligned
 * address is accessed with one load or store of the object's width (what
 * device registers need); an unaligned one is done bytewise in the CPU's
 * byte order, which every board can do.
 */
static u64 mem_read(const void *ptr, int size)
{
	const u8 *p = ptr;
	u64 val = 0;
	int i;

	if (IS_ALIGNED((uintptr_t)ptr, size)) {
		switch (size) {
		case 1:
			return *(volatile const u8 *)ptr;
		case 2:
			return *(volatile const u16 *)ptr;
		case 4:
			return *(volatile const u32 *)ptr;
		default:
			return *(volatile const u64 *)ptr;
		}
	}
	for (i = 0; i < size; i++) {
#ifdef CONFIG_SYS_BIG_ENDIAN
		val = (val << 8) | p[i];
#else
		val |= (u64)p[i] << (8 * i);
#endif
	}
	return val;
}

static void mem_write(void *ptr, int size, u64 val)
{
	u8 *p = ptr;
	int i;

	if (IS_ALIGNED((uintptr_t)ptr, size)) {
		switch (size) {
		case 1:
			*(volatile u8 *)ptr = val;
			return;
		case 2:
			*(volatile u16 *)ptr = val;
			return;
		case 4:
			*(volatile u32 *)ptr = val;
			return;
		default:
			*(volatile u64 *)ptr = val;
			return;
		}
	}
	for (i = 0; i < size; i++) {
#ifdef CONFIG_SYS_BIG_ENDIAN
		p[size - 1 - i] = val >> (8 * i);
#else
		p[i] = val >> (8 * i);
#endif
	}
}

/*
 * Print @count objects of @size bytes from @buf as U-Boot's print_buffer()
 * does: the address, the objects in hex, then the bytes as text; a short
 * last line is padded so that the text column lines up.
 * Return: 0, or -EINTR if Ctrl-C stopped it.
 */
static int md_print(ulong addr, const void *buf, int size, ulong count)
{
	const ulong per_line = MD_LINE_BYTES / size;
	char text[MD_LINE_BYTES + 1];
	const u8 *p = buf;

	while (count) {
		ulong n = min(count, per_line);
		ulong i;

		printf("%08lx:", addr);
		for (i = 0; i < n; i++) {
			u64 val = mem_read(p + i * size, size);
			int j;

			printf(" %0*llx", size * 2, (unsigned long long)val);
			/* Show the bytes as they are in memory, as read. */
			for (j = 0; j < size; j++) {
#ifdef CONFIG_SYS_BIG_ENDIAN
				u8 c = val >> (8 * (size - 1 - j));
#else
				u8 c = val >> (8 * j);
#endif
				text[i * size + j] = isprint(c) && c < 0x80 ?
						     c : '.';
			}
		}
		text[n * size] = '\0';
		for (; i < per_line; i++)
			printf("%*s", size * 2 + 1, "");
		printf("  %s\n", text);

		addr += n * size;
		p += n * size;
		count -= n;
		if (ctrlc())
			return -EINTR;
	}
	return 0;
}

static int do_mem_md(struct cmd_tbl *cmdtp, int flag, int argc,
		     char *const argv[])
{
	ulong addr = md_last_addr, count = md_last_count, bytes;
	int size = md_last_size;
	void *buf;

	/* A repeated md (an empty line) goes on where the last one stopped */
	if (!(flag & CMD_FLAG_REPEAT)) {
		if (argc < 2)
			return CMD_RET_USAGE;
		size = mem_data_size(argv[0], 4);
		if (size < 0)
			return CMD_RET_FAILURE;
		if (mem_parse_addr(argv[0], "address", argv[1], &addr))
			return CMD_RET_FAILURE;
		if (argc > 2 && mem_parse(argv[0], "count", argv[2], &count))
			return CMD_RET_FAILURE;
	}

	if (mem_bytes(argv[0], count, size, &bytes))
		return CMD_RET_FAILURE;
	if (mem_map(argv[0], addr, bytes, false, &buf))
		return CMD_RET_FAILURE;

	md_print(addr, buf, size, count);
	unmap_sysmem(buf);

	md_last_addr = addr + bytes;
	md_last_count = count;
	md_last_size = size;
	return CMD_RET_SUCCESS;
}

static int do_mem_mw(struct cmd_tbl *cmdtp, int flag, int argc,
		     char *const argv[])
{
	ulong addr, count = 1, bytes, i;
	unsigned long long val;
	int size;
	void *buf;

	size = mem_data_size(argv[0], 4);
	if (size < 0)
		return CMD_RET_FAILURE;
	if (argc < 3)
		return CMD_RET_USAGE;
	if (mem_parse_addr(argv[0], "address", argv[1], &addr))
		return CMD_RET_FAILURE;
	if (strict_strtoull(argv[2], 16, &val)) {
		printf("%s: bad value '%s' (hex number expected)\n", argv[0],
		       argv[2]);
		return CMD_RET_FAILURE;
	}
	if (size < 8 && val >> (size * 8)) {
		printf("%s: value %llx does not fit in %d byte%s\n", argv[0],
		       val, size, size > 1 ? "s" : "");
		return CMD_RET_FAILURE;
	}
	if (argc > 3 && mem_parse(argv[0], "count", argv[3], &count))
		return CMD_RET_FAILURE;
	if (mem_bytes(argv[0], count, size, &bytes))
		return CMD_RET_FAILURE;
	if (mem_map(argv[0], addr, bytes, true, &buf))
		return CMD_RET_FAILURE;

	for (i = 0; i < count; i++)
		mem_write((u8 *)buf + i * size, size, val);
	unmap_sysmem(buf);
	return CMD_RET_SUCCESS;
}

/* The arguments cp and cmp share: [.b, .w, .l, .q] first second count */
struct mem_pair {
	int size;
	ulong addr[2];
	ulong count;
	ulong bytes;
	void *buf[2];
};

/* cp's and cmp's arguments; -ENODATA: too few (the usage, as U-Boot) */
static int mem_pair_parse(int argc, char *const argv[], const char *name1,
			  const char *name2, struct mem_pair *p)
{
	p->size = mem_data_size(argv[0], 4);
	if (p->size < 0)
		return -EINVAL;
	if (argc < 4)
		return -ENODATA;
	if (mem_parse_addr(argv[0], name1, argv[1], &p->addr[0]) ||
	    mem_parse_addr(argv[0], name2, argv[2], &p->addr[1]) ||
	    mem_parse(argv[0], "count", argv[3], &p->count))
		return -EINVAL;
	return 0;
}

/* Map both ranges; @write: the second is written (cp's destination) */
static int mem_pair_map(const char *cmd, struct mem_pair *p, bool write)
{
	if (mem_bytes(cmd, p->count, p->size, &p->bytes) ||
	    mem_map(cmd, p->addr[0], p->bytes, false, &p->buf[0]) ||
	    mem_map(cmd, p->addr[1], p->bytes, write, &p->buf[1]))
		return -EINVAL;
	return 0;
}

static int do_mem_cp(struct cmd_tbl *cmdtp, int flag, int argc,
		     char *const argv[])
{
	struct mem_pair p;
	int ret = mem_pair_parse(argc, argv, "source", "target", &p);

	if (ret)
		return ret == -ENODATA ? CMD_RET_USAGE : CMD_RET_FAILURE;
	if (!p.count) {
		puts("Zero length ???\n");
		return CMD_RET_FAILURE;
	}
	if (mem_pair_map(argv[0], &p, true))
		return CMD_RET_FAILURE;

	memmove(p.buf[1], p.buf[0], p.bytes);
	unmap_sysmem(p.buf[0]);
	unmap_sysmem(p.buf[1]);
	return CMD_RET_SUCCESS;
}

static int do_mem_cmp(struct cmd_tbl *cmdtp, int flag, int argc,
		      char *const argv[])
{
	ulong addr1, addr2, count, ngood;
	struct mem_pair p;
	const char *type;
	void *buf1, *buf2;
	int size, ret;

	ret = mem_pair_parse(argc, argv, "address", "address", &p);
	if (ret == -ENODATA)
		return CMD_RET_USAGE;
	if (ret || mem_pair_map(argv[0], &p, false))
		return CMD_RET_FAILURE;
	size = p.size;
	addr1 = p.addr[0];
	addr2 = p.addr[1];
	count = p.count;
	buf1 = p.buf[0];
	buf2 = p.buf[1];

	type = size == 8 ? "double word" : size == 4 ? "word" :
	       size == 2 ? "halfword" : "byte";
	for (ngood = 0; ngood < count; ngood++) {
		u64 word1 = mem_read((u8 *)buf1 + ngood * size, size);
		u64 word2 = mem_read((u8 *)buf2 + ngood * size, size);

		if (word1 != word2) {
			/*
			 * U-Boot's "%#0*llx" with width @size: 0x, then the
			 * digits zero-padded to @size - 2 of them
			 */
			int digits = max(size - 2, 0);

			printf("%s at 0x%08lx (0x%0*llx) != %s at 0x%08lx (0x%0*llx)\n",
			       type, addr1 + ngood * size, digits,
			       (unsigned long long)word1, type,
			       addr2 + ngood * size, digits,
			       (unsigned long long)word2);
			break;
		}
		/* A long compare can be stopped, as U-Boot's can. */
		if (!(ngood & 0xfffff) && ctrlc())
			break;
	}
	unmap_sysmem(buf1);
	unmap_sysmem(buf2);

	printf("Total of %lu %s(s) were the same\n", ngood, type);
	return ngood == count ? CMD_RET_SUCCESS : CMD_RET_FAILURE;
}

#ifdef CONFIG_CMD_CRC32
/*
 * crc32 address count [store]  -- print the CRC, and store it big-endian
 *				   (as U-Boot's hash code does) at @store
 * crc32 -v address count crc  -- succeed if the CRC is @crc
 */
static int do_mem_crc(struct cmd_tbl *cmdtp, int flag, int argc,
		      char *const argv[])
{
	ulong addr, len, want = 0, store = 0;
	bool verify = false, do_store = false;
	void *buf;
	u32 crc;

	if (argc > 1 && !strcmp(argv[1], "-v")) {
		verify = true;
		argc--;
		argv++;
	}
	if (argc < 3 || (verify && argc < 4))
		return CMD_RET_USAGE;
	if (mem_parse("crc32", "address", argv[1], &addr) ||
	    mem_parse("crc32", "count", argv[2], &len))
		return CMD_RET_FAILURE;
	if (argc > 3) {
		if (mem_parse("crc32", verify ? "crc" : "store address",
			      argv[3], verify ? &want : &store))
			return CMD_RET_FAILURE;
		do_store = !verify;
		if (verify && want > 0xffffffffUL) {
			printf("crc32: crc '%s' has more than 32 bits\n",
			       argv[3]);
			return CMD_RET_FAILURE;
		}
	}

	if (mem_map("crc32", addr, len, false, &buf))
		return CMD_RET_FAILURE;
	crc = crc32(0, buf, len);
	unmap_sysmem(buf);

	if (verify) {
		if (crc == want)
			return CMD_RET_SUCCESS;
		printf("crc32 for %08lx ... %08lx ==> %08x != %08lx ** ERROR **\n",
		       addr, addr + len - 1, crc, want);
		return CMD_RET_FAILURE;
	}

	if (do_store) {
		void *out;

		if (mem_map("crc32", store, 4, true, &out))
			return CMD_RET_FAILURE;
		put_unaligned_be32(crc, out);
		unmap_sysmem(out);
	}
	printf("crc32 for %08lx ... %08lx ==> %08x\n", addr, addr + len - 1,
	       crc);
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	crc32, 5, 1, do_mem_crc,
	"checksum calculation",
	"address count [addr]\n"
	"    - compute CRC32 checksum [save at addr]\n"
	"crc32 -v address count crc\n"
	"    - verify crc of memory area"
);
#endif

static int do_base(struct cmd_tbl *cmdtp, int flag, int argc,
		   char *const argv[])
{
	if (argc > 2)
		return CMD_RET_USAGE;
	if (argc == 2 && mem_parse(argv[0], "offset", argv[1], &base_address))
		return CMD_RET_FAILURE;
	printf("Base Address: 0x%08lx\n", base_address);
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	base, 2, 0, do_base,
	"print or set address offset",
	"\n    - print address offset for memory commands\n"
	"base off\n    - set address offset for memory commands to 'off'"
);

U_BOOT_CMD(
	md, 3, 1, do_mem_md,
	"memory display",
	"[.b, .w, .l, .q] address [# of objects]"
);

U_BOOT_CMD(
	mw, 4, 1, do_mem_mw,
	"memory write (fill)",
	"[.b, .w, .l, .q] address value [count]"
);

U_BOOT_CMD(
	cp, 4, 1, do_mem_cp,
	"memory copy",
	"[.b, .w, .l, .q] source target count"
);

U_BOOT_CMD(
	cmp, 4, 1, do_mem_cmp,
	"memory compare",
	"[.b, .w, .l, .q] addr1 addr2 count"
);
