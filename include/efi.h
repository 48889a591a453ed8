/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The few UEFI types the block layer and the GPT parser need, under
 * U-Boot's names (U-Boot's <efi.h> has many more).
 */
#ifndef _EFI_H
#define _EFI_H

#include <linux/types.h>

/** efi_guid_t - a GUID as stored on disk: 16 bytes, mixed endianness */
typedef struct {
	u8 b[16];
} efi_guid_t;

/** efi_char16_t - one UTF-16LE code unit (GPT partition names) */
typedef u16 efi_char16_t;

#endif
