// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify=expected,plain %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify=expected,stdc %s
// iosafe.PosixFd: fds that are -1.
//   Where the program's own test shows that an acquisition failed, the fd
//   is -1 (open(2): "On error, -1 is returned"): a use of it there is an
//   "unchecked fd".  So is a use of a variable that holds a negative
//   initializer on every path (`int fd = -1; read(fd, ...)`).  close(2) of
//   -1 is harmless (EBADF) and is not reported.
#include <fcntl.h>
#include <unistd.h>

int pos_use_in_failure_branch(const char *path, char *buf) {
  int fd = open(path, O_RDONLY);
  if (fd == -1) {
    read(fd, buf, 1); // expected-warning{{unchecked fd: the fd is used where its acquisition failed}}
    return -1;
  }
  return close(fd);
}

int pos_use_in_else_branch(const char *path, char *buf) {
  int fd = open(path, O_RDWR);
  if (fd != -1)
    read(fd, buf, 1);
  else
    write(fd, buf, 1); // expected-warning{{unchecked fd: the fd is used where its acquisition failed}}
  return close(fd);
}

int pos_negative_initializer(char *buf) {
  int fd = -1;
  return (int)read(fd, buf, 1); // expected-warning{{unchecked fd: the fd is -1 here; a negative number is never a valid fd}}
}

int pos_negative_initializer_dup2(void) {
  int nullfd = -1;
  // With unix.StdCLibraryFunctions on, that checker reports the argument
  // too (and ends the path); the engine checks it before.
  return dup2(nullfd, 1); // expected-warning{{unchecked fd: the fd is -1 here; a negative number is never a valid fd}} stdc-warning{{The 1st argument to 'dup2' is -1 but should be >= 0}}
}

int neg_close_in_failure_branch(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    close(fd); // harmless: EBADF
    return -1;
  }
  return close(fd);
}

int neg_reassigned_variable(const char *path, char *buf) {
  int fd = -1;
  fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  read(fd, buf, 1);
  return close(fd);
}

int neg_tested_before_use(const char *path, char *buf) {
  int fd = open(path, O_RDONLY);
  if (fd >= 0) {
    read(fd, buf, 1);
    close(fd);
  }
  return 0;
}

int neg_at_fdcwd(const char *path) {
  int dir = AT_FDCWD;
  int fd = openat(dir, path, O_RDONLY);
  if (fd < 0)
    return -1;
  return close(fd);
}
