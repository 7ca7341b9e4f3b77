// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: error-path out-parameters.  A function that stores an fd
// it acquired through a pointer parameter (*out = fd, out[i] = fd) and
// then returns its failure value on that path (a negative int, NULL,
// false, where another return gives success) leaks it: callers do not
// close what a failed call left behind.  iosafe's own convention (*out
// holds none on failure) is the rule checked here in others' code.  A
// field of an object the caller passed (srv->fd = fd) is not an
// out-parameter: whoever owns the object releases its fields, whatever
// the call returned (lighttpd's server_free closes srv->stdin_fd).
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <unistd.h>

int configure(int fd);

int pos_out_param_left_on_error(int *out, const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  *out = fd;
  if (configure(fd) < 0)
    return -1; // expected-warning{{fd leak: the fd stored through a parameter is not closed on this error path}}
  return 0;
}

int pos_pair_param_left_on_error(int fds[2], const char *path) {
  fds[0] = open(path, O_RDONLY);
  if (fds[0] < 0)
    return -1;
  fds[1] = open(path, O_WRONLY);
  if (fds[1] < 0)
    return -1; // expected-warning{{fd leak: the fd stored through a parameter}}
  return 0;
}

bool pos_bool_failure(int *out, const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return false;
  *out = fd;
  if (configure(fd) != 0)
    return false; // expected-warning{{fd leak: the fd stored through a parameter}}
  return true;
}

int neg_closed_before_error(int *out, const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  *out = fd;
  if (configure(fd) < 0) {
    close(fd);
    return -1;
  }
  return 0;
}

int neg_reset_before_error(int *out, const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  *out = fd;
  if (configure(fd) < 0) {
    close(*out);
    *out = -1;
    return -1;
  }
  return 0;
}

int neg_success_hands_on(int *out, const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  *out = fd;
  return 0;
}

int neg_always_negative(int *out, const char *path) {
  // No return gives success: -1 is not this function's failure value.
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -2;
  *out = fd;
  return -1;
}

struct server {
  int stdin_fd;
};

int neg_field_of_callers_object(struct server *srv) {
  int fd = dup(0);
  if (fd < 0)
    return -1;
  srv->stdin_fd = fd;
  if (configure(fd) < 0)
    return -1;
  return 0;
}
