// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ARM PrimeCell PL011 UART, the console of QEMU's virt machine. Bound for
 * each enabled "arm,pl011" node of the device tree, whose reg gives the
 * register base (of_to_plat); a board without a tree may bind it with
 * struct pl01x_serial_plat filled in instead. Polled:
 * the receive FIFO holds what arrives while we are busy, and QEMU holds
 * back further input until there is room, so nothing typed is lost.
 */

#include <common.h>
#include <dm.h>
#include <serial.h>
#include <serial_pl01x.h>
#include <asm/io.h>

#define UART_DR		0x00	/* data; bits 8-11 receive errors */
#define UART_RSR	0x04	/* receive status / error clear */
#define UART_FR		0x18	/* flags */
#define UART_LCRH	0x2c	/* line control */
#define UART_CR		0x30	/* control */
#define UART_IMSC	0x38	/* interrupt mask */
#define UART_ICR	0x44	/* interrupt clear */

#define UART_FR_BUSY	BIT(3)
#define UART_FR_RXFE	BIT(4)
#define UART_FR_TXFF	BIT(5)
#define UART_FR_TXFE	BIT(7)

#define UART_LCRH_FEN	BIT(4)
#define UART_LCRH_WLEN8	(3 << 5)

#define UART_CR_UARTEN	BIT(0)
#define UART_CR_TXE	BIT(8)
#define UART_CR_RXE	BIT(9)

struct pl011_priv {
	void *regs;
};

static int pl011_putc(struct udevice *dev, const char ch)
{
	struct pl011_priv *priv = dev_get_priv(dev);

	if (readl(priv->regs + UART_FR) & UART_FR_TXFF)
		return -EAGAIN;
	writel((u8)ch, priv->regs + UART_DR);
	return 0;
}

static int pl011_getc(struct udevice *dev)
{
	struct pl011_priv *priv = dev_get_priv(dev);
	u32 data;

	if (readl(priv->regs + UART_FR) & UART_FR_RXFE)
		return -EAGAIN;
	data = readl(priv->regs + UART_DR);
	if (data & 0xf00)	/* framing, parity, break, overrun: clear */
		writel(0, priv->regs + UART_RSR);
	return data & 0xff;
}

static int pl011_pending(struct udevice *dev, bool input)
{
	struct pl011_priv *priv = dev_get_priv(dev);
	u32 fr = readl(priv->regs + UART_FR);

	if (input)
		return !(fr & UART_FR_RXFE);
	return !(fr & UART_FR_TXFE) || (fr & UART_FR_BUSY);
}

static int pl011_probe(struct udevice *dev)
{
	struct pl01x_serial_plat *plat = dev_get_plat(dev);
	struct pl011_priv *priv = dev_get_priv(dev);

	if (!plat->base)
		return -EINVAL;
	priv->regs = phys_to_virt(plat->base);
	if (plat->skip_init)
		return 0;

	/* 8N1 with both FIFOs; no interrupts (we poll). */
	writel(0, priv->regs + UART_CR);
	writel(0, priv->regs + UART_IMSC);
	writel(0x7ff, priv->regs + UART_ICR);
	writel(UART_LCRH_WLEN8 | UART_LCRH_FEN, priv->regs + UART_LCRH);
	writel(UART_CR_UARTEN | UART_CR_TXE | UART_CR_RXE,
	       priv->regs + UART_CR);
	return 0;
}

static int pl011_of_to_plat(struct udevice *dev)
{
	struct pl01x_serial_plat *plat = dev_get_plat(dev);
	fdt_addr_t addr = dev_read_addr(dev);

	if (addr == FDT_ADDR_T_NONE)
		return -EINVAL;
	plat->base = addr;
	plat->skip_init = dev_read_prop(dev, "skip-init", NULL) != NULL;
	return 0;
}

static const struct udevice_id pl011_serial_ids[] = {
	{ .compatible = "arm,pl011" },
	{ }
};

static const struct dm_serial_ops pl011_serial_ops = {
	.putc = pl011_putc,
	.getc = pl011_getc,
	.pending = pl011_pending,
};

U_BOOT_DRIVER(serial_pl011) = {
	.name = "serial_pl011",
	.id = UCLASS_SERIAL,
	.of_match = pl011_serial_ids,
	.of_to_plat = pl011_of_to_plat,
	.probe = pl011_probe,
	.priv_auto = sizeof(struct pl011_priv),
	.plat_auto = sizeof(struct pl01x_serial_plat),
	.ops = &pl011_serial_ops,
};
