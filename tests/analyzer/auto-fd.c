// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// iosafe_auto_fd: the cleanup attribute closes the owner at scope exit.
// Clang 19's analyzer does not run cleanup functions; the checker knows the
// owner is dropped when it goes out of scope.
#include <fcntl.h>
#include <iosafe/iosafe.h>

void consume(iosafe_owned_fd fd IOSAFE_RELEASES);
int flag(void);

// A systemd-style cleanup function of one's own, annotated: understood too.
void closep(int *fd IOSAFE_RELEASES);
int make_fd(void) IOSAFE_ACQUIRES;

void neg_auto_closed_at_scope_exit(void) {
  iosafe_auto_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  char buf[4];
  iosafe_read(iosafe_fd_borrow(&fd), buf, 4);
}

void neg_auto_early_returns(void) {
  iosafe_auto_fd a = IOSAFE_FD_NONE;
  iosafe_auto_fd b = IOSAFE_FD_NONE;
  if (iosafe_open(&a, "/a", O_RDONLY, 0) != 0)
    return;
  if (iosafe_open(&b, "/b", O_RDONLY, 0) != 0)
    return;
  if (flag())
    return;
}

void neg_auto_explicit_close_then_cleanup(void) {
  iosafe_auto_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  if (iosafe_fd_close(&fd) != 0)
    return;
}

int neg_auto_into_raw_hands_on(void) {
  iosafe_auto_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return -1;
  return iosafe_fd_into_raw(&fd);
}

void neg_auto_take_into_callee(void) {
  iosafe_auto_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  consume(iosafe_fd_take(&fd));
}

void neg_auto_in_loop(int n) {
  for (int i = 0; i < n; i++) {
    iosafe_auto_fd fd = IOSAFE_FD_NONE;
    if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
      continue;
    if (flag())
      break;
  }
}

void neg_own_cleanup_function(void) {
  __attribute__((cleanup(closep))) int fd = make_fd();
  if (fd < 0)
    return;
}

void pos_auto_taken_then_leaked(void) {
  iosafe_auto_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_owned_fd plain = iosafe_fd_take(&fd);
  (void)plain;
} // expected-warning{{fd leak}}

void pos_auto_used_after_take(void) {
  iosafe_auto_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  consume(iosafe_fd_take(&fd));
  iosafe_write(iosafe_fd_borrow(&fd), "x", 1); // expected-warning{{use after move}}
}

void pos_plain_owner_beside_auto(void) {
  iosafe_auto_fd a = IOSAFE_FD_NONE;
  iosafe_owned_fd b = IOSAFE_FD_NONE;
  if (iosafe_open(&a, "/a", O_RDONLY, 0) != 0)
    return;
  if (iosafe_open(&b, "/b", O_RDONLY, 0) != 0)
    return;
} // expected-warning{{fd leak}}

void pos_borrow_of_auto_after_close(void) {
  iosafe_auto_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&fd);
  iosafe_fd_close(&fd);
  iosafe_write(b, "x", 1); // expected-warning{{borrow outlives owner}}
}
