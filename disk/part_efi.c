// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * GUID Partition Tables (UEFI 2.x, chapter 5).
 *
 * A GPT disk starts with a protective MBR (one record of type 0xee from
 * block 1); block 1 holds the primary header, the last block the backup
 * header, each pointing to its own copy of the partition entry array.
 * A header is believed only when its signature, its own CRC-32, its
 * location, its sizes and the CRC-32 of its entry array all check out;
 * when the primary fails, the backup at the last block is used, as
 * U-Boot does.
 *
 * Every header field is untrusted: the header size is bounded by the
 * block size, the entry size and count by fixed limits, and the entry
 * array must lie inside the device outside the usable blocks before a
 * single entry is read.
 */

#include <common.h>
#include <blk.h>
#include <part.h>
#include <part_efi.h>
#include <u-boot/crc.h>

/* Largest entry array read (the usual one is 128 x 128 bytes = 16 KiB) */
#define GPT_MAX_ENTRIES_BYTES	(1024 * 1024)
#define GPT_MAX_ENTRY_SIZE	4096
#define GPT_WHY_LEN		96

/**
 * struct gpt_table - a header that checked out and its entry array
 * @hdr:	the header (its first 92 bytes)
 * @entries:	the entry array, @num entries of @esz bytes (malloc'ed)
 * @num:	number of entries
 * @esz:	size of one entry (128 << n); only the first 128 bytes are used
 * @lba:	block the header was read from
 */
struct gpt_table {
	gpt_header hdr;
	u8 *entries;
	u32 num;
	u32 esz;
	lbaint_t lba;
};

static const efi_guid_t system_guid = PARTITION_SYSTEM_GUID;

void uuid_guid_bin_to_str(const efi_guid_t *guid, char *str)
{
	const u8 *b = guid->b;

	sprintf(str, "%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		get_unaligned_le32(b), get_unaligned_le16(b + 4),
		get_unaligned_le16(b + 6), b[8], b[9], b[10], b[11], b[12],
		b[13], b[14], b[15]);
}

static const gpt_entry *gpt_entry_at(const struct gpt_table *t, u32 i)
{
	return (const gpt_entry *)(t->entries + (size_t)i * t->esz);
}

static bool is_pte_valid(const gpt_entry *pte)
{
	static const efi_guid_t unused;

	return memcmp(&pte->partition_type_guid, &unused, sizeof(unused));
}

/* The partition name: UTF-16LE reduced to printable ASCII, '.' else */
static void gpt_entry_name(const gpt_entry *pte, char *name, size_t len)
{
	size_t i;

	for (i = 0; i < PARTNAME_SZ && i + 1 < len; i++) {
		u16 c = get_unaligned_le16(&pte->partition_name[i]);

		if (!c)
			break;
		name[i] = (c >= 0x20 && c < 0x7f) ? c : '.';
	}
	name[i] = '\0';
}

static bool pmbr_part_valid(const struct partition *part)
{
	return part->sys_ind == EFI_PMBR_OSTYPE_EFI_GPT &&
	       get_unaligned_le32(&part->start_sect) == 1;
}

/* A legacy MBR with a protective record: the disk claims to be GPT */
static bool is_pmbr_valid(const legacy_mbr *mbr)
{
	int i;

	if (get_unaligned_le16(&mbr->signature) != MSDOS_MBR_SIGNATURE)
		return false;
	for (i = 0; i < 4; i++) {
		if (pmbr_part_valid(&mbr->partition_record[i]))
			return true;
	}

	return false;
}

/* Check the header in @buf (one block read from @lba) */
static int gpt_check_header(struct blk_desc *desc, u8 *buf, lbaint_t lba,
			    struct gpt_table *t, char *why, int len)
{
	gpt_header *h = &t->hdr;
	u32 hsize, crc, calc;
	u64 first, last, ent_lba, ent_blocks, bytes;

	memcpy(h, buf, sizeof(*h));
	if (le64_to_cpu(h->signature) != GPT_HEADER_SIGNATURE_UBOOT) {
		snprintf(why, len, "no GPT signature at block %llu",
			 (unsigned long long)lba);
		return -EBADMSG;
	}

	hsize = le32_to_cpu(h->header_size);
	if (hsize < GPT_HEADER_MIN_SIZE || hsize > desc->blksz) {
		snprintf(why, len, "header size %u out of range", hsize);
		return -EINVAL;
	}
	crc = le32_to_cpu(h->header_crc32);
	memset(buf + offsetof(gpt_header, header_crc32), 0, sizeof(u32));
	calc = crc32(0, buf, hsize);
	if (calc != crc) {
		snprintf(why, len, "bad header CRC 0x%08x (computed 0x%08x)",
			 crc, calc);
		return -EBADMSG;
	}

	if (le64_to_cpu(h->my_lba) != lba) {
		snprintf(why, len, "header at block %llu says it is at block %llu",
			 (unsigned long long)lba,
			 (unsigned long long)le64_to_cpu(h->my_lba));
		return -EINVAL;
	}

	first = le64_to_cpu(h->first_usable_lba);
	last = le64_to_cpu(h->last_usable_lba);
	if (first > last || last >= desc->lba) {
		snprintf(why, len, "usable blocks %llu-%llu do not fit the device (%llu blocks)",
			 (unsigned long long)first, (unsigned long long)last,
			 (unsigned long long)desc->lba);
		return -EINVAL;
	}

	t->num = le32_to_cpu(h->num_partition_entries);
	t->esz = le32_to_cpu(h->sizeof_partition_entry);
	if (t->esz < GPT_ENTRY_SIZE || t->esz > GPT_MAX_ENTRY_SIZE ||
	    (t->esz & (t->esz - 1))) {
		snprintf(why, len, "partition entry size %u not supported",
			 t->esz);
		return -EINVAL;
	}
	bytes = (u64)t->num * t->esz;
	if (bytes > GPT_MAX_ENTRIES_BYTES) {
		snprintf(why, len, "%u partition entries of %u bytes are too many",
			 t->num, t->esz);
		return -EINVAL;
	}

	ent_lba = le64_to_cpu(h->partition_entry_lba);
	ent_blocks = DIV_ROUND_UP(bytes, desc->blksz);
	if (ent_lba < 1 || ent_lba >= desc->lba ||
	    ent_blocks > desc->lba - ent_lba ||
	    (lba >= ent_lba && lba < ent_lba + ent_blocks) ||
	    (ent_lba <= last && ent_lba + ent_blocks > first)) {
		snprintf(why, len, "partition entries at block %llu (%llu blocks) misplaced",
			 (unsigned long long)ent_lba,
			 (unsigned long long)ent_blocks);
		return -EINVAL;
	}
	t->lba = lba;

	return 0;
}

/*
 * Read and check the header at @lba and its entry array into @t.
 * On failure @why says what is wrong and nothing is left allocated.
 */
static int gpt_read(struct blk_desc *desc, lbaint_t lba, struct gpt_table *t,
		    char *why, int len)
{
	u64 bytes, blocks;
	u32 calc, crc;
	u8 *buf;
	int ret;

	t->entries = NULL;
	if (lba >= desc->lba) {
		snprintf(why, len, "device too small");
		return -EINVAL;
	}
	buf = malloc(desc->blksz);
	if (!buf)
		return -ENOMEM;
	ret = blk_read_checked(desc, lba, 1, buf);
	if (ret)
		snprintf(why, len, "cannot read block %llu (error %d)",
			 (unsigned long long)lba, ret);
	else
		ret = gpt_check_header(desc, buf, lba, t, why, len);
	free(buf);
	if (ret)
		return ret;

	bytes = (u64)t->num * t->esz;
	blocks = DIV_ROUND_UP(bytes, desc->blksz);
	t->entries = malloc(blocks ? blocks * desc->blksz : 1);
	if (!t->entries)
		return -ENOMEM;
	ret = blk_read_checked(desc, le64_to_cpu(t->hdr.partition_entry_lba),
			       blocks, t->entries);
	if (ret) {
		snprintf(why, len, "cannot read the partition entries (error %d)",
			 ret);
		goto err;
	}
	crc = le32_to_cpu(t->hdr.partition_entry_array_crc32);
	calc = crc32(0, t->entries, bytes);
	if (calc != crc) {
		snprintf(why, len, "bad partition entries CRC 0x%08x (computed 0x%08x)",
			 crc, calc);
		ret = -EBADMSG;
		goto err;
	}

	return 0;
err:
	free(t->entries);
	t->entries = NULL;
	return ret;
}

/*
 * Find a usable GPT: 0 if the primary is good, 1 if the backup is used
 * (@why says why), -ve if neither is (@why says why). On success the
 * caller frees t->entries.
 */
static int find_valid_gpt(struct blk_desc *desc, struct gpt_table *t,
			  char *why, int len)
{
	char pwhy[GPT_WHY_LEN], bwhy[GPT_WHY_LEN];
	int ret;

	ret = gpt_read(desc, GPT_PRIMARY_PARTITION_TABLE_LBA, t, pwhy,
		       sizeof(pwhy));
	if (!ret)
		return 0;
	if (ret == -ENOMEM) {
		snprintf(why, len, "GPT: out of memory");
		return ret;
	}
	if (desc->lba > 2 &&
	    !gpt_read(desc, desc->lba - 1, t, bwhy, sizeof(bwhy))) {
		snprintf(why, len, "GPT: primary GPT is invalid (%s), using the backup GPT",
			 pwhy);
		return 1;
	}
	if (desc->lba <= 2)
		snprintf(bwhy, sizeof(bwhy), "device too small");
	snprintf(why, len, "GPT: no valid GPT (primary: %s; backup: %s)", pwhy,
		 bwhy);

	return ret;
}

static int part_test_efi(struct blk_desc *desc)
{
	legacy_mbr *mbr;
	int ret;

	if (desc->blksz < sizeof(*mbr))
		return -EINVAL;
	mbr = malloc(desc->blksz);
	if (!mbr)
		return -ENOMEM;
	ret = blk_read_checked(desc, 0, 1, mbr);
	if (!ret && !is_pmbr_valid(mbr))
		ret = -ENOENT;
	free(mbr);

	return ret;
}

static void part_print_efi(struct blk_desc *desc)
{
	char why[2 * GPT_WHY_LEN + 64];
	char uuid[UUID_STR_LEN + 1];
	char name[PARTNAME_SZ + 1];
	struct gpt_table t;
	u32 i;

	if (find_valid_gpt(desc, &t, why, sizeof(why)) < 0) {
		printf("%s\n", why);
		return;
	}

	printf("Part\tStart LBA\tEnd LBA\t\tName\n");
	printf("\tAttributes\n");
	printf("\tType GUID\n");
	printf("\tPartition GUID\n");

	for (i = 0; i < t.num; i++) {
		const gpt_entry *pte = gpt_entry_at(&t, i);

		if (!is_pte_valid(pte))
			continue;
		gpt_entry_name(pte, name, sizeof(name));
		printf("%3d\t0x%08llx\t0x%08llx\t\"%s\"\n", i + 1,
		       (unsigned long long)get_unaligned_le64(&pte->starting_lba),
		       (unsigned long long)get_unaligned_le64(&pte->ending_lba),
		       name);
		printf("\tattrs:\t0x%016llx\n",
		       (unsigned long long)get_unaligned_le64(&pte->attributes.raw));
		uuid_guid_bin_to_str(&pte->partition_type_guid, uuid);
		printf("\ttype:\t%s\n", uuid);
		uuid_guid_bin_to_str(&pte->unique_partition_guid, uuid);
		printf("\tguid:\t%s\n", uuid);
	}
	free(t.entries);
}

static int part_get_info_efi(struct blk_desc *desc, int part,
			     struct disk_partition *info)
{
	char why[2 * GPT_WHY_LEN + 64];
	const gpt_entry *pte;
	struct gpt_table t;
	u64 start, end;
	int ret;

	if (part < 1)
		return -EINVAL;
	ret = find_valid_gpt(desc, &t, why, sizeof(why));
	if (ret < 0)
		return ret;

	ret = -ENOENT;
	if (part > t.num)
		goto out;
	pte = gpt_entry_at(&t, part - 1);
	if (!is_pte_valid(pte))
		goto out;
	start = get_unaligned_le64(&pte->starting_lba);
	end = get_unaligned_le64(&pte->ending_lba);
	ret = -EINVAL;
	if (end < start || end >= desc->lba)
		goto out;

	memset(info, 0, sizeof(*info));
	info->start = start;
	info->size = end - start + 1;
	info->blksz = desc->blksz;
	gpt_entry_name(pte, (char *)info->name, sizeof(info->name));
	strcpy((char *)info->type, "U-Boot");
	if ((get_unaligned_le64(&pte->attributes.raw) &
	     GPT_ATTR_LEGACY_BIOS_BOOTABLE) ||
	    !memcmp(&pte->partition_type_guid, &system_guid,
		    sizeof(system_guid)))
		info->bootable = PART_BOOTABLE;
	uuid_guid_bin_to_str(&pte->unique_partition_guid, info->uuid);
	uuid_guid_bin_to_str(&pte->partition_type_guid, info->type_guid);
	ret = 0;
out:
	free(t.entries);
	return ret;
}

static int part_validate_efi(struct blk_desc *desc, char *why, int why_len)
{
	u64 first, last, start, end;
	struct gpt_table t;
	int ret;
	u32 i;

	ret = find_valid_gpt(desc, &t, why, why_len);
	if (ret < 0)
		return ret;

	first = le64_to_cpu(t.hdr.first_usable_lba);
	last = le64_to_cpu(t.hdr.last_usable_lba);
	for (i = 0; i < t.num && !ret; i++) {
		const gpt_entry *pte = gpt_entry_at(&t, i);

		if (!is_pte_valid(pte))
			continue;
		start = get_unaligned_le64(&pte->starting_lba);
		end = get_unaligned_le64(&pte->ending_lba);
		if (start > end || start < first || end > last) {
			snprintf(why, why_len, "GPT: partition %u (blocks %llu-%llu) lies outside the usable blocks %llu-%llu",
				 i + 1, (unsigned long long)start,
				 (unsigned long long)end,
				 (unsigned long long)first,
				 (unsigned long long)last);
			ret = 1;
		}
	}
	free(t.entries);

	return ret;
}

/* "a_efi" sorts before "dos": a GPT disk is not taken for a DOS one */
U_BOOT_PART_TYPE(a_efi) = {
	.name		= "EFI",
	.part_type	= PART_TYPE_EFI,
	.max_entries	= 128,
	.get_info	= part_get_info_efi,
	.print		= part_print_efi,
	.test		= part_test_efi,
	.validate	= part_validate_efi,
};
