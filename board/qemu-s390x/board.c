// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * qemu-system-s390x -M s390-ccw-virtio: the SCLP console first, then a
 * virtio-ccw transport for each virtio control unit the channel
 * subsystem has, in subchannel-id order (set 0 first), which is the
 * order `virtio scan` numbers their disks in, then a virtio-pci
 * transport for each virtio zPCI function. RAM size from the SCLP.
 * QEMU's boot menu options (-boot menu=on, loadparm PROMPT) set
 * bootdelay, so that a bootable disk still lets one reach the prompt.
 */
#include <common.h>
#include <dm.h>
#include <env.h>
#include <init.h>
#include <mapmem.h>
#include <vsprintf.h>
#include <asm/sclp.h>
#include <s390/css.h>
#include <s390/iplb.h>
#include <s390/virtio_ccw.h>
#include <s390/virtio_zpci.h>
#include <s390/zpci.h>

static u64 ram_size;

static u64 board_ram_size(void)
{
	if (!ram_size)
		ram_size = sclp_memory_size();
	return ram_size;
}

static int board_bind_ccw(const struct css_device *cdev, void *arg)
{
	if (cdev->id.cu_type == CSS_CU_TYPE_VIRTIO)
		virtio_ccw_bind(dm_root(), cdev, NULL);
	return 0;
}

static int board_bind_zpci(const struct zpci_function *f, void *arg)
{
	if (f->configured)
		virtio_zpci_bind(dm_root(), f, NULL);
	return 0;
}

int board_init(void)
{
	struct udevice *dev;
	int ret;

	ret = device_bind_driver(dm_root(), "serial_sclp", "sclp-console",
				 &dev);
	if (ret)
		return ret;
	if (IS_ENABLED(CONFIG_VIRTIO_CCW)) {
		/* Without MSS only subchannel set 0 is visible: go on */
		css_init();
		css_scan(board_bind_ccw, NULL);
	}
	/* zPCI functions after the channel devices; none without zpci=on */
	if (IS_ENABLED(CONFIG_VIRTIO_ZPCI))
		zpci_scan(board_bind_zpci, NULL);
	return 0;
}

int board_late_init(void)
{
	int delay = s390_boot_menu_delay();
	char buf[12];

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
