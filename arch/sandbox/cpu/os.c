// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The sandbox's only contact with the host C library. Everything here is
 * a thin wrapper returning -errno; see arch/sandbox/include/asm/os.h.
 * This file is compiled with the host's headers, not virtboot's.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

typedef uint64_t u64;
typedef int64_t s64;

int sandbox_main(int argc, char *argv[]);

/* asm/os.h's, which this file cannot include */
#define OS_FILET_REG	0
#define OS_FILET_LNK	1
#define OS_FILET_DIR	2
#define OS_FILET_OTHER	3

int os_open(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC, 0644);

	return fd < 0 ? -errno : fd;
}

int os_close(int fd)
{
	return close(fd) < 0 ? -errno : 0;
}

ssize_t os_pread(int fd, void *buf, size_t len, u64 offset)
{
	ssize_t ret = pread(fd, buf, len, (off_t)offset);

	return ret < 0 ? -errno : ret;
}

ssize_t os_pwrite(int fd, const void *buf, size_t len, u64 offset)
{
	ssize_t ret = pwrite(fd, buf, len, (off_t)offset);

	return ret < 0 ? -errno : ret;
}

s64 os_filesize(int fd)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -errno;
	return st.st_size;
}

/* What @path is without following a last symlink, and its size */
static int os_lstat_kind(const char *path, s64 *size)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return -errno;
	*size = st.st_size;
	if (S_ISLNK(st.st_mode))
		return OS_FILET_LNK;
	if (S_ISDIR(st.st_mode))
		return OS_FILET_DIR;
	return S_ISREG(st.st_mode) ? OS_FILET_REG : OS_FILET_OTHER;
}

int os_stat(const char *path, s64 *size)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -errno;
	*size = st.st_size;
	if (S_ISDIR(st.st_mode))
		return OS_FILET_DIR;
	return S_ISREG(st.st_mode) ? OS_FILET_REG : OS_FILET_OTHER;
}

void *os_opendir(const char *path, int *err)
{
	DIR *dir = opendir(path);

	*err = dir ? 0 : -errno;
	return dir;
}

int os_readdir(void *dir, const char *path, char *name, size_t len,
	       s64 *size)
{
	char full[4096];
	struct dirent *de;
	int kind;

	do {
		errno = 0;
		de = readdir(dir);
		if (!de)
			return errno ? -errno : -ENOENT;
	} while (strlen(de->d_name) >= len);
	strcpy(name, de->d_name);
	*size = 0;
	if ((size_t)snprintf(full, sizeof(full), "%s/%s", path, name) >=
	    sizeof(full))
		return OS_FILET_OTHER;
	/* the entry itself, the size of what it points to (as U-Boot) */
	kind = os_lstat_kind(full, size);
	if (kind == OS_FILET_LNK)
		os_stat(full, size);
	return kind < 0 ? OS_FILET_OTHER : kind;
}

void os_closedir(void *dir)
{
	closedir(dir);
}

int os_fsync(int fd)
{
	return fsync(fd) < 0 ? -errno : 0;
}

ssize_t os_read(int fd, void *buf, size_t len)
{
	ssize_t ret = read(fd, buf, len);

	return ret < 0 ? -errno : ret;
}

ssize_t os_write(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	size_t done = 0;

	while (done < len) {
		ssize_t ret = write(fd, p + done, len - done);

		if (ret < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return -errno;
		}
		done += ret;
	}
	return done;
}

int os_poll_input(void)
{
	struct pollfd pfd = { .fd = 0, .events = POLLIN };

	return poll(&pfd, 1, 0) > 0;
}

static struct termios saved_tio;
static int tty_saved;

static void os_tty_restore(void)
{
	if (tty_saved)
		tcsetattr(0, TCSANOW, &saved_tio);
}

void os_tty_raw(void)
{
	struct termios tio;

	if (!isatty(0) || tcgetattr(0, &saved_tio))
		return;
	tty_saved = 1;
	atexit(os_tty_restore);
	tio = saved_tio;
	/* Keys arrive one at a time, unechoed; Ctrl-C is a key, not SIGINT. */
	tio.c_lflag &= ~(ICANON | ECHO | ISIG);
	tio.c_iflag &= ~(ICRNL | IXON);
	tio.c_cc[VMIN] = 1;
	tio.c_cc[VTIME] = 0;
	tcsetattr(0, TCSANOW, &tio);
}

u64 os_get_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

void os_usleep(unsigned long usec)
{
	struct timespec ts = {
		.tv_sec = usec / 1000000,
		.tv_nsec = (usec % 1000000) * 1000,
	};

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

void *os_mmap_anon(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

void os_exit(int status)
{
	os_tty_restore();
	exit(status);
}

int main(int argc, char *argv[])
{
	return sandbox_main(argc, argv);
}
