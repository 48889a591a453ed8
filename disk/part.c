// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Partition tables: choosing the format of a device, describing and
 * printing its partitions, and turning "<interface> <dev>[:<part>]" as
 * typed at the prompt into a device and partition.
 */

#include <common.h>
#include <blk.h>
#include <part.h>

static struct part_driver *part_driver_lookup_type(struct blk_desc *dev_desc)
{
	struct part_driver *drv;

	if (part_get_type(dev_desc) == PART_TYPE_UNKNOWN)
		return NULL;
	ll_foreach(struct part_driver, drv, part_driver) {
		if (drv->part_type == dev_desc->part_type)
			return drv;
	}

	return NULL;
}

void part_init(struct blk_desc *dev_desc)
{
	struct part_driver *drv, *best = NULL;

	dev_desc->part_type = PART_TYPE_UNKNOWN;
	dev_desc->sig_type = SIG_TYPE_NONE;

	/*
	 * A GPT disk also holds a valid (protective) MBR. U-Boot relies on
	 * the linker sorting "a_efi" before "dos"; our lists keep link
	 * order, so a GPT match simply wins over any other.
	 */
	ll_foreach(struct part_driver, drv, part_driver) {
		if (best && best->part_type == PART_TYPE_EFI)
			break;
		if (drv->test(dev_desc))
			continue;
		if (!best || drv->part_type == PART_TYPE_EFI)
			best = drv;
	}
	if (best)
		dev_desc->part_type = best->part_type;
}

int part_get_type(struct blk_desc *dev_desc)
{
	if (dev_desc->part_type == PART_TYPE_NOT_READ)
		part_init(dev_desc);

	return dev_desc->part_type;
}

/* The interface as typed ("scsi"), as U-Boot prints it since 2024.07 */
static void print_part_header(const char *type, struct blk_desc *dev_desc)
{
	printf("\nPartition Map for %s device %d  --   Partition Type: %s\n\n",
	       blk_get_uclass_name(dev_desc->uclass_id), dev_desc->devnum,
	       type);
}

void part_print(struct blk_desc *dev_desc)
{
	struct part_driver *drv = part_driver_lookup_type(dev_desc);

	if (!drv) {
		printf("## Unknown partition table type %x\n",
		       dev_desc->part_type);
		return;
	}
	print_part_header(drv->name, dev_desc);
	if (drv->print)
		drv->print(dev_desc);
}

int part_validate(struct blk_desc *dev_desc, char *why, int why_len)
{
	struct part_driver *drv = part_driver_lookup_type(dev_desc);

	if (!drv) {
		snprintf(why, why_len, "no known partition table");
		return -ENOENT;
	}
	if (!drv->validate)
		return 0;

	return drv->validate(dev_desc, why, why_len);
}

int part_print_checked(struct blk_desc *dev_desc)
{
	char why[256];
	int ret;

	ret = part_validate(dev_desc, why, sizeof(why));
	if (ret == -ENOENT) {
		/* U-Boot's words for a device without a known table */
		part_print(dev_desc);
		return ret;
	}
	if (ret < 0) {
		printf("** %s %d: %s **\n",
		       blk_get_uclass_name(dev_desc->uclass_id),
		       dev_desc->devnum, why);
		return ret;
	}
	if (ret > 0)
		printf("%s\n", why);
	part_print(dev_desc);

	return 0;
}

int part_get_info(struct blk_desc *dev_desc, int part,
		  struct disk_partition *info)
{
	struct part_driver *drv = part_driver_lookup_type(dev_desc);

	if (!drv || !drv->get_info)
		return -EOPNOTSUPP;

	return drv->get_info(dev_desc, part, info);
}

int part_get_info_whole_disk(struct blk_desc *dev_desc,
			     struct disk_partition *info)
{
	memset(info, 0, sizeof(*info));
	info->start = 0;
	info->size = dev_desc->lba;
	info->blksz = dev_desc->blksz;

	return 0;
}

int part_get_info_by_name(struct blk_desc *dev_desc, const char *name,
			  struct disk_partition *info)
{
	struct part_driver *drv = part_driver_lookup_type(dev_desc);
	int i;

	if (!drv)
		return -ENOENT;
	for (i = 1; i <= drv->max_entries; i++) {
		if (part_get_info(dev_desc, i, info))
			continue;
		if (!strcmp(name, (const char *)info->name))
			return i;
	}

	return -ENOENT;
}

void part_set_generic_name(const struct blk_desc *dev_desc, int part_num,
			   char *name)
{
	const char *devtype;

	switch (dev_desc->uclass_id) {
	case UCLASS_AHCI:
		devtype = "hd";
		break;
	case UCLASS_SCSI:
		devtype = "sd";
		break;
	default:
		devtype = "xx";
		break;
	}
	snprintf(name, PART_NAME_LEN, "%s%c%d", devtype,
		 'a' + dev_desc->devnum, part_num);
}

/* lba512 * 10 / 2048 without overflowing: tenths of a MiB */
static ulong lba512_to_tenth_mib(u64 lba512)
{
	return (ulong)((lba512 / 2048) * 10 + (lba512 % 2048) * 10 / 2048);
}

void dev_print(struct blk_desc *dev_desc)
{
	switch (dev_desc->uclass_id) {
	case UCLASS_SCSI:
		printf("(%u:%u) Vendor: %s Prod.: %s Rev: %s\n",
		       dev_desc->target, dev_desc->lun, dev_desc->vendor,
		       dev_desc->product, dev_desc->revision);
		break;
	case UCLASS_HOST:
		printf("Vendor: %s Rev: %s Prod: %s\n", dev_desc->vendor,
		       dev_desc->revision, dev_desc->product);
		break;
	case UCLASS_VIRTIO:
		/* virtio-blk: "<vendor> VirtIO Block Device" */
		printf("%s %s%s%s\n", dev_desc->vendor, dev_desc->product,
		       dev_desc->revision[0] ? " " : "", dev_desc->revision);
		break;
	case UCLASS_INVALID:
		puts("device type unknown\n");
		return;
	default:
		printf("Unhandled device type: %i\n", dev_desc->uclass_id);
		return;
	}
	if (dev_desc->type == DEV_TYPE_UNKNOWN) {
		puts("            not available\n");
		return;
	}

	puts("            Type: ");
	if (dev_desc->removable)
		puts("Removable ");
	switch (dev_desc->type & 0x1f) {
	case DEV_TYPE_HARDDISK:
		puts("Hard Disk");
		break;
	case DEV_TYPE_CDROM:
		puts("CD ROM");
		break;
	case DEV_TYPE_OPDISK:
		puts("Optical Device");
		break;
	case DEV_TYPE_TAPE:
		puts("Tape");
		break;
	default:
		printf("# %02X #", dev_desc->type & 0x1f);
		break;
	}
	puts("\n");

	if (dev_desc->lba && dev_desc->blksz) {
		u64 lba512 = dev_desc->lba * (dev_desc->blksz / 512);
		ulong mb = lba512_to_tenth_mib(lba512);
		ulong gb = mb / 1024;

		printf("            Capacity: %lu.%lu MB = %lu.%lu GB (%llu x %lu)\n",
		       mb / 10, mb % 10, gb / 10, gb % 10,
		       (unsigned long long)dev_desc->lba, dev_desc->blksz);
	} else {
		puts("            Capacity: not available\n");
	}
}

struct blk_desc *blk_get_dev(const char *ifname, int dev)
{
	return blk_get_devnum_by_uclass_idname(ifname, dev);
}

/* Parse a whole hex number (U-Boot reads device numbers in hex) */
static int part_parse_hex(const char *str, int *valp)
{
	unsigned long val;

	if (strict_strtoul(str, 16, &val) || val > 0x7fffffff)
		return -EINVAL;
	*valp = val;

	return 0;
}

int blk_get_device_by_str(const char *ifname, const char *dev_str,
			  struct blk_desc **dev_desc)
{
	struct blk_desc *desc;
	int dev;

	if (!dev_str || part_parse_hex(dev_str, &dev))
		return -EINVAL;
	if (blk_get_uclass_id(ifname) == UCLASS_INVALID)
		return -ENXIO;
	desc = blk_get_devnum_by_uclass_idname(ifname, dev);
	if (!desc || desc->type == DEV_TYPE_UNKNOWN)
		return -ENODEV;
	*dev_desc = desc;

	return dev;
}

int blk_get_device_part_str(const char *ifname, const char *dev_part_str,
			    struct blk_desc **dev_desc,
			    struct disk_partition *info, int allow_whole_dev)
{
	char devstr[16];
	const char *colon;
	struct blk_desc *desc;
	int part = -1, first, ret;
	size_t len;

	if (!dev_part_str)
		return -EINVAL;
	colon = strchr(dev_part_str, ':');
	len = colon ? (size_t)(colon - dev_part_str) : strlen(dev_part_str);
	if (len >= sizeof(devstr))
		return -EINVAL;
	memcpy(devstr, dev_part_str, len);
	devstr[len] = '\0';
	if (colon && colon[1] && part_parse_hex(colon + 1, &part))
		return -EINVAL;

	ret = blk_get_device_by_str(ifname, devstr, &desc);
	if (ret < 0)
		return ret;
	*dev_desc = desc;

	if (part == 0 ||
	    (part < 0 && part_get_type(desc) == PART_TYPE_UNKNOWN)) {
		if (!allow_whole_dev)
			return -EINVAL;
		part_get_info_whole_disk(desc, info);
		return 0;
	}
	if (part > 0)
		return part_get_info(desc, part, info) ? -ENOENT : part;

	/*
	 * No partition given: the first bootable one, else the first one
	 * (one walk: each look-up may read and check the whole table)
	 */
	for (first = 0, part = 1; part <= MAX_SEARCH_PARTITIONS; part++) {
		if (part_get_info(desc, part, info))
			continue;
		if (info->bootable)
			return part;
		if (!first)
			first = part;
	}
	if (first)
		return part_get_info(desc, first, info) ? -ENOENT : first;

	return -ENOENT;
}

void part_print_dev_err(const char *ifname, const char *dev_str, int err)
{
	switch (err) {
	case -EINVAL:
		printf("** Bad device specification %s %s **\n", ifname,
		       dev_str);
		break;
	case -ENXIO:
		printf("** Unknown interface '%s' **\n", ifname);
		break;
	case -ENODEV:
		printf("** Bad device %s %s **\n", ifname, dev_str);
		break;
	case -ENOENT:
		printf("** No partition %s in %s %s **\n",
		       strchr(dev_str, ':') ? strchr(dev_str, ':') + 1 : "",
		       ifname, dev_str);
		break;
	default:
		printf("** Cannot use device %s %s (error %d) **\n", ifname,
		       dev_str, err);
		break;
	}
}
