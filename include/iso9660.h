/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ISO 9660 (ECMA-119) and El Torito on-disk structures, shared by the
 * filesystem (fs/iso9660/), the partition type (disk/part_iso.c) and the
 * s390 El Torito loader (boot/zipl_eltorito.c). Numbers recorded in both
 * byte orders are read from their little-endian half.
 */
#ifndef _ISO9660_H
#define _ISO9660_H

#include <linux/compiler.h>
#include <linux/types.h>

#define ISO_SECTOR_SIZE		2048	/* the logical block, always */
#define ISO_PRIMARY_VD_SECTOR	16	/* the first volume descriptor */
#define ISO_VD_MAX		16	/* volume descriptors looked at */

/* Volume descriptor types */
#define ISO_VD_BOOT		0
#define ISO_VD_PRIMARY		1
#define ISO_VD_SUPPLEMENTARY	2
#define ISO_VD_END		255

/* struct iso_dir_record.file_flags */
#define ISO_FLAG_HIDDEN		0x01
#define ISO_FLAG_DIR		0x02
#define ISO_FLAG_ASSOC		0x04
#define ISO_FLAG_MULTI_EXTENT	0x80	/* another extent of the file follows */

/* El Torito */
#define ET_SYSTEM_ID		"EL TORITO SPECIFICATION"
#define ET_ENTRY_SIZE		32
#define ET_HEADER_VALIDATION	0x01
#define ET_HEADER_SECTION	0x90
#define ET_HEADER_LAST_SECTION	0x91
#define ET_EXTENSION		0x44
#define ISO_BC_BOOTABLE		0x88
#define ISO_BC_NOT_BOOTABLE	0x00

/**
 * struct iso_dir_record - a directory record, up to its name (which
 * follows, then a pad byte if @name_len is even, then the system use
 * area of Rock Ridge)
 * @dr_len:	length of the record in bytes (0: padding up to the end
 *		of the sector)
 * @ext_attr_len: extended attribute record length, in logical blocks
 *		before the data
 * @ext_loc_le:	first logical block of the extent
 * @ext_loc_be:	the same, big-endian
 * @data_len_le: length of the extent in bytes
 * @data_len_be: the same, big-endian
 * @date:	recording date and time (7 bytes)
 * @file_flags:	ISO_FLAG_...
 * @unit_size:	file unit size of an interleaved file (0: not interleaved)
 * @gap_size:	interleave gap size
 * @vol_seq_le:	volume sequence number
 * @vol_seq_be:	the same, big-endian
 * @name_len:	length of the file identifier
 */
struct iso_dir_record {
	u8 dr_len;
	u8 ext_attr_len;
	__le32 ext_loc_le;
	__be32 ext_loc_be;
	__le32 data_len_le;
	__be32 data_len_be;
	u8 date[7];
	u8 file_flags;
	u8 unit_size;
	u8 gap_size;
	__le16 vol_seq_le;
	__be16 vol_seq_be;
	u8 name_len;
} __packed;
_Static_assert(sizeof(struct iso_dir_record) == 33, "iso_dir_record");

/**
 * struct iso_volume_desc - a primary or supplementary (Joliet) volume
 * descriptor
 * @type:	ISO_VD_PRIMARY or ISO_VD_SUPPLEMENTARY
 * @id:		"CD001"
 * @version:	1
 * @flags:	(supplementary) volume flags
 * @system_id:	system identifier
 * @volume_id:	volume identifier
 * @unused1:	zeros
 * @space_size_le: the volume's size in logical blocks
 * @space_size_be: the same, big-endian
 * @escape:	(supplementary) escape sequences: Joliet's "%/@", "%/C"
 *		or "%/E" for UCS-2 levels 1, 2, 3
 * @set_size:	volume set size (both byte orders)
 * @seq_number:	volume sequence number (both byte orders)
 * @block_size_le: logical block size
 * @block_size_be: the same, big-endian
 * @path_table_size: path table size (both byte orders)
 * @path_tables: locations of the path tables
 * @root:	directory record of the root directory (34 bytes)
 * @volume_set_id: volume set identifier
 * @publisher_id: publisher identifier
 * @preparer_id: data preparer identifier
 * @application_id: application identifier
 * @copyright_file: copyright file identifier
 * @abstract_file: abstract file identifier
 * @biblio_file: bibliographic file identifier
 * @created:	volume creation date and time ("YYYYMMDDhhmmsscc" + zone)
 * @modified:	volume modification date and time
 * @expires:	volume expiration date and time
 * @effective:	volume effective date and time
 * @fs_version:	file structure version
 * @unused2:	zero
 * @app_use:	application use
 * @reserved:	reserved
 */
struct iso_volume_desc {
	u8 type;
	u8 id[5];
	u8 version;
	u8 flags;
	u8 system_id[32];
	u8 volume_id[32];
	u8 unused1[8];
	__le32 space_size_le;
	__be32 space_size_be;
	u8 escape[32];
	u8 set_size[4];
	u8 seq_number[4];
	__le16 block_size_le;
	__be16 block_size_be;
	u8 path_table_size[8];
	u8 path_tables[16];
	u8 root[34];
	u8 volume_set_id[128];
	u8 publisher_id[128];
	u8 preparer_id[128];
	u8 application_id[128];
	u8 copyright_file[37];
	u8 abstract_file[37];
	u8 biblio_file[37];
	u8 created[17];
	u8 modified[17];
	u8 expires[17];
	u8 effective[17];
	u8 fs_version;
	u8 unused2;
	u8 app_use[512];
	u8 reserved[653];
} __packed;
_Static_assert(sizeof(struct iso_volume_desc) == ISO_SECTOR_SIZE, "iso_vd");

/**
 * struct iso_boot_record - the El Torito boot record volume descriptor
 * @type:	ISO_VD_BOOT
 * @id:		"CD001"
 * @version:	1
 * @boot_system_id: ET_SYSTEM_ID, padded with zeros
 * @boot_id:	unused
 * @catalog:	logical block of the boot catalog
 * @unused:	zeros
 */
struct iso_boot_record {
	u8 type;
	u8 id[5];
	u8 version;
	u8 boot_system_id[32];
	u8 boot_id[32];
	__le32 catalog;
	u8 unused[1973];
} __packed;
_Static_assert(sizeof(struct iso_boot_record) == ISO_SECTOR_SIZE, "iso_br");

/**
 * struct et_validation_entry - the first entry of a boot catalog
 * @header_id:	ET_HEADER_VALIDATION
 * @platform_id: 0 x86, 1 PowerPC, 2 Mac, 0xef EFI
 * @reserved:	zeros
 * @id_string:	manufacturer
 * @checksum:	makes the sum of the entry's 16 little-endian words zero
 * @key55:	0x55
 * @keyaa:	0xaa
 */
struct et_validation_entry {
	u8 header_id;
	u8 platform_id;
	u8 reserved[2];
	u8 id_string[24];
	__le16 checksum;
	u8 key55;
	u8 keyaa;
} __packed;
_Static_assert(sizeof(struct et_validation_entry) == ET_ENTRY_SIZE, "et_ve");

/**
 * struct et_section_entry - the initial/default entry of a boot catalog,
 * or an entry of a section
 * @boot_indicator: ISO_BC_BOOTABLE or ISO_BC_NOT_BOOTABLE
 * @media_type:	0 no emulation, 1-3 floppy (1.2, 1.44, 2.88 MB), 4 hard
 *		disk
 * @load_segment: real-mode load segment (0: 0x7c0)
 * @system_type: the partition type byte of an emulated hard disk
 * @unused:	zero
 * @sector_count: 512-byte virtual sectors loaded at boot
 * @load_rba:	logical block of the image
 * @reserved:	zeros (sections: selection criteria)
 */
struct et_section_entry {
	u8 boot_indicator;
	u8 media_type;
	__le16 load_segment;
	u8 system_type;
	u8 unused;
	__le16 sector_count;
	__le32 load_rba;
	u8 reserved[20];
} __packed;
_Static_assert(sizeof(struct et_section_entry) == ET_ENTRY_SIZE, "et_entry");

#endif /* _ISO9660_H */
