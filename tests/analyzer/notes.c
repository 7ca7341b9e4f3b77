// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -analyzer-output=text -verify %s
// Path notes: where the fd was opened, moved, borrowed and closed.
#include <fcntl.h>
#include <iosafe/iosafe.h>

void consume(iosafe_owned_fd fd IOSAFE_RELEASES);

void pos_leak_notes(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0) // expected-note{{fd opened here}} expected-note{{Assuming the condition is false}} expected-note{{Taking false branch}}
    return;
} // expected-warning{{fd leak: the fd acquired by 'iosafe_open' is not closed or handed on}} expected-note{{fd leak: the fd acquired by 'iosafe_open' is not closed or handed on}}

void pos_double_close_notes(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0) // expected-note{{fd opened here}} expected-note{{Assuming the condition is false}} expected-note{{Taking false branch}}
    return;
  iosafe_owned_fd copy = fd;
  iosafe_fd_close(&fd); // expected-note{{fd closed here}}
  iosafe_fd_close(&copy); // expected-warning{{double close: the fd was already closed}} expected-note{{double close: the fd was already closed}}
}

void pos_use_after_move_notes(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0) // expected-note{{fd opened here}} expected-note{{Assuming the condition is false}} expected-note{{Taking false branch}}
    return;
  consume(iosafe_fd_take(&fd)); // expected-note 2 {{ownership moved here}}
  iosafe_write(iosafe_fd_borrow(&fd), "x", 1); // expected-warning{{use after move: the fd was moved out of this owner before this use}} expected-note{{use after move: the fd was moved out of this owner before this use}}
}

void pos_borrow_notes(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0) // expected-note{{fd opened here}} expected-note{{Assuming the condition is false}} expected-note{{Taking false branch}}
    return;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&fd); // expected-note{{fd borrowed here}}
  iosafe_fd_close(&fd); // expected-note{{fd closed here}}
  iosafe_write(b, "x", 1); // expected-warning{{borrow outlives owner: the borrowed fd is used after its owner was closed}} expected-note{{borrow outlives owner: the borrowed fd is used after its owner was closed}}
}

int make_fd(void) IOSAFE_ACQUIRES;
void close_fd(int fd IOSAFE_RELEASES);

void pos_release_notes(void) {
  int fd = make_fd(); // expected-note{{fd opened here}}
  if (fd < 0) // expected-note{{Assuming 'fd' is >= 0}} expected-note{{Taking false branch}}
    return;
  close_fd(fd); // expected-note{{fd released here}}
  close_fd(fd); // expected-warning{{double close: the fd was already closed}} expected-note{{double close: the fd was already closed}}
}

void neg_no_notes_when_clean(void) {
  iosafe_auto_fd fd = IOSAFE_FD_NONE;
  if (iosafe_open(&fd, "/a", O_RDONLY, 0) != 0)
    return;
}
