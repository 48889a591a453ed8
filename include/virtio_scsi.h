/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virtio-scsi (device id 8): configuration space, request and response
 * layouts and numbers, with the names of the virtio specification
 * (section "SCSI Host Device"). Shared by the driver (virtio_scsi.c) and
 * the sandbox's emulated controller.
 */
#ifndef _LINUX_VIRTIO_SCSI_H
#define _LINUX_VIRTIO_SCSI_H

#include <virtio_types.h>
#include <linux/types.h>

/* Feature bits */
#define VIRTIO_SCSI_F_INOUT		0	/* data-out and data-in in one request */
#define VIRTIO_SCSI_F_HOTPLUG		1	/* hotplug events */
#define VIRTIO_SCSI_F_CHANGE		2	/* parameter change events */
#define VIRTIO_SCSI_F_T10_PI		3	/* protection information */

/* Queues */
#define VIRTIO_SCSI_VQ_CONTROL		0
#define VIRTIO_SCSI_VQ_EVENT		1
#define VIRTIO_SCSI_VQ_REQUEST		2	/* the first request queue */

/* Sizes the device starts with (the driver may write others) */
#define VIRTIO_SCSI_CDB_DEFAULT_SIZE	32
#define VIRTIO_SCSI_SENSE_DEFAULT_SIZE	96
/* The sizes the driver uses in its requests (it writes them to the config) */
#define VIRTIO_SCSI_CDB_SIZE		32
#define VIRTIO_SCSI_SENSE_SIZE		96

/* Largest target and LUN the flat addressing of the spec can name */
#define VIRTIO_SCSI_MAX_TARGET		255
#define VIRTIO_SCSI_MAX_LUN		16383

/* Response codes (virtio_scsi_cmd_resp.response) */
#define VIRTIO_SCSI_S_OK			0
#define VIRTIO_SCSI_S_OVERRUN			1
#define VIRTIO_SCSI_S_ABORTED			2
#define VIRTIO_SCSI_S_BAD_TARGET		3
#define VIRTIO_SCSI_S_RESET			4
#define VIRTIO_SCSI_S_BUSY			5
#define VIRTIO_SCSI_S_TRANSPORT_FAILURE		6
#define VIRTIO_SCSI_S_TARGET_FAILURE		7
#define VIRTIO_SCSI_S_NEXUS_FAILURE		8
#define VIRTIO_SCSI_S_FAILURE			9
#define VIRTIO_SCSI_S_FUNCTION_SUCCEEDED	10
#define VIRTIO_SCSI_S_FUNCTION_REJECTED		11
#define VIRTIO_SCSI_S_INCORRECT_LUN		12

/* Task attributes */
#define VIRTIO_SCSI_S_SIMPLE		0
#define VIRTIO_SCSI_S_ORDERED		1
#define VIRTIO_SCSI_S_HEAD		2
#define VIRTIO_SCSI_S_ACA		3

/* Control queue: task management and asynchronous notification */
#define VIRTIO_SCSI_T_TMF			0
#define VIRTIO_SCSI_T_AN_QUERY			1
#define VIRTIO_SCSI_T_AN_SUBSCRIBE		2
#define VIRTIO_SCSI_T_TMF_I_T_NEXUS_RESET	4
#define VIRTIO_SCSI_T_TMF_LOGICAL_UNIT_RESET	5

/* Event queue: events the device reports */
#define VIRTIO_SCSI_T_NO_EVENT			0
#define VIRTIO_SCSI_T_TRANSPORT_RESET		1
#define VIRTIO_SCSI_T_ASYNC_NOTIFY		2
#define VIRTIO_SCSI_T_PARAM_CHANGE		3
#define VIRTIO_SCSI_T_EVENTS_MISSED		0x80000000

/**
 * struct virtio_scsi_config - configuration space (little-endian for a
 * VERSION_1 device, the CPU's order for a legacy one)
 * @num_queues:	the number of request queues
 * @seg_max:	the most segments in one command
 * @max_sectors:	the most 512-byte sectors in one command
 * @cmd_per_lun:	the most commands linked to one LUN
 * @event_info_size:	the size of an event buffer
 * @sense_size:	the sense bytes the device writes (driver-writable)
 * @cdb_size:	the CDB bytes the device reads (driver-writable)
 * @max_channel:	the highest channel (0)
 * @max_target:	the highest target
 * @max_lun:	the highest LUN
 *
 * sense_size and cdb_size are writable: the driver says which sizes its
 * requests use. QEMU: num_queues 1, seg_max queue size - 2, max_sectors
 * 0xFFFF, max_target 255, max_lun 16383.
 */
struct virtio_scsi_config {
	__virtio32 num_queues;
	__virtio32 seg_max;
	__virtio32 max_sectors;
	__virtio32 cmd_per_lun;
	__virtio32 event_info_size;
	__virtio32 sense_size;
	__virtio32 cdb_size;
	__virtio16 max_channel;
	__virtio16 max_target;
	__virtio32 max_lun;
} __packed;
_Static_assert(sizeof(struct virtio_scsi_config) == 36,
	       "virtio_scsi_config layout");

/**
 * struct virtio_scsi_cmd_req - request header (device-readable)
 * @lun:	{1, target, 0x40 | (lun >> 8), lun & 0xff, 0, 0, 0, 0}
 * @tag:	command identifier
 * @task_attr:	VIRTIO_SCSI_S_SIMPLE
 * @prio:	SAM command priority
 * @crn:	command reference number
 * @cdb:	command descriptor block, padded with zeros
 */
struct virtio_scsi_cmd_req {
	u8 lun[8];
	__virtio64 tag;
	u8 task_attr;
	u8 prio;
	u8 crn;
	u8 cdb[VIRTIO_SCSI_CDB_SIZE];
} __packed;
_Static_assert(sizeof(struct virtio_scsi_cmd_req) == 51,
	       "virtio_scsi_cmd_req layout");

/**
 * struct virtio_scsi_cmd_resp - response (device-writable)
 * @sense_len:	bytes of @sense the device filled
 * @resid:	residual: bytes of the data buffer not transferred
 * @status_qualifier: SAM status qualifier
 * @status:	SCSI status (GOOD, CHECK CONDITION, ...)
 * @response:	VIRTIO_SCSI_S_...
 * @sense:	sense data
 */
struct virtio_scsi_cmd_resp {
	__virtio32 sense_len;
	__virtio32 resid;
	__virtio16 status_qualifier;
	u8 status;
	u8 response;
	u8 sense[VIRTIO_SCSI_SENSE_SIZE];
} __packed;
_Static_assert(sizeof(struct virtio_scsi_cmd_resp) == 108,
	       "virtio_scsi_cmd_resp layout");

/** struct virtio_scsi_ctrl_tmf_req - task management request (control queue) */
struct virtio_scsi_ctrl_tmf_req {
	__virtio32 type;
	__virtio32 subtype;
	u8 lun[8];
	__virtio64 tag;
} __packed;
_Static_assert(sizeof(struct virtio_scsi_ctrl_tmf_req) == 24,
	       "virtio_scsi_ctrl_tmf_req layout");

/** struct virtio_scsi_ctrl_tmf_resp - task management response */
struct virtio_scsi_ctrl_tmf_resp {
	u8 response;
} __packed;

/** struct virtio_scsi_event - an event the device reports on the event queue */
struct virtio_scsi_event {
	__virtio32 event;
	u8 lun[8];
	__virtio32 reason;
} __packed;
_Static_assert(sizeof(struct virtio_scsi_event) == 16,
	       "virtio_scsi_event layout");

/**
 * virtio_scsi_encode_lun() - the 8-byte LUN field of a request
 * @lun:	returns {1, @target, 0x40 | (@nlun >> 8), @nlun & 0xff, 0, 0, 0, 0}
 *		(single-level flat space addressing, as Linux sends it)
 * @target:	target id, 0 to 255
 * @nlun:	LUN, 0 to 16383
 */
void virtio_scsi_encode_lun(u8 *lun, unsigned int target, unsigned int nlun);

#endif
