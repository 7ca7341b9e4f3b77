// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership,iosafe.PosixFd -verify=expected,posix %s
// iosafe.Ownership alone (iosafe-check --no-posix) knows close(2) as a
// release: the annotation checks do not depend on iosafe.PosixFd.  Alone,
// it applies close(2) to the fds it tracks (annotated parameters,
// libiosafe's fds) and leaves plain POSIX fds to iosafe.PosixFd (the
// second run, whose extra reports carry the prefix posix).
#include <fcntl.h>
#include <iosafe/iosafe.h>
#include <unistd.h>

int flag(void);

// The example of README.md ("Annotations for your own APIs").
void neg_conn_free(int fd IOSAFE_RELEASES) { close(fd); }

void neg_conn_free_checked(int fd IOSAFE_RELEASES) {
  if (fd >= 0)
    close(fd);
}

void pos_release_on_one_path(int fd IOSAFE_RELEASES) {
  if (flag())
    close(fd);
} // expected-warning{{annotation mismatch: IOSAFE_RELEASES parameter 'fd' is not released on this path}}

void pos_uses_param_closed(int fd IOSAFE_USES) {
  close(fd); // expected-warning{{annotation mismatch: IOSAFE_USES parameter 'fd' is closed}}
}

void pos_release_param_closed_twice(int fd IOSAFE_RELEASES) {
  close(fd);
  close(fd); // expected-warning{{double close: the fd was already closed}}
}

int pos_release_param_used_after_close(int fd IOSAFE_RELEASES) {
  char c;
  close(fd);
  return (int)iosafe_read(iosafe_fd_borrow_raw(fd), &c, 1); // expected-warning{{use after close}}
}

void neg_library_fd_closed_raw(const char *p) {
  iosafe_owned_fd fd;
  if (iosafe_open(&fd, p, O_RDONLY, 0) != 0)
    return;
  close(iosafe_fd_into_raw(&fd));
}

void pos_library_fd_closed_raw_twice(const char *p) {
  iosafe_owned_fd fd;
  if (iosafe_open(&fd, p, O_RDONLY, 0) != 0)
    return;
  int raw = iosafe_fd_into_raw(&fd);
  close(raw);
  close(raw); // expected-warning{{double close: the fd was already closed}}
}

void neg_plain_fd_left_to_posixfd(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  close(fd);
  close(fd); // posix-warning{{double close: the fd was already closed}}
}
