// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify=expected,plain %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify=expected,stdc %s
// iosafe.PosixFd: what dup2(2) and dup3(2) return, and their target.
//   On success they return newfd, on failure -1 (dup(2)), so the result is
//   an fd the program must test before using it, with the access mode of
//   oldfd ("they refer to the same open file description").  It is not an
//   fd of its own: whoever owns newfd closes it (a standard stream needs
//   no close), so it is never reported as leaked.
//   newfd is checked like any use: an owned one must have been tested.
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>

int pos_dup2_result_unchecked(const char *path, char *buf) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  int r = dup2(fd, 10);
  read(r, buf, 1); // expected-warning{{unchecked fd}}
  close(fd);
  return close(r);
}

int pos_dup3_result_access_mode(const char *path, char *buf) {
  int fd = open(path, O_WRONLY);
  if (fd < 0)
    return -1;
  int r = dup3(fd, 10, O_CLOEXEC);
  if (r < 0) {
    close(fd);
    return -1;
  }
  read(r, buf, 1); // expected-warning{{access mode mismatch: 'read' reads from an fd opened write-only}}
  close(fd);
  return close(r);
}

int pos_dup2_target_unchecked(const char *path) {
  int a = open(path, O_RDONLY);
  int b = open(path, O_RDONLY);
  if (a < 0) {
    close(b);
    return -1;
  }
  // With unix.StdCLibraryFunctions on, that checker also reports b's -1
  // (on the path where open failed).
  dup2(a, b); // expected-warning{{unchecked fd}} stdc-warning{{The 2nd argument to 'dup2' is -1}}
  close(a);
  return close(b);
}

int pos_dup2_source_unchecked(const char *path) {
  int a = open(path, O_RDONLY);
  dup2(a, 5); // expected-warning{{unchecked fd}} stdc-warning{{The 1st argument to 'dup2' is -1}}
  return close(a);
}

int neg_dup2_result_tested(const char *path, char *buf) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  int r = dup2(fd, 10);
  if (r == -1) {
    close(fd);
    return -1;
  }
  read(r, buf, 1);
  close(fd);
  return close(r);
}

int neg_dup2_result_ignored(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  if (dup2(fd, STDIN_FILENO) < 0) { // the result is no leak
    close(fd);
    return -1;
  }
  return close(fd);
}

int neg_dup2_onto_owned_target(const char *path) {
  int a = open(path, O_RDONLY);
  if (a < 0)
    return -1;
  int b = open(path, O_RDONLY);
  if (b < 0) {
    close(a);
    return -1;
  }
  int r = dup2(a, b); // b now refers to a's file; r is b's number
  (void)r;
  close(a);
  return close(b);
}

int neg_dup2_onto_closed_target(const char *path) {
  int a = open(path, O_RDONLY);
  if (a < 0)
    return -1;
  int b = open(path, O_RDONLY);
  if (b < 0) {
    close(a);
    return -1;
  }
  close(b);
  if (dup2(a, b) < 0) { // reopens b: no use after close
    close(a);
    return -1;
  }
  close(a);
  return close(b);
}
