/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * FAT12/16/32 with VFAT long names (fs/fat/): the on-disk structures, as
 * Microsoft's FAT specification names their fields, and what the FAT
 * commands need beyond the generic filesystem layer (<fs.h>).
 */
#ifndef _FAT_H
#define _FAT_H

#include <linux/compiler.h>
#include <linux/types.h>

/* Directory entry attributes */
#define ATTR_RO		0x01
#define ATTR_HIDDEN	0x02
#define ATTR_SYS	0x04
#define ATTR_VOLUME	0x08
#define ATTR_DIR	0x10
#define ATTR_ARCH	0x20
#define ATTR_VFAT	0x0f	/* a long-name slot */

#define DELETED_FLAG	0xe5	/* name[0] of a deleted entry */
#define ESC_E5		0x05	/* name[0] standing for a real 0xe5 */
#define LAST_LONG_ENTRY	0x40	/* in ord: the slot holding the name's end */
#define CASE_LOWER_BASE	0x08	/* in nt_res: the 8.3 base is lower case */
#define CASE_LOWER_EXT	0x10	/* in nt_res: the 8.3 extension too */

/**
 * struct fat_ext_bpb - the extended BPB after the FAT12/16 BPB (offset
 * 36) or after the FAT32 one (offset 64)
 * @drv_num:	BIOS drive number
 * @reserved1:	unused
 * @boot_sig:	0x29 if the three fields after it are present
 * @vol_id:	volume serial number (little-endian)
 * @vol_lab:	volume label, padded with spaces
 * @fil_sys_type: "FAT12   ", "FAT16   " or "FAT32   " (informative only)
 */
struct fat_ext_bpb {
	u8 drv_num;
	u8 reserved1;
	u8 boot_sig;
	u8 vol_id[4];
	char vol_lab[11];
	char fil_sys_type[8];
} __packed;
_Static_assert(sizeof(struct fat_ext_bpb) == 26, "extended BPB");

/**
 * struct fat_boot_sector - the boot sector and BIOS parameter block;
 * multi-byte fields are little-endian and most are unaligned
 * @jmp_boot:	jump to the boot code
 * @oem_name:	name of the formatting system
 * @byts_per_sec: bytes per sector: 512, 1024, 2048 or 4096
 * @sec_per_clus: sectors per cluster: a power of two
 * @rsvd_sec_cnt: sectors before the first FAT
 * @num_fats:	number of FAT copies
 * @root_ent_cnt: FAT12/16: entries of the fixed root directory; FAT32: 0
 * @tot_sec16:	total sectors, or 0 (then @tot_sec32)
 * @media:	media descriptor: 0xf0 or 0xf8-0xff
 * @fat_sz16:	sectors per FAT; 0 on FAT32 (then @fat_sz32)
 * @sec_per_trk: CHS geometry (unused)
 * @num_heads:	CHS geometry (unused)
 * @hidd_sec:	sectors before the partition (unused)
 * @tot_sec32:	total sectors when @tot_sec16 is 0
 * @fat_sz32:	FAT32: sectors per FAT
 * @ext_flags:	FAT32: bit 7 set: only FAT number (bits 0-3) is in use
 * @fs_ver:	FAT32: version, 0.0
 * @root_clus:	FAT32: first cluster of the root directory
 * @fs_info:	FAT32: sector of the FSInfo structure
 * @bk_boot_sec: FAT32: sector of the boot sector's copy
 * @reserved:	FAT32: zero
 * @ext:	FAT32: the extended BPB (FAT12/16 have theirs at offset 36,
 *		where @fat_sz32 is)
 */
struct fat_boot_sector {
	u8 jmp_boot[3];
	char oem_name[8];
	u8 byts_per_sec[2];
	u8 sec_per_clus;
	u8 rsvd_sec_cnt[2];
	u8 num_fats;
	u8 root_ent_cnt[2];
	u8 tot_sec16[2];
	u8 media;
	u8 fat_sz16[2];
	u8 sec_per_trk[2];
	u8 num_heads[2];
	u8 hidd_sec[4];
	u8 tot_sec32[4];
	u8 fat_sz32[4];
	u8 ext_flags[2];
	u8 fs_ver[2];
	u8 root_clus[4];
	u8 fs_info[2];
	u8 bk_boot_sec[2];
	u8 reserved[12];
	struct fat_ext_bpb ext;
} __packed;
_Static_assert(sizeof(struct fat_boot_sector) == 90, "boot sector");

/**
 * struct fat_dir_entry - a short (8.3) directory entry
 * @name:	base name (8) and extension (3), padded with spaces
 * @attr:	ATTR_...
 * @nt_res:	CASE_LOWER_BASE, CASE_LOWER_EXT
 * @crt_time_tenth: creation time, hundredths of a second
 * @crt_time:	creation time
 * @crt_date:	creation date
 * @lst_acc_date: last access date
 * @fst_clus_hi: FAT32: high 16 bits of the first cluster
 * @wrt_time:	last write time
 * @wrt_date:	last write date
 * @fst_clus_lo: low 16 bits of the first cluster (0: empty file; in a
 *		".." entry: the root directory)
 * @file_size:	size in bytes (0 for directories)
 */
struct fat_dir_entry {
	char name[11];
	u8 attr;
	u8 nt_res;
	u8 crt_time_tenth;
	__le16 crt_time;
	__le16 crt_date;
	__le16 lst_acc_date;
	__le16 fst_clus_hi;
	__le16 wrt_time;
	__le16 wrt_date;
	__le16 fst_clus_lo;
	__le32 file_size;
} __packed;
_Static_assert(sizeof(struct fat_dir_entry) == 32, "directory entry");

/**
 * struct fat_lfn_entry - a VFAT long-name slot: 13 UTF-16 characters of
 * the name; the slots precede the short entry, last part first
 * @ord:	part number from 1, LAST_LONG_ENTRY on the last part
 * @name1:	characters 1-5
 * @attr:	ATTR_VFAT
 * @type:	0
 * @chksum:	checksum of the short entry's name
 * @name2:	characters 6-11
 * @fst_clus_lo: 0
 * @name3:	characters 12-13
 */
struct fat_lfn_entry {
	u8 ord;
	u8 name1[10];
	u8 attr;
	u8 type;
	u8 chksum;
	u8 name2[12];
	__le16 fst_clus_lo;
	u8 name3[4];
} __packed;
_Static_assert(sizeof(struct fat_lfn_entry) == 32, "long-name slot");

/**
 * fat_print_info() - print the "Filesystem:" line of U-Boot's fatinfo
 * for the filesystem just probed: the FAT type and the label of the
 * boot sector, as in `Filesystem: FAT32 "NO NAME    "`
 *
 * Return: 0, or -ENODEV if no FAT filesystem is probed
 */
int fat_print_info(void);

/**
 * fat_sfn_checksum() - the checksum long-name slots carry of their short
 * entry's 11-byte name
 * @name:	the short entry's name field
 * Return: the checksum
 */
u8 fat_sfn_checksum(const char *name);

/* What fat_sfn_make() found */
#define FAT_SFN_EXACT		0	/* the name is its 8.3 name */
#define FAT_SFN_LOSSLESS	1	/* upper-cased, it is: a long name too */
#define FAT_SFN_LOSSY		2	/* characters went: a numeric tail */

/**
 * fat_name_valid() - may a file be given this name? U-Boot's rule: 1 to
 * 255 bytes, no control character, none of < > : " / \ | ? *, not ending
 * in a '.'; and (virtboot) UTF-8 of at most 255 UTF-16 units
 * @name:	the name
 * Return: true if it may
 */
bool fat_name_valid(const char *name);

/**
 * fat_name_utf16() - a name as the UTF-16 of its long-name slots
 * @name:	the name, UTF-8
 * @out:	returns the UTF-16 units (LFN_MAX * 13 of room), not
 *		terminated; NULL to count only
 * Return: the number of units, or -EINVAL for bad UTF-8 or more than
 *	   255 units
 */
int fat_name_utf16(const char *name, u16 *out);

/**
 * fat_sfn_make() - the 8.3 name for a name, as Linux's vfat makes it: the
 * characters before the last dot (all of them if only dots and spaces
 * precede it) then those after it, upper-cased; spaces and dots dropped,
 * + , ; = [ ] and non-ASCII characters as '_'; at most 8 and 3
 * @name:	the name (fat_name_valid())
 * @sfn:	returns the 11 bytes, padded with spaces
 * Return: FAT_SFN_EXACT, FAT_SFN_LOSSLESS, FAT_SFN_LOSSY, or -EINVAL if
 *	   nothing is left of the base
 */
int fat_sfn_make(const char *name, char *sfn);

/**
 * fat_sfn_tail() - an 8.3 name with the numeric tail "~@num", which
 * replaces the end of the base if it would not fit in 8 characters
 * ("LONGFILE" + 1: "LONGFI~1"; "AB" + 12: "AB~12")
 * @sfn:	the 11-byte name
 * @num:	the number (1 or more)
 * @out:	returns the 11 bytes (may be @sfn)
 */
void fat_sfn_tail(const char *sfn, u32 num, char *out);

#endif /* _FAT_H */
