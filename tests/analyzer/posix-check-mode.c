// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify=expected,stdc %s
// iosafe.PosixFd: "unchecked fd" (an fd used before its acquisition was seen
// to succeed; POSIX acquisitions fail with exactly -1) and "access mode
// mismatch" (O_RDONLY/O_WRONLY/O_RDWR from open's flags, creat = write-only,
// pipe ends, inherited by dup; fcntl(F_SETFL) cannot change it: fcntl(2)).
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

// ---- unchecked fd ---------------------------------------------------------

int pos_read_without_check(const char *path, char *buf) {
  int fd = open(path, O_RDONLY);
  ssize_t n = read(fd, buf, 16); // expected-warning{{unchecked fd}}
  close(fd);
  return (int)n;
}

int neg_checked_with_minus_one(const char *path, char *buf) {
  int fd = open(path, O_RDONLY);
  if (fd == -1) // -1 is the only failure value (open(2) RETURN VALUE)
    return -1;
  ssize_t n = read(fd, buf, 16); // no warning
  close(fd);
  return (int)n;
}

int neg_checked_with_negative(const char *path, char *buf) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  ssize_t n = read(fd, buf, 16); // no warning
  close(fd);
  return (int)n;
}

int neg_close_unchecked_is_fine(const char *path) {
  int fd = open(path, O_RDONLY);
  // close(-1) is a harmless EBADF; cleanup code does it on purpose.
  return close(fd); // no warning
}

int neg_checked_greater_than_zero(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd > 0)
    return close(fd);
  // fd == 0 is possible here (stdin was closed): it now is the stdin slot,
  // which the process keeps; the model treats 0..2 as standard streams.
  return -1; // no warning
}

int pos_dup_of_unchecked(const char *path) {
  int fd = open(path, O_RDONLY);
  int copy = dup(fd); // expected-warning{{unchecked fd}} stdc-warning{{The 1st argument to 'dup' is -1}}
  if (copy >= 0)
    close(copy);
  if (fd >= 0)
    close(fd);
  return 0;
}

void pos_pipe_unchecked_status(char *buf) {
  int p[2];
  pipe(p);
  write(p[1], buf, 1); // expected-warning{{unchecked fd}}
  close(p[0]);
  close(p[1]);
}

// ---- access mode mismatch ---------------------------------------------------

int pos_write_on_read_only(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  write(fd, "x", 1); // expected-warning{{access mode mismatch}}
  return close(fd);
}

int pos_read_on_write_only(const char *path, char *buf) {
  int fd = open(path, O_WRONLY | O_APPEND);
  if (fd < 0)
    return -1;
  read(fd, buf, 1); // expected-warning{{access mode mismatch}}
  return close(fd);
}

int neg_read_write_on_rdwr(const char *path, char *buf) {
  int fd = open(path, O_RDWR | O_CREAT, 0600);
  if (fd < 0)
    return -1;
  if (read(fd, buf, 1) < 0 || write(fd, buf, 1) < 0) { // no warning
    close(fd);
    return -1;
  }
  return close(fd);
}

int pos_read_on_creat(const char *path, char *buf) {
  int fd = creat(path, 0600); // creat = O_CREAT|O_WRONLY|O_TRUNC
  if (fd < 0)
    return -1;
  pread(fd, buf, 1, 0); // expected-warning{{access mode mismatch}}
  return close(fd);
}

int pos_write_to_read_end_of_pipe(void) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  write(p[0], "x", 1); // expected-warning{{access mode mismatch}}
  close(p[0]);
  return close(p[1]);
}

int pos_read_from_write_end_of_pipe(char *buf) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  read(p[1], buf, 1); // expected-warning{{access mode mismatch}}
  close(p[0]);
  return close(p[1]);
}

int neg_pipe_ends_used_right(char *buf) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  write(p[1], "x", 1); // no warning
  read(p[0], buf, 1);  // no warning
  close(p[0]);
  return close(p[1]);
}

int pos_dup_inherits_mode(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  int copy = dup(fd);
  close(fd);
  if (copy < 0)
    return -1;
  write(copy, "x", 1); // expected-warning{{access mode mismatch}}
  return close(copy);
}

int pos_fcntl_setfl_does_not_change_mode(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  // fcntl(2): the access mode bits in F_SETFL's argument are ignored.
  fcntl(fd, F_SETFL, O_RDWR | O_NONBLOCK);
  write(fd, "x", 1); // expected-warning{{access mode mismatch}}
  return close(fd);
}

int neg_mode_unknown_is_quiet(const char *path, int flags) {
  int fd = open(path, flags);
  if (fd < 0)
    return -1;
  write(fd, "x", 1); // no warning: the mode is not known here
  return close(fd);
}

int pos_ftruncate_on_read_only(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  ftruncate(fd, 0); // expected-warning{{access mode mismatch}}
  return close(fd);
}

int pos_o_path_cannot_read(const char *path, char *buf) {
  int fd = open(path, O_PATH);
  if (fd < 0)
    return -1;
  read(fd, buf, 1); // expected-warning{{access mode mismatch}}
  return close(fd);
}

int neg_mkstemp_is_read_write(char *tmpl, char *buf) {
  int fd = mkstemp(tmpl);
  if (fd < 0)
    return -1;
  write(fd, "x", 1);       // no warning
  pread(fd, buf, 1, 0);    // no warning
  unlink(tmpl);
  return close(fd);
}
