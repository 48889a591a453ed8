/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Uclass IDs. Each ID names one class of devices; the uclass driver that
 * handles it (UCLASS_DRIVER() in <name>-uclass.c) gives its name, which is
 * U-Boot's name for the same class, shown by 'dm tree' and 'dm uclass'.
 * The order follows U-Boot's: the driver-model internal classes first,
 * then the others alphabetically. The numbers are not U-Boot's (U-Boot
 * has many more classes) and nothing may depend on them.
 */
#ifndef _DM_UCLASS_ID_H
#define _DM_UCLASS_ID_H

enum uclass_id {
	/* Used by the driver model itself */
	UCLASS_ROOT = 0,	/* "root": the root device */
	UCLASS_DEMO,		/* "demo" */
	UCLASS_TEST,		/* "test": unit tests of the driver model */
	UCLASS_TEST_FDT,	/* "testfdt" */
	UCLASS_TEST_BUS,	/* "testbus": unit tests, a bus with children */
	UCLASS_TEST_PROBE,	/* "testprobe" */
	UCLASS_TEST_DUMMY,	/* "test_dummy" */
	UCLASS_PCI_EMUL,	/* "pci_emul": sandbox PCI device emulator */
	UCLASS_PCI_EMUL_PARENT,	/* "pci_emul_parent" */
	UCLASS_SIMPLE_BUS,	/* "simple_bus": bus whose children need no help */

	/* Everything else, alphabetically */
	UCLASS_AHCI,		/* "ahci": SATA controller (a SCSI host) */
	UCLASS_BLK,		/* "blk": block device */
	UCLASS_BOOTDEV,		/* "bootdev" */
	UCLASS_CPU,		/* "cpu" */
	UCLASS_ETH,		/* "ethernet" */
	UCLASS_HOST,		/* "host": sandbox host-file block device */
	UCLASS_NOP,		/* "nop": devices with no function */
	UCLASS_PARTITION,	/* "partition": a partition of a BLK device */
	UCLASS_PCI,		/* "pci": PCI bus */
	UCLASS_PCI_GENERIC,	/* "pci_generic": PCI device without a driver */
	UCLASS_RNG,		/* "rng": random number generator */
	UCLASS_SCSI,		/* "scsi": SCSI host controller */
	UCLASS_SERIAL,		/* "serial": serial UART / console */
	UCLASS_SYSRESET,	/* "sysreset": system reset / power off */
	UCLASS_TIMER,		/* "timer" */
	UCLASS_VIRTIO,		/* "virtio": one per virtio transport instance */

	UCLASS_COUNT,
	UCLASS_INVALID = -1,
};

#endif
