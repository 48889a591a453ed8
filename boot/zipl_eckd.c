// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * zipl on ECKD DASD images: the boot map of a DASD (compatible disk
 * layout, CDL, or Linux disk layout, LDL) copied to a virtio-blk disk,
 * as QEMU's firmware boots it. Block pointers there are cylinder/head/
 * record addresses; with no real DASD geometry to ask, the geometry is
 * the one QEMU guesses: 15 heads and as many records a track as a 3390
 * holds of the block size (12 of 4096 bytes).
 *
 * Only where the program table is differs from the SCSI scheme: the
 * tables and block lists after it have the same layout, with ECKD
 * pointers in the 16-byte slots (zipl_decode_ptr()).
 *
 *   CDL: block 0 IPL1 record (key "IPL1" in EBCDIC), block 1 IPL2 record
 *        whose data holds the zipl boot record at offset 92, block 2 the
 *        VOL1 volume label. zipl 2.25 and later also write a second map
 *        for list-directed IPL, whose pointers have another format
 *        (struct zipl_eckd_ldptr): the label's bytes 78-82 (CCHHB) point
 *        to its boot record, "zIPL", version, 8 bytes, then the program
 *        table pointer. As s390-ccw 8.0 and later, that map is used when
 *        it is there and good; otherwise (zipl_read_map() retries) the
 *        CCW-type record's.
 *   LDL: block 2 an "LNX1" or "CMS1" label (or none: unlabeled), the
 *        zipl boot info at offset 0x70 of block 0.
 */

#include <common.h>
#include <blk.h>
#include <zipl.h>

static const u8 ebcdic_ipl1[4] = { 0xc9, 0xd7, 0xd3, 0xf1 };
static const u8 ebcdic_vol1[4] = { 0xe5, 0xd6, 0xd3, 0xf1 };
static const u8 ebcdic_lnx1[4] = { 0xd3, 0xd5, 0xe7, 0xf1 };
static const u8 ebcdic_cms1[4] = { 0xc3, 0xd4, 0xe2, 0xf1 };

#define IPL2_BOOT_RECORD	92	/* zipl's record in the IPL2 data */
#define VOL1_LD_BOOT_RECORD	78	/* CCHHB of the list-directed record */
#define LD_PROGRAM_TABLE	16	/* its program table pointer */
#define BOOT_DEV_ECKD		0x00
#define BOOT_BP_IPL		0x00
#define BOOT_INFO_VERSION	1
#define BOOT_INFO_FLAGS_ARCH	0x01	/* made for 64-bit (s390x) */

/**
 * struct zipl_eckd_record - the boot record in IPL2 (CDL) and the boot
 * info in block 0 (LDL), as far as the loader needs them
 */
struct zipl_eckd_record {
	char magic[4];			/* "zIPL" (ASCII) */
	u8 version;
	u8 bp_type;			/* IPL or dump */
	u8 dev_type;			/* ECKD or FBA */
	u8 flags;
	struct zipl_eckd_blockptr blockptr;	/* the program table */
} __packed;
_Static_assert(sizeof(struct zipl_eckd_record) == 24, "zipl_eckd_record");

/* Records of 4096/2048/1024/512 bytes on a 3390 track, as QEMU guesses */
static unsigned int eckd_secs(unsigned long blksz)
{
	switch (blksz) {
	case 512:
		return 49;
	case 1024:
		return 33;
	case 2048:
		return 21;
	case 4096:
		return 12;
	}
	return 0;
}

static int zipl_eckd_record(struct zipl_ctx *ctx, struct zipl_map *map,
			    const struct zipl_eckd_record *rec, const char *kind)
{
	struct zipl_ptr pt;
	int ret;

	if (rec->bp_type == ZIPL_BP_TYPE_DUMP)
		return zipl_fail(ctx, -ENOEXEC, ZIPL_DUMP_MSG);
	if (rec->dev_type != BOOT_DEV_ECKD || rec->bp_type != BOOT_BP_IPL)
		return zipl_fail(ctx, -EBADMSG,
				 "%s boot record is not for IPL from ECKD (type %u, device %u)",
				 kind, rec->bp_type, rec->dev_type);
	ret = zipl_decode_ptr(ctx, &rec->blockptr, &pt);
	if (ret < 0)
		return ret;
	if (!ret)
		return zipl_fail(ctx, -EBADMSG,
				 "%s boot record has no program table", kind);
	if (pt.size != ctx->desc->blksz)
		return zipl_fail(ctx, -EBADMSG,
				 "%s boot record for %u-byte blocks on a %lu-byte device",
				 kind, pt.size, ctx->desc->blksz);
	map->table = pt.blk;
	return 0;
}

/*
 * The list-directed boot record the VOL1 label @vol1 points to: -ENOENT
 * if it names none, else its program table in @map or the error (the
 * caller then reads the CCW-type record)
 */
static int zipl_eckd_ld(struct zipl_ctx *ctx, struct zipl_map *map, u8 *vol1)
{
	u8 br[16] = { 0 };
	struct zipl_ptr pt;
	int ret;

	/* CCHHB: the first five bytes of a CCW-type pointer */
	memcpy(br, vol1 + VOL1_LD_BOOT_RECORD, 5);
	map->scheme = ZIPL_SCHEME_ECKD_LD;
	ret = zipl_decode_ptr(ctx, br, &pt);
	if (ret <= 0)
		return ret ?: -ENOENT;
	ret = zipl_read_table(ctx, pt.blk, vol1, "list-directed boot record");
	if (ret)
		return ret;
	ctx->eckd_ld = true;
	ret = zipl_decode_ptr(ctx, vol1 + LD_PROGRAM_TABLE, &pt);
	if (!ret)
		return zipl_fail(ctx, -EBADMSG,
				 "%s boot record has no program table",
				 "list-directed");
	map->table = pt.blk;
	return ret < 0 ? ret : 0;
}

int zipl_eckd_map(struct zipl_ctx *ctx, struct zipl_map *map)
{
	const struct zipl_eckd_record *rec;
	unsigned long blksz = ctx->desc->blksz;
	u8 *b0 = ctx->buf, *blk;
	bool cdl, ldl;
	int ret;

	ctx->eckd_secs = eckd_secs(blksz);
	if (!ctx->eckd_secs || ctx->desc->lba < 3) {
		ctx->eckd_secs = 0;
		return -ENOENT;
	}
	blk = malloc(blksz);
	if (!blk)
		return zipl_fail(ctx, -ENOMEM, "out of memory");
	/* block 0 is in ctx->buf; block 2 tells CDL from LDL */
	ret = zipl_read_block(ctx, 2, blk, "volume label");
	if (ret)
		goto out;
	cdl = !memcmp(b0, ebcdic_ipl1, 4);
	ldl = !memcmp(blk, ebcdic_lnx1, 4) || !memcmp(blk, ebcdic_cms1, 4) ||
	      !memcmp(b0 + ZIPL_BOOT_INFO, ZIPL_MAGIC, 4);
	if (cdl) {
		if (memcmp(blk, ebcdic_vol1, 4)) {
			ret = zipl_fail(ctx, -EBADMSG,
					"ECKD CDL disk without a VOL1 label in block 2");
			goto out;
		}
		if (!ctx->no_ld) {
			ret = zipl_eckd_ld(ctx, map, blk);
			if (ret != -ENOENT)
				goto out;
		}
		map->scheme = ZIPL_SCHEME_ECKD_CDL;
		ret = zipl_read_block(ctx, 1, blk, "IPL2 record");
		if (ret)
			goto out;
		rec = (void *)(blk + IPL2_BOOT_RECORD);
		if (memcmp(rec->magic, ZIPL_MAGIC, 4)) {
			ret = zipl_fail(ctx, -EBADMSG,
					"ECKD CDL disk without a zipl record in IPL2");
			goto out;
		}
		ret = zipl_eckd_record(ctx, map, rec, "CDL");
	} else if (ldl) {
		rec = (void *)(b0 + ZIPL_BOOT_INFO);
		if (memcmp(rec->magic, ZIPL_MAGIC, 4)) {
			ret = zipl_fail(ctx, -EBADMSG,
					"ECKD LDL disk without zipl boot info in block 0");
			goto out;
		}
		if (rec->version != BOOT_INFO_VERSION ||
		    rec->flags != BOOT_INFO_FLAGS_ARCH) {
			ret = zipl_fail(ctx, -EBADMSG,
					"LDL boot info version %u, flags %#x: not for s390x",
					rec->version, rec->flags);
			goto out;
		}
		ret = zipl_eckd_record(ctx, map, rec, "LDL");
		map->scheme = ZIPL_SCHEME_ECKD_LDL;
	} else {
		ret = -ENOENT;
	}
out:
	if (ret)
		ctx->eckd_secs = 0;
	free(blk);
	return ret;
}
