/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Test drivers of the driver-model unit tests. Every hook they have writes
 * "<device>.<hook> " to a log, so a test can check which hooks ran, and in
 * which order, with one string comparison.
 */
#ifndef __DM_TEST_H
#define __DM_TEST_H

#include <dm.h>

/* Driver names, for device_bind_driver() */
#define DM_TEST_DRV	"test_drv"	/* UCLASS_TEST */
#define DM_TEST_DMA_DRV	"test_dma_drv"	/* UCLASS_TEST, DM_FLAG_ACTIVE_DMA */
#define DM_TEST_BUS_DRV	"test_bus_drv"	/* UCLASS_TEST_BUS */

/* Sizes of the automatically allocated data, odd on purpose */
#define DM_TEST_PRIV_SIZE	24
#define DM_TEST_PLAT_SIZE	40
#define DM_TEST_UC_PRIV_SIZE	56
#define DM_TEST_UC_PLAT_SIZE	72
#define DM_TEST_CHILD_PRIV_SIZE	88
#define DM_TEST_CHILD_PLAT_SIZE	104

/**
 * struct dm_test_plat - platform data of a test_drv device
 * @probe_err:	error the driver's probe returns (0: succeed)
 * @remove_err:	error the driver's remove returns
 * @bind_err:	error the driver's bind returns (set it through
 *		device_bind() with this struct as @plat)
 * @post_probe_err: error the uclass's post_probe returns for this device
 * @of_to_plat_err: error the driver's of_to_plat returns
 * @pad:	fills the size up to DM_TEST_PLAT_SIZE
 */
struct dm_test_plat {
	int probe_err;
	int remove_err;
	int bind_err;
	int post_probe_err;
	int of_to_plat_err;
	u8 pad[DM_TEST_PLAT_SIZE - 5 * sizeof(int)];
};

/**
 * struct dm_test_state - what the test drivers record
 * @log:	"<device>.<hook> " for each hook called, in order
 * @uc_init:	times the UCLASS_TEST uclass's init ran
 * @uc_destroy:	times the UCLASS_TEST uclass's destroy ran
 * @priv_was_zero: at the driver's probe, all auto-allocated data of the
 *		device was zero
 */
struct dm_test_state {
	char log[1024];
	int uc_init;
	int uc_destroy;
	bool priv_was_zero;
};

extern struct dm_test_state dm_test_state;

/** dm_test_log_clear() - empty the hook log */
void dm_test_log_clear(void);

/**
 * dm_test_reset() - remove and unbind every test device and destroy the
 * test uclasses, so that each test starts from nothing; clears the state
 * Return: 0 if OK, -ve on error
 */
int dm_test_reset(void);

#endif
