// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify=expected,plain %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify=expected,stdc %s
// RUN: %clang_analyze_cc1 -analyzer-constraints=z3 -analyzer-checker=core,iosafe.PosixFd -verify=expected,plain %s
// iosafe.PosixFd: every acquiring POSIX/Linux function of its table
// (analyzer-plugin/PosixFdModel.cpp) hands the caller an fd it must close
// (each function's man page: the new fd, or -1 and nothing acquired).  One
// leak and, where it says something new, one clean use per function.  The
// z3 RUN line: under Clang's Z3 constraint manager the new fd's range
// (-1 or more) is assumed, not set directly (constrainNew,
// analyzer-plugin/FdValues.cpp).
#define _GNU_SOURCE
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/pidfd.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <unistd.h>

int pos_open_leaks(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int neg_open_closed(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  close(fd);
  return 0; // no warning
}

int neg_open_failure_not_tracked(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd == -1)
    return -1; // no warning: nothing was acquired on this path
  return close(fd);
}

int neg_open_returned(const char *path) {
  return open(path, O_RDONLY | O_CLOEXEC); // no warning: the caller owns it
}

int pos_openat_leaks(int dir, const char *name) {
  int fd = openat(dir, name, O_RDONLY);
  if (fd < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int neg_openat_cwd_closed(const char *name) {
  int fd = openat(AT_FDCWD, name, O_WRONLY | O_CREAT, 0600);
  if (fd < 0)
    return -1;
  return close(fd); // no warning: AT_FDCWD is not an fd use either
}

int pos_creat_leaks(const char *path) {
  int fd = creat(path, 0644);
  if (fd < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_socket_leaks(void) {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_accept_leaks(int listener) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_accept4_leaks(int listener) {
  int c = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
  if (c < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_pipe_leaks_both(void) {
  int p[2];
  if (pipe(p) != 0)
    return -1;
  return 0; // expected-warning 2 {{fd leak}} (one report per fd of the pair)
}

int pos_pipe2_leaks_write_end(void) {
  int p[2];
  if (pipe2(p, O_CLOEXEC) == -1)
    return -1;
  close(p[0]); // expected-warning{{fd leak}}
  return 0;
}

int neg_pipe_failure_leaves_array(void) {
  int p[2] = {-1, -1};
  if (pipe(p) < 0)
    return p[0]; // no warning: pipe does not write the array on failure
  close(p[0]);
  close(p[1]);
  return 0;
}

int pos_socketpair_leaks_one(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
    return -1;
  close(sv[1]); // expected-warning{{fd leak}}
  return 0;
}

int pos_dup_leaks(int fd) {
  int copy = dup(fd);
  if (copy < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_fcntl_dupfd_leaks(int fd) {
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 3);
  if (copy < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int neg_fcntl_getfl_acquires_nothing(int fd) {
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0)
    return -1;
  return fcntl(fd, F_SETFL, fl | O_NONBLOCK); // no warning: not a dup command
}

int pos_eventfd_leaks(void) {
  int e = eventfd(0, EFD_CLOEXEC);
  if (e < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_timerfd_leaks(void) {
  int t = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
  if (t < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_signalfd_creating_leaks(const sigset_t *mask) {
  int s = signalfd(-1, mask, SFD_CLOEXEC);
  if (s < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int neg_signalfd_updating_acquires_nothing(int existing, const sigset_t *mask) {
  // fd != -1: signalfd(2) changes the mask of an existing signalfd and
  // returns that same fd; the caller gets no second fd to close.
  if (existing < 0)
    return -1;
  if (signalfd(existing, mask, 0) < 0)
    return -1;
  return 0; // no warning
}

int pos_epoll_create1_leaks(void) {
  int ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_epoll_create_leaks(void) {
  int ep = epoll_create(16);
  if (ep == -1)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_inotify_leaks(void) {
  int in = inotify_init1(IN_NONBLOCK);
  if (in < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_memfd_leaks(void) {
  int m = memfd_create("scratch", MFD_CLOEXEC);
  if (m < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_mkstemp_leaks(char *tmpl) {
  int fd = mkstemp(tmpl);
  if (fd < 0)
    return -1;
  unlink(tmpl); // expected-warning{{fd leak}}
  return 0;
}

int neg_mkostemp_closed(char *tmpl) {
  int fd = mkostemp(tmpl, O_CLOEXEC);
  if (fd < 0)
    return -1;
  unlink(tmpl);
  return close(fd); // no warning
}

int pos_posix_openpt_leaks(void) {
  int m = posix_openpt(O_RDWR | O_NOCTTY);
  if (m < 0)
    return -1;
  if (grantpt(m) != 0)
    return -1; // expected-warning{{fd leak}}
  return close(m);
}

int pos_pidfd_open_leaks(pid_t pid) {
  int p = pidfd_open(pid, 0);
  if (p < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_overwritten_leaks(const char *a, const char *b) {
  int fd = open(a, O_RDONLY);
  if (fd < 0)
    return -1;
  fd = open(b, O_RDONLY);
  if (fd < 0)
    return -1; // plain-warning{{fd leak}}
  return close(fd); // stdc-warning{{fd leak}}
}
