// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-constraints=z3 -analyzer-checker=core,unix,iosafe.PosixFd -verify %s
// iosafe.PosixFd next to unix.StdCLibraryFunctions and unix.cstring (both
// on in iosafe-check, as in clang --analyze): the failure (-1) of a read
// or a write whose count is bounded below SIZE_MAX (a strlen length, a
// tested size) stays a path, so a leak on it is found.  That checker
// constrains the result with `ret <= count`, which the analyzer evaluates
// in the count's unsigned type (it drops the cast to ssize_t), and -1
// breaks it; the engine splits the failure off at the call (SF_CountRet in
// analyzer-plugin/Summary.h).  The z3 RUN line: under Clang's Z3
// constraint manager the success path's count >= 0 is assumed, not set as
// a range (constrainNew, analyzer-plugin/FdValues.cpp).
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int pos_write_strlen_failure_leaks(const char *path, const char *msg) {
  int fd = open(path, O_WRONLY);
  if (fd < 0)
    return -1;
  if (write(fd, msg, strlen(msg)) < 0)
    return -1; // expected-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}
  close(fd);
  return 0;
}

int pos_write_strlen_equals_minus_one(const char *path, const char *msg) {
  int fd = open(path, O_WRONLY);
  if (fd == -1)
    return -1;
  size_t n = strlen(msg);
  if (write(fd, msg, n) == -1)
    return -1; // expected-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}
  close(fd);
  return 0;
}

int pos_read_tested_size_failure_leaks(const char *path, char *buf,
                                       size_t n) {
  if (n > 64)
    return -1;
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  ssize_t r;
  if ((r = read(fd, buf, n)) < 0)
    return -1; // expected-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}
  close(fd);
  return (int)r;
}

int pos_send_strlen_failure_leaks(const char *msg) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0)
    return -1;
  if (send(s, msg, strlen(msg), 0) < 0)
    return -1; // expected-warning{{fd leak: the fd acquired by 'socket' is not closed or handed on}}
  close(s);
  return 0;
}

int neg_write_strlen_failure_closes(const char *path, const char *msg) {
  int fd = open(path, O_WRONLY);
  if (fd < 0)
    return -1;
  if (write(fd, msg, strlen(msg)) < 0) {
    close(fd);
    return -1;
  }
  close(fd);
  return 0;
}

void neg_write_strlen_unchecked(const char *path, const char *msg) {
  int fd = open(path, O_WRONLY);
  if (fd < 0)
    return;
  write(fd, msg, strlen(msg));
  close(fd);
}

int neg_write_success_path_counts(const char *path, const char *msg) {
  int fd = open(path, O_WRONLY);
  if (fd < 0)
    return -1;
  ssize_t w = write(fd, msg, strlen(msg));
  close(fd);
  return w < 0 ? -1 : 0;
}
