// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qemu-s390x boot stub: expand the firmware where the linker made room,
 * all but its cold code, which the firmware has the stub expand when it
 * first runs (stub_expand_cold(), reached through %r3 at its entry).
 */
#include <linux/types.h>
#include <inflate.h>

/* Hidden: reached PC-relative, so no relocation is needed */
#define STUB_SYM(x) extern u8 x[] __attribute__((visibility("hidden")))
STUB_SYM(__payload_z_start);
STUB_SYM(__payload_z_end);
STUB_SYM(__cold_z_start);
STUB_SYM(__cold_z_end);
STUB_SYM(__payload);
STUB_SYM(__payload_end);

ulong stub_main(void);
long stub_expand_cold(u8 *dst, ulong len, ulong hist);

/* Return: the firmware's entry point, or 0 if the payload is bad */
ulong stub_main(void)
{
	long n;

	n = inflate(__payload, __payload_end - __payload, __payload_z_start,
		    __payload_z_end - __payload_z_start);
	return n > 0 ? (ulong)__payload : 0;
}

/*
 * The firmware's cold code: @len bytes at @dst, whose stream has the
 * @hist bytes before @dst (the hot code) as its history.
 * Return: @len, or -1 if the stream is bad or of another length
 */
long stub_expand_cold(u8 *dst, ulong len, ulong hist)
{
	long n;

	n = inflate_hist(dst, len, hist, __cold_z_start,
			 __cold_z_end - __cold_z_start);
	return n == (long)len ? n : -1;
}
