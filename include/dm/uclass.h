/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Uclasses: a uclass gathers the devices that offer one function (block
 * devices, serial ports, virtio transports) behind one interface, whatever
 * their drivers. A uclass is created the first time it is asked for
 * (uclass_get()) from its uclass driver, declared with UCLASS_DRIVER().
 * Its devices are kept in bind order.
 */
#ifndef _DM_UCLASS_H
#define _DM_UCLASS_H

#include <dm/ofnode.h>
#include <dm/uclass-id.h>
#include <linker_lists.h>
#include <linux/list.h>

struct udevice;
struct driver;

/**
 * struct uclass - a class of devices
 * @priv_:	the uclass's private data (uclass_get_priv())
 * @uc_drv:	the uclass driver
 * @dev_head:	the devices of this uclass, in bind order
 * @sibling_node: link in the list of all uclasses
 */
struct uclass {
	void *priv_;
	struct uclass_driver *uc_drv;
	struct list_head dev_head;
	struct list_head sibling_node;
};

/* Members of this uclass sequence themselves with aliases */
#define DM_UC_FLAG_SEQ_ALIAS			(1 << 0)
/* Members of this uclass without aliases don't get a sequence number */
#define DM_UC_FLAG_NO_AUTO_SEQ			(1 << 1)
/* Same as DM_FLAG_ALLOC_PRIV_DMA */
#define DM_UC_FLAG_ALLOC_PRIV_DMA		(1 << 5)

/**
 * struct uclass_driver - the driver of a uclass
 *
 * @name:	name of the uclass, U-Boot's ("blk", "virtio", ...)
 * @id:		the uclass ID
 * @post_bind:	called after a device is bound to the uclass
 * @pre_unbind:	called before a device is unbound from the uclass
 * @pre_probe:	called before a device of the uclass is probed
 * @post_probe:	called after a device of the uclass is probed
 * @pre_remove:	called before a device of the uclass is removed
 * @child_post_bind: called after a child of a device of this uclass is
 *		bound
 * @child_pre_probe: called before a child of a device of this uclass is
 *		probed
 * @child_post_probe: called after a child of a device of this uclass is
 *		probed
 * @init:	called when the uclass is created
 * @destroy:	called when the uclass is destroyed (dm_uninit())
 * @priv_auto:	size of the uclass's own private data
 * @per_device_auto: size of the uclass's private data for each device
 *		(dev_get_uclass_priv()), allocated at probe
 * @per_device_plat_auto: size of the uclass's platform data for each
 *		device (dev_get_uclass_plat()), allocated at bind
 * @per_child_auto: size of the parent data of each child of a device of
 *		this uclass, used if the parent's driver gives none
 * @per_child_plat_auto: size of the parent platform data of each child,
 *		used if the parent's driver gives none
 * @ops:	uclass operations (rarely used)
 * @flags:	DM_UC_FLAG_...
 */
struct uclass_driver {
	const char *name;
	enum uclass_id id;
	int (*post_bind)(struct udevice *dev);
	int (*pre_unbind)(struct udevice *dev);
	int (*pre_probe)(struct udevice *dev);
	int (*post_probe)(struct udevice *dev);
	int (*pre_remove)(struct udevice *dev);
	int (*child_post_bind)(struct udevice *dev);
	int (*child_pre_probe)(struct udevice *dev);
	int (*child_post_probe)(struct udevice *dev);
	int (*init)(struct uclass *class);
	int (*destroy)(struct uclass *class);
	int priv_auto;
	int per_device_auto;
	int per_device_plat_auto;
	int per_child_auto;
	int per_child_plat_auto;
	const void *ops;
	uint32_t flags;
};

/** UCLASS_DRIVER() - declare a uclass driver: UCLASS_DRIVER(blk) = { ... }; */
#define UCLASS_DRIVER(__name)						\
	ll_entry_declare(struct uclass_driver, __name, uclass)

/** uclass_get_priv() - the private data of uclass @uc */
static inline void *uclass_get_priv(const struct uclass *uc)
{
	return uc->priv_;
}

/** uclass_set_priv() - set the private data of uclass @uc */
static inline void uclass_set_priv(struct uclass *uc, void *priv)
{
	uc->priv_ = priv;
}

/**
 * uclass_get() - get a uclass by ID, creating it if needed
 * @key:	the uclass ID
 * @ucp:	returns the uclass (NULL on error)
 * Return: 0 if OK, -EPFNOSUPPORT if no uclass driver has this ID,
 *	   -ENOMEM, or the error of the uclass's init method
 */
int uclass_get(enum uclass_id key, struct uclass **ucp);

/**
 * uclass_get_name() - the name of a uclass
 * @id:	the uclass id
 * Return: the name, or NULL if there is no such uclass
 */
const char *uclass_get_name(enum uclass_id id);

/**
 * uclass_get_by_name_len() - the ID of the uclass named by the first @len
 * characters of @name
 * @name:	the uclass name (need not end with a NUL)
 * @len:	the length of @name
 * Return: the ID, or UCLASS_INVALID
 */
enum uclass_id uclass_get_by_name_len(const char *name, int len);

/** uclass_get_by_name() - the ID of the uclass named @name, or UCLASS_INVALID */
enum uclass_id uclass_get_by_name(const char *name);

/**
 * uclass_get_device() - get a device of a uclass by index, and probe it
 * @id:		uclass ID
 * @index:	position in the uclass (0 is the first bound)
 * @devp:	returns the device (NULL on error)
 * Return: 0 if OK, -ENODEV if there is no such device, other -ve if it
 *	   fails to probe
 */
int uclass_get_device(enum uclass_id id, int index, struct udevice **devp);

/**
 * uclass_get_device_by_name() - get a device of a uclass by name, and
 * probe it
 * @id:	the uclass id
 * @name:	the name of the device
 * @devp:	returns the device, probed
 * Return: 0 if OK, -ENODEV if there is no such device, other -ve if it
 *	   fails to probe
 */
int uclass_get_device_by_name(enum uclass_id id, const char *name,
			      struct udevice **devp);

/**
 * uclass_get_device_by_seq() - get a device of a uclass by sequence
 * number (dev_seq()), and probe it
 * @id:	the uclass id
 * @seq:	the sequence number
 * @devp:	returns the device, probed
 * Return: 0 if OK, -ENODEV if there is no such device, other -ve if it
 *	   fails to probe
 */
int uclass_get_device_by_seq(enum uclass_id id, int seq,
			     struct udevice **devp);

/**
 * uclass_get_device_by_ofnode() - get the device of a uclass bound to a
 * device tree node, and probe it
 * @id:	the uclass id
 * @node:	the device tree node
 * @devp:	returns the device, probed
 * Return: 0 if OK, -ENODEV if there is no such device, other -ve if it
 *	   fails to probe
 */
int uclass_get_device_by_ofnode(enum uclass_id id, ofnode node,
				struct udevice **devp);

/**
 * uclass_get_device_by_driver() - get the first device of a uclass that
 * uses driver @drv (e.g. DM_DRIVER_GET(virtio_blk)), and probe it
 * @id:	the uclass id
 * @drv:	the driver the device must be bound to
 * @devp:	returns the device, probed
 * Return: 0 if OK, -ENODEV if there is no such device, other -ve if it
 *	   fails to probe
 */
int uclass_get_device_by_driver(enum uclass_id id, const struct driver *drv,
				struct udevice **devp);

/**
 * uclass_get_device_tail() - probe a device found by a uclass_find_...()
 * call
 * @dev:	the device found
 * @ret:	the result of the find call; returned at once if not 0
 * @devp:	returns @dev if it probed, else is left alone
 * Return: 0 if OK, else @ret or the probe error
 */
int uclass_get_device_tail(struct udevice *dev, int ret,
			   struct udevice **devp);

/**
 * uclass_first_device() - get the first device of a uclass that probes
 *
 * Devices that fail to probe are skipped. This and uclass_next_device()
 * walk the working devices of a uclass:
 *
 *	for (uclass_first_device(UCLASS_VIRTIO, &dev); dev;
 *	     uclass_next_device(&dev))
 *
 * As in U-Boot 2023.01 it returns nothing: use uclass_first_device_err()
 * to learn why there is no device.
 *
 * @id:		uclass ID
 * @devp:	returns the first device that probed, NULL if none
 */
void uclass_first_device(enum uclass_id id, struct udevice **devp);

/**
 * uclass_first_device_err() - get the first device of a uclass, probed
 *
 * @id:		uclass ID
 * @devp:	returns the first device. If it fails to probe, @devp still
 *		points at it (not activated), as in U-Boot 2023.01
 * Return: 0 if found and probed, -ENODEV if the uclass has no device,
 *	   other -ve if the first device fails to probe
 */
int uclass_first_device_err(enum uclass_id id, struct udevice **devp);

/**
 * uclass_next_device() - get the next device of a uclass that probes
 * @devp:	on entry, a device; on return, the next one after it that
 *		probed, or NULL
 */
void uclass_next_device(struct udevice **devp);

/**
 * uclass_next_device_err() - get the next device of a uclass, probed
 * @devp:	on entry, a device; on return, the next one (even if it fails
 *		to probe), or NULL
 * Return: 0 if found and probed, -ENODEV if there is no next device,
 *	   other -ve if it fails to probe
 */
int uclass_next_device_err(struct udevice **devp);

/**
 * uclass_first_device_check() - get the first device of a uclass and try
 * to probe it
 * @id:	the uclass id
 *
 * Walks every device, working or not, with uclass_next_device_check():
 *
 *	for (ret = uclass_first_device_check(id, &dev); dev;
 *	     ret = uclass_next_device_check(&dev))
 *		if (ret) printf("%s: error %d\n", dev->name, ret);
 *
 * @devp:	returns the first device, NULL if there is none
 * Return: 0 if OK (or if there is no device), else its probe error
 */
int uclass_first_device_check(enum uclass_id id, struct udevice **devp);

/**
 * uclass_next_device_check() - get the next device of a uclass and try to
 * probe it
 * @devp:	on entry, a device; on return, the next one, NULL if none
 * Return: 0 if OK (or if there is no next device), else its probe error
 */
int uclass_next_device_check(struct udevice **devp);

/**
 * uclass_first_device_drvdata() - get the first device of a uclass whose
 * driver data is @driver_data, and probe it
 * @id:	the uclass id
 * @driver_data:	the driver data to match (the of_match entry's data)
 * @devp:	returns the device, probed
 * Return: 0 if OK, -ENODEV if there is none, other -ve if it fails to
 *	   probe
 */
int uclass_first_device_drvdata(enum uclass_id id, ulong driver_data,
				struct udevice **devp);

/**
 * uclass_probe_all() - probe every device of a uclass
 * @id:	the uclass id
 * Return: 0 if every device probed (or there is none), else the error of
 *	   the last device that failed (the others are probed anyway)
 */
int uclass_probe_all(enum uclass_id id);

/**
 * uclass_id_count() - number of devices in a uclass
 * @id:	the uclass id
 * Return: the number, 0 if the uclass does not exist
 */
int uclass_id_count(enum uclass_id id);

/**
 * uclass_id_foreach_dev() - walk the devices of the uclass @id (no probe)
 * @id:		uclass ID
 * @pos:	struct udevice * set to each device in turn
 * @uc:		struct uclass * set to the uclass
 */
#define uclass_id_foreach_dev(id, pos, uc)				\
	if (!uclass_get(id, &uc))					\
		list_for_each_entry(pos, &uc->dev_head, uclass_node)

/** uclass_foreach_dev() - walk the devices of uclass @uc (no probe) */
#define uclass_foreach_dev(pos, uc)					\
	list_for_each_entry(pos, &uc->dev_head, uclass_node)

/**
 * uclass_foreach_dev_safe() - walk the devices of @uc; the device at @pos
 * may be unbound in the loop body
 * @pos:	the loop variable: each child in turn
 * @next:	the loop variable holding the next one (so that @pos may be
 *		unbound)
 * @uc:	the uclass whose devices are walked
 */
#define uclass_foreach_dev_safe(pos, next, uc)				\
	list_for_each_entry_safe(pos, next, &uc->dev_head, uclass_node)

/**
 * uclass_foreach_dev_probe() - walk the devices of uclass @id that probe;
 * those that fail to probe are skipped
 * @id:		uclass ID
 * @dev:	struct udevice * set to each device in turn
 */
#define uclass_foreach_dev_probe(id, dev)				\
	for (uclass_first_device(id, &dev); dev; uclass_next_device(&dev))

#endif
