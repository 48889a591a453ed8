// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The printf family of <vsprintf.h>. printf() itself lives in
 * common/console.c and formats through vsnprintf().
 *
 * Conversions follow C99 except where U-Boot's output differs and
 * scripts may see it:
 *  - %p prints the address in lower-case hex without "0x", zero-padded
 *    to the width of a pointer when no width is given (NULL included);
 *    letters and digits right after it are U-Boot's extensions and are
 *    consumed: %pa and %pap print the phys_addr_t pointed to as
 *    0x%016llx, every other extension prints the address;
 *  - %s of a NULL pointer prints "<NULL>";
 *  - an unknown conversion is copied through, '%' included.
 * There are no floating-point conversions and no %n.
 */

#include <linux/ctype.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <vsprintf.h>

#define FL_LEFT		BIT(0)	/* '-' */
#define FL_PLUS		BIT(1)	/* '+' */
#define FL_SPACE	BIT(2)	/* ' ' */
#define FL_ALT		BIT(3)	/* '#' */
#define FL_ZERO		BIT(4)	/* '0' */
#define FL_UPPER	BIT(5)	/* %X */

/* Where the output goes: at most size - 1 characters, then a NUL. */
struct out {
	char *buf;
	size_t size;
	size_t pos;	/* characters produced so far, stored or not */
};

static void put(struct out *o, char c)
{
	if (o->pos + 1 < o->size)
		o->buf[o->pos] = c;
	o->pos++;
}

static void put_n(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/* One conversion specification, decoded. */
struct spec {
	unsigned int flags;
	int width;	/* -1: none */
	int precision;	/* -1: none */
};

static void put_str(struct out *o, const char *s, const struct spec *sp)
{
	int len = sp->precision < 0 ? (int)strnlen(s, INT32_MAX) :
				      (int)strnlen(s, sp->precision);
	int pad = sp->width - len;

	if (!(sp->flags & FL_LEFT))
		put_n(o, ' ', pad);
	while (len--)
		put(o, *s++);
	if (sp->flags & FL_LEFT)
		put_n(o, ' ', pad);
}

/*
 * Put a number: @neg says whether a '-' goes in front of the magnitude
 * @num; @is_signed allows the '+' and ' ' flags.
 */
static void put_num(struct out *o, unsigned long long num, bool neg,
		    bool is_signed, unsigned int base, const struct spec *sp)
{
	const char *digits = (sp->flags & FL_UPPER) ? "0123456789ABCDEF" :
						      "0123456789abcdef";
	char tmp[24];	/* 64 bits in octal is 22 digits */
	char sign = 0;
	const char *prefix = "";
	int ndigits = 0, nzeros, prefix_len, len;
	unsigned int flags = sp->flags;
	int precision = sp->precision;

	while (num) {
		tmp[ndigits++] = digits[num % base];
		num /= base;
	}
	/* Zero has one digit, unless an explicit precision of 0 drops it. */
	if (!ndigits && precision != 0)
		tmp[ndigits++] = '0';

	if (neg)
		sign = '-';
	else if (is_signed && (flags & FL_PLUS))
		sign = '+';
	else if (is_signed && (flags & FL_SPACE))
		sign = ' ';

	if (flags & FL_ALT) {
		if (base == 16 && ndigits && tmp[ndigits - 1] != '0')
			prefix = (flags & FL_UPPER) ? "0X" : "0x";
		else if (base == 8 && (!ndigits || tmp[ndigits - 1] != '0') &&
			 precision <= ndigits)
			precision = ndigits + 1;
	}
	prefix_len = strlen(prefix);

	nzeros = precision > ndigits ? precision - ndigits : 0;
	len = (sign ? 1 : 0) + prefix_len + nzeros + ndigits;
	/* '0' pads with zeros only when no precision is given */
	if ((flags & FL_ZERO) && !(flags & FL_LEFT) && sp->precision < 0 &&
	    sp->width > len) {
		nzeros += sp->width - len;
		len = sp->width;
	}

	if (!(flags & FL_LEFT))
		put_n(o, ' ', sp->width - len);
	if (sign)
		put(o, sign);
	while (*prefix)
		put(o, *prefix++);
	put_n(o, '0', nzeros);
	while (ndigits)
		put(o, tmp[--ndigits]);
	if (flags & FL_LEFT)
		put_n(o, ' ', sp->width - len);
}

/*
 * %p: the address, unless @ext names an extension. U-Boot's %pa (and
 * %pap), the phys_addr_t that @ptr points to, and %pM, the 6-byte MAC
 * address at @ptr as xx:xx:xx:xx:xx:xx, are known.
 */
static void put_ptr(struct out *o, const char *ext, const void *ptr,
		    struct spec *sp)
{
	static const char hex[] = "0123456789abcdef";
	unsigned long long num = (uintptr_t)ptr;
	int i;

	if (ext[0] == 'M' && ptr) {
		for (i = 0; i < 6; i++) {
			u8 b = ((const u8 *)ptr)[i];

			if (i)
				put(o, ':');
			put(o, hex[b >> 4]);
			put(o, hex[b & 15]);
		}
		return;
	}
	if (ext[0] == 'a' && ptr) {
		num = *(const phys_addr_t *)ptr;
		sp->flags |= FL_ALT | FL_ZERO;
		sp->width = 2 * sizeof(phys_addr_t) + 2;
	} else if (sp->width < 0) {
		sp->width = 2 * sizeof(void *);
		sp->flags |= FL_ZERO;
	}
	put_num(o, num, false, false, 16, sp);
}

static int parse_int(const char **fmtp)
{
	const char *fmt = *fmtp;
	int n = 0;

	while (*fmt >= '0' && *fmt <= '9') {
		if (n < INT32_MAX / 10)
			n = n * 10 + (*fmt - '0');
		fmt++;
	}
	*fmtp = fmt;

	return n;
}

enum length { LEN_HH, LEN_H, LEN_INT, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J };

static const char *parse_length(const char *fmt, enum length *len)
{
	switch (*fmt) {
	case 'h':
		if (fmt[1] == 'h') {
			*len = LEN_HH;
			return fmt + 2;
		}
		*len = LEN_H;
		return fmt + 1;
	case 'l':
		if (fmt[1] == 'l') {
			*len = LEN_LL;
			return fmt + 2;
		}
		*len = LEN_L;
		return fmt + 1;
	case 'L':
	case 'q':
		*len = LEN_LL;
		return fmt + 1;
	case 'z':
	case 'Z':
		*len = LEN_Z;
		return fmt + 1;
	case 't':
		*len = LEN_T;
		return fmt + 1;
	case 'j':
		*len = LEN_J;
		return fmt + 1;
	default:
		*len = LEN_INT;
		return fmt;
	}
}

/* Fetch an argument of the given length as a signed value. */
static long long arg_signed(va_list *args, enum length len)
{
	switch (len) {
	case LEN_HH:
		return (signed char)va_arg(*args, int);
	case LEN_H:
		return (short)va_arg(*args, int);
	case LEN_L:
		return va_arg(*args, long);
	case LEN_LL:
		return va_arg(*args, long long);
	case LEN_Z:
		return (ssize_t)va_arg(*args, size_t);
	case LEN_T:
		return va_arg(*args, ptrdiff_t);
	case LEN_J:
		return va_arg(*args, intmax_t);
	default:
		return va_arg(*args, int);
	}
}

static unsigned long long arg_unsigned(va_list *args, enum length len)
{
	switch (len) {
	case LEN_HH:
		return (unsigned char)va_arg(*args, unsigned int);
	case LEN_H:
		return (unsigned short)va_arg(*args, unsigned int);
	case LEN_L:
		return va_arg(*args, unsigned long);
	case LEN_LL:
		return va_arg(*args, unsigned long long);
	case LEN_Z:
		return va_arg(*args, size_t);
	case LEN_T:
		return (size_t)va_arg(*args, ptrdiff_t);
	case LEN_J:
		return va_arg(*args, uintmax_t);
	default:
		return va_arg(*args, unsigned int);
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { .buf = buf, .size = size, .pos = 0 };
	va_list args;

	/* Work on a copy so that helpers can take its address portably. */
	va_copy(args, ap);
	while (*fmt) {
		struct spec sp = { .flags = 0, .width = -1, .precision = -1 };
		const char *start = fmt;
		enum length len;

		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt++;

		for (;; fmt++) {
			if (*fmt == '-')
				sp.flags |= FL_LEFT;
			else if (*fmt == '+')
				sp.flags |= FL_PLUS;
			else if (*fmt == ' ')
				sp.flags |= FL_SPACE;
			else if (*fmt == '#')
				sp.flags |= FL_ALT;
			else if (*fmt == '0')
				sp.flags |= FL_ZERO;
			else
				break;
		}

		if (*fmt == '*') {
			fmt++;
			sp.width = va_arg(args, int);
			if (sp.width < 0) {
				sp.flags |= FL_LEFT;
				sp.width = sp.width == INT32_MIN ? INT32_MAX :
								  -sp.width;
			}
		} else if (*fmt >= '0' && *fmt <= '9') {
			sp.width = parse_int(&fmt);
		}

		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				fmt++;
				sp.precision = va_arg(args, int);
				/* a negative precision is taken as none */
				if (sp.precision < 0)
					sp.precision = -1;
			} else {
				sp.precision = parse_int(&fmt);
			}
		}

		fmt = parse_length(fmt, &len);

		switch (*fmt) {
		case 'd':
		case 'i': {
			long long v = arg_signed(&args, len);
			unsigned long long mag = v < 0 ?
				-(unsigned long long)v : (unsigned long long)v;

			put_num(&o, mag, v < 0, true, 10, &sp);
			break;
		}
		case 'u':
			put_num(&o, arg_unsigned(&args, len), false, false, 10,
				&sp);
			break;
		case 'X':
			sp.flags |= FL_UPPER;
			/* fall through */
		case 'x':
			put_num(&o, arg_unsigned(&args, len), false, false, 16,
				&sp);
			break;
		case 'o':
			put_num(&o, arg_unsigned(&args, len), false, false, 8,
				&sp);
			break;
		case 'p':
			put_ptr(&o, fmt + 1, va_arg(args, void *), &sp);
			/* U-Boot's pointer extensions: letters and digits */
			while (isalnum((u8)fmt[1]))
				fmt++;
			break;
		case 'c': {
			char c = (char)va_arg(args, int);

			if (!(sp.flags & FL_LEFT))
				put_n(&o, ' ', sp.width - 1);
			put(&o, c);
			if (sp.flags & FL_LEFT)
				put_n(&o, ' ', sp.width - 1);
			break;
		}
		case 's': {
			const char *s = va_arg(args, const char *);

			put_str(&o, s ? s : "<NULL>", &sp);
			break;
		}
		case '%':
			put(&o, '%');
			break;
		default:
			/* Not a conversion: copy what was read, as U-Boot does. */
			while (start < fmt)
				put(&o, *start++);
			if (!*fmt)
				continue;
			put(&o, *fmt);
			break;
		}
		fmt++;
	}
	va_end(args);

	if (size)
		buf[o.pos < size ? o.pos : size - 1] = '\0';

	return o.pos > INT32_MAX ? INT32_MAX : (int)o.pos;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (!size)
		return 0;

	return (size_t)n < size ? n : (int)(size - 1);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);

	return n;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);

	return n;
}

/* sprintf() trusts the caller's buffer, as the C library's does. */
int vsprintf(char *buf, const char *fmt, va_list args)
{
	return vsnprintf(buf, INT32_MAX, fmt, args);
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsprintf(buf, fmt, args);
	va_end(args);

	return n;
}
