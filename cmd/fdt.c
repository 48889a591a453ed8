// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * fdt: look at and edit a device tree in memory before a boot, as U-Boot's
 * fdt command does for scripts: addr, header, print, list, set, mknode,
 * rm, chosen, resize. The working tree is the one 'fdt addr' named (also
 * $fdtaddr); edits need room in it ('fdt addr <addr> <size>' or
 * 'fdt resize').
 */

#include <common.h>
#include <bootm.h>
#include <command.h>
#include <env.h>
#include <errno.h>
#include <fdt.h>
#include <lmb.h>
#include <mapmem.h>
#include <linux/byteorder.h>
#include <linux/ctype.h>

#define FDT_MAX_PROP	1024	/* the most bytes 'fdt set' builds */

static ulong working_addr;

static void *working_fdt(void)
{
	void *fdt;

	if (!working_addr) {
		puts("No FDT memory address configured. Please configure\n"
		     "the FDT address via \"fdt addr <address>\" command.\n");
		return NULL;
	}
	fdt = map_sysmem(working_addr, sizeof(struct fdt_header));
	if (!fdt || fdt_check(fdt, fdt_totalsize(fdt))) {
		printf("The working FDT at 0x%lx is no longer a device tree\n",
		       working_addr);
		return NULL;
	}
	return fdt;
}

static int set_working(ulong addr, ulong size)
{
	void *fdt = map_sysmem(addr, sizeof(struct fdt_header));
	int ret;

	if (!fdt || lmb_check(addr, sizeof(struct fdt_header), NULL) ==
	    -EFAULT || fdt_check(fdt, fdt_totalsize(fdt)) ||
	    lmb_check(addr, fdt_totalsize(fdt), NULL) == -EFAULT) {
		printf("libfdt fdt_check_header(): FDT_ERR_BADMAGIC\n");
		return CMD_RET_FAILURE;
	}
	if (size) {
		if (lmb_check(addr, size, NULL)) {
			printf("fdt: 0x%lx bytes at 0x%lx are not free memory\n",
			       size, addr);
			return CMD_RET_FAILURE;
		}
		ret = fdt_open_into(fdt, map_sysmem(addr, size), size);
		if (ret) {
			printf("libfdt fdt_open_into(): %s\n", errno_str(ret));
			return CMD_RET_FAILURE;
		}
	}
	working_addr = addr;
	env_set_hex("fdtaddr", addr);
	return CMD_RET_SUCCESS;
}

/* Is @val a list of printable NUL-terminated strings? */
static bool is_strings(const u8 *val, int len)
{
	int i, start = 0;

	if (!len || val[len - 1])
		return false;
	for (i = 0; i < len; i++) {
		if (!val[i]) {
			if (i == start)
				return false;	/* an empty string */
			start = i + 1;
		} else if (!isprint(val[i])) {
			return false;
		}
	}
	return true;
}

static void print_value(const u8 *val, int len)
{
	int i;

	if (!len) {
		puts(";\n");
		return;
	}
	puts(" = ");
	if (is_strings(val, len)) {
		for (i = 0; i < len; i += strlen((const char *)val + i) + 1)
			printf("%s\"%s\"", i ? ", " : "", val + i);
	} else if (len % 4 == 0) {
		putc('<');
		for (i = 0; i < len; i += 4)
			printf("%s0x%08x", i ? " " : "",
			       get_unaligned_be32(val + i));
		putc('>');
	} else {
		putc('[');
		for (i = 0; i < len; i++)
			printf("%s%02x", i ? " " : "", val[i]);
		putc(']');
	}
	puts(";\n");
}

static void indent(int depth)
{
	while (depth-- > 0)
		putc('\t');
}

/* A node with its properties, and its children to @maxdepth levels */
static int print_node(const void *fdt, int node, int depth, int maxdepth)
{
	const char *name, *pname;
	const void *val;
	int prop, child, len;

	name = fdt_get_name(fdt, node, NULL);
	if (!name)
		return -EINVAL;
	indent(depth);
	printf("%s {\n", *name ? name : "/");
	for (prop = fdt_first_property_offset(fdt, node); prop >= 0;
	     prop = fdt_next_property_offset(fdt, prop)) {
		val = fdt_getprop_by_offset(fdt, prop, &pname, &len);
		if (!val)
			break;
		indent(depth + 1);
		puts(pname);
		print_value(val, len);
	}
	if (depth < maxdepth) {
		for (child = fdt_first_subnode(fdt, node); child >= 0;
		     child = fdt_next_subnode(fdt, child))
			print_node(fdt, child, depth + 1, maxdepth);
	}
	indent(depth);
	puts("};\n");
	return 0;
}

static int find(const void *fdt, const char *path)
{
	int node = fdt_path_offset(fdt, path);

	if (node < 0)
		printf("libfdt fdt_path_offset() returned %s\n",
		       node == -ENOENT ? "FDT_ERR_NOTFOUND" : "FDT_ERR_BADPATH");
	return node;
}

static int do_print(void *fdt, int argc, char *const argv[], int maxdepth)
{
	const void *val;
	int node, len;

	node = find(fdt, argc > 0 ? argv[0] : "/");
	if (node < 0)
		return CMD_RET_FAILURE;
	if (argc < 2)
		return print_node(fdt, node, 0, maxdepth) ? CMD_RET_FAILURE :
							    CMD_RET_SUCCESS;
	val = fdt_getprop(fdt, node, argv[1], &len);
	if (!val) {
		printf("libfdt fdt_getprop(): FDT_ERR_NOTFOUND\n");
		return CMD_RET_FAILURE;
	}
	puts(argv[1]);
	print_value(val, len);
	return CMD_RET_SUCCESS;
}

/* The value of 'fdt set': <cells>, [bytes] or strings, as U-Boot parses */
static int build_value(int argc, char *const argv[], u8 *buf, int *lenp)
{
	const char *s;
	char *end;
	int len = 0, i, n;

	if (!argc)
		goto out;
	if (argv[0][0] == '<' || argv[0][0] == '[') {
		char open = argv[0][0], close = open == '<' ? '>' : ']';

		for (i = 0; i < argc; i++) {
			for (s = argv[i] + (i ? 0 : 1); *s && *s != close;) {
				ulong v = simple_strtoul(s, &end, open == '<' ? 0 : 16);

				if (end == s)
					return -EINVAL;
				n = open == '<' ? 4 : 1;
				if (len + n > FDT_MAX_PROP)
					return -E2BIG;
				if (n == 4)
					put_unaligned_be32(v, buf + len);
				else
					buf[len] = v;
				len += n;
				s = end;
				while (*s == ' ')
					s++;
			}
			if (*s == close)
				goto out;
		}
		return -EINVAL;		/* never closed */
	}
	for (i = 0; i < argc; i++) {
		n = strlen(argv[i]) + 1;
		if (len + n > FDT_MAX_PROP)
			return -E2BIG;
		memcpy(buf + len, argv[i], n);
		len += n;
	}
out:
	*lenp = len;
	return 0;
}

static int do_fdt(struct cmd_tbl *cmdtp, int flag, int argc,
		  char *const argv[])
{
	static u8 val[FDT_MAX_PROP];
	const char *cmd;
	void *fdt;
	ulong addr, size = 0;
	int node, len, ret;

	if (argc < 2)
		return CMD_RET_USAGE;
	cmd = argv[1];
	argc -= 2;
	argv += 2;

	if (!strcmp(cmd, "addr")) {
		while (argc && argv[0][0] == '-') {	/* -c, -q: one tree here */
			argc--;
			argv++;
		}
		if (!argc) {
			printf("The address of the fdt is %#08lx\n", working_addr);
			return CMD_RET_SUCCESS;
		}
		if (strict_strtoul(argv[0], 16, &addr) ||
		    (argc > 1 && strict_strtoul(argv[1], 16, &size)))
			return CMD_RET_USAGE;
		return set_working(addr, size);
	}

	fdt = working_fdt();
	if (!fdt)
		return CMD_RET_FAILURE;
	if (!strcmp(cmd, "print"))
		return do_print(fdt, argc, argv, FDT_MAX_DEPTH);
	if (!strcmp(cmd, "list"))
		return do_print(fdt, argc, argv, 1);
	if (!strcmp(cmd, "header")) {
		const struct fdt_header *h = fdt;

		printf("magic:\t\t\t0x%x\n", be32_to_cpu(h->magic));
		printf("totalsize:\t\t0x%x (%u)\n", be32_to_cpu(h->totalsize),
		       be32_to_cpu(h->totalsize));
		printf("off_dt_struct:\t\t0x%x\n", be32_to_cpu(h->off_dt_struct));
		printf("off_dt_strings:\t\t0x%x\n", be32_to_cpu(h->off_dt_strings));
		printf("off_mem_rsvmap:\t\t0x%x\n", be32_to_cpu(h->off_mem_rsvmap));
		printf("version:\t\t%u\n", be32_to_cpu(h->version));
		printf("last_comp_version:\t%u\n",
		       be32_to_cpu(h->last_comp_version));
		printf("boot_cpuid_phys:\t0x%x\n", be32_to_cpu(h->boot_cpuid_phys));
		printf("size_dt_strings:\t0x%x\n", be32_to_cpu(h->size_dt_strings));
		printf("size_dt_struct:\t\t0x%x\n", be32_to_cpu(h->size_dt_struct));
		return CMD_RET_SUCCESS;
	}
	if (!strcmp(cmd, "resize")) {
		if (argc && strict_strtoul(argv[0], 16, &size))
			return CMD_RET_USAGE;
		/* The blocks in use plus the room asked for (4 KiB aligned) */
		size = ALIGN(fdt_size_used(fdt) + size, 4096);
		return set_working(working_addr, size);
	}

	if (!strcmp(cmd, "set")) {
		if (argc < 2)
			return CMD_RET_USAGE;
		node = find(fdt, argv[0]);
		if (node < 0)
			return CMD_RET_FAILURE;
		ret = build_value(argc - 2, argv + 2, val, &len);
		if (!ret)
			ret = fdt_setprop(fdt, node, argv[1], val, len);
	} else if (!strcmp(cmd, "mknode")) {
		if (argc != 2)
			return CMD_RET_USAGE;
		node = find(fdt, argv[0]);
		if (node < 0)
			return CMD_RET_FAILURE;
		ret = fdt_add_subnode(fdt, node, argv[1]);
		ret = ret < 0 ? ret : 0;
	} else if (!strcmp(cmd, "rm")) {
		if (argc != 2)
			return CMD_RET_USAGE;	/* properties only */
		node = find(fdt, argv[0]);
		if (node < 0)
			return CMD_RET_FAILURE;
		ret = fdt_delprop(fdt, node, argv[1]);
	} else if (!strcmp(cmd, "chosen")) {
		ulong start = 0, end = 0;

		if (argc == 2 && (strict_strtoul(argv[0], 16, &start) ||
				  strict_strtoul(argv[1], 16, &end) ||
				  end < start))
			return CMD_RET_USAGE;
		ret = bootm_fdt_chosen(fdt, start, end - start);
	} else {
		return CMD_RET_USAGE;
	}
	if (ret) {
		printf("libfdt: %s%s\n", ret == -ENOSPC ? "FDT_ERR_NOSPACE" :
		       ret == -EEXIST ? "FDT_ERR_EXISTS" :
		       ret == -ENOENT ? "FDT_ERR_NOTFOUND" : "FDT_ERR_BADVALUE",
		       ret == -ENOSPC ? " (make room: fdt resize)" : "");
		return CMD_RET_FAILURE;
	}
	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	fdt, 255, 0, do_fdt,
	"flattened device tree utility commands",
	"addr [-c] [-q] [<addr> [<size>]] - set the working tree (and its size)\n"
	"fdt header                      - show the working tree's header\n"
	"fdt print  [<path> [<prop>]]    - print a subtree or a property\n"
	"fdt list   [<path> [<prop>]]    - print one level of it\n"
	"fdt set    <path> <prop> [<val>] - set a property: <cells>, [bytes]\n"
	"                                  or strings\n"
	"fdt mknode <path> <node>        - add a node\n"
	"fdt rm     <path> <prop>        - remove a property\n"
	"fdt resize [<extrasize>]        - room for edits: the tree's size\n"
	"                                  plus extrasize, 4 KiB aligned\n"
	"fdt chosen [<start> <end>]      - /chosen's bootargs ($bootargs)\n"
	"                                  and initrd range"
);
