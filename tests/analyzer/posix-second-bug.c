// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// Reports do not end the path (non-fatal error nodes, as Clang's own
// checkers make for bugs the program survives): a second bug on the same
// path is reported too.  The fd a report is about is not followed further
// on that path (one report per fd and path).
#include <fcntl.h>
#include <unistd.h>

void pos_double_close_then_leak(const char *a, const char *b) {
  int x = open(a, O_RDONLY);
  if (x < 0)
    return;
  int y = open(b, O_RDONLY);
  if (y < 0) {
    close(x);
    return;
  }
  close(x);
  close(x); // expected-warning{{double close: the fd was already closed}}
  fsync(y);
} // expected-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}

void pos_use_after_close_then_double_close(const char *a, const char *b,
                                           char *buf) {
  int x = open(a, O_RDONLY);
  if (x < 0)
    return;
  int y = open(b, O_RDONLY);
  if (y < 0) {
    close(x);
    return;
  }
  close(x);
  close(y);
  read(x, buf, 1); // expected-warning{{use after close: the fd is used after it was closed}}
  close(y);        // expected-warning{{double close: the fd was already closed}}
}

void pos_one_report_per_fd(const char *a, char *buf) {
  int x = open(a, O_RDONLY);
  if (x < 0)
    return;
  close(x);
  read(x, buf, 1); // expected-warning{{use after close: the fd is used after it was closed}}
  read(x, buf, 1); // no second report about x on this path
  close(x);
}

void pos_access_mode_then_double_close(const char *a) {
  int x = open(a, O_RDONLY);
  if (x < 0)
    return;
  write(x, "x", 1); // expected-warning{{access mode mismatch}}
  close(x);
  close(x); // expected-warning{{double close}}
}

void neg_no_bug_no_report(const char *a, char *buf) {
  int x = open(a, O_RDONLY);
  if (x < 0)
    return;
  read(x, buf, 1);
  close(x);
}
