// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * El Torito: s390 boot images on ISO-9660 media (a virtio-scsi CD-ROM,
 * 2048-byte blocks, or an ISO image on a disk with smaller blocks).
 *
 * The boot record volume descriptor points to the boot catalog; each of
 * its bootable entries whose image starts with an s390 IPL PSW and the
 * two IPL CCWs is one entry of the map (loadparm selects, 0 first). The
 * catalog's sector count is usually a token 4 (2048 bytes), so the image's
 * real size comes from its record in the ISO-9660 directory tree, as
 * QEMU's firmware does; the walk is bounded in depth and in sectors read.
 * Layouts: ECMA-119 and the El Torito specification.
 */

#include <common.h>
#include <blk.h>
#include <iso9660.h>
#include <zipl.h>

#define LINUX_S390EP_SKIP	0x10000	/* lowcore and IPL text of an image */

/* s390 IPL: bytes 8-23 of a boot image, the two CCWs reading the rest */
static const u8 s390_ipl_ccws[16] = {
	0x02, 0x00, 0x00, 0x18, 0x60, 0x00, 0x00, 0x50,
	0x02, 0x00, 0x00, 0x68, 0x60, 0x00, 0x00, 0x50,
};

/* Read ISO sector @sector (2048 bytes) into @buf */
static int iso_read(struct zipl_ctx *ctx, u64 sector, void *buf,
		    const char *what)
{
	unsigned long per = ISO_SECTOR_SIZE / ctx->desc->blksz;
	lbaint_t blk = sector * per;
	int ret;

	if (sector >= ctx->desc->lba / per)
		return zipl_fail(ctx, -ERANGE,
				 "%s at ISO sector %lu: beyond the device",
				 what, (ulong)sector);
	ret = blk_read_checked(ctx->desc, blk, per, buf);
	if (ret)
		return zipl_fail(ctx, ret, "cannot read %s at ISO sector %lu (%d)",
				 what, (ulong)sector, ret);
	return 0;
}

static bool iso_vd_valid(const u8 *vd)
{
	return !memcmp(vd + 1, "CD001", 5) && vd[6] == 1;
}

static bool iso_is_dot(const struct iso_dir_record *r)
{
	/* "." and ".." are the one-byte names 0 and 1 */
	return r->name_len == 1 && r->dr_len > sizeof(*r) &&
	       ((const u8 *)r)[sizeof(*r)] <= 1;
}

/*
 * The size of the file whose extent starts at @rba, from the directory
 * tree (0 if not found). Depth-first; each level remembers where it was,
 * so returning to a directory reads its sector again. At most
 * ISO_MAX_DIR_SECTORS sector reads in all, ISO_MAX_DIR_DEPTH levels.
 */
static u32 iso_file_size(struct zipl_ctx *ctx, u8 *sec, u32 rba)
{
	struct {
		u32 loc;	/* current sector */
		u32 left;	/* bytes of the directory from that sector on */
		u32 off;	/* next record in the current sector */
	} st[ISO_MAX_DIR_DEPTH];
	const struct iso_dir_record *r;
	int level = 0, reads = 0;
	bool down;

	if (iso_read(ctx, ISO_PRIMARY_VD_SECTOR, sec, "primary descriptor"))
		return 0;
	r = (void *)((struct iso_volume_desc *)sec)->root;
	st[0].loc = le32_to_cpu(r->ext_loc_le);
	st[0].left = le32_to_cpu(r->data_len_le);
	st[0].off = 0;

	while (level >= 0) {
		if (!st[level].left) {
			level--;
			continue;
		}
		if (++reads > ISO_MAX_DIR_SECTORS ||
		    iso_read(ctx, st[level].loc, sec, "directory"))
			return 0;
		down = false;
		while (st[level].off + sizeof(*r) <= ISO_SECTOR_SIZE) {
			r = (void *)(sec + st[level].off);
			if (!r->dr_len)
				break;		/* padding to the sector's end */
			if (r->dr_len < sizeof(*r) ||
			    st[level].off + r->dr_len > ISO_SECTOR_SIZE)
				return 0;	/* malformed */
			st[level].off += r->dr_len;
			if (iso_is_dot(r))
				continue;
			if (!(r->file_flags & ISO_FLAG_DIR)) {
				if (le32_to_cpu(r->ext_loc_le) == rba)
					return le32_to_cpu(r->data_len_le);
				continue;
			}
			if (level + 1 < ISO_MAX_DIR_DEPTH) {
				st[level + 1].loc = le32_to_cpu(r->ext_loc_le);
				st[level + 1].left = le32_to_cpu(r->data_len_le);
				st[level + 1].off = 0;
				down = true;
				break;
			}
		}
		if (down) {
			level++;
			continue;
		}
		st[level].left = st[level].left > ISO_SECTOR_SIZE ?
				 st[level].left - ISO_SECTOR_SIZE : 0;
		st[level].loc++;
		st[level].off = 0;
	}
	return 0;
}

int zipl_eltorito_map(struct zipl_ctx *ctx, struct zipl_map *map)
{
	const struct et_section_entry *e;
	const struct iso_boot_record *br;
	u8 *sec;
	u32 catalog = 0;
	int i, ret, n = 0;

	sec = malloc(2 * ISO_SECTOR_SIZE);
	if (!sec)
		return zipl_fail(ctx, -ENOMEM, "out of memory");
	br = (void *)sec;
	for (i = 0; i < ISO_VD_MAX && !catalog; i++) {
		ret = iso_read(ctx, ISO_PRIMARY_VD_SECTOR + i, sec,
			       "volume descriptor");
		if (ret || !iso_vd_valid(sec) || sec[0] == ISO_VD_END)
			break;
		if (sec[0] == ISO_VD_BOOT &&
		    !memcmp(br->boot_system_id, ET_SYSTEM_ID,
			    sizeof(ET_SYSTEM_ID) - 1))
			catalog = le32_to_cpu(br->catalog);
	}
	if (!catalog) {
		free(sec);
		return -ENOENT;
	}

	map->scheme = ZIPL_SCHEME_ELTORITO;
	map->table = catalog;
	ret = iso_read(ctx, catalog, sec, "boot catalog");
	if (ret)
		goto out;
	/* Validation entry: header id 1, key 55 aa */
	if (sec[0] != 1 || sec[30] != 0x55 || sec[31] != 0xaa) {
		ret = zipl_fail(ctx, -EBADMSG,
				"El Torito boot catalog at ISO sector %u has no validation entry",
				catalog);
		goto out;
	}
	for (i = 1; i < ISO_SECTOR_SIZE / ET_ENTRY_SIZE && n < ZIPL_MAX_ENTRIES;
	     i++) {
		u8 *img = sec + ISO_SECTOR_SIZE;
		u32 rba;

		e = (void *)(sec + i * ET_ENTRY_SIZE);
		if (e->boot_indicator != ISO_BC_BOOTABLE || e->unused ||
		    !e->sector_count)
			continue;
		rba = le32_to_cpu(e->load_rba);
		if (iso_read(ctx, rba, img, "boot image") ||
		    memcmp(img + 8, s390_ipl_ccws, sizeof(s390_ipl_ccws)))
			continue;
		map->entries[n] = rba;
		map->iso_load[n] = le16_to_cpu(e->load_segment);
		map->iso_size[n] = le16_to_cpu(e->sector_count) * 512;
		n++;
	}
	/* Sizes from the directory (it reuses the buffer: catalog done) */
	for (i = 0; i < n; i++) {
		u32 size = iso_file_size(ctx, sec, map->entries[i]);

		if (size)
			map->iso_size[i] = size;
	}
	map->count = n;
	ret = n ? 0 : zipl_fail(ctx, -ENOEXEC,
				"El Torito boot catalog has no s390 boot image");
out:
	free(sec);
	return ret;
}

int zipl_eltorito_plan(struct zipl_ctx *ctx, const struct zipl_map *map,
		       int index, struct zipl_plan *plan)
{
	unsigned long blksz = ctx->desc->blksz;
	struct zipl_component *c = &plan->comp[0];
	u64 size, skip = 0;
	u8 *buf;
	int ret;

	memset(plan, 0, sizeof(*plan));
	plan->index = index;
	if (index < 0 || index >= map->count)
		return zipl_fail(ctx, -ENOENT,
				 "entry %d: the boot catalog has %d s390 boot image(s)",
				 index, map->count);
	buf = malloc(ISO_SECTOR_SIZE);
	if (!buf)
		return zipl_fail(ctx, -ENOMEM, "out of memory");
	size = map->iso_size[index];
	plan->table = map->entries[index];

	/* A Linux image: its "S390EP" magic at 0x10008 */
	if (size > LINUX_MAGIC_ADDR + 6) {
		ret = iso_read(ctx, map->entries[index] +
			       LINUX_S390EP_SKIP / ISO_SECTOR_SIZE, buf,
			       "boot image");
		if (ret)
			goto out;
		if (!memcmp(buf + (LINUX_MAGIC_ADDR - LINUX_IMAGE_ADDR),
			    "S390EP", 6))
			skip = LINUX_S390EP_SKIP;
	}
	if (!skip) {
		ret = iso_read(ctx, map->entries[index], buf, "boot image");
		if (ret)
			goto out;
	}
	c->type = ZIPL_COMP_LOAD;
	c->direct = true;
	c->list = (map->entries[index] * ISO_SECTOR_SIZE + skip) / blksz;
	c->addr = map->iso_load[index] + skip;
	c->size = ALIGN(size - skip, blksz);
	c->extents = 1;
	if (c->list + c->size / blksz > ctx->desc->lba ||
	    c->list + c->size / blksz < c->list) {
		ret = zipl_fail(ctx, -ERANGE,
				"entry %d: boot image (ISO sector %lu, %lu bytes) runs beyond the device",
				index, (ulong)map->entries[index], (ulong)size);
		goto out;
	}
	plan->ncomp = 1;
	plan->nload = 1;
	plan->total = c->size;
	if (skip)
		plan->psw = 0x0008000080000000ULL | (c->addr);
	else
		plan->psw = get_unaligned_be64(buf);
	plan->entry = plan->psw & ZIPL_PSW_ADDR_MASK;
	ret = zipl_check_range(ctx, 0, c->addr, c->size);
	if (!ret && (plan->entry < c->addr ||
		     plan->entry >= c->addr + c->size))
		ret = zipl_fail(ctx, -ENOEXEC,
				"entry %d: start address 0x%lx is outside the boot image",
				index, (ulong)plan->entry);
out:
	free(buf);
	return ret;
}
