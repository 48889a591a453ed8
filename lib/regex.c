// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A small backtracking regular-expression matcher for 'setexpr sub|gsub',
 * with the syntax U-Boot's (SLRE's) accepts: literals, '.', classes
 * ("[a-z_]", "[^0-9]"), the escapes \d \D \s \S \w \W and \x (any other
 * character x as itself), the anchors '^' and '$', groups "( )" that
 * capture (up to REGEX_MAX_CAPS), alternatives '|', and the quantifiers
 * '*', '+', '?' (greedy) and "*?", "+?" (lazy).
 *
 * The pattern is interpreted as it is matched; depth is bounded so that
 * no pattern or subject can overflow the stack (REGEX_MAX_DEPTH), and a
 * pattern that is not well formed (an unbalanced group or class, a
 * quantifier with nothing before it) is refused before any match.
 */

#include <common.h>
#include <regex.h>
#include <linux/ctype.h>

/* Deepest recursion a match may take: each step of a repetition is one */
#define REGEX_MAX_DEPTH		300

struct re_state {
	const char *pattern;	/* the whole pattern (to number groups) */
	const char *subject;	/* the whole subject (for '^') */
	const char *end;	/* its end */
	struct regex_cap *caps;
	int ncaps;
	int depth;
	bool failed;		/* too deep: the whole match fails */
};

static int re_match_here(struct re_state *st, const char *re, const char *re_end,
			 const char *s, const char **out);

/* Length of one atom at @re: a character, an escape, a class, a group */
static int atom_len(const char *re, const char *re_end)
{
	const char *p = re;
	int depth;

	if (p >= re_end)
		return 0;
	if (*p == '\\')
		return p + 1 < re_end ? 2 : -1;
	if (*p == '[') {
		p++;
		if (p < re_end && *p == '^')
			p++;
		if (p < re_end && *p == ']')
			p++;
		while (p < re_end && *p != ']')
			p += (*p == '\\' && p + 1 < re_end) ? 2 : 1;
		return p < re_end ? p - re + 1 : -1;
	}
	if (*p == '(') {
		for (depth = 0; p < re_end; p++) {
			if (*p == '\\') {
				p++;
				continue;
			}
			if (*p == '[') {
				int n = atom_len(p, re_end);

				if (n < 0)
					return -1;
				p += n - 1;
				continue;
			}
			if (*p == '(')
				depth++;
			else if (*p == ')' && !--depth)
				return p - re + 1;
		}
		return -1;
	}
	if (*p == ')' || *p == '*' || *p == '+' || *p == '?')
		return -1;
	return 1;
}

static bool class_escape(char e, unsigned char c)
{
	switch (e) {
	case 'd':
		return isdigit(c);
	case 'D':
		return !isdigit(c);
	case 's':
		return isspace(c);
	case 'S':
		return !isspace(c);
	case 'w':
		return isalnum(c) || c == '_';
	case 'W':
		return !(isalnum(c) || c == '_');
	default:
		return c == (unsigned char)e;
	}
}

/* Does the single-character atom @re (@len long) take @c? */
static bool atom_takes(const char *re, int len, unsigned char c)
{
	const char *p, *end = re + len - 1;
	bool neg, in = false;

	if (*re == '.')
		return true;
	if (*re == '\\')
		return class_escape(re[1], c);
	if (*re != '[')
		return c == (unsigned char)*re;
	p = re + 1;
	neg = *p == '^';
	if (neg)
		p++;
	while (p < end && !in) {
		unsigned char lo = *p;

		if (*p == '\\' && p + 1 < end) {
			in = class_escape(p[1], c);
			p += 2;
			continue;
		}
		if (p + 2 < end && p[1] == '-') {
			in = c >= lo && c <= (unsigned char)p[2];
			p += 3;
			continue;
		}
		in = c == lo;
		p++;
	}
	return in != neg;
}

/* The end of the alternative that starts at @re (a '|' or @re_end) */
static const char *alt_end(const char *re, const char *re_end)
{
	int n;

	while (re < re_end && *re != '|') {
		n = atom_len(re, re_end);
		if (n <= 0)
			n = 1;
		re += n;
	}
	return re;
}

/* Match group @re ("(...)", @len long) at @s, then the rest */
static int match_group(struct re_state *st, const char *re, int len,
		       const char *rest, const char *re_end, const char *s,
		       const char **out);

static int match_repeat(struct re_state *st, const char *re, int len,
			int min, int max, bool lazy, const char *rest,
			const char *re_end, const char *s, const char **out);

/* A repeated group's next pass: one level deeper, counted */
static int repeat_again(struct re_state *st, const char *re, int len,
			int max, bool lazy, const char *rest,
			const char *re_end, const char *s, const char **out)
{
	int ret;

	if (++st->depth > REGEX_MAX_DEPTH) {
		st->failed = true;
		ret = -1;
	} else {
		ret = match_repeat(st, re, len, 0, max, lazy, rest, re_end, s,
				   out);
	}
	st->depth--;
	return ret;
}

/* One atom @re (@len) repeated @min.. times at @s, then @rest */
static int match_repeat(struct re_state *st, const char *re, int len,
			int min, int max, bool lazy, const char *rest,
			const char *re_end, const char *s, const char **out)
{
	const char *p = s;
	int n = 0, ret;

	if (st->failed)
		return -1;
	if (*re == '(') {
		/* a repeated group: one more pass, or on to the rest */
		if (min > 0) {
			ret = match_group(st, re, len, NULL, NULL, s, &p);
			if (ret || p == s)
				return ret ? ret : -1;
			if (max == 1)
				return re_match_here(st, rest, re_end, p, out);
			return repeat_again(st, re, len, max, lazy, rest,
					    re_end, p, out);
		}
		if (lazy && !re_match_here(st, rest, re_end, s, out))
			return 0;
		if (!match_group(st, re, len, NULL, NULL, s, &p) && p != s &&
		    !(max == 1 ? re_match_here(st, rest, re_end, p, out) :
		      repeat_again(st, re, len, max, lazy, rest, re_end, p,
				   out)))
			return 0;
		if (lazy || st->failed)
			return -1;
		return re_match_here(st, rest, re_end, s, out);
	}
	/* a single character: count how far it goes, then back off */
	while (p < st->end && (max < 0 || n < max) &&
	       atom_takes(re, len, *p)) {
		p++;
		n++;
		if (lazy && n >= min &&
		    !re_match_here(st, rest, re_end, p, out))
			return 0;
	}
	if (lazy)
		return min == 0 ? re_match_here(st, rest, re_end, s, out) : -1;
	for (; n >= min; n--) {
		if (!re_match_here(st, rest, re_end, s + n, out))
			return 0;
		if (st->failed)
			return -1;
	}
	return -1;
}

static int match_group(struct re_state *st, const char *re, int len,
		       const char *rest, const char *re_end, const char *s,
		       const char **out)
{
	const char *in = re + 1, *in_end = re + len - 1, *a, *e, *p;
	int cap = -1, ret;

	/* groups are numbered by their '(' from the left */
	if (st->ncaps > 1) {
		const char *q;
		int n = 1;

		for (q = st->pattern; q < re; q++) {
			if (*q == '\\')
				q++;
			else if (*q == '(')
				n++;
		}
		cap = n < st->ncaps ? n : -1;
	}
	for (a = in; a <= in_end; a = e + 1) {
		e = alt_end(a, in_end);
		ret = re_match_here(st, a, e, s, &p);
		if (!ret) {
			if (cap > 0) {
				st->caps[cap].ptr = s;
				st->caps[cap].len = p - s;
			}
			if (!rest) {
				*out = p;
				return 0;
			}
			if (!re_match_here(st, rest, re_end, p, out))
				return 0;
		}
		if (st->failed)
			return -1;
	}
	return -1;
}

/* Match the pattern @re..@re_end at @s; *out is where the match ends */
static int re_match_here(struct re_state *st, const char *re, const char *re_end,
			 const char *s, const char **out)
{
	const char *a, *e;
	int len, ret;

	if (++st->depth > REGEX_MAX_DEPTH) {
		st->failed = true;
		st->depth--;
		return -1;
	}
	/* alternatives at this level */
	e = alt_end(re, re_end);
	if (e < re_end) {
		for (a = re; a <= re_end; a = e + 1) {
			e = alt_end(a, re_end);
			ret = re_match_here(st, a, e, s, out);
			if (!ret || st->failed)
				goto done;
		}
		ret = -1;
		goto done;
	}
	if (re == re_end) {
		*out = s;
		ret = 0;
		goto done;
	}
	if (*re == '^') {
		ret = s == st->subject ? re_match_here(st, re + 1, re_end, s, out) :
					 -1;
		goto done;
	}
	if (*re == '$' && re + 1 == re_end) {
		ret = s == st->end ? (*out = s, 0) : -1;
		goto done;
	}
	len = atom_len(re, re_end);
	if (len <= 0) {
		ret = -1;
		goto done;
	}
	if (re + len < re_end && strchr("*+?", re[len])) {
		char q = re[len];
		bool lazy = re + len + 1 < re_end && re[len + 1] == '?' &&
			    q != '?';

		ret = match_repeat(st, re, len, q == '+' ? 1 : 0,
				   q == '?' ? 1 : -1, lazy,
				   re + len + 1 + lazy, re_end, s, out);
		goto done;
	}
	if (*re == '(') {
		ret = match_group(st, re, len, re + len, re_end, s, out);
		goto done;
	}
	ret = s < st->end && atom_takes(re, len, *s) ?
	      re_match_here(st, re + len, re_end, s + 1, out) : -1;
done:
	st->depth--;
	return ret;
}

/* Is @p..@end a well-formed pattern? (groups checked within their bounds) */
static int check_range(const char *p, const char *end)
{
	int len, ret;

	while (p < end) {
		if (*p == '|' || *p == '^' || *p == '$') {
			p++;
			continue;
		}
		len = atom_len(p, end);
		if (len <= 0)
			return -EINVAL;
		if (*p == '(') {
			ret = check_range(p + 1, p + len - 1);
			if (ret)
				return ret;
		}
		p += len;
		if (p < end && strchr("*+?", *p)) {
			p++;
			if (p < end && *p == '?' && p[-1] != '?')
				p++;
		}
	}
	return 0;
}

int regex_check(const char *re)
{
	return check_range(re, re + strlen(re));
}

int regex_search(const char *re, const char *subject, const char *start,
		 struct regex_cap *caps, int ncaps)
{
	struct re_state st = {
		.pattern = re,
		.subject = subject,
		.end = subject + strlen(subject),
		.caps = caps,
		.ncaps = ncaps,
	};
	const char *s, *out;
	int i;

	if (regex_check(re))
		return -EINVAL;
	for (s = start; s <= st.end; s++) {
		for (i = 0; i < ncaps; i++) {
			caps[i].ptr = NULL;
			caps[i].len = 0;
		}
		st.depth = 0;
		if (!re_match_here(&st, re, re + strlen(re), s, &out)) {
			if (ncaps) {
				caps[0].ptr = s;
				caps[0].len = out - s;
			}
			return 0;
		}
		if (st.failed)
			return -E2BIG;
		if (*re == '^')
			break;
	}
	return -ENOENT;
}
