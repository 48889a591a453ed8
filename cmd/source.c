// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * 'source [addr]': run the script of a legacy script image (mkimage -T
 * script, as boot.scr files are) at addr, $loadaddr by default, as
 * U-Boot's source does. The header's magic, its CRC, the data's CRC
 * (unless $verify is "n") and the type are checked. The script of a FIT
 * image ("addr:image", "addr#config", the defaults) is found by
 * fit_locate_script() (boot/image_fit.c). The status is the script's.
 */
#include <common.h>
#include <command.h>
#include <env.h>
#include <image.h>
#include <fdt.h>
#include <mapmem.h>
#include <u-boot/crc.h>
#include <linux/byteorder.h>

/* Find the script in the image at @addr; print why not and return -1 */
static int script_find(ulong addr, const char **textp, ulong *lenp)
{
	const u8 *data;
	ulong size, off, len;
	int ret;

	ret = image_legacy_check(addr, IH_TYPE_SCRIPT, "source", &data, &size);
	if (ret == -ENOENT)
		puts("Wrong image format for \"source\" command\n");
	if (ret)
		return -1;
	/* the lengths of the files, up to a zero one; the script is first */
	for (off = 0; off + 4 <= size && get_unaligned_be32(data + off);)
		off += 4;
	len = size >= 4 ? get_unaligned_be32(data) : 0;
	off += 4;
	if (!len) {
		puts("Empty Script\n");
		return -1;
	}
	if (off > size || len > size - off) {
		printf("source: script of 0x%lx bytes does not fit the image's 0x%lx\n",
		       len, size);
		return -1;
	}
	*textp = (const char *)data + off;
	*lenp = len;
	return 0;
}

/* "[addr][:[image]|#[config]]": the address, and a FIT image or config */
static int source_parse(const char *arg, ulong *addr, const char **uname,
			const char **conf)
{
	const char *sep = strpbrk(arg, ":#");
	char num[20];
	size_t n = sep ? (size_t)(sep - arg) : strlen(arg);

	if (sep && *sep == ':')
		*uname = sep + 1;
	else if (sep)
		*conf = sep + 1;
	if (!n)
		return 0;
	if (n >= sizeof(num))
		return -EINVAL;
	memcpy(num, arg, n);
	num[n] = '\0';
	return strict_strtoul(num, 16, addr);
}

static int do_source(struct cmd_tbl *cmdtp, int flag, int argc,
		     char *const argv[])
{
	const char *text, *uname = NULL, *conf = NULL;
	const u8 *magic;
	ulong addr, len;
	int ret;

	if (argc > 2)
		return CMD_RET_USAGE;
	addr = env_get_hex("loadaddr", 0);
	if (argc == 2 && (IS_ENABLED(CONFIG_FIT) ?
			  source_parse(argv[1], &addr, &uname, &conf) :
			  strict_strtoul(argv[1], 16, &addr))) {
		printf("source: '%s' is not a hex address\n", argv[1]);
		return CMD_RET_FAILURE;
	}
	printf("## Executing script at %08lx\n", addr);
	magic = map_sysmem(addr, 4);
	if (IS_ENABLED(CONFIG_FIT) && magic &&
	    get_unaligned_be32(magic) == FDT_MAGIC)
		ret = fit_locate_script(addr, uname, conf, &text, &len);
	else
		ret = script_find(addr, &text, &len);
	if (ret)
		return CMD_RET_FAILURE;
	return run_command_list(text, len, 0) ? CMD_RET_FAILURE :
						CMD_RET_SUCCESS;
}

#ifdef CONFIG_FIT
#define SOURCE_FIT_HELP \
	"[:[<image>]|#[<config>]]\n" \
	"    - run the script at addr ($loadaddr by default): a legacy\n" \
	"      script image, or a FIT image's, by image or configuration\n" \
	"      name (the default if the name is left out)"
#else
#define SOURCE_FIT_HELP \
	"\n    - run the legacy script image at addr ($loadaddr by default)"
#endif

U_BOOT_CMD(
	source, 2, 0, do_source,
	"run script from memory",
	"[<addr>]" SOURCE_FIT_HELP
);
