// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The control device tree and reading it through nodes and devices. An
 * ofnode is an offset into the flattened tree (no live tree), so each
 * call is the lib/fdt function of the same job on gd_fdt_blob(); a null
 * node or no tree reads as absent.
 */

#include <common.h>
#include <dm.h>
#include <fdt.h>
#include <fdt_support.h>
#include <fdtdec.h>
#include <dm/read.h>

static const void *control_fdt;

__weak void *board_fdt_blob_setup(int *err)
{
	*err = 0;
	return NULL;
}

int fdtdec_setup(void)
{
	void *blob;
	int err;

	blob = board_fdt_blob_setup(&err);
	if (err)
		return err;
	control_fdt = blob;
	return 0;
}

const void *gd_fdt_blob(void)
{
	return control_fdt;
}

void gd_set_fdt_blob(const void *blob)
{
	control_fdt = blob;
}

ofnode ofnode_root(void)
{
	return control_fdt ? offset_to_ofnode(0) : ofnode_null();
}

const char *ofnode_get_name(ofnode node)
{
	if (!control_fdt || !ofnode_valid(node))
		return NULL;
	return fdt_get_name(control_fdt, ofnode_to_offset(node), NULL);
}

const void *ofnode_get_property(ofnode node, const char *propname,
				int *lenp)
{
	if (!control_fdt || !ofnode_valid(node)) {
		if (lenp)
			*lenp = -ENOENT;
		return NULL;
	}
	return fdt_getprop(control_fdt, ofnode_to_offset(node), propname,
			   lenp);
}

bool ofnode_is_enabled(ofnode node)
{
	return control_fdt && ofnode_valid(node) &&
	       fdt_node_is_enabled(control_fdt, ofnode_to_offset(node));
}

ofnode ofnode_first_subnode(ofnode node)
{
	if (!control_fdt || !ofnode_valid(node))
		return ofnode_null();
	return offset_to_ofnode(fdt_first_subnode(control_fdt,
						  ofnode_to_offset(node)));
}

ofnode ofnode_next_subnode(ofnode node)
{
	if (!control_fdt || !ofnode_valid(node))
		return ofnode_null();
	return offset_to_ofnode(fdt_next_subnode(control_fdt,
						 ofnode_to_offset(node)));
}

ofnode ofnode_get_chosen_node(const char *propname)
{
	const char *path;
	char buf[128];
	int node, len;

	if (!control_fdt)
		return ofnode_null();
	node = fdt_path_offset(control_fdt, "/chosen");
	path = node >= 0 ? fdt_getprop(control_fdt, node, propname, &len) :
	       NULL;
	if (!path || len <= 0 || len > (int)sizeof(buf) || path[len - 1])
		return ofnode_null();
	/* "path:options" (stdout-path = "/pl011@9000000:115200n8") */
	strlcpy(buf, path, sizeof(buf));
	buf[strcspn(buf, ":")] = '\0';
	return offset_to_ofnode(fdt_path_offset(control_fdt, buf));
}

fdt_addr_t ofnode_get_addr_size_index(ofnode node, int index,
				      fdt_size_t *size)
{
	u64 addr, sz;

	if (!control_fdt || !ofnode_valid(node) ||
	    fdt_get_reg(control_fdt, ofnode_to_offset(node), index, &addr,
			&sz))
		return FDT_ADDR_T_NONE;
	if (size)
		*size = sz;
	return addr;
}

fdt_addr_t dev_read_addr_size_index(const struct udevice *dev, int index,
				    fdt_size_t *size)
{
	return ofnode_get_addr_size_index(dev_ofnode(dev), index, size);
}

fdt_addr_t dev_read_addr_index(const struct udevice *dev, int index)
{
	return dev_read_addr_size_index(dev, index, NULL);
}

fdt_addr_t dev_read_addr(const struct udevice *dev)
{
	return dev_read_addr_index(dev, 0);
}

const void *dev_read_prop(const struct udevice *dev, const char *propname,
			  int *lenp)
{
	return ofnode_get_property(dev_ofnode(dev), propname, lenp);
}
