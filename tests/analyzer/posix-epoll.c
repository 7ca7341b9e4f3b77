// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd on event loops: epoll (epoll_create1, epoll_ctl,
// epoll_wait), eventfd, timerfd, poll.
#define _GNU_SOURCE
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

struct client { int fd; char buf[128]; };

int neg_epoll_setup_and_teardown(int listener) {
  int ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0)
    return -1;
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = listener};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev) < 0) {
    close(ep);
    return -1;
  }
  struct epoll_event out[8];
  epoll_wait(ep, out, 8, 0);
  return close(ep); // no warning
}

int pos_epoll_fd_leaks_on_ctl_failure(int listener) {
  int ep = epoll_create1(0);
  if (ep < 0)
    return -1;
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = listener};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev) < 0)
    return -1; // expected-warning{{fd leak}}
  return ep;
}

void neg_epoll_conn_in_heap_struct(int ep, int listener) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return;
  struct client *cl = malloc(sizeof *cl);
  if (!cl) {
    close(c);
    return;
  }
  cl->fd = c;
  struct epoll_event ev = {.events = EPOLLIN, .data.ptr = cl};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev) < 0) {
    close(c);
    free(cl);
  }
} // no warning: cl (holding c) lives on in the event's data

void pos_epoll_ctl_failure_leaks_conn(int ep, int listener) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return;
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = c};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev) < 0)
    return; // expected-warning{{fd leak}}
}

void neg_epoll_del_then_close(int ep, struct client *cl) {
  epoll_ctl(ep, EPOLL_CTL_DEL, cl->fd, NULL);
  close(cl->fd);
  free(cl); // no warning
}

int pos_epoll_add_after_close(int ep, const char *unused) {
  (void)unused;
  int e = eventfd(0, EFD_NONBLOCK);
  if (e < 0)
    return -1;
  close(e);
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = e};
  return epoll_ctl(ep, EPOLL_CTL_ADD, e, &ev); // expected-warning{{use after close}}
}

int pos_epoll_wait_on_closed_epoll(void) {
  int ep = epoll_create1(0);
  if (ep < 0)
    return -1;
  close(ep);
  struct epoll_event out[1];
  return epoll_wait(ep, out, 1, 0); // expected-warning{{use after close}}
}

int neg_eventfd_wakeup(void) {
  int e = eventfd(0, EFD_CLOEXEC);
  if (e < 0)
    return -1;
  uint64_t one = 1;
  write(e, &one, sizeof one);  // no warning
  read(e, &one, sizeof one);   // no warning
  return close(e);
}

int pos_timerfd_armed_and_closed(void) {
  int t = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
  if (t < 0)
    return -1;
  struct itimerspec its = {.it_value = {.tv_sec = 1}};
  if (timerfd_settime(t, 0, &its, NULL) < 0)
    return -1; // expected-warning{{fd leak}}
  return close(t);
}

int neg_poll_array_then_close(int a, int b) {
  struct pollfd p[2] = {{.fd = a, .events = POLLIN}, {.fd = b, .events = POLLIN}};
  return poll(p, 2, 0); // no warning: nothing acquired
}

// poll(2) reads the pollfd array (fd, events) and writes revents during
// the call only: the fds in it stay the caller's.

int pos_poll_does_not_keep_fds(int listener) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return -1;
  struct pollfd p = {.fd = c, .events = POLLIN};
  poll(&p, 1, 1000);
  return 0; // expected-warning{{fd leak}}
}

int neg_poll_then_close(int listener, char *b) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return -1;
  struct pollfd p[1] = {{.fd = c, .events = POLLIN}};
  if (poll(p, 1, 1000) > 0 && (p[0].revents & POLLIN))
    read(c, b, 1);
  return close(c); // no warning
}

int pos_poll_then_double_close(int listener) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return -1;
  struct pollfd p = {.fd = c, .events = POLLOUT};
  if (poll(&p, 1, 0) < 0) {
    close(c);
    return -1;
  }
  close(c);
  return close(c); // expected-warning{{double close}}
}
