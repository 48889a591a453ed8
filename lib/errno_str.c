// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * errno_str(): the one table turning an error code into words for the
 * line a failed command prints. It holds the codes the drivers and the
 * block layer return (not every errno: the s390x image is small), each
 * said the way a user of a disk needs to hear it.
 */

#include <common.h>
#include <errno.h>

static const struct {
	u8 err;
	const char *str;
} errno_strs[] = {
	{ ENOENT,	"not found" },
	{ EIO,		"I/O error" },
	{ ENOMEM,	"out of memory" },
	{ EBUSY,	"the device stayed busy" },
	{ ENODEV,	"no such device" },
	{ EINVAL,	"invalid value" },
	{ EROFS,	"the device is read-only" },
	{ ERANGE,	"out of range" },
	{ ENOSYS,	"not implemented" },
	{ EOPNOTSUPP,	"not supported by the device" },
	{ ETIMEDOUT,	"the device did not answer in time" },
	{ ENOMEDIUM,	"no medium" },
};

const char *errno_str(int err)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(errno_strs); i++)
		if (-err == errno_strs[i].err)
			return errno_strs[i].str;

	return "error";
}
