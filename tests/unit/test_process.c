/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_process.c: include/iosafe/process.h on real processes:
 * children forked by the test, waited for and signalled through pidfds.
 * Every test compares the descriptor table before and after
 * (NOLEAK_TEST, helpers.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/pidfd.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "iosafe/iosafe.h"
#include "helpers.h"

static iosafe_borrowed_fd bw(const iosafe_owned_fd *fd)
{
	return iosafe_fd_borrow(fd);
}

/* A child that waits until it is killed (or exits with @code at once when
 * @code >= 0). */
static pid_t child(int code)
{
	pid_t pid = fork();

	cr_assert_geq(pid, 0);
	if (pid == 0) {
		if (code >= 0)
			_exit(code);
		for (;;)
			pause();
	}
	return pid;
}

/* iosafe_pidfd_open, or a skip when the system has no pidfd_open: Linux
 * before 5.3, or valgrind 3.19, which does not know system call 434 and
 * answers ENOSYS.  @pid, a child of the test, is killed and reaped then. */
static void pidfd_or_skip(iosafe_owned_fd *p, pid_t pid, unsigned int flags)
{
	int rc = iosafe_pidfd_open(p, pid, flags);

	if (rc == -ENOSYS) {
		if (pid != getpid()) {
			kill(pid, SIGKILL);
			waitpid(pid, NULL, 0);
		}
		cr_skip_test("pidfd_open(2): ENOSYS (Linux < 5.3, or valgrind 3.19)");
	}
	cr_assert_eq(rc, 0, "rc %d (%s)", rc, strerror(-rc));
}

NOLEAK_TEST(process, pidfd_open_wait_exit_status)
{
	iosafe_owned_fd p = IOSAFE_FD_NONE;
	siginfo_t si;
	pid_t pid = child(7);

	pidfd_or_skip(&p, pid, 0);
	cr_assert(fd_is_cloexec(p.raw));
	memset(&si, 0xff, sizeof(si));
	cr_assert_eq(iosafe_pidfd_wait(bw(&p), &si, WEXITED), 0);
	cr_assert_eq(si.si_pid, pid);
	cr_assert_eq(si.si_code, CLD_EXITED);
	cr_assert_eq(si.si_status, 7);
	/* Reaped: a second wait finds no child; the pidfd is still ours. */
	cr_assert_eq(iosafe_pidfd_wait(bw(&p), &si, WEXITED), -ECHILD);
	cr_assert(fd_is_open(p.raw));
	cr_assert_eq(iosafe_fd_close(&p), 0);
}

NOLEAK_TEST(process, pidfd_send_signal_kills_and_wait_sees_it)
{
	iosafe_owned_fd p = IOSAFE_FD_NONE;
	siginfo_t si;
	pid_t pid = child(-1);

	pidfd_or_skip(&p, pid, 0);
	/* WNOHANG while it runs: 0 and si_pid 0 (waitid(2)). */
	memset(&si, 0xff, sizeof(si));
	cr_assert_eq(iosafe_pidfd_wait(bw(&p), &si, WEXITED | WNOHANG), 0);
	cr_assert_eq(si.si_pid, 0);
	cr_assert_eq(iosafe_pidfd_send_signal(bw(&p), 0, NULL, 0), 0);
	cr_assert_eq(iosafe_pidfd_send_signal(bw(&p), SIGKILL, NULL, 0), 0);
	cr_assert_eq(iosafe_pidfd_wait(bw(&p), &si, WEXITED), 0);
	cr_assert_eq(si.si_pid, pid);
	cr_assert_eq(si.si_code, CLD_KILLED);
	cr_assert_eq(si.si_status, SIGKILL);
	/* Dead and reaped: the pidfd still names that process, never a new
	 * one with the same pid: ESRCH. */
	cr_assert_eq(iosafe_pidfd_send_signal(bw(&p), SIGKILL, NULL, 0), -ESRCH);
	cr_assert_eq(iosafe_fd_close(&p), 0);
}

NOLEAK_TEST(process, pidfd_nonblock_wait_gives_eagain)
{
	iosafe_owned_fd p = IOSAFE_FD_NONE;
	siginfo_t si;
	pid_t pid = child(-1);
	int rc;

	pidfd_or_skip(&p, pid, PIDFD_NONBLOCK);
	rc = iosafe_pidfd_wait(bw(&p), &si, WEXITED);
	cr_assert_eq(rc, -EAGAIN, "rc %d (%s)", rc, strerror(-rc));
	cr_assert_eq(iosafe_pidfd_send_signal(bw(&p), SIGKILL, NULL, 0), 0);
	cr_assert_eq(waitpid(pid, NULL, 0), pid);
	cr_assert_eq(iosafe_fd_close(&p), 0);
}

NOLEAK_TEST(process, pidfd_getfd_copies_a_descriptor_cloexec)
{
	iosafe_owned_fd self = IOSAFE_FD_NONE, f = IOSAFE_FD_NONE, copy = IOSAFE_FD_NONE;
	struct stat a, b;
	int rc;

	pidfd_or_skip(&self, getpid(), 0);
	cr_assert_eq(iosafe_open(&f, "/dev/null", O_RDONLY, 0), 0);
	rc = iosafe_pidfd_getfd(&copy, bw(&self), f.raw, 0);
	if (rc == -EPERM)
		cr_skip_test("pidfd_getfd on itself refused (ptrace policy): %s", strerror(-rc));
	cr_assert_eq(rc, 0, "rc %d (%s)", rc, strerror(-rc));
	cr_assert_neq(copy.raw, f.raw);
	cr_assert(fd_is_cloexec(copy.raw));
	cr_assert_eq(fstat(copy.raw, &a), 0);
	cr_assert_eq(fstat(f.raw, &b), 0);
	cr_assert(a.st_dev == b.st_dev && a.st_ino == b.st_ino);
	cr_assert_eq(iosafe_fd_close(&copy), 0);
	/* A number not open in the target: EBADF, nothing installed. */
	rc = iosafe_pidfd_getfd(&copy, bw(&self), fd_not_open(), 0);
	cr_assert_eq(rc, -EBADF, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&copy));
	cr_assert_eq(iosafe_pidfd_getfd(&copy, bw(&self), f.raw, 1), -EINVAL);
	cr_assert(iosafe_fd_is_none(&copy));
	cr_assert_eq(iosafe_fd_close(&f), 0);
	cr_assert_eq(iosafe_fd_close(&self), 0);
}

NOLEAK_TEST(process, bad_input_loses_nothing)
{
	iosafe_owned_fd p = { 5 }, none = IOSAFE_FD_NONE;
	siginfo_t si;

	/* No syscall is made for these: strace-free evidence is that the
	 * results are iosafe's own. */
	cr_assert_eq(iosafe_pidfd_open(NULL, getpid(), 0), -EINVAL);
	cr_assert_eq(iosafe_pidfd_open(&p, 0, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&p));
	p.raw = 5;
	cr_assert_eq(iosafe_pidfd_open(&p, -1, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&p));
	cr_assert_eq(iosafe_pidfd_getfd(NULL, bw(&none), 0, 0), -EINVAL);
	cr_assert_eq(iosafe_pidfd_getfd(&p, bw(&none), 0, 0), -EBADF);
	cr_assert(iosafe_fd_is_none(&p));
	cr_assert_eq(iosafe_pidfd_send_signal(bw(&none), SIGKILL, NULL, 0), -EBADF);
	cr_assert_eq(iosafe_pidfd_wait(bw(&none), &si, WEXITED), -EBADF);
	/* Not a pidfd: the kernel says EBADF (pidfd_send_signal(2)) or
	 * EINVAL (waitid(2) P_PIDFD on another kind of file). */
	pidfd_or_skip(&p, getpid(), 0);
	cr_assert_eq(iosafe_pidfd_getfd(&none, bw(&p), -1, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&none));
	cr_assert_eq(iosafe_pidfd_wait(bw(&p), NULL, WEXITED), -EINVAL);
	/* Itself is not its own child. */
	cr_assert_eq(iosafe_pidfd_wait(bw(&p), &si, WEXITED | WNOHANG), -ECHILD);
	cr_assert_eq(iosafe_fd_close(&p), 0);
	cr_assert_eq(iosafe_pidfd_open(&p, 0x3fffffff, 0), -ESRCH);
	cr_assert(iosafe_fd_is_none(&p));
}

NOLEAK_TEST(process, pidfd_open_emfile)
{
	iosafe_owned_fd p = IOSAFE_FD_NONE, self = IOSAFE_FD_NONE;
	struct fd_filler f;
	int rc;

	pidfd_or_skip(&self, getpid(), 0);
	fd_table_fill(&f, 0);
	rc = iosafe_pidfd_open(&p, getpid(), 0);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&p));
	rc = iosafe_pidfd_getfd(&p, bw(&self), 0, 0);
	fd_table_unfill(&f);
	cr_assert(rc == -EMFILE || rc == -EPERM, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&p));
	cr_assert_eq(iosafe_fd_close(&self), 0);
}

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

NOLEAK_TEST(process, pidfd_wait_eintr_is_returned)
{
	iosafe_owned_fd p = IOSAFE_FD_NONE;
	struct sigaction sa, old, ign;
	struct itimerval it = { { 0, 0 }, { 0, 20000 } }, off = { { 0, 0 }, { 0, 0 } };
	siginfo_t si;
	pid_t pid = child(-1);
	int rc;

	pidfd_or_skip(&p, pid, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = 0; /* no SA_RESTART: waitid(2) fails with EINTR */
	sigemptyset(&sa.sa_mask);
	cr_assert_eq(sigaction(SIGALRM, &sa, &old), 0);
	alarms = 0;
	cr_assert_eq(setitimer(ITIMER_REAL, &it, NULL), 0);
	rc = iosafe_pidfd_wait(bw(&p), &si, WEXITED);
	cr_assert_eq(setitimer(ITIMER_REAL, &off, NULL), 0);
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	cr_assert_eq(sigaction(SIGALRM, &ign, NULL), 0);
	cr_assert_eq(sigaction(SIGALRM, &old, NULL), 0);
	cr_assert_eq(rc, -EINTR, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(alarms > 0);
	cr_assert_eq(iosafe_pidfd_send_signal(bw(&p), SIGKILL, NULL, 0), 0);
	cr_assert_eq(iosafe_pidfd_wait(bw(&p), &si, WEXITED), 0);
	cr_assert_eq(si.si_code, CLD_KILLED);
	cr_assert_eq(iosafe_fd_close(&p), 0);
}
