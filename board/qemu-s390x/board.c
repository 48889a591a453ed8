// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qemu-system-s390x -M s390-ccw-virtio: the SCLP console, then the
 * channel subsystem's devices; RAM size from the SCLP.
 */
#include <common.h>
#include <dm.h>
#include <init.h>
#include <mapmem.h>
#include <asm/sclp.h>

static u64 ram_size;

static u64 board_ram_size(void)
{
	if (!ram_size)
		ram_size = sclp_memory_size();
	return ram_size;
}

int board_init(void)
{
	struct udevice *dev;

	return device_bind_driver(dm_root(), "serial_sclp", "sclp-console",
				  &dev);
}

int board_get_mem_banks(struct mem_bank *banks, int max)
{
	if (max < 1 || !board_ram_size())
		return 0;
	banks[0].start = 0;
	banks[0].size = board_ram_size();
	return 1;
}

phys_size_t sysmem_size(void)
{
	return board_ram_size();
}
