// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * UCLASS_BLK: block devices, numbered per interface in bind order.
 *
 * The uclass is the single gate between callers and block drivers: it
 * refuses a request that does not lie wholly inside the device (-EINVAL)
 * and a write to a read-only device (-EROFS) before the driver sees it,
 * and turns a short transfer into -EIO, so no caller ever gets part of
 * what it asked for without an error. Why the last request failed stays
 * with the device (blk_desc.fail_reason) for the command to print.
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <errno.h>
#include <part.h>
#include <dm/device-internal.h>
#include <dm/lists.h>
#include <dm/uclass-internal.h>

/* Interface names, as typed at the prompt ('part list virtio 0') */
static const struct {
	enum uclass_id id;
	const char *name;
} uclass_idname_str[] = {
	{ UCLASS_SCSI, "scsi" },
	{ UCLASS_AHCI, "sata" },
	{ UCLASS_HOST, "host" },
	{ UCLASS_VIRTIO, "virtio" },
};

enum uclass_id blk_get_uclass_id(const char *uclass_idname)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(uclass_idname_str); i++) {
		if (!strcmp(uclass_idname, uclass_idname_str[i].name))
			return uclass_idname_str[i].id;
	}

	return UCLASS_INVALID;
}

const char *blk_get_uclass_name(enum uclass_id uclass_id)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(uclass_idname_str); i++) {
		if (uclass_idname_str[i].id == uclass_id)
			return uclass_idname_str[i].name;
	}

	return "(none)";
}

int blk_find_device(int uclass_id, int devnum, struct udevice **devp)
{
	struct udevice *dev;
	struct uclass *uc;
	int ret;

	ret = uclass_get(UCLASS_BLK, &uc);
	if (ret)
		return ret;
	uclass_foreach_dev(dev, uc) {
		struct blk_desc *desc = dev_get_uclass_plat(dev);

		if (desc->uclass_id == uclass_id && desc->devnum == devnum) {
			*devp = dev;
			return 0;
		}
	}

	return -ENODEV;
}

int blk_get_device(int uclass_id, int devnum, struct udevice **devp)
{
	int ret;

	ret = blk_find_device(uclass_id, devnum, devp);
	if (ret)
		return ret;

	return device_probe(*devp);
}

struct blk_desc *blk_get_devnum_by_uclass_id(enum uclass_id uclass_id,
					     int devnum)
{
	struct udevice *dev;

	if (blk_get_device(uclass_id, devnum, &dev))
		return NULL;

	return dev_get_uclass_plat(dev);
}

/* The interface recorded in the description is what counts */
struct blk_desc *blk_get_devnum_by_uclass_idname(const char *uclass_idname,
						 int devnum)
{
	enum uclass_id id = blk_get_uclass_id(uclass_idname);

	if (id == UCLASS_INVALID)
		return NULL;

	return blk_get_devnum_by_uclass_id(id, devnum);
}

struct blk_desc *blk_get_by_device(struct udevice *dev)
{
	struct udevice *child;

	device_foreach_child(child, dev) {
		if (device_get_uclass_id(child) == UCLASS_BLK)
			return dev_get_uclass_plat(child);
	}

	return NULL;
}

/*
 * The description of a device, probed: 0, -ENODEV if there is no such
 * device and none numbered higher, -ENOENT if there is a higher one.
 */
static int get_desc(enum uclass_id uclass_id, int devnum,
		    struct blk_desc **descp)
{
	bool found_more = false;
	struct udevice *dev;
	struct uclass *uc;
	int ret;

	*descp = NULL;
	ret = uclass_get(UCLASS_BLK, &uc);
	if (ret)
		return ret;
	uclass_foreach_dev(dev, uc) {
		struct blk_desc *desc = dev_get_uclass_plat(dev);

		if (desc->uclass_id != uclass_id)
			continue;
		if (desc->devnum == devnum) {
			ret = device_probe(dev);
			if (ret)
				return ret;
			*descp = desc;
			return 0;
		}
		if (desc->devnum > devnum)
			found_more = true;
	}

	return found_more ? -ENOENT : -ENODEV;
}

int blk_list_part(enum uclass_id uclass_id)
{
	struct blk_desc *desc;
	int devnum, ok = 0;
	int ret;

	for (devnum = 0;; devnum++) {
		ret = get_desc(uclass_id, devnum, &desc);
		if (ret == -ENODEV)
			break;
		if (ret)
			continue;
		if (part_get_type(desc) != PART_TYPE_UNKNOWN) {
			ok++;
			if (devnum)
				putc('\n');
			part_print_checked(desc);
		}
	}

	return ok ? 0 : -ENODEV;
}

int blk_print_part_devnum(enum uclass_id uclass_id, int devnum)
{
	struct blk_desc *desc;
	int ret;

	ret = get_desc(uclass_id, devnum, &desc);
	if (ret || desc->type == DEV_TYPE_UNKNOWN)
		return -ENODEV;

	/* no table is U-Boot's line and success; a damaged one fails */
	ret = part_print_checked(desc);
	return ret == -ENOENT ? 0 : ret;
}

void blk_list_devices(enum uclass_id uclass_id)
{
	struct blk_desc *desc;
	int ret, i;

	for (i = 0;; i++) {
		ret = get_desc(uclass_id, i, &desc);
		if (ret == -ENODEV)
			break;
		if (ret)
			continue;
		if (desc->type == DEV_TYPE_UNKNOWN)
			continue;
		printf("Device %d: ", i);
		dev_print(desc);
	}
}

int blk_print_device_num(enum uclass_id uclass_id, int devnum)
{
	struct blk_desc *desc;
	int ret;

	ret = get_desc(uclass_id, devnum, &desc);
	if (ret)
		return -ENODEV;
	printf("\n%s device %d: ", blk_get_uclass_name(uclass_id), devnum);
	dev_print(desc);

	return 0;
}

int blk_show_device(enum uclass_id uclass_id, int devnum)
{
	struct blk_desc *desc;
	int ret;

	ret = get_desc(uclass_id, devnum, &desc);
	if (ret)
		return -ENODEV;
	printf("\nDevice %d: ", devnum);
	dev_print(desc);
	if (desc->type == DEV_TYPE_UNKNOWN)
		return -ENOENT;

	return 0;
}

unsigned long blk_read_devnum(enum uclass_id uclass_id, int devnum,
			      lbaint_t start, lbaint_t blkcnt, void *buffer)
{
	struct blk_desc *desc;
	int ret;

	ret = get_desc(uclass_id, devnum, &desc);
	if (ret)
		return ret;

	return blk_dread(desc, start, blkcnt, buffer);
}

unsigned long blk_write_devnum(enum uclass_id uclass_id, int devnum,
			       lbaint_t start, lbaint_t blkcnt,
			       const void *buffer)
{
	struct blk_desc *desc;
	int ret;

	ret = get_desc(uclass_id, devnum, &desc);
	if (ret)
		return ret;

	return blk_dwrite(desc, start, blkcnt, buffer);
}

static int _blk_next_device(int uclass_id, struct udevice **devp)
{
	for (; *devp; uclass_find_next_device(devp)) {
		struct blk_desc *desc = dev_get_uclass_plat(*devp);

		if (desc->uclass_id == uclass_id && !device_probe(*devp))
			return 0;
	}

	return -ENODEV;
}

int blk_first_device(int uclass_id, struct udevice **devp)
{
	uclass_find_first_device(UCLASS_BLK, devp);

	return _blk_next_device(uclass_id, devp);
}

int blk_next_device(struct udevice **devp)
{
	struct blk_desc *desc = dev_get_uclass_plat(*devp);

	uclass_find_next_device(devp);

	return _blk_next_device(desc->uclass_id, devp);
}

void blk_set_fail_reason(struct udevice *dev, const char *reason)
{
	struct blk_desc *desc = dev_get_uclass_plat(dev);

	strlcpy(desc->fail_reason, reason ? reason : "",
		sizeof(desc->fail_reason));
}

const char *blk_get_fail_reason(struct udevice *dev)
{
	struct blk_desc *desc = dev_get_uclass_plat(dev);

	return desc->fail_reason[0] ? desc->fail_reason : NULL;
}

/*
 * What every transfer checks before calling the driver, in this order:
 * -ENODEV, -EINVAL (outside the device), -EROFS (@write to a read-only
 * device), -ENOSYS (the driver lacks the operation), each refusal with
 * its reason. 1 if there is nothing to move, 0 to go on.
 */
static int blk_check_access(struct udevice *dev, lbaint_t start,
			    lbaint_t blkcnt, bool write, bool have_op)
{
	struct blk_desc *desc = dev_get_uclass_plat(dev);

	desc->fail_reason[0] = '\0';
	if (!device_active(dev))
		return -ENODEV;
	if (start > desc->lba || blkcnt > desc->lba - start) {
		snprintf(desc->fail_reason, sizeof(desc->fail_reason),
			 "blocks past the end of the device, which has %llu blocks",
			 (unsigned long long)desc->lba);
		return -EINVAL;
	}
	if (write && desc->read_only) {
		blk_set_fail_reason(dev, errno_str(-EROFS));
		return -EROFS;
	}
	if (!have_op)
		return -ENOSYS;

	return blkcnt ? 0 : 1;
}

/* Turn a driver's answer into @blkcnt or -errno: never a short count */
static long blk_check_count(unsigned long n, lbaint_t blkcnt)
{
	if (IS_ERR_VALUE(n))
		return (long)n;
	if (n != blkcnt)
		return -EIO;

	return blkcnt;
}

long blk_read(struct udevice *dev, lbaint_t start, lbaint_t blkcnt,
	      void *buffer)
{
	const struct blk_ops *ops = blk_get_ops(dev);
	struct blk_desc *desc = dev_get_uclass_plat(dev);
	long n;
	int ret;

	ret = blk_check_access(dev, start, blkcnt, false, ops->read);
	if (ret)
		return ret < 0 ? ret : 0;
	if (blkcache_read(dev, start, blkcnt, desc->blksz, buffer))
		return blkcnt;
	n = blk_check_count(ops->read(dev, start, blkcnt, buffer), blkcnt);
	if (n < 0)
		blkcache_invalidate(dev);
	else
		blkcache_fill(dev, start, blkcnt, desc->blksz, buffer);

	return n;
}

long blk_write(struct udevice *dev, lbaint_t start, lbaint_t blkcnt,
	       const void *buffer)
{
	const struct blk_ops *ops = blk_get_ops(dev);
	int ret;

	ret = blk_check_access(dev, start, blkcnt, true, ops->write);
	if (ret)
		return ret < 0 ? ret : 0;
	blkcache_invalidate(dev);

	return blk_check_count(ops->write(dev, start, blkcnt, buffer), blkcnt);
}

long blk_erase(struct udevice *dev, lbaint_t start, lbaint_t blkcnt)
{
	const struct blk_ops *ops = blk_get_ops(dev);
	int ret;

	ret = blk_check_access(dev, start, blkcnt, true, ops->erase);
	if (ret)
		return ret < 0 ? ret : 0;
	blkcache_invalidate(dev);

	return blk_check_count(ops->erase(dev, start, blkcnt), blkcnt);
}

unsigned long blk_dread(struct blk_desc *desc, lbaint_t start,
			lbaint_t blkcnt, void *buffer)
{
	return blk_read(desc->bdev, start, blkcnt, buffer);
}

unsigned long blk_dwrite(struct blk_desc *desc, lbaint_t start,
			 lbaint_t blkcnt, const void *buffer)
{
	return blk_write(desc->bdev, start, blkcnt, buffer);
}

unsigned long blk_derase(struct blk_desc *desc, lbaint_t start,
			 lbaint_t blkcnt)
{
	return blk_erase(desc->bdev, start, blkcnt);
}

int blk_read_checked(struct blk_desc *desc, lbaint_t start, lbaint_t blkcnt,
		     void *buffer)
{
	long n = blk_read(desc->bdev, start, blkcnt, buffer);

	return n < 0 ? (int)n : 0;
}

int blk_write_checked(struct blk_desc *desc, lbaint_t start, lbaint_t blkcnt,
		      const void *buffer)
{
	long n = blk_write(desc->bdev, start, blkcnt, buffer);

	return n < 0 ? (int)n : 0;
}

int blk_get_from_parent(struct udevice *parent, struct udevice **devp)
{
	struct udevice *dev;
	int ret;

	if (device_find_first_child_by_uclass(parent, UCLASS_BLK, &dev))
		return -ENODEV;
	ret = device_probe(dev);
	if (ret)
		return ret;
	*devp = dev;

	return 0;
}

int blk_find_max_devnum(enum uclass_id uclass_id)
{
	int max_devnum = -ENODEV;
	struct udevice *dev;
	struct uclass *uc;
	int ret;

	ret = uclass_get(UCLASS_BLK, &uc);
	if (ret)
		return ret;
	uclass_foreach_dev(dev, uc) {
		struct blk_desc *desc = dev_get_uclass_plat(dev);

		if (desc->uclass_id == uclass_id && desc->devnum > max_devnum)
			max_devnum = desc->devnum;
	}

	return max_devnum;
}

int blk_next_free_devnum(enum uclass_id uclass_id)
{
	int ret = blk_find_max_devnum(uclass_id);

	if (ret == -ENODEV)
		return 0;
	if (ret < 0)
		return ret;

	return ret + 1;
}

/* Give the device holding @devnum another number so a new one can have it */
static int blk_claim_devnum(enum uclass_id uclass_id, int devnum)
{
	struct udevice *dev;
	struct blk_desc *desc;
	int next;

	next = blk_find_device(uclass_id, devnum, &dev);
	if (next)
		return next == -ENODEV ? -ENOENT : next;
	desc = dev_get_uclass_plat(dev);
	next = blk_next_free_devnum(uclass_id);
	if (next < 0)
		return next;
	desc->devnum = next;

	return 0;
}

int blk_create_device(struct udevice *parent, const char *drv_name,
		      const char *name, int uclass_id, int devnum, int blksz,
		      lbaint_t lba, struct udevice **devp)
{
	struct blk_desc *desc;
	struct udevice *dev;
	int ret;

	if (blksz < 512 || (blksz & (blksz - 1)))
		return -EINVAL;
	if (devnum == -1) {
		devnum = blk_next_free_devnum(uclass_id);
	} else {
		ret = blk_claim_devnum(uclass_id, devnum);
		if (ret < 0 && ret != -ENOENT)
			return ret;
	}
	if (devnum < 0)
		return devnum;
	ret = device_bind_driver(parent, drv_name, name, &dev);
	if (ret)
		return ret;
	desc = dev_get_uclass_plat(dev);
	desc->uclass_id = uclass_id;
	desc->blksz = blksz;
	desc->log2blksz = __builtin_ctz(blksz);
	desc->lba = lba;
	desc->part_type = PART_TYPE_UNKNOWN;
	desc->bdev = dev;
	desc->devnum = devnum;
	*devp = dev;

	return 0;
}

int blk_create_devicef(struct udevice *parent, const char *drv_name,
		       const char *name, int uclass_id, int devnum, int blksz,
		       lbaint_t lba, struct udevice **devp)
{
	char *str;
	int len, ret;

	len = strlen(parent->name) + 1 + strlen(name) + 1;
	str = malloc(len);
	if (!str)
		return -ENOMEM;
	snprintf(str, len, "%s.%s", parent->name, name);

	ret = blk_create_device(parent, drv_name, str, uclass_id, devnum,
				blksz, lba, devp);
	if (ret) {
		free(str);
		return ret;
	}
	device_set_name_alloc(*devp);

	return 0;
}

int blk_probe_or_unbind(struct udevice *dev)
{
	int ret;

	ret = device_probe(dev);
	if (ret)
		device_unbind(dev);

	return ret;
}

int blk_unbind_all(int uclass_id)
{
	struct udevice *dev, *next;
	struct uclass *uc;
	int ret;

	ret = uclass_get(UCLASS_BLK, &uc);
	if (ret)
		return ret;
	uclass_foreach_dev_safe(dev, next, uc) {
		struct blk_desc *desc = dev_get_uclass_plat(dev);

		if (desc->uclass_id != uclass_id)
			continue;
		ret = device_remove(dev, DM_REMOVE_NORMAL);
		if (ret)
			return ret;
		ret = device_unbind(dev);
		if (ret)
			return ret;
	}

	return 0;
}

/* The partition table is read when first asked for (part_get_type()) */
static int blk_post_probe(struct udevice *dev)
{
	struct blk_desc *desc = dev_get_uclass_plat(dev);

	desc->part_type = IS_ENABLED(CONFIG_PARTITIONS) ? PART_TYPE_NOT_READ :
			  PART_TYPE_UNKNOWN;
	desc->sig_type = SIG_TYPE_NONE;

	return 0;
}

/* A device going away takes what was cached for it along */
static int blk_pre_remove(struct udevice *dev)
{
	blkcache_invalidate(dev);

	return 0;
}

UCLASS_DRIVER(blk) = {
	.id			= UCLASS_BLK,
	.name			= "blk",
	.post_probe		= blk_post_probe,
	.pre_remove		= blk_pre_remove,
	.pre_unbind		= blk_pre_remove,
	.per_device_plat_auto	= sizeof(struct blk_desc),
};
