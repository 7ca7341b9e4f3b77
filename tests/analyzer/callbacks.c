// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// Callbacks that receive an fd: called through a pointer the analysis
// cannot see, or defined here and analysed on their own.
#include <fcntl.h>
#include <iosafe/iosafe.h>

typedef void (*on_fd_fn)(int fd, void *ctx);
typedef void (*on_owned_fn)(iosafe_owned_fd *fd, void *ctx);
void register_fd(int fd, on_fd_fn cb, void *ctx);
void close_fd(int fd IOSAFE_RELEASES);
int make_fd(void) IOSAFE_ACQUIRES;
int use_raw(int fd IOSAFE_USES);

void neg_passed_to_callback_pointer(on_fd_fn cb, void *ctx) {
  int fd = make_fd();
  if (fd < 0)
    return;
  cb(fd, ctx); // an unknown function: it may keep it
}

void neg_owner_passed_by_pointer_to_callback(on_owned_fn cb, void *ctx) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  cb(&fd, ctx);
}

void neg_registered_with_event_loop(void *ctx, on_fd_fn cb) {
  int fd = make_fd();
  if (fd < 0)
    return;
  register_fd(fd, cb, ctx);
}

// A callback that only borrows its fd, as its annotation says.
void on_readable(int fd IOSAFE_USES, void *ctx) {
  (void)ctx;
  use_raw(fd);
}

// A callback that owns what it receives.
void on_accepted(int fd IOSAFE_RELEASES, void *ctx) {
  (void)ctx;
  use_raw(fd);
  close_fd(fd);
}

void pos_callback_closes_borrowed(int fd IOSAFE_USES, void *ctx) {
  (void)ctx;
  close_fd(fd); // expected-warning{{annotation mismatch: IOSAFE_USES parameter 'fd' is closed}}
}

void pos_callback_forgets_to_close(int fd IOSAFE_RELEASES, void *ctx) {
  (void)ctx;
  use_raw(fd);
} // expected-warning{{annotation mismatch: IOSAFE_RELEASES parameter 'fd' is not released on this path}}

void pos_use_after_handing_to_owning_callback(void) {
  int fd = make_fd();
  if (fd < 0)
    return;
  on_accepted(fd, 0);
  use_raw(fd); // expected-warning{{use after close}}
}

void neg_borrowing_callback_then_close(void) {
  int fd = make_fd();
  if (fd < 0)
    return;
  on_readable(fd, 0);
  close_fd(fd);
}
