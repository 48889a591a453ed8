// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Sandbox host-file block devices (UCLASS_HOST, interface "host").
 *
 * One "host_sb" device per file carries the host file descriptor; its
 * BLK child ("sandbox_host_blk") reads and writes the file in blocks
 * (512 bytes, or the size 'host bind' was given) through <asm/os.h>. The BLK uclass has already checked every
 * range against the file size, so the driver only moves bytes.
 */

#include <common.h>
#include <blk.h>
#include <dm.h>
#include <sandbox_host.h>
#include <asm/os.h>
#include <asm/state.h>
#include <dm/device-internal.h>
#include <dm/lists.h>
#include <dm/root.h>

/**
 * struct host_sb_plat - one attached host file
 * @filename:	its path on the host (a copy, freed when unbound)
 * @fd:		host file descriptor, -1 when closed
 */
struct host_sb_plat {
	char *filename;
	int fd;
};

static struct host_sb_plat *host_blk_plat(struct udevice *dev)
{
	return dev_get_plat(dev_get_parent(dev));
}

static unsigned long host_blk_read(struct udevice *dev, lbaint_t start,
				   lbaint_t blkcnt, void *buffer)
{
	struct host_sb_plat *plat = host_blk_plat(dev);
	unsigned long blksz = ((struct blk_desc *)dev_get_uclass_plat(dev))->blksz;
	size_t len = blkcnt * blksz;
	ssize_t n;

	n = os_pread(plat->fd, buffer, len, (u64)start * blksz);
	if (n < 0)
		return n;
	if ((size_t)n != len)
		return -EIO;

	return blkcnt;
}

static unsigned long host_blk_write(struct udevice *dev, lbaint_t start,
				    lbaint_t blkcnt, const void *buffer)
{
	struct host_sb_plat *plat = host_blk_plat(dev);
	unsigned long blksz = ((struct blk_desc *)dev_get_uclass_plat(dev))->blksz;
	size_t len = blkcnt * blksz;
	ssize_t n;

	n = os_pwrite(plat->fd, buffer, len, (u64)start * blksz);
	if (n < 0)
		return n;
	if ((size_t)n != len)
		return -EIO;

	return blkcnt;
}

static const struct blk_ops host_blk_ops = {
	.read	= host_blk_read,
	.write	= host_blk_write,
};

U_BOOT_DRIVER(sandbox_host_blk) = {
	.name	= "sandbox_host_blk",
	.id	= UCLASS_BLK,
	.ops	= &host_blk_ops,
};

static int host_sb_remove(struct udevice *dev)
{
	struct host_sb_plat *plat = dev_get_plat(dev);

	if (plat->fd >= 0) {
		os_close(plat->fd);
		plat->fd = -1;
	}
	free(plat->filename);
	plat->filename = NULL;

	return 0;
}

U_BOOT_DRIVER(host_sb_drv) = {
	.name		= "host_sb_drv",
	.id		= UCLASS_HOST,
	.plat_auto	= sizeof(struct host_sb_plat),
	.remove		= host_sb_remove,
};

UCLASS_DRIVER(host) = {
	.id	= UCLASS_HOST,
	.name	= "host",
};

/* Copy the last path component of @path into @dst (at most @len - 1 chars) */
static void host_basename(char *dst, size_t len, const char *path)
{
	const char *slash = strrchr(path, '/');

	strlcpy(dst, slash ? slash + 1 : path, len);
}

int host_create_attach_file(const char *label, const char *filename,
			    int devnum, unsigned long blksz, bool removable,
			    struct udevice **devp)
{
	struct host_sb_plat *plat;
	struct udevice *dev, *blk;
	struct blk_desc *desc;
	bool read_only = false;
	s64 size;
	int fd, ret;

	fd = os_open(filename, OS_O_RDWR);
	if (fd < 0) {
		fd = os_open(filename, OS_O_RDONLY);
		read_only = true;
	}
	if (fd < 0)
		return fd;
	size = os_filesize(fd);
	if (size < 0) {
		ret = size;
		goto err_close;
	}
	if (!size || size % blksz) {
		ret = -EINVAL;
		goto err_close;
	}

	ret = device_bind_driver(dm_root(), "host_sb_drv", label, &dev);
	if (ret)
		goto err_close;
	plat = dev_get_plat(dev);
	plat->filename = strdup(filename);
	plat->fd = fd;
	fd = -1;	/* the device owns it now */
	ret = device_set_name(dev, label);
	if (ret)
		goto err_unbind;

	ret = device_probe(dev);
	if (ret)
		goto err_unbind;
	ret = blk_create_devicef(dev, "sandbox_host_blk", "blk", UCLASS_HOST,
				 devnum, blksz, size / blksz, &blk);
	if (ret)
		goto err_remove;
	desc = dev_get_uclass_plat(blk);
	desc->type = DEV_TYPE_HARDDISK;
	desc->removable = removable;
	desc->read_only = read_only;
	strlcpy(desc->vendor, "sandbox", sizeof(desc->vendor));
	host_basename(desc->product, sizeof(desc->product), filename);
	strlcpy(desc->revision, "1.0", sizeof(desc->revision));
	ret = blk_probe_or_unbind(blk);
	if (ret)
		goto err_remove;
	*devp = dev;

	return 0;

err_remove:
	device_remove(dev, DM_REMOVE_NORMAL);
err_unbind:
	/* remove() closes the file only for a probed device */
	plat = dev_get_plat(dev);
	if (!device_active(dev)) {
		if (plat->fd >= 0)
			os_close(plat->fd);
		plat->fd = -1;
		free(plat->filename);
		plat->filename = NULL;
	}
	device_unbind(dev);
err_close:
	if (fd >= 0)
		os_close(fd);
	return ret;
}

int sandbox_host_bind_all(void)
{
	struct sandbox_state *state = state_get_current();
	struct udevice *dev;
	int i, ret, first = 0;

	for (i = 0; i < state->host_count; i++) {
		char label[16];

		snprintf(label, sizeof(label), "host%d",
			 blk_next_free_devnum(UCLASS_HOST));
		ret = host_create_attach_file(label, state->host_files[i], -1,
					      DEFAULT_BLKSZ, false, &dev);
		if (ret) {
			printf("host: cannot attach '%s': %s (error %d)\n",
			       state->host_files[i],
			       ret == -EINVAL ? "empty or not a multiple of 512 bytes" :
			       "cannot open it", ret);
			if (!first)
				first = ret;
		}
	}

	return first;
}

const char *host_get_filename(struct udevice *dev)
{
	struct host_sb_plat *plat = dev_get_plat(dev);

	return plat->filename;
}

int host_detach(struct udevice *dev)
{
	int ret;

	ret = device_remove(dev, DM_REMOVE_NORMAL);
	if (ret)
		return ret;

	return device_unbind(dev);
}
