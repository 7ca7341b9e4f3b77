// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.Malloc,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.Malloc,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: an owned fd stored in a heap object (malloc'd, as
// unix.Malloc models it) leaks when the object is freed with the fd still
// in it: the fd was neither closed nor moved out first.  Closing it,
// handing it on (to a function that may close or keep it), or handing the
// object on keeps the checker quiet.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

struct conn {
  int fd;
  int flags;
};

void conn_keep(struct conn *c);
void fd_keep(int fd);

void pos_free_with_fd_inside(const char *path) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return;
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    free(c);
    return;
  }
  c->fd = fd;
  free(c); // expected-warning{{fd leak: the fd stored in this heap object is not closed before 'free' releases the object}}
}

void neg_closed_before_free(const char *path) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return;
  c->fd = open(path, O_RDONLY);
  if (c->fd < 0) {
    free(c);
    return;
  }
  close(c->fd);
  free(c);
}

void neg_moved_out_before_free(const char *path) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return;
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    free(c);
    return;
  }
  c->fd = fd;
  fd_keep(c->fd);
  free(c);
}

void neg_object_handed_on(const char *path) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return;
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    free(c);
    return;
  }
  c->fd = fd;
  conn_keep(c);
}

void neg_overwritten_before_free(const char *path) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return;
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    free(c);
    return;
  }
  c->fd = fd;
  close(fd);
  c->fd = -1;
  free(c);
}
