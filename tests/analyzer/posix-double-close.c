// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify=expected,stdc %s
// iosafe.PosixFd: double close, use after close, unchecked fd.
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/socket.h>

int flag(void);

void pos_close_twice(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  close(fd);
  close(fd); // expected-warning{{double close: the fd was already closed}}
}

void pos_close_in_error_branch_and_after(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  char b[8];
  if (read(fd, b, sizeof b) < 0)
    close(fd);
  close(fd); // expected-warning{{double close}}
}

void pos_close_after_fdopen(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  FILE *f = fdopen(fd, "r");
  if (!f) {
    close(fd);
    return;
  }
  fclose(f);
  close(fd); // expected-warning{{double close}}
}

void pos_read_after_close(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  close(fd);
  char b[8];
  read(fd, b, sizeof b); // expected-warning{{use after close: the fd is used after it was closed}}
}

void pos_send_after_close(int s) {
  close(s);
  send(s, "x", 1, 0); // expected-warning{{use after close}}
}

void pos_unchecked_open(const char *p) {
  int fd = open(p, O_RDONLY);
  char b[8];
  read(fd, b, sizeof b); // expected-warning{{unchecked fd: the fd is used before the success of its acquisition was checked}}
  close(fd);
}

void pos_unchecked_socket(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  listen(s, 1); // expected-warning{{unchecked fd}} stdc-warning{{The 1st argument to 'listen' is -1}}
  close(s);
}

void neg_close_once_per_path(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  if (flag()) {
    close(fd);
    return;
  }
  char b[8];
  read(fd, b, sizeof b);
  close(fd);
}

void neg_close_then_reopen(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  close(fd);
  fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  close(fd);
}

void neg_close_unchecked_fd(const char *p) {
  // close(-1) fails with EBADF and harms nothing: not a use.
  int fd = open(p, O_RDONLY);
  close(fd);
}

void neg_checked_with_equality(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd == -1)
    return;
  char b[8];
  read(fd, b, sizeof b);
  close(fd);
}
