/* SPDX-License-Identifier: MIT */
/*
 * tests/faults/inject_event.h: the cases of include/iosafe/event.h for
 * tests/faults/inject.c (included there; IOSAFE_EVENT_CASES goes into its
 * table): each acquisition must leave *out none and pass the injected
 * errno on, each use must pass it on.
 */
#include <signal.h>

/* An acquisition's promises: 0 and an fd, or the error and *out none. */
#define EVENT_ACQ_KEPT(o, out) (((o).result == 0) == ((out).raw >= 0))

static struct outcome case_epoll_create(void)
{
	iosafe_owned_fd out = { 77 };
	struct outcome o;

	o.result = iosafe_epoll_create(&out, 0);
	o.kept = EVENT_ACQ_KEPT(o, out);
	return o;
}

static struct outcome case_eventfd(void)
{
	iosafe_owned_fd out = { 77 };
	struct outcome o;

	o.result = iosafe_eventfd(&out, 0, 0);
	o.kept = EVENT_ACQ_KEPT(o, out);
	return o;
}

static struct outcome case_timerfd_create(void)
{
	iosafe_owned_fd out = { 77 };
	struct outcome o;

	o.result = iosafe_timerfd_create(&out, CLOCK_MONOTONIC, 0);
	o.kept = EVENT_ACQ_KEPT(o, out);
	return o;
}

static struct outcome case_signalfd(void)
{
	iosafe_owned_fd out = { 77 };
	sigset_t set;
	struct outcome o;

	sigemptyset(&set);
	o.result = iosafe_signalfd(&out, &set, 0);
	o.kept = EVENT_ACQ_KEPT(o, out);
	return o;
}

static struct outcome case_inotify_init(void)
{
	iosafe_owned_fd out = { 77 };
	struct outcome o;

	o.result = iosafe_inotify_init(&out, 0);
	o.kept = EVENT_ACQ_KEPT(o, out);
	return o;
}

static struct outcome case_fanotify_init(void)
{
	iosafe_owned_fd out = { 77 };
	struct outcome o;

	o.result = iosafe_fanotify_init(&out, FAN_CLASS_NOTIF, O_RDONLY);
	o.kept = EVENT_ACQ_KEPT(o, out);
	return o;
}

static struct outcome case_epoll_wait(void)
{
	iosafe_owned_fd ep = IOSAFE_FD_NONE;
	struct epoll_event ev;
	struct outcome o = { -9999, false };

	if (iosafe_epoll_create(&ep, 0) != 0)
		return o;
	o.result = iosafe_epoll_wait(iosafe_fd_borrow(&ep), &ev, 1, 0);
	o.kept = iosafe_fd_close(&ep) == 0;
	return o;
}

static struct outcome case_poll(void)
{
	struct outcome o;

	o.result = iosafe_poll(NULL, 0, 0);
	o.kept = true;
	return o;
}

static struct outcome case_eventfd_read(void)
{
	iosafe_owned_fd e = IOSAFE_FD_NONE;
	uint64_t v = 42;
	struct outcome o = { -9999, false };

	if (iosafe_eventfd(&e, 3, 0) != 0)
		return o;
	o.result = iosafe_eventfd_read(iosafe_fd_borrow(&e), &v);
	/* *value unchanged on failure. */
	o.kept = (o.result == 0 ? v == 3 : v == 42) && iosafe_fd_close(&e) == 0;
	return o;
}

static struct outcome case_signalfd_read(void)
{
	iosafe_owned_fd s = IOSAFE_FD_NONE;
	struct signalfd_siginfo si;
	sigset_t set;
	struct outcome o = { -9999, false };

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	if (iosafe_signals_block(&set, NULL) != 0 || iosafe_signalfd(&s, &set, 0) != 0 ||
	    raise(SIGUSR1) != 0)
		return o;
	o.result = iosafe_signalfd_read(iosafe_fd_borrow(&s), &si, 1);
	if (o.result == 1)
		o.result = 0; /* one record: the control's success */
	o.kept = iosafe_fd_close(&s) == 0;
	return o;
}

#define IOSAFE_EVENT_CASES                                                            \
	{ "epoll_create", case_epoll_create }, { "eventfd", case_eventfd },           \
	{ "timerfd_create", case_timerfd_create }, { "signalfd", case_signalfd },     \
	{ "inotify_init", case_inotify_init }, { "fanotify_init", case_fanotify_init }, \
	{ "epoll_wait", case_epoll_wait }, { "poll", case_poll },                     \
	{ "eventfd_read", case_eventfd_read }, { "signalfd_read", case_signalfd_read },
