// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * SCLP service calls: SERVICE CALL, then a bounded wait for the
 * service-signal external interruption whose parameter names our SCCB.
 *
 * QEMU's own s390-ccw firmware loads an enabled-wait PSW and sleeps until
 * the interruption comes, which hangs if it never does. Here external
 * interruptions are opened for one instruction at a time
 * (s390_ext_enable_window()) inside a loop that checks the clock, so the
 * wait ends in -ETIMEDOUT instead.
 */
#include <common.h>
#include <asm/lowcore.h>
#include <asm/sclp.h>
#include <s390/iplb.h>

#define SCLP_TIMEOUT_MS		5000
#define SCLP_BUSY_RETRY_MS	1000

struct s390_ext_event s390_ext_last;

/* For Read SCP Info and for sclp_early_write() (the console has its own) */
static u8 sclp_early_sccb[SCCB_SIZE] __aligned(SCCB_SIZE);
static bool sclp_early_mask_set;

static int sclp_servc(u32 command, u32 sccb)
{
	int cc;

	asm volatile("	.insn	rre,0xb2200000,%[cmd],%[sccb]\n"	/* SERVC */
		     "	ipm	%[cc]\n"
		     "	srl	%[cc],28\n"
		     : [cc] "=d" (cc)
		     : [cmd] "d" (command), [sccb] "a" ((ulong)sccb)
		     : "cc", "memory");
	return cc;
}

int sclp_service_call(u32 command, void *sccb)
{
	u32 addr = (u32)(uintptr_t)sccb;
	ulong start = get_timer(0);
	int cc;

	for (;;) {
		cc = sclp_servc(command, addr);
		if (cc != 2)
			break;
		/* busy: a previous request is still being processed */
		if (get_timer(start) > SCLP_BUSY_RETRY_MS)
			return -EBUSY;
		s390_ext_enable_window();
		cpu_relax();
	}
	if (cc == 3)
		return -ENODEV;

	start = get_timer(0);
	for (;;) {
		s390_ext_enable_window();
		/* Bit 0 of the parameter says "events pending": keep it */
		if ((READ_ONCE(s390_ext_last.params) & ~3U) == addr) {
			WRITE_ONCE(s390_ext_last.params,
				   s390_ext_last.params & 3U);
			return 0;
		}
		if (get_timer(start) > SCLP_TIMEOUT_MS)
			return -ETIMEDOUT;
		cpu_relax();
	}
}

bool sclp_event_pending(void)
{
	s390_ext_enable_window();
	if (!(READ_ONCE(s390_ext_last.params) & SCLP_EVENT_PENDING))
		return false;
	WRITE_ONCE(s390_ext_last.params,
		   s390_ext_last.params & ~SCLP_EVENT_PENDING);
	return true;
}

bool sclp_secure_ipl;

u64 sclp_memory_size(void)
{
	struct read_info_sccb *sccb = (void *)sclp_early_sccb;
	u64 rnmax, rnsize;

	memset(sccb, 0, sizeof(*sccb));
	sccb->header.length = cpu_to_be16(sizeof(*sccb));
	if (sclp_service_call(SCLP_CMDW_READ_SCP_INFO, sccb) ||
	    be16_to_cpu(sccb->header.response_code) !=
	    SCLP_RC_NORMAL_READ_COMPLETION)
		return 0;
	sclp_secure_ipl = be16_to_cpu(sccb->fac_ipl) & SCLP_FAC_IPL_SIPL;
	rnmax = be16_to_cpu(sccb->rnmax);
	if (!rnmax)
		rnmax = be64_to_cpu(sccb->rnmax2);
	rnsize = sccb->rnsize;
	if (!rnsize)
		rnsize = be32_to_cpu(sccb->rnsize2);

	return rnmax * (rnsize << 20);
}

int sclp_init_event_mask(void)
{
	struct init_sccb *sccb = (void *)sclp_early_sccb;
	int ret;

	memset(sccb, 0, sizeof(*sccb));
	sccb->header.length = cpu_to_be16(sizeof(*sccb));
	sccb->mask_length = cpu_to_be16(sizeof(u32));
	sccb->receive_mask = cpu_to_be32(EVTYP_VT220MSG_MASK);
	sccb->send_mask = cpu_to_be32(EVTYP_VT220MSG_MASK);
	ret = sclp_service_call(SCLP_CMD_WRITE_EVENT_MASK, sccb);
	if (ret)
		return ret;
	if (be16_to_cpu(sccb->header.response_code) != SCLP_RC_NORMAL_COMPLETION)
		return -EIO;
	sclp_early_mask_set = true;
	return 0;
}

void sclp_early_write(const char *s)
{
	struct early_write_sccb {
		struct sccb_header header;
		struct evbuf_header ebh;
		char data[SCCB_SIZE - 14];
	} __packed;
	struct early_write_sccb *sccb = (void *)sclp_early_sccb;
	size_t len;

	if (!sclp_early_mask_set)
		sclp_init_event_mask();
	while (*s) {
		len = 0;
		while (*s && len < sizeof(sccb->data) - 2) {
			if (*s == '\n')
				sccb->data[len++] = '\r';
			sccb->data[len++] = *s++;
		}
		memset(sccb, 0, sizeof(sccb->header) + sizeof(sccb->ebh));
		sccb->header.length = cpu_to_be16(14 + len);
		sccb->ebh.length = cpu_to_be16(6 + len);
		sccb->ebh.type = EVTYP_VT220MSG;
		if (sclp_service_call(SCLP_CMD_WRITE_EVENT_DATA, sccb))
			return;
	}
}
