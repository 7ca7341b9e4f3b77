// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd on the raw event-descriptor calls: epoll_create1, eventfd,
// timerfd_create, signalfd (-1: a new fd; otherwise a use), inotify_init1,
// fanotify_init, and the calls that use them (fanotify_mark, timerfd_settime,
// inotify_add_watch).  Each acquires an fd the caller must close.
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/fanotify.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <unistd.h>

int flag(void);

void pos_epoll_create1_leaked(void) {
  int ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'epoll_create1'}}

void pos_eventfd_leaked_on_write_failure(void) {
  int e = eventfd(0, EFD_CLOEXEC);
  if (e < 0)
    return;
  if (eventfd_write(e, 1) < 0)
    return; // expected-warning{{fd leak}}
  close(e);
}

void pos_timerfd_leaked_on_settime_failure(const struct itimerspec *it) {
  int t = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
  if (t < 0)
    return;
  if (timerfd_settime(t, 0, it, NULL) < 0)
    return; // expected-warning{{fd leak}}
  close(t);
}

void pos_signalfd_new_leaked(const sigset_t *mask) {
  int s = signalfd(-1, mask, SFD_CLOEXEC);
  if (s < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'signalfd'}}

void neg_signalfd_existing_is_a_use(int s, const sigset_t *mask) {
  // fd is not -1: the mask of an existing signalfd is changed; nothing new.
  signalfd(s, mask, 0);
}

void pos_signalfd_use_after_close(const sigset_t *mask) {
  int s = signalfd(-1, mask, SFD_CLOEXEC);
  if (s < 0)
    return;
  close(s);
  signalfd(s, mask, 0); // expected-warning{{use after close}}
}

void pos_inotify_watch_failure_leaks(const char *path) {
  int in = inotify_init1(IN_CLOEXEC);
  if (in < 0)
    return;
  if (inotify_add_watch(in, path, IN_CREATE) < 0)
    return; // expected-warning{{fd leak}}
  close(in);
}

void pos_fanotify_init_leaked(void) {
  int fan = fanotify_init(FAN_CLOEXEC | FAN_CLASS_NOTIF, O_RDONLY | O_CLOEXEC);
  if (fan < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'fanotify_init'}}

void pos_fanotify_mark_failure_leaks(const char *path) {
  int fan = fanotify_init(FAN_CLOEXEC, O_RDONLY | O_CLOEXEC);
  if (fan < 0)
    return;
  if (fanotify_mark(fan, FAN_MARK_ADD, FAN_CLOSE_WRITE, AT_FDCWD, path) < 0)
    return; // expected-warning{{fd leak}}
  close(fan);
}

void pos_fanotify_mark_after_close(const char *path) {
  int fan = fanotify_init(FAN_CLOEXEC, O_RDONLY | O_CLOEXEC);
  if (fan < 0)
    return;
  close(fan);
  fanotify_mark(fan, FAN_MARK_ADD, FAN_OPEN, AT_FDCWD, path); // expected-warning{{use after close}}
}

void pos_fanotify_double_close(void) {
  int fan = fanotify_init(FAN_CLOEXEC, O_RDONLY | O_CLOEXEC);
  if (fan < 0)
    return;
  close(fan);
  close(fan); // expected-warning{{double close}}
}

void pos_fanotify_init_by_syscall_leaked(void) {
  long fan = syscall(SYS_fanotify_init, FAN_CLOEXEC, O_RDONLY | O_CLOEXEC);
  if (fan < 0)
    return;
} // expected-warning{{fd leak}}

int neg_every_event_fd_closed(const sigset_t *mask, const char *path) {
  int ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0)
    return -1;
  int e = eventfd(0, EFD_CLOEXEC);
  int t = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
  int s = signalfd(-1, mask, SFD_CLOEXEC);
  int in = inotify_init1(IN_CLOEXEC);
  int fan = fanotify_init(FAN_CLOEXEC, O_RDONLY | O_CLOEXEC);
  if (fan >= 0) {
    fanotify_mark(fan, FAN_MARK_ADD, FAN_CLOSE_WRITE, AT_FDCWD, path);
    close(fan);
  }
  if (in >= 0)
    close(in);
  if (s >= 0)
    close(s);
  if (t >= 0)
    close(t);
  if (e >= 0)
    close(e);
  return close(ep); // no warning
}

int neg_fanotify_returned(void) {
  int fan = fanotify_init(FAN_CLOEXEC, O_RDONLY | O_CLOEXEC);
  return fan; // handed to the caller: no warning
}
