// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The s390 SCLP ASCII console (event type 0x1A, "VT220"), which QEMU
 * connects to -nographic's stdio on s390-ccw-virtio.
 *
 * Output is collected in the Write Event Data SCCB and sent when a line
 * ends, when the buffer is full and before every look for input, so the
 * prompt appears before the shell waits. Each send waits for the SCLP to
 * finish with the buffer: nothing is dropped however long the output.
 *
 * Input is fetched with Read Event Data when the SCLP says an event is
 * pending (bit 0 of the service-signal parameter), and on the first look.
 */
#include <common.h>
#include <dm.h>
#include <serial.h>
#include <asm/sclp.h>

#define SCLP_SESSION_DATA	0x00	/* first byte of an input buffer */

/* Write Event Data: one ASCII console event buffer */
struct sclp_write_sccb {
	struct sccb_header header;
	struct evbuf_header ebh;
	char data[SCCB_SIZE - sizeof(struct sccb_header) -
		  sizeof(struct evbuf_header)];
} __packed;
_Static_assert(sizeof(struct sclp_write_sccb) == SCCB_SIZE, "write sccb");

/**
 * struct sclp_serial_priv - state of the SCLP console
 * @out:	Write Event Data SCCB, its data area is the output buffer
 * @out_len:	characters waiting in @out
 * @in:		Read Event Data SCCB
 * @in_buf:	characters received and not yet taken by getc: as many as
 *		one Read Event Data can bring, so a paste loses nothing
 * @in_pos:	next character of @in_buf to hand out
 * @in_len:	characters in @in_buf
 * @polled:	a first Read Event Data was done
 */
struct sclp_serial_priv {
	struct sclp_write_sccb *out;
	size_t out_len;
	u8 *in;
	char in_buf[SCCB_SIZE];
	size_t in_pos;
	size_t in_len;
	bool polled;
};

static int sclp_serial_flush(struct sclp_serial_priv *priv)
{
	struct sclp_write_sccb *sccb = priv->out;
	size_t len = priv->out_len;
	int ret;

	if (!len)
		return 0;
	priv->out_len = 0;
	memset(sccb, 0, sizeof(sccb->header) + sizeof(sccb->ebh));
	sccb->header.length = cpu_to_be16(sizeof(sccb->header) +
					  sizeof(sccb->ebh) + len);
	sccb->ebh.length = cpu_to_be16(sizeof(sccb->ebh) + len);
	sccb->ebh.type = EVTYP_VT220MSG;
	ret = sclp_service_call(SCLP_CMD_WRITE_EVENT_DATA, sccb);
	if (ret)
		return ret;
	if (be16_to_cpu(sccb->header.response_code) != SCLP_RC_NORMAL_COMPLETION)
		return -EIO;
	return 0;
}

static int sclp_serial_putc(struct udevice *dev, const char ch)
{
	struct sclp_serial_priv *priv = dev_get_priv(dev);

	priv->out->data[priv->out_len++] = ch;
	if (ch == '\n' || priv->out_len == sizeof(priv->out->data))
		return sclp_serial_flush(priv);
	return 0;
}

/* Take the characters of one ASCII console event buffer. */
static void sclp_serial_take(struct sclp_serial_priv *priv,
			     const struct evbuf_header *ebh)
{
	const char *data = (const char *)(ebh + 1);
	size_t len = be16_to_cpu(ebh->length) - sizeof(*ebh);

	/* The first byte says what follows: only session data is text */
	if (!len || data[0] != SCLP_SESSION_DATA)
		return;
	data++;
	len--;
	while (len-- && priv->in_len < sizeof(priv->in_buf))
		priv->in_buf[priv->in_len++] = *data++;
}

static int sclp_serial_read(struct sclp_serial_priv *priv)
{
	struct sccb_header *header = (void *)priv->in;
	size_t pos, end;
	int ret;

	memset(priv->in, 0, SCCB_SIZE);
	header->length = cpu_to_be16(SCCB_SIZE);
	header->function_code = SCLP_UNCONDITIONAL_READ;
	header->control_mask[2] = SCLP_VARIABLE_LENGTH_RESPONSE;
	ret = sclp_service_call(SCLP_CMD_READ_EVENT_DATA, header);
	if (ret)
		return ret;
	/* QEMU answers 0x0020 with data, 0x60f0 when nothing is stored */
	switch (be16_to_cpu(header->response_code)) {
	case SCLP_RC_NORMAL_READ_COMPLETION:
	case SCLP_RC_NORMAL_COMPLETION:
		break;
	default:
		return 0;
	}

	end = min_t(size_t, be16_to_cpu(header->length), SCCB_SIZE);
	priv->in_pos = 0;
	priv->in_len = 0;
	for (pos = sizeof(*header);
	     pos + sizeof(struct evbuf_header) <= end;) {
		const struct evbuf_header *ebh = (void *)(priv->in + pos);
		size_t len = be16_to_cpu(ebh->length);

		if (len < sizeof(*ebh) || pos + len > end)
			break;
		if (ebh->type == EVTYP_VT220MSG)
			sclp_serial_take(priv, ebh);
		pos += len;
	}
	return 0;
}

static int sclp_serial_pending(struct udevice *dev, bool input)
{
	struct sclp_serial_priv *priv = dev_get_priv(dev);
	int ret;

	ret = sclp_serial_flush(priv);
	if (!input)
		return ret ? ret : 0;
	if (priv->in_pos == priv->in_len &&
	    (sclp_event_pending() || !priv->polled)) {
		priv->polled = true;
		ret = sclp_serial_read(priv);
		if (ret)
			return ret;
	}
	return priv->in_len - priv->in_pos;
}

static int sclp_serial_getc(struct udevice *dev)
{
	struct sclp_serial_priv *priv = dev_get_priv(dev);
	int ret;

	if (priv->in_pos == priv->in_len) {
		ret = sclp_serial_pending(dev, true);
		if (ret < 0)
			return ret;
		if (!ret)
			return -EAGAIN;
	}
	return (unsigned char)priv->in_buf[priv->in_pos++];
}

static int sclp_serial_probe(struct udevice *dev)
{
	struct sclp_serial_priv *priv = dev_get_priv(dev);

	priv->out = memalign(SCCB_SIZE, SCCB_SIZE);
	priv->in = memalign(SCCB_SIZE, SCCB_SIZE);
	if (!priv->out || !priv->in) {
		free(priv->out);
		free(priv->in);
		return -ENOMEM;
	}
	return sclp_init_event_mask();
}

static const struct dm_serial_ops sclp_serial_ops = {
	.putc = sclp_serial_putc,
	.getc = sclp_serial_getc,
	.pending = sclp_serial_pending,
};

U_BOOT_DRIVER(serial_sclp) = {
	.name = "serial_sclp",
	.id = UCLASS_SERIAL,
	.probe = sclp_serial_probe,
	.priv_auto = sizeof(struct sclp_serial_priv),
	.ops = &sclp_serial_ops,
};
