// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// use after close: an IOSAFE_USES parameter, a borrow or a read/write given
// a released fd.
#include <fcntl.h>
#include <iosafe/iosafe.h>

int make_fd(void) IOSAFE_ACQUIRES;
void close_fd(int fd IOSAFE_RELEASES);
int send_all(int fd IOSAFE_USES, const char *msg);
int flag(void);

void pos_borrow_after_close(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_fd_close(&fd);
  char buf[8];
  iosafe_read(iosafe_fd_borrow(&fd), buf, sizeof buf); // expected-warning{{use after close: this owner's fd was closed before this use}}
}

void pos_uses_param_after_close(void) {
  int fd = make_fd();
  if (fd < 0)
    return;
  close_fd(fd);
  send_all(fd, "x"); // expected-warning{{use after close: the fd is used after it was closed}}
}

void pos_write_through_copy_after_close(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_WRONLY, 0) != 0)
    return;
  iosafe_owned_fd copy = fd;
  iosafe_fd_drop(&fd);
  iosafe_write(iosafe_fd_borrow(&copy), "x", 1); // expected-warning{{use after close}}
}

void pos_use_after_close_on_error_path(void) {
  int fd = make_fd();
  if (fd < 0)
    return;
  if (send_all(fd, "hello") < 0)
    close_fd(fd);
  send_all(fd, "bye"); // expected-warning{{use after close}}
  close_fd(fd);
}

void neg_use_before_close(void) {
  int fd = make_fd();
  if (fd < 0)
    return;
  send_all(fd, "x");
  close_fd(fd);
}

void neg_use_on_other_path(void) {
  int fd = make_fd();
  if (fd < 0)
    return;
  if (flag()) {
    close_fd(fd);
    return;
  }
  send_all(fd, "x");
  close_fd(fd);
}

void neg_is_none_after_close(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_fd_close(&fd);
  if (!iosafe_fd_is_none(&fd))
    iosafe_fd_close(&fd);
}

int peek(iosafe_owned_fd *fd IOSAFE_USES);

void neg_uses_through_pointer_keeps_fd(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  peek(&fd); // the callee only uses it: still owned here
  iosafe_fd_close(&fd);
}

void pos_uses_through_pointer_after_close(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_fd_close(&fd);
  peek(&fd); // expected-warning{{use after close: this owner's fd was closed before this use}}
}
