/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Devices and drivers of the driver model, with U-Boot 2023.01's names and
 * signatures.
 *
 * A driver (struct driver, declared with U_BOOT_DRIVER()) is code; a
 * device (struct udevice) is one instance of a driver, created by binding
 * (device_bind(), device_bind_driver()) and made ready for use by probing
 * (device_probe()). Every device has a parent (except the root device),
 * belongs to one uclass (the driver's id) and may carry data of four
 * owners, each allocated and zeroed by the driver model when the owner
 * gives a size:
 *
 *	owner		platform data (at bind)	private data (at probe)
 *	driver		plat_auto		priv_auto
 *	uclass		per_device_plat_auto	per_device_auto
 *	parent		per_child_plat_auto	per_child_auto
 *
 * Private data is freed when the device is removed, platform data when it
 * is unbound.
 */
#ifndef _DM_DEVICE_H
#define _DM_DEVICE_H

#include <dm/ofnode.h>
#include <dm/uclass-id.h>
#include <linker_lists.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/types.h>

/* Driver is active (probed). Cleared when it is removed */
#define DM_FLAG_ACTIVATED		(1 << 0)
/* DM is responsible for allocating and freeing plat */
#define DM_FLAG_ALLOC_PDATA		(1 << 1)
/* DM should init this device prior to relocation (no meaning here) */
#define DM_FLAG_PRE_RELOC		(1 << 2)
/* DM is responsible for allocating and freeing parent_plat */
#define DM_FLAG_ALLOC_PARENT_PDATA	(1 << 3)
/* DM is responsible for allocating and freeing uclass_plat */
#define DM_FLAG_ALLOC_UCLASS_PDATA	(1 << 4)
/* Allocate driver private data on a DMA (cache-line) boundary */
#define DM_FLAG_ALLOC_PRIV_DMA		(1 << 5)
/* Device is bound */
#define DM_FLAG_BOUND			(1 << 6)
/* Device name is allocated and should be freed on unbind() */
#define DM_FLAG_NAME_ALLOCED		(1 << 7)
/* Device has platform data provided by of-platdata (unused here) */
#define DM_FLAG_OF_PLATDATA		(1 << 8)
/*
 * The driver's remove method must run before the OS starts: it stops
 * DMA the device may still do (device_remove(dev, DM_REMOVE_ACTIVE_DMA))
 */
#define DM_FLAG_ACTIVE_DMA		(1 << 9)
/* The driver's remove method does final set-up before the OS starts */
#define DM_FLAG_OS_PREPARE		(1 << 10)
/* DM does not enable/disable the power domains of this device */
#define DM_FLAG_DEFAULT_PD_CTRL_OFF	(1 << 11)
/* Driver plat has been read. Cleared when the device is removed */
#define DM_FLAG_PLATDATA_VALID		(1 << 12)
/* Device must be probed after it was bound */
#define DM_FLAG_PROBE_AFTER_BIND	(1 << 13)
/* Device is vital: DM_REMOVE_NON_VITAL leaves it in place */
#define DM_FLAG_VITAL			(1 << 14)

/*
 * Flags for device_remove(): which devices to remove. DM_REMOVE_NORMAL
 * removes every device; the others only those whose driver has the
 * matching DM_FLAG_... set.
 */
enum {
	/* Normal remove, remove all devices */
	DM_REMOVE_NORMAL	= 1 << 0,
	/* Remove devices with active DMA */
	DM_REMOVE_ACTIVE_DMA	= DM_FLAG_ACTIVE_DMA,
	/* Remove devices which need some final OS preparation steps */
	DM_REMOVE_OS_PREPARE	= DM_FLAG_OS_PREPARE,
	/* Remove only devices that are not marked vital */
	DM_REMOVE_NON_VITAL	= DM_FLAG_VITAL,
	/* Remove devices with any active flag */
	DM_REMOVE_ACTIVE_ALL	= DM_REMOVE_ACTIVE_DMA | DM_REMOVE_OS_PREPARE,
	/* Don't power down any attached power domains */
	DM_REMOVE_NO_PD		= 1 << 1,
};

/**
 * struct udevice - an instance of a driver
 *
 * Reach the data members through the accessors (dev_get_priv(),
 * dev_get_plat(), dev_seq(), dev_get_flags(), ...), as U-Boot asks: the
 * trailing underscore marks the members that are private to the driver
 * model.
 *
 * @driver:	the driver of this device
 * @name:	name of the device, unique among its siblings by convention
 * @plat_:	configuration data of this device (driver's plat_auto, or
 *		the pointer passed to device_bind())
 * @parent_plat_: the parent bus's configuration data for this device
 * @uclass_plat_: the uclass's configuration data for this device
 * @driver_data: the data word given at bind (device_bind_with_driver_data()
 *		or the of_match entry that matched)
 * @parent:	parent device, NULL for the root device
 * @priv_:	the driver's private data (priv_auto), valid while probed
 * @uclass:	the uclass of this device
 * @uclass_priv_: the uclass's private data for this device
 * @parent_priv_: the parent's private data for this device
 * @uclass_node: link in the uclass's list of devices
 * @child_head: list of the children of this device
 * @sibling_node: link in the parent's list of children
 * @flags_:	DM_FLAG_...
 * @seq_:	sequence number in the uclass, unique in it, given at bind;
 *		-1 for none
 * @node_:	device tree node of this device, or ofnode_null()
 */
struct udevice {
	const struct driver *driver;
	const char *name;
	void *plat_;
	void *parent_plat_;
	void *uclass_plat_;
	ulong driver_data;
	struct udevice *parent;
	void *priv_;
	struct uclass *uclass;
	void *uclass_priv_;
	void *parent_priv_;
	struct list_head uclass_node;
	struct list_head child_head;
	struct list_head sibling_node;
	u32 flags_;
	int seq_;
	ofnode node_;
};

/* Maximum sequence number supported */
#define DM_MAX_SEQ	999

/** dev_get_flags() - the DM_FLAG_... bits of @dev */
static inline u32 dev_get_flags(const struct udevice *dev)
{
	return dev->flags_;
}

/** dev_or_flags() - set the DM_FLAG_... bits @or in @dev */
static inline void dev_or_flags(struct udevice *dev, u32 or)
{
	dev->flags_ |= or;
}

/** dev_bic_flags() - clear the DM_FLAG_... bits @bic in @dev */
static inline void dev_bic_flags(struct udevice *dev, u32 bic)
{
	dev->flags_ &= ~bic;
}

/**
 * dev_seq() - the sequence number of @dev in its uclass
 * @dev:	the device
 *
 * Given at bind time: one more than the highest number in use in the
 * uclass, so the first device bound is 0. Numbers of unbound devices are
 * not handed out again unless they were the highest.
 *
 * Return: the sequence number, or -1 if the device has none
 */
static inline int dev_seq(const struct udevice *dev)
{
	return dev->seq_;
}

/** dev_ofnode() - the device tree node of @dev (ofnode_null() if none) */
static inline ofnode dev_ofnode(const struct udevice *dev)
{
	return dev->node_;
}

/** dev_has_ofnode() - whether @dev has a device tree node */
static inline bool dev_has_ofnode(const struct udevice *dev)
{
	return ofnode_valid(dev->node_);
}

/** dev_set_ofnode() - give @dev the device tree node @node */
static inline void dev_set_ofnode(struct udevice *dev, ofnode node)
{
	dev->node_ = node;
}

/** dev_of_offset() - the flattened device tree offset of @dev, or -1 */
static inline int dev_of_offset(const struct udevice *dev)
{
	return ofnode_to_offset(dev->node_);
}

/** device_get_ops() - the ops of the driver of @dev */
#define device_get_ops(dev)	((dev)->driver->ops)

/**
 * device_active() - whether @dev is probed (and not removed since)
 * @dev:	the device
 * Return: true if active, false if not or if @dev is NULL
 */
static inline bool device_active(const struct udevice *dev)
{
	return dev && (dev_get_flags(dev) & DM_FLAG_ACTIVATED);
}

/**
 * struct udevice_id - a compatible string a driver supports
 * @compatible:	the device tree compatible string
 * @data:	driver data for devices bound through this entry
 */
struct udevice_id {
	const char *compatible;
	ulong data;
};

#define of_match_ptr(_ptr)	(_ptr)

/**
 * struct driver - a driver for a feature or peripheral
 *
 * @name:	driver name (device_bind_driver() looks drivers up by it)
 * @id:		the uclass the driver's devices belong to
 * @of_match:	compatible strings the driver supports, ending with an
 *		empty entry; NULL if none
 * @bind:	called when a device is bound to this driver
 * @probe:	called to make a device ready for use
 * @remove:	called to stop a device; undoes @probe
 * @unbind:	called before a device is unbound; undoes @bind
 * @of_to_plat:	called before probe, if the device has a device tree
 *		node, to read it into the platform data
 * @child_post_bind: called after a child of a device has been bound
 * @child_pre_probe: called before a child is probed: its memory is
 *		allocated, its probe method not yet called
 * @child_post_remove: called after a child has been removed (its remove
 *		method has run, its private data is not yet freed)
 * @priv_auto:	size of the private data (dev_get_priv()) to allocate
 *		at probe, 0 for none
 * @plat_auto:	size of the platform data (dev_get_plat()) to allocate
 *		at bind unless device_bind() is given one, 0 for none
 * @per_child_auto: size of the parent data (dev_get_parent_priv()) each
 *		child of a device of this driver gets at probe
 * @per_child_plat_auto: size of the parent platform data
 *		(dev_get_parent_plat()) each child gets at bind
 * @ops:	driver-specific operations, e.g. struct dm_virtio_ops
 * @flags:	DM_FLAG_... that apply to all devices of this driver
 */
struct driver {
	char *name;
	enum uclass_id id;
	const struct udevice_id *of_match;
	int (*bind)(struct udevice *dev);
	int (*probe)(struct udevice *dev);
	int (*remove)(struct udevice *dev);
	int (*unbind)(struct udevice *dev);
	int (*of_to_plat)(struct udevice *dev);
	int (*child_post_bind)(struct udevice *dev);
	int (*child_pre_probe)(struct udevice *dev);
	int (*child_post_remove)(struct udevice *dev);
	int priv_auto;
	int plat_auto;
	int per_child_auto;
	int per_child_plat_auto;
	const void *ops;
	uint32_t flags;
};

/**
 * U_BOOT_DRIVER() - declare a driver
 * @__name:	the name of the driver (a C identifier: DM_DRIVER_GET(__name)
 *		finds it)
 *
 *	U_BOOT_DRIVER(virtio_blk) = {
 *		.name = "virtio-blk", .id = UCLASS_BLK, ...
 *	};
 */
#define U_BOOT_DRIVER(__name)						\
	ll_entry_declare(struct driver, __name, driver)

/** DM_DRIVER_GET() - the struct driver declared as U_BOOT_DRIVER(__name) */
#define DM_DRIVER_GET(__name)						\
	ll_entry_get(struct driver, __name, driver)

/** DM_DRIVER_REF() - same as DM_DRIVER_GET() (no of-platdata here) */
#define DM_DRIVER_REF(__name) DM_DRIVER_GET(__name)

/** DM_DRIVER_ALIAS() - in U-Boot, a name for dtoc; nothing to do here */
#define DM_DRIVER_ALIAS(__name, __alias)

/** dev_get_plat() - the platform data of @dev, or NULL if none */
void *dev_get_plat(const struct udevice *dev);

/** dev_get_parent_plat() - the parent's platform data for @dev, or NULL */
void *dev_get_parent_plat(const struct udevice *dev);

/** dev_get_uclass_plat() - the uclass's platform data for @dev, or NULL */
void *dev_get_uclass_plat(const struct udevice *dev);

/**
 * dev_get_priv() - the private data of @dev
 * @dev:	the device
 * Return: the data, or NULL if none (or if @dev is not probed and its
 *	   driver has priv_auto)
 */
void *dev_get_priv(const struct udevice *dev);

/** dev_get_parent_priv() - the parent's private data for @dev, or NULL */
void *dev_get_parent_priv(const struct udevice *dev);

/** dev_get_uclass_priv() - the uclass's private data for @dev, or NULL */
void *dev_get_uclass_priv(const struct udevice *dev);

/** dev_get_parent() - the parent of @child, NULL for the root device */
struct udevice *dev_get_parent(const struct udevice *child);

/**
 * dev_get_driver_data() - the driver data given when @dev was bound
 * @dev:	the device
 * Return: the data word, 0 if none was given
 */
ulong dev_get_driver_data(const struct udevice *dev);

/** dev_get_driver_ops() - the driver ops of @dev, NULL if @dev is NULL */
const void *dev_get_driver_ops(const struct udevice *dev);

/** device_get_uclass_id() - the uclass ID of @dev */
enum uclass_id device_get_uclass_id(const struct udevice *dev);

/** dev_get_uclass_name() - the name of the uclass of @dev, NULL if @dev is */
const char *dev_get_uclass_name(const struct udevice *dev);

/**
 * device_get_child() - get a child by index (0 is the first), and probe it
 * @parent:	parent device
 * @index:	position among the children, in bind order
 * @devp:	returns the child (NULL on error)
 * Return: 0 if OK, -ENODEV if there is no such child, other -ve if the
 *	   child fails to probe
 */
int device_get_child(const struct udevice *parent, int index,
		     struct udevice **devp);

/** device_get_child_count() - number of children of @parent */
int device_get_child_count(const struct udevice *parent);

/** device_get_decendent_count() - number of descendants of @parent, itself included */
int device_get_decendent_count(const struct udevice *parent);

/**
 * device_find_child_by_seq() - find a child by sequence number (no probe)
 * @parent:	parent device
 * @seq:	sequence number to look for (a child's dev_seq())
 * @devp:	returns the child, NULL if none
 * Return: 0 if found, -ENODEV if not
 */
int device_find_child_by_seq(const struct udevice *parent, int seq,
			     struct udevice **devp);

/**
 * device_get_child_by_seq() - get a child by sequence number and probe it
 * @parent:	the parent device
 * @seq:	the sequence number
 * @devp:	returns the child, probed
 * Return: 0 if OK, -ENODEV if there is no such child, other -ve if the
 *	   child fails to probe
 */
int device_get_child_by_seq(const struct udevice *parent, int seq,
			    struct udevice **devp);

/**
 * device_find_first_child() - find the first child of a device (no probe)
 * @parent:	parent device
 * @devp:	returns the first child, NULL if there is none
 * Return: 0
 */
int device_find_first_child(const struct udevice *parent,
			    struct udevice **devp);

/**
 * device_find_next_child() - find the next sibling of a device (no probe)
 * @devp:	on entry, a child; on return, its next sibling or NULL
 * Return: 0
 */
int device_find_next_child(struct udevice **devp);

/**
 * device_find_first_inactive_child() - find the first child of a device
 * that is in uclass @uclass_id and not probed
 * @parent:	the parent device
 * @uclass_id:	the uclass the child must belong to
 * @devp:	returns the first child of that uclass not yet probed
 * Return: 0 if found, -ENODEV if not
 */
int device_find_first_inactive_child(const struct udevice *parent,
				     enum uclass_id uclass_id,
				     struct udevice **devp);

/**
 * device_find_first_child_by_uclass() - find the first child of a device
 * in a uclass (no probe)
 * @parent:	parent device
 * @uclass_id:	uclass to look for
 * @devp:	returns the child, NULL if none
 * Return: 0 if found, -ENODEV if not
 */
int device_find_first_child_by_uclass(const struct udevice *parent,
				      enum uclass_id uclass_id,
				      struct udevice **devp);

/**
 * device_find_child_by_namelen() - find a child by the first @len
 * characters of its name (the child's name must have exactly @len)
 * @parent:	the parent device
 * @name:	the name of the child (need not end with a NUL)
 * @len:	the length of @name
 * @devp:	returns the child (NULL if none)
 * Return: 0 if found, -ENODEV if not
 */
int device_find_child_by_namelen(const struct udevice *parent,
				 const char *name, int len,
				 struct udevice **devp);

/**
 * device_find_child_by_name() - find a child by name (no probe)
 * @parent:	the parent device
 * @name:	the name of the child
 * @devp:	returns the child (NULL if none)
 * Return: 0 if found, -ENODEV if not
 */
int device_find_child_by_name(const struct udevice *parent, const char *name,
			      struct udevice **devp);

/**
 * device_first_child_err() - get the first child of a device and probe it
 * @parent:	the parent device
 * @devp:	returns the first child, probed
 * Return: 0 if OK, -ENODEV if there are no children, other -ve if the
 *	   child fails to probe
 */
int device_first_child_err(struct udevice *parent, struct udevice **devp);

/**
 * device_next_child_err() - get the next sibling of a device and probe it
 * @devp:	the current child on entry, the next one (probed) on return
 * Return: 0 if OK, -ENODEV if there is no next sibling, other -ve if it
 *	   fails to probe
 */
int device_next_child_err(struct udevice **devp);

/** device_has_children() - whether @dev has children */
bool device_has_children(const struct udevice *dev);

/** device_has_active_children() - whether any child of @dev is probed */
bool device_has_active_children(const struct udevice *dev);

/** device_is_last_sibling() - whether @dev is the last child of its parent */
bool device_is_last_sibling(const struct udevice *dev);

/**
 * device_set_name() - give @dev a copy of @name as its name
 * @dev:	the device
 * @name:	the new name (copied)
 *
 * The copy is freed when the device is unbound.
 *
 * Return: 0 if OK, -ENOMEM if out of memory
 */
int device_set_name(struct udevice *dev, const char *name);

/**
 * device_set_name_alloc() - note that the name of @dev was allocated by the
 * caller (malloc) and must be freed when the device is unbound
 * @dev:	the device
 */
void device_set_name_alloc(struct udevice *dev);

/**
 * device_foreach_child_safe() - walk the children of @parent; the child
 * at @pos may be unbound in the loop body
 * @pos:	the loop variable: each child in turn
 * @next:	the loop variable holding the next one (so that @pos may be
 *		unbound)
 * @parent:	the device whose children are walked
 */
#define device_foreach_child_safe(pos, next, parent)			\
	list_for_each_entry_safe(pos, next, &(parent)->child_head, sibling_node)

/** device_foreach_child() - walk the children of @parent, in bind order */
#define device_foreach_child(pos, parent)				\
	list_for_each_entry(pos, &(parent)->child_head, sibling_node)

/**
 * device_foreach_child_probe() - walk the children of @parent, probing
 * each; stops at the first child that fails to probe
 * @pos:	the loop variable: each child in turn
 * @parent:	the device whose children are walked
 */
#define device_foreach_child_probe(pos, parent)				\
	for (int _ret = device_first_child_err(parent, &(pos)); !_ret;	\
	     _ret = device_next_child_err(&(pos)))

#endif
