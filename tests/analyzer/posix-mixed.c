// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.Ownership,iosafe.PosixFd -verify %s
// iosafe types and plain POSIX calls together.
#include <fcntl.h>
#include <unistd.h>
#include <iosafe/iosafe.h>

void pos_close_raw_of_borrow(iosafe_borrowed_fd b) {
  close(iosafe_fd_raw(b)); // expected-warning{{close of borrowed fd}}
}

void pos_close_stdout(void) {
  close(iosafe_fd_raw(iosafe_stdout())); // expected-warning{{close of borrowed fd}}
}

void pos_into_raw_leaked(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  int raw = iosafe_fd_into_raw(&fd);
  write(raw, "x", 1);
} // expected-warning{{fd leak}}

void pos_from_raw_then_close_raw(const char *p) {
  int raw = open(p, O_RDONLY);
  if (raw < 0)
    return;
  iosafe_owned_fd fd = iosafe_fd_from_raw(raw);
  close(raw);
  iosafe_fd_close(&fd); // expected-warning{{double close}}
}

void pos_read_raw_after_owner_closed(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  int raw = iosafe_fd_raw(iosafe_fd_borrow(&fd));
  iosafe_fd_close(&fd);
  char b[4];
  read(raw, b, 4); // expected-warning{{borrow outlives owner}}
}

void neg_into_raw_closed(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  int raw = iosafe_fd_into_raw(&fd);
  write(raw, "x", 1);
  close(raw);
}

void neg_adopted_open(const char *p) {
  iosafe_auto_fd fd = iosafe_fd_from_raw(open(p, O_RDONLY | O_CLOEXEC));
  if (iosafe_fd_is_none(&fd))
    return;
  char b[4];
  iosafe_read(iosafe_fd_borrow(&fd), b, 4);
}

void neg_fstat_on_borrow(iosafe_borrowed_fd b) {
  char buf[4];
  read(iosafe_fd_raw(b), buf, 4);
}
