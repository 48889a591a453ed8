// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Uclasses: created on first use from their UCLASS_DRIVER(), each keeps
 * its devices in bind order. The find calls look devices up without
 * probing them; the get calls probe what they return.
 */

#include <common.h>
#include <dm.h>
#include <malloc.h>
#include <dm/device-internal.h>
#include <dm/lists.h>
#include <dm/uclass-internal.h>

/* Every uclass created so far, newest first */
static LIST_HEAD(uclass_root);

struct uclass *uclass_find(enum uclass_id key)
{
	struct uclass *uc;

	list_for_each_entry(uc, &uclass_root, sibling_node) {
		if (uc->uc_drv->id == key)
			return uc;
	}

	return NULL;
}

static int uclass_add(enum uclass_id id, struct uclass **ucp)
{
	struct uclass_driver *uc_drv;
	struct uclass *uc;
	int ret;

	*ucp = NULL;
	uc_drv = lists_uclass_lookup(id);
	if (!uc_drv) {
		debug("No UCLASS_DRIVER() for uclass ID %d\n", id);
		/* An unusual error, easy to trace back to this cause */
		return -EPFNOSUPPORT;
	}

	uc = calloc(1, sizeof(*uc));
	if (!uc)
		return -ENOMEM;
	if (uc_drv->priv_auto) {
		uc->priv_ = calloc(1, uc_drv->priv_auto);
		if (!uc->priv_) {
			ret = -ENOMEM;
			goto fail_mem;
		}
	}
	uc->uc_drv = uc_drv;
	INIT_LIST_HEAD(&uc->dev_head);
	list_add(&uc->sibling_node, &uclass_root);

	if (uc_drv->init) {
		ret = uc_drv->init(uc);
		if (ret)
			goto fail;
	}

	*ucp = uc;

	return 0;
fail:
	list_del(&uc->sibling_node);
	if (uc_drv->priv_auto)
		free(uc->priv_);
fail_mem:
	free(uc);

	return ret;
}

int uclass_destroy(struct uclass *uc)
{
	struct uclass_driver *uc_drv = uc->uc_drv;
	struct udevice *dev;
	int ret;

	/*
	 * Unbinding a device also unbinds its children, which may sit in
	 * this uclass too: take the first device until none is left.
	 */
	while (!list_empty(&uc->dev_head)) {
		dev = list_first_entry(&uc->dev_head, struct udevice,
				       uclass_node);
		ret = device_remove(dev, DM_REMOVE_NORMAL | DM_REMOVE_NO_PD);
		if (ret)
			return ret;
		ret = device_unbind(dev);
		if (ret)
			return ret;
	}

	if (uc_drv->destroy)
		uc_drv->destroy(uc);
	list_del(&uc->sibling_node);
	if (uc_drv->priv_auto)
		free(uc->priv_);
	free(uc);

	return 0;
}

/* Destroy every uclass (dm_uninit(), after the devices are gone) */
int uclass_destroy_all(void)
{
	struct uclass *uc;
	int ret;

	while (!list_empty(&uclass_root)) {
		uc = list_first_entry(&uclass_root, struct uclass,
				      sibling_node);
		ret = uclass_destroy(uc);
		if (ret)
			return ret;
	}

	return 0;
}

int uclass_get_count(void)
{
	return list_count_nodes(&uclass_root);
}

int uclass_get(enum uclass_id id, struct uclass **ucp)
{
	struct uclass *uc;

	*ucp = NULL;
	uc = uclass_find(id);
	if (!uc)
		return uclass_add(id, ucp);
	*ucp = uc;

	return 0;
}

const char *uclass_get_name(enum uclass_id id)
{
	struct uclass *uc;

	if (uclass_get(id, &uc))
		return NULL;

	return uc->uc_drv->name;
}

enum uclass_id uclass_get_by_name_len(const char *name, int len)
{
	int id;

	for (id = 0; id < UCLASS_COUNT; id++) {
		struct uclass_driver *uc_drv = lists_uclass_lookup(id);

		if (uc_drv && !strncmp(uc_drv->name, name, len) &&
		    strlen(uc_drv->name) == len)
			return id;
	}

	return UCLASS_INVALID;
}

enum uclass_id uclass_get_by_name(const char *name)
{
	return uclass_get_by_name_len(name, strlen(name));
}

int dev_get_uclass_index(struct udevice *dev, struct uclass **ucp)
{
	struct uclass *uc = dev->uclass;
	struct udevice *iter;
	int i = 0;

	uclass_foreach_dev(iter, uc) {
		if (iter == dev) {
			if (ucp)
				*ucp = uc;
			return i;
		}
		i++;
	}

	return -ENODEV;
}

int uclass_find_device(enum uclass_id id, int index, struct udevice **devp)
{
	struct uclass *uc;
	struct udevice *dev;
	int ret;

	*devp = NULL;
	ret = uclass_get(id, &uc);
	if (ret)
		return ret;

	uclass_foreach_dev(dev, uc) {
		if (!index--) {
			*devp = dev;
			return 0;
		}
	}

	return -ENODEV;
}

int uclass_find_first_device(enum uclass_id id, struct udevice **devp)
{
	struct uclass *uc;
	int ret;

	*devp = NULL;
	ret = uclass_get(id, &uc);
	if (ret)
		return ret;

	*devp = list_first_entry_or_null(&uc->dev_head, struct udevice,
					 uclass_node);

	return 0;
}

int uclass_find_next_device(struct udevice **devp)
{
	struct udevice *dev = *devp;

	if (list_is_last(&dev->uclass_node, &dev->uclass->dev_head))
		*devp = NULL;
	else
		*devp = list_next_entry(dev, uclass_node);

	return 0;
}

static int uclass_find_device_by_namelen(enum uclass_id id, const char *name,
					 int len, struct udevice **devp)
{
	struct uclass *uc;
	struct udevice *dev;
	int ret;

	*devp = NULL;
	if (!name)
		return -EINVAL;
	ret = uclass_get(id, &uc);
	if (ret)
		return ret;

	uclass_foreach_dev(dev, uc) {
		if (!strncmp(dev->name, name, len) &&
		    strlen(dev->name) == len) {
			*devp = dev;
			return 0;
		}
	}

	return -ENODEV;
}

int uclass_find_device_by_name(enum uclass_id id, const char *name,
			       struct udevice **devp)
{
	*devp = NULL;
	if (!name)
		return -EINVAL;

	return uclass_find_device_by_namelen(id, name, strlen(name), devp);
}

int uclass_find_next_free_seq(struct uclass *uc)
{
	struct udevice *dev;
	int max = -1;

	uclass_foreach_dev(dev, uc) {
		if (dev->seq_ > max)
			max = dev->seq_;
	}

	return max + 1;
}

int uclass_find_device_by_seq(enum uclass_id id, int seq,
			      struct udevice **devp)
{
	struct uclass *uc;
	struct udevice *dev;
	int ret;

	*devp = NULL;
	if (seq == -1)
		return -ENODEV;
	ret = uclass_get(id, &uc);
	if (ret)
		return ret;

	uclass_foreach_dev(dev, uc) {
		if (dev->seq_ == seq) {
			*devp = dev;
			return 0;
		}
	}

	return -ENODEV;
}

int uclass_find_device_by_ofnode(enum uclass_id id, ofnode node,
				 struct udevice **devp)
{
	struct uclass *uc;
	struct udevice *dev;
	int ret;

	*devp = NULL;
	if (!ofnode_valid(node))
		return -ENODEV;
	ret = uclass_get(id, &uc);
	if (ret)
		return ret;

	uclass_foreach_dev(dev, uc) {
		if (ofnode_equal(dev_ofnode(dev), node)) {
			*devp = dev;
			return 0;
		}
	}

	return -ENODEV;
}

int uclass_get_device_tail(struct udevice *dev, int ret,
			   struct udevice **devp)
{
	if (ret)
		return ret;

	ret = device_probe(dev);
	if (ret)
		return ret;
	*devp = dev;

	return 0;
}

int uclass_get_device(enum uclass_id id, int index, struct udevice **devp)
{
	struct udevice *dev;
	int ret;

	*devp = NULL;
	ret = uclass_find_device(id, index, &dev);

	return uclass_get_device_tail(dev, ret, devp);
}

int uclass_get_device_by_name(enum uclass_id id, const char *name,
			      struct udevice **devp)
{
	struct udevice *dev;
	int ret;

	*devp = NULL;
	ret = uclass_find_device_by_name(id, name, &dev);

	return uclass_get_device_tail(dev, ret, devp);
}

int uclass_get_device_by_seq(enum uclass_id id, int seq,
			     struct udevice **devp)
{
	struct udevice *dev;
	int ret;

	*devp = NULL;
	ret = uclass_find_device_by_seq(id, seq, &dev);

	return uclass_get_device_tail(dev, ret, devp);
}

int uclass_get_device_by_ofnode(enum uclass_id id, ofnode node,
				struct udevice **devp)
{
	struct udevice *dev;
	int ret;

	*devp = NULL;
	ret = uclass_find_device_by_ofnode(id, node, &dev);

	return uclass_get_device_tail(dev, ret, devp);
}

int uclass_get_device_by_driver(enum uclass_id id, const struct driver *drv,
				struct udevice **devp)
{
	struct udevice *dev;
	struct uclass *uc;

	*devp = NULL;
	uclass_id_foreach_dev(id, dev, uc) {
		if (dev->driver == drv)
			return uclass_get_device_tail(dev, 0, devp);
	}

	return -ENODEV;
}

/* From @dev on, the first device of the uclass that probes, or NULL */
static void next_working_device(struct udevice *dev, struct udevice **devp)
{
	for (; dev; uclass_find_next_device(&dev)) {
		if (!device_probe(dev)) {
			*devp = dev;
			return;
		}
	}
	*devp = NULL;
}

void uclass_first_device(enum uclass_id id, struct udevice **devp)
{
	struct udevice *dev;

	uclass_find_first_device(id, &dev);
	next_working_device(dev, devp);
}

void uclass_next_device(struct udevice **devp)
{
	struct udevice *dev = *devp;

	uclass_find_next_device(&dev);
	next_working_device(dev, devp);
}

int uclass_first_device_check(enum uclass_id id, struct udevice **devp)
{
	int ret;

	ret = uclass_find_first_device(id, devp);
	if (ret)
		return ret;
	if (!*devp)
		return 0;

	return device_probe(*devp);
}

int uclass_next_device_check(struct udevice **devp)
{
	uclass_find_next_device(devp);
	if (!*devp)
		return 0;

	return device_probe(*devp);
}

int uclass_first_device_err(enum uclass_id id, struct udevice **devp)
{
	int ret;

	ret = uclass_first_device_check(id, devp);
	if (ret)
		return ret;
	if (!*devp)
		return -ENODEV;

	return 0;
}

int uclass_next_device_err(struct udevice **devp)
{
	int ret;

	ret = uclass_next_device_check(devp);
	if (ret)
		return ret;
	if (!*devp)
		return -ENODEV;

	return 0;
}

int uclass_first_device_drvdata(enum uclass_id id, ulong driver_data,
				struct udevice **devp)
{
	struct udevice *dev;
	struct uclass *uc;

	*devp = NULL;
	uclass_id_foreach_dev(id, dev, uc) {
		if (dev_get_driver_data(dev) == driver_data)
			return uclass_get_device_tail(dev, 0, devp);
	}

	return -ENODEV;
}

int uclass_probe_all(enum uclass_id id)
{
	struct udevice *dev;
	int ret, err;

	err = uclass_first_device_check(id, &dev);
	while (dev) {
		ret = uclass_next_device_check(&dev);
		if (ret)
			err = ret;
	}

	return err;
}

int uclass_id_count(enum uclass_id id)
{
	struct udevice *dev;
	struct uclass *uc;
	int count = 0;

	uclass_id_foreach_dev(id, dev, uc)
		count++;

	return count;
}

int uclass_bind_device(struct udevice *dev)
{
	struct uclass_driver *parent_uc_drv;
	int ret;

	list_add_tail(&dev->uclass_node, &dev->uclass->dev_head);

	if (dev->parent) {
		parent_uc_drv = dev->parent->uclass->uc_drv;
		if (parent_uc_drv->child_post_bind) {
			ret = parent_uc_drv->child_post_bind(dev);
			if (ret) {
				list_del(&dev->uclass_node);
				return ret;
			}
		}
	}

	return 0;
}

int uclass_unbind_device(struct udevice *dev)
{
	list_del(&dev->uclass_node);

	return 0;
}

int uclass_pre_probe_device(struct udevice *dev)
{
	struct uclass_driver *uc_drv = dev->uclass->uc_drv;
	int ret;

	if (uc_drv->pre_probe) {
		ret = uc_drv->pre_probe(dev);
		if (ret)
			return ret;
	}

	if (!dev->parent)
		return 0;
	uc_drv = dev->parent->uclass->uc_drv;
	if (uc_drv->child_pre_probe)
		return uc_drv->child_pre_probe(dev);

	return 0;
}

int uclass_post_probe_device(struct udevice *dev)
{
	struct uclass_driver *uc_drv;
	int ret;

	if (dev->parent) {
		uc_drv = dev->parent->uclass->uc_drv;
		if (uc_drv->child_post_probe) {
			ret = uc_drv->child_post_probe(dev);
			if (ret)
				return ret;
		}
	}

	uc_drv = dev->uclass->uc_drv;
	if (uc_drv->post_probe)
		return uc_drv->post_probe(dev);

	return 0;
}

int uclass_pre_remove_device(struct udevice *dev)
{
	struct uclass_driver *uc_drv = dev->uclass->uc_drv;

	if (uc_drv->pre_remove)
		return uc_drv->pre_remove(dev);

	return 0;
}
