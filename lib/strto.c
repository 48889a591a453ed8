// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Number parsing of <vsprintf.h>.
 *
 * The simple_strto*() family behaves as U-Boot 2023.01's: no leading
 * white space or '+', a "0x"/"0X" prefix selects hex whatever the base
 * (so dectoul("0x10") is 16, as in U-Boot), base 0 means octal after a
 * leading '0' and decimal otherwise, overflow wraps. One difference: a
 * "0x" not followed by a hex digit is read as the number 0 ending at
 * the 'x' instead of swallowing the "0x".
 *
 * strtoul(), strtoull() and strtol() follow the C standard (leading
 * space, sign, bases 2 to 36, saturation on overflow) because on the
 * sandbox they replace the host C library's functions of these names.
 */

#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <vsprintf.h>

/* The value of a digit in bases up to 36, or 36 for a non-digit. */
static unsigned int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;

	return 36;
}

static bool hex_prefix(const char *cp)
{
	return cp[0] == '0' && tolower(cp[1]) == 'x' && isxdigit(cp[2]);
}

/*
 * U-Boot's radix rule; returns where the digits start and sets *basep.
 * A base above 16 is taken as 16: U-Boot reads only hex digits.
 */
static const char *uboot_radix(const char *cp, unsigned int *basep)
{
	if (hex_prefix(cp)) {
		*basep = 16;
		return cp + 2;
	}
	if (!*basep)
		*basep = cp[0] == '0' ? 8 : 10;
	else if (*basep > 16)
		*basep = 16;

	return cp;
}

/*
 * Parse digits of @base from @cp, wrapping on overflow; *overflow is
 * set if the value did not fit in @max.
 */
static unsigned long long parse_digits(const char *cp, char **endp,
				       unsigned int base,
				       unsigned long long max, bool *overflow)
{
	unsigned long long result = 0;
	unsigned int v;

	*overflow = false;
	for (; (v = digit_value(*cp)) < base; cp++) {
		if (result > (max - v) / base)
			*overflow = true;
		result = result * base + v;
	}
	if (endp)
		*endp = (char *)cp;

	return result;
}

unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base)
{
	bool overflow;

	if (base == 1) {
		if (endp)
			*endp = (char *)cp;
		return 0;
	}
	cp = uboot_radix(cp, &base);

	return parse_digits(cp, endp, base, ~0ULL, &overflow);
}

ulong simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return (ulong)simple_strtoull(cp, endp, base);
}

long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return -(long long)simple_strtoull(cp + 1, endp, base);

	return simple_strtoull(cp, endp, base);
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	return (long)simple_strtoll(cp, endp, base);
}

ulong hextoul(const char *cp, char **endp)
{
	return simple_strtoul(cp, endp, 16);
}

ulong dectoul(const char *cp, char **endp)
{
	return simple_strtoul(cp, endp, 10);
}

static int strict_parse(const char *cp, unsigned int base,
			unsigned long long max, unsigned long long *res)
{
	unsigned long long val;
	bool overflow;
	char *end;

	*res = 0;
	if (base == 1 || base > 16)
		return -EINVAL;
	cp = uboot_radix(cp, &base);
	val = parse_digits(cp, &end, base, max, &overflow);
	if (end == cp || overflow)
		return -EINVAL;
	/* Allow one trailing newline, as in "echo 1024 > file". */
	if (*end == '\n')
		end++;
	if (*end)
		return -EINVAL;
	*res = val;

	return 0;
}

int strict_strtoull(const char *cp, unsigned int base,
		    unsigned long long *res)
{
	return strict_parse(cp, base, ~0ULL, res);
}

int strict_strtoul(const char *cp, unsigned int base, unsigned long *res)
{
	unsigned long long val;
	int ret;

	ret = strict_parse(cp, base, (unsigned long)~0UL, &val);
	*res = val;

	return ret;
}

/*
 * C's strto*: returns the magnitude, sets *neg and *overflow (the
 * magnitude exceeds @max). With no digits *endp is @cp itself.
 */
static unsigned long long c_strto(const char *cp, char **endp, int base,
				  unsigned long long max, bool *neg,
				  bool *overflow)
{
	const char *s = cp, *digits;
	unsigned long long val;
	char *end;

	*neg = false;
	*overflow = false;
	if (base < 0 || base == 1 || base > 36)
		goto none;
	while (isspace((u8)*s))
		s++;
	if (*s == '+' || *s == '-')
		*neg = *s++ == '-';
	if ((base == 0 || base == 16) && hex_prefix(s)) {
		base = 16;
		s += 2;
	} else if (base == 0) {
		base = *s == '0' ? 8 : 10;
	}
	digits = s;
	val = parse_digits(digits, &end, base, max, overflow);
	if (end == digits)
		goto none;
	if (endp)
		*endp = end;

	return val;
none:
	if (endp)
		*endp = (char *)cp;

	return 0;
}

unsigned long long strtoull(const char *cp, char **endp, int base)
{
	unsigned long long val;
	bool neg, overflow;

	val = c_strto(cp, endp, base, ~0ULL, &neg, &overflow);
	if (overflow)
		return ~0ULL;

	return neg ? -val : val;
}

unsigned long strtoul(const char *cp, char **endp, int base)
{
	unsigned long val;
	bool neg, overflow;

	val = c_strto(cp, endp, base, (unsigned long)~0UL, &neg, &overflow);
	if (overflow)
		return ~0UL;

	return neg ? -val : val;
}

long strtol(const char *cp, char **endp, int base)
{
	const unsigned long long long_max = (unsigned long)~0UL >> 1;
	unsigned long long mag;
	bool neg, overflow;

	/* Parse up to the magnitude of LONG_MIN, then clamp by sign. */
	mag = c_strto(cp, endp, base, long_max + 1, &neg, &overflow);
	if (overflow)
		mag = long_max + 1;
	if (neg)
		return mag > long_max ? -(long)long_max - 1 : -(long)mag;

	return mag > long_max ? (long)long_max : (long)mag;
}
