// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// double close: releasing an fd that was already released.
#include <fcntl.h>
#include <iosafe/iosafe.h>

int make_fd(void) IOSAFE_ACQUIRES;
void close_fd(int fd IOSAFE_RELEASES);
int flag(void);

void pos_double_close_through_copy(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_owned_fd copy = fd;
  iosafe_fd_close(&fd);
  iosafe_fd_close(&copy); // expected-warning{{double close: the fd was already closed}}
}

void pos_double_close_raw_int(void) {
  int fd = make_fd();
  if (fd < 0)
    return;
  close_fd(fd);
  close_fd(fd); // expected-warning{{double close}}
}

void pos_double_close_on_one_path(void) {
  int fd = make_fd();
  if (fd < 0)
    return;
  if (flag())
    close_fd(fd);
  close_fd(fd); // expected-warning{{double close}}
}

void pos_double_close_from_raw_copy(void) {
  iosafe_owned_fd a = IOSAFE_FD_NONE;
  if (iosafe_open(&a, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_owned_fd b = iosafe_fd_from_raw(a.raw); // a second owner of one fd
  iosafe_fd_drop(&a);
  iosafe_fd_drop(&b); // expected-warning{{double close}}
}

void pos_double_close_param(int fd) {
  close_fd(fd);
  close_fd(fd); // expected-warning{{double close}}
}

void neg_close_twice_same_owner(void) {
  // iosafe_fd_close leaves the owner none: the second close is a no-op.
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_fd_close(&fd);
  iosafe_fd_close(&fd);
}

void neg_close_then_drop(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  if (iosafe_fd_close(&fd) != 0)
    iosafe_fd_drop(&fd);
}

void neg_close_on_exclusive_paths(void) {
  int fd = make_fd();
  if (fd < 0)
    return;
  if (flag())
    close_fd(fd);
  else
    close_fd(fd);
}

void neg_reopen_after_close(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_fd_close(&fd);
  if (iosafe_open(&fd, "/b", O_RDONLY, 0) != 0)
    return;
  iosafe_fd_close(&fd);
}
