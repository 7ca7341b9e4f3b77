// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: socket phases learnt from the function's own calls, and
// calls that cannot be right whatever the socket.
//   A socket the function does not own (a parameter) has no known phase
//   until a call on this path shows one: after bind it is bound, after
//   listen or accept listening (listen(2), accept(2): connection-mode
//   sockets only), after connect connected.
//   bind on a socket already bound, listening or accepted fails (bind(2):
//   EINVAL "The socket is already bound to an address"); bind, listen,
//   accept and connect on a file or a pipe fail (ENOTSOCK); accept on a
//   socket known not to be listening fails (EINVAL, EOPNOTSUPP) and
//   returns no fd.
#include <fcntl.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>
#include <unistd.h>

int pos_bind_twice_on_parameter(int s, const struct sockaddr *a, socklen_t n) {
  if (bind(s, a, n) < 0)
    return -1;
  return bind(s, a, n); // expected-warning{{socket phase mismatch: 'bind' on a socket that is already bound}}
}

// A bind retried after the first one failed (another address, a port
// that was in use): the socket is not bound when the second bind runs.
int neg_bind_retried_after_failure(int s, const struct sockaddr *a,
                                   const struct sockaddr *b, socklen_t n) {
  if (bind(s, a, n) == -1)
    return bind(s, b, n);
  return 0;
}

int neg_bind_retried_owned(const struct sockaddr *a, const struct sockaddr *b,
                           socklen_t n) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (bind(s, a, n) == -1 && bind(s, b, n) == -1) {
    close(s);
    return -1;
  }
  return s;
}

// A retry loop: the same bind reached again after a later step failed
// (setsockopt tested through errno, as dnsmasq's TFTP port loop does).
int setup(int s);
int neg_bind_loop_retried_after_later_step(int s, struct sockaddr_in *a,
                                           socklen_t n, int last) {
  for (;;) {
    if (bind(s, (struct sockaddr *)a, n) == -1 || setup(s) == -1) {
      if (a->sin_port < last) {
        a->sin_port++;
        continue;
      }
      return -1;
    }
    return 0;
  }
}

// Two different bind calls, the first known to have succeeded: reported.
int pos_second_bind_call_after_success(int s, const struct sockaddr *a,
                                       const struct sockaddr *b, socklen_t n) {
  if (bind(s, a, n) != 0)
    return -1;
  return bind(s, b, n); // expected-warning{{socket phase mismatch: 'bind' on a socket that is already bound}}
}

int pos_bind_after_listen_on_parameter(int s, const struct sockaddr *a,
                                       socklen_t n) {
  if (listen(s, 5) < 0)
    return -1;
  return bind(s, a, n); // expected-warning{{socket phase mismatch: 'bind' on a socket that is already listening}}
}

int pos_write_on_listener_after_accept(int s) {
  int c = accept(s, NULL, NULL);
  if (c >= 0)
    close(c);
  return (int)write(s, "x", 1); // expected-warning{{socket phase mismatch: 'write' on a listening socket}}
}

int pos_bind_on_accepted(int s, const struct sockaddr *a, socklen_t n) {
  int c = accept(s, NULL, NULL);
  if (c < 0)
    return -1;
  bind(c, a, n); // expected-warning{{socket phase mismatch: 'bind' on a socket that is already connected}}
  return close(c);
}

int pos_bind_on_file(const char *path, const struct sockaddr *a, socklen_t n) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  bind(fd, a, n); // expected-warning{{socket phase mismatch: 'bind' on a file, which is not a socket}}
  return close(fd);
}

int pos_listen_on_pipe(void) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  listen(p[0], 5); // expected-warning{{socket phase mismatch: 'listen' on a pipe, which is not a socket}}
  close(p[0]);
  return close(p[1]);
}

void pos_accept_on_datagram_socket_acquires_nothing(void) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0)
    return;
  accept(s, NULL, NULL); // expected-warning{{socket phase mismatch: 'accept' on a datagram socket}}
  close(s);              // and no leak of accept's result: it failed
}

int neg_read_after_bind_on_parameter(int s, const struct sockaddr *a,
                                     socklen_t n, char *buf) {
  if (bind(s, a, n) < 0)
    return -1;
  return (int)read(s, buf, 1); // may be a datagram socket
}

int neg_passive_open_on_parameter(int s, const struct sockaddr *a,
                                  socklen_t n) {
  if (bind(s, a, n) < 0)
    return -1;
  if (listen(s, 5) < 0)
    return -1;
  int c = accept(s, NULL, NULL);
  if (c < 0)
    return -1;
  write(c, "x", 1);
  return close(c);
}

int neg_bind_after_connect_on_parameter(int s, const struct sockaddr *a,
                                        socklen_t n) {
  if (connect(s, a, n) < 0)
    return -1;
  return bind(s, a, n); // connect may bind nothing (AF_UNIX): not reported
}

int neg_double_listen_on_parameter(int s) {
  listen(s, 5);
  return listen(s, 5); // Linux accepts it (a new backlog)
}
