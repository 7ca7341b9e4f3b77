/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_event.c: include/iosafe/event.h and src/event.c (epoll,
 * poll, eventfd, timerfd, signalfd, inotify, fanotify).  Real descriptors;
 * every descriptor made is checked close-on-exec; every test compares the
 * descriptor table before and after (NOLEAK_TEST).  Over 600 lines: one
 * test or more per function of the family, for success, each documented
 * error, EINTR on the blocking calls and EMFILE on each acquisition.
 *
 * fanotify needs CAP_SYS_ADMIN: its tests are skipped, saying so, only when
 * fanotify_init(2) answers EPERM.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "helpers.h"

#define GARBAGE_OWNER { 4242 }

static void assert_owned_cloexec(const iosafe_owned_fd *fd)
{
	cr_assert_geq(fd->raw, 0);
	cr_assert(fd_is_open(fd->raw));
	cr_assert(fd_is_cloexec(fd->raw), "fd %d is not close-on-exec", fd->raw);
}

static iosafe_borrowed_fd bw(const iosafe_owned_fd *fd)
{
	return iosafe_fd_borrow(fd);
}

static const iosafe_borrowed_fd none_borrow = { -1 };

/* ---- EINTR: SIGALRM every 2 ms, handler without SA_RESTART ------------------- */

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

static void interrupts_begin(struct sigaction *old)
{
	struct sigaction sa;
	struct itimerval it = { { 0, 2000 }, { 0, 2000 } };

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	cr_assert_eq(sigaction(SIGALRM, &sa, old), 0);
	alarms = 0;
	cr_assert_eq(setitimer(ITIMER_REAL, &it, NULL), 0);
}

static void interrupts_end(const struct sigaction *old)
{
	struct itimerval off = { { 0, 0 }, { 0, 0 } };
	struct sigaction ign;

	cr_assert_eq(setitimer(ITIMER_REAL, &off, NULL), 0);
	/* A late SIGALRM is discarded by SIG_IGN before the old action returns. */
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	cr_assert_eq(sigaction(SIGALRM, &ign, NULL), 0);
	cr_assert_eq(sigaction(SIGALRM, old, NULL), 0);
}

/* ---- epoll ------------------------------------------------------------------ */

NOLEAK_TEST(event, epoll_create_cloexec_and_errors)
{
	iosafe_owned_fd ep = GARBAGE_OWNER;

	cr_assert_eq(iosafe_epoll_create(&ep, 0), 0);
	assert_owned_cloexec(&ep);
	cr_assert_eq(iosafe_fd_close(&ep), 0);
	cr_assert_eq(iosafe_epoll_create(&ep, EPOLL_CLOEXEC), 0);
	assert_owned_cloexec(&ep);
	cr_assert_eq(iosafe_fd_close(&ep), 0);
	ep.raw = 4242;
	cr_assert_eq(iosafe_epoll_create(&ep, 0x1234), -EINVAL);
	cr_assert(iosafe_fd_is_none(&ep));
	cr_assert_eq(iosafe_epoll_create(NULL, 0), -EINVAL);
}

NOLEAK_TEST(event, epoll_create_emfile)
{
	iosafe_owned_fd ep = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	fd_table_fill(&f, 0);
	rc = iosafe_epoll_create(&ep, 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&ep));
}

NOLEAK_TEST(event, epoll_add_modify_wait_delete)
{
	iosafe_owned_fd ep = IOSAFE_FD_NONE, r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	struct epoll_event evs[4];

	cr_assert_eq(iosafe_epoll_create(&ep, 0), 0);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_epoll_add(bw(&ep), bw(&r), 42, EPOLLIN), 0);
	cr_assert_eq(iosafe_epoll_wait(bw(&ep), evs, 4, 0), 0, "nothing to read yet");
	cr_assert_eq(iosafe_write(bw(&w), "x", 1), 1);
	cr_assert_eq(iosafe_epoll_wait(bw(&ep), evs, 4, 1000), 1);
	cr_assert_eq(evs[0].data.u64, 42);
	cr_assert(evs[0].events & EPOLLIN);
	cr_assert_eq(iosafe_epoll_modify(bw(&ep), bw(&r), 7, EPOLLIN), 0);
	cr_assert_eq(iosafe_epoll_wait(bw(&ep), evs, 1, 1000), 1);
	cr_assert_eq(evs[0].data.u64, 7);
	cr_assert_eq(iosafe_epoll_add(bw(&ep), bw(&w), UINT64_MAX, EPOLLOUT), 0);
	cr_assert_eq(iosafe_epoll_wait(bw(&ep), evs, 4, 1000), 2);
	cr_assert_eq(iosafe_epoll_delete(bw(&ep), bw(&r)), 0);
	cr_assert_eq(iosafe_epoll_wait(bw(&ep), evs, 4, 1000), 1);
	cr_assert_eq(evs[0].data.u64, UINT64_MAX);
	cr_assert_eq(iosafe_epoll_delete(bw(&ep), bw(&w)), 0);
	cr_assert_eq(iosafe_epoll_wait(bw(&ep), evs, 4, 0), 0);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
	cr_assert_eq(iosafe_fd_close(&ep), 0);
}

NOLEAK_TEST(event, epoll_errors)
{
	iosafe_owned_fd ep = IOSAFE_FD_NONE, r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	iosafe_owned_fd file = IOSAFE_FD_NONE;
	iosafe_borrowed_fd closed;
	struct epoll_event evs[2];

	cr_assert_eq(iosafe_epoll_create(&ep, 0), 0);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_open(&file, "/etc/passwd", O_RDONLY, 0), 0);
	closed = iosafe_fd_borrow_raw(fd_not_open());
	cr_assert_eq(iosafe_epoll_add(none_borrow, bw(&r), 0, EPOLLIN), -EBADF);
	cr_assert_eq(iosafe_epoll_add(bw(&ep), none_borrow, 0, EPOLLIN), -EBADF);
	cr_assert_eq(iosafe_epoll_add(bw(&ep), closed, 0, EPOLLIN), -EBADF);
	cr_assert_eq(iosafe_epoll_add(bw(&r), bw(&w), 0, EPOLLIN), -EINVAL, "not an epoll");
	cr_assert_eq(iosafe_epoll_add(bw(&ep), bw(&ep), 0, EPOLLIN), -EINVAL, "itself");
	cr_assert_eq(iosafe_epoll_add(bw(&ep), bw(&file), 0, EPOLLIN), -EPERM, "regular file");
	cr_assert_eq(iosafe_epoll_modify(bw(&ep), bw(&r), 0, EPOLLIN), -ENOENT);
	cr_assert_eq(iosafe_epoll_delete(bw(&ep), bw(&r)), -ENOENT);
	cr_assert_eq(iosafe_epoll_add(bw(&ep), bw(&r), 0, EPOLLIN), 0);
	cr_assert_eq(iosafe_epoll_add(bw(&ep), bw(&r), 0, EPOLLIN), -EEXIST);
	cr_assert_eq(iosafe_epoll_modify(none_borrow, bw(&r), 0, EPOLLIN), -EBADF);
	cr_assert_eq(iosafe_epoll_delete(bw(&ep), none_borrow), -EBADF);
	cr_assert_eq(iosafe_epoll_wait(none_borrow, evs, 2, 0), -EBADF);
	cr_assert_eq(iosafe_epoll_wait(closed, evs, 2, 0), -EBADF);
	cr_assert_eq(iosafe_epoll_wait(bw(&ep), NULL, 2, 0), -EINVAL);
	cr_assert_eq(iosafe_epoll_wait(bw(&ep), evs, 0, 0), -EINVAL);
	cr_assert_eq(iosafe_epoll_wait(bw(&r), evs, 2, 0), -EINVAL, "not an epoll");
	cr_assert_eq(iosafe_epoll_delete(bw(&ep), bw(&r)), 0);
	cr_assert_eq(iosafe_fd_close(&file), 0);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
	cr_assert_eq(iosafe_fd_close(&ep), 0);
}

/* What the doc warns about: a registration outlives the close of the number
 * while a duplicate keeps the open file description alive (epoll(7) Q6). */
NOLEAK_TEST(event, epoll_registration_outlives_close_of_a_dup)
{
	iosafe_owned_fd ep = IOSAFE_FD_NONE, r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	iosafe_owned_fd r2 = IOSAFE_FD_NONE;
	struct epoll_event evs[2];
	int old;

	cr_assert_eq(iosafe_epoll_create(&ep, 0), 0);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_dup(&r2, bw(&r)), 0);
	cr_assert_eq(iosafe_epoll_add(bw(&ep), bw(&r), 99, EPOLLIN), 0);
	old = r.raw;
	cr_assert_eq(iosafe_fd_close(&r), 0); /* no delete first */
	cr_assert_eq(iosafe_write(bw(&w), "x", 1), 1);
	cr_assert_eq(iosafe_epoll_wait(bw(&ep), evs, 2, 1000), 1, "still registered");
	cr_assert_eq(evs[0].data.u64, 99);
	/* The closed number can no longer name it: deleting it fails. */
	cr_assert_eq(iosafe_epoll_delete(bw(&ep), iosafe_fd_borrow_raw(old)), -EBADF);
	cr_assert_eq(iosafe_fd_close(&r2), 0);
	cr_assert_eq(iosafe_epoll_wait(bw(&ep), evs, 2, 0), 0, "gone with the last dup");
	cr_assert_eq(iosafe_fd_close(&w), 0);
	cr_assert_eq(iosafe_fd_close(&ep), 0);
}

NOLEAK_TEST(event, epoll_wait_eintr)
{
	iosafe_owned_fd ep = IOSAFE_FD_NONE;
	struct epoll_event evs[1];
	struct sigaction old;
	int rc;

	cr_assert_eq(iosafe_epoll_create(&ep, 0), 0);
	interrupts_begin(&old);
	rc = iosafe_epoll_wait(bw(&ep), evs, 1, 5000);
	interrupts_end(&old);
	cr_assert_eq(rc, -EINTR, "rc %d", rc);
	cr_assert(alarms > 0);
	cr_assert_eq(iosafe_fd_close(&ep), 0);
}

/* ---- poll ------------------------------------------------------------------- */

NOLEAK_TEST(event, poll_pipe_and_none_entries)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	struct pollfd p[3];

	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	memset(p, 0x55, sizeof(p));
	iosafe_pollfd_init(&p[0], bw(&r), POLLIN);
	iosafe_pollfd_init(&p[1], none_borrow, POLLIN);
	iosafe_pollfd_init(&p[2], bw(&w), POLLOUT);
	cr_assert_eq(p[0].fd, r.raw);
	cr_assert_eq(p[1].fd, -1);
	cr_assert_eq(p[0].events, POLLIN);
	cr_assert_eq(p[0].revents, 0);
	cr_assert_eq(iosafe_poll(p, 2, 0), 0, "nothing to read, none ignored");
	cr_assert_eq(iosafe_poll(p, 3, 0), 1, "the write end is writable");
	cr_assert(p[2].revents & POLLOUT);
	cr_assert_eq(iosafe_write(bw(&w), "x", 1), 1);
	cr_assert_eq(iosafe_poll(p, 3, 1000), 2);
	cr_assert(p[0].revents & POLLIN);
	cr_assert_eq(p[1].revents, 0);
	cr_assert_eq(iosafe_poll(NULL, 0, 0), 0, "a sleep of 0 ms");
	cr_assert_eq(iosafe_poll(NULL, 1, 0), -EINVAL);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
}

/* Under valgrind, which preloads its vgpreload_*.so: it keeps RLIMIT_NOFILE
 * for itself (helpers.h, fd_table_fill), so the kernel never sees a lower one. */
static bool under_valgrind(void)
{
	const char *p = getenv("LD_PRELOAD");

	return p != NULL && strstr(p, "vgpreload") != NULL;
}

NOLEAK_TEST(event, poll_nfds_over_rlimit_einval)
{
	struct rlimit old, low;
	struct pollfd p[64];
	int rc;

	for (int i = 0; i < 64; i++)
		iosafe_pollfd_init(&p[i], none_borrow, POLLIN);
	cr_assert_eq(getrlimit(RLIMIT_NOFILE, &old), 0);
	low = old;
	low.rlim_cur = 32;
	cr_assert_eq(setrlimit(RLIMIT_NOFILE, &low), 0);
	rc = iosafe_poll(p, 64, 0);
	cr_assert_eq(setrlimit(RLIMIT_NOFILE, &old), 0);
	if (rc == 0 && under_valgrind())
		cr_skip_test("valgrind keeps its own RLIMIT_NOFILE (see helpers.h)");
	cr_assert_eq(rc, -EINVAL, "rc %d", rc);
}

NOLEAK_TEST(event, poll_eintr)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	struct pollfd p;
	struct sigaction old;
	int rc;

	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	iosafe_pollfd_init(&p, bw(&r), POLLIN);
	interrupts_begin(&old);
	rc = iosafe_poll(&p, 1, 5000);
	interrupts_end(&old);
	cr_assert_eq(rc, -EINTR, "rc %d", rc);
	cr_assert(alarms > 0);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
}

/* ---- eventfd ---------------------------------------------------------------- */

NOLEAK_TEST(event, eventfd_counts)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;
	uint64_t v = 0;

	cr_assert_eq(iosafe_eventfd(&fd, 3, 0), 0);
	assert_owned_cloexec(&fd);
	cr_assert_eq(iosafe_eventfd_write(bw(&fd), 5), 0);
	cr_assert_eq(iosafe_eventfd_write(bw(&fd), 0x100000000ULL), 0);
	cr_assert_eq(iosafe_eventfd_read(bw(&fd), &v), 0);
	cr_assert_eq(v, 0x100000008ULL);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	cr_assert_eq(iosafe_eventfd(&fd, 2, EFD_SEMAPHORE | EFD_NONBLOCK), 0);
	cr_assert_eq(iosafe_eventfd_read(bw(&fd), &v), 0);
	cr_assert_eq(v, 1);
	cr_assert_eq(iosafe_eventfd_read(bw(&fd), &v), 0);
	cr_assert_eq(v, 1);
	v = 77;
	cr_assert_eq(iosafe_eventfd_read(bw(&fd), &v), -EAGAIN);
	cr_assert_eq(v, 77, "unchanged on failure");
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

NOLEAK_TEST(event, eventfd_errors)
{
	iosafe_owned_fd fd = GARBAGE_OWNER, r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	uint64_t v = 9;

	cr_assert_eq(iosafe_eventfd(&fd, 0, 0x40000000), -EINVAL);
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(iosafe_eventfd(NULL, 0, 0), -EINVAL);
	cr_assert_eq(iosafe_eventfd(&fd, 0, EFD_NONBLOCK), 0);
	cr_assert_eq(iosafe_eventfd_write(bw(&fd), UINT64_MAX), -EINVAL);
	cr_assert_eq(iosafe_eventfd_write(bw(&fd), UINT64_MAX - 1), 0);
	cr_assert_eq(iosafe_eventfd_write(bw(&fd), 1), -EAGAIN, "would pass the maximum");
	cr_assert_eq(iosafe_eventfd_read(bw(&fd), NULL), -EINVAL);
	cr_assert_eq(iosafe_eventfd_read(none_borrow, &v), -EBADF);
	cr_assert_eq(iosafe_eventfd_write(none_borrow, 1), -EBADF);
	cr_assert_eq(iosafe_eventfd_read(iosafe_fd_borrow_raw(fd_not_open()), &v), -EBADF);
	/* A none borrow is -EBADF before a NULL value is -EINVAL (the
	 * contract's none and null clauses); the kernel answers the none
	 * borrow, and any negative number alike (read(2), write(2): EBADF). */
	cr_assert_eq(iosafe_eventfd_read(none_borrow, NULL), -EBADF);
	cr_assert_eq(iosafe_eventfd_read((iosafe_borrowed_fd){ .raw = -100 }, &v), -EBADF);
	cr_assert_eq(iosafe_eventfd_write((iosafe_borrowed_fd){ .raw = -100 }, 1), -EBADF);
	cr_assert_eq(v, 9);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	/* Not an eventfd: a pipe holding 3 bytes gives a short read. */
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_write(bw(&w), "abc", 3), 3);
	cr_assert_eq(iosafe_eventfd_read(bw(&r), &v), -EIO);
	cr_assert_eq(v, 9);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
}

NOLEAK_TEST(event, eventfd_emfile)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	fd_table_fill(&f, 0);
	rc = iosafe_eventfd(&fd, 0, 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&fd));
}

NOLEAK_TEST(event, eventfd_read_eintr)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	struct sigaction old;
	uint64_t v = 5;
	int rc;

	cr_assert_eq(iosafe_eventfd(&fd, 0, 0), 0);
	interrupts_begin(&old);
	rc = iosafe_eventfd_read(bw(&fd), &v);
	interrupts_end(&old);
	cr_assert_eq(rc, -EINTR, "rc %d", rc);
	cr_assert_eq(v, 5);
	cr_assert(alarms > 0);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

NOLEAK_TEST(event, eventfd_write_eintr)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	struct sigaction old;
	int rc;

	/* At the maximum, a blocking write of 1 waits for a read (eventfd(2)). */
	cr_assert_eq(iosafe_eventfd(&fd, 0, 0), 0);
	cr_assert_eq(iosafe_eventfd_write(bw(&fd), UINT64_MAX - 1), 0);
	interrupts_begin(&old);
	rc = iosafe_eventfd_write(bw(&fd), 1);
	interrupts_end(&old);
	cr_assert_eq(rc, -EINTR, "rc %d", rc);
	cr_assert(alarms > 0);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

/* ---- timerfd ---------------------------------------------------------------- */

NOLEAK_TEST(event, timerfd_expires_and_reads)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;
	struct itimerspec it = { { 0, 0 }, { 0, 1000000 } }, old, cur;
	uint64_t n = 0;

	cr_assert_eq(iosafe_timerfd_create(&fd, CLOCK_MONOTONIC, 0), 0);
	assert_owned_cloexec(&fd);
	cr_assert_eq(iosafe_timerfd_gettime(bw(&fd), &cur), 0);
	cr_assert(cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0, "disarmed");
	cr_assert_eq(iosafe_timerfd_settime(bw(&fd), 0, &it, NULL), 0);
	cr_assert_eq(iosafe_timerfd_read(bw(&fd), &n), 0);
	cr_assert_geq(n, 1);
	it.it_value.tv_sec = 100;
	it.it_interval.tv_sec = 5;
	cr_assert_eq(iosafe_timerfd_settime(bw(&fd), 0, &it, NULL), 0);
	cr_assert_eq(iosafe_timerfd_gettime(bw(&fd), &cur), 0);
	cr_assert(cur.it_value.tv_sec > 90 && cur.it_interval.tv_sec == 5);
	memset(&it, 0, sizeof(it));
	cr_assert_eq(iosafe_timerfd_settime(bw(&fd), 0, &it, &old), 0);
	cr_assert_eq(old.it_interval.tv_sec, 5, "the previous setting");
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

NOLEAK_TEST(event, timerfd_errors)
{
	iosafe_owned_fd fd = GARBAGE_OWNER, ev = IOSAFE_FD_NONE;
	struct itimerspec bad = { { 0, 0 }, { 0, 1000000000 } }, cur;
	uint64_t n = 3;

	cr_assert_eq(iosafe_timerfd_create(&fd, 12345, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(iosafe_timerfd_create(&fd, CLOCK_MONOTONIC, 0x40000000), -EINVAL);
	cr_assert_eq(iosafe_timerfd_create(NULL, CLOCK_MONOTONIC, 0), -EINVAL);
	cr_assert_eq(iosafe_timerfd_create(&fd, CLOCK_REALTIME, TFD_NONBLOCK), 0);
	cr_assert_eq(iosafe_timerfd_read(bw(&fd), &n), -EAGAIN);
	cr_assert_eq(n, 3);
	cr_assert_eq(iosafe_timerfd_read(bw(&fd), NULL), -EINVAL);
	cr_assert_eq(iosafe_timerfd_settime(bw(&fd), 0, NULL, NULL), -EINVAL);
	cr_assert_eq(iosafe_timerfd_settime(bw(&fd), 0, &bad, NULL), -EINVAL, "tv_nsec");
	cr_assert_eq(iosafe_timerfd_gettime(bw(&fd), NULL), -EINVAL);
	cr_assert_eq(iosafe_timerfd_settime(none_borrow, 0, &bad, NULL), -EBADF);
	cr_assert_eq(iosafe_timerfd_gettime(none_borrow, &cur), -EBADF);
	cr_assert_eq(iosafe_timerfd_read(none_borrow, &n), -EBADF);
	cr_assert_eq(iosafe_timerfd_read(none_borrow, NULL), -EBADF);
	cr_assert_eq(n, 3);
	cr_assert_eq(iosafe_eventfd(&ev, 0, 0), 0);
	cr_assert_eq(iosafe_timerfd_gettime(bw(&ev), &cur), -EINVAL, "not a timerfd");
	cr_assert_eq(iosafe_fd_close(&ev), 0);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

NOLEAK_TEST(event, timerfd_emfile)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	fd_table_fill(&f, 0);
	rc = iosafe_timerfd_create(&fd, CLOCK_MONOTONIC, 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&fd));
}

NOLEAK_TEST(event, timerfd_read_eintr)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	struct itimerspec it = { { 0, 0 }, { 60, 0 } };
	struct sigaction old;
	uint64_t n = 5;
	int rc;

	cr_assert_eq(iosafe_timerfd_create(&fd, CLOCK_MONOTONIC, 0), 0);
	cr_assert_eq(iosafe_timerfd_settime(bw(&fd), 0, &it, NULL), 0);
	interrupts_begin(&old);
	rc = iosafe_timerfd_read(bw(&fd), &n);
	interrupts_end(&old);
	cr_assert_eq(rc, -EINTR, "rc %d", rc);
	cr_assert_eq(n, 5);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

/* ---- signalfd --------------------------------------------------------------- */

NOLEAK_TEST(event, signalfd_reads_blocked_signals)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;
	sigset_t set, old, now;
	struct signalfd_siginfo si[4];
	ssize_t n;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	cr_assert_eq(iosafe_signals_block(&set, &old), 0);
	cr_assert_eq(pthread_sigmask(SIG_SETMASK, NULL, &now), 0);
	cr_assert(sigismember(&now, SIGUSR1) && sigismember(&now, SIGUSR2));
	sigdelset(&set, SIGUSR2);
	cr_assert_eq(iosafe_signalfd(&fd, &set, SFD_NONBLOCK), 0);
	assert_owned_cloexec(&fd);
	cr_assert_eq(iosafe_signalfd_read(bw(&fd), si, 4), -EAGAIN);
	cr_assert_eq(raise(SIGUSR1), 0);
	cr_assert_eq(raise(SIGUSR2), 0);
	n = iosafe_signalfd_read(bw(&fd), si, 4);
	cr_assert_eq(n, 1, "only SIGUSR1 is in the mask, n %zd", n);
	cr_assert_eq(si[0].ssi_signo, (uint32_t)SIGUSR1);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	cr_assert_eq(iosafe_signalfd_set_mask(bw(&fd), &set), 0);
	n = iosafe_signalfd_read(bw(&fd), si, 4);
	cr_assert_eq(n, 1, "the pending SIGUSR2, n %zd", n);
	cr_assert_eq(si[0].ssi_signo, (uint32_t)SIGUSR2);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	cr_assert_eq(pthread_sigmask(SIG_SETMASK, &old, NULL), 0);
}

NOLEAK_TEST(event, signalfd_errors)
{
	iosafe_owned_fd fd = GARBAGE_OWNER, ev = IOSAFE_FD_NONE;
	sigset_t set;
	struct signalfd_siginfo si[1];

	sigemptyset(&set);
	cr_assert_eq(iosafe_signalfd(&fd, NULL, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(iosafe_signalfd(&fd, &set, 0x40000000), -EINVAL);
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(iosafe_signalfd(NULL, &set, 0), -EINVAL);
	cr_assert_eq(iosafe_signals_block(NULL, NULL), -EINVAL);
	cr_assert_eq(iosafe_signalfd(&fd, &set, 0), 0);
	cr_assert_eq(iosafe_signalfd_read(bw(&fd), NULL, 1), -EINVAL);
	cr_assert_eq(iosafe_signalfd_read(bw(&fd), si, 0), -EINVAL);
	cr_assert_eq(iosafe_signalfd_read(bw(&fd), si, IOSAFE_SIGNALFD_READ_MAX + 1), -EINVAL);
	cr_assert_eq(iosafe_signalfd_set_mask(bw(&fd), NULL), -EINVAL);
	cr_assert_eq(iosafe_signalfd_set_mask(none_borrow, &set), -EBADF);
	cr_assert_eq(iosafe_signalfd_read(none_borrow, si, 1), -EBADF);
	cr_assert_eq(iosafe_eventfd(&ev, 0, 0), 0);
	cr_assert_eq(iosafe_signalfd_set_mask(bw(&ev), &set), -EINVAL, "not a signalfd");
	cr_assert_eq(iosafe_fd_close(&ev), 0);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

NOLEAK_TEST(event, signalfd_emfile)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;
	struct fd_filler f;
	sigset_t set;
	int rc;

	sigemptyset(&set);
	fd_table_fill(&f, 0);
	rc = iosafe_signalfd(&fd, &set, 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&fd));
}

NOLEAK_TEST(event, signalfd_read_eintr)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	sigset_t set, old;
	struct signalfd_siginfo si[1];
	struct sigaction oldsa;
	ssize_t n;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	cr_assert_eq(iosafe_signals_block(&set, &old), 0);
	cr_assert_eq(iosafe_signalfd(&fd, &set, 0), 0);
	interrupts_begin(&oldsa); /* SIGALRM is not blocked: its handler interrupts */
	n = iosafe_signalfd_read(bw(&fd), si, 1);
	interrupts_end(&oldsa);
	cr_assert_eq(n, -EINTR, "n %zd", n);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	cr_assert_eq(pthread_sigmask(SIG_SETMASK, &old, NULL), 0);
}

/* ---- inotify ---------------------------------------------------------------- */

NOLEAK_TEST(event, inotify_watch_read_parse)
{
	char dir[64], path[128];
	iosafe_owned_fd in = GARBAGE_OWNER, f = IOSAFE_FD_NONE;
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event *ev;
	size_t pos = 0;
	ssize_t len;
	int wd, seen_create = 0, seen_ignored = 0;

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/f", dir);
	cr_assert_eq(iosafe_inotify_init(&in, IN_NONBLOCK), 0);
	assert_owned_cloexec(&in);
	wd = iosafe_inotify_add_watch(bw(&in), dir, IN_CREATE);
	cr_assert_geq(wd, 0);
	cr_assert_eq(iosafe_read(bw(&in), buf, sizeof(buf)), -EAGAIN);
	cr_assert_eq(iosafe_open(&f, path, O_WRONLY | O_CREAT, 0600), 0);
	cr_assert_eq(iosafe_fd_close(&f), 0);
	cr_assert_eq(iosafe_inotify_rm_watch(bw(&in), wd), 0);
	len = iosafe_read(bw(&in), buf, sizeof(buf));
	cr_assert_gt(len, 0);
	while (iosafe_inotify_next(buf, (size_t)len, &pos, &ev) == 1) {
		cr_assert_eq(ev->wd, wd);
		if (ev->mask & IN_CREATE) {
			cr_assert_str_eq(ev->name, "f");
			seen_create++;
		}
		if (ev->mask & IN_IGNORED)
			seen_ignored++;
	}
	cr_assert_eq(pos, (size_t)len, "every byte parsed");
	cr_assert_eq(seen_create, 1);
	cr_assert_eq(seen_ignored, 1, "rm_watch queues IN_IGNORED");
	cr_assert_eq(iosafe_inotify_rm_watch(bw(&in), wd), -EINVAL, "already removed");
	cr_assert_eq(iosafe_fd_close(&in), 0);
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(event, inotify_errors)
{
	iosafe_owned_fd in = GARBAGE_OWNER;

	cr_assert_eq(iosafe_inotify_init(&in, 0x40000000), -EINVAL);
	cr_assert(iosafe_fd_is_none(&in));
	cr_assert_eq(iosafe_inotify_init(NULL, 0), -EINVAL);
	cr_assert_eq(iosafe_inotify_init(&in, 0), 0);
	cr_assert_eq(iosafe_inotify_add_watch(bw(&in), "/nonexistent/iosafe", IN_CREATE), -ENOENT);
	cr_assert_eq(iosafe_inotify_add_watch(bw(&in), NULL, IN_CREATE), -EINVAL);
	cr_assert_eq(iosafe_inotify_add_watch(bw(&in), "/tmp", 0), -EINVAL, "no event");
	cr_assert_eq(iosafe_inotify_add_watch(none_borrow, "/tmp", IN_CREATE), -EBADF);
	cr_assert_eq(iosafe_inotify_rm_watch(none_borrow, 1), -EBADF);
	cr_assert_eq(iosafe_inotify_rm_watch(bw(&in), 12345), -EINVAL);
	cr_assert_eq(iosafe_fd_close(&in), 0);
}

NOLEAK_TEST(event, inotify_emfile)
{
	iosafe_owned_fd in = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	fd_table_fill(&f, 0);
	rc = iosafe_inotify_init(&in, 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&in));
}

/* A record at @off of @buf: header fields, then @name padded to @name_len. */
static size_t put_record(char *buf, size_t off, int wd, uint32_t name_len, const char *name)
{
	struct inotify_event h = { .wd = wd, .mask = IN_CREATE, .cookie = 0, .len = name_len };

	memcpy(buf + off, &h, sizeof(h));
	if (name != NULL)
		memcpy(buf + off + sizeof(h), name, strlen(name) + 1);
	return off + sizeof(h) + name_len;
}

NOLEAK_TEST(event, inotify_next_bounds)
{
	char buf[256] __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event *ev = (const struct inotify_event *)buf;
	size_t pos, end;

	memset(buf, 0, sizeof(buf));
	end = put_record(buf, 0, 1, 16, "abc");
	end = put_record(buf, end, 2, 0, NULL);
	pos = 0;
	cr_assert_eq(iosafe_inotify_next(buf, end, &pos, &ev), 1);
	cr_assert_eq(ev->wd, 1);
	cr_assert_str_eq(ev->name, "abc");
	cr_assert_eq(pos, 32);
	cr_assert_eq(iosafe_inotify_next(buf, end, &pos, &ev), 1);
	cr_assert_eq(ev->wd, 2);
	cr_assert_eq(pos, end);
	cr_assert_eq(iosafe_inotify_next(buf, end, &pos, &ev), 0);
	cr_assert_null(ev);
	/* A header cut short. */
	pos = 0;
	cr_assert_eq(iosafe_inotify_next(buf, 10, &pos, &ev), -EBADMSG);
	cr_assert_eq(pos, 0);
	cr_assert_null(ev);
	/* A name longer than what is left. */
	cr_assert_eq(iosafe_inotify_next(buf, 31, &pos, &ev), -EBADMSG);
	put_record(buf, 0, 1, 0xfffffff0u, NULL);
	cr_assert_eq(iosafe_inotify_next(buf, sizeof(buf), &pos, &ev), -EBADMSG, "huge len");
	cr_assert_eq(pos, 0);
	/* Misaligned, past the end, NULL arguments. */
	pos = 2;
	cr_assert_eq(iosafe_inotify_next(buf, sizeof(buf), &pos, &ev), -EBADMSG);
	pos = sizeof(buf) + 1;
	cr_assert_eq(iosafe_inotify_next(buf, sizeof(buf), &pos, &ev), -EINVAL);
	pos = 0;
	cr_assert_eq(iosafe_inotify_next(NULL, 16, &pos, &ev), -EINVAL);
	cr_assert_eq(iosafe_inotify_next(buf, 16, NULL, &ev), -EINVAL);
	cr_assert_eq(iosafe_inotify_next(buf, 16, &pos, NULL), -EINVAL);
	cr_assert_eq(iosafe_inotify_next(buf, 0, &pos, &ev), 0, "empty buffer");
}

/* ---- fanotify ------------------------------------------------------------------- */

/* fanotify_init, or skip the test when the kernel refuses it for want of
 * CAP_SYS_ADMIN (EPERM); any other failure fails the test. */
static void fanotify_or_skip(iosafe_owned_fd *fan, unsigned int flags)
{
	int rc = iosafe_fanotify_init(fan, flags, O_RDONLY);

	if (rc == -EPERM)
		cr_skip_test("fanotify_init needs CAP_SYS_ADMIN, which this process lacks (EPERM)");
	cr_assert_eq(rc, 0, "rc %d (%s)", rc, strerror(-rc));
	assert_owned_cloexec(fan);
}

NOLEAK_TEST(event, fanotify_event_fd_taken_owned)
{
	char dir[64], path[128];
	iosafe_owned_fd fan = IOSAFE_FD_NONE, f = IOSAFE_FD_NONE, efd = GARBAGE_OWNER;
	iosafe_owned_fd again = GARBAGE_OWNER;
	char buf[4096] __attribute__((aligned(8)));
	struct fanotify_event_metadata *m;
	ssize_t len;
	int got = 0;

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/f", dir);
	cr_assert_eq(iosafe_open(&f, path, O_WRONLY | O_CREAT, 0600), 0);
	cr_assert_eq(iosafe_fd_close(&f), 0);
	fanotify_or_skip(&fan, FAN_CLASS_NOTIF | FAN_NONBLOCK);
	cr_assert_eq(iosafe_fanotify_mark(bw(&fan), FAN_MARK_ADD, FAN_CLOSE_WRITE, iosafe_cwd(),
					  path), 0);
	cr_assert_eq(iosafe_open(&f, path, O_WRONLY, 0), 0);
	cr_assert_eq(iosafe_fd_close(&f), 0);
	len = iosafe_read(bw(&fan), buf, sizeof(buf));
	cr_assert_gt(len, 0, "len %zd", len);
	for (m = (struct fanotify_event_metadata *)buf; FAN_EVENT_OK(m, len);
	     m = FAN_EVENT_NEXT(m, len)) {
		cr_assert(m->mask & FAN_CLOSE_WRITE);
		cr_assert_eq(iosafe_fanotify_event_take_fd(&efd, m), 0);
		assert_owned_cloexec(&efd);
		cr_assert_eq(m->fd, FAN_NOFD, "the event no longer holds it");
		cr_assert_eq(iosafe_fanotify_event_take_fd(&again, m), -ENOENT);
		cr_assert(iosafe_fd_is_none(&again), "none after a failed take");
		cr_assert_eq(iosafe_fd_close(&efd), 0);
		got++;
	}
	cr_assert_eq(got, 1);
	cr_assert_eq(iosafe_fanotify_mark(none_borrow, FAN_MARK_ADD, FAN_CLOSE_WRITE,
					  iosafe_cwd(), path), -EBADF);
	cr_assert_eq(iosafe_fanotify_mark(bw(&fan), FAN_MARK_ADD, FAN_CLOSE_WRITE, iosafe_cwd(),
					  "/nonexistent/iosafe"), -ENOENT);
	cr_assert_eq(iosafe_fd_close(&fan), 0);
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(event, fanotify_permission_event_respond)
{
	char dir[64], path[128];
	iosafe_owned_fd fan = IOSAFE_FD_NONE, f = IOSAFE_FD_NONE, efd = IOSAFE_FD_NONE;
	char buf[4096] __attribute__((aligned(8)));
	struct fanotify_event_metadata *m = (struct fanotify_event_metadata *)buf;
	ssize_t len;
	pid_t pid;
	int status;

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/f", dir);
	cr_assert_eq(iosafe_open(&f, path, O_WRONLY | O_CREAT, 0600), 0);
	cr_assert_eq(iosafe_fd_close(&f), 0);
	fanotify_or_skip(&fan, FAN_CLASS_CONTENT);
	cr_assert_eq(iosafe_fanotify_mark(bw(&fan), FAN_MARK_ADD, FAN_OPEN_PERM, iosafe_cwd(),
					  path), 0);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		/* Blocks in open(2) until the parent answers. */
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		int ok = fd >= 0;

		/* The child closes what it holds (valgrind --track-fds follows it). */
		if (ok)
			close(fd);
		close(fan.raw);
		_exit(ok ? 0 : 1);
	}
	len = iosafe_read(bw(&fan), buf, sizeof(buf));
	cr_assert_geq(len, (ssize_t)sizeof(*m));
	cr_assert(m->mask & FAN_OPEN_PERM);
	cr_assert_eq(iosafe_fanotify_event_take_fd(&efd, m), 0);
	cr_assert_eq(iosafe_fanotify_respond(none_borrow, bw(&efd), FAN_ALLOW), -EBADF);
	cr_assert_eq(iosafe_fanotify_respond(bw(&fan), none_borrow, FAN_ALLOW), -EBADF);
	cr_assert_eq(iosafe_fanotify_respond(bw(&fan), bw(&efd), FAN_ALLOW), 0);
	cr_assert_eq(iosafe_fanotify_respond(bw(&fan), bw(&efd), FAN_ALLOW), -ENOENT,
		     "answered already");
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the open was allowed");
	cr_assert_eq(iosafe_fd_close(&efd), 0);
	cr_assert_eq(iosafe_fd_close(&fan), 0);
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(event, fanotify_init_errors_and_emfile)
{
	iosafe_owned_fd fan = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	cr_assert_eq(iosafe_fanotify_init(NULL, 0, O_RDONLY), -EINVAL);
	fanotify_or_skip(&fan, FAN_CLASS_NOTIF);
	cr_assert_eq(iosafe_fd_close(&fan), 0);
	fan.raw = 4242;
	cr_assert_eq(iosafe_fanotify_init(&fan, 0x80000000u, O_RDONLY), -EINVAL);
	cr_assert(iosafe_fd_is_none(&fan));
	fd_table_fill(&f, 0);
	rc = iosafe_fanotify_init(&fan, FAN_CLASS_NOTIF, O_RDONLY);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&fan));
}

/* take_fd's answers for the values an event's fd can hold without a file. */
NOLEAK_TEST(event, fanotify_take_fd_without_a_file)
{
	struct fanotify_event_metadata m;
	iosafe_owned_fd out = GARBAGE_OWNER;

	memset(&m, 0, sizeof(m));
	m.fd = FAN_NOFD;
	cr_assert_eq(iosafe_fanotify_event_take_fd(&out, &m), -ENOENT);
	cr_assert(iosafe_fd_is_none(&out));
	m.fd = -EACCES; /* FAN_REPORT_FD_ERROR: the open's error */
	cr_assert_eq(iosafe_fanotify_event_take_fd(&out, &m), -EACCES);
	cr_assert_eq(m.fd, FAN_NOFD);
	m.fd = -5000;
	cr_assert_eq(iosafe_fanotify_event_take_fd(&out, &m), -EBADMSG);
	cr_assert_eq(iosafe_fanotify_event_take_fd(NULL, &m), -EINVAL);
	cr_assert_eq(iosafe_fanotify_event_take_fd(&out, NULL), -EINVAL);
}
