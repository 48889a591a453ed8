// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The environment kept in a file on a FAT partition, as U-Boot's
 * ENV_IS_IN_FAT (env/fat.c): CONFIG_ENV_FAT_FILE on the partition
 * CONFIG_ENV_FAT_DEVICE_AND_PART of the CONFIG_ENV_FAT_INTERFACE devices,
 * in U-Boot's format (struct environment_s: a CRC-32 of the rest, then
 * the "name=value" strings of a binary export, padded with NULs to
 * CONFIG_ENV_SIZE bytes), so that U-Boot and virtboot read each other's
 * uboot.env.
 *
 * env_load() runs once at start-up, env_save() for 'saveenv' and 'env
 * save'. Both print what U-Boot's env_load() and env_save() print around
 * its FAT driver: "Loading Environment from FAT... " and "OK", or the
 * reason on the same line (U-Boot's words) and then the default
 * environment; "Saving Environment to FAT... " and "OK" or "Failed (1)".
 */
#include <common.h>
#include <blk.h>
#include <dm.h>
#include <dm/device-internal.h>
#include <env.h>
#include <fs.h>
#include <malloc.h>
#include <part.h>
#include <u-boot/crc.h>

/*
 * The virtio disks ready, as U-Boot's env/fat.c readies mmc and scsi: only
 * they, so that the other devices (a network card, whose probe sets
 * ethaddr) come up after the environment is there, as in U-Boot
 */
static void env_fat_probe_disks(void)
{
	struct udevice *udev, *vdev;
	struct uclass *uc;

	if (uclass_get(UCLASS_VIRTIO, &uc))
		return;
	uclass_foreach_dev(udev, uc) {
		if (device_probe(udev))
			continue;
		device_foreach_child(vdev, udev) {
			if (device_get_uclass_id(vdev) == UCLASS_BLK)
				device_probe(vdev);
		}
	}
}

/*
 * The partition, found as U-Boot's blk_get_device_part_str() finds it
 * ("D:auto": the first bootable partition, else the first); its error
 * line, in U-Boot 2023.01's words, if it is not there
 */
static int env_fat_part(struct blk_desc **desc, int *part)
{
	const char *ifname = CONFIG_ENV_FAT_INTERFACE;
	const char *spec = CONFIG_ENV_FAT_DEVICE_AND_PART;
	const char *colon = strchr(spec, ':');
	struct disk_partition info;
	char dev[16];
	int len, ret;

	len = colon ? colon - spec : (int)strlen(spec);
	if (len >= (int)sizeof(dev))
		len = sizeof(dev) - 1;
	memcpy(dev, spec, len);
	dev[len] = '\0';
	ret = blk_get_device_part_str(ifname, colon && !strcmp(colon, ":auto") ?
				      dev : spec, desc, &info, 1);
	if (ret >= 0) {
		*part = ret;
		return 0;
	}
	if (ret != -ENOENT)
		printf("** Bad device specification %s %s **\n", ifname, dev);
	else if (colon && colon[1] && strcmp(colon, ":auto"))
		printf("** Invalid partition %s **\n", colon + 1);
	else
		puts("** No valid partitions found **\n");

	return ret;
}

/* Set the FAT filesystem of the partition up, as U-Boot's fat_set_blk_dev() */
static int env_fat_set(struct blk_desc *desc, int part)
{
	if (!fs_set_blk_dev_with_part(desc, part) &&
	    fs_get_type() == FS_TYPE_FAT)
		return 0;
	fs_close();
	printf("Unable to use %s %d:%d...\n", CONFIG_ENV_FAT_INTERFACE,
	       desc->devnum, part);

	return -ENODEV;
}

int env_load(void)
{
	struct blk_desc *desc;
	loff_t len;
	char *buf;
	int part, ret;

	printf("Loading Environment from FAT... ");
	if (IS_ENABLED(CONFIG_VIRTIO) &&
	    !strcmp(CONFIG_ENV_FAT_INTERFACE, "virtio"))
		env_fat_probe_disks();
	ret = env_fat_part(&desc, &part);
	if (!ret)
		ret = env_fat_set(desc, part);
	if (ret)
		goto use_default;
	buf = calloc(1, CONFIG_ENV_SIZE);
	if (!buf) {
		fs_close();
		puts("out of memory\n");
		ret = -ENOMEM;
		goto use_default;
	}
	ret = fs_read_buf(CONFIG_ENV_FAT_FILE, buf, CONFIG_ENV_SIZE, &len);
	if (ret) {
		/* U-Boot's line, its space before the line break too */
		printf("Unable to read \"%s\" from %s%d:%d... ",
		       CONFIG_ENV_FAT_FILE, CONFIG_ENV_FAT_INTERFACE,
		       desc->devnum, part);
		putc('\n');
		free(buf);
		goto use_default;
	}
	ret = env_import(buf, 1, 0);
	free(buf);
	if (!ret)
		puts("OK\n");

	return ret;

use_default:
	env_set_default(NULL, 0);
	return ret;
}

int env_save(void)
{
	struct environment_s *env;
	struct blk_desc *desc;
	size_t len;
	loff_t written;
	int part, ret;

	printf("Saving Environment to FAT... ");
	env = calloc(1, sizeof(*env));
	if (!env) {
		ret = -ENOMEM;
		goto failed;
	}
	len = env_export_data('\0', NULL, 0, NULL);
	if (len > ENV_SIZE) {
		printf("Cannot export environment: %zu bytes do not fit in %u\n",
		       len, ENV_SIZE);
		ret = -ENOSPC;
		goto failed;
	}
	env_export_data('\0', (char *)env->data, 0, NULL);
	env->crc = crc32(0, env->data, ENV_SIZE);
	ret = env_fat_part(&desc, &part);
	if (!ret)
		ret = env_fat_set(desc, part);
	if (ret)
		goto failed;
	ret = fs_write_buf(CONFIG_ENV_FAT_FILE, env, 0, sizeof(*env),
			   &written);
	if (ret) {
		/* U-Boot's FAT writer says why, then env/fat.c's line */
		if (fs_get_error())
			printf("%s\n", fs_get_error());
		printf("Unable to write \"%s\" from %s%d:%d...\n",
		       CONFIG_ENV_FAT_FILE, CONFIG_ENV_FAT_INTERFACE,
		       desc->devnum, part);
		goto failed;
	}
	free(env);
	puts("OK\n");

	return 0;

failed:
	free(env);
	/* U-Boot's driver returns 1 whatever went wrong */
	puts("Failed (1)\n");

	return ret;
}
