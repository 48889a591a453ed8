/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Command-line state of the sandbox program, filled by arch/sandbox before
 * board_init_r(). Drivers bind their emulated devices from it.
 */
#ifndef __ASM_SANDBOX_STATE_H
#define __ASM_SANDBOX_STATE_H

#include <linux/types.h>

#define SANDBOX_MAX_DEVS	64

struct sandbox_state {
	const char *cmd;		/* -c "CMDS": run them and exit */
	const char *host_files[SANDBOX_MAX_DEVS];	/* --host FILE */
	int host_count;
	const char *blk_specs[SANDBOX_MAX_DEVS];	/* --blk FILE[,ro][,bs=N] */
	int blk_count;
	const char *scsi_specs[SANDBOX_MAX_DEVS];	/* --scsi FILE[,cd]... */
	int scsi_count;
	const char *net_specs[SANDBOX_MAX_DEVS];	/* --net user[,...] */
	int net_count;
	const char *fault_specs[SANDBOX_MAX_DEVS];	/* --fault SPEC */
	int fault_count;
	u64 ram_size;			/* -m SIZE: guest memory arena bytes */
	void *ram_buf;			/* the arena */
	bool interactive;		/* stdin is a terminal */
};

/** state_get_current() - the sandbox's command-line state */
struct sandbox_state *state_get_current(void);

/**
 * sandbox_main_loop_init() - run the -c commands, if any, and exit with
 * the status of the last one; returns when there are none
 */
void sandbox_main_loop_init(void);

#endif
