// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qemu-system-s390x -M s390-ccw-virtio. The board declares the machine's
 * devices: the SCLP console, the channel subsystem and the zPCI bus; the
 * buses bind their devices themselves (drivers/s390): a virtio-ccw
 * transport for each virtio control unit, in subchannel-id order (set 0
 * first), then a virtio-pci transport for each virtio zPCI function,
 * which is the order `virtio scan` numbers their disks in. RAM size from
 * the SCLP. QEMU's boot menu options (-boot menu=on, loadparm PROMPT)
 * set bootdelay, so that a bootable disk still lets one reach the prompt.
 */
#include <common.h>
#include <dm.h>
#include <env.h>
#include <init.h>
#include <mapmem.h>
#include <virtio.h>
#include <vsprintf.h>
#include <asm/sclp.h>
#include <s390/iplb.h>

static u64 ram_size;

static u64 board_ram_size(void)
{
	if (!ram_size)
		ram_size = sclp_memory_size();
	return ram_size;
}

/* Bound in this order by dm_scan_plat() */
U_BOOT_DRVINFO(sclp_console) = {
	.name	= "serial_sclp",
};

#if IS_ENABLED(CONFIG_S390_CSS)
U_BOOT_DRVINFO(css) = {
	.name	= "css",
};
#endif

#if IS_ENABLED(CONFIG_VIRTIO_ZPCI)
U_BOOT_DRVINFO(zpci) = {
	.name	= "zpci",
};
#endif

int board_late_init(void)
{
	int delay = s390_boot_menu_delay();
	char buf[12];

	/*
	 * Every virtio device probed, its disks ready for any block command
	 * at the prompt, as on qemu-arm64 (the IPL would probe them next)
	 */
	if (IS_ENABLED(CONFIG_VIRTIO))
		virtio_init();
	if (delay == -ENOENT)
		return 0;
	snprintf(buf, sizeof(buf), "%d", delay);
	return env_set("bootdelay", buf);
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

/*
 * Where files go before a boot (U-Boot's names; U-Boot has no s390 board,
 * so the places are ours): low memory is free up to the firmware at the
 * top of RAM, and booti moves the kernel to 0x10000 and a low initrd to
 * 8 MiB or above the kernel.
 */
const char board_env_extra[] =
	"kernel_addr_r=0x2000000\0"
	"pxefile_addr_r=0x1100000\0"
	"ramdisk_addr_r=0x4000000\0"
	"scriptaddr=0x1000000\0";
