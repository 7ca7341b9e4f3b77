// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// The patterns of examples/fd_daemon.c: the daemon accepts a client and
// passes it to a worker with iosafe_send_fds (a borrow: the daemon's copy
// stays the daemon's and must still be closed, unix(7) SCM_RIGHTS); the
// worker owns what iosafe_recv_fds gives it and releases it on every path.
#include <errno.h>
#include <iosafe/iosafe.h>

long echo(iosafe_borrowed_fd conn IOSAFE_USES);

int neg_daemon_hand_off_auto_fd(iosafe_borrowed_fd listener, iosafe_borrowed_fd chan) {
  iosafe_auto_fd conn = IOSAFE_FD_NONE;
  if (iosafe_accept(&conn, listener, 0, 0, 0) < 0)
    return -1;
  iosafe_borrowed_fd pass = iosafe_fd_borrow(&conn);
  ssize_t s = iosafe_send_fds(chan, "c", 1, &pass, 1, 0);
  return s < 0 ? (int)s : 0; // no warning: conn's cleanup closes the daemon's copy
}

int pos_daemon_keeps_its_copy_open(iosafe_borrowed_fd listener, iosafe_borrowed_fd chan) {
  iosafe_owned_fd conn = IOSAFE_FD_NONE;
  if (iosafe_accept(&conn, listener, 0, 0, 0) < 0)
    return -1;
  // Reported where conn is last named (its owner dies there):
  iosafe_borrowed_fd pass = iosafe_fd_borrow(&conn); // expected-warning{{fd leak: the fd acquired by 'iosafe_accept' is not closed or handed on}}
  ssize_t s = iosafe_send_fds(chan, "c", 1, &pass, 1, 0);
  // The worker has its own descriptor now; the daemon's is still open.
  return s < 0 ? (int)s : 0;
}

int pos_daemon_uses_its_copy_after_closing(iosafe_borrowed_fd listener, iosafe_borrowed_fd chan) {
  iosafe_owned_fd conn = IOSAFE_FD_NONE;
  if (iosafe_accept(&conn, listener, 0, 0, 0) < 0)
    return -1;
  iosafe_borrowed_fd pass = iosafe_fd_borrow(&conn);
  ssize_t s = iosafe_send_fds(chan, "c", 1, &pass, 1, 0);
  iosafe_fd_close(&conn);
  if (s < 0)
    return (int)iosafe_write(pass, "busy\n", 5); // expected-warning{{borrow outlives owner}}
  return 0;
}

int neg_worker_releases_on_every_path(iosafe_borrowed_fd chan) {
  iosafe_owned_fd fds[1];
  size_t n = 0;
  char tag = 0;
  ssize_t r = iosafe_recv_fds(chan, &tag, 1, fds, 1, &n, 0);
  if (r < 0)
    return (int)r; // failed: every fds[i] is none
  if (tag == 'c' && n == 1)
    echo(iosafe_fd_borrow(&fds[0]));
  iosafe_fd_drop(&fds[0]);
  return r == 0 ? 0 : 1;
}

int neg_worker_auto_fd_after_take(iosafe_borrowed_fd chan) {
  iosafe_owned_fd fds[1];
  size_t n = 0;
  char tag = 0;
  if (iosafe_recv_fds(chan, &tag, 1, fds, 1, &n, 0) < 0)
    return -1;
  iosafe_auto_fd conn = iosafe_fd_take(&fds[0]);
  if (tag != 'c')
    return -EPROTO; // no warning: conn's cleanup closes it
  echo(iosafe_fd_borrow(&conn));
  return 0;
}

int pos_worker_returns_on_a_bad_tag(iosafe_borrowed_fd chan) {
  iosafe_owned_fd fds[1];
  size_t n = 0;
  char tag = 0;
  ssize_t r = iosafe_recv_fds(chan, &tag, 1, fds, 1, &n, 0);
  if (r < 0)
    return (int)r;
  if (tag != 'c')
    return -EPROTO; // expected-warning{{fd leak: the fd acquired by 'iosafe_recv_fds' is not closed or handed on}}
  iosafe_fd_drop(&fds[0]);
  return 1;
}

int pos_worker_drops_only_on_an_empty_message(iosafe_borrowed_fd chan) {
  iosafe_owned_fd fds[1];
  size_t n = 0;
  char tag = 0;
  ssize_t r = iosafe_recv_fds(chan, &tag, 1, fds, 1, &n, 0);
  if (r < 0)
    return (int)r;
  if (r == 0) {
    iosafe_fd_drop(&fds[0]);
    return 0;
  }
  return 1; // expected-warning{{fd leak: the fd acquired by 'iosafe_recv_fds' is not closed or handed on}}
}
