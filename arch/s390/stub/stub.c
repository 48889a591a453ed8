// SPDX-License-Identifier: GPL-2.0-or-later
/* qemu-s390x boot stub: expand the firmware where the linker made room. */
#include <linux/types.h>
#include <inflate.h>

/* Hidden: reached PC-relative, so no relocation is needed */
#define STUB_SYM(x) extern u8 x[] __attribute__((visibility("hidden")))
STUB_SYM(__payload_z_start);
STUB_SYM(__payload_z_end);
STUB_SYM(__payload);
STUB_SYM(__payload_end);

ulong stub_main(void);

/* Return: the firmware's entry point, or 0 if the payload is bad */
ulong stub_main(void)
{
	long n;

	n = inflate(__payload, __payload_end - __payload, __payload_z_start,
		    __payload_z_end - __payload_z_start);
	return n > 0 ? (ulong)__payload : 0;
}
