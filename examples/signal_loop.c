/* SPDX-License-Identifier: MIT */
/*
 * signal_loop: an event loop on one epoll instance, written with iosafe:
 * signals through a signalfd, a periodic timerfd and an eventfd wake-up.
 *
 *   signal_loop               run until SIGTERM or SIGINT, printing each
 *                             timer tick and each SIGUSR1
 *   signal_loop --self-test   wake itself through the eventfd, take one
 *                             timer tick, raise SIGUSR1 and then SIGTERM at
 *                             itself, and check that each arrived, in the
 *                             loop, as an event
 *
 * The order matters: the signals are blocked first (iosafe_signals_block),
 * then the signalfd is made.  A signal that is not blocked is delivered the
 * usual way (SIGTERM's default action ends the process) and the signalfd
 * never sees it (signalfd(2)).  Every descriptor is owned by an
 * iosafe_auto_fd, deleted from the epoll instance before it is closed
 * (epoll(7): a duplicate would keep its registration), and close-on-exec.
 */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <iosafe/iosafe.h>

enum { EV_SIGNAL = 1, EV_TIMER = 2, EV_WAKE = 3 };

struct loop_counts {
	int ticks, usr1, wakes;
};

/* Handle one ready source; 1 when the loop should stop (SIGTERM, SIGINT),
 * 0 to go on, or a negative errno. */
static int handle(uint64_t what, iosafe_borrowed_fd sfd, iosafe_borrowed_fd tfd,
		  iosafe_borrowed_fd efd, struct loop_counts *c, int quiet)
{
	struct signalfd_siginfo si[4];
	uint64_t n = 0;
	ssize_t got;
	int rc;

	switch (what) {
	case EV_SIGNAL:
		got = iosafe_signalfd_read(sfd, si, 4);
		if (got < 0)
			return (int)got;
		for (ssize_t i = 0; i < got; i++) {
			if (si[i].ssi_signo == SIGUSR1) {
				c->usr1++;
				if (!quiet)
					printf("signal_loop: SIGUSR1\n");
			} else {
				return 1; /* SIGTERM or SIGINT */
			}
		}
		return 0;
	case EV_TIMER:
		rc = iosafe_timerfd_read(tfd, &n);
		if (rc < 0)
			return rc;
		c->ticks += (int)n;
		if (!quiet)
			printf("signal_loop: tick (%d)\n", c->ticks);
		return 0;
	case EV_WAKE:
		rc = iosafe_eventfd_read(efd, &n);
		if (rc < 0)
			return rc;
		c->wakes += (int)n;
		return 0;
	default:
		return -EINVAL;
	}
}

static int run(int self_test)
{
	iosafe_auto_fd ep = IOSAFE_FD_NONE, sfd = IOSAFE_FD_NONE, tfd = IOSAFE_FD_NONE,
		       efd = IOSAFE_FD_NONE;
	struct itimerspec every = { { 0, 20 * 1000 * 1000 }, { 0, 20 * 1000 * 1000 } };
	struct loop_counts c = { 0, 0, 0 };
	struct epoll_event evs[8];
	sigset_t set;
	int rc, stop = 0;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGUSR1);
	/* First block, then make the signalfd (see the head of this file). */
	if ((rc = iosafe_signals_block(&set, NULL)) < 0 ||
	    (rc = iosafe_signalfd(&sfd, &set, 0)) < 0 ||
	    (rc = iosafe_timerfd_create(&tfd, CLOCK_MONOTONIC, 0)) < 0 ||
	    (rc = iosafe_eventfd(&efd, 0, 0)) < 0 || (rc = iosafe_epoll_create(&ep, 0)) < 0)
		goto out;
	if ((rc = iosafe_epoll_add(iosafe_fd_borrow(&ep), iosafe_fd_borrow(&sfd), EV_SIGNAL,
				   EPOLLIN)) < 0 ||
	    (rc = iosafe_epoll_add(iosafe_fd_borrow(&ep), iosafe_fd_borrow(&tfd), EV_TIMER,
				   EPOLLIN)) < 0 ||
	    (rc = iosafe_epoll_add(iosafe_fd_borrow(&ep), iosafe_fd_borrow(&efd), EV_WAKE,
				   EPOLLIN)) < 0 ||
	    (rc = iosafe_timerfd_settime(iosafe_fd_borrow(&tfd), 0, &every, NULL)) < 0)
		goto out;
	if (self_test && (rc = iosafe_eventfd_write(iosafe_fd_borrow(&efd), 1)) < 0)
		goto out;
	while (!stop) {
		int n = iosafe_epoll_wait(iosafe_fd_borrow(&ep), evs, 8, 5000);

		if (n == -EINTR)
			continue;
		if (n <= 0) {
			rc = n < 0 ? n : -ETIMEDOUT;
			goto out;
		}
		for (int i = 0; i < n && !stop; i++) {
			rc = handle(evs[i].data.u64, iosafe_fd_borrow(&sfd), iosafe_fd_borrow(&tfd),
				    iosafe_fd_borrow(&efd), &c, self_test);
			if (rc < 0)
				goto out;
			stop = rc;
		}
		/* The self-test's script: after the wake-up and a tick, SIGUSR1;
		 * after SIGUSR1, SIGTERM. */
		if (self_test && !stop && c.wakes > 0 && c.ticks > 0 && c.usr1 == 0 &&
		    raise(SIGUSR1) != 0) {
			rc = -EIO;
			goto out;
		}
		if (self_test && !stop && c.usr1 > 0 && raise(SIGTERM) != 0) {
			rc = -EIO;
			goto out;
		}
	}
	rc = 0;
	if (self_test && (c.wakes != 1 || c.ticks < 1 || c.usr1 != 1))
		rc = -EPROTO;
out:
	/* Delete before close: epoll(7). */
	iosafe_epoll_delete(iosafe_fd_borrow(&ep), iosafe_fd_borrow(&sfd));
	iosafe_epoll_delete(iosafe_fd_borrow(&ep), iosafe_fd_borrow(&tfd));
	iosafe_epoll_delete(iosafe_fd_borrow(&ep), iosafe_fd_borrow(&efd));
	return rc;
}

int main(int argc, char **argv)
{
	int self_test = argc > 1 && strcmp(argv[1], "--self-test") == 0;
	int rc = run(self_test);

	if (rc < 0) {
		fprintf(stderr, "signal_loop: %s\n", strerror(-rc));
		return 1;
	}
	if (self_test)
		printf("signal_loop: self-test passed (wake-up, timer tick, SIGUSR1, SIGTERM)\n");
	return 0;
}
