/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The sandbox virtio transport (drivers/virtio/virtio_sandbox.c) and its
 * emulated devices (drivers/virtio/emul/).
 *
 * Each transport device (driver "virtio-sandbox") carries one emulated
 * device, a struct virtio_sandbox_dev: the registers a real transport
 * would have (status, features, queue addresses, configuration space) and
 * the device side of the split rings, which walks the descriptor chains
 * the driver posted in memory and fills the used ring, exactly as a
 * hypervisor would. What a request does is up to the device model (struct
 * virtio_sandbox_model): virtio-blk backed by a host file, virtio-scsi,
 * or a test model. Faults armed with --fault (or from a unit test) hook
 * into the ring processing. See doc/develop/virtio.md.
 */
#ifndef __VIRTIO_SANDBOX_H
#define __VIRTIO_SANDBOX_H

#include <emul_medium.h>
#include <linker_lists.h>
#include <scsi_emul.h>
#include <virtio_ring.h>
#include <virtio_types.h>
#include <linux/byteorder.h>
#include <linux/errno.h>
#include <linux/types.h>

struct udevice;
struct virtio_sandbox_dev;

#define VIRTIO_SANDBOX_MAX_QUEUES	8
#define VIRTIO_SANDBOX_CONFIG_SIZE	256
#define VIRTIO_SANDBOX_MAX_IOV		1024
#define VIRTIO_SANDBOX_QUEUE_SIZE	128

/**
 * enum virtio_sandbox_fault_kind - what a --fault makes a device do
 *
 * @VSB_FAULT_NONE:		nothing
 * @VSB_FAULT_NEVER_COMPLETE:	take a request and never complete it
 * @VSB_FAULT_IOERR:		end a request with an I/O error status
 * @VSB_FAULT_UNSUPP:		end a request with "unsupported"
 * @VSB_FAULT_USED_ID_RANGE:	complete with a used id past the ring
 * @VSB_FAULT_USED_ID_NOT_HEAD:	complete with the id of a descriptor that
 *				heads no chain in flight
 * @VSB_FAULT_USED_LEN:		claim more bytes written than offered
 * @VSB_FAULT_USED_IDX_JUMP:	move used->idx past the chains in flight
 * @VSB_FAULT_FEATURES_REFUSED:	clear FEATURES_OK when the driver sets it
 * @VSB_FAULT_RESET_STUCK:	status never reads 0 after a reset
 * @VSB_FAULT_QUEUE_SIZE_0:	report queue size 0 (no queue)
 * @VSB_FAULT_QUEUE_SIZE_ODD:	report a queue size that is not a power of 2
 * @VSB_FAULT_CAPACITY_0:	report capacity 0
 * @VSB_FAULT_GENERATION:	the config generation changes on every read
 * @VSB_FAULT_SCSI_MEDIUM_ERROR: a SCSI READ ends with CHECK CONDITION,
 *				MEDIUM ERROR, unrecovered read error
 * @VSB_FAULT_SCSI_BUSY:	a SCSI command gets the response BUSY
 * @VSB_FAULT_SCSI_BECOMING_READY: TEST UNIT READY answers NOT READY,
 *				becoming ready
 * @VSB_FAULT_SCSI_NOT_READY:	TEST UNIT READY, READ and WRITE answer NOT
 *				READY, manual intervention required
 * @VSB_FAULT_SCSI_HARDWARE_ERROR: READ and WRITE end with HARDWARE ERROR
 * @VSB_FAULT_SCSI_ILLEGAL_REQUEST: READ and WRITE end with ILLEGAL
 *				REQUEST, invalid field in CDB
 * @VSB_FAULT_SCSI_UNIT_ATTENTION: every command to a LUN but INQUIRY,
 *				REPORT LUNS and REQUEST SENSE answers UNIT
 *				ATTENTION, power on or reset
 * @VSB_FAULT_SCSI_BAD_TARGET:	a SCSI command gets the response BAD_TARGET
 * @VSB_FAULT_SCSI_TRANSPORT_FAILURE: a SCSI command gets the response
 *				TRANSPORT_FAILURE
 * @VSB_FAULT_COUNT:		the number of kinds (not a fault)
 */
enum virtio_sandbox_fault_kind {
	VSB_FAULT_NONE,
	VSB_FAULT_NEVER_COMPLETE,
	VSB_FAULT_IOERR,
	VSB_FAULT_UNSUPP,
	VSB_FAULT_USED_ID_RANGE,
	VSB_FAULT_USED_ID_NOT_HEAD,
	VSB_FAULT_USED_LEN,
	VSB_FAULT_USED_IDX_JUMP,
	VSB_FAULT_FEATURES_REFUSED,
	VSB_FAULT_RESET_STUCK,
	VSB_FAULT_QUEUE_SIZE_0,
	VSB_FAULT_QUEUE_SIZE_ODD,
	VSB_FAULT_CAPACITY_0,
	VSB_FAULT_GENERATION,
	VSB_FAULT_SCSI_MEDIUM_ERROR,
	VSB_FAULT_SCSI_BUSY,
	VSB_FAULT_SCSI_BECOMING_READY,
	VSB_FAULT_SCSI_NOT_READY,
	VSB_FAULT_SCSI_HARDWARE_ERROR,
	VSB_FAULT_SCSI_ILLEGAL_REQUEST,
	VSB_FAULT_SCSI_UNIT_ATTENTION,
	VSB_FAULT_SCSI_BAD_TARGET,
	VSB_FAULT_SCSI_TRANSPORT_FAILURE,
	VSB_FAULT_COUNT,
};

/**
 * struct virtio_sandbox_fault - an armed fault
 * @kind:	what happens
 * @after:	opportunities to let pass before it fires
 * @count:	times it fires (0: for ever)
 * @fired:	times it has fired
 */
struct virtio_sandbox_fault {
	enum virtio_sandbox_fault_kind kind;
	unsigned int after;
	unsigned int count;
	unsigned int fired;
};

/**
 * struct virtio_sandbox_req - one descriptor chain handed to a model
 * @out:	device-readable buffers, in chain order
 * @nout:	number of @out buffers
 * @in:		device-writable buffers, in chain order
 * @nin:	number of @in buffers
 * @out_len:	bytes in @out
 * @in_len:	bytes in @in
 */
struct virtio_sandbox_req {
	struct emul_iov *out;
	unsigned int nout;
	struct emul_iov *in;
	unsigned int nin;
	u64 out_len;
	u64 in_len;
};

/**
 * struct virtio_sandbox_model - a kind of emulated device
 *
 * Declare one with VIRTIO_SANDBOX_MODEL(name).
 *
 * @name:	model name, e.g. "blk"
 * @device_id:	virtio device id it presents
 * @num_queues:	queues it has
 * @config_len:	bytes of its configuration space
 * @init:	set the device up from its option strings (one per --blk,
 *		or every --scsi for the one controller): fill @features and
 *		@priv of @vd. Options the model does not know go to
 *		virtio_sandbox_transport_opt(). Return 0 or -ve errno.
 * @fill_config: write the configuration space into @config, in the
 *		device's byte order (vsb_cpu_to_virtio*()): called at reset and
 *		when the features (and so the byte order) are set
 * @request:	carry out the chain @req taken from queue @queue; return the
 *		number of bytes written into req->in, VSB_HOLD to keep the
 *		chain for later (virtio_sandbox_fill_held(): a receive
 *		buffer), or another -ve errno to not complete it
 * @poll:	the driver polls the device: do what a device thread would
 *		have done meanwhile (optional)
 * @reset:	forget in-flight state (optional)
 * @remove:	release what @init took (optional)
 */
struct virtio_sandbox_model {
	const char *name;
	u32 device_id;
	unsigned int num_queues;
	unsigned int config_len;
	int (*init)(struct virtio_sandbox_dev *vd, const char *const specs[],
		    int count);
	void (*fill_config)(struct virtio_sandbox_dev *vd, u8 *config);
	int (*request)(struct virtio_sandbox_dev *vd, unsigned int queue,
		       struct virtio_sandbox_req *req);
	void (*poll)(struct virtio_sandbox_dev *vd);
	void (*reset)(struct virtio_sandbox_dev *vd);
	void (*remove)(struct virtio_sandbox_dev *vd);
};

/* virtio_sandbox_model.request(): keep the chain (a receive buffer) */
#define VSB_HOLD	(-EINPROGRESS)

#define VIRTIO_SANDBOX_MODEL(_name)					\
	ll_entry_declare(struct virtio_sandbox_model, _name, virtio_sandbox_model)

/**
 * struct virtio_sandbox_queue - device side of one queue
 * @num:	entries (0: not set up)
 * @desc:	descriptor table
 * @avail:	available ring
 * @used:	used ring
 * @last_avail:	next avail entry the device will take
 * @used_idx:	the device's used->idx
 * @pending:	heads taken but not completed yet (deferred mode)
 * @npending:	entries of @pending
 * @held:	heads the model holds (VSB_HOLD), oldest at @held_first
 * @nheld:	entries of @held in use
 * @held_first:	index of the oldest in @held (a ring of @num)
 */
struct virtio_sandbox_queue {
	unsigned int num;
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	u16 last_avail;
	u16 used_idx;
	u16 *pending;
	unsigned int npending;
	u16 *held;
	unsigned int nheld;
	unsigned int held_first;
};

/**
 * struct virtio_sandbox_stats - what the device saw, for tests
 * @requests:	chains completed
 * @max_chain:	longest chain (descriptors)
 * @max_in_flight: most chains taken and not completed at once
 * @notifies:	notify calls
 * @resets:	device resets
 */
struct virtio_sandbox_stats {
	unsigned int requests;
	unsigned int max_chain;
	unsigned int max_in_flight;
	unsigned int notifies;
	unsigned int resets;
};

/**
 * struct virtio_sandbox_dev - one emulated device and its transport state
 *
 * @model:	the kind of device
 * @priv:	the model's own state
 * @name:	"blk0", "blk1", ... "scsi": the name --fault uses
 * @status:	device status byte
 * @device_features: features offered
 * @driver_features: features the driver wrote
 * @legacy:	pre-1.0 device: no VERSION_1, legacy ring layout
 * @defer:	complete requests while the driver polls, newest first,
 *		instead of in order on notify
 * @queue_size:	entries of each queue
 * @generation:	configuration generation counter
 * @config:	configuration space
 * @queues:	device side of the queues
 * @faults:	armed faults
 * @nfaults:	entries of @faults
 * @stats:	counters for tests
 */
struct virtio_sandbox_dev {
	const struct virtio_sandbox_model *model;
	void *priv;
	char name[16];
	u8 status;
	u64 device_features;
	u64 driver_features;
	bool legacy;
	bool defer;
	unsigned int queue_size;
	u32 generation;
	u8 config[VIRTIO_SANDBOX_CONFIG_SIZE];
	struct virtio_sandbox_queue queues[VIRTIO_SANDBOX_MAX_QUEUES];
	struct virtio_sandbox_fault faults[8];
	int nfaults;
	struct virtio_sandbox_stats stats;
};

/**
 * vsb_little_endian() - byte order of the device's rings and config:
 * little-endian once VERSION_1 is negotiated, else the CPU's
 * @vd:	the emulated device
 */
bool vsb_little_endian(struct virtio_sandbox_dev *vd);

/**
 * vsb_virtio16_to_cpu() - a 16-bit field the driver wrote, in the CPU's
 * order; the other widths and the vsb_cpu_to_virtio*() inverses are alike
 * (a byte swap is its own inverse)
 * @vd:	the emulated device
 * @v:	the value in the device byte order
 */
static inline u16 vsb_virtio16_to_cpu(struct virtio_sandbox_dev *vd, u16 v)
{
	return vsb_little_endian(vd) ? le16_to_cpu(v) : be16_to_cpu(v);
}

static inline u32 vsb_virtio32_to_cpu(struct virtio_sandbox_dev *vd, u32 v)
{
	return vsb_little_endian(vd) ? le32_to_cpu(v) : be32_to_cpu(v);
}

static inline u64 vsb_virtio64_to_cpu(struct virtio_sandbox_dev *vd, u64 v)
{
	return vsb_little_endian(vd) ? le64_to_cpu(v) : be64_to_cpu(v);
}

static inline u16 vsb_cpu_to_virtio16(struct virtio_sandbox_dev *vd, u16 v)
{
	return vsb_virtio16_to_cpu(vd, v);
}

static inline u32 vsb_cpu_to_virtio32(struct virtio_sandbox_dev *vd, u32 v)
{
	return vsb_virtio32_to_cpu(vd, v);
}

static inline u64 vsb_cpu_to_virtio64(struct virtio_sandbox_dev *vd, u64 v)
{
	return vsb_virtio64_to_cpu(vd, v);
}

/**
 * virtio_sandbox_transport_opt() - apply a transport option of a device
 * spec: "legacy", "defer" or "queue=N"
 * @vd:	the emulated device
 * @opt:	one option of the command line spec
 * Return: 0 if @opt is one, -EINVAL if not
 */
int virtio_sandbox_transport_opt(struct virtio_sandbox_dev *vd,
				 const char *opt);

/**
 * virtio_sandbox_fault_fires() - whether an armed fault of @kind fires now
 * @vd:	the emulated device
 * @kind:	the fault
 *
 * Each call is one opportunity: a fault with after=N lets N pass.
 */
bool virtio_sandbox_fault_fires(struct virtio_sandbox_dev *vd,
				enum virtio_sandbox_fault_kind kind);

/**
 * virtio_sandbox_fault_armed() - whether a fault of @kind is armed (no
 * opportunity used)
 * @vd:	the emulated device
 * @kind:	the fault
 */
bool virtio_sandbox_fault_armed(struct virtio_sandbox_dev *vd,
				enum virtio_sandbox_fault_kind kind);

/**
 * vsb_req_read() - copy @len bytes at @offset of the readable part of
 * @req:	the request
 * @offset:	the offset in the request's data
 * @buf:	where the bytes go
 * @len:	the number of bytes
 * @req into @buf
 * Return: bytes copied (less than @len if the chain is shorter)
 */
u64 vsb_req_read(struct virtio_sandbox_req *req, u64 offset, void *buf,
		 u64 len);

/**
 * vsb_req_write() - copy @len bytes from @buf to @offset of the writable
 * part of @req
 * @req:	the request
 * @offset:	the offset in the request's data
 * @buf:	the bytes to write
 * @len:	the number of bytes
 * Return: bytes copied (less than @len if the chain is shorter)
 */
u64 vsb_req_write(struct virtio_sandbox_req *req, u64 offset,
		  const void *buf, u64 len);

/**
 * sandbox_virtio_bind_all() - bind a sandbox transport for every --blk
 * (and the --scsi controller), and arm the --fault specs
 *
 * Called by the sandbox board at start-up. Prints one line and returns
 * the error if an option is bad or a file cannot be opened.
 *
 * Return: 0 if OK, -ve on error
 */
int sandbox_virtio_bind_all(void);

/**
 * sandbox_virtio_add() - bind one sandbox transport with an emulated device
 * @model:	model name ("blk", ...)
 * @specs:	the model's option strings
 * @count:	entries of @specs
 * @name:	device name for --fault ("blk0"); copied
 * @devp:	returns the transport device (bound, not probed)
 * Return: 0 if OK, -ve on error
 */
int sandbox_virtio_add(const char *model, const char *const specs[],
		       int count, const char *name, struct udevice **devp);

/**
 * sandbox_virtio_arm_fault() - arm a fault on a device
 * @udev:	the transport device
 * @spec:	"KIND[,after=N][,count=N]", e.g. "never-complete"
 * Return: 0 if OK, -EINVAL for a bad spec, -ENOSPC if too many are armed
 */
int sandbox_virtio_arm_fault(struct udevice *udev, const char *spec);

/** sandbox_virtio_clear_faults() - disarm every fault of @udev */
void sandbox_virtio_clear_faults(struct udevice *udev);

/** sandbox_virtio_get_dev() - the emulated device behind transport @udev */
struct virtio_sandbox_dev *sandbox_virtio_get_dev(struct udevice *udev);

/**
 * sandbox_virtio_complete_pending() - in deferred mode, complete what the
 * device has taken from queue @queue (newest first)
 * @vd:	the emulated device
 * @queue:	the queue index
 */
void sandbox_virtio_complete_pending(struct virtio_sandbox_dev *vd,
				     unsigned int queue);

/**
 * virtio_sandbox_fill_held() - complete the oldest chain the model holds
 * on queue @qi with @len bytes of @data in its writable part
 * @vd:	the emulated device
 * @qi:	the queue
 * @data: what the device writes (a receive buffer's header and frame)
 * @len: its length
 * Return: bytes written (less than @len if the chain is shorter), or
 *	   -ENOSPC when no chain is held (or the device is not running):
 *	   the data is dropped, as a network card drops a frame
 */
int virtio_sandbox_fill_held(struct virtio_sandbox_dev *vd, unsigned int qi,
			     const void *data, u32 len);

/** vsb_blk_violations() - blk requests that broke size_max or seg_max */
unsigned int vsb_blk_violations(struct virtio_sandbox_dev *vd);

/** vsb_blk_flushes() - FLUSH requests an emulated blk device has seen */
unsigned int vsb_blk_flushes(struct virtio_sandbox_dev *vd);

/**
 * vsb_scsi_get_stats() - the counters of an emulated SCSI controller: its
 * SCSI target's
 * @vd:	the emulated device
 */
struct scsi_emul_stats *vsb_scsi_get_stats(struct virtio_sandbox_dev *vd);

/* The counters' name before the SCSI target moved out (tests use it) */
#define vsb_scsi_stats scsi_emul_stats

/* Between the transport driver and the device side (drivers/virtio/emul/) */

/**
 * virtio_sandbox_create() - make an emulated device
 * @model:	model name ("blk", ...)
 * @specs:	the model's option strings
 * @count:	entries of @specs
 * @name:	device name for --fault ("blk0"); copied
 * @vdp:	returns the device, reset, its configuration space filled
 * Return: 0 if OK, -ENOENT if no model has that name (not in this build),
 *	   else the model's error (-EINVAL for a bad option...)
 */
int virtio_sandbox_create(const char *model, const char *const specs[],
			  int count, const char *name,
			  struct virtio_sandbox_dev **vdp);

/**
 * virtio_sandbox_destroy() - free a device and what its model holds
 * @vd:		the device
 */
void virtio_sandbox_destroy(struct virtio_sandbox_dev *vd);

/**
 * virtio_sandbox_arm() - arm a fault on a device
 * @vd:		the device
 * @spec:	"KIND[,after=N][,count=N]"
 * Return: 0 if OK, -EINVAL for a bad spec, -ENOSPC if too many are armed
 */
int virtio_sandbox_arm(struct virtio_sandbox_dev *vd, const char *spec);

/**
 * virtio_sandbox_config() - read or write the configuration space
 * @vd:		the device
 * @offset:	byte offset
 * @buf:	data
 * @len:	bytes
 * @write:	write @buf into the space, else read into @buf
 * Return: 0 if OK, -EINVAL past the model's configuration space
 */
int virtio_sandbox_config(struct virtio_sandbox_dev *vd, unsigned int offset,
			  void *buf, unsigned int len, bool write);

/**
 * virtio_sandbox_generation() - read the configuration generation (the
 * generation fault changes it on every read)
 * @vd:		the device
 * @counter:	returns the generation
 * Return: 0 if OK, -ENOSYS for a legacy device, which has none
 */
int virtio_sandbox_generation(struct virtio_sandbox_dev *vd, u32 *counter);

/**
 * virtio_sandbox_set_status() - the driver writes the status byte: a
 * device refuses FEATURES_OK for features it did not offer (or when the
 * features-refused fault fires)
 * @vd:		the device
 * @status:	the byte written
 */
void virtio_sandbox_set_status(struct virtio_sandbox_dev *vd, u8 status);

/**
 * virtio_sandbox_reset() - a device reset: queues dropped, features
 * forgotten, status 0 (unless the reset-stuck fault fires)
 * @vd:		the device
 */
void virtio_sandbox_reset(struct virtio_sandbox_dev *vd);

/**
 * virtio_sandbox_set_features() - the driver writes the features it
 * takes (a legacy device keeps the low 32 bits); the configuration space
 * follows the byte order they choose
 * @vd:		the device
 * @features:	the driver's features
 */
void virtio_sandbox_set_features(struct virtio_sandbox_dev *vd, u64 features);

/**
 * virtio_sandbox_queue_size() - the size each queue offers
 * @vd:		the device
 * Return: entries; 0 (no queue) or 100 (not a power of 2) when a
 *	   queue-size fault is armed
 */
unsigned int virtio_sandbox_queue_size(struct virtio_sandbox_dev *vd);


/**
 * virtio_sandbox_process_queue() - what a device does on a notify: run
 * every chain the driver made available on queue @qi
 * @vd: the device
 * @qi: queue index
 *
 * Synchronous, as the sandbox has no second thread; a device that is not
 * DRIVER_OK or that needs a reset ignores the notify, as hardware would.
 */
void virtio_sandbox_process_queue(struct virtio_sandbox_dev *vd,
				  unsigned int qi);

/**
 * virtio_sandbox_reset_queues() - forget every queue (a device reset):
 * chains held back by a fault are dropped, never completed
 * @vd: the device
 */
void virtio_sandbox_reset_queues(struct virtio_sandbox_dev *vd);

/**
 * virtio_sandbox_setup_queue() - the driver placed queue @qi's rings
 * @vd: the device
 * @qi: queue index
 * @num: queue size
 * @desc: descriptor table
 * @avail: available ring
 * @used: used ring
 * Return: 0 if OK, -ENOMEM
 */
int virtio_sandbox_setup_queue(struct virtio_sandbox_dev *vd, unsigned int qi,
			       unsigned int num, void *desc, void *avail,
			       void *used);

#endif
