// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// use after move: using an owner after take, into_raw, or passing it to a
// releasing parameter.
#include <fcntl.h>
#include <iosafe/iosafe.h>

void consume(iosafe_owned_fd fd IOSAFE_RELEASES);
void consume_raw(int fd IOSAFE_RELEASES);
void consume_ptr(iosafe_owned_fd *fd IOSAFE_RELEASES);
int uses(int fd IOSAFE_USES);

static int open_a(iosafe_owned_fd *fd) { return iosafe_open(fd, "/a", O_RDONLY, 0); }

void pos_borrow_after_take(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  iosafe_owned_fd other = iosafe_fd_take(&fd);
  char b[4];
  iosafe_read(iosafe_fd_borrow(&fd), b, 4); // expected-warning{{use after move: the fd was moved out of this owner before this use}}
  iosafe_fd_close(&other);
}

void pos_take_twice(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  consume(iosafe_fd_take(&fd));
  consume(iosafe_fd_take(&fd)); // expected-warning{{use after move}}
}

void pos_owner_used_after_into_raw(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  int raw = iosafe_fd_into_raw(&fd);
  consume_raw(raw);
  char b[4];
  iosafe_read(iosafe_fd_borrow(&fd), b, 4); // expected-warning{{use after move: the fd was moved out of this owner before this use}}
}

void pos_by_value_move_then_use(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  consume(fd);
  char b[4];
  iosafe_read(iosafe_fd_borrow(&fd), b, 4); // expected-warning{{use after move}}
}

void pos_release_after_move_by_pointer(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  consume_ptr(&fd);
  consume_ptr(&fd); // expected-warning{{use after move}}
}

void pos_owned_param_moved_twice(iosafe_owned_fd fd) {
  consume(fd);
  consume(fd); // expected-warning{{use after move: the fd is released after its ownership was moved}}
}

void neg_close_after_take_is_noop(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  consume(iosafe_fd_take(&fd));
  iosafe_fd_drop(&fd); // none: nothing to close, nothing used
}

void neg_reuse_after_take_and_reopen(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  consume(iosafe_fd_take(&fd));
  if (open_a(&fd) != 0)
    return;
  char b[4];
  iosafe_read(iosafe_fd_borrow(&fd), b, 4);
  iosafe_fd_close(&fd);
}

void neg_reassigned_after_take(void) {
  iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE;
  if (open_a(&a) != 0)
    return;
  b = iosafe_fd_take(&a);
  a = iosafe_fd_take(&b);
  char buf[4];
  iosafe_read(iosafe_fd_borrow(&a), buf, 4);
  iosafe_fd_close(&a);
}

void neg_use_new_owner(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_a(&fd) != 0)
    return;
  iosafe_owned_fd other = iosafe_fd_take(&fd);
  char b[4];
  iosafe_read(iosafe_fd_borrow(&other), b, 4);
  iosafe_fd_close(&other);
}
