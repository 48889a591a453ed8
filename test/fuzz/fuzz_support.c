// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Board services for the fuzz targets. Printing formats into a buffer
 * (so that every format string is exercised) and keeps the first 64 KiB; the
 * timer runs 100 ms ahead on every reading, so that any wait with a
 * timeout ends after a few turns, and one without would show up as a
 * libFuzzer timeout. Ctrl-C comes when fuzz_reset() asked for it.
 *
 * Built with the firmware's headers and the console names renamed
 * (fuzz.mk: printf -> fw_printf ...), linked against the host's libc,
 * whose vsnprintf() does the formatting.
 */

#include <common.h>
#include <stdio.h>
#include <time.h>
#include <vsprintf.h>
#include "fuzz_support.h"

/* From the host's libc: the firmware's headers do not declare them */
extern char *getenv(const char *name);
extern int fputs(const char *s, void *stream);
extern void *stderr;
extern long clock(void);	/* CPU time, CLOCKS_PER_SEC (10^6) a second */

/* A person stops a script that runs this long (CPU time) */
#define CTRLC_CPU_US	100000

#define OUT_SIZE	65536

static char out[OUT_SIZE + 1];
static size_t out_len;
static unsigned int ctrlc_calls, ctrlc_when;
static bool ctrlc_seen;
static long ctrlc_start;
static u64 fake_us;
static int verbose = -1;

bool fuzz_verbose(void)
{
	if (verbose < 0)
		verbose = getenv("FUZZ_VERBOSE") != NULL;
	return verbose;
}

void fuzz_reset(unsigned int ctrlc_after)
{
	out_len = 0;
	out[0] = '\0';
	ctrlc_calls = 0;
	ctrlc_when = ctrlc_after;
	ctrlc_seen = false;
	ctrlc_start = clock();
}

const char *fuzz_output(size_t *lenp)
{
	if (lenp)
		*lenp = out_len;
	return out;
}

static void out_add(const char *s, size_t len)
{
	if (fuzz_verbose())
		fputs(s, stderr);
	if (len > OUT_SIZE - out_len)
		len = OUT_SIZE - out_len;
	memcpy(out + out_len, s, len);
	out_len += len;
	out[out_len] = '\0';
}

int vprintf(const char *fmt, va_list args)
{
	char buf[1024];
	int n = vsnprintf(buf, sizeof(buf), fmt, args);

	out_add(buf, strlen(buf));
	return n;
}

int printf(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintf(fmt, args);
	va_end(args);
	return n;
}

void puts(const char *s)
{
	out_add(s, strlen(s));
}

void putc(const char c)
{
	char s[2] = { c, '\0' };

	out_add(s, 1);
}

int getchar(void)
{
	return '\n';
}

int tstc(void)
{
	return 0;
}

int ctrlc(void)
{
	ctrlc_calls++;
	if (ctrlc_when && (ctrlc_calls >= ctrlc_when ||
			   clock() - ctrlc_start > CTRLC_CPU_US))
		ctrlc_seen = true;
	return ctrlc_seen;
}

int had_ctrlc(void)
{
	return ctrlc_seen;
}

void clear_ctrlc(void)
{
	ctrlc_seen = false;
}

/*
 * The bounded heap: each block carries its size in front. 256 KiB: the
 * boards' heap (CONFIG_SYS_MALLOC_LEN) runs out the same way, later.
 */
#define FW_HEAP_SIZE	(256 * 1024)
#define FW_HDR		16

static size_t fw_heap_used;

void *fw_malloc(size_t size)
{
	u8 *p;

	if (size > FW_HEAP_SIZE - fw_heap_used)
		return NULL;
	p = malloc(size + FW_HDR);
	if (!p)
		return NULL;
	*(size_t *)p = size;
	fw_heap_used += size;
	return p + FW_HDR;
}

void fw_free(void *ptr)
{
	u8 *p = ptr;

	if (!p)
		return;
	p -= FW_HDR;
	fw_heap_used -= *(size_t *)p;
	free(p);
}

void *fw_calloc(size_t nmemb, size_t size)
{
	void *p;

	if (size && nmemb > FW_HEAP_SIZE / size)
		return NULL;
	p = fw_malloc(nmemb * size);
	if (p)
		memset(p, 0, nmemb * size);
	return p;
}

void *fw_realloc(void *ptr, size_t size)
{
	size_t old;
	void *p;

	if (!ptr)
		return fw_malloc(size);
	old = *(size_t *)((u8 *)ptr - FW_HDR);
	p = fw_malloc(size);
	if (!p)
		return NULL;
	memcpy(p, ptr, min(old, size));
	fw_free(ptr);
	return p;
}

char *fw_strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = fw_malloc(len + 1);

	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

char *fw_strdup(const char *s)
{
	return fw_strndup(s, SIZE_MAX);
}

/* lib/string.c has it, the host's libc may not */
size_t strlcpy(char *dest, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size ? len : size - 1;

		memcpy(dest, src, n);
		dest[n] = '\0';
	}
	return len;
}

u64 timer_get_us(void)
{
	fake_us += 100000;
	return fake_us;
}

void cpu_relax(void)
{
}
