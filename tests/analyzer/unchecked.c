// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// unchecked fd: an acquired fd used before the success of its acquisition
// was checked.
#include <fcntl.h>
#include <iosafe/iosafe.h>

int make_fd(void) IOSAFE_ACQUIRES;
int open_log(int *out IOSAFE_ACQUIRES);
int use_raw(int fd IOSAFE_USES);
void close_fd(int fd IOSAFE_RELEASES);

void pos_read_without_checking_open(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  iosafe_open(&fd, "/a", O_RDONLY, 0);
  char buf[4];
  iosafe_read(iosafe_fd_borrow(&fd), buf, 4); // expected-warning{{unchecked fd: the fd is used before the success of its acquisition was checked}}
  iosafe_fd_close(&fd);
}

void pos_raw_fd_used_unchecked(void) {
  int fd = make_fd();
  use_raw(fd); // expected-warning{{unchecked fd}}
  close_fd(fd);
}

void pos_out_param_used_unchecked(void) {
  int fd;
  open_log(&fd);
  use_raw(fd); // expected-warning{{unchecked fd}}
  close_fd(fd);
}

void pos_accept_unchecked(iosafe_borrowed_fd listener) {
  iosafe_owned_fd c = IOSAFE_FD_NONE;
  iosafe_accept(&c, listener, 0, 0, 0);
  iosafe_write(iosafe_fd_borrow(&c), "x", 1); // expected-warning{{unchecked fd}}
  iosafe_fd_close(&c);
}

void neg_checked_status(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) < 0)
    return;
  char buf[4];
  iosafe_read(iosafe_fd_borrow(&fd), buf, 4);
  iosafe_fd_close(&fd);
}

void neg_checked_by_is_none(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  (void)iosafe_open(&fd, "/a", O_RDONLY, 0);
  if (iosafe_fd_is_none(&fd))
    return;
  char buf[4];
  iosafe_read(iosafe_fd_borrow(&fd), buf, 4);
  iosafe_fd_close(&fd);
}

void neg_checked_raw_fd(void) {
  int fd = make_fd();
  if (fd < 0)
    return;
  use_raw(fd);
  close_fd(fd);
}

void neg_checked_out_param_status(void) {
  int fd;
  if (open_log(&fd) != 0)
    return;
  use_raw(fd);
  close_fd(fd);
}

void neg_checked_rc_variable(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  int rc = iosafe_open(&fd, "/a", O_RDONLY, 0);
  if (rc == 0) {
    char buf[4];
    iosafe_read(iosafe_fd_borrow(&fd), buf, 4);
  }
  iosafe_fd_drop(&fd);
}

void neg_close_unchecked_is_fine(void) {
  // Closing an owner that may be none is a no-op: no use.
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  iosafe_open(&fd, "/a", O_RDONLY, 0);
  iosafe_fd_close(&fd);
}
