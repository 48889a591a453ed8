// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The sandbox program's entry: parse the command line into the sandbox
 * state, make the guest memory arena and start virtboot.
 */
#include <common.h>
#include <command.h>
#include <init.h>
#include <asm/os.h>
#include <asm/state.h>

#define DEFAULT_RAM_SIZE	(256ULL << 20)

static struct sandbox_state state;

struct sandbox_state *state_get_current(void)
{
	return &state;
}

/*
 * The console does not exist while options are parsed: messages go to
 * the host's stdout (help) or stderr (errors) directly.
 */
static void __printf(2, 3) os_printf(int fd, const char *fmt, ...)
{
	char buf[1024];
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	os_write(fd, buf, len);
}

static void usage(const char *prog, int status)
{
	os_printf(status ? 2 : 1, "Usage: %s [options]\n"
	       "  -c \"CMDS\"         run the commands and exit with the last one's status\n"
	       "  -m SIZE           guest memory arena, e.g. 256M (default), 1G\n"
	       "  --host FILE       bind FILE as block device 'host N'\n"
	       "  --blk FILE[,ro][,bs=N]\n"
	       "                    add an emulated virtio-blk device\n"
	       "  --scsi FILE[,cd][,ro][,bs=N][,target=T][,lun=L]\n"
	       "                    add a LUN to the emulated virtio-scsi controller\n"
	       "  --net user[,tftp=DIR][,bootfile=FILE]\n"
	       "                    add an emulated virtio-net device on a user-mode network\n"
	       "  --fault SPEC      arm a fault in the emulated devices\n"
	       "  -h, --help        this text\n", prog);
	os_exit(status);
}

/* "256M", "1G", "0x1000000": bytes, or 0 if malformed. */
static u64 parse_size(const char *s)
{
	char *end;
	u64 val = simple_strtoull(s, &end, 0);

	switch (*end) {
	case 'k': case 'K':
		val <<= 10;
		end++;
		break;
	case 'm': case 'M':
		val <<= 20;
		end++;
		break;
	case 'g': case 'G':
		val <<= 30;
		end++;
		break;
	}
	return *end ? 0 : val;
}

static void add_spec(const char *opt, const char **list, int *count,
		     const char *spec)
{
	if (*count >= SANDBOX_MAX_DEVS) {
		os_printf(2, "sandbox: too many %s options (at most %d)\n", opt,
		       SANDBOX_MAX_DEVS);
		os_exit(2);
	}
	list[(*count)++] = spec;
}

static void parse_args(int argc, char *argv[])
{
	int i;

	/* Every option but -h takes one argument. */
	for (i = 1; i < argc; i += 2) {
		const char *opt = argv[i];
		const char *arg = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(opt, "-h") || !strcmp(opt, "--help"))
			usage(argv[0], 0);
		if (!arg) {
			os_printf(2, "sandbox: unknown option or missing argument: %s\n",
			       opt);
			usage(argv[0], 2);
		}
		if (!strcmp(opt, "-c")) {
			state.cmd = arg;
		} else if (!strcmp(opt, "-m")) {
			state.ram_size = parse_size(arg);
			if (state.ram_size < (1 << 20)) {
				os_printf(2, "sandbox: bad memory size '%s'\n", arg);
				os_exit(2);
			}
		} else if (!strcmp(opt, "--host")) {
			add_spec(opt, state.host_files, &state.host_count, arg);
		} else if (!strcmp(opt, "--blk")) {
			add_spec(opt, state.blk_specs, &state.blk_count, arg);
		} else if (!strcmp(opt, "--scsi")) {
			add_spec(opt, state.scsi_specs, &state.scsi_count, arg);
		} else if (!strcmp(opt, "--net")) {
			add_spec(opt, state.net_specs, &state.net_count, arg);
		} else if (!strcmp(opt, "--fault")) {
			add_spec(opt, state.fault_specs, &state.fault_count,
				 arg);
		} else {
			os_printf(2, "sandbox: unknown option: %s\n", opt);
			usage(argv[0], 2);
		}
	}
}

int sandbox_main(int argc, char *argv[])
{
	state.ram_size = DEFAULT_RAM_SIZE;
	parse_args(argc, argv);

	state.ram_buf = os_mmap_anon(state.ram_size);
	if (!state.ram_buf) {
		os_printf(2, "sandbox: cannot allocate %llu bytes of guest memory\n",
		       (unsigned long long)state.ram_size);
		os_exit(1);
	}
	if (!state.cmd)
		os_tty_raw();

	board_init_r();
}

void sandbox_main_loop_init(void)
{
	int ret;

	if (!state.cmd)
		return;
	ret = run_command_list(state.cmd, -1, 0);
	os_exit(ret ? 1 : 0);
}
