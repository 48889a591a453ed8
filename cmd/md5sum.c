// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * 'md5sum': the MD5 digest of memory, in U-Boot's format
 * ("md5 for 01000000 ... 010fffff ==> <32 hex digits>"), optionally
 * stored in an environment variable, or checked with -v.
 */
#include <common.h>
#include <command.h>
#include <env.h>
#include <mapmem.h>
#include <u-boot/md5.h>
#include <vsprintf.h>

static void md5_hex(const u8 sum[MD5_SUM_LEN], char *hex)
{
	int i;

	for (i = 0; i < MD5_SUM_LEN; i++)
		sprintf(hex + 2 * i, "%02x", sum[i]);
}

static int do_md5sum(struct cmd_tbl *cmdtp, int flag, int argc,
		     char *const argv[])
{
	char hex[2 * MD5_SUM_LEN + 1];
	u8 sum[MD5_SUM_LEN];
	bool verify = false;
	const char *want;
	ulong addr, len;
	void *buf;

	if (argc > 1 && !strcmp(argv[1], "-v")) {
		verify = true;
		argc--;
		argv++;
	}
	if (argc < 3 || argc > 4 || (verify && argc != 4))
		return CMD_RET_USAGE;
	addr = hextoul(argv[1], NULL);
	len = hextoul(argv[2], NULL);
	if (len && addr + len - 1 < addr) {
		printf("md5sum: range %lx+%lx wraps around the address space\n",
		       addr, len);
		return CMD_RET_FAILURE;
	}
	buf = map_sysmem(addr, len);
	if (IS_ENABLED(CONFIG_SANDBOX) && !buf) {
		printf("md5sum: range %lx+%lx is outside memory\n", addr, len);
		return CMD_RET_FAILURE;
	}
	md5(buf, len, sum);
	unmap_sysmem(buf);
	md5_hex(sum, hex);

	if (verify) {
		want = argv[3][0] == '*' ? NULL : env_get(argv[3]);
		if (!want)
			want = argv[3];
		if (strcasecmp(want, hex)) {
			printf("md5 for %08lx ... %08lx ==> %s != %s ** ERROR **\n",
			       addr, addr + len - 1, hex, want);
			return CMD_RET_FAILURE;
		}
		return CMD_RET_SUCCESS;
	}
	printf("md5 for %08lx ... %08lx ==> %s\n", addr, addr + len - 1, hex);
	if (argc == 4)
		env_set(argv[3][0] == '*' ? argv[3] + 1 : argv[3], hex);

	return CMD_RET_SUCCESS;
}

U_BOOT_CMD(
	md5sum, 5, 1, do_md5sum,
	"compute MD5 message digest",
	"address count [[*]sum]\n"
	"    - compute MD5 message digest [save to sum]\n"
	"md5sum -v address count [*]sum\n"
	"    - verify md5sum of memory area"
);
