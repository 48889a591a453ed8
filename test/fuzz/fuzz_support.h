/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the fuzz targets get from test/fuzz/fuzz_support.c: the board
 * services the firmware sources call (console, timer, Ctrl-C), on top of
 * the host's libc.
 */
#ifndef __FUZZ_SUPPORT_H
#define __FUZZ_SUPPORT_H

#include <linux/types.h>

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

/**
 * fuzz_reset() - start a new input: forget console output and Ctrl-C state
 *
 * @ctrlc_after: ctrlc() reports a Ctrl-C from its @ctrlc_after-th call on,
 *	or once the input has used 0.1 s of CPU time (0: never), as a
 *	person would stop a script that runs too long
 */
void fuzz_reset(unsigned int ctrlc_after);

/**
 * fuzz_output() - what was printed since fuzz_reset() (the first 64 KiB)
 *
 * @lenp: set to the length
 * Return: the text, NUL-terminated
 */
const char *fuzz_output(size_t *lenp);

/**
 * fw_malloc() and friends - a bounded heap (256 KiB) as the boards have
 * (CONFIG_SYS_MALLOC_LEN), for targets built with the allocator renamed to them
 * (fuzz.mk: CFLAGS_<target>): an allocation past it returns NULL
 */
void *fw_malloc(size_t size);
void *fw_calloc(size_t nmemb, size_t size);
void *fw_realloc(void *ptr, size_t size);
void fw_free(void *ptr);
char *fw_strdup(const char *s);
char *fw_strndup(const char *s, size_t n);

/** fuzz_verbose() - true if FUZZ_VERBOSE is set: output goes to stderr */
bool fuzz_verbose(void);

#endif
