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

#define OUT_SIZE	65536

static char out[OUT_SIZE + 1];
static size_t out_len;
static unsigned int ctrlc_calls, ctrlc_when;
static bool ctrlc_seen;
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
	if (ctrlc_when && ctrlc_calls >= ctrlc_when)
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
