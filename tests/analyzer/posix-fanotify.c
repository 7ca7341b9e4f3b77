// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// fanotify(7): each struct fanotify_event_metadata read(2) from a fanotify
// group holds in `fd` "an open file descriptor for the object being
// accessed, or FAN_NOFD if a queue overflow occurred"; the reader owns it
// and must close it.  The fd is acquired where the program reads it out of
// the buffer read(2) filled (events walked with FAN_EVENT_OK and
// FAN_EVENT_NEXT).
#include <fcntl.h>
#include <sys/fanotify.h>
#include <unistd.h>

void log_access(int pid, unsigned long long mask);
void keep_fd(int fd); // another TU

#define EVENT_BUF_ALIGNED                                                      \
  __attribute__((aligned(__alignof__(struct fanotify_event_metadata))))

int pos_event_fd_not_closed(int fan) {
  char buf[4096] EVENT_BUF_ALIGNED;
  ssize_t len = read(fan, buf, sizeof buf);
  if (len <= 0)
    return -1;
  const struct fanotify_event_metadata *m =
      (const struct fanotify_event_metadata *)buf;
  if (!FAN_EVENT_OK(m, len) || m->vers != FANOTIFY_METADATA_VERSION)
    return -1;
  if (m->fd >= 0)
    log_access(m->pid, m->mask); // expected-warning{{fd leak: an owned fd is not closed or handed on}}
  return 0;
}

int neg_event_fd_closed(int fan) {
  char buf[4096] EVENT_BUF_ALIGNED;
  ssize_t len = read(fan, buf, sizeof buf);
  if (len <= 0)
    return -1;
  const struct fanotify_event_metadata *m =
      (const struct fanotify_event_metadata *)buf;
  if (!FAN_EVENT_OK(m, len) || m->vers != FANOTIFY_METADATA_VERSION)
    return -1;
  if (m->fd >= 0) {
    log_access(m->pid, m->mask);
    close(m->fd);
  }
  return 0; // no warning
}

int neg_event_fd_nofd(int fan, int *overflows) {
  char buf[4096] EVENT_BUF_ALIGNED;
  ssize_t len = read(fan, buf, sizeof buf);
  if (len <= 0)
    return -1;
  const struct fanotify_event_metadata *m =
      (const struct fanotify_event_metadata *)buf;
  if (!FAN_EVENT_OK(m, len))
    return -1;
  if (m->fd == FAN_NOFD) {
    ++*overflows; // no warning: no fd in an overflow event
    return 0;
  }
  return close(m->fd);
}

int pos_event_fd_leaks_on_error_path(int fan) {
  char buf[4096] EVENT_BUF_ALIGNED;
  ssize_t len = read(fan, buf, sizeof buf);
  if (len <= 0)
    return -1;
  const struct fanotify_event_metadata *m =
      (const struct fanotify_event_metadata *)buf;
  if (!FAN_EVENT_OK(m, len))
    return -1;
  int fd = m->fd;
  if (fd < 0)
    return 0;
  if (m->vers != FANOTIFY_METADATA_VERSION)
    return -1; // expected-warning{{fd leak}}
  log_access(m->pid, m->mask);
  return close(fd);
}

int neg_event_fd_handed_on(int fan) {
  char buf[4096] EVENT_BUF_ALIGNED;
  ssize_t len = read(fan, buf, sizeof buf);
  if (len <= 0)
    return -1;
  const struct fanotify_event_metadata *m =
      (const struct fanotify_event_metadata *)buf;
  if (FAN_EVENT_OK(m, len) && m->fd >= 0)
    keep_fd(m->fd); // no warning: handed on
  return 0;
}

int pos_event_fd_closed_twice(int fan) {
  char buf[4096] EVENT_BUF_ALIGNED;
  ssize_t len = read(fan, buf, sizeof buf);
  if (len <= 0)
    return -1;
  const struct fanotify_event_metadata *m =
      (const struct fanotify_event_metadata *)buf;
  if (!FAN_EVENT_OK(m, len) || m->fd < 0)
    return -1;
  close(m->fd);
  return close(m->fd); // expected-warning{{double close}}
}

// Every event of the buffer, in the loop of fanotify(7)'s example.

int pos_loop_forgets_event_fds(int fan) {
  char buf[4096] EVENT_BUF_ALIGNED;
  ssize_t len = read(fan, buf, sizeof buf);
  if (len <= 0)
    return -1;
  const struct fanotify_event_metadata *m =
      (const struct fanotify_event_metadata *)buf;
  int n = 0;
  // The fd of an event is dead once m moves on to the next one.
  for (; FAN_EVENT_OK(m, len); m = FAN_EVENT_NEXT(m, len)) { // expected-warning{{fd leak: an owned fd is not closed or handed on}}
    if (m->fd < 0)
      continue;
    n++;
  }
  return n;
}

int neg_loop_closes_event_fds(int fan) {
  char buf[4096] EVENT_BUF_ALIGNED;
  ssize_t len = read(fan, buf, sizeof buf);
  if (len <= 0)
    return -1;
  const struct fanotify_event_metadata *m =
      (const struct fanotify_event_metadata *)buf;
  int n = 0;
  for (; FAN_EVENT_OK(m, len); m = FAN_EVENT_NEXT(m, len)) {
    if (m->fd == FAN_NOFD)
      continue;
    log_access(m->pid, m->mask);
    close(m->fd);
    n++;
  }
  return n; // no warning
}

// A function the checker does not see into that is given the event (as
// iosafe_fanotify_event_take_fd of event.h is) takes its fd over.
int take_event_fd(int *out, struct fanotify_event_metadata *ev); // another TU

int neg_event_fd_taken_by_a_call(int fan, int *out) {
  char buf[4096] EVENT_BUF_ALIGNED;
  ssize_t len = read(fan, buf, sizeof buf);
  if (len <= 0)
    return -1;
  struct fanotify_event_metadata *m = (struct fanotify_event_metadata *)buf;
  if (!FAN_EVENT_OK(m, len) || m->fd < 0)
    return -1;
  return take_event_fd(out, m); // no warning: handed on
}
