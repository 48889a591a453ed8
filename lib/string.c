// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * String and memory functions of <linux/string.h>.
 *
 * memcpy(), memmove() and memset() move a machine word at a time when
 * source and destination share their alignment; memcpy() also when they
 * do not (aligned reads merged by shifts: a frame's payload rarely shares
 * its destination's alignment); everything else is a plain byte loop.
 * Nothing here reads past the bytes it was given, so
 * AddressSanitizer on the sandbox sees exactly the accesses the caller
 * asked for.
 */

#include <linux/ctype.h>
#include <linux/string.h>
#include <malloc.h>

/*
 * GCC may turn a byte loop into a call to memcpy()/memset() even with
 * -ffreestanding, which here would be a call to the function itself.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-tree-loop-distribute-patterns")
#endif

typedef unsigned long __attribute__((may_alias)) word_t;
#define WORD_SIZE	sizeof(word_t)
#define WORD_MASK	(WORD_SIZE - 1)

static inline bool co_aligned(const void *a, const void *b)
{
	return (((uintptr_t)a ^ (uintptr_t)b) & WORD_MASK) == 0;
}

/*
 * Forward copy of @n bytes where @d is word-aligned and @s is not: whole
 * words are read from the source at aligned addresses (the firmware is
 * built with -mstrict-align) and merged by shifts. The first bytes up to
 * the source's word boundary are gathered one by one, so no read falls
 * outside [s, s + n). Returns the bytes left for the byte loop.
 */
static size_t copy_shifted(u8 **dp, const u8 **sp, size_t n)
{
	unsigned int off = (uintptr_t)*sp & WORD_MASK;
	unsigned int k = WORD_SIZE - off;	/* bytes held in @carry */
	const u8 *s = *sp;
	u8 *d = *dp;
	word_t carry = 0, w;
	unsigned int i;

	for (i = 0; i < k; i++) {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		carry |= (word_t)s[i] << (8 * (WORD_SIZE - 1 - i));
#else
		carry |= (word_t)s[i] << (8 * i);
#endif
	}
	s += k;
	while (n - k >= WORD_SIZE) {
		w = *(const word_t *)s;
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		*(word_t *)d = carry | w >> (8 * k);
		carry = w << (8 * off);
#else
		*(word_t *)d = carry | w << (8 * k);
		carry = w >> (8 * off);
#endif
		s += WORD_SIZE;
		d += WORD_SIZE;
		n -= WORD_SIZE;
	}
	/* The carry's bytes are the next k of the source: go back to them */
	*sp = s - k;
	*dp = d;

	return n;
}

void *memcpy(void *dest, const void *src, size_t n)
{
	u8 *d = dest;
	const u8 *s = src;

	if (n >= 4 * WORD_SIZE && !co_aligned(d, s)) {
		while ((uintptr_t)d & WORD_MASK) {
			*d++ = *s++;
			n--;
		}
		n = copy_shifted(&d, &s, n);
	} else if (n >= 2 * WORD_SIZE && co_aligned(d, s)) {
		while ((uintptr_t)d & WORD_MASK) {
			*d++ = *s++;
			n--;
		}
		while (n >= 4 * WORD_SIZE) {
			word_t *dw = (word_t *)d;
			const word_t *sw = (const word_t *)s;

			dw[0] = sw[0];
			dw[1] = sw[1];
			dw[2] = sw[2];
			dw[3] = sw[3];
			d += 4 * WORD_SIZE;
			s += 4 * WORD_SIZE;
			n -= 4 * WORD_SIZE;
		}
		while (n >= WORD_SIZE) {
			*(word_t *)d = *(const word_t *)s;
			d += WORD_SIZE;
			s += WORD_SIZE;
			n -= WORD_SIZE;
		}
	}
	while (n--)
		*d++ = *s++;

	return dest;
}

/* Copy from the end down, for a destination above an overlapping source. */
static void copy_backward(u8 *d, const u8 *s, size_t n)
{
	d += n;
	s += n;
	if (n >= 2 * WORD_SIZE && co_aligned(d, s)) {
		while ((uintptr_t)d & WORD_MASK) {
			*--d = *--s;
			n--;
		}
		while (n >= WORD_SIZE) {
			d -= WORD_SIZE;
			s -= WORD_SIZE;
			*(word_t *)d = *(const word_t *)s;
			n -= WORD_SIZE;
		}
	}
	while (n--)
		*--d = *--s;
}

void *memmove(void *dest, const void *src, size_t n)
{
	uintptr_t d = (uintptr_t)dest, s = (uintptr_t)src;

	if (d == s || !n)
		return dest;
	/*
	 * A forward copy is safe unless the destination starts inside the
	 * source. memcpy() reads each word before writing the same or a
	 * lower address, so it is fine for a destination below the source.
	 */
	if (d < s || d - s >= n)
		return memcpy(dest, src, n);
	copy_backward(dest, src, n);

	return dest;
}

void *memset(void *s, int c, size_t n)
{
	u8 *p = s;
	u8 byte = (u8)c;

	if (n >= 2 * WORD_SIZE) {
		/* 0x0101...01 times the byte repeats it in every lane */
		word_t pattern = (word_t)-1 / 0xff * byte;

		while ((uintptr_t)p & WORD_MASK) {
			*p++ = byte;
			n--;
		}
		while (n >= 4 * WORD_SIZE) {
			word_t *w = (word_t *)p;

			w[0] = pattern;
			w[1] = pattern;
			w[2] = pattern;
			w[3] = pattern;
			p += 4 * WORD_SIZE;
			n -= 4 * WORD_SIZE;
		}
		while (n >= WORD_SIZE) {
			*(word_t *)p = pattern;
			p += WORD_SIZE;
			n -= WORD_SIZE;
		}
	}
	while (n--)
		*p++ = byte;

	return s;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const u8 *p = a, *q = b;

	for (; n; n--, p++, q++) {
		if (*p != *q)
			return *p - *q;
	}

	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const u8 *p = s;

	for (; n; n--, p++) {
		if (*p == (u8)c)
			return (void *)p;
	}

	return NULL;
}

void *memchr_inv(const void *s, int c, size_t n)
{
	const u8 *p = s;

	for (; n; n--, p++) {
		if (*p != (u8)c)
			return (void *)p;
	}

	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;

	return p - s;
}

size_t strnlen(const char *s, size_t maxlen)
{
	size_t len = 0;

	while (len < maxlen && s[len])
		len++;

	return len;
}

int strcmp(const char *a, const char *b)
{
	const u8 *p = (const u8 *)a, *q = (const u8 *)b;

	while (*p && *p == *q) {
		p++;
		q++;
	}

	return *p - *q;
}

int strncmp(const char *a, const char *b, size_t n)
{
	const u8 *p = (const u8 *)a, *q = (const u8 *)b;

	for (; n; n--, p++, q++) {
		if (*p != *q)
			return *p - *q;
		if (!*p)
			break;
	}

	return 0;
}

int strcasecmp(const char *a, const char *b)
{
	return strncasecmp(a, b, (size_t)-1);
}

int strncasecmp(const char *a, const char *b, size_t n)
{
	const u8 *p = (const u8 *)a, *q = (const u8 *)b;

	for (; n; n--, p++, q++) {
		int c1 = tolower(*p), c2 = tolower(*q);

		if (c1 != c2)
			return c1 - c2;
		if (!c1)
			break;
	}

	return 0;
}

char *strcpy(char *dest, const char *src)
{
	char *d = dest;

	while ((*d++ = *src++))
		;

	return dest;
}

char *strncpy(char *dest, const char *src, size_t n)
{
	size_t i = 0;

	for (; i < n && src[i]; i++)
		dest[i] = src[i];
	for (; i < n; i++)
		dest[i] = '\0';

	return dest;
}

size_t strlcpy(char *dest, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size ? len : size - 1;

		memcpy(dest, src, n);
		dest[n] = '\0';
	}

	return len;
}

size_t strlcat(char *dest, const char *src, size_t size)
{
	size_t dlen = strnlen(dest, size);

	/* No terminator within size: nothing can be appended. */
	if (dlen == size)
		return size + strlen(src);

	return dlen + strlcpy(dest + dlen, src, size - dlen);
}

char *strcat(char *dest, const char *src)
{
	strcpy(dest + strlen(dest), src);

	return dest;
}

char *strncat(char *dest, const char *src, size_t n)
{
	char *d = dest + strlen(dest);

	while (n-- && *src)
		*d++ = *src++;
	*d = '\0';

	return dest;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

char *strstr(const char *haystack, const char *needle)
{
	size_t nlen = strlen(needle);

	if (!nlen)
		return (char *)haystack;
	for (; *haystack; haystack++) {
		if (*haystack == *needle && !strncmp(haystack, needle, nlen))
			return (char *)haystack;
	}

	return NULL;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;

	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;

	return n;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);

	return *s ? (char *)s : NULL;
}

char *strsep(char **s, const char *delim)
{
	char *start = *s, *end;

	if (!start)
		return NULL;
	end = start + strcspn(start, delim);
	if (*end) {
		*end = '\0';
		*s = end + 1;
	} else {
		*s = NULL;
	}

	return start;
}

char *strdup(const char *s)
{
	return strndup(s, (size_t)-1);
}

char *strndup(const char *s, size_t n)
{
	size_t len;
	char *copy;

	if (!s)
		return NULL;
	len = strnlen(s, n);
	copy = malloc(len + 1);
	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}

	return copy;
}

char *strim(char *s)
{
	size_t len;

	while (isspace((u8)*s))
		s++;
	len = strlen(s);
	while (len && isspace((u8)s[len - 1]))
		len--;
	s[len] = '\0';

	return s;
}
