/* SPDX-License-Identifier: MIT */
/*
 * bench/epoll.c: an event loop over 1000 eventfds: each round signals every
 * eventfd (a write of 1), then waits on one epoll instance, 64 events at a
 * time, and reads the counter of each ready one until all 1000 have been
 * seen; every result checked, errors as a negative errno.
 * iosafe_eventfd_write, iosafe_epoll_wait and iosafe_eventfd_read against
 * write(2), epoll_wait(2) and read(2) of 8 bytes on bare ints.  The setup
 * (eventfd, epoll_create1, epoll_ctl ADD) and the teardown are outside the
 * measured function, written the same way in each build.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "bench.h"
#if BENCH_IOSAFE
#  include <iosafe/iosafe.h>
#endif

#define ROUNDS 10
#define NFDS 1000
#define BATCH 64

#if BENCH_IOSAFE
/* A constant initializer: IOSAFE_FD_NONE is a compound literal (-Wpedantic). */
static iosafe_owned_fd ep = { IOSAFE_RAW_NONE }, efds[NFDS];

BENCH_HOT int bench_epoll(int rounds)
{
	struct epoll_event evs[BATCH];

	for (int r = 0; r < rounds; r++) {
		int seen = 0;

		for (int i = 0; i < NFDS; i++) {
			int rc = iosafe_eventfd_write(iosafe_fd_borrow(&efds[i]), 1);

			if (rc < 0)
				return rc;
		}
		while (seen < NFDS) {
			int n = iosafe_epoll_wait(iosafe_fd_borrow(&ep), evs, BATCH, 0);

			if (n <= 0)
				return n < 0 ? n : -EIO;
			for (int k = 0; k < n; k++) {
				uint64_t v;
				int rc = iosafe_eventfd_read(
					iosafe_fd_borrow(&efds[evs[k].data.u64]), &v);

				if (rc < 0)
					return rc;
			}
			seen += n;
		}
	}
	return 0;
}

static int setup(void)
{
	int rc = iosafe_epoll_create(&ep, 0);

	for (int i = 0; i < NFDS && rc == 0; i++) {
		rc = iosafe_eventfd(&efds[i], 0, EFD_NONBLOCK);
		if (rc == 0)
			rc = iosafe_epoll_add(iosafe_fd_borrow(&ep), iosafe_fd_borrow(&efds[i]),
					      (uint64_t)i, EPOLLIN);
	}
	return rc;
}

static void teardown(void)
{
	for (int i = 0; i < NFDS; i++)
		iosafe_fd_drop(&efds[i]);
	iosafe_fd_drop(&ep);
}
#else
static int ep = -1, efds[NFDS];

BENCH_HOT int bench_epoll(int rounds)
{
	struct epoll_event evs[BATCH];

	for (int r = 0; r < rounds; r++) {
		int seen = 0;

		for (int i = 0; i < NFDS; i++) {
			uint64_t one = 1;
			ssize_t w = write(efds[i], &one, sizeof(one));

			if (w != (ssize_t)sizeof(one))
				return w < 0 ? -errno : -EIO;
		}
		while (seen < NFDS) {
			int n = epoll_wait(ep, evs, BATCH, 0);

			if (n <= 0)
				return n < 0 ? -errno : -EIO;
			for (int k = 0; k < n; k++) {
				uint64_t v;
				ssize_t got = read(efds[evs[k].data.u64], &v, sizeof(v));

				if (got != (ssize_t)sizeof(v))
					return got < 0 ? -errno : -EIO;
			}
			seen += n;
		}
	}
	return 0;
}

static int setup(void)
{
	for (int i = 0; i < NFDS; i++)
		efds[i] = -1;
	ep = epoll_create1(EPOLL_CLOEXEC);
	if (ep < 0)
		return -errno;
	for (int i = 0; i < NFDS; i++) {
		struct epoll_event ev = { .events = EPOLLIN, .data.u64 = (uint64_t)i };

		efds[i] = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (efds[i] < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, efds[i], &ev) < 0)
			return -errno;
	}
	return 0;
}

static void teardown(void)
{
	for (int i = 0; i < NFDS; i++)
		if (efds[i] >= 0)
			close(efds[i]);
	if (ep >= 0)
		close(ep);
}
#endif

int main(void)
{
	int rc = setup();

	if (rc == 0)
		rc = bench_epoll(ROUNDS);
	teardown();
	printf("epoll: %d rounds over %d eventfds, rc %d\n", ROUNDS, NFDS, rc);
	return rc == 0 ? 0 : 1;
}
