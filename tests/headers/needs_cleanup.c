/* SPDX-License-Identifier: MIT */
/*
 * tests/headers/needs_cleanup.c: iosafe_auto_fd on a compiler without the
 * cleanup attribute must not compile, and the error must name the problem.
 *
 * tests/headers/check.sh compiles this file twice: as is (it must build:
 * the control), and with -U__GNUC__ -U__clang__, which makes the compiler
 * look like one that is neither GCC nor Clang, so include/iosafe/auto.h
 * takes its other branch.  Then the build must fail with an error naming
 * iosafe_auto_fd_needs_the_cleanup_attribute_of_gcc_or_clang.
 */
#include <iosafe/auto.h>

int needs_cleanup(void);

int needs_cleanup(void)
{
	iosafe_auto_fd fd = IOSAFE_FD_NONE;

	return iosafe_fd_is_none(&fd) ? 0 : 1;
}
