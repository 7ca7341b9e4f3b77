// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: fds in struct fields and arrays, and where the checker
// loses track (and stays quiet).
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

struct conn { int fd; int log; };
struct conn *conn_table[16];
void conn_register(struct conn *c);

void pos_field_leaked(const char *p) {
  struct conn c;
  c.fd = open(p, O_RDONLY);
  if (c.fd < 0)
    return;
} // expected-warning{{fd leak}}

void pos_field_double_close(const char *p) {
  struct conn c;
  c.fd = open(p, O_RDONLY);
  if (c.fd < 0)
    return;
  int copy = c.fd;
  close(c.fd);
  close(copy); // expected-warning{{double close}}
}

void neg_fields_closed(const char *p) {
  struct conn c;
  c.fd = open(p, O_RDONLY);
  if (c.fd < 0)
    return;
  c.log = open("/log", O_WRONLY);
  if (c.log < 0) {
    close(c.fd);
    return;
  }
  close(c.log);
  close(c.fd);
}

void pos_array_constant_index_leaked(const char *p) {
  int fds[2];
  fds[0] = open(p, O_RDONLY);
  if (fds[0] < 0)
    return;
  fds[1] = open(p, O_RDONLY);
  if (fds[1] < 0) {
    close(fds[0]);
    return;
  }
  close(fds[0]); // expected-warning{{fd leak}}
}

void neg_array_loop(const char *p, int n) {
  int fds[8];
  int i;
  for (i = 0; i < n && i < 8; i++) {
    fds[i] = open(p, O_RDONLY);
    if (fds[i] < 0)
      break;
  }
  while (i-- > 0)
    close(fds[i]);
}

void neg_heap_struct_keeps_it(const char *p) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return;
  c->fd = open(p, O_RDONLY);
  if (c->fd < 0) {
    free(c);
    return;
  }
  conn_table[0] = c;
}

void neg_registered_struct(const char *p) {
  struct conn c;
  c.fd = open(p, O_RDONLY);
  if (c.fd < 0)
    return;
  conn_register(&c);
}

void neg_out_param_struct(struct conn *c, const char *p) {
  c->fd = open(p, O_RDONLY);
}
