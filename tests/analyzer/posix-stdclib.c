// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd next to unix.StdCLibraryFunctions (on in iosafe-check, as
// in clang --analyze): that checker splits the result of open, socket,
// pipe, socketpair and others into success and failure right after the
// call, so the constraints alone cannot say whether the program tested it.
// "unchecked fd" follows the program's own tests (a comparison, a `!`, a
// branch on the fd or the status): a test the analysis already knows the
// answer to still counts (dropbear's dbutil.c), and a use with no test
// before it is reported.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static void set_nonblocking(int fd) {
  int fl = fcntl(fd, F_GETFL, 0);
  if (fl == -1)
    _exit(1);
  fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

int neg_pipe_status_tested(int *r) {
  int p[2];
  if (pipe(p) != 0)
    return -1;
  close(p[1]);
  set_nonblocking(p[0]); // no warning
  *r = p[0];
  return 0;
}

int neg_socketpair_status_tested(int *r, char *buf) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
    return -1;
  write(sv[0], "x", 1);
  read(sv[1], buf, 1);
  close(sv[0]);
  *r = sv[1];
  return 0; // no warning
}

int pos_pipe_leak_still_found(void) {
  int p[2];
  if (pipe(p) != 0)
    return -1;
  close(p[0]); // expected-warning{{fd leak}}
  return 0;
}

int pos_pipe_write_to_read_end(void) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  write(p[0], "x", 1); // expected-warning{{access mode mismatch}}
  close(p[0]);
  return close(p[1]);
}

int pos_read_without_any_test(const char *path, char *b) {
  int fd = open(path, O_RDONLY);
  ssize_t n = read(fd, b, 1); // expected-warning{{unchecked fd}}
  close(fd);
  return (int)n;
}

int pos_pipe_used_without_test(void) {
  int p[2];
  pipe(p);
  write(p[1], "x", 1); // expected-warning{{unchecked fd}}
  close(p[0]);
  return close(p[1]);
}

int pos_socketpair_used_without_test(void) {
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  send(sv[0], "x", 1, 0); // expected-warning{{unchecked fd}} expected-warning{{The 1st argument to 'send' is < 0}}
  close(sv[0]);
  return close(sv[1]);
}

int neg_read_after_minus_one_test(const char *path, char *b) {
  int fd = open(path, O_RDONLY);
  if (fd == -1)
    return -1;
  ssize_t n = read(fd, b, 1); // no warning
  close(fd);
  return (int)n;
}

int neg_status_kept_in_a_variable(void) {
  int p[2];
  int rc = pipe(p);
  if (rc)
    return -1;
  write(p[1], "x", 1); // no warning: `if (rc)` tested the status
  close(p[0]);
  return close(p[1]);
}

int neg_status_negated(void) {
  int sv[2];
  if (!(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0))
    return -1;
  send(sv[0], "x", 1, 0); // no warning
  close(sv[0]);
  return close(sv[1]);
}

int neg_tested_in_a_conditional_expression(const char *path, char *b) {
  int fd = open(path, O_RDONLY);
  ssize_t n = fd < 0 ? -1 : read(fd, b, 1); // no warning
  if (fd >= 0)
    close(fd);
  return (int)n;
}

int neg_tested_by_abort_on_failure(const char *path, char *b) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    abort();
  ssize_t n = read(fd, b, 1); // no warning
  close(fd);
  return (int)n;
}
