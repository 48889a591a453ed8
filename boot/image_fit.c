// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The script of a FIT image (a flattened device tree made by mkimage -f:
 * /images/<name> with type, data, hashes; /configurations/<name> naming
 * the images by kind), found as U-Boot's source command finds it: by
 * image name, by configuration, or by the defaults. The data is inline
 * ("data") or after the tree ("data-offset" from its 4-byte aligned end,
 * "data-position" from its start; mkimage -E). With $verify not "n",
 * every hash node of the image (crc32, md5) must match.
 */

#include <common.h>
#include <env.h>
#include <fdt.h>
#include <image.h>
#include <lmb.h>
#include <mapmem.h>
#include <u-boot/crc.h>
#include <u-boot/md5.h>
#include <linux/byteorder.h>

/* A string property, or NULL if missing or not NUL-terminated */
static const char *fit_str(const void *fit, int node, const char *name)
{
	const char *s;
	int len;

	s = fdt_getprop(fit, node, name, &len);
	return s && len > 0 && !s[len - 1] ? s : NULL;
}

static u32 fit_u32(const void *fit, int node, const char *name, bool *ok)
{
	const u8 *v;
	int len;

	v = fdt_getprop(fit, node, name, &len);
	*ok = v && len == 4;
	return *ok ? get_unaligned_be32(v) : 0;
}

/* /images/@name, or its default (NULL/""), else -1 after a line */
static int fit_image_node(const void *fit, const char *name)
{
	int images = fdt_path_offset(fit, "/images");
	int node;

	if (!name || !*name)
		name = images < 0 ? NULL : fit_str(fit, images, "default");
	if (!name) {
		puts("No FIT subimage unit name\n");
		return -1;
	}
	node = images < 0 ? -1 : fdt_subnode_offset(fit, images, name);
	if (node < 0)
		printf("Can't find '%s' FIT subimage\n", name);
	return node < 0 ? -1 : node;
}

/*
 * The image a configuration's "script" names: @conf, or the default one
 * ("" or NULL). -2 if there is none and NULL was asked (the caller falls
 * back to the default image), -1 after a line otherwise.
 */
static int fit_conf_script(const void *fit, const char *conf)
{
	int confs = fdt_path_offset(fit, "/configurations");
	const char *name = conf && *conf ? conf : NULL;
	const char *script;
	int node = -1;

	if (!name && confs >= 0)
		name = fit_str(fit, confs, "default");
	if (name && confs >= 0)
		node = fdt_subnode_offset(fit, confs, name);
	if (node < 0) {
		if (!conf)
			return -2;
		printf("Could not find config %s\n", conf);
		return -1;
	}
	script = fit_str(fit, node, "script");
	if (!script) {
		if (!conf)
			return -2;
		printf("Could not find script in %s\n", conf);
		return -1;
	}
	return fit_image_node(fit, script);
}

/* The image's data: inline or after the tree; -1 if it is not in RAM */
static int fit_data(const void *fit, ulong addr, int node,
		    const u8 **datap, ulong *lenp)
{
	ulong start, len;
	bool ok, ok_len;
	int plen;

	*datap = fdt_getprop(fit, node, "data", &plen);
	if (*datap) {
		*lenp = plen;
		return 0;
	}
	len = fit_u32(fit, node, "data-size", &ok_len);
	start = fit_u32(fit, node, "data-position", &ok);
	if (!ok) {
		start = fit_u32(fit, node, "data-offset", &ok);
		start += ALIGN(fdt_totalsize(fit), 4);
	}
	if (!ok || !ok_len || start + len < start ||
	    lmb_check(addr, start + len, NULL) == -EFAULT ||
	    !map_sysmem(addr, start + len))
		return -1;
	*datap = (const u8 *)fit + start;
	*lenp = len;
	return 0;
}

/* Every hash node of the image matches its data (crc32, md5) */
static int fit_check_hashes(const void *fit, int node, const u8 *data,
			    ulong len)
{
	int sub;

	for (sub = fdt_first_subnode(fit, node); sub >= 0;
	     sub = fdt_next_subnode(fit, sub)) {
		const char *algo = fit_str(fit, sub, "algo");
		const u8 *value;
		u8 sum[MD5_SUM_LEN];
		int vlen, want;

		if (strncmp(fdt_get_name(fit, sub, NULL), "hash", 4))
			continue;
		value = fdt_getprop(fit, sub, "value", &vlen);
		if (algo && !strcmp(algo, "crc32")) {
			put_unaligned_be32(crc32(0, data, len), sum);
			want = 4;
		} else if (algo && !strcmp(algo, "md5")) {
			md5(data, len, sum);
			want = MD5_SUM_LEN;
		} else {
			printf("Bad Data Hash: algorithm '%s' not supported\n",
			       algo ?: "");
			return -1;
		}
		if (!value || vlen != want || memcmp(value, sum, want)) {
			puts("Bad Data Hash\n");
			return -1;
		}
	}
	return 0;
}

int fit_locate_script(ulong addr, const char *uname, const char *conf,
		      const char **textp, ulong *lenp)
{
	const char *type, *verify;
	const void *fit;
	const u8 *data;
	ulong size, len;
	int node = -2;

	/* the header, then the whole tree it says there is, inside RAM */
	fit = map_sysmem(addr, sizeof(struct fdt_header));
	size = fit ? fdt_totalsize(fit) : 0;
	if (fit && lmb_check(addr, size, NULL) != -EFAULT)
		fit = map_sysmem(addr, size);
	else
		fit = NULL;
	if (!fit || fdt_check(fit, size) ||
	    fdt_path_offset(fit, "/images") < 0) {
		puts("Bad FIT image format\n");
		return -EINVAL;
	}
	if (!uname)
		node = fit_conf_script(fit, conf);
	if (node == -2)
		node = fit_image_node(fit, uname);
	if (node < 0)
		return -ENOENT;
	type = fit_str(fit, node, "type");
	if (!type || strcmp(type, "script")) {
		puts("Not a image image\n");	/* sic: U-Boot's words */
		return -EINVAL;
	}
	if (fit_data(fit, addr, node, &data, &len)) {
		puts("Could not find script subimage data\n");
		return -EINVAL;
	}
	verify = env_get("verify");
	if ((!verify || *verify != 'n') &&
	    fit_check_hashes(fit, node, data, len))
		return -EINVAL;
	*textp = (const char *)data;
	*lenp = len;
	return 0;
}
