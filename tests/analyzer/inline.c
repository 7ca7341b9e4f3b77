// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// Unannotated functions of the same translation unit are inlined: an fd is
// followed through their bodies, copies and returns.
#include <fcntl.h>
#include <iosafe/iosafe.h>

int flag(void);

static iosafe_owned_fd open_or_none(const char *path) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, path, O_RDONLY, 0) != 0)
    return IOSAFE_FD_NONE;
  return fd;
}

static void close_it(iosafe_owned_fd *fd) { iosafe_fd_close(fd); }

static void maybe_close(iosafe_owned_fd *fd) {
  if (flag())
    iosafe_fd_close(fd);
}

static int raw_of(iosafe_owned_fd fd) { return fd.raw; }

struct pair { iosafe_owned_fd in, out; };
static struct pair open_pair(void) {
  struct pair p = { IOSAFE_FD_NONE, IOSAFE_FD_NONE };
  (void)iosafe_pipe(&p.in, &p.out, 0);
  return p;
}

void neg_returned_through_helper_closed(void) {
  iosafe_owned_fd fd = open_or_none("/a");
  if (iosafe_fd_is_none(&fd))
    return;
  close_it(&fd);
}

void pos_returned_through_helper_leaked(void) {
  iosafe_owned_fd fd = open_or_none("/a");
  if (iosafe_fd_is_none(&fd))
    return;
} // expected-warning{{fd leak: the fd acquired by 'iosafe_open'}}

void pos_helper_closes_only_sometimes(void) {
  iosafe_owned_fd fd = open_or_none("/a");
  if (iosafe_fd_is_none(&fd))
    return;
  maybe_close(&fd);
} // expected-warning{{fd leak}}

void pos_helper_closed_then_copy_closed(void) {
  iosafe_owned_fd fd = open_or_none("/a");
  if (iosafe_fd_is_none(&fd))
    return;
  iosafe_owned_fd copy = fd;
  close_it(&fd);
  close_it(&copy); // reported inside close_it: expected-warning@16{{double close}}
}

void neg_raw_read_through_helper(void) {
  iosafe_owned_fd fd = open_or_none("/a");
  if (raw_of(fd) < 0)
    return;
  close_it(&fd);
}

void neg_struct_returned_both_closed(void) {
  struct pair p = open_pair();
  iosafe_fd_drop(&p.in);
  iosafe_fd_drop(&p.out);
}

void pos_struct_returned_one_leaked(void) {
  struct pair p = open_pair();
  iosafe_fd_drop(&p.in);
} // expected-warning{{fd leak}}
