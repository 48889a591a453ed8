// SPDX-License-Identifier: GPL-2.0-or-later
/* Files of an extlinux.conf label from a partition of a block device. */

#include <common.h>
#include <blk.h>
#include <fs.h>
#include <pxe_utils.h>

int pxe_blk_getfile(void *ctx, const char *path, ulong addr, ulong *sizep)
{
	struct pxe_blk_ctx *bc = ctx;
	loff_t actread;
	int ret;

	ret = fs_set_blk_dev_with_part(bc->desc, bc->part);
	if (ret) {
		printf("** Unrecognized filesystem type **\n");
		return -ENODEV;
	}
	ret = fs_read(path, addr, 0, 0, &actread);
	if (ret) {
		printf("Failed to load '%s': %s\n", path, fs_strerror(ret));
		return ret;
	}
	*sizep = actread;
	return 0;
}
