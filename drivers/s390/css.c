// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * s390 channel subsystem: the bus device that finds the subchannels and
 * binds their drivers, and polled channel programs. Every wait is bounded
 * by the clock; I/O interruptions stay disabled and TEST SUBCHANNEL
 * collects the status, then TEST PENDING INTERRUPTION the interruption
 * request (css_take_interruption()).
 */
#include <common.h>
#include <dm.h>
#include <malloc.h>
#include <vsprintf.h>
#include <s390/css.h>

#define CSS_CTRL_TIMEOUT_MS	1000
#define CSS_SCH_MAX		0x10000
/* Control register 6: I/O-interruption subclass 0 (bit 32) */
#define CR6_ISC0		0x80000000UL

/* CHSC "set domain attributes", operation "enable MSS" */
#define CHSC_SDA_CODE		0x0031
#define CHSC_SDA_OC_MSS		0x2
#define CHSC_RSP_OK		0x0001

struct chsc_header {
	u16 length;
	u16 code;
} __packed;

/** struct chsc_sda_area - CHSC set-domain-attributes request + response */
struct chsc_sda_area {
	struct chsc_header request;
	u8 format;
	u8 reserved1;
	u16 operation_code;
	u32 reserved2[2];
	u32 operation_data_area[252];
	struct chsc_header response;
	u32 format2;
	u8 reserved3[4096 - 1024 - 8];
} __packed __aligned(4096);
_Static_assert(sizeof(struct chsc_sda_area) == 4096, "chsc_sda_area");

static int css_stsch(u32 schid, struct schib *schib)
{
	register ulong r1 asm("1") = schid;
	int cc;

	asm volatile("	stsch	%[schib]\n"
		     "	ipm	%[cc]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=d" (cc), [schib] "=Q" (*schib)
		     : "d" (r1) : "cc", "memory");
	return cc;
}

static int css_msch(u32 schid, struct schib *schib)
{
	register ulong r1 asm("1") = schid;
	int cc;

	asm volatile("	msch	%[schib]\n"
		     "	ipm	%[cc]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=d" (cc)
		     : "d" (r1), [schib] "Q" (*schib) : "cc", "memory");
	return cc;
}

static int css_ssch(u32 schid, struct cmd_orb *orb)
{
	register ulong r1 asm("1") = schid;
	int cc;

	asm volatile("	ssch	%[orb]\n"
		     "	ipm	%[cc]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=d" (cc)
		     : "d" (r1), [orb] "Q" (*orb) : "cc", "memory");
	return cc;
}

static int css_tsch(u32 schid, struct irb *irb)
{
	register ulong r1 asm("1") = schid;
	int cc;

	asm volatile("	tsch	%[irb]\n"
		     "	ipm	%[cc]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=d" (cc), [irb] "=Q" (*irb)
		     : "d" (r1) : "cc", "memory");
	return cc;
}

/*
 * TEST PENDING INTERRUPTION with the I/O-interruption subclass mask @cr6
 * in control register 6 for the one instruction: take one pending I/O
 * interruption request of those subclasses, its code stored in @code.
 * Return: 1 if there was one, else 0
 */
static int css_tpi(ulong cr6, u32 code[2])
{
	ulong old;
	int cc;

	asm volatile("	stctg	6,6,%[old]\n"
		     "	lctlg	6,6,%[cr6]\n"
		     "	tpi	%[code]\n"
		     "	ipm	%[cc]\n"
		     "	lctlg	6,6,%[old]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=&d" (cc), [old] "=&Q" (old), [code] "=Q" (*code)
		     : [cr6] "Q" (cr6) : "cc", "memory");
	return cc;
}

/*
 * After TEST SUBCHANNEL took a final status, take its interruption
 * request too (our subchannels use subclass 0). The machine keeps one
 * queued per status even with I/O interruptions disabled, and QEMU's TCG
 * does so after TEST SUBCHANNEL too: while one is queued, QEMU's CPU
 * thread takes QEMU's global lock before each code block it translates,
 * which slowed the disk requests that followed (issue 17: ~3 ms of an
 * IPL, doc/develop/benchmarks.md). Bounded: a device that keeps raising
 * them costs 16 instructions a channel program.
 */
static void css_take_interruption(void)
{
	u32 code[2];
	int i;

	for (i = 0; i < 16 && css_tpi(CR6_ISC0, code); i++)
		;
}

static int css_chsc(void *area)
{
	int cc;

	asm volatile("	.insn	rre,0xb25f0000,%[area],0\n"	/* CHSC */
		     "	ipm	%[cc]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=d" (cc)
		     : [area] "d" (area) : "cc", "memory");
	return cc;
}

static int css_init(void)
{
	struct chsc_sda_area *sda;
	int ret = -EIO;

	sda = memalign(4096, sizeof(*sda));
	if (!sda)
		return -ENOMEM;
	memset(sda, 0, sizeof(*sda));
	sda->request.length = 0x0400;
	sda->request.code = CHSC_SDA_CODE;
	sda->operation_code = CHSC_SDA_OC_MSS;
	if (!css_chsc(sda) && sda->response.code == CHSC_RSP_OK)
		ret = 0;
	free(sda);
	return ret;
}

static int css_set_enabled(u32 schid, bool enable)
{
	struct schib schib;
	struct irb irb;
	ulong start = get_timer(0);
	int cc;

	for (;;) {
		if (css_stsch(schid, &schib) == 3)
			return -ENODEV;
		if (schib.pmcw.ena == enable)
			return 0;
		schib.pmcw.ena = enable;
		schib.pmcw.isc = 0;
		schib.pmcw.intparm = schid;
		cc = css_msch(schid, &schib);
		if (cc == 3)
			return -ENODEV;
		if (cc == 1)	/* status pending: clear it, try again */
			css_tsch(schid, &irb);
		if (get_timer(start) > CSS_CTRL_TIMEOUT_MS)
			return cc == 2 ? -EBUSY : -ETIMEDOUT;
		if (cc)
			cpu_relax();
	}
}

int css_enable(u32 schid)
{
	return css_set_enabled(schid, true);
}

int css_disable(u32 schid)
{
	return css_set_enabled(schid, false);
}

/* Poll TEST SUBCHANNEL until the final (primary or alert) status. */
static int css_wait(u32 schid, struct irb *irb, ulong timeout_ms)
{
	ulong start = get_timer(0);
	int cc;

	for (;;) {
		cc = css_tsch(schid, irb);
		if (cc == 3)
			return -ENODEV;
		if (!cc && (irb->scsw.stctl & SCSW_STCTL_STATUS_PEND) &&
		    (irb->scsw.stctl & (SCSW_STCTL_PRIM_STATUS |
					SCSW_STCTL_ALERT_STATUS))) {
			css_take_interruption();
			return 0;
		}
		if (get_timer(start) > timeout_ms)
			return -ETIMEDOUT;
		cpu_relax();
	}
}

static int css_start(u32 schid, struct ccw1 *ccw, struct irb *irb,
		     ulong timeout_ms)
{
	struct cmd_orb orb = {
		.intparm = schid,
		.fmt = 1,
		.pfch = 1,	/* QEMU runs only prefetchable programs */
		.c64 = 1,
		.lpm = 0xff,
		.cpa = (u32)(uintptr_t)ccw,
	};
	ulong start = get_timer(0);
	int cc;

	for (;;) {
		cc = css_ssch(schid, &orb);
		if (!cc)
			break;
		if (cc == 3)
			return -ENODEV;
		if (cc == 1)	/* an old status is pending: collect it */
			css_tsch(schid, irb);
		if (get_timer(start) > CSS_CTRL_TIMEOUT_MS)
			return -EBUSY;
		cpu_relax();
	}
	return css_wait(schid, irb, timeout_ms);
}

int css_run(u32 schid, struct ccw1 *ccw, ulong timeout_ms)
{
	struct irb irb;
	u8 sense[32] __aligned(8);
	struct ccw1 sense_ccw = {
		.cmd_code = CCW_CMD_BASIC_SENSE,
		.flags = CCW_FLAG_SLI,
		.count = sizeof(sense),
		.cda = (u32)(uintptr_t)sense,
	};
	int ret;

	ret = css_start(schid, ccw, &irb, timeout_ms);
	if (ret)
		return ret;
	if (irb.scsw.cstat)
		return -EIO;
	if (irb.scsw.dstat & DEV_STAT_UNIT_CHECK) {
		memset(sense, 0, sizeof(sense));
		ret = css_start(schid, &sense_ccw, &irb, CSS_CTRL_TIMEOUT_MS);
		if (ret)
			return ret;
		return sense[0] & SNS0_CMD_REJECT ? -EOPNOTSUPP : -EIO;
	}
	if ((irb.scsw.dstat & (DEV_STAT_CHN_END | DEV_STAT_DEV_END)) !=
	    (DEV_STAT_CHN_END | DEV_STAT_DEV_END))
		return -EIO;
	return 0;
}

int css_sense_id(u32 schid, struct senseid *id)
{
	struct ccw1 ccw = {
		.cmd_code = CCW_CMD_SENSE_ID,
		.flags = CCW_FLAG_SLI,
		.count = sizeof(*id),
		.cda = (u32)(uintptr_t)id,
	};
	int ret;

	ret = css_enable(schid);
	if (ret)
		return ret;
	memset(id, 0, sizeof(*id));
	return css_run(schid, &ccw, CSS_CTRL_TIMEOUT_MS);
}

static int css_scan(int (*fn)(const struct css_device *dev, void *arg),
		    void *arg)
{
	struct css_device dev;
	struct schib schib;
	u32 ssid, sch_no;
	int ret;

	for (ssid = 0; ssid <= CSS_MAX_SSID; ssid++) {
		for (sch_no = 0; sch_no < CSS_SCH_MAX; sch_no++) {
			u32 schid = CSS_SCHID(ssid, sch_no);

			if (css_stsch(schid, &schib) == 3)
				break;	/* no more subchannels in this set */
			if (!schib.pmcw.dnv || schib.pmcw.st != 0)
				continue;
			memset(&dev, 0, sizeof(dev));
			dev.schid = schid;
			dev.devno = schib.pmcw.dev;
			if (css_sense_id(schid, &dev.id))
				continue;	/* gone or not answering */
			ret = fn(&dev, arg);
			if (ret)
				return ret;
		}
	}
	return 0;
}

/* A child for @cdev if a driver serves its control unit, named by bus id */
static int css_bind_device(const struct css_device *cdev, void *arg)
{
	struct css_driver_entry *entry;
	char name[16];

	ll_foreach(struct css_driver_entry, entry, css_driver_entry) {
		if (entry->cu_type != cdev->id.cu_type)
			continue;
		snprintf(name, sizeof(name), "0.%x.%04x",
			 CSS_SCHID_SSID(cdev->schid), cdev->devno);
		/* A failure leaves the other devices to work */
		device_bind_bus_child(arg, entry->driver->name, name, cdev,
				      sizeof(*cdev), NULL);
		return 0;
	}
	return 0;
}

/* Subchannel-id order, set 0 first: the order disks are numbered in */
static int css_bus_bind(struct udevice *bus)
{
	/* Without MSS only subchannel set 0 is visible: go on */
	css_init();
	return css_scan(css_bind_device, bus);
}

U_BOOT_DRIVER(s390_css) = {
	.name			= "css",
	.id			= UCLASS_SIMPLE_BUS,
	.bind			= css_bus_bind,
	.per_child_plat_auto	= sizeof(struct css_device),
};
