// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// Paths that end in exit() or abort(): the process releases every fd.
#include <fcntl.h>
#include <stdlib.h>
#include <iosafe/iosafe.h>

int flag(void);
_Noreturn void die(const char *msg);
int make_fd(void) IOSAFE_ACQUIRES;

void neg_exit_after_open(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    exit(1);
  if (flag())
    exit(2);
  iosafe_fd_close(&fd);
}

void neg_abort_on_error(void) {
  int fd = make_fd();
  if (fd < 0)
    return;
  abort();
}

void neg_noreturn_helper(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  die("fatal");
}

int main_like(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return 1;
  exit(0);
}

void neg_main_like_exit(void) { (void)main_like(); }

void pos_leak_on_the_path_that_returns(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  if (flag()) // expected-warning{{fd leak}}
    exit(1);
}
