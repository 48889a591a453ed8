/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * GUID Partition Table (UEFI specification 2.x, chapter 5) and the legacy
 * MBR that protects it, with U-Boot's type and field names. All fields
 * are little-endian on disk.
 */
#ifndef _DISK_PART_EFI_H
#define _DISK_PART_EFI_H

#include <efi.h>
#include <linux/kernel.h>
#include <linux/types.h>

#define MSDOS_MBR_SIGNATURE		0xaa55
#define MSDOS_MBR_BOOT_CODE_SIZE	440
#define EFI_PMBR_OSTYPE_EFI		0xef
#define EFI_PMBR_OSTYPE_EFI_GPT		0xee

/* "EFI PART" read as a little-endian 64-bit number */
#define GPT_HEADER_SIGNATURE_UBOOT	0x5452415020494645ULL
#define GPT_HEADER_REVISION_V1		0x00010000
#define GPT_PRIMARY_PARTITION_TABLE_LBA	1ULL
#define GPT_ENTRY_SIZE			128
#define GPT_HEADER_MIN_SIZE		92

/* Attribute bits of gpt_entry.attributes */
#define GPT_ATTR_REQUIRED_TO_FUNCTION	BIT_ULL(0)
#define GPT_ATTR_NO_BLOCK_IO_PROTOCOL	BIT_ULL(1)
#define GPT_ATTR_LEGACY_BIOS_BOOTABLE	BIT_ULL(2)

#define PARTITION_SYSTEM_GUID \
	{ { 0x28, 0x73, 0x2a, 0xc1, 0x1f, 0xf8, 0xd2, 0x11, \
	    0xba, 0x4b, 0x00, 0xa0, 0xc9, 0x3e, 0xc9, 0x3b } }

/** struct partition - one partition record of a legacy MBR */
struct partition {
	u8 boot_ind;		/* 0x80: active */
	u8 head;		/* CHS of the first sector */
	u8 sector;
	u8 cyl;
	u8 sys_ind;		/* partition type */
	u8 end_head;		/* CHS of the last sector */
	u8 end_sector;
	u8 end_cyl;
	__le32 start_sect;	/* first sector (LBA) */
	__le32 nr_sects;	/* number of sectors */
} __packed;
_Static_assert(sizeof(struct partition) == 16, "MBR partition record");

/** legacy_mbr - the first 512 bytes of a disk */
typedef struct _legacy_mbr {
	u8 boot_code[MSDOS_MBR_BOOT_CODE_SIZE];
	__le32 unique_mbr_signature;
	__le16 unknown;
	struct partition partition_record[4];
	__le16 signature;
} __packed legacy_mbr;
_Static_assert(sizeof(legacy_mbr) == 512, "legacy MBR");

/** gpt_header - GPT header, at LBA 1 (primary) and the last LBA (backup) */
typedef struct _gpt_header {
	__le64 signature;
	__le32 revision;
	__le32 header_size;
	__le32 header_crc32;
	__le32 reserved1;
	__le64 my_lba;
	__le64 alternate_lba;
	__le64 first_usable_lba;
	__le64 last_usable_lba;
	efi_guid_t disk_guid;
	__le64 partition_entry_lba;
	__le32 num_partition_entries;
	__le32 sizeof_partition_entry;
	__le32 partition_entry_array_crc32;
} __packed gpt_header;
_Static_assert(sizeof(gpt_header) == GPT_HEADER_MIN_SIZE, "GPT header");

/*
 * U-Boot describes the attributes with bit-fields; a bit-field's layout
 * depends on the CPU's byte order, so here they are one little-endian
 * word tested with the GPT_ATTR_... masks.
 */
typedef union _gpt_entry_attributes {
	__le64 raw;
} __packed gpt_entry_attributes;

#define PARTNAME_SZ	(72 / sizeof(efi_char16_t))

/** gpt_entry - one entry of the partition entry array */
typedef struct _gpt_entry {
	efi_guid_t partition_type_guid;
	efi_guid_t unique_partition_guid;
	__le64 starting_lba;
	__le64 ending_lba;
	gpt_entry_attributes attributes;
	efi_char16_t partition_name[PARTNAME_SZ];
} __packed gpt_entry;
_Static_assert(sizeof(gpt_entry) == GPT_ENTRY_SIZE, "GPT entry");

/**
 * uuid_guid_bin_to_str() - (virtboot) format a GUID as U-Boot's
 * uuid_bin_to_str(..., UUID_STR_FORMAT_GUID) does: the first three fields
 * are little-endian on disk, lower-case hex, 36 characters
 * @guid:	the GUID as stored on disk
 * @str:	buffer of at least 37 bytes
 */
void uuid_guid_bin_to_str(const efi_guid_t *guid, char *str);

#endif
