// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the GPT parser: a good table, a damaged primary (the
 * backup is used), both damaged (refused), and headers whose sizes,
 * counts and locations are bogus but whose CRCs are right, so that only
 * the bounds checks stand between them and a bad read.
 */

#include <common.h>
#include <blk.h>
#include <part.h>
#include <part_efi.h>
#include <test/ut.h>
#include <u-boot/crc.h>
#include "memdisk.h"

#define NBLK		256
#define NENTRIES	128

static const efi_guid_t esp_guid = PARTITION_SYSTEM_GUID;
/* Linux filesystem data: 0fc63daf-8483-4772-8e79-3d69d8477de4 */
static const efi_guid_t linux_guid = { {
	0xaf, 0x3d, 0xc6, 0x0f, 0x83, 0x84, 0x72, 0x47,
	0x8e, 0x79, 0x3d, 0x69, 0xd8, 0x47, 0x7d, 0xe4 } };

struct gpt_img {
	u8 *img;
	u32 blksz;
	u64 lba;
	u64 ent_blocks;
};

static gpt_header *gpt_hdr(struct gpt_img *g, u64 lba)
{
	return (gpt_header *)(g->img + lba * g->blksz);
}

static u8 *gpt_ents(struct gpt_img *g, bool backup)
{
	u64 lba = backup ? g->lba - 1 - g->ent_blocks : 2;

	return g->img + lba * g->blksz;
}

/* Recompute the CRC of a header after a test changed it */
static void gpt_fix_hdr_crc(struct gpt_img *g, u64 lba)
{
	gpt_header *h = gpt_hdr(g, lba);
	u32 size = le32_to_cpu(h->header_size);

	if (size > g->blksz)
		size = sizeof(*h);
	h->header_crc32 = 0;
	h->header_crc32 = cpu_to_le32(crc32(0, h, size));
}

static void gpt_fill_hdr(struct gpt_img *g, bool backup)
{
	u64 my = backup ? g->lba - 1 : 1;
	gpt_header *h = gpt_hdr(g, my);

	h->signature = cpu_to_le64(GPT_HEADER_SIGNATURE_UBOOT);
	h->revision = cpu_to_le32(GPT_HEADER_REVISION_V1);
	h->header_size = cpu_to_le32(sizeof(*h));
	h->my_lba = cpu_to_le64(my);
	h->alternate_lba = cpu_to_le64(backup ? 1 : g->lba - 1);
	h->first_usable_lba = cpu_to_le64(2 + g->ent_blocks);
	h->last_usable_lba = cpu_to_le64(g->lba - 2 - g->ent_blocks);
	memset(&h->disk_guid, 0x42, sizeof(h->disk_guid));
	h->partition_entry_lba = cpu_to_le64(backup ? g->lba - 1 -
					     g->ent_blocks : 2);
	h->num_partition_entries = cpu_to_le32(NENTRIES);
	h->sizeof_partition_entry = cpu_to_le32(sizeof(gpt_entry));
	h->partition_entry_array_crc32 =
		cpu_to_le32(crc32(0, gpt_ents(g, backup),
				  NENTRIES * sizeof(gpt_entry)));
	gpt_fix_hdr_crc(g, my);
}

static void gpt_set_entry(struct gpt_img *g, int i, const efi_guid_t *type,
			  u64 start, u64 end, u64 attrs, const u16 *name)
{
	gpt_entry *e = (gpt_entry *)gpt_ents(g, false) + i;
	int k;

	e->partition_type_guid = *type;
	memset(&e->unique_partition_guid, 0x10 + i,
	       sizeof(e->unique_partition_guid));
	put_unaligned_le64(start, &e->starting_lba);
	put_unaligned_le64(end, &e->ending_lba);
	put_unaligned_le64(attrs, &e->attributes.raw);
	for (k = 0; name[k] && k < PARTNAME_SZ; k++)
		put_unaligned_le16(name[k], &e->partition_name[k]);
}

/*
 * A disk of NBLK blocks: protective MBR, partition 1 "boot" (ESP,
 * blocks 40-79), partition 3 "r\u00e9ot" (Linux, 80-199, legacy BIOS
 * bootable), primary and backup headers and entry arrays.
 */
static int gpt_image(struct gpt_img *g, u32 blksz)
{
	static const u16 boot[] = { 'b', 'o', 'o', 't', 0 };
	static const u16 root[] = { 'r', 0xe9, 'o', 't', 0 };
	u64 first = 0;
	legacy_mbr *mbr;

	g->blksz = blksz;
	g->lba = NBLK;
	g->ent_blocks = DIV_ROUND_UP(NENTRIES * sizeof(gpt_entry), blksz);
	g->img = calloc(g->lba, blksz);
	if (!g->img)
		return -ENOMEM;

	mbr = (legacy_mbr *)g->img;
	mbr->partition_record[0].sys_ind = EFI_PMBR_OSTYPE_EFI_GPT;
	put_unaligned_le32(1, &mbr->partition_record[0].start_sect);
	put_unaligned_le32(g->lba - 1, &mbr->partition_record[0].nr_sects);
	put_unaligned_le16(MSDOS_MBR_SIGNATURE, &mbr->signature);

	first = 2 + g->ent_blocks;
	gpt_set_entry(g, 0, &esp_guid, first + 6, first + 45, 0, boot);
	gpt_set_entry(g, 2, &linux_guid, first + 46, first + 165,
		      GPT_ATTR_LEGACY_BIOS_BOOTABLE, root);
	memcpy(gpt_ents(g, true), gpt_ents(g, false),
	       NENTRIES * sizeof(gpt_entry));
	gpt_fill_hdr(g, false);
	gpt_fill_hdr(g, true);

	return 0;
}

static int gpt_check_good(struct unit_test_state *uts, struct blk_desc *desc,
			  struct gpt_img *g)
{
	struct disk_partition info;
	u64 first = 2 + g->ent_blocks;

	ut_asserteq(PART_TYPE_EFI, part_get_type(desc));
	ut_assertok(part_get_info(desc, 1, &info));
	ut_asserteq(first + 6, info.start);
	ut_asserteq(40, info.size);
	ut_asserteq(g->blksz, info.blksz);
	ut_asserteq_str("boot", (char *)info.name);
	ut_asserteq(PART_BOOTABLE, info.bootable);
	ut_asserteq_str("c12a7328-f81f-11d2-ba4b-00a0c93ec93b", info.type_guid);
	ut_asserteq_str("10101010-1010-1010-1010-101010101010", info.uuid);

	ut_assertok(part_get_info(desc, 3, &info));
	ut_asserteq(first + 46, info.start);
	ut_asserteq(120, info.size);
	ut_asserteq_str("r.ot", (char *)info.name);
	ut_asserteq(PART_BOOTABLE, info.bootable);
	ut_asserteq_str("0fc63daf-8483-4772-8e79-3d69d8477de4", info.type_guid);

	ut_asserteq(-ENOENT, part_get_info(desc, 2, &info));
	ut_asserteq(-ENOENT, part_get_info(desc, NENTRIES, &info));
	ut_asserteq(-ENOENT, part_get_info(desc, NENTRIES + 1, &info));
	ut_asserteq(3, part_get_info_by_name(desc, "r.ot", &info));
	ut_asserteq(-ENOENT, part_get_info_by_name(desc, "nosuch", &info));

	return 0;
}

static int efi_test_good(struct unit_test_state *uts)
{
	struct blk_desc *desc;
	struct gpt_img g;
	char why[256];

	ut_assertok(gpt_image(&g, 512));
	ut_assertok(memdisk_create(g.img, 512, g.lba, false, &desc));
	ut_assertok(gpt_check_good(uts, desc, &g));
	ut_assertok(part_validate(desc, why, sizeof(why)));
	memdisk_destroy(desc);
	free(g.img);

	/* The same layout on 4096-byte blocks */
	ut_assertok(gpt_image(&g, 4096));
	ut_asserteq(4, g.ent_blocks);
	ut_assertok(memdisk_create(g.img, 4096, g.lba, false, &desc));
	ut_assertok(gpt_check_good(uts, desc, &g));
	ut_assertok(part_validate(desc, why, sizeof(why)));
	memdisk_destroy(desc);
	free(g.img);

	return 0;
}
UNIT_TEST(efi_test_good, 0, part);

/*
 * Break the table with @damage, then check that it is read from the
 * backup (@expect_backup) or refused, and that @why mentions @expect.
 */
static int efi_check(struct unit_test_state *uts,
		     void (*damage)(struct gpt_img *g), bool expect_backup,
		     const char *expect)
{
	struct disk_partition info;
	struct blk_desc *desc;
	struct gpt_img g;
	char why[256] = "";
	int ret;

	ut_assertok(gpt_image(&g, 512));
	damage(&g);
	ut_assertok(memdisk_create(g.img, 512, g.lba, false, &desc));
	memset(&memdisk_stats, 0, sizeof(memdisk_stats));
	/* The protective MBR still makes it a GPT disk */
	ut_asserteq(PART_TYPE_EFI, part_get_type(desc));
	ret = part_validate(desc, why, sizeof(why));
	ut_assertf(strstr(why, expect), "why: '%s'", why);
	if (expect_backup) {
		ut_asserteq(1, ret);
		ut_assert(strstr(why, "using the backup GPT"));
		ut_assertok(gpt_check_good(uts, desc, &g));
	} else {
		ut_assert(ret < 0);
		ut_assert(strstr(why, "no valid GPT"));
		ut_assert(part_get_info(desc, 1, &info) < 0);
		ut_assert(part_get_info_by_name(desc, "boot", &info) < 0);
	}
	ut_asserteq(0, memdisk_stats.out_of_range);
	memdisk_destroy(desc);
	free(g.img);

	return 0;
}

static void damage_primary_crc(struct gpt_img *g)
{
	gpt_hdr(g, 1)->revision ^= 1;
}

static void damage_both_crc(struct gpt_img *g)
{
	gpt_hdr(g, 1)->revision ^= 1;
	gpt_hdr(g, g->lba - 1)->my_lba ^= 1;
}

static void damage_primary_sig(struct gpt_img *g)
{
	memset(gpt_hdr(g, 1), 0, g->blksz);
}

static void damage_primary_entries(struct gpt_img *g)
{
	gpt_ents(g, false)[3 * sizeof(gpt_entry) + 7] ^= 0x80;
}

static void damage_both_entries(struct gpt_img *g)
{
	gpt_ents(g, false)[5] ^= 1;
	gpt_ents(g, true)[5] ^= 1;
}

static int efi_test_damaged(struct unit_test_state *uts)
{
	ut_assertok(efi_check(uts, damage_primary_crc, true, "bad header CRC"));
	ut_assertok(efi_check(uts, damage_primary_sig, true,
			      "no GPT signature"));
	ut_assertok(efi_check(uts, damage_primary_entries, true,
			      "bad partition entries CRC"));
	ut_assertok(efi_check(uts, damage_both_crc, false, "backup: bad header CRC"));
	ut_assertok(efi_check(uts, damage_both_entries, false,
			      "backup: bad partition entries CRC"));

	return 0;
}
UNIT_TEST(efi_test_damaged, 0, part);

/* Bogus values with correct CRCs: only the bounds checks catch these */
static void bogus_header_size_big(struct gpt_img *g)
{
	gpt_hdr(g, 1)->header_size = cpu_to_le32(0x10000);
	gpt_fix_hdr_crc(g, 1);
}

static void bogus_header_size_small(struct gpt_img *g)
{
	gpt_hdr(g, 1)->header_size = cpu_to_le32(12);
	gpt_fix_hdr_crc(g, 1);
}

static void bogus_entry_count(struct gpt_img *g)
{
	gpt_hdr(g, 1)->num_partition_entries = cpu_to_le32(0x40000000);
	gpt_fix_hdr_crc(g, 1);
}

static void bogus_entry_size(struct gpt_img *g)
{
	gpt_hdr(g, 1)->sizeof_partition_entry = cpu_to_le32(100);
	gpt_fix_hdr_crc(g, 1);
}

static void bogus_entry_size_zero(struct gpt_img *g)
{
	gpt_hdr(g, 1)->sizeof_partition_entry = 0;
	gpt_fix_hdr_crc(g, 1);
}

static void bogus_entry_lba(struct gpt_img *g)
{
	gpt_hdr(g, 1)->partition_entry_lba = cpu_to_le64(g->lba - 3);
	gpt_fix_hdr_crc(g, 1);
}

static void bogus_entry_lba_huge(struct gpt_img *g)
{
	gpt_hdr(g, 1)->partition_entry_lba = cpu_to_le64(~0ULL - 1);
	gpt_fix_hdr_crc(g, 1);
}

static void bogus_my_lba(struct gpt_img *g)
{
	gpt_hdr(g, 1)->my_lba = cpu_to_le64(7);
	gpt_fix_hdr_crc(g, 1);
}

static void bogus_usable(struct gpt_img *g)
{
	gpt_hdr(g, 1)->last_usable_lba = cpu_to_le64(g->lba + 100);
	gpt_fix_hdr_crc(g, 1);
}

static void bogus_both(struct gpt_img *g)
{
	bogus_entry_count(g);
	gpt_hdr(g, g->lba - 1)->header_size = cpu_to_le32(0xffffffff);
	gpt_fix_hdr_crc(g, g->lba - 1);
}

static int efi_test_bogus(struct unit_test_state *uts)
{
	ut_assertok(efi_check(uts, bogus_header_size_big, true,
			      "header size 65536"));
	ut_assertok(efi_check(uts, bogus_header_size_small, true,
			      "header size 12"));
	ut_assertok(efi_check(uts, bogus_entry_count, true, "too many"));
	ut_assertok(efi_check(uts, bogus_entry_size, true,
			      "entry size 100"));
	ut_assertok(efi_check(uts, bogus_entry_size_zero, true,
			      "entry size 0"));
	ut_assertok(efi_check(uts, bogus_entry_lba, true, "misplaced"));
	ut_assertok(efi_check(uts, bogus_entry_lba_huge, true, "misplaced"));
	ut_assertok(efi_check(uts, bogus_my_lba, true, "says it is at block 7"));
	ut_assertok(efi_check(uts, bogus_usable, true, "usable blocks"));
	ut_assertok(efi_check(uts, bogus_both, false, "header size 4294967295"));

	return 0;
}
UNIT_TEST(efi_test_bogus, 0, part);

static int efi_test_entries(struct unit_test_state *uts)
{
	struct disk_partition info;
	struct blk_desc *desc;
	struct gpt_img g;
	char why[256] = "";
	gpt_entry *e;

	/* A partition ending before it starts, another outside the disk */
	ut_assertok(gpt_image(&g, 512));
	e = (gpt_entry *)gpt_ents(&g, false);
	put_unaligned_le64(30, &e[0].ending_lba);
	put_unaligned_le64(g.lba + 5, &e[2].ending_lba);
	memcpy(gpt_ents(&g, true), gpt_ents(&g, false),
	       NENTRIES * sizeof(gpt_entry));
	gpt_fill_hdr(&g, false);
	gpt_fill_hdr(&g, true);
	ut_assertok(memdisk_create(g.img, 512, g.lba, false, &desc));
	ut_asserteq(-EINVAL, part_get_info(desc, 1, &info));
	ut_asserteq(-EINVAL, part_get_info(desc, 3, &info));
	ut_asserteq(1, part_validate(desc, why, sizeof(why)));
	ut_assertf(strstr(why, "partition 1"), "why: '%s'", why);
	memdisk_destroy(desc);
	free(g.img);

	return 0;
}
UNIT_TEST(efi_test_entries, 0, part);

static int efi_test_not_gpt(struct unit_test_state *uts)
{
	struct blk_desc *desc;
	struct gpt_img g;

	/* Without the protective record, a disk is no GPT disk */
	ut_assertok(gpt_image(&g, 512));
	((legacy_mbr *)g.img)->partition_record[0].sys_ind = 0x83;
	ut_assertok(memdisk_create(g.img, 512, g.lba, false, &desc));
	ut_asserteq(PART_TYPE_DOS, part_get_type(desc));
	memdisk_destroy(desc);

	/* The protective record must start at block 1 */
	((legacy_mbr *)g.img)->partition_record[0].sys_ind =
		EFI_PMBR_OSTYPE_EFI_GPT;
	put_unaligned_le32(2, &((legacy_mbr *)g.img)->partition_record[0].start_sect);
	ut_assertok(memdisk_create(g.img, 512, g.lba, false, &desc));
	ut_assert(part_get_type(desc) != PART_TYPE_EFI);
	memdisk_destroy(desc);
	free(g.img);

	return 0;
}
UNIT_TEST(efi_test_not_gpt, 0, part);
