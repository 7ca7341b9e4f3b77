// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd on network code: getaddrinfo loops, accept4, epoll loops,
// SCM_RIGHTS.
#define _GNU_SOURCE
#include <netdb.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/socket.h>

int neg_getaddrinfo_connect_loop(const char *host, const char *port) {
  struct addrinfo hints, *res, *ai;
  memset(&hints, 0, sizeof hints);
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(host, port, &hints, &res) != 0)
    return -1;
  int fd = -1;
  for (ai = res; ai; ai = ai->ai_next) {
    fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (fd < 0)
      continue;
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
      break;
    close(fd);
    fd = -1;
  }
  freeaddrinfo(res);
  return fd;
}

int pos_getaddrinfo_loop_forgets_close(const char *host, const char *port) {
  struct addrinfo hints, *res, *ai;
  memset(&hints, 0, sizeof hints);
  if (getaddrinfo(host, port, &hints, &res) != 0)
    return -1;
  int fd = -1;
  for (ai = res; ai; ai = ai->ai_next) { // expected-warning{{fd leak: the fd acquired by 'socket'}}
    fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (fd < 0)
      continue;
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
      break;
  }
  freeaddrinfo(res);
  return fd;
}

int neg_listen_socket_setup(void) {
  int s = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0)
    return -1;
  int one = 1;
  struct sockaddr_in6 any = {.sin6_family = AF_INET6, .sin6_port = htons(80)};
  if (setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
      bind(s, (struct sockaddr *)&any, sizeof any) < 0 ||
      listen(s, 128) < 0) {
    close(s);
    return -1;
  }
  return s;
}

int pos_listen_socket_setup_leaks(void) {
  int s = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0)
    return -1;
  if (listen(s, 128) < 0) // expected-warning{{socket phase mismatch: 'listen' before bind}}
    return -1; // expected-warning{{fd leak}}
  return s;
}

void neg_accept4_handed_to_worker(int listener, void (*worker)(int)) {
  for (;;) {
    int c = accept4(listener, 0, 0, SOCK_CLOEXEC);
    if (c < 0)
      continue;
    worker(c);
  }
}

void neg_epoll_loop(int listener) {
  int ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0)
    return;
  struct epoll_event ev = { .events = EPOLLIN, .data.fd = listener };
  if (epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev) < 0) {
    close(ep);
    return;
  }
  struct epoll_event out[8];
  int n = epoll_wait(ep, out, 8, -1);
  (void)n;
  close(ep);
}

void pos_epoll_ctl_after_close(int listener) {
  int ep = epoll_create1(0);
  if (ep < 0)
    return;
  close(ep);
  struct epoll_event ev = { .events = EPOLLIN };
  epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev); // expected-warning{{use after close}}
}

void neg_send_fd_scm_rights(int sock, int fd) {
  char buf[CMSG_SPACE(sizeof(int))];
  struct msghdr msg;
  memset(&msg, 0, sizeof msg);
  msg.msg_control = buf;
  msg.msg_controllen = sizeof buf;
  struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
  cm->cmsg_level = SOL_SOCKET;
  cm->cmsg_type = SCM_RIGHTS;
  cm->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(cm), &fd, sizeof fd);
  sendmsg(sock, &msg, 0);
  close(fd);
}

void pos_shutdown_after_close(int s) {
  close(s);
  shutdown(s, SHUT_RDWR); // expected-warning{{use after close}}
}

void pos_double_close_socket_on_error(void) {
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  if (s < 0)
    return;
  if (listen(s, 1) < 0) // expected-warning{{socket phase mismatch}}
    close(s);
  close(s); // expected-warning{{double close}}
}
