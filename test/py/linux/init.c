// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The init of the test initramfs: says it is running, shows the command
 * line the boot loader passed, and powers the machine off. Built static
 * with s390x-linux-gnu-gcc; no other program is in the initramfs.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <unistd.h>

#define MARKER "VIRTBOOT-INIT-OK"

int main(void)
{
	char line[4096];
	ssize_t n = -1;
	int fd;

	mount("proc", "/proc", "proc", 0, NULL);
	fd = open("/proc/cmdline", O_RDONLY);
	if (fd >= 0) {
		n = read(fd, line, sizeof(line) - 1);
		close(fd);
	}
	if (n < 0)
		n = 0;
	line[n] = 0;
	if (n && line[n - 1] == '\n')
		line[n - 1] = 0;
	printf("\n%s\ncmdline: [%s]\n", MARKER, line);
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
