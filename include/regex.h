/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Regular expressions for 'setexpr sub|gsub' (lib/regex.c) */
#ifndef __REGEX_H
#define __REGEX_H

#include <linux/types.h>

/* Captures a match keeps: the whole match and groups 1 to 9 */
#define REGEX_MAX_CAPS	10

/**
 * struct regex_cap - what a match or one of its groups took
 * @ptr:	where in the subject (NULL: the group took part in no match)
 * @len:	its length
 */
struct regex_cap {
	const char *ptr;
	int len;
};

/**
 * regex_check() - whether @re is a pattern lib/regex.c can match
 * @re:		the pattern
 * Return: 0, or -EINVAL (an unbalanced group or class, a quantifier
 *	with nothing before it, a trailing '\')
 */
int regex_check(const char *re);

/**
 * regex_search() - the first match of @re in @subject at or after @start
 * @re:		the pattern
 * @subject:	the string ('^' matches at its start only, '$' at its end)
 * @start:	where in @subject to start looking
 * @caps:	filled in: [0] the match, [n] group n; may be NULL if @ncaps 0
 * @ncaps:	entries in @caps
 * Return: 0, -ENOENT (no match), -EINVAL (a bad pattern) or -E2BIG (too
 *	deep a search)
 */
int regex_search(const char *re, const char *subject, const char *start,
		 struct regex_cap *caps, int ncaps);

#endif
