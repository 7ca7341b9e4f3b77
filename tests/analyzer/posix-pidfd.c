// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// pidfd_getfd(2) gives a new fd of this process (a copy of another
// process's); its pidfd is only used.  pidfd_send_signal(2) uses a pidfd.
#include <signal.h>
#include <sys/pidfd.h>
#include <sys/syscall.h>
#include <unistd.h>

int flag(void);

int pos_pidfd_getfd_leaks(int pidfd, int target) {
  int fd = pidfd_getfd(pidfd, target, 0);
  if (fd < 0)
    return -1;
  if (flag())
    return -1; // expected-warning{{fd leak: the fd acquired by 'pidfd_getfd' is not closed or handed on}}
  return close(fd);
}

int pos_pidfd_getfd_through_syscall_leaks(int pidfd, int target) {
  long fd = syscall(SYS_pidfd_getfd, pidfd, target, 0);
  if (fd < 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_pidfd_getfd_on_closed_pidfd(pid_t pid) {
  int p = pidfd_open(pid, 0);
  if (p < 0)
    return -1;
  close(p);
  return pidfd_getfd(p, 3, 0); // expected-warning{{use after close}}
}

int pos_pidfd_signal_after_close(pid_t pid) {
  int p = pidfd_open(pid, 0);
  if (p < 0)
    return -1;
  close(p);
  return pidfd_send_signal(p, SIGTERM, 0, 0); // expected-warning{{use after close}}
}

int neg_pidfd_getfd_closed(pid_t pid, int target) {
  int p = pidfd_open(pid, 0);
  if (p < 0)
    return -1;
  int fd = pidfd_getfd(p, target, 0);
  close(p);
  if (fd < 0)
    return -1;
  return close(fd);
}

int neg_pidfd_getfd_returned(int pidfd, int target) {
  return pidfd_getfd(pidfd, target, 0); // no warning: the caller owns it
}
