// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// net.h's fd passing: the fds iosafe_recv_fds stores in its out-array are
// the caller's (fds[0] tracked once the call returned a count); the fds
// iosafe_send_fds sends stay the sender's (unix(7) SCM_RIGHTS: the
// receiver gets new descriptors "as though created with dup(2)").
#include <fcntl.h>
#include <iosafe/iosafe.h>

void pos_received_fd_leaked(iosafe_borrowed_fd sock) {
  iosafe_owned_fd fds[4];
  size_t n = 0;
  char b;
  if (iosafe_recv_fds(sock, &b, 1, fds, 4, &n, 0) < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'iosafe_recv_fds' is not closed or handed on}}

void neg_received_fd_closed(iosafe_borrowed_fd sock) {
  iosafe_owned_fd fds[4];
  size_t n = 0;
  char b;
  if (iosafe_recv_fds(sock, &b, 1, fds, 4, &n, 0) < 0)
    return;
  iosafe_fd_close(&fds[0]);
}

int neg_sent_fd_closed_by_sender(iosafe_borrowed_fd sock, const char *path) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, path, O_RDONLY, 0) != 0)
    return -1;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&fd);
  ssize_t r = iosafe_send_fds(sock, "x", 1, &b, 1, 0);
  iosafe_fd_close(&fd); // no warning: the sender's copy
  return r < 0 ? -1 : 0;
}

int pos_sent_fd_still_the_senders(iosafe_borrowed_fd sock, const char *path) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, path, O_RDONLY, 0) != 0)
    return -1;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&fd);
  ssize_t r = iosafe_send_fds(sock, "x", 1, &b, 1, 0);
  // Still the sender's after the call (not moved to the receiver):
  if (iosafe_fd_is_none(&fd))
    return -2;
  return r < 0 ? -1 : 0; // expected-warning{{fd leak: the fd acquired by 'iosafe_open' is not closed or handed on}}
}
