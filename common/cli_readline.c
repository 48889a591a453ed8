// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Reading a command line from the console with simple editing. Input
 * may come from a terminal (CR, or CR LF) or from a program such as
 * pexpect (LF): a LF right after a CR is part of the same line end, so
 * a terminal never sends an extra empty line (which would repeat the
 * last command).
 */
#include <common.h>
#include <cli.h>

#define CTL(c)		((c) - '@')
#define HIST_MAX	16

char console_buffer[CONFIG_SYS_CBSIZE + 1];

static bool skip_lf;		/* the last line ended with CR */

#ifdef CONFIG_CMDLINE_EDITING
static char *hist[HIST_MAX];	/* oldest first */
static int hist_count;

static void hist_add(const char *line)
{
	char *copy;

	if (hist_count && !strcmp(hist[hist_count - 1], line))
		return;
	copy = strdup(line);
	if (!copy)
		return;
	if (hist_count == HIST_MAX) {
		free(hist[0]);
		memmove(hist, hist + 1, (HIST_MAX - 1) * sizeof(*hist));
		hist_count--;
	}
	hist[hist_count++] = copy;
}
#else
static char *hist[1];
static const int hist_count;

static void hist_add(const char *line)
{
}
#endif

/* Wipe the @n characters shown after the prompt. */
static void erase_chars(int n)
{
	while (n-- > 0)
		puts("\b \b");
}

/* Replace the line being edited by history entry @idx (hist_count: empty). */
static int show_hist(char *buffer, int len, int idx)
{
	erase_chars(len);
	if (idx >= hist_count) {
		buffer[0] = '\0';
		return 0;
	}
	strlcpy(buffer, hist[idx], CONFIG_SYS_CBSIZE + 1);
	puts(buffer);
	return strlen(buffer);
}

static int read_char(int timeout)
{
	ulong start = get_timer(0);

	while (timeout && !tstc()) {
		if (get_timer(start) > (ulong)timeout)
			return -2;
		cpu_relax();
	}
	return getchar();
}

/* Read a line into @buffer, whose first @len characters are there */
static int readline(const char *const prompt, char *buffer, int len,
		    int timeout)
{
	int hidx = hist_count;
	int esc = 0;		/* 1: ESC seen, 2: ESC [ or ESC O seen */

	buffer[len] = '\0';
	if (prompt)
		puts(prompt);
	puts(buffer);

	for (;;) {
		int c = read_char(timeout);

		if (c == -2)
			return -2;
		if (c < 0)
			continue;
		if (skip_lf) {
			skip_lf = false;
			if (c == '\n')
				continue;
		}

		if (esc == 1) {
			esc = (c == '[' || c == 'O') ? 2 : 0;
			continue;
		}
		if (esc == 2) {
			if (c >= '0' && c <= '9')	/* ESC [ 3 ~ and such */
				continue;
			esc = 0;
			if (c == 'A')
				c = CTL('P');
			else if (c == 'B')
				c = CTL('N');
			else
				continue;	/* other keys: ignored */
		}

		switch (c) {
		case '\r':
			skip_lf = true;
			/* fall through */
		case '\n':
			puts("\r\n");
			if (len)
				hist_add(buffer);
			return len;
		case CTL('C'):
			buffer[0] = '\0';
			return -1;
		case CTL('H'):
		case 0x7f:
			if (len) {
				buffer[--len] = '\0';
				erase_chars(1);
			}
			break;
		case CTL('U'):
			erase_chars(len);
			len = 0;
			buffer[0] = '\0';
			break;
		case CTL('W'): {
			int n = len;

			while (n && buffer[n - 1] == ' ')
				n--;
			while (n && buffer[n - 1] != ' ')
				n--;
			erase_chars(len - n);
			len = n;
			buffer[len] = '\0';
			break;
		}
		case CTL('P'):
			if (hidx > 0)
				len = show_hist(buffer, len, --hidx);
			break;
		case CTL('N'):
			if (hidx < hist_count)
				len = show_hist(buffer, len, ++hidx);
			break;
		case 0x1b:
			esc = 1;
			break;
		default:
			if (c == '\t')
				c = ' ';
			if (c < ' ')
				break;		/* other control characters */
			if (len >= CONFIG_SYS_CBSIZE) {
				putc('\a');
				break;
			}
			buffer[len++] = c;
			buffer[len] = '\0';
			putc(c);
		}
	}
}

int cli_readline_into_buffer(const char *const prompt, char *buffer,
			     int timeout)
{
	return readline(prompt, buffer, 0, timeout);
}

int cli_readline_edit(const char *const prompt, char *buffer)
{
	return readline(prompt, buffer, strnlen(buffer, CONFIG_SYS_CBSIZE), 0);
}

int cli_readline(const char *const prompt)
{
	return cli_readline_into_buffer(prompt, console_buffer, 0);
}
