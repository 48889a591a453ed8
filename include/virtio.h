/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Virtio devices, with U-Boot 2023.01's names and signatures.
 *
 * Two kinds of device meet here:
 *
 *  - the transport device ("udev", UCLASS_VIRTIO): one per transport
 *    instance (a PCI function, an MMIO slot, a CCW subchannel, a sandbox
 *    emulated device). Its driver implements struct dm_virtio_ops and fills
 *    in struct virtio_dev_priv (device and vendor id) when it probes.
 *  - the virtio device ("vdev"): the child the uclass binds on the
 *    transport once it knows the device id (virtio-blk, virtio-scsi).
 *    Its driver calls the virtio_*() functions below with its own udevice;
 *    they forward to the parent transport.
 *
 * The uclass runs the initialisation sequence of the virtio 1.x spec
 * (reset, ACKNOWLEDGE, DRIVER, feature negotiation, FEATURES_OK, DRIVER_OK)
 * around the child's probe. See doc/develop/virtio.md.
 */
#ifndef __VIRTIO_H__
#define __VIRTIO_H__

#include <virtio_types.h>
#include <dm/device.h>
#include <linux/byteorder.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/list.h>

#define VIRTIO_VENDOR_QEMU	0x554d4551

#define VIRTIO_ID_NET		1 /* virtio net */
#define VIRTIO_ID_BLOCK		2 /* virtio block */
#define VIRTIO_ID_CONSOLE	3 /* virtio console */
#define VIRTIO_ID_RNG		4 /* virtio rng */
#define VIRTIO_ID_BALLOON	5 /* virtio balloon */
#define VIRTIO_ID_SCSI		8 /* virtio scsi */
#define VIRTIO_ID_9P		9 /* virtio 9p */
#define VIRTIO_ID_MAX_NUM	10

#define VIRTIO_NET_DRV_NAME	"virtio-net"
#define VIRTIO_BLK_DRV_NAME	"virtio-blk"
#define VIRTIO_RNG_DRV_NAME	"virtio-rng"
#define VIRTIO_SCSI_DRV_NAME	"virtio-scsi"
#define VIRTIO_9P_DRV_NAME	"virtio-9p"

/* Device status bits, written by the driver as it makes progress */
#define VIRTIO_CONFIG_S_ACKNOWLEDGE	1	/* a driver has seen the device */
#define VIRTIO_CONFIG_S_DRIVER		2	/* it knows how to drive it */
#define VIRTIO_CONFIG_S_DRIVER_OK	4	/* the driver is ready */
#define VIRTIO_CONFIG_S_FEATURES_OK	8	/* feature negotiation done */
#define VIRTIO_CONFIG_S_NEEDS_RESET	0x40	/* the device needs a reset */
#define VIRTIO_CONFIG_S_FAILED		0x80	/* the driver gave up */

/*
 * Feature bits VIRTIO_TRANSPORT_F_START up to VIRTIO_TRANSPORT_F_END are
 * about the rings and the transport; the others belong to the device type.
 */
#define VIRTIO_TRANSPORT_F_START	28
#define VIRTIO_TRANSPORT_F_END		38

#ifndef VIRTIO_CONFIG_NO_LEGACY
/* Legacy: interrupt when the avail ring runs empty, even if suppressed */
#define VIRTIO_F_NOTIFY_ON_EMPTY	24
/* Legacy: the device accepts any split of a request into descriptors */
#define VIRTIO_F_ANY_LAYOUT		27
#endif

/* The device follows virtio 1.0 or later (little-endian, FEATURES_OK) */
#define VIRTIO_F_VERSION_1		32
/* The device's DMA goes through a platform IOMMU */
#define VIRTIO_F_IOMMU_PLATFORM		33
#define VIRTIO_F_ACCESS_PLATFORM	VIRTIO_F_IOMMU_PLATFORM
/* Packed virtqueue layout */
#define VIRTIO_F_RING_PACKED		34
/* Buffers are used in the order they were made available */
#define VIRTIO_F_IN_ORDER		35
/* Single Root I/O Virtualisation */
#define VIRTIO_F_SR_IOV			37

/**
 * struct virtio_sg - one buffer of a request
 *
 * @addr:	CPU address of the buffer
 * @length:	length of the buffer in bytes
 */
struct virtio_sg {
	void *addr;
	size_t length;
};

struct virtqueue;

/**
 * struct dm_virtio_ops - what a virtio transport driver implements
 *
 * Every op takes the transport device (@udev). All are required except
 * @generation. A transport never knows which device sits on it.
 */
struct dm_virtio_ops {
	/**
	 * @get_config: read @len bytes of the device configuration space
	 * at @offset into @buf (device byte order, unconverted)
	 * Return: 0 if OK, -ve on error
	 */
	int (*get_config)(struct udevice *udev, unsigned int offset,
			  void *buf, unsigned int len);
	/**
	 * @set_config: write @len bytes from @buf at @offset of the
	 * device configuration space
	 * Return: 0 if OK, -ve on error
	 */
	int (*set_config)(struct udevice *udev, unsigned int offset,
			  const void *buf, unsigned int len);
	/**
	 * @generation: read the configuration generation counter into
	 * @counter (optional: transports without one leave it out)
	 * Return: 0 if OK, -ve on error
	 */
	int (*generation)(struct udevice *udev, u32 *counter);
	/**
	 * @get_status: read the device status byte into @status
	 * Return: 0 if OK, -ve on error
	 */
	int (*get_status)(struct udevice *udev, u8 *status);
	/**
	 * @set_status: write the device status byte (never 0: use @reset)
	 * Return: 0 if OK, -ve on error
	 */
	int (*set_status)(struct udevice *udev, u8 status);
	/**
	 * @reset: start a device reset. The uclass then polls get_status()
	 * until it reads 0 (with a timeout), so the op need not wait.
	 * Return: 0 if OK, -ve on error
	 */
	int (*reset)(struct udevice *udev);
	/**
	 * @get_features: read the 64 feature bits the device offers
	 * Return: 0 if OK, -ve on error
	 */
	int (*get_features)(struct udevice *udev, u64 *features);
	/**
	 * @set_features: write the negotiated features, found in the
	 * transport's struct virtio_dev_priv @features
	 * Return: 0 if OK, -ve on error
	 */
	int (*set_features)(struct udevice *udev);
	/**
	 * @find_vqs: set up @nvqs virtqueues (vring_create_virtqueue())
	 * and tell the device where they are
	 * @vqs:	returns the queues, index 0 first
	 * Return: 0 if OK, -ENOENT if the device has fewer queues, -ve on
	 *	   other errors (and no queue is left allocated)
	 */
	int (*find_vqs)(struct udevice *udev, unsigned int nvqs,
			struct virtqueue *vqs[]);
	/**
	 * @del_vqs: disable and free every queue found by find_vqs()
	 * Return: 0 if OK, -ve on error
	 */
	int (*del_vqs)(struct udevice *udev);
	/**
	 * @notify: tell the device that @vq has new available buffers
	 * Return: 0 if OK, -ve on error
	 */
	int (*notify)(struct udevice *udev, struct virtqueue *vq);
};

/* Get access to a virtio transport's operations */
#define virtio_get_ops(dev)	((struct dm_virtio_ops *)(dev)->driver->ops)

/**
 * enum virtio_bus_kind - which bus a transport sits on, as far as it says
 * @VIRTIO_BUS_NONE:	the transport does not say (virtio-mmio, PCI
 *			behind an ECAM host, sandbox)
 * @VIRTIO_BUS_CCW:	a channel subsystem subchannel (virtio-ccw)
 * @VIRTIO_BUS_PCI:	a zPCI function (virtio-pci on s390x)
 */
enum virtio_bus_kind {
	VIRTIO_BUS_NONE,
	VIRTIO_BUS_CCW,
	VIRTIO_BUS_PCI,
};

/**
 * struct virtio_bus_addr - where a transport sits, in the terms an s390
 * IPL parameter block names a device by
 * @kind:	which member of the union holds
 * @ccw:	@kind VIRTIO_BUS_CCW
 * @ccw.schid:	subchannel id word
 * @ccw.devno:	device number
 * @ccw.ssid:	subchannel set
 * @pci:	@kind VIRTIO_BUS_PCI
 * @pci.fid:	zPCI function id
 */
struct virtio_bus_addr {
	enum virtio_bus_kind kind;
	union {
		struct {
			u32 schid;
			u16 devno;
			u8 ssid;
		} ccw;
		struct {
			u32 fid;
		} pci;
	};
};

/**
 * struct virtio_dev_priv - uclass data of a transport device
 *
 * The transport fills in @device, @vendor, @transport and @bus_addr in
 * its probe; the uclass the rest.
 *
 * @vqs:		the virtqueues of the device
 * @vdev:		the virtio device bound on the transport (child)
 * @legacy:		the device does not do VERSION_1 (pre-1.0 layout and
 *			guest-native byte order)
 * @device:		virtio device id (VIRTIO_ID_...)
 * @vendor:		virtio vendor id
 * @features:		negotiated features
 * @feature_table:	feature bits the driver supports
 * @feature_table_size:	entries of @feature_table
 * @feature_table_legacy: same, for a legacy device (NULL: @feature_table)
 * @feature_table_size_legacy: entries of @feature_table_legacy
 * @transport:		name of the transport, shown by `virtio info`:
 *			"sandbox", "pci-legacy", "pci-modern", "mmio", "ccw"
 * @fail_reason:	why the device failed to come up or was given up,
 *			for the command that reports it (NULL: see the errno)
 * @bus_addr:		where the transport sits (virtio_get_bus_addr())
 * @status:		(virtboot) the device status last written (0 after a
 *			reset): virtio_add_status() adds to it without
 *			reading the device back
 */
struct virtio_dev_priv {
	struct list_head vqs;
	struct udevice *vdev;
	bool legacy;
	u32 device;
	u32 vendor;
	u64 features;
	const u32 *feature_table;
	u32 feature_table_size;
	const u32 *feature_table_legacy;
	u32 feature_table_size_legacy;
	const char *transport;
	const char *fail_reason;
	struct virtio_bus_addr bus_addr;
	u8 status;
};

/**
 * virtio_get_config() - read a field of the configuration space
 * @vdev:	the virtio device
 * @offset:	offset of the field
 * @buf:	buffer for the value (device byte order)
 * @len:	length of the field
 * Return: 0 if OK, -ve on error
 */
int virtio_get_config(struct udevice *vdev, unsigned int offset,
		      void *buf, unsigned int len);

/**
 * virtio_set_config() - write a field of the configuration space
 * @vdev:	the virtio device
 * @offset:	offset of the field
 * @buf:	the value (device byte order)
 * @len:	length of the field
 * Return: 0 if OK, -ve on error
 */
int virtio_set_config(struct udevice *vdev, unsigned int offset,
		      void *buf, unsigned int len);

/**
 * virtio_generation() - read the configuration generation counter
 * @vdev:	the virtio device
 * @counter:	returns the counter
 * Return: 0 if OK, -ENOSYS if the transport has none, -ve on error
 */
int virtio_generation(struct udevice *vdev, u32 *counter);

/**
 * virtio_get_status() - read the device status byte
 * @vdev:	the virtio device
 * @status:	returns the status
 * Return: 0 if OK, -ve on error
 */
int virtio_get_status(struct udevice *vdev, u8 *status);

/**
 * virtio_set_status() - write the device status byte
 * @vdev:	the virtio device
 * @status:	the new status
 * Return: 0 if OK, -ve on error
 */
int virtio_set_status(struct udevice *vdev, u8 status);

/**
 * virtio_reset() - reset the device and wait until its status reads 0
 * @vdev:	the virtio device
 *
 * The wait is bounded by CONFIG_VIRTIO_TIMEOUT_MS.
 *
 * Return: 0 if OK, -ETIMEDOUT if the device does not come out of reset,
 *	   -ve on other errors
 */
int virtio_reset(struct udevice *vdev);

/**
 * virtio_get_features() - read the features the device offers
 * @vdev:	the virtio device
 * @features:	returns the 64 feature bits
 * Return: 0 if OK, -ve on error
 */
int virtio_get_features(struct udevice *vdev, u64 *features);

/**
 * virtio_set_features() - write the negotiated features to the device
 * @vdev:	the virtio device
 * Return: 0 if OK, -ve on error
 */
int virtio_set_features(struct udevice *vdev);

/**
 * virtio_find_vqs() - set up the device's virtqueues
 * @vdev:	the virtio device
 * @nvqs:	number of queues wanted
 * @vqs:	returns the queues
 * Return: 0 if OK, -ve on error
 */
int virtio_find_vqs(struct udevice *vdev, unsigned int nvqs,
		    struct virtqueue *vqs[]);

/**
 * virtio_del_vqs() - free the virtqueues found by virtio_find_vqs()
 * @vdev:	the virtio device
 * Return: 0 if OK, -ve on error
 */
int virtio_del_vqs(struct udevice *vdev);

/**
 * virtio_notify() - tell the device a queue has new buffers
 * @vdev:	the virtio device
 * @vq:		the queue
 * Return: 0 if OK, -ve on error
 */
int virtio_notify(struct udevice *vdev, struct virtqueue *vq);

/**
 * virtio_add_status() - set more bits in the device status byte
 * @vdev:	the virtio device
 * @status:	bits to add to those the driver set (since the last reset;
 *		the device is not read back)
 */
void virtio_add_status(struct udevice *vdev, u8 status);

/**
 * virtio_finalize_features() - write the negotiated features and, on a
 * VERSION_1 device, set FEATURES_OK and check that the device kept it
 * @vdev:	the virtio device
 * Return: 0 if OK, -EIO if the device refused the features, -ve on error
 */
int virtio_finalize_features(struct udevice *vdev);

/**
 * virtio_driver_features_init() - record the features a driver supports
 *
 * Called from the bind method of a virtio device driver; the uclass
 * negotiates with the device from these tables before the driver probes.
 *
 * @priv:		uclass data of the parent transport
 * @feature:		feature bits the driver supports
 * @feature_size:	entries of @feature
 * @feature_legacy:	same for a legacy device (NULL: use @feature)
 * @feature_legacy_size: entries of @feature_legacy
 */
void virtio_driver_features_init(struct virtio_dev_priv *priv,
				 const u32 *feature,
				 u32 feature_size,
				 const u32 *feature_legacy,
				 u32 feature_legacy_size);

/**
 * virtio_init() - probe every virtio transport and the device on each
 *
 * A device that fails does not stop the others.
 *
 * Return: 0 if every device came up, else the first error seen
 */
int virtio_init(void);

/**
 * typedef virtio_init_report_t - (virtboot) told of a transport whose
 * device failed to come up, or came up and was given up on since
 * @udev:	the transport
 * @ret:	the error (-EIO for one given up on)
 * @reason:	why, in words, when the uclass knows (else NULL)
 * @priv:	the caller's pointer
 */
typedef void (*virtio_init_report_t)(struct udevice *udev, int ret,
				     const char *reason, void *priv);

/**
 * virtio_init_report() - (virtboot) virtio_init(), telling @report about
 * each transport that failed, so that the caller can print it
 * @report:	called for each failed transport (NULL: none)
 * @priv:	passed to @report
 * Return: as virtio_init(), a device given up on counting as -EIO
 */
int virtio_init_report(virtio_init_report_t report, void *priv);

/**
 * virtio_get_transport() - the virtio transport a device hangs off
 * @dev: a device below a transport: the virtio device, its BLK device, or
 *	 the BLK device of a virtio-scsi LUN (a grandchild)
 *
 * For the commands that show or match a disk by its transport (the
 * transport's name, a virtio-ccw device number) without knowing how deep
 * the disk sits.
 * Return: the UCLASS_VIRTIO device, or NULL if @dev is not below one
 */
struct udevice *virtio_get_transport(struct udevice *dev);

/**
 * virtio_get_bus_addr() - where a (probed) transport sits on its bus
 * @udev:	the transport device (virtio_get_transport())
 * @addr:	returns the address
 *
 * So that code above the transports (the s390 IPL service) can name a
 * device without reading a transport driver's private data.
 * Return: 0, or -ENODEV if @udev is not a probed transport or its
 *	transport does not say
 */
int virtio_get_bus_addr(struct udevice *udev, struct virtio_bus_addr *addr);

/**
 * virtio_restart() - take a device back to a clean state after a failure
 * @vdev:	the virtio device
 *
 * Resets the device (so it forgets its rings and in-flight requests),
 * frees its virtqueues and runs the init sequence again up to FEATURES_OK
 * with the features negotiated before. The driver then calls
 * virtio_find_vqs() again and sets VIRTIO_CONFIG_S_DRIVER_OK. On failure
 * the device is left with VIRTIO_CONFIG_S_FAILED set.
 *
 * Return: 0 if OK, -ve on error
 */
int virtio_restart(struct udevice *vdev);

/**
 * virtio_timeout_ms() - the bound on one wait for a virtio device
 * Return: CONFIG_VIRTIO_TIMEOUT_MS
 */
static inline unsigned long virtio_timeout_ms(void)
{
#ifdef CONFIG_VIRTIO_TIMEOUT_MS
	return CONFIG_VIRTIO_TIMEOUT_MS;
#else
	return 5000;
#endif
}

/**
 * __virtio16_to_cpu() - a 16-bit field in a byte order the caller knows
 * @little_endian: the device's order (virtio_is_little_endian())
 * @val: the field as the device stores it
 *
 * For code that has no udevice at hand (a transport probing its device).
 * The other widths and directions below work the same way.
 * Return: @val in the CPU's order
 */
static inline u16 __virtio16_to_cpu(bool little_endian, __virtio16 val)
{
	return little_endian ? le16_to_cpu(val) : be16_to_cpu(val);
}

static inline __virtio16 __cpu_to_virtio16(bool little_endian, u16 val)
{
	return little_endian ? cpu_to_le16(val) : cpu_to_be16(val);
}

static inline u32 __virtio32_to_cpu(bool little_endian, __virtio32 val)
{
	return little_endian ? le32_to_cpu(val) : be32_to_cpu(val);
}

static inline __virtio32 __cpu_to_virtio32(bool little_endian, u32 val)
{
	return little_endian ? cpu_to_le32(val) : cpu_to_be32(val);
}

static inline u64 __virtio64_to_cpu(bool little_endian, __virtio64 val)
{
	return little_endian ? le64_to_cpu(val) : be64_to_cpu(val);
}

static inline __virtio64 __cpu_to_virtio64(bool little_endian, u64 val)
{
	return little_endian ? cpu_to_le64(val) : cpu_to_be64(val);
}

/**
 * __virtio_test_bit() - whether feature @fbit was negotiated (transports)
 * @udev:	the transport device
 * @fbit:	feature bit, 0..63
 */
static inline bool __virtio_test_bit(struct udevice *udev, unsigned int fbit)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);

	return fbit < 64 && (uc_priv->features & BIT_ULL(fbit));
}

/**
 * __virtio_set_bit() - mark feature @fbit negotiated (transports)
 * @udev:	the transport device
 * @fbit:	feature bit, 0..63
 */
static inline void __virtio_set_bit(struct udevice *udev, unsigned int fbit)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);

	if (fbit < 64)
		uc_priv->features |= BIT_ULL(fbit);
}

/**
 * __virtio_clear_bit() - mark feature @fbit not negotiated (transports)
 * @udev:	the transport device
 * @fbit:	feature bit, 0..63
 */
static inline void __virtio_clear_bit(struct udevice *udev, unsigned int fbit)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(udev);

	if (fbit < 64)
		uc_priv->features &= ~BIT_ULL(fbit);
}

/**
 * virtio_has_feature() - whether feature @fbit was negotiated
 * @vdev:	the virtio device (valid from the driver's probe on)
 * @fbit:	feature bit, 0..63
 */
static inline bool virtio_has_feature(struct udevice *vdev, unsigned int fbit)
{
	return __virtio_test_bit(vdev->parent, fbit);
}

/** virtio_legacy_is_little_endian() - byte order of a legacy device */
static inline bool virtio_legacy_is_little_endian(void)
{
#ifdef __LITTLE_ENDIAN
	return true;
#else
	return false;
#endif
}

/** virtio_is_little_endian() - byte order of the device @vdev */
static inline bool virtio_is_little_endian(struct udevice *vdev)
{
	struct virtio_dev_priv *uc_priv = dev_get_uclass_priv(vdev->parent);

	return !uc_priv->legacy || virtio_legacy_is_little_endian();
}

/**
 * virtio16_to_cpu() - a 16-bit ring or configuration field of @vdev in
 * the CPU's order
 * @vdev: the virtio device
 * @val: the field as the device stores it
 *
 * A legacy device uses the guest's order (big-endian on s390x), a device
 * that negotiated VERSION_1 little-endian: the order is only known after
 * feature negotiation, hence a function and not a fixed accessor. The
 * 32- and 64-bit forms and the cpu_to_virtio*() inverses below are alike.
 * Return: @val in the CPU's order
 */
static inline u16 virtio16_to_cpu(struct udevice *vdev, __virtio16 val)
{
	return __virtio16_to_cpu(virtio_is_little_endian(vdev), val);
}

static inline __virtio16 cpu_to_virtio16(struct udevice *vdev, u16 val)
{
	return __cpu_to_virtio16(virtio_is_little_endian(vdev), val);
}

static inline u32 virtio32_to_cpu(struct udevice *vdev, __virtio32 val)
{
	return __virtio32_to_cpu(virtio_is_little_endian(vdev), val);
}

static inline __virtio32 cpu_to_virtio32(struct udevice *vdev, u32 val)
{
	return __cpu_to_virtio32(virtio_is_little_endian(vdev), val);
}

static inline u64 virtio64_to_cpu(struct udevice *vdev, __virtio64 val)
{
	return __virtio64_to_cpu(virtio_is_little_endian(vdev), val);
}

static inline __virtio64 cpu_to_virtio64(struct udevice *vdev, u64 val)
{
	return __cpu_to_virtio64(virtio_is_little_endian(vdev), val);
}

/* How often a configuration read is retried while the generation moves */
#define VIRTIO_CONFIG_READ_TRIES	16

/**
 * __virtio_cread_many() - read @count fields of @bytes each, consistently
 * @vdev:	the virtio device
 * @offset:	the byte offset in the configuration space
 * @buf:	the destination, @count * @bytes bytes
 * @count:	the number of fields
 * @bytes:	the size of one field in bytes
 *
 * Fields wider than the transport's accesses may tear if the device
 * changes its configuration meanwhile; the generation counter tells, and
 * the read is repeated, at most VIRTIO_CONFIG_READ_TRIES times.
 *
 * Return: 0 if OK, -EIO if the configuration kept changing, -ve on other
 *	   errors
 */
static inline int __virtio_cread_many(struct udevice *vdev,
				      unsigned int offset,
				      void *buf, size_t count, size_t bytes)
{
	u32 old, gen = 0;
	bool has_gen;
	int tries, ret;
	size_t i;

	has_gen = !virtio_generation(vdev, &gen);
	for (tries = 0; tries < VIRTIO_CONFIG_READ_TRIES; tries++) {
		old = gen;
		for (i = 0; i < count; i++) {
			ret = virtio_get_config(vdev, offset + bytes * i,
						(u8 *)buf + i * bytes, bytes);
			if (ret)
				return ret;
		}
		if (!has_gen)
			return 0;
		ret = virtio_generation(vdev, &gen);
		if (ret)
			return ret;
		if (gen == old)
			return 0;
	}

	return -EIO;
}

/**
 * virtio_cread_bytes() - read @len bytes of configuration space, retried
 * while the generation counter shows the device changed them meanwhile
 * @vdev: the virtio device
 * @offset: offset in the device-specific configuration
 * @buf: returns the bytes
 * @len: number of bytes
 *
 * Errors are not returned, as in U-Boot and Linux; a caller that must
 * know uses __virtio_cread_many().
 */
static inline void virtio_cread_bytes(struct udevice *vdev,
				      unsigned int offset,
				      void *buf, size_t len)
{
	__virtio_cread_many(vdev, offset, buf, len, 1);
}

/**
 * virtio_cread8() - read a one-byte configuration field
 * @vdev: the virtio device
 * @offset: offset in the device-specific configuration
 *
 * virtio_cread16() and virtio_cread32() are alike: one access each, which
 * cannot tear, so no generation check. A failed read gives 0.
 * Return: the field
 */
static inline u8 virtio_cread8(struct udevice *vdev, unsigned int offset)
{
	u8 ret = 0;

	virtio_get_config(vdev, offset, &ret, sizeof(ret));
	return ret;
}

/**
 * virtio_cwrite8() - write a one-byte configuration field
 * @vdev: the virtio device
 * @offset: offset in the device-specific configuration
 * @val: the value, in the CPU's order (the 16- to 64-bit forms convert)
 */
static inline void virtio_cwrite8(struct udevice *vdev,
				  unsigned int offset, u8 val)
{
	virtio_set_config(vdev, offset, &val, sizeof(val));
}

static inline u16 virtio_cread16(struct udevice *vdev,
				 unsigned int offset)
{
	u16 ret = 0;

	virtio_get_config(vdev, offset, &ret, sizeof(ret));
	return virtio16_to_cpu(vdev, ret);
}

static inline void virtio_cwrite16(struct udevice *vdev,
				   unsigned int offset, u16 val)
{
	val = cpu_to_virtio16(vdev, val);
	virtio_set_config(vdev, offset, &val, sizeof(val));
}

static inline u32 virtio_cread32(struct udevice *vdev,
				 unsigned int offset)
{
	u32 ret = 0;

	virtio_get_config(vdev, offset, &ret, sizeof(ret));
	return virtio32_to_cpu(vdev, ret);
}

static inline void virtio_cwrite32(struct udevice *vdev,
				   unsigned int offset, u32 val)
{
	val = cpu_to_virtio32(vdev, val);
	virtio_set_config(vdev, offset, &val, sizeof(val));
}

/**
 * virtio_cread64() - read an eight-byte configuration field
 * @vdev: the virtio device
 * @offset: offset in the device-specific configuration
 *
 * Transports read it in two 32-bit halves, which a device updating the
 * field in between (a disk resized) would tear: read through
 * __virtio_cread_many(), which repeats the read until the generation
 * counter holds still. A failed read gives 0.
 * Return: the field in the CPU's order
 */
static inline u64 virtio_cread64(struct udevice *vdev,
				 unsigned int offset)
{
	u64 ret = 0;

	__virtio_cread_many(vdev, offset, &ret, 1, sizeof(ret));
	return virtio64_to_cpu(vdev, ret);
}

static inline void virtio_cwrite64(struct udevice *vdev,
				   unsigned int offset, u64 val)
{
	val = cpu_to_virtio64(vdev, val);
	virtio_set_config(vdev, offset, &val, sizeof(val));
}

/**
 * virtio_cread() - read a configuration field into *@ptr, converted to
 * CPU byte order; *@ptr must have the field's integer type
 * @vdev:	the virtio device
 * @structname:	the configuration struct type, e.g. struct virtio_blk_config
 * @member:	the field
 * @ptr:	where to store the value
 */
#define virtio_cread(vdev, structname, member, ptr)			\
	do {								\
		_Static_assert(__builtin_types_compatible_p(		\
			typeof(((structname *)0)->member), typeof(*(ptr))), \
			"virtio_cread: type of " #member);		\
		switch (sizeof(*(ptr))) {				\
		case 1:							\
			*(ptr) = virtio_cread8(vdev,			\
					offsetof(structname, member));	\
			break;						\
		case 2:							\
			*(ptr) = virtio_cread16(vdev,			\
					offsetof(structname, member));	\
			break;						\
		case 4:							\
			*(ptr) = virtio_cread32(vdev,			\
					offsetof(structname, member));	\
			break;						\
		case 8:							\
			*(ptr) = virtio_cread64(vdev,			\
					offsetof(structname, member));	\
			break;						\
		}							\
	} while (0)

/**
 * virtio_cwrite() - write *@ptr to a configuration field, converted to
 * the device's byte order
 * @vdev:	the virtio device
 * @structname:	the configuration struct type
 * @member:	the field
 * @ptr:	the value
 */
#define virtio_cwrite(vdev, structname, member, ptr)			\
	do {								\
		_Static_assert(__builtin_types_compatible_p(		\
			typeof(((structname *)0)->member), typeof(*(ptr))), \
			"virtio_cwrite: type of " #member);		\
		switch (sizeof(*(ptr))) {				\
		case 1:							\
			virtio_cwrite8(vdev, offsetof(structname, member), \
				       *(ptr));				\
			break;						\
		case 2:							\
			virtio_cwrite16(vdev, offsetof(structname, member), \
					*(ptr));			\
			break;						\
		case 4:							\
			virtio_cwrite32(vdev, offsetof(structname, member), \
					*(ptr));			\
			break;						\
		case 8:							\
			virtio_cwrite64(vdev, offsetof(structname, member), \
					*(ptr));			\
			break;						\
		}							\
	} while (0)

/**
 * virtio_cread_feature() - virtio_cread() if feature @fbit was negotiated
 * @vdev:	the virtio device
 * @fbit:	the feature bit that makes the field valid
 * @structname:	the configuration structure type
 * @member:	the field of @structname
 * @ptr:	where the value goes
 * Return: 0 if read, -ENOENT if the feature is absent
 */
#define virtio_cread_feature(vdev, fbit, structname, member, ptr)	\
	({								\
		int _r = 0;						\
		if (!virtio_has_feature(vdev, fbit))			\
			_r = -ENOENT;					\
		else							\
			virtio_cread(vdev, structname, member, ptr);	\
		_r;							\
	})

#endif /* __VIRTIO_H__ */
