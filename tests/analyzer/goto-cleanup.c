// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// goto-based cleanup, the kernel style.
#include <fcntl.h>
#include <iosafe/iosafe.h>

int flag(void);
int make_fd(void) IOSAFE_ACQUIRES;
void close_fd(int fd IOSAFE_RELEASES);

int neg_goto_cleanup_all_paths(void) {
  int ret = -1;
  iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE;
  if (iosafe_open(&a, "/a", O_RDONLY, 0) != 0)
    goto out;
  if (iosafe_open(&b, "/b", O_RDONLY, 0) != 0)
    goto out;
  if (flag())
    goto out;
  ret = 0;
out:
  iosafe_fd_drop(&b);
  iosafe_fd_drop(&a);
  return ret;
}

int neg_goto_labels_in_reverse(void) {
  int a = make_fd();
  if (a < 0)
    goto fail;
  int b = make_fd();
  if (b < 0)
    goto close_a;
  close_fd(b);
  close_fd(a);
  return 0;
close_a:
  close_fd(a);
fail:
  return -1;
}

int pos_goto_skips_close(void) {
  iosafe_owned_fd a = IOSAFE_FD_NONE, b = IOSAFE_FD_NONE;
  if (iosafe_open(&a, "/a", O_RDONLY, 0) != 0)
    goto out;
  if (iosafe_open(&b, "/b", O_RDONLY, 0) != 0) // expected-warning{{fd leak}}
    goto out;
  iosafe_fd_drop(&b);
out:
  return -1;
}

int pos_goto_wrong_label(void) {
  int a = make_fd();
  if (a < 0)
    goto fail;
  int b = make_fd();
  if (b < 0)
    goto fail;
  close_fd(b);
  close_fd(a);
  return 0;
fail:
  return -1; // expected-warning{{fd leak}}
}

int pos_goto_cleanup_twice(void) {
  int a = make_fd();
  if (a < 0)
    return -1;
  if (flag()) {
    close_fd(a);
    goto out;
  }
  return 0 * (a + 1) + (close_fd(a), 0);
out:
  close_fd(a); // expected-warning{{double close}}
  return -1;
}
