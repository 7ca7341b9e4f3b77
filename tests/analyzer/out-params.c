// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// out-parameters: an fd received through a pointer.
#include <fcntl.h>
#include <iosafe/iosafe.h>

int open_log(int *out IOSAFE_ACQUIRES);
void open_void(int *out IOSAFE_ACQUIRES);
int open_pair(iosafe_owned_fd *a IOSAFE_ACQUIRES, iosafe_owned_fd *b IOSAFE_ACQUIRES);
void close_fd(int fd IOSAFE_RELEASES);

// Unannotated helpers in the same translation unit are inlined.
static int open_config(iosafe_owned_fd *out) {
  return iosafe_open(out, "/etc/app.conf", O_RDONLY, 0);
}

void pos_int_out_param_leaked(void) {
  int fd;
  if (open_log(&fd) != 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'open_log' is not closed or handed on}}

void pos_void_out_param_leaked(void) {
  int fd = -1;
  open_void(&fd);
  if (fd < 0)
    return;
} // expected-warning{{fd leak}}

void pos_pair_one_leaked(void) {
  iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE;
  if (open_pair(&a, &b) != 0)
    return;
  iosafe_fd_close(&a); // expected-warning{{fd leak}}
}

void pos_inlined_helper_leaked(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_config(&fd) != 0)
    return;
} // expected-warning{{fd leak}}

void pos_out_param_overwritten(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  if (iosafe_open(&fd, "/b", O_RDONLY, 0) != 0)
    return; // expected-warning{{fd leak}}
  iosafe_fd_close(&fd);
}

void neg_int_out_param_closed(void) {
  int fd;
  if (open_log(&fd) != 0)
    return;
  close_fd(fd);
}

void neg_failure_leaves_nothing(void) {
  int fd;
  if (open_log(&fd) < 0)
    return;
  close_fd(fd);
}

void neg_inlined_helper_closed(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (open_config(&fd) != 0)
    return;
  iosafe_fd_close(&fd);
}

int neg_forwarded_out_param(iosafe_owned_fd *out) {
  return open_config(out);
}

void neg_pair_closed(void) {
  iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE;
  if (open_pair(&a, &b) != 0)
    return;
  iosafe_fd_close(&a);
  iosafe_fd_close(&b);
}

void neg_try_clone_closed(iosafe_borrowed_fd fd) {
  iosafe_owned_fd copy = IOSAFE_FD_NONE;
  if (iosafe_fd_try_clone(fd, &copy) != 0)
    return;
  iosafe_fd_close(&copy);
}

void pos_try_clone_leaked(iosafe_borrowed_fd fd) {
  iosafe_owned_fd copy = IOSAFE_FD_NONE;
  if (iosafe_fd_try_clone(fd, &copy) != 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'iosafe_fd_try_clone'}}
