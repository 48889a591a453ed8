/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Linux's errno numbers, so messages and return codes match U-Boot's. */
#ifndef __LINUX_ERRNO_H
#define __LINUX_ERRNO_H

#define EPERM		1
#define ENOENT		2
#define ESRCH		3
#define EINTR		4
#define EIO		5
#define ENXIO		6
#define E2BIG		7
#define ENOEXEC		8
#define EBADF		9
#define ECHILD		10
#define EAGAIN		11
#define ENOMEM		12
#define EACCES		13
#define EFAULT		14
#define EBUSY		16
#define EEXIST		17
#define EXDEV		18
#define ENODEV		19
#define ENOTDIR		20
#define EISDIR		21
#define EINVAL		22
#define ENFILE		23
#define EMFILE		24
#define ENOTTY		25
#define EFBIG		27
#define ENOSPC		28
#define ESPIPE		29
#define EROFS		30
#define EMLINK		31
#define EPIPE		32
#define EDOM		33
#define ERANGE		34
#define ENAMETOOLONG	36
#define ENOSYS		38
#define ENOTEMPTY	39
#define ELOOP		40
#define ENOMSG		42
#define ENODATA		61
#define ETIME		62
#define ENOSR		63
#define EPROTO		71
#define EBADMSG		74
#define EOVERFLOW	75
#define EILSEQ		84
#define EOPNOTSUPP	95
#define EPFNOSUPPORT	96
#define ENOBUFS		105
#define ESHUTDOWN	108
#define ETIMEDOUT	110
#define ECONNREFUSED	111
#define EALREADY	114
#define EINPROGRESS	115
#define EMEDIUMTYPE	124
#define ECANCELED	125
#define ENOMEDIUM	123
#define EREMOTEIO	121
#define EKEYREJECTED	129
#define ENOTSUPP	524

#endif
