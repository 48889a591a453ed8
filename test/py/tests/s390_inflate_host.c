// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Host driver for test_s390_inflate.py: runs the qemu-s390x boot stub's
 * DEFLATE decoder (lib/inflate.c, linked in) on the cases
 * read from stdin, each in buffers of exactly the sizes given, so that
 * ASan reports any access outside them.
 *
 * stdin, per case (big-endian u32s): src_len, src bytes, dst_len,
 * hist_len, hist bytes: with a history, inflate_hist() decodes into the
 * dst_len bytes that follow it in one buffer (a history that changed is
 * exit status 3).
 * stdout, per case: the return value as a big-endian s64, then that
 * many output bytes if it is positive.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inflate.h>		/* the firmware's, after the host's headers */

static int read_u32(uint32_t *val)
{
	unsigned char b[4];

	if (fread(b, 1, 4, stdin) != 4)
		return -1;
	*val = (uint32_t)b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3];
	return 0;
}

int main(void)
{
	uint32_t src_len, dst_len, hist_len;
	unsigned char *src, *buf, *dst, *hist, b[8];
	long ret;
	int i;

	while (!read_u32(&src_len)) {
		src = malloc(src_len ? src_len : 1);
		if (!src || fread(src, 1, src_len, stdin) != src_len ||
		    read_u32(&dst_len) || read_u32(&hist_len))
			return 2;
		/* the exact sizes: ASan catches a byte too far either way */
		buf = malloc(hist_len + dst_len ? hist_len + dst_len : 1);
		hist = malloc(hist_len ? hist_len : 1);
		if (!buf || !hist || fread(hist, 1, hist_len, stdin) != hist_len)
			return 2;
		memcpy(buf, hist, hist_len);
		dst = buf + hist_len;
		if (hist_len)
			ret = inflate_hist(dst, dst_len, hist_len, src, src_len);
		else
			ret = inflate(dst, dst_len, src, src_len);
		if (memcmp(buf, hist, hist_len))
			return 3;
		for (i = 0; i < 8; i++)
			b[i] = (uint64_t)ret >> (56 - 8 * i);
		fwrite(b, 1, 8, stdout);
		if (ret > 0)
			fwrite(dst, 1, ret, stdout);
		free(src);
		free(buf);
		free(hist);
	}
	return 0;
}
