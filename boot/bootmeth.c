// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The boot methods and their order: every method in its default order,
 * or the ones 'bootmeth order' (or $bootmeths) names.
 */

#include <common.h>
#include <bootflow.h>
#include <env.h>

static const struct bootmeth *const methods[] = {
#ifdef CONFIG_BOOTMETH_EXTLINUX
	&bootmeth_extlinux,
#endif
#ifdef CONFIG_BOOTMETH_SCRIPT
	&bootmeth_script,
#endif
#ifdef CONFIG_BOOTMETH_BLS
	&bootmeth_bls,
#endif
#ifdef CONFIG_BOOTMETH_PXE
	&bootmeth_pxe,
#endif
};

static const struct bootmeth *order[ARRAY_SIZE(methods) + 1];
static int order_count = -1;	/* -1: every method, default order */

const struct bootmeth *bootmeth_all(int seq)
{
	return seq >= 0 && seq < ARRAY_SIZE(methods) ? methods[seq] : NULL;
}

static const struct bootmeth *find(const char *name, int len)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(methods); i++) {
		if (strlen(methods[i]->name) == len &&
		    !strncmp(methods[i]->name, name, len))
			return methods[i];
	}
	return NULL;
}

int bootmeth_set_order(const char *names)
{
	const struct bootmeth *list[ARRAY_SIZE(methods) + 1];
	const char *p = names;
	int n = 0, len, i;

	while (p && *p) {
		while (*p == ' ')
			p++;
		len = strcspn(p, " ");
		if (!len)
			break;
		list[n] = find(p, len);
		if (!list[n]) {
			printf("Unknown bootmeth '%.*s'\n", len, p);
			return -ENOENT;
		}
		for (i = 0; i < n; i++) {
			if (list[i] == list[n]) {
				printf("Bootmeth '%.*s' is given twice\n", len, p);
				return -EINVAL;
			}
		}
		n++;
		p += len;
	}
	memcpy(order, list, n * sizeof(list[0]));
	order_count = n;
	return 0;
}

void bootmeth_order_from_env(void)
{
	const char *env = env_get("bootmeths");

	if (env && bootmeth_set_order(env))
		order_count = -1;
}

const struct bootmeth *bootmeth_get(int i)
{
	if (order_count < 0)
		return bootmeth_all(i);
	return i >= 0 && i < order_count ? order[i] : NULL;
}
