// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * zPCI through CLP, PCI LOAD and PCI STORE, and the bus device that
 * lists the functions and binds their drivers. Block layouts follow
 * Linux's arch/s390/include/asm/clp.h and pci_clp.h; QEMU implements
 * them in hw/s390x/s390-pci-inst.c (under TCG too).
 */
#include <common.h>
#include <dm.h>
#include <malloc.h>
#include <vsprintf.h>
#include <s390/zpci.h>

#define CLP_BLK_SIZE		4096
#define CLP_LIST_PCI		0x0002
#define CLP_QUERY_PCI_FN	0x0003
#define CLP_SET_PCI_FN		0x0005
#define CLP_RC_OK		0x0010
#define CLP_RC_SETPCIFN_ALRDY	0x0105	/* already in the requested state */
#define CLP_SET_ENABLE_PCI_FN	0	/* yes, 0 enables */
#define CLP_REQ_HDR_LEN		32
#define FH_ENABLED		0x80000000

/** struct clp_req_hdr - CLP request header */
struct clp_req_hdr {
	u16 len;
	u16 cmd;
	u32 fmt;		/* format in the top 4 bits: 0 */
	u64 reserved2;
} __packed;

/** struct clp_rsp_hdr - CLP response header */
struct clp_rsp_hdr {
	u16 len;
	u16 rsp;
	u32 fmt;
	u64 reserved2;
} __packed;

/** struct clp_fh_list_entry - one function in a LIST PCI response */
struct clp_fh_list_entry {
	u16 device_id;
	u16 vendor_id;
	u32 config_state;	/* top bit: configured */
	u32 fid;
	u32 fh;
} __packed;
_Static_assert(sizeof(struct clp_fh_list_entry) == 16, "fh list entry");

struct clp_req_list_pci {
	struct clp_req_hdr hdr;
	u64 resume_token;
	u64 reserved2;
} __packed;
_Static_assert(sizeof(struct clp_req_list_pci) == CLP_REQ_HDR_LEN, "list");

struct clp_rsp_list_pci {
	struct clp_rsp_hdr hdr;
	u64 resume_token;
	u32 reserved2;
	u16 max_fn;
	u8 uid_checking;
	u8 entry_size;
	struct clp_fh_list_entry fh_list[];
} __packed;

struct clp_req_query_pci {
	struct clp_req_hdr hdr;
	u32 fh;
	u32 reserved2;
	u64 reserved3;
} __packed;
_Static_assert(sizeof(struct clp_req_query_pci) == CLP_REQ_HDR_LEN, "query");

struct clp_rsp_query_pci {
	struct clp_rsp_hdr hdr;
	u16 vfn;
	u16 flags_pfgid;
	u32 fid;
	u8 bar_size[ZPCI_NUM_BARS];
	u16 pchid;
	u32 bar[ZPCI_NUM_BARS];
	u8 pfip[4];
	u16 reserved;
	u8 fmb_len;
	u8 pft;
	u64 sdma;
	u64 edma;
} __packed;

struct clp_req_set_pci {
	struct clp_req_hdr hdr;
	u32 fh;
	u16 reserved2;
	u8 oc;			/* operation control */
	u8 ndas;		/* number of DMA address spaces */
	u64 reserved3;
} __packed;
_Static_assert(sizeof(struct clp_req_set_pci) == CLP_REQ_HDR_LEN, "set");

struct clp_rsp_set_pci {
	struct clp_rsp_hdr hdr;
	u32 fh;
	u32 reserved1;
	u64 reserved2;
} __packed;

static int clp_instr(void *block)
{
	u64 ignored;
	int cc;

	asm volatile("	.insn	rrf,0xb9a00000,%[ign],%[blk],0,0\n"	/* CLP */
		     "	ipm	%[cc]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=d" (cc), [ign] "=d" (ignored)
		     : [blk] "a" (block) : "cc", "memory");
	return cc;
}

/* One request + response block: request first, response right after */
static void *clp_alloc(u16 cmd)
{
	struct clp_req_hdr *req = memalign(CLP_BLK_SIZE, CLP_BLK_SIZE);
	struct clp_rsp_hdr *rsp;

	if (!req)
		return NULL;
	memset(req, 0, CLP_BLK_SIZE);
	req->len = CLP_REQ_HDR_LEN;
	req->cmd = cmd;
	rsp = (void *)req + CLP_REQ_HDR_LEN;
	rsp->len = CLP_BLK_SIZE - CLP_REQ_HDR_LEN;
	return req;
}

static int clp_call(void *block)
{
	struct clp_rsp_hdr *rsp = block + CLP_REQ_HDR_LEN;

	if (clp_instr(block))
		return -EIO;
	return rsp->rsp;
}

static int zpci_scan(int (*fn)(const struct zpci_function *f, void *arg),
		     void *arg)
{
	struct clp_req_list_pci *req;
	struct clp_rsp_list_pci *rsp;
	struct zpci_function f;
	u64 token = 0;
	int i, n, ret = 0;

	req = clp_alloc(CLP_LIST_PCI);
	if (!req)
		return -ENOMEM;
	rsp = (void *)req + CLP_REQ_HDR_LEN;
	do {
		req->resume_token = token;
		rsp->hdr.len = CLP_BLK_SIZE - CLP_REQ_HDR_LEN;
		ret = clp_call(req);
		if (ret != CLP_RC_OK) {
			ret = ret < 0 ? -ENODEV : -EIO;
			break;
		}
		ret = 0;
		if (rsp->entry_size != sizeof(struct clp_fh_list_entry)) {
			ret = -EIO;
			break;
		}
		n = (rsp->hdr.len - CLP_REQ_HDR_LEN) / rsp->entry_size;
		for (i = 0; i < n && !ret; i++) {
			const struct clp_fh_list_entry *e = &rsp->fh_list[i];

			memset(&f, 0, sizeof(f));
			f.fid = e->fid;
			f.fh = e->fh;
			f.vendor_id = e->vendor_id;
			f.device_id = e->device_id;
			f.configured = e->config_state >> 31;
			ret = fn(&f, arg);
		}
		token = rsp->resume_token;
	} while (!ret && token);
	free(req);
	return ret;
}

static int zpci_query(struct zpci_function *f)
{
	struct clp_req_query_pci *req;
	struct clp_rsp_query_pci *rsp;
	int ret;

	req = clp_alloc(CLP_QUERY_PCI_FN);
	if (!req)
		return -ENOMEM;
	rsp = (void *)req + CLP_REQ_HDR_LEN;
	req->fh = f->fh;
	ret = clp_call(req) == CLP_RC_OK ? 0 : -EIO;
	if (!ret)
		memcpy(f->bar_size, rsp->bar_size, sizeof(f->bar_size));
	free(req);
	return ret;
}

int zpci_enable(struct zpci_function *f)
{
	struct clp_req_set_pci *req;
	struct clp_rsp_set_pci *rsp;
	int ret;

	if (!(f->fh & FH_ENABLED)) {
		req = clp_alloc(CLP_SET_PCI_FN);
		if (!req)
			return -ENOMEM;
		rsp = (void *)req + CLP_REQ_HDR_LEN;
		req->fh = f->fh;
		req->oc = CLP_SET_ENABLE_PCI_FN;
		req->ndas = 1;
		ret = clp_call(req);
		if (ret == CLP_RC_OK)
			f->fh = rsp->fh;
		free(req);
		if (ret != CLP_RC_OK && ret != CLP_RC_SETPCIFN_ALRDY)
			return -EIO;
	}
	return zpci_query(f);
}

/* PCI LOAD/STORE see the bytes in address order: undo little-endian */
static u64 zpci_swab(u64 val, int len)
{
	switch (len) {
	case 2:
		return swab16(val);
	case 4:
		return swab32(val);
	case 8:
		return swab64(val);
	default:
		return val & 0xff;
	}
}

/*
 * The request and the offset go in an even/odd register pair. Nothing
 * that may call a function sits between loading them and the instruction.
 */
static int zpci_pcilg(u64 request, u64 offset, u64 *data)
{
	register u64 req asm("2") = request;
	register u64 off asm("3") = offset;
	int cc;

	asm volatile("	.insn	rre,0xb9d20000,%[data],%[req]\n"	/* PCILG */
		     "	ipm	%[cc]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=d" (cc), [data] "=d" (*data), [req] "+d" (req),
		       "+d" (off)
		     : : "cc", "memory");
	return cc;
}

static int zpci_pcistg(u64 request, u64 offset, u64 data)
{
	register u64 req asm("2") = request;
	register u64 off asm("3") = offset;
	int cc;

	asm volatile("	.insn	rre,0xb9d00000,%[data],%[req]\n"	/* PCISTG */
		     "	ipm	%[cc]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=d" (cc), [req] "+d" (req), "+d" (off)
		     : [data] "d" (data) : "cc", "memory");
	return cc;
}

static u64 zpci_request(u32 fh, u8 as, int len)
{
	return (u64)fh << 32 | (u64)as << 16 | len;
}

int zpci_load(u32 fh, u8 as, u64 offset, u64 *val, int len)
{
	u64 data;

	if (zpci_pcilg(zpci_request(fh, as, len), offset, &data))
		return -EIO;
	*val = zpci_swab(data, len);
	return 0;
}

int zpci_store(u32 fh, u8 as, u64 offset, u64 val, int len)
{
	u64 data = zpci_swab(val, len);

	return zpci_pcistg(zpci_request(fh, as, len), offset, data) ? -EIO : 0;
}

/* A child for a configured function whose vendor a driver serves */
static int zpci_bind_function(const struct zpci_function *f, void *arg)
{
	struct zpci_driver_entry *entry;
	struct zpci_function fn = *f;
	bool enabled = false;
	char name[16];

	if (!f->configured)
		return 0;
	ll_foreach(struct zpci_driver_entry, entry, zpci_driver_entry) {
		if (entry->vendor != f->vendor_id)
			continue;
		/* A claim reads configuration space: enable first */
		if (!enabled && zpci_enable(&fn))
			return 0;
		enabled = true;
		if (entry->claim && !entry->claim(&fn))
			continue;
		snprintf(name, sizeof(name), "zpci-%08x", f->fid);
		/* A failure leaves the other functions to work */
		device_bind_bus_child(arg, entry->driver->name, name, &fn,
				      sizeof(fn), NULL);
		return 0;
	}
	return 0;
}

static int zpci_bus_bind(struct udevice *bus)
{
	/* No zPCI (no zpci=on) is a bus without children */
	zpci_scan(zpci_bind_function, bus);
	return 0;
}

U_BOOT_DRIVER(s390_zpci) = {
	.name			= "zpci",
	.id			= UCLASS_SIMPLE_BUS,
	.bind			= zpci_bus_bind,
	.per_child_plat_auto	= sizeof(struct zpci_function),
};
