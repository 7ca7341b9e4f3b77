// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// Loops: an accept loop, retries, an fd per iteration.
#include <fcntl.h>
#include <iosafe/iosafe.h>

int handle(iosafe_borrowed_fd c IOSAFE_USES);
void serve(iosafe_owned_fd c IOSAFE_RELEASES);
int flag(void);

void pos_leak_each_iteration(iosafe_borrowed_fd listener) {
  for (;;) {
    iosafe_owned_fd c = IOSAFE_FD_NONE;
    if (iosafe_accept(&c, listener, 0, 0, 0) != 0)
      continue;
    handle(iosafe_fd_borrow(&c)); // expected-warning{{fd leak: the fd acquired by 'iosafe_accept'}}
  }
}

void pos_leak_on_break(iosafe_borrowed_fd listener) {
  for (int i = 0; i < 10; i++) {
    iosafe_owned_fd c = IOSAFE_FD_NONE;
    if (iosafe_accept(&c, listener, 0, 0, 0) != 0)
      continue;
    if (handle(iosafe_fd_borrow(&c)) < 0)
      break;
    iosafe_fd_close(&c);
  }
} // expected-warning{{fd leak}}

void pos_overwritten_in_loop(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  for (int i = 0; i < 3; i++) { // expected-warning{{fd leak}}
    if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
      return;
  }
  iosafe_fd_close(&fd);
}

void neg_accept_loop_handed_on(iosafe_borrowed_fd listener) {
  for (;;) {
    iosafe_owned_fd c = IOSAFE_FD_NONE;
    if (iosafe_accept(&c, listener, 0, 0, 0) != 0)
      continue;
    serve(iosafe_fd_take(&c));
  }
}

void neg_accept_loop_closed(iosafe_borrowed_fd listener, int n) {
  for (int i = 0; i < n; i++) {
    iosafe_owned_fd c = IOSAFE_FD_NONE;
    if (iosafe_accept(&c, listener, 0, 0, 0) != 0)
      continue;
    handle(iosafe_fd_borrow(&c));
    iosafe_fd_close(&c);
  }
}

void neg_retry_until_open(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  while (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0) {
    if (!flag())
      return;
  }
  iosafe_fd_close(&fd);
}

void neg_auto_fd_per_iteration(iosafe_borrowed_fd listener, int n) {
  for (int i = 0; i < n; i++) {
    iosafe_auto_fd c = IOSAFE_FD_NONE;
    if (iosafe_accept(&c, listener, 0, 0, 0) != 0)
      continue;
    if (handle(iosafe_fd_borrow(&c)) < 0)
      break;
  }
}

void neg_close_previous_before_reopen(int n) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  for (int i = 0; i < n; i++) {
    iosafe_fd_drop(&fd);
    if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
      return;
  }
  iosafe_fd_drop(&fd);
}

void pos_after_loop_leak_seen_with_auto_fd(iosafe_borrowed_fd listener, int n) {
  // The analysis goes on after a loop whose body declares an iosafe_auto_fd.
  for (int i = 0; i < n; i++) {
    iosafe_auto_fd c = IOSAFE_FD_NONE;
    if (iosafe_accept(&c, listener, 0, 0, 0) != 0)
      continue;
  }
  iosafe_owned_fd log = IOSAFE_FD_NONE;
  if (iosafe_open(&log, "/log", O_WRONLY, 0) != 0)
    return;
} // expected-warning{{fd leak}}
