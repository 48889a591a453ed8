/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * printf family and number parsing. Formats: %d %i %u %x %X %o %c %s %p
 * %%, with flags '-' '0' '#' ' ' '+', width and precision ('*' too), and
 * length modifiers hh h l ll z t j. %p prints a pointer in hex as U-Boot
 * does; %pa/%pap print the phys_addr_t it points to.
 */
#ifndef __VSPRINTF_H
#define __VSPRINTF_H

#include <linux/types.h>
#include <linux/compiler.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int sprintf(char *buf, const char *fmt, ...) __printf(2, 3);
int vsprintf(char *buf, const char *fmt, va_list args);

/**
 * simple_strtoul() - parse an unsigned number, U-Boot style
 * @cp: the string to parse
 * @endp: set to the first character not parsed (may be NULL)
 * @base: 0 detects "0x" (hex), "0" (octal) or decimal; 16 accepts an
 *	  optional "0x" prefix
 * Return: the number, 0 if there are no digits
 */
ulong simple_strtoul(const char *cp, char **endp, unsigned int base);
unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);
long long simple_strtoll(const char *cp, char **endp, unsigned int base);
/** hextoul() - simple_strtoul(cp, endp, 16) */
ulong hextoul(const char *cp, char **endp);
/** dectoul() - simple_strtoul(cp, endp, 10) */
ulong dectoul(const char *cp, char **endp);
unsigned long strtoul(const char *cp, char **endp, int base);
unsigned long long strtoull(const char *cp, char **endp, int base);
long strtol(const char *cp, char **endp, int base);

/**
 * strict_strtoul() - parse a whole string as a number
 * @cp:		the string
 * @base:	as simple_strtoul()
 * @res:	set to the value
 * Return: 0, or -EINVAL if the string is empty, has characters left over
 *	   or the value does not fit
 */
int strict_strtoul(const char *cp, unsigned int base, unsigned long *res);
int strict_strtoull(const char *cp, unsigned int base,
		    unsigned long long *res);

#endif
