// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: a socket is bound only if bind(2) succeeded.  Until the
// path rules out bind's -1 (the program tests the result, or
// unix.StdCLibraryFunctions splits it), listen on it may be a listen on an
// unbound socket: a socket phase mismatch.
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

int pos_listen_after_unchecked_bind(const struct sockaddr *a, socklen_t n) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  bind(s, a, n);
  listen(s, 5); // expected-warning{{socket phase mismatch: 'listen'}}
  return close(s);
}

int pos_listen_after_unchecked_bind_of_parameter(int s, const struct sockaddr *a,
                                                 socklen_t n) {
  bind(s, a, n);
  return listen(s, 5); // expected-warning{{socket phase mismatch: 'listen'}}
}

int pos_listen_after_failed_bind(const struct sockaddr *a, socklen_t n) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (bind(s, a, n) < 0)
    listen(s, 5); // expected-warning{{socket phase mismatch: 'listen' on a socket whose bind failed}}
  return close(s);
}

int neg_listen_after_checked_bind(const struct sockaddr *a, socklen_t n) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (bind(s, a, n) == -1) {
    close(s);
    return -1;
  }
  if (listen(s, 5) != 0) {
    close(s);
    return -1;
  }
  return s;
}

int neg_listen_after_checked_bind_of_parameter(int s, const struct sockaddr *a,
                                               socklen_t n) {
  int rc = bind(s, a, n);
  if (rc != 0)
    return -1;
  return listen(s, 5);
}
