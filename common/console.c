// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The console: printf() and friends on top of the serial device, and
 * keyboard input with a small look-ahead buffer so that checking for
 * Ctrl-C during a long command does not eat what the user typed ahead.
 *
 * Output written before the serial device exists is kept in a
 * pre-console buffer and replayed by console_init().
 */
#include <common.h>
#include <console.h>
#include <cpu_func.h>
#include <serial.h>

#define PRINT_BUF_SIZE		2048
#define PRECON_BUF_SIZE		4096
#define INPUT_BUF_SIZE		64
#define CTRL_C			0x03

static char precon_buf[PRECON_BUF_SIZE];
static size_t precon_len;

static unsigned char input_buf[INPUT_BUF_SIZE];
static unsigned int input_head, input_tail;	/* tail == head: empty */
static int ctrlc_seen;
static bool input_closed;

int console_init(void)
{
	int ret = serial_init();

	if (ret)
		return ret;
	if (precon_len) {
		precon_buf[min_t(size_t, precon_len, PRECON_BUF_SIZE - 1)] = 0;
		serial_puts(precon_buf);
		precon_len = 0;
	}
	return 0;
}

void putc(const char c)
{
	if (!serial_ready()) {
		if (precon_len < PRECON_BUF_SIZE - 1)
			precon_buf[precon_len++] = c;
		return;
	}
	serial_putc(c);
}

void puts(const char *s)
{
	if (!serial_ready()) {
		while (*s)
			putc(*s++);
		return;
	}
	serial_puts(s);
}

int vprintf(const char *fmt, va_list args)
{
	char buf[PRINT_BUF_SIZE];
	int len;

	len = vscnprintf(buf, sizeof(buf), fmt, args);
	puts(buf);
	return len;
}

int printf(const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vprintf(fmt, args);
	va_end(args);
	return len;
}

/* Move characters from the device into the look-ahead buffer. */
static void input_fill(void)
{
	while ((input_tail + 1) % INPUT_BUF_SIZE != input_head &&
	       serial_tstc()) {
		int c = serial_getc_nowait();

		if (c == -ESHUTDOWN)
			input_closed = true;
		if (c < 0)
			break;
		input_buf[input_tail] = c;
		input_tail = (input_tail + 1) % INPUT_BUF_SIZE;
	}
}

int tstc(void)
{
	input_fill();
	return input_head != input_tail;
}

int getchar(void)
{
	int c;

	while (!tstc()) {
		/* Typed-ahead input is used up first; then nobody is left. */
		if (input_closed)
			poweroff_cpu();
		cpu_relax();
	}
	c = input_buf[input_head];
	input_head = (input_head + 1) % INPUT_BUF_SIZE;
	return c;
}

int ctrlc(void)
{
	unsigned int i;

	input_fill();
	/* A Ctrl-C anywhere in the look-ahead cancels what was typed before. */
	for (i = input_head; i != input_tail; i = (i + 1) % INPUT_BUF_SIZE) {
		if (input_buf[i] == CTRL_C) {
			input_head = (i + 1) % INPUT_BUF_SIZE;
			ctrlc_seen = 1;
			return 1;
		}
	}
	return 0;
}

int had_ctrlc(void)
{
	return ctrlc_seen;
}

void clear_ctrlc(void)
{
	ctrlc_seen = 0;
}
