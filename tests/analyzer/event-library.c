// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// iosafe.Ownership on include/iosafe/event.h, from its annotations alone:
// every acquisition (epoll_create, eventfd, timerfd_create, signalfd,
// inotify_init, fanotify_init) gives an owned fd, and
// iosafe_fanotify_event_take_fd moves an event's fd into an owner that must
// be closed; the other calls only use borrows.
#define _GNU_SOURCE
#include <iosafe/iosafe.h>

void pos_epoll_leaked(void) {
  iosafe_owned_fd ep = IOSAFE_FD_NONE;
  if (iosafe_epoll_create(&ep, 0) != 0)
    return;
} // expected-warning{{fd leak}}

void pos_eventfd_leaked_on_add_failure(iosafe_borrowed_fd ep) {
  iosafe_owned_fd e = IOSAFE_FD_NONE;
  if (iosafe_eventfd(&e, 0, 0) != 0)
    return;
  if (iosafe_epoll_add(ep, iosafe_fd_borrow(&e), 1, EPOLLIN) != 0)
    return; // expected-warning{{fd leak}}
  iosafe_fd_close(&e);
}

void pos_timerfd_leaked(void) {
  iosafe_owned_fd t = IOSAFE_FD_NONE;
  if (iosafe_timerfd_create(&t, CLOCK_MONOTONIC, 0) != 0)
    return;
} // expected-warning{{fd leak}}

void pos_signalfd_leaked(const sigset_t *set) {
  iosafe_owned_fd s = IOSAFE_FD_NONE;
  if (iosafe_signals_block(set, NULL) != 0 || iosafe_signalfd(&s, set, 0) != 0)
    return;
} // expected-warning{{fd leak}}

void pos_inotify_leaked_on_watch_failure(const char *path) {
  iosafe_owned_fd in = IOSAFE_FD_NONE;
  if (iosafe_inotify_init(&in, 0) != 0)
    return;
  if (iosafe_inotify_add_watch(iosafe_fd_borrow(&in), path, IN_CREATE) < 0)
    return; // expected-warning{{fd leak}}
  iosafe_fd_close(&in);
}

void pos_fanotify_event_fd_leaked(struct fanotify_event_metadata *m) {
  iosafe_owned_fd efd = IOSAFE_FD_NONE;
  if (iosafe_fanotify_event_take_fd(&efd, m) != 0)
    return;
} // expected-warning{{fd leak}}

void pos_fanotify_event_fd_leaked_when_respond_fails(iosafe_borrowed_fd fan,
                                                      struct fanotify_event_metadata *m) {
  iosafe_owned_fd efd = IOSAFE_FD_NONE;
  if (iosafe_fanotify_event_take_fd(&efd, m) != 0)
    return;
  if (iosafe_fanotify_respond(fan, iosafe_fd_borrow(&efd), FAN_ALLOW) != 0)
    return; // expected-warning{{fd leak}}
  iosafe_fd_close(&efd);
}

void pos_fanotify_event_fd_raw_double_close(struct fanotify_event_metadata *m) {
  iosafe_owned_fd efd = IOSAFE_FD_NONE;
  if (iosafe_fanotify_event_take_fd(&efd, m) != 0)
    return;
  int raw = iosafe_fd_into_raw(&efd);
  close(raw);
  close(raw); // expected-warning{{double close}}
}

void neg_fanotify_event_answered_and_closed(iosafe_borrowed_fd fan,
                                            struct fanotify_event_metadata *m) {
  iosafe_owned_fd efd = IOSAFE_FD_NONE;
  if (iosafe_fanotify_event_take_fd(&efd, m) != 0)
    return;
  iosafe_fanotify_respond(fan, iosafe_fd_borrow(&efd), FAN_ALLOW);
  iosafe_fd_close(&efd); // no warning
}

int neg_event_loop_closes_everything(void) {
  iosafe_owned_fd ep = IOSAFE_FD_NONE, e = IOSAFE_FD_NONE;
  struct epoll_event evs[4];
  uint64_t v;
  if (iosafe_epoll_create(&ep, 0) != 0)
    return -1;
  if (iosafe_eventfd(&e, 0, 0) != 0) {
    iosafe_fd_close(&ep);
    return -1;
  }
  if (iosafe_epoll_add(iosafe_fd_borrow(&ep), iosafe_fd_borrow(&e), 0, EPOLLIN) == 0) {
    iosafe_eventfd_write(iosafe_fd_borrow(&e), 1);
    if (iosafe_epoll_wait(iosafe_fd_borrow(&ep), evs, 4, 0) > 0)
      iosafe_eventfd_read(iosafe_fd_borrow(&e), &v);
    iosafe_epoll_delete(iosafe_fd_borrow(&ep), iosafe_fd_borrow(&e));
  }
  iosafe_fd_close(&e);
  return iosafe_fd_close(&ep); // no warning
}
