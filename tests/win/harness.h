/* SPDX-License-Identifier: MIT */
/*
 * tests/win/harness.h: the small test harness of the Windows tests
 * (Criterion has no mingw-w64 build).  Each WIN_TEST registers itself at
 * start-up; tests/win/harness.c runs them in order, counts the process's
 * handles before and after each (a test that leaves a handle open fails),
 * and ends with the line "win: N passed, N failed".
 */
#ifndef IOSAFE_TESTS_WIN_HARNESS_H
#define IOSAFE_TESTS_WIN_HARNESS_H

#include <iosafe/iosafe.h>

#include <stdio.h>

void win_register(const char *name, void (*fn)(void));
void win_fail(const char *file, int line, const char *what);

#define WIN_TEST(fn)                                                      \
	static void fn(void);                                             \
	__attribute__((constructor)) static void fn##_register(void)      \
	{                                                                 \
		win_register(#fn, fn);                                    \
	}                                                                 \
	static void fn(void)

/* EXPECT: record a failure and go on; REQUIRE: record it and leave the test. */
#define EXPECT(cond)                                                      \
	do {                                                              \
		if (!(cond))                                              \
			win_fail(__FILE__, __LINE__, #cond);              \
	} while (0)
#define REQUIRE(cond)                                                     \
	do {                                                              \
		if (!(cond)) {                                            \
			win_fail(__FILE__, __LINE__, #cond);              \
			return;                                           \
		}                                                         \
	} while (0)
/* Integers, printed both ways on failure. */
#define EXPECT_EQ(a, b)                                                   \
	do {                                                              \
		long long win_a_ = (long long)(a), win_b_ = (long long)(b);       \
		if (win_a_ != win_b_) {                                   \
			char win_m_[256];                                 \
			snprintf(win_m_, sizeof win_m_, "%s == %s (%lld != %lld)", #a, #b, \
				 win_a_, win_b_);                         \
			win_fail(__FILE__, __LINE__, win_m_);             \
		}                                                         \
	} while (0)

/* Whether @h is an open handle of this process, and its inherit flag. */
bool win_is_open(HANDLE h);
bool win_is_inheritable(HANDLE h);

#endif
