// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// fd leak: an owned fd stops being reachable without being closed or
// handed on.
#include <fcntl.h>
#include <iosafe/iosafe.h>

int make_fd(void) IOSAFE_ACQUIRES;
void keep_fd(int fd IOSAFE_RELEASES);
void consume(iosafe_owned_fd fd IOSAFE_RELEASES);
extern iosafe_owned_fd global_fd;
int flag(void);

void pos_leak_scope_exit(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/etc/hosts", O_RDONLY, 0) != 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'iosafe_open' is not closed or handed on}}

void pos_leak_early_return_on_error(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/etc/hosts", O_RDONLY, 0) != 0)
    return;
  char buf[16];
  if (iosafe_read(iosafe_fd_borrow(&fd), buf, sizeof buf) < 0)
    return; // expected-warning{{fd leak}}
  iosafe_fd_close(&fd);
}

void pos_leak_overwrite(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  fd = IOSAFE_FD_NONE;
  iosafe_fd_close(&fd); // expected-warning{{fd leak}}
}

void pos_leak_raw_int(void) {
  int fd = make_fd();
  if (fd < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'make_fd' is not closed or handed on}}

void pos_leak_unchecked_result(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  (void)iosafe_open(&fd, "/a", O_RDONLY, 0); // expected-warning{{fd leak}}
}

void pos_leak_socket(void) {
  iosafe_owned_fd s = IOSAFE_FD_NONE;
  if (iosafe_socket(&s, 1, 1, 0) < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'iosafe_socket'}}

void pos_leak_one_pipe_end(void) {
  iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
  if (iosafe_pipe(&r, &w, 0) != 0)
    return;
  iosafe_fd_close(&r); // expected-warning{{fd leak: the fd acquired by 'iosafe_pipe'}}
}

void pos_leak_into_raw_dropped(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  int raw = iosafe_fd_into_raw(&fd);
  (void)raw;
} // expected-warning{{fd leak}}

void pos_leak_adopted_from_raw(void) {
  iosafe_owned_fd fd = iosafe_fd_from_raw(make_fd());
  if (iosafe_fd_is_none(&fd))
    return;
} // expected-warning{{fd leak}}

// ---- negatives: closed, or handed on -----------------------------------

void neg_closed(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_fd_close(&fd);
}

void neg_failed_open_not_tracked(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  int rc = iosafe_open(&fd, "/a", O_RDONLY, 0);
  if (rc < 0)
    return; // *out is none on failure: nothing to close
  iosafe_fd_drop(&fd);
}

void neg_negative_fd_not_tracked(void) {
  int fd = make_fd();
  if (fd < 0)
    return;
  keep_fd(fd);
}

iosafe_owned_fd neg_returned(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return IOSAFE_FD_NONE;
  return fd;
}

int neg_returned_raw(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return -1;
  return iosafe_fd_into_raw(&fd);
}

void neg_stored_in_global(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  global_fd = fd;
}

void neg_moved_into_callee(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  consume(iosafe_fd_take(&fd));
}

void neg_moved_by_value(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  consume(fd);
}

struct holder { iosafe_owned_fd fd; };
void neg_stored_through_out_pointer(struct holder *h) {
  if (iosafe_open(&h->fd, "/a", O_RDONLY, 0) != 0)
    return;
}

void unknown_taker(int fd);
void neg_passed_to_unknown_function(void) {
  int fd = make_fd();
  if (fd < 0)
    return;
  unknown_taker(fd);
}

void neg_conditional_close(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  if (flag())
    iosafe_fd_close(&fd);
  else
    iosafe_fd_drop(&fd);
}

void neg_replace_drops_old(void) {
  iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE;
  if (iosafe_open(&a, "/a", O_RDONLY, 0) != 0)
    return;
  if (iosafe_open(&b, "/b", O_RDONLY, 0) != 0) {
    iosafe_fd_close(&a);
    return;
  }
  iosafe_fd_replace(&a, b);
  iosafe_fd_close(&a);
}
