// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership,iosafe.PosixFd -verify=expected,plain %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.Ownership,iosafe.PosixFd -verify=expected,stdc %s
// Leak uniqueing: one report per (acquisition site, leak point).  The leak
// point is the statement where the last variable or field holding the fd
// lost it (overwritten, or its scope ended at a return or a closing brace),
// whatever the paths before it: the paths that lose the fd at the same
// statement are one report, and each other statement where the same fd is
// lost is a report of its own.
#include <iosafe/iosafe.h>

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int check(int);
void use(int);

// Two early returns leak the same fd: two reports.
int pos_two_returns_two_reports(const char *path, int a, int b) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  if (a)
    return -2; // expected-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}
  if (b)
    return -3; // expected-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}
  return close(fd);
}

// Many paths reach the same return: one report.
int pos_many_paths_one_return(const char *path, int a, int b) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  int n = 0;
  if (a)
    n += 1;
  if (b)
    n += 2;
  if (check(n))
    use(n);
  return n + (fd > 100); // expected-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}
}

// The fd is lost where the variable is overwritten; the second open's
// success and failure lose it there alike: one report, shown on the
// shortest path (the analyzer notices the death at the next purge of dead
// symbols: the failure's return without unix.StdCLibraryFunctions, the
// success's with it, never both).
int pos_overwrite_is_one_leak_point(const char *a, const char *b) {
  int fd = open(a, O_RDONLY);
  if (fd < 0)
    return -1;
  fd = open(b, O_RDONLY); // the first fd is lost here on every path
  if (fd < 0)
    return -1; // plain-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}
  return close(fd); // stdc-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}
}

// A leak after the last use and one at an early return, through
// an iosafe owner: two reports.
void pos_owner_leaks_at_return_and_end(const char *p, int stop) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, p, O_RDONLY, 0) != 0)
    return;
  if (stop)
    return; // expected-warning{{fd leak: the fd acquired by 'iosafe_open' is not closed or handed on}}
  // the last use: the owner is dead after it
  (void)iosafe_write(iosafe_fd_borrow(&fd), "x", 1); // expected-warning{{fd leak: the fd acquired by 'iosafe_open' is not closed or handed on}}
}

// The two halves of a conditional of one return are one leak point.
int pos_one_return_of_a_conditional(const char *p, int ok) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return -1;
  return ok ? 0 : -1; // expected-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}
}

// A write's failure splits the path (and unix.StdCLibraryFunctions splits
// it more): the one return that leaks is one report.
int pos_failed_write_one_report(const char *p, const char *msg) {
  int fd = open(p, O_WRONLY);
  if (fd < 0)
    return -1;
  if (write(fd, msg, strlen(msg)) < 0)
    return -1; // expected-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}
  return close(fd);
}

// Closed on every path: nothing, whatever the number of paths.
int neg_closed_on_every_path(const char *path, int a, int b) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  if (a) {
    close(fd);
    return -2;
  }
  if (b) {
    close(fd);
    return -3;
  }
  return close(fd);
}

// Two acquisitions, each closed on its own paths: nothing.
int neg_two_fds_closed(const char *p, const char *q, int a) {
  int x = open(p, O_RDONLY);
  if (x < 0)
    return -1;
  int y = open(q, O_RDONLY);
  if (y < 0) {
    close(x);
    return -1;
  }
  if (a) {
    close(y);
    return close(x);
  }
  close(x);
  return close(y);
}

// Returned or closed: the returns are no leak points.
int neg_returned_or_closed(const char *p, int keep) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return -1;
  if (keep)
    return fd;
  close(fd);
  return -1;
}
