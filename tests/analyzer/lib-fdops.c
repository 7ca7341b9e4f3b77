// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// iosafe.Ownership over include/iosafe/fdops.h: the acquisitions (dup,
// dup_min, dup_stdin, take_stdin, fd_reopen) from their IOSAFE_ACQUIRES
// out-parameters, the uses from IOSAFE_USES, and the library table's
// iosafe_dup_onto (its target keeps its owner and number) and
// iosafe_close_range (closes the tracked fds of its range).
#include <fcntl.h>
#include <iosafe/iosafe.h>

static int open_a(iosafe_owned_fd *fd) { return iosafe_open(fd, "/a", O_RDONLY, 0); }

void pos_dup_leaks(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE, copy = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  if (iosafe_dup(&copy, iosafe_fd_borrow(&fd)) != 0) {
    iosafe_fd_close(&fd);
    return;
  }
  iosafe_fd_close(&fd); // expected-warning{{fd leak: the fd acquired by 'iosafe_dup' is not closed or handed on}}
}

void neg_dup_min_both_closed(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE, copy = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  if (iosafe_dup_min(&copy, iosafe_fd_borrow(&fd), 10) == 0)
    iosafe_fd_close(&copy);
  iosafe_fd_close(&fd);
}

void pos_dup_of_closed_owner(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE, copy = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&fd);
  iosafe_fd_close(&fd);
  if (iosafe_dup(&copy, b) == 0) // expected-warning{{borrow outlives owner}}
    iosafe_fd_close(&copy);
}

// dup_onto: *target keeps its number and its owner; it is still owned
// after the call and must be closed.
void pos_dup_onto_target_still_owned(void) {
  iosafe_owned_fd src = IOSAFE_FD_NONE, target = IOSAFE_FD_NONE;
  if (open_a(&src) != 0)
    return;
  if (open_a(&target) != 0) {
    iosafe_fd_close(&src);
    return;
  }
  (void)iosafe_dup_onto(iosafe_fd_borrow(&src), &target); // expected-warning{{fd leak: the fd acquired by 'iosafe_open' is not closed or handed on}}
  iosafe_fd_close(&src);
}

void neg_dup_onto_both_closed(void) {
  iosafe_owned_fd src = IOSAFE_FD_NONE, target = IOSAFE_FD_NONE;
  if (open_a(&src) != 0)
    return;
  if (open_a(&target) != 0) {
    iosafe_fd_close(&src);
    return;
  }
  if (iosafe_dup_onto(iosafe_fd_borrow(&src), &target) != 0) {
    iosafe_fd_close(&target);
    iosafe_fd_close(&src);
    return;
  }
  iosafe_fd_close(&src);
  char b[4];
  iosafe_read(iosafe_fd_borrow(&target), b, sizeof b);
  iosafe_fd_close(&target);
}

void pos_dup_onto_closed_target(void) {
  iosafe_owned_fd src = IOSAFE_FD_NONE, target = IOSAFE_FD_NONE;
  if (open_a(&src) != 0)
    return;
  if (open_a(&target) != 0) {
    iosafe_fd_close(&src);
    return;
  }
  iosafe_fd_close(&target);
  (void)iosafe_dup_onto(iosafe_fd_borrow(&src), &target); // expected-warning{{use after close}}
  iosafe_fd_close(&src);
}

// dup2_stdin copies the fd onto 0; the caller still owns it (the dropbear
// pattern forgets to close it).
void pos_dup2_stdin_then_leak(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  if (iosafe_dup2_stdin(iosafe_fd_borrow(&fd)) != 0) {
    iosafe_fd_close(&fd);
    return;
  }
} // expected-warning{{fd leak}}

void neg_dup2_stdout_then_close(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  (void)iosafe_dup2_stdout(iosafe_fd_borrow(&fd));
  iosafe_fd_close(&fd);
}

void pos_dup2_stderr_after_close(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  iosafe_fd_close(&fd);
  (void)iosafe_dup2_stderr(iosafe_fd_borrow(&fd)); // expected-warning{{use after close}}
}

void pos_take_stdin_leaks(void) {
  iosafe_owned_fd in = IOSAFE_FD_NONE;
  if (iosafe_take_stdin(&in) != 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'iosafe_take_stdin' is not closed or handed on}}

void neg_dup_stdout_closed(void) {
  iosafe_owned_fd out = IOSAFE_FD_NONE;
  if (iosafe_dup_stdout(&out) != 0)
    return;
  iosafe_fd_close(&out);
}

void pos_reopen_closed_twice(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE, again = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  if (iosafe_fd_reopen(&again, iosafe_fd_borrow(&fd), O_RDONLY) != 0) {
    iosafe_fd_close(&fd);
    return;
  }
  iosafe_fd_close(&fd);
  int raw = iosafe_fd_into_raw(&again);
  iosafe_owned_fd back = iosafe_fd_from_raw(raw);
  iosafe_fd_close(&back);
  iosafe_owned_fd back2 = iosafe_fd_from_raw(raw); // expected-warning{{use after close}}
  iosafe_fd_close(&back2);
}

void neg_flags_on_owned(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  bool on = false;
  int fl = 0;
  (void)iosafe_fd_get_cloexec(iosafe_fd_borrow(&fd), &on);
  (void)iosafe_fd_set_nonblock(iosafe_fd_borrow(&fd), true);
  (void)iosafe_fd_get_flags(iosafe_fd_borrow(&fd), &fl);
  (void)iosafe_fd_move_above_stdio(&fd);
  iosafe_fd_close(&fd);
}

void pos_set_flags_after_close(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  iosafe_fd_close(&fd);
  (void)iosafe_fd_set_cloexec(iosafe_fd_borrow(&fd), false); // expected-warning{{use after close}}
}

void pos_move_above_stdio_leaks(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  (void)iosafe_fd_move_above_stdio(&fd); // expected-warning{{fd leak}}
}

// close_range over a constant range: an fd certainly in it is closed.
void pos_close_range_then_close(void) {
  iosafe_owned_fd o = IOSAFE_FD_NONE;
  if (open_a(&o) != 0)
    return;
  if (iosafe_fd_raw(iosafe_fd_borrow(&o)) != 5) {
    iosafe_fd_close(&o);
    return;
  }
  (void)iosafe_close_range(3, ~0U, 0);
  iosafe_fd_close(&o); // expected-warning{{double close}}
}

void neg_close_range_cloexec_keeps(void) {
  iosafe_owned_fd o = IOSAFE_FD_NONE;
  if (open_a(&o) != 0)
    return;
  if (iosafe_fd_raw(iosafe_fd_borrow(&o)) != 5) {
    iosafe_fd_close(&o);
    return;
  }
  (void)iosafe_close_range(3, ~0U, IOSAFE_CLOSE_RANGE_CLOEXEC);
  iosafe_fd_close(&o);
}

void neg_fd_same_and_path(void) {
  iosafe_owned_fd a = IOSAFE_FD_NONE;
  if (open_a(&a) != 0)
    return;
  bool same = false;
  char path[64];
  (void)iosafe_fd_same(iosafe_fd_borrow(&a), iosafe_fd_borrow(&a), &same);
  (void)iosafe_fd_get_path(iosafe_fd_borrow(&a), path, sizeof path);
  iosafe_fd_close(&a);
}
