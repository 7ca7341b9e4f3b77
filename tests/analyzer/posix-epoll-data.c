// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: epoll_ctl(EPOLL_CTL_ADD / MOD) hands on the fds stored in
// its event when it succeeds: epoll_ctl(2) "The data member of the
// epoll_event structure specifies data that the kernel should save and then
// return (via epoll_wait(2))"; an epoll loop gets the fd back from
// events[i].data and closes it there.  On failure (-1) nothing is saved: the
// caller still owns the fd.  EPOLL_CTL_DEL ignores the event.
#define _GNU_SOURCE
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

void neg_conn_kept_in_event_data(int ep, int listener) {
  struct epoll_event evs[16];
  for (;;) {
    int n = epoll_wait(ep, evs, 16, -1);
    for (int i = 0; i < n; i++) {
      if (evs[i].data.fd == listener) {
        int c = accept4(listener, NULL, NULL, SOCK_NONBLOCK);
        if (c < 0)
          continue;
        struct epoll_event ev = {.events = EPOLLIN, .data.fd = c};
        if (epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev) < 0)
          close(c);
      } else {
        char b[64];
        if (read(evs[i].data.fd, b, sizeof b) <= 0)
          close(evs[i].data.fd);
      }
    }
  }
}

int neg_event_data_assigned_field_by_field(int ep, int listener) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return -1;
  struct epoll_event ev;
  ev.events = EPOLLIN | EPOLLRDHUP;
  ev.data.fd = c;
  if (epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev) == -1) {
    close(c);
    return -1;
  }
  return 0; // no warning: the epoll instance hands c back later
}

void pos_ctl_failure_leaks(int ep, int listener) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return;
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = c};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev) < 0)
    return; // expected-warning{{fd leak}}
}

int pos_registered_without_data_leaks(int ep, int listener) {
  // The event carries no fd (data.u64 = 0): nothing brings c back.
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return -1;
  struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev) < 0) {
    close(c);
    return -1;
  }
  return 0; // expected-warning{{fd leak}}
}

int pos_ctl_del_hands_nothing_on(int ep, int listener) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return -1;
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = c};
  epoll_ctl(ep, EPOLL_CTL_DEL, c, &ev);
  return 0; // expected-warning{{fd leak}}
}

int pos_use_after_close_still_found(int ep, int listener) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return -1;
  close(c);
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = c};
  return epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev); // expected-warning{{use after close}}
}
