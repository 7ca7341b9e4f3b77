// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: "socket phase mismatch" (socket(2), bind(2), listen(2),
// accept(2), connect(2), socketpair(2)):
//   socket() new -> bind() bound -> listen() listening -> accept() connected
//   socket() new|bound -> connect() connected;  socketpair() connected.
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int pos_listen_before_bind(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  listen(s, 16); // expected-warning{{socket phase mismatch}}
  return close(s);
}

int neg_server_in_order(const struct sockaddr_in *addr) {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0)
    return -1;
  int one = 1;
  setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one); // any phase
  if (bind(s, (const struct sockaddr *)addr, sizeof *addr) < 0 ||
      listen(s, 128) < 0) { // no warning
    close(s);
    return -1;
  }
  return s; // no warning: returned to the caller
}

int pos_accept_on_bound_not_listening(const struct sockaddr_in *addr) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (bind(s, (const struct sockaddr *)addr, sizeof *addr) < 0) {
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
  int c = accept(s, NULL, NULL); // expected-warning{{socket phase mismatch}}
  if (c >= 0)
    close(c);
  return close(s);
}

int pos_listen_on_datagram_socket(const struct sockaddr_in *addr) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0)
    return -1;
  if (bind(s, (const struct sockaddr *)addr, sizeof *addr) == 0)
    listen(s, 1); // expected-warning{{socket phase mismatch}}
  return close(s);
}

int pos_connect_on_listening_socket(const struct sockaddr_in *addr) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (bind(s, (const struct sockaddr *)addr, sizeof *addr) < 0 ||
      listen(s, 8) < 0) {
    close(s);
    return -1;
  }
  connect(s, (const struct sockaddr *)addr, sizeof *addr); // expected-warning{{socket phase mismatch}}
  return close(s);
}

int pos_send_on_unconnected_stream(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  send(s, "x", 1, 0); // expected-warning{{socket phase mismatch}}
  return close(s);
}

int pos_recv_on_listening_socket(const struct sockaddr_in *addr, char *buf) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (bind(s, (const struct sockaddr *)addr, sizeof *addr) < 0 ||
      listen(s, 8) < 0) {
    close(s);
    return -1;
  }
  recv(s, buf, 1, 0); // expected-warning{{socket phase mismatch}}
  return close(s);
}

int neg_client_in_order(const struct sockaddr_in *addr, char *buf) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (connect(s, (const struct sockaddr *)addr, sizeof *addr) < 0) {
    close(s);
    return -1;
  }
  send(s, "hi", 2, MSG_NOSIGNAL); // no warning
  recv(s, buf, 2, 0);             // no warning
  shutdown(s, SHUT_WR);
  return close(s);
}

int neg_nonblocking_connect_in_progress(const struct sockaddr_in *addr) {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (s < 0)
    return -1;
  if (connect(s, (const struct sockaddr *)addr, sizeof *addr) < 0 &&
      errno != EINPROGRESS) {
    close(s);
    return -1;
  }
  // (a real program polls for writability here)
  send(s, "x", 1, 0); // no warning: the phase is unknown after -1/EINPROGRESS
  return close(s);
}

int neg_udp_sendto_unbound(const struct sockaddr_in *to) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0)
    return -1;
  sendto(s, "x", 1, 0, (const struct sockaddr *)to, sizeof *to); // no warning
  return close(s);
}

int neg_socketpair_ends_are_connected(char *buf) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
    return -1;
  send(sv[0], "x", 1, 0); // no warning
  recv(sv[1], buf, 1, 0); // no warning
  close(sv[0]);
  return close(sv[1]);
}

int neg_accepted_socket_is_connected(int listener, char *buf) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return -1;
  recv(c, buf, 1, 0);  // no warning
  send(c, buf, 1, 0);  // no warning
  return close(c);
}

int neg_unknown_type_is_quiet(int type) {
  int s = socket(AF_INET, type, 0);
  if (s < 0)
    return -1;
  send(s, "x", 1, 0); // no warning: type not known (could be SOCK_DGRAM)
  return close(s);
}

int neg_dup_keeps_phase(const struct sockaddr_un *addr) {
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
