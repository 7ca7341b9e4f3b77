/* SPDX-License-Identifier: MIT */
/*
 * bench/dup_onto.c: put a copy of one descriptor onto the number another
 * owner holds, as code that redirects a descriptor does: iosafe_dup_onto
 * (dup3(2) with O_CLOEXEC onto *target, which keeps its number) against the
 * same dup3 call on bare ints, each result checked.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "bench.h"
#if BENCH_IOSAFE
#  include <iosafe/iosafe.h>
#endif

#define ROUNDS 2000

#if BENCH_IOSAFE
BENCH_HOT int bench_dup_onto(iosafe_borrowed_fd a, iosafe_borrowed_fd b,
			     iosafe_owned_fd *target, int rounds)
{
	for (int i = 0; i < rounds; i++) {
		int rc = iosafe_dup_onto((i & 1) ? a : b, target);

		if (rc < 0)
			return rc;
	}
	return 0;
}

int main(void)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE, t = IOSAFE_FD_NONE;
	int rc = iosafe_open(&a, "/dev/null", O_RDONLY, 0);

	if (rc == 0)
		rc = iosafe_open(&b, "/dev/zero", O_RDONLY, 0);
	if (rc == 0)
		rc = iosafe_open(&t, "/dev/null", O_RDONLY, 0);
	if (rc == 0)
		rc = bench_dup_onto(iosafe_fd_borrow(&a), iosafe_fd_borrow(&b), &t, ROUNDS);
	iosafe_fd_drop(&t);
	iosafe_fd_drop(&b);
	iosafe_fd_drop(&a);
	printf("dup_onto: %d rounds, rc %d\n", ROUNDS, rc);
	return rc == 0 ? 0 : 1;
}
#else
BENCH_HOT int bench_dup_onto(int a, int b, int *target, int rounds)
{
	for (int i = 0; i < rounds; i++) {
		if (*target < 0)
			return -EBADF;
		if (dup3((i & 1) ? a : b, *target, O_CLOEXEC) < 0)
			return -errno;
	}
	return 0;
}

int main(void)
{
	int a = open("/dev/null", O_RDONLY | O_CLOEXEC);
	int b = open("/dev/zero", O_RDONLY | O_CLOEXEC);
	int t = open("/dev/null", O_RDONLY | O_CLOEXEC);
	int rc = a < 0 || b < 0 || t < 0 ? -EMFILE : bench_dup_onto(a, b, &t, ROUNDS);

	if (t >= 0)
		close(t);
	if (b >= 0)
		close(b);
	if (a >= 0)
		close(a);
	printf("dup_onto: %d rounds, rc %d\n", ROUNDS, rc);
	return rc == 0 ? 0 : 1;
}
#endif
