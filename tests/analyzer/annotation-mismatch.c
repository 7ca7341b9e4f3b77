// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// annotation mismatch: a function body that breaks its own annotations.
#include <fcntl.h>
#include <iosafe/iosafe.h>

void close_fd(int fd IOSAFE_RELEASES);
int flag(void);
int use_raw(int fd IOSAFE_USES);
void consume(iosafe_owned_fd fd IOSAFE_RELEASES);
extern int table[4];

void pos_releases_not_released(int fd IOSAFE_RELEASES) {
  if (flag())
    close_fd(fd);
} // expected-warning{{annotation mismatch: IOSAFE_RELEASES parameter 'fd' is not released on this path}}

void pos_releases_owner_ptr_not_released(iosafe_owned_fd *fd IOSAFE_RELEASES) {
  char buf[4];
  iosafe_read(iosafe_fd_borrow(fd), buf, 4);
} // expected-warning{{annotation mismatch: IOSAFE_RELEASES parameter}}

void pos_uses_param_closed(int fd IOSAFE_USES) {
  close_fd(fd); // expected-warning{{annotation mismatch: IOSAFE_USES parameter 'fd' is closed}}
}

void pos_uses_owner_ptr_closed(iosafe_owned_fd *fd IOSAFE_USES) {
  iosafe_fd_close(fd); // expected-warning{{annotation mismatch: IOSAFE_USES parameter}}
}

iosafe_owned_fd pos_acquires_returns_borrowed(iosafe_borrowed_fd b) IOSAFE_ACQUIRES {
  iosafe_owned_fd o;
  o.raw = iosafe_fd_raw(b);
  return o; // expected-warning{{annotation mismatch: an IOSAFE_ACQUIRES function returns an fd it does not own}}
}

int pos_acquires_returns_closed(void) IOSAFE_ACQUIRES {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return -1;
  int raw = fd.raw;
  iosafe_fd_close(&fd);
  return raw; // expected-warning{{annotation mismatch: an IOSAFE_ACQUIRES function returns an fd it does not own}}
}

void neg_releases_closed(int fd IOSAFE_RELEASES) {
  close_fd(fd);
}

void neg_releases_moved_on(iosafe_owned_fd fd IOSAFE_RELEASES) {
  consume(fd);
}

void neg_releases_stored(int fd IOSAFE_RELEASES) {
  table[0] = fd;
}

void neg_releases_none_allowed(int fd IOSAFE_RELEASES) {
  if (fd < 0)
    return; // none: nothing to release
  close_fd(fd);
}

void neg_releases_owner_closed(iosafe_owned_fd *fd IOSAFE_RELEASES) {
  iosafe_fd_close(fd);
}

int neg_uses_param_used(int fd IOSAFE_USES) {
  return use_raw(fd);
}

int neg_acquires_returns_owned(void) IOSAFE_ACQUIRES {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return -1;
  return iosafe_fd_into_raw(&fd);
}

int neg_out_param_acquirer(iosafe_owned_fd *out IOSAFE_ACQUIRES) {
  return iosafe_open(out, "/a", O_RDONLY, 0);
}

// Two owners of one fd, tolerated (as iosafe_fd_replace does): releasing
// either accounts for both.
void neg_same_fd_in_both_params(iosafe_owned_fd *dst IOSAFE_RELEASES,
                                iosafe_owned_fd src IOSAFE_RELEASES) {
  if (src.raw >= 0 && src.raw == dst->raw)
    return;
  iosafe_fd_drop(dst);
  *dst = src;
}

void pos_second_param_forgotten(iosafe_owned_fd *dst IOSAFE_RELEASES,
                                iosafe_owned_fd src IOSAFE_RELEASES) {
  iosafe_fd_drop(dst);
  (void)src;
} // expected-warning{{annotation mismatch: IOSAFE_RELEASES parameter 'src' is not released on this path}}

// A NULL pointer holds no fd: returning early on it releases nothing, and
// there is nothing to release (iosafe_unix_listener_drop's shape).
void neg_releases_owner_ptr_null_checked(iosafe_owned_fd *fd IOSAFE_RELEASES) {
  if (fd == NULL)
    return;
  iosafe_fd_drop(fd);
}

struct holder {
  iosafe_owned_fd fd;
  int flags;
};

void neg_releases_holder_null_checked(struct holder *h IOSAFE_RELEASES) {
  if (!h)
    return;
  iosafe_fd_drop(&h->fd);
}

// Non-NULL, the early return still leaks what it points to.
void pos_releases_owner_ptr_early_return(iosafe_owned_fd *fd IOSAFE_RELEASES) {
  if (fd == NULL || flag())
    return; // expected-warning{{annotation mismatch: IOSAFE_RELEASES parameter 'fd' is not released on this path}}
  iosafe_fd_drop(fd);
}
