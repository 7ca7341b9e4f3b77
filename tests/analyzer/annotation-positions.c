// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// Every position Clang accepts for an annotation is honoured.
#include <fcntl.h>
#include <iosafe/iosafe.h>

// On a typedef: every function returning the type acquires.
typedef int owned_int_fd IOSAFE_ACQUIRES;
typedef owned_int_fd owned_int_fd2; // through another typedef too
owned_int_fd open_via_typedef(void);
owned_int_fd2 open_via_typedef2(void);

// After the declarator (a type attribute on the function type).
int open_after_declarator(void) IOSAFE_ACQUIRES;
// Before the declarator.
IOSAFE_ACQUIRES int open_before(void);
void close_fd(int fd IOSAFE_RELEASES);
// On the prototype only: the definition below carries none.
void release_in_proto(int fd IOSAFE_RELEASES);
void release_in_proto(int fd) { close_fd(fd); }
// On the definition only.
void release_in_def(int fd);
void release_in_def(int fd IOSAFE_RELEASES) { close_fd(fd); }
int uses_it(int fd IOSAFE_USES);
// A returned borrow of a parameter.
struct box { iosafe_owned_fd fd; };
iosafe_borrowed_fd box_fd(const struct box *b IOSAFE_RETURNS_BORROW);
// Fuchsia's tag is not ours: ignored.
int open_other_tag(void) __attribute__((acquire_handle("zircon")));

void pos_typedef_return_leaks(void) {
  int fd = open_via_typedef();
  if (fd < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'open_via_typedef'}}

void pos_typedef_of_typedef_leaks(void) {
  int fd = open_via_typedef2();
  if (fd < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'open_via_typedef2'}}

void pos_before_declarator_leaks(void) {
  int fd = open_before();
  if (fd < 0)
    return;
} // expected-warning{{fd leak}}

void pos_after_declarator_leaks(void) {
  int fd = open_after_declarator();
  if (fd < 0)
    return;
} // expected-warning{{fd leak}}

void pos_prototype_annotation_used(void) {
  int fd = open_after_declarator();
  if (fd < 0)
    return;
  release_in_proto(fd);
  uses_it(fd); // expected-warning{{use after close}}
}

void pos_definition_annotation_used(void) {
  int fd = open_after_declarator();
  if (fd < 0)
    return;
  release_in_def(fd);
  release_in_def(fd); // expected-warning{{double close}}
}

void pos_box_borrow_after_close(void) {
  struct box b = { IOSAFE_FD_NONE };
  if (iosafe_open(&b.fd, "/a", O_RDONLY, 0) != 0)
    return;
  iosafe_borrowed_fd r = box_fd(&b);
  iosafe_fd_close(&b.fd);
  iosafe_write(r, "x", 1); // expected-warning{{borrow outlives owner}}
}

void neg_other_tag_ignored(void) {
  int fd = open_other_tag();
  (void)fd;
}

void neg_typedef_closed(void) {
  int fd = open_via_typedef();
  if (fd < 0)
    return;
  release_in_proto(fd);
}
