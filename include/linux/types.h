/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef __LINUX_TYPES_H
#define __LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
typedef u8 __u8;
typedef u16 __u16;
typedef u32 __u32;
typedef u64 __u64;
typedef s8 __s8;
typedef s16 __s16;
typedef s32 __s32;
typedef s64 __s64;

/* Endian-annotated types: documentation for readers and for accessors. */
typedef u16 __le16;
typedef u32 __le32;
typedef u64 __le64;
typedef u16 __be16;
typedef u32 __be32;
typedef u64 __be64;

typedef unsigned char uchar;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;
typedef long loff_t;
typedef long ssize_t;

typedef u64 phys_addr_t;
typedef u64 phys_size_t;
typedef u64 dma_addr_t;
typedef unsigned long long lbaint_t;
#define LBAFlength "ll"
#define LBAF "%llx"
#define LBAFU "%llu"

#endif
