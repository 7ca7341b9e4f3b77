// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// switch: each case a path.
#include <fcntl.h>
#include <iosafe/iosafe.h>

void serve(iosafe_owned_fd c IOSAFE_RELEASES);

int neg_switch_every_case_closes(int mode) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return -1;
  switch (mode) {
  case 0:
    iosafe_fd_close(&fd);
    break;
  case 1:
    serve(iosafe_fd_take(&fd));
    break;
  default:
    iosafe_fd_drop(&fd);
    break;
  }
  return 0;
}

int neg_switch_close_after(int mode) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return -1;
  switch (mode) {
  case 0:
    iosafe_write(iosafe_fd_borrow(&fd), "0", 1);
    break;
  case 1:
    iosafe_write(iosafe_fd_borrow(&fd), "1", 1);
    /* fallthrough */
  default:
    break;
  }
  iosafe_fd_close(&fd);
  return 0;
}

int pos_switch_case_forgets(int mode) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return -1;
  switch (mode) {
  case 0:
    iosafe_fd_close(&fd);
    break;
  case 1:
    return 1; // expected-warning{{fd leak}}
  default:
    iosafe_fd_drop(&fd);
    break;
  }
  return 0;
}

int pos_switch_fallthrough_double_close(int mode) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return -1;
  iosafe_owned_fd alias = fd;
  switch (mode) {
  case 0:
    iosafe_fd_close(&fd);
    /* fallthrough */
  case 1:
    iosafe_fd_close(&alias); // expected-warning{{double close}}
    break;
  default:
    iosafe_fd_close(&fd);
    break;
  }
  return 0;
}

int pos_switch_use_after_move(int mode) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return -1;
  switch (mode) {
  case 0:
    serve(iosafe_fd_take(&fd));
    /* fallthrough */
  default:
    iosafe_write(iosafe_fd_borrow(&fd), "x", 1); // expected-warning{{use after move}}
    iosafe_fd_drop(&fd);
  }
  return 0;
}
