/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Service-call logical processor (SCLP): the s390 machine's service
 * interface, reached with the SERVICE CALL instruction and a service-call
 * control block (SCCB) of at most one page, below 2 GiB, not in the first
 * 8 KiB. Names follow Linux's drivers/s390/char/sclp.h.
 */
#ifndef __ASM_S390_SCLP_H
#define __ASM_S390_SCLP_H

#include <linux/types.h>
#include <linux/compiler.h>

#define SCLP_CMDW_READ_SCP_INFO		0x00020001
#define SCLP_CMDW_READ_SCP_INFO_FORCED	0x00120001
#define SCLP_CMD_READ_EVENT_DATA	0x00770005
#define SCLP_CMD_WRITE_EVENT_DATA	0x00760005
#define SCLP_CMD_WRITE_EVENT_MASK	0x00780005

#define SCLP_RC_NORMAL_READ_COMPLETION	0x0010
#define SCLP_RC_NORMAL_COMPLETION	0x0020
#define SCLP_RC_NO_EVENT_BUFFERS_STORED	0x60f0

#define SCCB_SIZE			4096

#define EVTYP_VT220MSG			0x1a	/* ASCII console data */
#define EVTYP_VT220MSG_MASK		0x00000040	/* 1 << (32 - 0x1a) */
#define EVTYP_BUF_ACCEPTED		0x80

#define SCLP_UNCONDITIONAL_READ		0x00
#define SCLP_VARIABLE_LENGTH_RESPONSE	0x80

/** struct sccb_header - first 8 bytes of every SCCB */
struct sccb_header {
	__be16 length;
	u8 function_code;
	u8 control_mask[3];
	__be16 response_code;
} __packed;
_Static_assert(sizeof(struct sccb_header) == 8, "sccb_header");

/** struct evbuf_header - header of one event buffer inside an SCCB */
struct evbuf_header {
	__be16 length;
	u8 type;
	u8 flags;
	__be16 _reserved;
} __packed;
_Static_assert(sizeof(struct evbuf_header) == 6, "evbuf_header");

/** struct init_sccb - Write Event Mask with 4-byte masks */
struct init_sccb {
	struct sccb_header header;
	__be16 _reserved;
	__be16 mask_length;
	__be32 receive_mask;	/* events the program accepts */
	__be32 send_mask;	/* events the program sends */
	__be32 sclp_receive_mask;
	__be32 sclp_send_mask;
} __packed;
_Static_assert(sizeof(struct init_sccb) == 28, "init_sccb");

/** struct read_info_sccb - Read SCP Info, the fields virtboot uses */
struct read_info_sccb {
	struct sccb_header header;	/* 0-7 */
	__be16 rnmax;			/* 8-9: storage increments */
	u8 rnsize;			/* 10: increment size in MiB */
	u8 _pad_11[24 - 11];
	u8 loadparm[8];			/* 24-31, EBCDIC */
	u8 _pad_32[100 - 32];
	__be32 rnsize2;			/* 100-103: when rnsize is 0 */
	__be64 rnmax2;			/* 104-111: when rnmax is 0 */
	u8 _pad_112[134 - 112];
	u8 fac134;			/* 134 */
	u8 _pad_135;
	__be16 fac_ipl;			/* 136-137: bit 0x4000, secure IPL */
	u8 _pad_138[SCCB_SIZE - 138];
} __packed;
_Static_assert(__builtin_offsetof(struct read_info_sccb, fac_ipl) == 136,
	       "read_info_sccb fac_ipl");

/* Read SCP Info's secure IPL facility bit, as s390-ccw 11.x reads it */
#define SCLP_FAC_IPL_SIPL		0x4000

_Static_assert(sizeof(struct read_info_sccb) == SCCB_SIZE, "read_info_sccb");

/**
 * sclp_service_call() - run one SCLP command and wait for its completion
 *
 * Waits (bounded) for the service-signal external interruption that
 * reports the completion of @sccb. The caller checks the response code.
 *
 * @command: SCLP command word
 * @sccb: page-aligned control block, below 2 GiB
 * Return: 0, -EBUSY, -ENODEV (SCLP not operational) or -ETIMEDOUT
 */
int sclp_service_call(u32 command, void *sccb);

/* Bit 0 of the service-signal parameter: an event waits to be read */
#define SCLP_EVENT_PENDING		1U

/**
 * sclp_event_pending() - whether the SCLP signalled an event to read
 * (console input) since the last call; the indication is consumed
 */
bool sclp_event_pending(void);

/**
 * sclp_memory_size() - RAM size from Read SCP Info (rnmax * rnsize)
 * Return: bytes, or 0 if the SCLP did not answer
 */
u64 sclp_memory_size(void);

/**
 * sclp_init_event_mask() - ask for ASCII console events in both
 * directions (Write Event Mask)
 * Return: 0, -EIO if the SCLP refused, or an error of sclp_service_call()
 */
int sclp_init_event_mask(void);

/**
 * sclp_early_write() - write text to the ASCII console without the
 * console layer (for reports from the start-up and trap code)
 * @s: text, '\n' is sent as "\r\n"
 */
void sclp_early_write(const char *s);

#endif
