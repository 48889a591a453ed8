// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The ISO partition type: a CD-ROM or ISO image, on a device with 2048-
 * or 512-byte blocks (an ISO image attached as a disk).
 *
 * As in U-Boot, the entries of an El Torito boot catalog are the
 * partitions, numbered from 1 in catalog order (the initial entry, then
 * the entries of each section; non-bootable entries take a number but
 * are no partition). The sizes are U-Boot's: a no-emulation image's
 * 512-byte sector count rounded down to 2048-byte blocks, a floppy
 * emulation's floppy size. After them (partition 1 on a volume without
 * a boot catalog) comes the whole ISO 9660 volume, marked bootable so
 * that "<dev>" without a partition opens its filesystem.
 *
 * A hybrid image (isohybrid: an MBR or a GPT in the system area) is read
 * as its DOS or GPT table: those drivers are tried first.
 */

#include <common.h>
#include <blk.h>
#include <iso9660.h>
#include <part.h>

#define ISO_PART_MAX	64	/* catalog entries in the first sector */

/* Read ISO sector @sector; the device's blocks must divide 2048 bytes */
static int iso_part_read(struct blk_desc *desc, u32 sector, void *buf)
{
	lbaint_t per = ISO_SECTOR_SIZE / desc->blksz;

	if (!desc->blksz || desc->blksz > ISO_SECTOR_SIZE ||
	    ISO_SECTOR_SIZE % desc->blksz ||
	    (u64)sector * per + per > desc->lba)
		return -EINVAL;

	return blk_read_checked(desc, (lbaint_t)sector * per, per, buf);
}

/* What an El Torito entry covers, in 2048-byte blocks, as U-Boot says */
static u32 iso_part_blocks(const struct et_section_entry *e)
{
	static const u16 floppy[] = { 2400, 2880, 5760, 2880 };

	if (!e->media_type)
		return le16_to_cpu(e->sector_count) >> 2;
	if (e->media_type <= ARRAY_SIZE(floppy))
		return floppy[e->media_type - 1] >> 2;
	return 0;
}

/*
 * Describe partition @part (0: count them): returns 0 with @info set,
 * the number of partitions if @part is 0, -ENOENT, or -ve if the device
 * holds no ISO 9660 volume
 */
static int iso_part(struct blk_desc *desc, int part,
		    struct disk_partition *info)
{
	const struct iso_volume_desc *vd;
	const struct et_section_entry *e;
	u32 volume = 0, catalog = 0;
	int i, n = 0, ret;
	lbaint_t per;
	u8 *buf;

	buf = malloc(ISO_SECTOR_SIZE);
	if (!buf)
		return -ENOMEM;
	vd = (void *)buf;
	for (i = 0; i < ISO_VD_MAX; i++) {
		ret = iso_part_read(desc, ISO_PRIMARY_VD_SECTOR + i, buf);
		if (ret || memcmp(vd->id, "CD001", 5) ||
		    vd->type == ISO_VD_END)
			break;
		if (vd->type == ISO_VD_PRIMARY && !volume)
			volume = le32_to_cpu(vd->space_size_le);
		if (vd->type == ISO_VD_BOOT && !catalog &&
		    !memcmp(((struct iso_boot_record *)buf)->boot_system_id,
			    ET_SYSTEM_ID, sizeof(ET_SYSTEM_ID) - 1))
			catalog = le32_to_cpu(((struct iso_boot_record *)buf)->catalog);
	}
	ret = -ENOENT;
	if (!volume)
		goto out;
	per = ISO_SECTOR_SIZE / desc->blksz;
	memset(info, 0, sizeof(*info));
	info->blksz = desc->blksz;

	/* The boot catalog: a validation entry whose words sum to 0 */
	if (catalog && !iso_part_read(desc, catalog, buf)) {
		u16 sum = 0;

		for (i = 0; i < ET_ENTRY_SIZE; i += 2)
			sum += get_unaligned_le16(buf + i);
		if (buf[0] != ET_HEADER_VALIDATION || sum ||
		    buf[30] != 0x55 || buf[31] != 0xaa)
			catalog = 0;
	} else {
		catalog = 0;
	}
	for (i = 1; catalog && i < ISO_PART_MAX; i++) {
		e = (void *)(buf + i * ET_ENTRY_SIZE);
		if (e->boot_indicator == ET_HEADER_SECTION ||
		    e->boot_indicator == ET_HEADER_LAST_SECTION ||
		    e->boot_indicator == ET_EXTENSION)
			continue;
		if ((e->boot_indicator != ISO_BC_BOOTABLE &&
		     e->boot_indicator != ISO_BC_NOT_BOOTABLE) ||
		    (!e->boot_indicator && !e->load_rba))
			break;		/* the end of the catalog */
		if (++n != part)
			continue;
		if (e->boot_indicator != ISO_BC_BOOTABLE)
			goto out;
		info->start = (lbaint_t)le32_to_cpu(e->load_rba) * per;
		info->size = (lbaint_t)iso_part_blocks(e) * per;
		strcpy((char *)info->type, "U-Boot");
		ret = 0;
		goto name;
	}
	/* The whole volume, after the boot entries */
	if (part == ++n) {
		info->size = min_t(lbaint_t, (lbaint_t)volume * per, desc->lba);
		info->bootable = PART_BOOTABLE;
		strcpy((char *)info->type, "ISO 9660");
		ret = 0;
		goto name;
	}
	ret = part ? -ENOENT : n;
	goto out;
name:
	part_set_generic_name(desc, part, (char *)info->name);
out:
	free(buf);
	return ret;
}

static int part_get_info_iso(struct blk_desc *desc, int part,
			     struct disk_partition *info)
{
	return part > 0 ? iso_part(desc, part, info) : -ENOENT;
}

static void part_print_iso(struct blk_desc *desc)
{
	struct disk_partition info;
	int i, n;

	n = iso_part(desc, 0, &info);
	printf("Part   Start     Sect x Size Type\n");
	for (i = 1; i <= n; i++) {
		if (iso_part(desc, i, &info))
			continue;
		printf(" %2d %8llu %8llu %6lu %.32s\n", i,
		       (unsigned long long)info.start,
		       (unsigned long long)info.size, info.blksz, info.type);
	}
}

static int part_test_iso(struct blk_desc *desc)
{
	struct disk_partition info;

	return iso_part(desc, 0, &info) > 0 ? 0 : -1;
}

U_BOOT_PART_TYPE(iso) = {
	.name		= "ISO",
	.part_type	= PART_TYPE_ISO,
	.max_entries	= ISO_PART_MAX,
	.get_info	= part_get_info_iso,
	.print		= part_print_iso,
	.test		= part_test_iso,
};
