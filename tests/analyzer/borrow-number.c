// RUN: %clang_analyze_cc1 -analyzer-checker=core,debug.ExprInspection,iosafe.Ownership -verify %s
// A borrow is its owner's number: a test of the borrow decides the owner,
// and what is known of the owner holds for the borrow.  (The engine tells
// the constraint manager so where a condition tests a borrow.)
#include <fcntl.h>
#include <iosafe/iosafe.h>

void clang_analyzer_eval(int);

void pos_borrow_equals_owner(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&fd);
  clang_analyzer_eval(iosafe_fd_raw(b) == fd.raw); // expected-warning{{TRUE}}
  clang_analyzer_eval(b.raw >= 0);                  // expected-warning{{TRUE}}
  iosafe_fd_close(&fd);
}

void pos_borrow_test_decides_owner(iosafe_owned_fd *fd) {
  iosafe_borrowed_fd b = iosafe_fd_borrow(fd);
  if (iosafe_fd_raw(b) != 7)
    return;
  clang_analyzer_eval(fd->raw == 7); // expected-warning{{TRUE}}
}

void neg_owner_none_through_borrow(iosafe_owned_fd *fd) {
  iosafe_borrowed_fd b = iosafe_fd_borrow(fd);
  if (iosafe_fd_raw(b) >= 0)
    return;
  iosafe_fd_close(fd); // a none owner: closing it is no double close
  iosafe_fd_close(fd);
}
