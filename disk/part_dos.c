// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * DOS (MBR) partition tables with extended partitions.
 *
 * The MBR holds four primary records, numbered 1-4 by slot. An extended
 * record (type 0x05, 0x0f or 0x85) points to a chain of extended boot
 * records (EBRs): each EBR describes one logical partition (relative to
 * the EBR) and links to the next EBR (relative to the start of the
 * extended partition). Logical partitions are numbered from 5 in chain
 * order, as fdisk and Linux number them.
 *
 * Everything read from the disk is untrusted: every EBR address is
 * checked against the device size, the chain is followed at most
 * MAX_EXT_PARTS times and never back to an EBR already seen, so a
 * malicious chain ends.
 */

#include <common.h>
#include <blk.h>
#include <part.h>
#include "part_dos.h"

/**
 * struct dos_walk - state of one walk over the partitions of a disk
 * @desc:	the device
 * @disksig:	the MBR's disk signature
 * @visit:	called for each partition in numbering order; returns 0 to
 *		go on, anything else to stop the walk with that value. @p
 *		points into a buffer that is reused after the call.
 * @ctx:	for @visit
 * @why:	where to describe damage to the chain (may be NULL)
 * @why_len:	size of @why
 * @damaged:	the chain was damaged; the walk stopped at the damage
 */
struct dos_walk {
	struct blk_desc *desc;
	u32 disksig;
	int (*visit)(struct dos_walk *w, const dos_partition_t *p,
		     lbaint_t start, int num);
	void *ctx;
	char *why;
	int why_len;
	bool damaged;
};

static inline int is_extended(int part_type)
{
	return part_type == DOS_PART_TYPE_EXTENDED ||
	       part_type == DOS_PART_TYPE_EXTENDED_LBA ||
	       part_type == DOS_PART_TYPE_EXTENDED_LINUX;
}

static const dos_partition_t *dos_record(const u8 *buf, int slot)
{
	return (const dos_partition_t *)(buf + DOS_PART_TBL_OFFSET) + slot;
}

/* DOS_MBR, DOS_PBR (a FAT boot sector, not a partition table) or -1 */
static int test_block_type(const u8 *buf)
{
	int slot, count = 0;

	if (buf[DOS_PART_MAGIC_OFFSET] != 0x55 ||
	    buf[DOS_PART_MAGIC_OFFSET + 1] != 0xaa)
		return -1;

	for (slot = 0; slot < DOS_ENTRY_NUMBERS; slot++) {
		const dos_partition_t *p = dos_record(buf, slot);

		if (p->boot_ind != 0 && p->boot_ind != 0x80)
			break;
		if (p->sys_ind)
			count++;
	}

	if (slot != DOS_ENTRY_NUMBERS || !count) {
		if (!memcmp(buf + DOS_PBR_FSTYPE_OFFSET, "FAT", 3) ||
		    !memcmp(buf + DOS_PBR32_FSTYPE_OFFSET, "FAT32", 5))
			return DOS_PBR;
	}

	return slot == DOS_ENTRY_NUMBERS ? DOS_MBR : -1;
}

static __printf(2, 3) int dos_damaged(struct dos_walk *w, const char *fmt,
				      ...)
{
	va_list args;

	/* The first damage found is the one reported */
	if (!w->damaged && w->why && w->why_len > 0) {
		va_start(args, fmt);
		vsnprintf(w->why, w->why_len, fmt, args);
		va_end(args);
	}
	w->damaged = true;

	return 0;
}

/* Follow one extended partition's chain of EBRs */
static int dos_walk_chain(struct dos_walk *w, u8 *buf, lbaint_t ext_start,
			  int *num, lbaint_t *seen)
{
	struct blk_desc *desc = w->desc;
	lbaint_t ebr = ext_start;
	int hops, i, ret;

	for (hops = 0;; hops++) {
		lbaint_t next = 0;

		if (hops == MAX_EXT_PARTS)
			return dos_damaged(w, "more than %d extended boot records, stopped",
					   MAX_EXT_PARTS);
		if (ebr >= desc->lba)
			return dos_damaged(w, "extended boot record at block %llu is past the end of the device",
					   (unsigned long long)ebr);
		for (i = 0; i < hops; i++) {
			if (seen[i] == ebr)
				return dos_damaged(w, "extended partition chain loops back to block %llu",
						   (unsigned long long)ebr);
		}
		seen[hops] = ebr;

		ret = blk_read_checked(desc, ebr, 1, buf);
		if (ret)
			return dos_damaged(w, "cannot read the extended boot record at block %llu (error %d)",
					   (unsigned long long)ebr, ret);
		if (buf[DOS_PART_MAGIC_OFFSET] != 0x55 ||
		    buf[DOS_PART_MAGIC_OFFSET + 1] != 0xaa)
			return dos_damaged(w, "bad signature 0x%02x%02x in the extended boot record at block %llu",
					   buf[DOS_PART_MAGIC_OFFSET],
					   buf[DOS_PART_MAGIC_OFFSET + 1],
					   (unsigned long long)ebr);

		for (i = 0; i < DOS_ENTRY_NUMBERS; i++) {
			const dos_partition_t *p = dos_record(buf, i);
			u32 start4 = get_unaligned_le32(p->start4);

			if (!p->sys_ind)
				continue;
			if (is_extended(p->sys_ind)) {
				/* fdisk keeps one link an EBR; follow the first */
				if (!next)
					next = ext_start + start4;
				continue;
			}
			ret = w->visit(w, p, ebr + start4, (*num)++);
			if (ret)
				return ret;
		}
		if (!next)
			return 0;
		ebr = next;
	}
}

/*
 * Walk every partition of the disk in numbering order. Returns 0 when
 * the walk ended (w->damaged tells whether the chain was whole), the
 * value a visit returned to stop it, -ENOENT if there is no DOS table,
 * or another -ve error if block 0 cannot be read.
 */
static int dos_walk(struct dos_walk *w)
{
	struct blk_desc *desc = w->desc;
	dos_partition_t mbr[DOS_ENTRY_NUMBERS];
	lbaint_t *seen;
	int slot, num, ret;
	u8 *buf;

	if (desc->blksz < DOS_MBR_SIZE)
		return -EINVAL;
	buf = malloc(desc->blksz);
	seen = malloc(MAX_EXT_PARTS * sizeof(*seen));
	if (!buf || !seen) {
		ret = -ENOMEM;
		goto out;
	}

	ret = blk_read_checked(desc, 0, 1, buf);
	if (ret)
		goto out;
	if (test_block_type(buf) != DOS_MBR) {
		ret = -ENOENT;
		goto out;
	}
	w->disksig = get_unaligned_le32(buf + DOS_PART_DISKSIG_OFFSET);
	memcpy(mbr, buf + DOS_PART_TBL_OFFSET, sizeof(mbr));

	for (slot = 0; slot < DOS_ENTRY_NUMBERS; slot++) {
		if (!mbr[slot].sys_ind)
			continue;
		ret = w->visit(w, &mbr[slot], get_unaligned_le32(mbr[slot].start4),
			       slot + 1);
		if (ret)
			goto out;
	}

	num = DOS_ENTRY_NUMBERS + 1;
	for (slot = 0; slot < DOS_ENTRY_NUMBERS; slot++) {
		if (!is_extended(mbr[slot].sys_ind))
			continue;
		ret = dos_walk_chain(w, buf, get_unaligned_le32(mbr[slot].start4),
				     &num, seen);
		if (ret)
			goto out;
	}
out:
	free(seen);
	free(buf);
	return ret;
}

static int part_test_dos(struct blk_desc *desc)
{
	u8 *buf;
	int ret;

	if (desc->blksz < DOS_MBR_SIZE)
		return -EINVAL;
	buf = malloc(desc->blksz);
	if (!buf)
		return -ENOMEM;
	ret = blk_read_checked(desc, 0, 1, buf);
	if (!ret && test_block_type(buf) != DOS_MBR)
		ret = -ENOENT;
	if (!ret && desc->sig_type == SIG_TYPE_NONE) {
		u32 sig = get_unaligned_le32(buf + DOS_PART_DISKSIG_OFFSET);

		if (sig) {
			desc->sig_type = SIG_TYPE_MBR;
			desc->mbr_sig = sig;
		}
	}
	free(buf);

	return ret;
}

static int dos_print_one(struct dos_walk *w, const dos_partition_t *p,
			 lbaint_t start, int num)
{
	printf("%3d\t%-10llu\t%-10llu\t%08x-%02x\t%02x%s%s\n",
	       num, (unsigned long long)start,
	       (unsigned long long)get_unaligned_le32(p->size4), w->disksig,
	       num, p->sys_ind, is_extended(p->sys_ind) ? " Extd" : "",
	       p->boot_ind == 0x80 ? " Boot" : "");

	return 0;
}

static void part_print_dos(struct blk_desc *desc)
{
	struct dos_walk w = { .desc = desc, .visit = dos_print_one };

	printf("Part\tStart Sector\tNum Sectors\tUUID\t\tType\n");
	dos_walk(&w);
}

struct dos_find {
	int want;
	struct disk_partition *info;
};

static int dos_find_one(struct dos_walk *w, const dos_partition_t *p,
			lbaint_t start, int num)
{
	struct dos_find *find = w->ctx;
	struct disk_partition *info = find->info;

	if (num != find->want)
		return 0;
	/* U-Boot ignores a record whose boot flag is neither 0 nor 0x80 */
	if (p->boot_ind & ~0x80)
		return -ENOENT;

	memset(info, 0, sizeof(*info));
	info->start = start;
	info->size = get_unaligned_le32(p->size4);
	info->blksz = w->desc->blksz;
	part_set_generic_name(w->desc, num, (char *)info->name);
	strcpy((char *)info->type, "U-Boot");
	info->bootable = p->boot_ind == 0x80 ? PART_BOOTABLE : 0;
	snprintf(info->uuid, sizeof(info->uuid), "%08x-%02x", w->disksig, num);
	info->sys_ind = p->sys_ind;

	return 1;
}

static int part_get_info_dos(struct blk_desc *desc, int part,
			     struct disk_partition *info)
{
	struct dos_find find = { .want = part, .info = info };
	struct dos_walk w = { .desc = desc, .visit = dos_find_one,
			      .ctx = &find };
	int ret;

	if (part < 1)
		return -EINVAL;
	ret = dos_walk(&w);
	if (ret == 1)
		return 0;
	if (ret < 0)
		return ret;

	return -ENOENT;
}

static int dos_check_one(struct dos_walk *w, const dos_partition_t *p,
			 lbaint_t start, int num)
{
	lbaint_t size = get_unaligned_le32(p->size4);

	if (start >= w->desc->lba || size > w->desc->lba - start)
		dos_damaged(w, "partition %d (blocks %llu+%llu) extends past the end of the device (%llu blocks)",
			    num, (unsigned long long)start,
			    (unsigned long long)size,
			    (unsigned long long)w->desc->lba);

	return 0;
}

static int part_validate_dos(struct blk_desc *desc, char *why, int why_len)
{
	struct dos_walk w = { .desc = desc, .visit = dos_check_one,
			      .why = why, .why_len = why_len };
	int ret;

	ret = dos_walk(&w);
	if (ret < 0) {
		snprintf(why, why_len, "cannot read the MBR (error %d)", ret);
		return ret;
	}

	return w.damaged ? 1 : 0;
}

U_BOOT_PART_TYPE(dos) = {
	.name		= "DOS",
	.part_type	= PART_TYPE_DOS,
	.max_entries	= DOS_ENTRY_NUMBERS,
	.get_info	= part_get_info_dos,
	.print		= part_print_dos,
	.test		= part_test_dos,
	.validate	= part_validate_dos,
};
