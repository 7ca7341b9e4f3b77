// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// process.h, term.h, mq.h and serial.h, known to the checker from their
// annotations alone: each acquisition's out-parameter is owned on success,
// the borrows are only used, and the two ends of iosafe_openpty leak apart.
#include <fcntl.h>
#include <iosafe/iosafe.h>

int flag(void);

int pos_openpty_slave_leaks(void) {
  iosafe_owned_fd m = IOSAFE_FD_NONE, s = IOSAFE_FD_NONE;
  if (iosafe_openpty(&m, &s, 0, 0) != 0)
    return -1;
  return iosafe_fd_close(&m); // expected-warning{{fd leak: the fd acquired by 'iosafe_openpty' is not closed or handed on (out-parameter 2)}}
}

int neg_openpty_both_closed(void) {
  iosafe_owned_fd m = IOSAFE_FD_NONE, s = IOSAFE_FD_NONE;
  if (iosafe_openpty(&m, &s, 0, 0) != 0)
    return -1;
  iosafe_fd_close(&s);
  return iosafe_fd_close(&m);
}

int pos_mq_open_leaks(void) {
  iosafe_owned_fd q = IOSAFE_FD_NONE;
  if (iosafe_mq_open(&q, "/q", O_RDONLY, 0, 0) != 0)
    return -1;
  if (flag())
    return -1; // expected-warning{{fd leak: the fd acquired by 'iosafe_mq_open'}}
  return iosafe_fd_close(&q);
}

int neg_mq_send_borrows(void) {
  iosafe_owned_fd q = IOSAFE_FD_NONE;
  if (iosafe_mq_open(&q, "/q", O_WRONLY, 0, 0) != 0)
    return -1;
  (void)iosafe_mq_send(iosafe_fd_borrow(&q), "x", 1, 0);
  return iosafe_fd_close(&q); // no warning: the send only borrowed it
}

int pos_pidfd_getfd_leaks(iosafe_borrowed_fd pidfd) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_pidfd_getfd(&fd, pidfd, 3, 0) != 0)
    return -1;
  return 0; // expected-warning{{fd leak: the fd acquired by 'iosafe_pidfd_getfd'}}
}

int pos_pidfd_wait_after_close(int pid) {
  iosafe_owned_fd p = IOSAFE_FD_NONE;
  siginfo_t si;
  if (iosafe_pidfd_open(&p, pid, 0) != 0)
    return -1;
  iosafe_fd_close(&p);
  return iosafe_pidfd_wait(iosafe_fd_borrow(&p), &si, WEXITED); // expected-warning{{use after}}
}

int pos_serial_open_leaks(const char *path) {
  iosafe_owned_fd port = IOSAFE_FD_NONE;
  if (iosafe_serial_open(&port, path, 115200, 0) != 0)
    return -1;
  (void)iosafe_serial_set_baud(iosafe_fd_borrow(&port), 9600); // expected-warning{{fd leak: the fd acquired by 'iosafe_serial_open'}}
  return 0;
}

int neg_term_guard_borrows(iosafe_borrowed_fd tty) {
  iosafe_term_guard g = IOSAFE_TERM_GUARD_INIT;
  if (iosafe_term_raw_begin(&g, tty) != 0)
    return -1;
  return iosafe_term_restore(&g); // no warning: the guard owns no fd
}
