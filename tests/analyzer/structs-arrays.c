// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// fds in struct fields and arrays.
#include <fcntl.h>
#include <stdlib.h>
#include <iosafe/iosafe.h>

struct conn { iosafe_owned_fd sock; iosafe_owned_fd file; int id; };
struct server { iosafe_owned_fd listener; int port; };
void conn_free(struct conn *c IOSAFE_RELEASES);
int flag(void);

void pos_field_leaked(void) {
  struct conn c = { IOSAFE_FD_NONE, IOSAFE_FD_NONE, 1 };
  if (iosafe_open(&c.file, "/a", O_RDONLY, 0) != 0)
    return;
} // expected-warning{{fd leak}}

void pos_second_field_leaked(void) {
  struct conn c = { IOSAFE_FD_NONE, IOSAFE_FD_NONE, 1 };
  if (iosafe_open(&c.file, "/a", O_RDONLY, 0) != 0)
    return;
  if (iosafe_socket(&c.sock, 2, 1, 0) != 0) {
    iosafe_fd_close(&c.file);
    return;
  }
  iosafe_fd_close(&c.sock);
} // expected-warning{{fd leak}}

void pos_array_element_leaked(void) {
  iosafe_owned_fd fds[2] = { IOSAFE_FD_NONE, IOSAFE_FD_NONE };
  if (iosafe_pipe(&fds[0], &fds[1], 0) != 0)
    return;
  iosafe_fd_close(&fds[0]);
} // expected-warning{{fd leak}}

void pos_struct_copy_double_close(void) {
  struct server s = { IOSAFE_FD_NONE, 80 };
  if (iosafe_socket(&s.listener, 2, 1, 0) != 0)
    return;
  struct server copy = s;
  iosafe_fd_close(&s.listener);
  iosafe_fd_close(&copy.listener); // expected-warning{{double close}}
}

void neg_fields_closed(void) {
  struct conn c = { IOSAFE_FD_NONE, IOSAFE_FD_NONE, 1 };
  if (iosafe_open(&c.file, "/a", O_RDONLY, 0) != 0)
    return;
  if (iosafe_socket(&c.sock, 2, 1, 0) != 0) {
    iosafe_fd_close(&c.file);
    return;
  }
  iosafe_fd_close(&c.sock);
  iosafe_fd_close(&c.file);
}

void neg_array_elements_closed(void) {
  iosafe_owned_fd fds[2] = { IOSAFE_FD_NONE, IOSAFE_FD_NONE };
  if (iosafe_pipe(&fds[0], &fds[1], 0) != 0)
    return;
  iosafe_fd_close(&fds[0]);
  iosafe_fd_close(&fds[1]);
}

void neg_array_loop_open_close(void) {
  iosafe_owned_fd fds[4];
  for (int i = 0; i < 4; i++)
    fds[i] = (iosafe_owned_fd)IOSAFE_FD_NONE;
  for (int i = 0; i < 4; i++)
    if (iosafe_open(&fds[i], "/a", O_RDONLY, 0) != 0)
      break;
  for (int i = 0; i < 4; i++)
    iosafe_fd_drop(&fds[i]);
}

void neg_heap_struct_handed_on(struct conn **out) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return;
  if (iosafe_open(&c->file, "/a", O_RDONLY, 0) != 0) {
    free(c);
    return;
  }
  *out = c;
}

void neg_struct_released_to_callee(void) {
  struct conn c = { IOSAFE_FD_NONE, IOSAFE_FD_NONE, 1 };
  if (iosafe_open(&c.file, "/a", O_RDONLY, 0) != 0)
    return;
  conn_free(&c);
}

struct conn neg_struct_returned(void) {
  struct conn c = { IOSAFE_FD_NONE, IOSAFE_FD_NONE, 1 };
  if (iosafe_open(&c.file, "/a", O_RDONLY, 0) != 0)
    c.id = -1;
  return c;
}
