// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership,iosafe.PosixFd -verify %s
// net.h's constructors in the library table: iosafe_tcp_listen's socket is
// listening, iosafe_tcp_connect's connected, iosafe_udp_bind's a bound
// datagram socket; iosafe.PosixFd checks that phase where the fd reaches a
// raw POSIX call.
#include <iosafe/iosafe.h>
#include <sys/socket.h>
#include <unistd.h>

void pos_read_on_tcp_listener(const struct sockaddr *a, socklen_t n) {
  iosafe_owned_fd l = IOSAFE_FD_NONE;
  char b;
  if (iosafe_tcp_listen(&l, a, n, 16, 0) != 0)
    return;
  read(l.raw, &b, 1); // expected-warning{{socket phase mismatch: 'read' on a listening socket}}
  iosafe_fd_close(&l);
}

void neg_accept_on_tcp_listener(const struct sockaddr *a, socklen_t n) {
  iosafe_owned_fd l = IOSAFE_FD_NONE;
  if (iosafe_tcp_listen(&l, a, n, 16, 0) != 0)
    return;
  int c = accept(l.raw, NULL, NULL);
  if (c >= 0)
    close(c);
  iosafe_fd_close(&l);
}

void pos_accept_on_tcp_connection(const struct sockaddr *a, socklen_t n) {
  iosafe_owned_fd s = IOSAFE_FD_NONE;
  if (iosafe_tcp_connect(&s, a, n, 0) != 0)
    return;
  int c = accept(s.raw, NULL, NULL); // expected-warning{{socket phase mismatch: 'accept' on a socket that is not listening}}
  if (c >= 0)
    close(c);
  iosafe_fd_close(&s);
}

void neg_write_on_tcp_connection(const struct sockaddr *a, socklen_t n) {
  iosafe_owned_fd s = IOSAFE_FD_NONE;
  if (iosafe_tcp_connect(&s, a, n, 0) != 0)
    return;
  write(s.raw, "x", 1);
  iosafe_fd_close(&s);
}

void pos_listen_on_udp_socket(const struct sockaddr *a, socklen_t n) {
  iosafe_owned_fd s = IOSAFE_FD_NONE;
  if (iosafe_udp_bind(&s, a, n, 0) != 0)
    return;
  listen(s.raw, 1); // expected-warning{{socket phase mismatch: 'listen' on a datagram socket}}
  iosafe_fd_close(&s);
}

void pos_tcp_listener_leaked(const struct sockaddr *a, socklen_t n) {
  iosafe_owned_fd l = IOSAFE_FD_NONE;
  if (iosafe_tcp_listen(&l, a, n, 16, 0) != 0)
    return;
} // expected-warning{{fd leak}}
