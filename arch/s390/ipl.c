// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The IPL parameter blocks QEMU gives the firmware, the machine's load
 * parameter and what QEMU's boot menu options ask.
 */
#include <common.h>
#include <malloc.h>
#include <asm/diag.h>
#include <asm/sclp.h>
#include <s390/iplb.h>

static const struct qemu_ipl_parameters *qipl(void)
{
	void *p;

	/* absolute 0xcc: hidden from the compiler's NULL-pointer checks */
	asm("" : "=d" (p) : "0" ((ulong)QIPL_ADDRESS));
	return p;
}

int s390_iplb_read(struct ipl_parameter_block *iplbs, int max)
{
	const struct qemu_ipl_parameters *q = qipl();
	const struct ipl_parameter_block *chain;
	int n, i, rc, len;

	if (max < 1)
		return 0;
	rc = diag308(DIAG308_STORE, iplbs);
	if (rc == DIAG308_RC_NO_CONF)
		return 0;
	if (rc != DIAG308_RC_OK)
		return -EIO;

	n = 1;
	len = be16_to_cpu(q->chain_len);
	chain = (void *)(uintptr_t)be64_to_cpu(q->next_iplb);
	for (i = 0; chain && i < len && n < max; i++)
		memcpy(&iplbs[n++], &chain[i], IPLB_SIZE);
	return n;
}

/* EBCDIC to ASCII for what a load parameter may hold: A-Z 0-9 . blank */
static char ebcdic_to_ascii(u8 c)
{
	if (c >= 0xc1 && c <= 0xc9)
		return 'A' + c - 0xc1;
	if (c >= 0xd1 && c <= 0xd9)
		return 'J' + c - 0xd1;
	if (c >= 0xe2 && c <= 0xe9)
		return 'S' + c - 0xe2;
	if (c >= 0xf0 && c <= 0xf9)
		return '0' + c - 0xf0;
	if (c == 0x4b)
		return '.';
	if (c == 0x40 || c == 0)
		return ' ';
	return '?';
}

/* An 8-character EBCDIC load parameter in ASCII, blanks trimmed */
static void loadparm_to_ascii(const u8 *lp, char *buf)
{
	int i, end = 0;

	for (i = 0; i < IPLB_LOADPARM_LEN; i++) {
		buf[i] = ebcdic_to_ascii(lp[i]);
		if (buf[i] != ' ')
			end = i + 1;
	}
	buf[end] = 0;
}

void s390_iplb_loadparm(const struct ipl_parameter_block *iplb, char *buf)
{
	loadparm_to_ascii(iplb->loadparm, buf);
}

/* Read the machine's load parameter into @buf; false if it cannot be */
static bool machine_loadparm_read(char *buf)
{
	struct ipl_parameter_block *iplb;
	struct read_info_sccb *sccb;
	bool ok = false;

	buf[0] = 0;
	iplb = memalign(IPLB_SIZE, sizeof(*iplb));
	if (iplb && s390_iplb_read(iplb, 1) > 0) {
		s390_iplb_loadparm(iplb, buf);
		free(iplb);
		return true;
	}
	free(iplb);
	/* No IPL parameter block (no bootindex): -machine loadparm= */
	sccb = memalign(SCCB_SIZE, sizeof(*sccb));
	if (!sccb)
		return false;
	memset(sccb, 0, sizeof(*sccb));
	sccb->header.length = cpu_to_be16(sizeof(*sccb));
	if (!sclp_service_call(SCLP_CMDW_READ_SCP_INFO, sccb) &&
	    be16_to_cpu(sccb->header.response_code) ==
	    SCLP_RC_NORMAL_READ_COMPLETION) {
		loadparm_to_ascii(sccb->loadparm, buf);
		ok = true;
	}
	free(sccb);
	return ok;
}

void s390_machine_loadparm(char *buf)
{
	/* Asked at start-up (the boot menu) and by zipl: read it once */
	static char cached[IPLB_LOADPARM_LEN + 1];
	static bool have;

	if (!have)
		have = machine_loadparm_read(cached);
	strcpy(buf, have ? cached : "");
}

int s390_boot_menu_delay(void)
{
	const struct qemu_ipl_parameters *q = qipl();
	char lp[IPLB_LOADPARM_LEN + 1];
	u32 ms;

	s390_machine_loadparm(lp);
	if (!strcmp(lp, "PROMPT"))
		return -1;
	if (!(q->qipl_flags & QIPL_FLAG_BM_OPTS_CMD))
		return -ENOENT;
	ms = be32_to_cpu(q->boot_menu_timeout);
	if (!ms)
		return -1;
	return min_t(u32, DIV_ROUND_UP(ms, 1000), 3600);
}
