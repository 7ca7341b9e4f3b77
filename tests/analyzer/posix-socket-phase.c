// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: "socket phase mismatch".  Phases of a socket from socket():
//   new -> bind -> bound -> listen -> listening -> accept() returns connected
//   new | bound -> connect -> connected;  socketpair() and accept() connected.
// The type comes from socket's constant type argument with SOCK_NONBLOCK and
// SOCK_CLOEXEC masked off (socket(2)); SOCK_STREAM and SOCK_SEQPACKET are
// connection-mode.  connect counts as connecting whatever it returns
// (EINPROGRESS on a non-blocking socket is a connection under way).  A socket
// of unknown type or phase (a parameter, a non-constant type) is never
// reported.
#define _GNU_SOURCE
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

int pos_listen_before_bind(void) {
  // listen(2) on an unbound TCP socket: Linux binds it to an ephemeral port
  // (no client can know it); reported (analyzer-plugin/README.md, ip(7)).
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  listen(s, 16); // expected-warning{{socket phase mismatch: 'listen' before bind: the socket was never bound}}
  return close(s);
}

int pos_accept_on_bound_not_listening(const struct sockaddr_in *a) {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0)
    return -1;
  if (bind(s, (const struct sockaddr *)a, sizeof *a) < 0) {
    close(s);
    return -1;
  }
  int c = accept(s, NULL, NULL); // expected-warning{{socket phase mismatch: 'accept' on a socket that is not listening}}
  if (c >= 0)
    close(c);
  return close(s);
}

int pos_accept4_on_new_socket(void) {
  int s = socket(AF_INET6, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  int c = accept4(s, NULL, NULL, SOCK_CLOEXEC); // expected-warning{{socket phase mismatch: 'accept4'}}
  if (c >= 0)
    close(c);
  return close(s);
}

int pos_accept_on_connected_socket(const struct sockaddr_in *a) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (connect(s, (const struct sockaddr *)a, sizeof *a) < 0) {
    close(s);
    return -1;
  }
  int c = accept(s, NULL, NULL); // expected-warning{{socket phase mismatch}}
  if (c >= 0)
    close(c);
  return close(s);
}

int pos_accept_on_datagram_socket(void) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0)
    return -1;
  int c = accept(s, NULL, NULL); // expected-warning{{socket phase mismatch: 'accept' on a datagram socket}}
  if (c >= 0)
    close(c);
  return close(s);
}

int pos_listen_on_datagram_socket(const struct sockaddr_in *a) {
  int s = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  if (s < 0)
    return -1;
  if (bind(s, (const struct sockaddr *)a, sizeof *a) == 0)
    listen(s, 4); // expected-warning{{socket phase mismatch: 'listen' on a datagram socket}}
  return close(s);
}

int pos_connect_on_listening_socket(const struct sockaddr_in *a) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (bind(s, (const struct sockaddr *)a, sizeof *a) < 0 || listen(s, 8) < 0) {
    close(s);
    return -1;
  }
  connect(s, (const struct sockaddr *)a, sizeof *a); // expected-warning{{socket phase mismatch: 'connect' on a listening socket}}
  return close(s);
}

int pos_listen_on_connected_socket(const struct sockaddr_in *a) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (connect(s, (const struct sockaddr *)a, sizeof *a) == 0)
    listen(s, 1); // expected-warning{{socket phase mismatch: 'listen' on a connected socket}}
  return close(s);
}

int pos_send_on_unconnected_stream(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  send(s, "x", 1, 0); // expected-warning{{socket phase mismatch: 'send' on a stream socket that is neither connected nor accepted}}
  return close(s);
}

int pos_recv_on_bound_stream(const struct sockaddr_un *a, char *buf) {
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (bind(s, (const struct sockaddr *)a, sizeof *a) < 0) {
    close(s);
    return -1;
  }
  recv(s, buf, 8, 0); // expected-warning{{socket phase mismatch: 'recv'}}
  return close(s);
}

int pos_recv_on_listening_socket(const struct sockaddr_in *a, char *buf) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (bind(s, (const struct sockaddr *)a, sizeof *a) < 0 || listen(s, 8) < 0) {
    close(s);
    return -1;
  }
  recv(s, buf, 8, 0); // expected-warning{{socket phase mismatch: 'recv' on a listening socket}}
  return close(s);
}

int pos_read_write_on_unconnected_seqpacket(char *buf) {
  int s = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
  if (s < 0)
    return -1;
  write(s, "x", 1); // expected-warning{{socket phase mismatch: 'write'}}
  read(s, buf, 1);  // expected-warning{{socket phase mismatch: 'read'}}
  return close(s);
}

int pos_recvmsg_on_unconnected(struct msghdr *m) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  recvmsg(s, m, 0); // expected-warning{{socket phase mismatch: 'recvmsg'}}
  return close(s);
}

int pos_dup_inherits_phase(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  int d = dup(s);
  close(s);
  if (d < 0)
    return -1;
  send(d, "x", 1, 0); // expected-warning{{socket phase mismatch}}
  return close(d);
}

int pos_phase_mismatch_then_leak(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  send(s, "x", 1, 0); // expected-warning{{socket phase mismatch}}
  return 0;           // expected-warning{{fd leak}}
}

// --- negatives ---

int neg_server_setup(const struct sockaddr_in *a) {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (s < 0)
    return -1;
  int one = 1;
  setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(s, (const struct sockaddr *)a, sizeof *a) < 0 ||
      listen(s, SOMAXCONN) < 0) {
    close(s);
    return -1;
  }
  return s; // no warning: returned, listening
}

void neg_accept_loop(const struct sockaddr_in *a, char *buf) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return;
  if (bind(s, (const struct sockaddr *)a, sizeof *a) < 0 || listen(s, 8) < 0) {
    close(s);
    return;
  }
  for (int i = 0; i < 3; i++) {
    int c = accept(s, NULL, NULL);
    if (c < 0)
      continue;
    ssize_t n = recv(c, buf, 64, 0);
    if (n > 0)
      send(c, buf, (size_t)n, MSG_NOSIGNAL);
    close(c);
  }
  close(s); // no warning
}

int neg_client(const struct sockaddr_in *a, char *buf) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (connect(s, (const struct sockaddr *)a, sizeof *a) < 0) {
    close(s);
    return -1;
  }
  send(s, "GET /\r\n", 7, 0);
  recv(s, buf, 64, 0);
  shutdown(s, SHUT_WR);
  return close(s); // no warning
}

int neg_nonblocking_connect_in_progress(const struct sockaddr_in *a) {
  // EINPROGRESS: the connection completes later (poll for POLLOUT); the
  // socket counts as connected on both outcomes.
  int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (s < 0)
    return -1;
  (void)connect(s, (const struct sockaddr *)a, sizeof *a);
  send(s, "x", 1, 0);
  return close(s); // no warning
}

int neg_client_bound_then_connected(const struct sockaddr_in *local,
                                    const struct sockaddr_in *peer) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (bind(s, (const struct sockaddr *)local, sizeof *local) < 0 ||
      connect(s, (const struct sockaddr *)peer, sizeof *peer) < 0) {
    close(s);
    return -1;
  }
  write(s, "x", 1);
  return close(s); // no warning
}

int neg_udp_sendto_unconnected(const struct sockaddr_in *a) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0)
    return -1;
  sendto(s, "x", 1, 0, (const struct sockaddr *)a, sizeof *a);
  return close(s); // no warning: datagram sockets need no connection
}

int neg_udp_recv_bound(const struct sockaddr_in *a, char *buf) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0)
    return -1;
  if (bind(s, (const struct sockaddr *)a, sizeof *a) == 0)
    recv(s, buf, 8, 0);
  return close(s); // no warning
}

int neg_udp_connect_twice(const struct sockaddr_in *a,
                          const struct sockaddr_in *b) {
  // connect(2): "datagram sockets may use connect() multiple times".
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0)
    return -1;
  connect(s, (const struct sockaddr *)a, sizeof *a);
  connect(s, (const struct sockaddr *)b, sizeof *b);
  send(s, "x", 1, 0);
  return close(s); // no warning
}

int neg_tcp_fast_open(const struct sockaddr_in *a) {
  // tcp(7) MSG_FASTOPEN: sendto connects the socket itself.
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  sendto(s, "x", 1, MSG_FASTOPEN, (const struct sockaddr *)a, sizeof *a);
  return close(s); // no warning
}

int neg_socketpair_connected(char *buf) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
    return -1;
  send(sv[0], "x", 1, 0);
  recv(sv[1], buf, 1, 0);
  close(sv[0]);
  return close(sv[1]); // no warning
}

int neg_unknown_type(int type) {
  int s = socket(AF_INET, type, 0);
  if (s < 0)
    return -1;
  send(s, "x", 1, 0);
  return close(s); // no warning: the type is not known
}

int pos_socket_from_parameter(int s, char *buf) {
  listen(s, 1);
  int c = accept(s, NULL, NULL);
  if (c >= 0)
    close(c);
  // accept showed s is listening (posix-socket-inferred.c).
  return (int)recv(s, buf, 1, 0); // expected-warning{{socket phase mismatch: 'recv' on a listening socket}}
}

int neg_socket_from_parameter(int s, char *buf) {
  return (int)recv(s, buf, 1, 0); // no warning: nothing known of s
}

int neg_accepted_socket_io(int listener, char *buf) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return -1;
  recv(c, buf, 8, 0);
  send(c, buf, 8, 0);
  return close(c); // no warning: accepted sockets are connected
}

int neg_listen_backlog_changed(const struct sockaddr_in *a) {
  // listen(2) on a listening socket changes the backlog.
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (bind(s, (const struct sockaddr *)a, sizeof *a) < 0 || listen(s, 8) < 0) {
    close(s);
    return -1;
  }
  listen(s, 128);
  return close(s); // no warning
}

int neg_socketpair_checked_minus_one(void) {
  // socketpair(2) returns 0 or -1, nothing else: `== -1` is a full check.
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
    return -1;
  send(sv[0], "x", 1, 0); // no warning
  close(sv[0]);
  return close(sv[1]);
}

int pos_socketpair_minus_one_check_then_leak(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) == -1)
    return -1;
  close(sv[0]); // expected-warning{{fd leak}}
  return 0;
}

int neg_dup_of_listener_accepts(const struct sockaddr_un *addr) {
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (bind(s, (const struct sockaddr *)addr, sizeof *addr) < 0 ||
      listen(s, 4) < 0) {
    close(s);
    return -1;
  }
  int t = dup(s);
  close(s);
  if (t < 0)
    return -1;
  int c = accept(t, NULL, NULL); // no warning: the copy is listening too
  if (c >= 0)
    close(c);
  return close(t);
}
