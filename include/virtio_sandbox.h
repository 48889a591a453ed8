/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The sandbox virtio transport and its emulated devices.
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

#include <linker_lists.h>
#include <virtio_ring.h>
#include <virtio_types.h>
#include <linux/byteorder.h>
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
 * struct virtio_sandbox_iov - one buffer of a chain, as the device sees it
 * @addr:	the buffer (the descriptor's address taken as a host pointer)
 * @len:	its length
 */
struct virtio_sandbox_iov {
	u8 *addr;
	u32 len;
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
	struct virtio_sandbox_iov *out;
	unsigned int nout;
	struct virtio_sandbox_iov *in;
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
 *		number of bytes written into req->in, or -ve errno to not
 *		complete it
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
	void (*reset)(struct virtio_sandbox_dev *vd);
	void (*remove)(struct virtio_sandbox_dev *vd);
};

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
 */
bool vsb_little_endian(struct virtio_sandbox_dev *vd);

/**
 * vsb_virtio16_to_cpu() - a 16-bit field the driver wrote, in the CPU's
 * order; the other widths and the vsb_cpu_to_virtio*() inverses are alike
 * (a byte swap is its own inverse)
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
 * Return: 0 if @opt is one, -EINVAL if not
 */
int virtio_sandbox_transport_opt(struct virtio_sandbox_dev *vd,
				 const char *opt);

/**
 * virtio_sandbox_fault_fires() - whether an armed fault of @kind fires now
 *
 * Each call is one opportunity: a fault with after=N lets N pass.
 */
bool virtio_sandbox_fault_fires(struct virtio_sandbox_dev *vd,
				enum virtio_sandbox_fault_kind kind);

/**
 * virtio_sandbox_fault_armed() - whether a fault of @kind is armed (no
 * opportunity used)
 */
bool virtio_sandbox_fault_armed(struct virtio_sandbox_dev *vd,
				enum virtio_sandbox_fault_kind kind);

/**
 * vsb_req_read() - copy @len bytes at @offset of the readable part of
 * @req into @buf
 * Return: bytes copied (less than @len if the chain is shorter)
 */
u64 vsb_req_read(struct virtio_sandbox_req *req, u64 offset, void *buf,
		 u64 len);

/**
 * vsb_req_write() - copy @len bytes from @buf to @offset of the writable
 * part of @req
 * Return: bytes copied (less than @len if the chain is shorter)
 */
u64 vsb_req_write(struct virtio_sandbox_req *req, u64 offset,
		  const void *buf, u64 len);

#define VSB_MEDIUM_MAX_IO	(1 << 20)	/* bytes per host read or write */

/**
 * struct vsb_medium - what an emulated disk or LUN stores its blocks in
 * @fd:		host file, or -1 for a memory disk
 * @mem:	memory disk
 * @size:	bytes
 */
struct vsb_medium {
	int fd;
	u8 *mem;
	u64 size;
};

/**
 * vsb_opt_uint() - parse a device spec option "@name=N" (N as C writes it)
 * @opt:	the option
 * @name:	the option's name
 * @valp:	returns N
 * Return: 0 if OK, -ENOENT if @opt is another option, -EINVAL if N is bad
 */
int vsb_opt_uint(const char *opt, const char *name, u32 *valp);

/**
 * vsb_medium_open() - open the medium a device spec names
 * @m:		the medium to set up
 * @file:	a host file, or "mem:SIZE" for a zeroed memory disk
 * @ro:		open the file read-only
 * Return: 0 if OK, -EBADF if the file cannot be opened (not -ENOENT: the
 *	   caller reads that as "no such emulator"), -EINVAL for a bad size,
 *	   -ENOMEM
 */
int vsb_medium_open(struct vsb_medium *m, const char *file, bool ro);

/**
 * vsb_medium_close() - close the file or free the memory of @m
 * @m:		the medium (closing it twice is harmless)
 */
void vsb_medium_close(struct vsb_medium *m);

/**
 * vsb_medium_io() - move @len bytes between a request's chain and @m
 * @m:		the medium; the caller has checked @disk_off + @len fits
 * @buf:	bounce buffer of VSB_MEDIUM_MAX_IO bytes
 * @req:	the request
 * @chain_off:	offset in the request's readable (write) or writable
 *		(read) part
 * @disk_off:	byte offset on the medium
 * @len:	bytes
 * @write:	from the chain to the medium
 * Return: 0 if OK, -EIO if the host file failed
 */
int vsb_medium_io(struct vsb_medium *m, void *buf,
		  struct virtio_sandbox_req *req, u64 chain_off, u64 disk_off,
		  u64 len, bool write);

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
 */
void sandbox_virtio_complete_pending(struct virtio_sandbox_dev *vd,
				     unsigned int queue);

/** vsb_blk_violations() - blk requests that broke size_max or seg_max */
unsigned int vsb_blk_violations(struct virtio_sandbox_dev *vd);

/** vsb_blk_flushes() - FLUSH requests an emulated blk device has seen */
unsigned int vsb_blk_flushes(struct virtio_sandbox_dev *vd);

/**
 * struct vsb_scsi_stats - what the emulated SCSI controller saw, for tests
 * @cmds:	commands on the request queue
 * @reads:	READ(10) commands
 * @reads16:	READ(16) commands
 * @writes:	WRITE(10/16) commands
 * @report_luns: REPORT LUNS commands
 * @bad_target:	commands answered BAD_TARGET
 * @violations:	transfers longer than max_sectors or the VPD limit
 * @max_xfer_bytes: longest data transfer of one command
 * @tmfs:	task management requests
 */
struct vsb_scsi_stats {
	unsigned int cmds;
	unsigned int reads;
	unsigned int reads16;
	unsigned int writes;
	unsigned int report_luns;
	unsigned int bad_target;
	unsigned int violations;
	u64 max_xfer_bytes;
	unsigned int tmfs;
};

/** vsb_scsi_get_stats() - the counters of an emulated SCSI controller */
struct vsb_scsi_stats *vsb_scsi_get_stats(struct virtio_sandbox_dev *vd);

/* Between the transport driver and the device core (virtio_sandbox_dev.c) */

/**
 * virtio_sandbox_parse_fault() - parse a --fault spec's fault part,
 * "KIND[,after=N][,count=N]"
 * @fault: returns the fault, not armed
 * @spec: the spec without its device name
 * Return: 0 if OK, -EINVAL if the kind or an option is unknown
 */
int virtio_sandbox_parse_fault(struct virtio_sandbox_fault *fault,
			       const char *spec);

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
