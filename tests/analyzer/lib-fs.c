// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// iosafe.Ownership over include/iosafe/fs.h, from its annotations alone:
// the acquisitions (openat2, fifo_open, chardev_open, memfd_create,
// data_fd, shm_open) and the uses through borrows (fstat, read_all,
// write_all, the *at calls).
#include <fcntl.h>
#include <iosafe/iosafe.h>
#include <linux/openat2.h>
#include <sys/stat.h>

void pos_openat2_leaks(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  struct open_how how = {.flags = O_RDONLY};
  if (iosafe_openat2(&fd, iosafe_cwd(), "a", &how, sizeof how) != 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'iosafe_openat2' is not closed or handed on}}

void pos_memfd_leaks_on_error(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_memfd_create(&fd, "x", 0) != 0)
    return;
  if (iosafe_ftruncate(iosafe_fd_borrow(&fd), 4096) != 0)
    return; // expected-warning{{fd leak}}
  iosafe_fd_close(&fd);
}

void neg_data_fd_closed(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_data_fd(&fd, "abc", 3) != 0)
    return;
  char b[3];
  (void)iosafe_read_all(iosafe_fd_borrow(&fd), b, sizeof b);
  iosafe_fd_close(&fd);
}

void neg_failure_has_nothing_to_close(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_shm_open(&fd, "/x", O_RDWR | O_CREAT, 0600) != 0)
    return;
  (void)iosafe_fd_add_seals(iosafe_fd_borrow(&fd), 0);
  iosafe_fd_close(&fd);
}

void pos_chardev_double_close(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_chardev_open(&fd, "/dev/null", O_RDWR) != 0)
    return;
  int raw = iosafe_fd_into_raw(&fd);
  iosafe_owned_fd a = iosafe_fd_from_raw(raw);
  iosafe_fd_close(&a);
  iosafe_owned_fd b = iosafe_fd_from_raw(raw); // expected-warning{{use after close}}
  iosafe_fd_close(&b);
}

void pos_write_all_after_close(const char *msg, size_t n) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_fifo_open(&fd, iosafe_cwd(), "fifo", O_WRONLY) != 0)
    return;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&fd);
  iosafe_fd_close(&fd);
  (void)iosafe_write_all(b, msg, n); // expected-warning{{borrow outlives owner}}
}

void pos_fstat_after_take(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  struct stat st;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_owned_fd other = iosafe_fd_take(&fd);
  (void)iosafe_fstat(iosafe_fd_borrow(&fd), &st); // expected-warning{{use after move}}
  iosafe_fd_close(&other);
}

void neg_dir_calls_on_owned_dir(void) {
  iosafe_owned_fd dir = IOSAFE_FD_NONE;
  if (iosafe_open(&dir, "/tmp", O_RDONLY | O_DIRECTORY, 0) != 0)
    return;
  iosafe_borrowed_fd d = iosafe_fd_borrow(&dir);
  char link[32];
  (void)iosafe_mkdirat(d, "x", 0700);
  (void)iosafe_readlinkat(d, "l", link, sizeof link);
  (void)iosafe_renameat2(d, "x", d, "y", 0);
  (void)iosafe_unlinkat(d, "y", AT_REMOVEDIR);
  (void)iosafe_faccessat(d, "z", 0, 0);
  iosafe_fd_close(&dir);
}

void pos_unlinkat_after_close(void) {
  iosafe_owned_fd dir = IOSAFE_FD_NONE;
  if (iosafe_open(&dir, "/tmp", O_RDONLY | O_DIRECTORY, 0) != 0)
    return;
  iosafe_fd_close(&dir);
  (void)iosafe_unlinkat(iosafe_fd_borrow(&dir), "y", 0); // expected-warning{{use after close}}
}
