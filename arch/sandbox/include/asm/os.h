/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The sandbox's window on the host: arch/sandbox/cpu/os.c is the only
 * code that calls the host's libc; everything else goes through these.
 * Errors are negative errno values (the host's numbers, which are Linux's).
 */
#ifndef __ASM_SANDBOX_OS_H
#define __ASM_SANDBOX_OS_H

#include <linux/types.h>
#include <linux/compiler.h>

#define OS_O_RDONLY	0
#define OS_O_WRONLY	1
#define OS_O_RDWR	2
#define OS_O_CREAT	0100

/* What a host path is (os_stat(), os_readdir()); os.c has the same values */
#define OS_FILET_REG	0
#define OS_FILET_LNK	1
#define OS_FILET_DIR	2
#define OS_FILET_OTHER	3

/**
 * os_stat() - what a host path is (symlinks followed)
 * @path:	the host path
 * @size:	returns its size in bytes
 * Return: OS_FILET_..., or -errno (-ENOENT: no such path)
 */
int os_stat(const char *path, s64 *size);

/**
 * os_opendir() - open a host directory
 * @path:	the host path
 * @err:	returns 0 or -errno
 * Return: the stream for os_readdir(), NULL on error
 */
void *os_opendir(const char *path, int *err);

/**
 * os_readdir() - the next entry of a host directory
 * @dir:	from os_opendir()
 * @path:	the directory's path (to look at the entry)
 * @name:	returns the entry's name (names of @len bytes or more are
 *		passed over)
 * @len:	the size of @name
 * @size:	returns the entry's size in bytes (a symlink's target's)
 * Return: OS_FILET_... of the entry (a symlink not followed), -ENOENT at
 *	   the end, other -errno on error
 */
int os_readdir(void *dir, const char *path, char *name, size_t len,
	       s64 *size);

/** os_closedir() - close a stream from os_opendir() */
void os_closedir(void *dir);

/** os_open() - open a host file; returns a descriptor or -errno */
int os_open(const char *path, int flags);
int os_close(int fd);
/** os_pread() - read up to @len bytes at @offset; bytes read or -errno */
ssize_t os_pread(int fd, void *buf, size_t len, u64 offset);
/** os_pwrite() - write @len bytes at @offset; bytes written or -errno */
ssize_t os_pwrite(int fd, const void *buf, size_t len, u64 offset);
/** os_filesize() - size of an open file in bytes, or -errno */
s64 os_filesize(int fd);
/** os_fsync() - flush a file to the host's disk */
int os_fsync(int fd);

ssize_t os_read(int fd, void *buf, size_t len);
ssize_t os_write(int fd, const void *buf, size_t len);
/** os_poll_input() - 1 if stdin has a byte waiting (does not block) */
int os_poll_input(void);
/** os_tty_raw() - put a terminal stdin in raw mode (restored at exit) */
void os_tty_raw(void);

/** os_get_us() - monotonic microseconds */
u64 os_get_us(void);
void os_usleep(unsigned long usec);
/** os_mmap_anon() - zeroed host memory, or NULL */
void *os_mmap_anon(size_t size);
void os_exit(int status) __noreturn;

#endif
