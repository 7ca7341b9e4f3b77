/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_mq.c: include/iosafe/mq.h on real queues in the mqueue
 * file system, each named after the test's pid and removed by the test.
 * Every test compares the descriptor table before and after (NOLEAK_TEST,
 * helpers.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "iosafe/iosafe.h"
#include "helpers.h"

static iosafe_borrowed_fd bw(const iosafe_owned_fd *fd)
{
	return iosafe_fd_borrow(fd);
}

static void qname(char *buf, size_t n, const char *what)
{
	snprintf(buf, n, "/iosafe-test-%ld-%s", (long)getpid(), what);
}

/* A queue of 4 messages of 64 bytes at most, opened read-write. */
static void small_queue(iosafe_owned_fd *q, const char *name, int extra)
{
	struct mq_attr a;
	int rc;

	memset(&a, 0, sizeof(a));
	a.mq_maxmsg = 4;
	a.mq_msgsize = 64;
	rc = iosafe_mq_open(q, name, O_RDWR | O_CREAT | O_EXCL | extra, 0600, &a);
	if (rc == -ENOSYS)
		cr_skip_test("no POSIX message queues in this kernel");
	cr_assert_eq(rc, 0, "mq_open %s: %d (%s)", name, rc, strerror(-rc));
}

NOLEAK_TEST(mq, open_send_receive_priorities_cloexec)
{
	iosafe_owned_fd q = IOSAFE_FD_NONE, q2 = IOSAFE_FD_NONE;
	char name[64], buf[64];
	unsigned prio = 0;
	struct mq_attr a;
	ssize_t n;

	qname(name, sizeof(name), "basic");
	small_queue(&q, name, 0);
	/* What this kernel does: the queue descriptor is close-on-exec
	 * although oflag did not ask for it. */
	cr_assert(fd_is_cloexec(q.raw), "mq descriptor inherited across exec");
	cr_assert_eq(iosafe_mq_send(bw(&q), "low", 3, 1), 0);
	cr_assert_eq(iosafe_mq_send(bw(&q), "high", 4, 9), 0);
	cr_assert_eq(iosafe_mq_send(bw(&q), NULL, 0, 0), 0);
	cr_assert_eq(iosafe_mq_getattr(bw(&q), &a), 0);
	cr_assert(a.mq_maxmsg == 4 && a.mq_msgsize == 64 && a.mq_curmsgs == 3);
	n = iosafe_mq_receive(bw(&q), buf, sizeof(buf), &prio);
	cr_assert_eq(n, 4);
	cr_assert_eq(prio, 9);
	cr_assert_eq(memcmp(buf, "high", 4), 0);
	n = iosafe_mq_receive(bw(&q), buf, sizeof(buf), NULL);
	cr_assert_eq(n, 3);
	n = iosafe_mq_receive(bw(&q), buf, sizeof(buf), &prio);
	cr_assert_eq(n, 0);
	/* A second descriptor on the same queue, by name. */
	cr_assert_eq(iosafe_mq_open(&q2, name, O_WRONLY, 0, NULL), 0);
	cr_assert(fd_is_cloexec(q2.raw));
	cr_assert_eq(iosafe_mq_send(bw(&q2), "x", 1, 0), 0);
	cr_assert_eq(iosafe_mq_receive(bw(&q2), buf, sizeof(buf), NULL), -EBADF);
	cr_assert_eq(iosafe_mq_receive(bw(&q), buf, sizeof(buf), NULL), 1);
	/* Unlinked: the name is gone, the descriptors still work. */
	cr_assert_eq(iosafe_fd_close(&q2), 0);
	cr_assert_eq(iosafe_mq_unlink(name), 0);
	cr_assert_eq(iosafe_mq_open(&q2, name, O_RDONLY, 0, NULL), -ENOENT);
	cr_assert(iosafe_fd_is_none(&q2));
	cr_assert_eq(iosafe_mq_send(bw(&q), "y", 1, 0), 0);
	cr_assert_eq(iosafe_mq_receive(bw(&q), buf, sizeof(buf), NULL), 1);
	cr_assert_eq(iosafe_mq_unlink(name), -ENOENT);
	cr_assert_eq(iosafe_fd_close(&q), 0);
}

NOLEAK_TEST(mq, full_empty_sizes_and_timeouts)
{
	iosafe_owned_fd q = IOSAFE_FD_NONE;
	char name[64], buf[64], big[65];
	struct mq_attr nb, old;
	struct timespec past = { 0, 0 }, bad = { 0, 1000000000L };
	int i;

	qname(name, sizeof(name), "limits");
	small_queue(&q, name, O_NONBLOCK);
	cr_assert_eq(iosafe_mq_unlink(name), 0);
	memset(big, 'b', sizeof(big));
	cr_assert_eq(iosafe_mq_send(bw(&q), big, sizeof(big), 0), -EMSGSIZE);
	cr_assert_eq(iosafe_mq_send(bw(&q), "m", 1, 32768), -EINVAL);
	cr_assert_eq(iosafe_mq_receive(bw(&q), buf, sizeof(buf), NULL), -EAGAIN);
	for (i = 0; i < 4; i++)
		cr_assert_eq(iosafe_mq_send(bw(&q), "m", 1, 0), 0);
	cr_assert_eq(iosafe_mq_send(bw(&q), "m", 1, 0), -EAGAIN);
	/* A buffer below mq_msgsize: EMSGSIZE, and the message stays. */
	cr_assert_eq(iosafe_mq_receive(bw(&q), buf, 63, NULL), -EMSGSIZE);
	/* Blocking again: a full queue and a deadline in the past. */
	memset(&nb, 0, sizeof(nb));
	cr_assert_eq(iosafe_mq_setattr(bw(&q), &nb, &old), 0);
	cr_assert_eq(old.mq_flags, O_NONBLOCK);
	cr_assert_eq(old.mq_curmsgs, 4);
	cr_assert_eq(iosafe_mq_timedsend(bw(&q), "m", 1, 0, &past), -ETIMEDOUT);
	cr_assert_eq(iosafe_mq_timedsend(bw(&q), "m", 1, 0, &bad), -EINVAL);
	for (i = 0; i < 4; i++)
		cr_assert_eq(iosafe_mq_timedreceive(bw(&q), buf, sizeof(buf), NULL, &past), 1);
	cr_assert_eq(iosafe_mq_timedreceive(bw(&q), buf, sizeof(buf), NULL, &past), -ETIMEDOUT);
	cr_assert_eq(iosafe_mq_setattr(bw(&q), &nb, NULL), 0);
	nb.mq_flags = 0x1000000;
	cr_assert_eq(iosafe_mq_setattr(bw(&q), &nb, NULL), -EINVAL);
	cr_assert_eq(iosafe_fd_close(&q), 0);
}

NOLEAK_TEST(mq, poll_and_notify)
{
	iosafe_owned_fd q = IOSAFE_FD_NONE;
	char name[64], buf[64];
	struct sigevent sev;
	struct pollfd p;
	sigset_t set, oldset;
	siginfo_t si;
	struct timespec wait = { 5, 0 };

	qname(name, sizeof(name), "notify");
	small_queue(&q, name, 0);
	cr_assert_eq(iosafe_mq_unlink(name), 0);
	/* A queue descriptor is a file descriptor: poll works on it. */
	p.fd = q.raw;
	p.events = POLLIN;
	cr_assert_eq(poll(&p, 1, 0), 0);
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_THREAD;
	cr_assert_eq(iosafe_mq_notify(bw(&q), &sev), -EINVAL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	cr_assert_eq(sigprocmask(SIG_BLOCK, &set, &oldset), 0);
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGUSR1;
	sev.sigev_value.sival_int = 42;
	cr_assert_eq(iosafe_mq_notify(bw(&q), &sev), 0);
	cr_assert_eq(iosafe_mq_send(bw(&q), "n", 1, 0), 0);
	cr_assert_eq(sigtimedwait(&set, &si, &wait), SIGUSR1);
	cr_assert_eq(si.si_code, SI_MESGQ);
	cr_assert_eq(si.si_value.sival_int, 42);
	cr_assert_eq(sigprocmask(SIG_SETMASK, &oldset, NULL), 0);
	cr_assert_eq(poll(&p, 1, 0), 1);
	cr_assert_eq(iosafe_mq_receive(bw(&q), buf, sizeof(buf), NULL), 1);
	/* Register and cancel. */
	sev.sigev_notify = SIGEV_NONE;
	cr_assert_eq(iosafe_mq_notify(bw(&q), &sev), 0);
	cr_assert_eq(iosafe_mq_notify(bw(&q), NULL), 0);
	cr_assert_eq(iosafe_fd_close(&q), 0);
}

NOLEAK_TEST(mq, bad_input_loses_nothing)
{
	iosafe_owned_fd q = { 9 }, none = IOSAFE_FD_NONE, f = IOSAFE_FD_NONE;
	char buf[64];
	struct mq_attr a;
	struct timespec t = { 0, 0 };

	cr_assert_eq(iosafe_mq_open(NULL, "/x", O_RDONLY, 0, NULL), -EINVAL);
	cr_assert_eq(iosafe_mq_open(&q, NULL, O_RDONLY, 0, NULL), -EINVAL);
	cr_assert(iosafe_fd_is_none(&q));
	q.raw = 9;
	cr_assert_eq(iosafe_mq_open(&q, "/no/slashes/inside", O_RDONLY, 0, NULL), -EACCES);
	cr_assert(iosafe_fd_is_none(&q));
	cr_assert_eq(iosafe_mq_open(&q, "/iosafe-test-does-not-exist", O_RDONLY, 0, NULL), -ENOENT);
	cr_assert(iosafe_fd_is_none(&q));
	memset(&a, 0, sizeof(a));
	a.mq_maxmsg = -1;
	a.mq_msgsize = 64;
	cr_assert_eq(iosafe_mq_open(&q, "/iosafe-test-bad-attr", O_RDWR | O_CREAT, 0600, &a), -EINVAL);
	cr_assert(iosafe_fd_is_none(&q));
	cr_assert_eq(iosafe_mq_send(bw(&none), "x", 1, 0), -EBADF);
	cr_assert_eq(iosafe_mq_receive(bw(&none), buf, sizeof(buf), NULL), -EBADF);
	cr_assert_eq(iosafe_mq_timedsend(bw(&none), "x", 1, 0, &t), -EBADF);
	cr_assert_eq(iosafe_mq_timedreceive(bw(&none), buf, sizeof(buf), NULL, &t), -EBADF);
	cr_assert_eq(iosafe_mq_getattr(bw(&none), &a), -EBADF);
	cr_assert_eq(iosafe_mq_setattr(bw(&none), &a, NULL), -EBADF);
	cr_assert_eq(iosafe_mq_notify(bw(&none), NULL), -EBADF);
	cr_assert_eq(iosafe_mq_unlink(NULL), -EINVAL);
	/* Not a queue: the kernel's EBADF. */
	cr_assert_eq(iosafe_open(&f, "/dev/null", O_RDWR, 0), 0);
	cr_assert_eq(iosafe_mq_getattr(bw(&f), &a), -EBADF);
	cr_assert_eq(iosafe_mq_send(bw(&f), NULL, 1, 0), -EINVAL);
	cr_assert_eq(iosafe_mq_receive(bw(&f), NULL, 1, NULL), -EINVAL);
	cr_assert_eq(iosafe_mq_timedsend(bw(&f), "x", 1, 0, NULL), -EINVAL);
	cr_assert_eq(iosafe_mq_timedreceive(bw(&f), buf, sizeof(buf), NULL, NULL), -EINVAL);
	cr_assert_eq(iosafe_mq_getattr(bw(&f), NULL), -EINVAL);
	cr_assert_eq(iosafe_mq_setattr(bw(&f), NULL, &a), -EINVAL);
	cr_assert_eq(iosafe_fd_close(&f), 0);
}

NOLEAK_TEST(mq, emfile)
{
	iosafe_owned_fd q = IOSAFE_FD_NONE, q2 = IOSAFE_FD_NONE;
	struct fd_filler f;
	char name[64];
	int rc;

	qname(name, sizeof(name), "emfile");
	small_queue(&q, name, 0);
	fd_table_fill(&f, 0);
	rc = iosafe_mq_open(&q2, name, O_RDONLY, 0, NULL);
	fd_table_unfill(&f);
	cr_assert_eq(iosafe_mq_unlink(name), 0);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&q2));
	cr_assert_eq(iosafe_fd_close(&q), 0);
}

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

NOLEAK_TEST(mq, eintr_is_returned_not_retried)
{
	iosafe_owned_fd q = IOSAFE_FD_NONE;
	struct sigaction sa, old, ign;
	struct itimerval it = { { 0, 0 }, { 0, 20000 } }, off = { { 0, 0 }, { 0, 0 } };
	char name[64], buf[64];
	ssize_t n;

	qname(name, sizeof(name), "eintr");
	small_queue(&q, name, 0);
	cr_assert_eq(iosafe_mq_unlink(name), 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask); /* no SA_RESTART */
	cr_assert_eq(sigaction(SIGALRM, &sa, &old), 0);
	alarms = 0;
	cr_assert_eq(setitimer(ITIMER_REAL, &it, NULL), 0);
	n = iosafe_mq_receive(bw(&q), buf, sizeof(buf), NULL);
	cr_assert_eq(setitimer(ITIMER_REAL, &off, NULL), 0);
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	cr_assert_eq(sigaction(SIGALRM, &ign, NULL), 0);
	cr_assert_eq(sigaction(SIGALRM, &old, NULL), 0);
	cr_assert_eq(n, -EINTR, "n %zd", n);
	cr_assert(alarms > 0);
	cr_assert_eq(iosafe_fd_close(&q), 0);
}
