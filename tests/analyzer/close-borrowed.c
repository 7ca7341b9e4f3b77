// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// close of borrowed fd: a borrowed fd (or the raw number taken from a
// borrow) passed to a close or releasing parameter.
#include <fcntl.h>
#include <iosafe/iosafe.h>

void close_fd(int fd IOSAFE_RELEASES);
void consume(iosafe_owned_fd fd IOSAFE_RELEASES);

void pos_close_raw_of_borrow(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&fd);
  close_fd(iosafe_fd_raw(b)); // expected-warning{{close of borrowed fd: a borrowed fd is released; only its owner may close it}}
  iosafe_fd_close(&fd);
}

void pos_close_borrowed_param(iosafe_borrowed_fd b) {
  close_fd(iosafe_fd_raw(b)); // expected-warning{{close of borrowed fd}}
}

void pos_adopt_borrowed(iosafe_borrowed_fd b) {
  iosafe_owned_fd o = iosafe_fd_from_raw(iosafe_fd_raw(b)); // expected-warning{{close of borrowed fd: a borrowed fd is adopted as owned}}
  iosafe_fd_close(&o);
}

void pos_close_stdout(void) {
  int raw = iosafe_fd_raw(iosafe_stdout());
  consume(iosafe_fd_from_raw(raw)); // expected-warning{{close of borrowed fd}}
}

void pos_close_borrow_raw(int owned_elsewhere) {
  iosafe_borrowed_fd b = iosafe_fd_borrow_raw(owned_elsewhere);
  close_fd(iosafe_fd_raw(b)); // expected-warning{{close of borrowed fd}}
}

void neg_close_owner_not_borrow(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&fd);
  char buf[4];
  iosafe_read(b, buf, 4);
  iosafe_fd_close(&fd);
}

void neg_clone_then_close_clone(iosafe_borrowed_fd b) {
  iosafe_owned_fd copy = IOSAFE_FD_NONE;
  if (iosafe_fd_try_clone(b, &copy) != 0)
    return;
  iosafe_fd_close(&copy);
}

void neg_close_own_int(int fd IOSAFE_RELEASES) {
  close_fd(fd);
}
