// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// borrow outlives owner: a borrowed fd used after its owner was closed or
// moved, or returned or stored into memory that outlives the owner.
#include <fcntl.h>
#include <iosafe/iosafe.h>

void consume(iosafe_owned_fd fd IOSAFE_RELEASES);
int use_raw(int fd IOSAFE_USES);
iosafe_borrowed_fd saved;

struct conn { iosafe_owned_fd fd; int state; };
iosafe_borrowed_fd conn_fd(const struct conn *c IOSAFE_RETURNS_BORROW);

void pos_borrow_used_after_owner_closed(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&fd);
  iosafe_fd_close(&fd);
  char buf[4];
  iosafe_read(b, buf, 4); // expected-warning{{borrow outlives owner: the borrowed fd is used after its owner was closed}}
}

void pos_borrow_used_after_owner_moved(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&fd);
  consume(iosafe_fd_take(&fd));
  iosafe_write(b, "x", 1); // expected-warning{{borrow outlives owner: the borrowed fd is used after its owner was moved}}
}

void pos_raw_of_borrow_used_after_close(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  int raw = iosafe_fd_raw(iosafe_fd_borrow(&fd));
  iosafe_fd_drop(&fd);
  use_raw(raw); // expected-warning{{borrow outlives owner}}
}

iosafe_borrowed_fd pos_borrow_of_local_returned(void) {
  iosafe_auto_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return iosafe_fd_borrow_raw(-1);
  return iosafe_fd_borrow(&fd); // expected-warning{{borrow outlives owner: a borrow of a local owner is returned}}
}

void pos_borrow_of_local_stored_in_global(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  saved = iosafe_fd_borrow(&fd); // expected-warning{{borrow outlives owner: a borrow of a local owner is stored in memory that outlives it}}
  iosafe_fd_close(&fd);
}

void pos_borrow_of_borrow_after_close(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&fd);
  iosafe_borrowed_fd b2 = iosafe_fd_borrow_raw(iosafe_fd_raw(b));
  iosafe_fd_close(&fd);
  char buf[4];
  iosafe_read(b2, buf, 4); // expected-warning{{borrow outlives owner}}
}

void neg_borrow_within_owner_lifetime(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&fd);
  char buf[4];
  iosafe_read(b, buf, 4);
  use_raw(iosafe_fd_raw(b));
  iosafe_fd_close(&fd);
}

void neg_borrow_param_used(iosafe_borrowed_fd b) {
  char buf[4];
  iosafe_read(b, buf, 4);
  use_raw(iosafe_fd_raw(b));
}

iosafe_borrowed_fd neg_borrow_of_param_owner_returned(const iosafe_owned_fd *owner) {
  return iosafe_fd_borrow(owner);
}

iosafe_borrowed_fd neg_returns_borrow_annotated(const struct conn *c IOSAFE_RETURNS_BORROW) {
  return iosafe_fd_borrow(&c->fd);
}

void neg_stdio_borrows(void) {
  iosafe_write(iosafe_stdout(), "hi\n", 3);
  iosafe_write(iosafe_stderr(), "hi\n", 3);
}

void neg_conn_fd_borrow(struct conn *c) {
  char buf[4];
  iosafe_read(conn_fd(c), buf, 4);
}

void neg_reborrow_after_reopen(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_fd_close(&fd);
  if (iosafe_open(&fd, "/b", O_RDONLY, 0) != 0)
    return;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&fd);
  char buf[4];
  iosafe_read(b, buf, 4);
  iosafe_fd_close(&fd);
}
