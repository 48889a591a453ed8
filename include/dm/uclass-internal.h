/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Uclass calls that find devices without probing them, and the hooks the
 * device core calls on a device's uclass.
 */
#ifndef _DM_UCLASS_INTERNAL_H
#define _DM_UCLASS_INTERNAL_H

#include <dm/ofnode.h>
#include <dm/uclass-id.h>

struct uclass;
struct udevice;

/**
 * uclass_find() - the uclass with ID @key if it exists (no creation)
 * @key:	the uclass id to look for
 * Return: the uclass, or NULL
 */
struct uclass *uclass_find(enum uclass_id key);

/**
 * uclass_find_device() - find a device of a uclass by index (no probe)
 * @id:	the uclass id
 * @index:	the position in the uclass, from 0
 * @devp:	returns the device found (NULL if none)
 * Return: 0 if found, -ENODEV if not, other -ve if the uclass cannot be
 *	   created
 */
int uclass_find_device(enum uclass_id id, int index, struct udevice **devp);

/**
 * uclass_find_first_device() - find the first device of a uclass (no probe)
 * @id:	the uclass id
 * @devp:	returns the device, NULL if the uclass has none
 * Return: 0 if OK (found or not), -ve if the uclass cannot be created
 */
int uclass_find_first_device(enum uclass_id id, struct udevice **devp);

/**
 * uclass_find_next_device() - find the next device of its uclass (no probe)
 * @devp:	on entry, a device; on return, the next one or NULL
 * Return: 0
 */
int uclass_find_next_device(struct udevice **devp);

/**
 * uclass_find_device_by_name() - find a device of a uclass by name
 * @id:	the uclass id
 * @name:	the name of the device
 * @devp:	returns the device found (NULL if none)
 * Return: 0 if found, -ENODEV if not, -EINVAL if @name is NULL
 */
int uclass_find_device_by_name(enum uclass_id id, const char *name,
			       struct udevice **devp);

/**
 * uclass_find_device_by_seq() - find a device of a uclass by sequence
 * number (no probe)
 * @id:	the uclass id
 * @seq:	the sequence number
 * @devp:	returns the device found (NULL if none)
 * Return: 0 if found, -ENODEV if not
 */
int uclass_find_device_by_seq(enum uclass_id id, int seq,
			      struct udevice **devp);

/**
 * uclass_find_device_by_ofnode() - find the device of a uclass bound to
 * a device tree node (no probe)
 * @id:	the uclass id
 * @node:	the device tree node
 * @devp:	returns the device found (NULL if none)
 * Return: 0 if found, -ENODEV if not
 */
int uclass_find_device_by_ofnode(enum uclass_id id, ofnode node,
				 struct udevice **devp);

/**
 * uclass_find_next_free_seq() - one more than the highest sequence number
 * in use in @uc (0 if none)
 * @uc:	the uclass
 */
int uclass_find_next_free_seq(struct uclass *uc);

/**
 * dev_get_uclass_index() - position of @dev in its uclass (bind order)
 * @dev:	the device
 * @ucp:	returns its uclass (may be NULL)
 * Return: the index, or -ENODEV
 */
int dev_get_uclass_index(struct udevice *dev, struct uclass **ucp);

/** uclass_bind_device() - add @dev to its uclass (device_bind()) */
int uclass_bind_device(struct udevice *dev);

/** uclass_unbind_device() - remove @dev from its uclass (device_unbind()) */
int uclass_unbind_device(struct udevice *dev);

/** uclass_pre_probe_device() - uclass pre_probe, parent uclass child_pre_probe */
int uclass_pre_probe_device(struct udevice *dev);

/** uclass_post_probe_device() - parent uclass child_post_probe, uclass post_probe */
int uclass_post_probe_device(struct udevice *dev);

/** uclass_pre_remove_device() - uclass pre_remove */
int uclass_pre_remove_device(struct udevice *dev);

/**
 * uclass_destroy() - remove and unbind every device of @uc, then free it
 * @uc:	the uclass to destroy
 * Return: 0 if OK, -ve on error
 */
int uclass_destroy(struct uclass *uc);

/**
 * uclass_destroy_all() - destroy every uclass (dm_uninit())
 * Return: 0 if OK, -ve on error
 */
int uclass_destroy_all(void);

/** uclass_get_count() - number of uclasses that exist now */
int uclass_get_count(void);

#endif
