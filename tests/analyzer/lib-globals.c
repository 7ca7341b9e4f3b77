// RUN: %clang_analyze_cc1 -analyzer-checker=core,apiModeling.Errno,debug.ExprInspection,iosafe.Ownership -verify %s
// What a call of libiosafe does to memory it is not given: a call that
// makes a system call may set errno and is taken to touch the globals, as
// any call the analyzer evaluates itself; fd.h's moves, borrows and none
// test make none and leave every global as it was.  (An unknown value
// compared is split by the analyzer's eager assumption: TRUE on one path,
// FALSE on the other.)
#include <errno.h>
#include <fcntl.h>
#include <iosafe/iosafe.h>

void clang_analyzer_eval(int);

int configured;

void pos_errno_after_open(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  errno = 0;
  int rc = iosafe_open(&fd, "/a", O_RDONLY, 0);
  clang_analyzer_eval(errno == 0); // expected-warning{{TRUE}} expected-warning{{FALSE}}
  if (rc == 0)
    iosafe_fd_close(&fd);
}

void pos_global_after_close(iosafe_owned_fd *fd) {
  configured = 1;
  iosafe_fd_close(fd);
  clang_analyzer_eval(configured == 1); // expected-warning{{TRUE}} expected-warning{{FALSE}}
}

void pos_globals_kept_by_borrow_and_take(iosafe_owned_fd *fd) {
  configured = 1;
  errno = 0;
  iosafe_borrowed_fd b = iosafe_fd_borrow(fd);
  (void)iosafe_fd_raw(b);
  (void)iosafe_fd_is_none(fd);
  iosafe_owned_fd moved = iosafe_fd_take(fd);
  clang_analyzer_eval(configured == 1); // expected-warning{{TRUE}}
  clang_analyzer_eval(errno == 0);      // expected-warning{{TRUE}}
  iosafe_fd_close(&moved);
}
