// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// openpty(3) fills two out-parameters and returns 0 or -1: each end is its
// own owned fd, leaked or closed apart (each leak names its out-parameter,
// 1-based); nothing is acquired when it fails.
#define _GNU_SOURCE
#include <fcntl.h>
#include <pty.h>
#include <stdlib.h>
#include <unistd.h>

int flag(void);

void pos_openpty_both_leak(void) {
  int m, s;
  if (openpty(&m, &s, 0, 0, 0) != 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'openpty' is not closed or handed on (out-parameter 1)}} expected-warning{{fd leak: the fd acquired by 'openpty' is not closed or handed on (out-parameter 2)}}

void pos_openpty_slave_leaks(void) {
  int m, s;
  if (openpty(&m, &s, 0, 0, 0) == -1)
    return;
  close(m); // expected-warning{{fd leak: the fd acquired by 'openpty' is not closed or handed on (out-parameter 2)}}
}

void pos_openpty_master_leaks_on_error_path(void) {
  int m, s;
  if (openpty(&m, &s, 0, 0, 0) < 0)
    return;
  close(s);
  if (flag())
    return; // expected-warning{{fd leak: the fd acquired by 'openpty' is not closed or handed on (out-parameter 1)}}
  close(m);
}

void pos_openpty_double_close(void) {
  int m, s;
  if (openpty(&m, &s, 0, 0, 0) != 0)
    return;
  close(s);
  close(m);
  close(s); // expected-warning{{double close}}
}

void neg_openpty_both_closed(void) {
  int m, s;
  if (openpty(&m, &s, 0, 0, 0) != 0)
    return;
  close(s);
  close(m);
}

void neg_openpty_failed_owns_nothing(void) {
  int m, s;
  if (openpty(&m, &s, 0, 0, 0) == -1)
    return; // no warning: nothing was acquired
  close(m);
  close(s);
}

int neg_openpty_master_returned(void) {
  int m, s;
  if (openpty(&m, &s, 0, 0, 0) != 0)
    return -1;
  close(s);
  return m; // no warning: the caller owns it
}

// posix_openpt(3) returns the master's fd (or -1); grantpt and unlockpt
// use it.

int pos_posix_openpt_used_after_close(void) {
  int m = posix_openpt(O_RDWR | O_NOCTTY);
  if (m < 0)
    return -1;
  close(m);
  return unlockpt(m); // expected-warning{{use after close}}
}

int neg_posix_openpt_returned(void) {
  int m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (m < 0)
    return -1;
  if (grantpt(m) != 0 || unlockpt(m) != 0) {
    close(m);
    return -1;
  }
  return m; // no warning
}
