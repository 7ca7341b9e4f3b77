// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// iosafe.Ownership over include/iosafe/zerocopy.h, from its annotations:
// every call borrows its fds, so the caller keeps (and must close) them.
#include <fcntl.h>
#include <iosafe/iosafe.h>

static int open_a(iosafe_owned_fd *fd) { return iosafe_open(fd, "/a", O_RDONLY, 0); }

void pos_copy_all_source_leaks(iosafe_borrowed_fd dst) {
  iosafe_owned_fd src = IOSAFE_FD_NONE;
  off_t n = 0;
  if (open_a(&src) != 0)
    return;
  if (iosafe_copy_all(dst, iosafe_fd_borrow(&src), &n) != 0)
    return; // expected-warning{{fd leak}}
  iosafe_fd_close(&src);
}

void neg_copy_all_closed(iosafe_borrowed_fd dst) {
  iosafe_owned_fd src = IOSAFE_FD_NONE;
  off_t n = 0;
  if (open_a(&src) != 0)
    return;
  (void)iosafe_copy_all(dst, iosafe_fd_borrow(&src), &n);
  iosafe_fd_close(&src);
}

void pos_splice_pipe_end_leaks(void) {
  iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE, src = IOSAFE_FD_NONE;
  if (iosafe_pipe(&r, &w, 0) != 0)
    return;
  if (open_a(&src) != 0) {
    iosafe_fd_close(&r);
    iosafe_fd_close(&w);
    return;
  }
  (void)iosafe_splice(iosafe_fd_borrow(&src), NULL, iosafe_fd_borrow(&w), NULL, 4096, 0); // expected-warning{{fd leak: the fd acquired by 'iosafe_pipe' is not closed or handed on}}
  iosafe_fd_close(&src);
  iosafe_fd_close(&w);
}

void neg_tee_and_pipe_size(void) {
  iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
  if (iosafe_pipe(&r, &w, 0) != 0)
    return;
  (void)iosafe_pipe_set_size(iosafe_fd_borrow(&w), 1 << 16);
  (void)iosafe_pipe_get_size(iosafe_fd_borrow(&r));
  (void)iosafe_tee(iosafe_fd_borrow(&r), iosafe_fd_borrow(&w), 16, 0);
  iosafe_fd_close(&r);
  iosafe_fd_close(&w);
}

void pos_sendfile_after_close(iosafe_borrowed_fd sock) {
  iosafe_owned_fd src = IOSAFE_FD_NONE;
  if (open_a(&src) != 0)
    return;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&src);
  iosafe_fd_close(&src);
  (void)iosafe_sendfile(sock, b, NULL, 4096); // expected-warning{{borrow outlives owner}}
}

void pos_copy_file_range_after_move(iosafe_borrowed_fd dst) {
  iosafe_owned_fd src = IOSAFE_FD_NONE;
  if (open_a(&src) != 0)
    return;
  iosafe_owned_fd other = iosafe_fd_take(&src);
  (void)iosafe_copy_file_range(iosafe_fd_borrow(&src), NULL, dst, NULL, 4096, 0); // expected-warning{{use after move}}
  iosafe_fd_close(&other);
}

void pos_vmsplice_after_close(const struct iovec *iov) {
  iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
  if (iosafe_pipe(&r, &w, 0) != 0)
    return;
  iosafe_fd_close(&w);
  (void)iosafe_vmsplice(iosafe_fd_borrow(&w), iov, 1, 0); // expected-warning{{use after close}}
  iosafe_fd_close(&r);
}
