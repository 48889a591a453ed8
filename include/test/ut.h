/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests, run in the sandbox by the 'ut' command:
 *
 *	static int lib_test_crc32(struct unit_test_state *uts)
 *	{
 *		ut_asserteq(0xcbf43926, crc32(0, (u8 *)"123456789", 9));
 *		return 0;
 *	}
 *	LIB_TEST(lib_test_crc32, 0);   or   UNIT_TEST(name, flags, suite);
 *
 * 'ut all' runs every test, 'ut <suite> [<test>]' some of them; the run
 * ends with the line "N passed, N failed".
 */
#ifndef __TEST_UT_H
#define __TEST_UT_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linker_lists.h>

struct unit_test_state {
	int fail_count;		/* assertions failed in this run */
	const char *test_name;	/* test running now */
};

struct unit_test {
	const char *suite;
	const char *name;
	int (*func)(struct unit_test_state *uts);
	int flags;
};

#define UNIT_TEST(_name, _flags, _suite)				\
	ll_entry_declare(struct unit_test, _suite##_##_name, ut) = {	\
		.suite = #_suite, .name = #_name, .func = _name,	\
		.flags = _flags,					\
	}

/* Report an assertion failure; used by the macros below. */
void ut_failf(struct unit_test_state *uts, const char *file, int line,
	      const char *func, const char *cond, const char *fmt, ...)
	__printf(6, 7);

#define ut_assert(cond)							\
	do {								\
		if (!(cond)) {						\
			ut_failf(uts, __FILE__, __LINE__, __func__, #cond, " "); \
			return -1;					\
		}							\
	} while (0)

#define ut_assertf(cond, fmt, ...)					\
	do {								\
		if (!(cond)) {						\
			ut_failf(uts, __FILE__, __LINE__, __func__, #cond, \
				 fmt, ##__VA_ARGS__);			\
			return -1;					\
		}							\
	} while (0)

#define ut_asserteq(expr1, expr2)					\
	do {								\
		long long _v1 = (long long)(expr1);			\
		long long _v2 = (long long)(expr2);			\
		if (_v1 != _v2) {					\
			ut_failf(uts, __FILE__, __LINE__, __func__,	\
				 #expr1 " == " #expr2,			\
				 "Expected %#llx (%lld), got %#llx (%lld)", \
				 _v1, _v1, _v2, _v2);			\
			return -1;					\
		}							\
	} while (0)

#define ut_asserteq_64 ut_asserteq

#define ut_asserteq_str(expr1, expr2)					\
	do {								\
		const char *_s1 = (expr1), *_s2 = (expr2);		\
		if (!_s1 || !_s2 || strcmp(_s1, _s2)) {			\
			ut_failf(uts, __FILE__, __LINE__, __func__,	\
				 #expr1 " = " #expr2,			\
				 "Expected \"%s\", got \"%s\"",		\
				 _s1 ? _s1 : "(null)", _s2 ? _s2 : "(null)"); \
			return -1;					\
		}							\
	} while (0)

#define ut_asserteq_mem(expr1, expr2, len)				\
	do {								\
		const void *_m1 = (expr1), *_m2 = (expr2);		\
		if (memcmp(_m1, _m2, (len))) {				\
			ut_failf(uts, __FILE__, __LINE__, __func__,	\
				 #expr1 " = " #expr2,			\
				 "%zu bytes differ", (size_t)(len));	\
			return -1;					\
		}							\
	} while (0)

#define ut_asserteq_ptr(expr1, expr2)					\
	do {								\
		const void *_p1 = (expr1), *_p2 = (expr2);		\
		if (_p1 != _p2) {					\
			ut_failf(uts, __FILE__, __LINE__, __func__,	\
				 #expr1 " = " #expr2,			\
				 "Expected %p, got %p", _p1, _p2);	\
			return -1;					\
		}							\
	} while (0)

#define ut_assertnull(expr) ut_assert((expr) == NULL)
#define ut_assertnonnull(expr) ut_assert((expr) != NULL)
/* ut_assertok(expr): expr must return 0 */
#define ut_assertok(expr) ut_asserteq(0, (expr))

/**
 * ut_run() - run the tests of a suite ("all" for every suite)
 * @suite:	the name of a suite, or "all"
 * @name: one test of the suite, or NULL for all of it
 * Return: number of failed tests
 */
int ut_run(const char *suite, const char *name);

#endif
