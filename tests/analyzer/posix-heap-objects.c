// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.Malloc,iosafe.PosixFd -verify=expected,inl %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.Malloc,unix.StdCLibraryFunctions,iosafe.PosixFd -verify=expected,inl %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.Malloc,iosafe.PosixFd -analyzer-config ipa=none -verify=expected,noipa %s
// iosafe.PosixFd: an owned fd stored in a heap object (malloc'd, as
// unix.Malloc models it) leaks when the object is freed with the fd still
// in it: the fd was neither closed nor moved out first.  Closing it,
// handing it on (to a function that may close or keep it), or handing the
// object on keeps the checker quiet.  realloc moves the fds into the new
// object (its failure leaves them in the old one); a function declared
// with ownership_takes(malloc, N), or whose body only frees its parameter,
// releases the object as free does when it is called without its body
// (the third run inlines nothing; inlined, its own free is seen);
// ownership_holds(malloc, N) keeps it, with its fds.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

struct conn {
  int fd;
  int flags;
};

void conn_keep(struct conn *c);
void fd_keep(int fd);

// A function of the unit whose body only frees its parameter.
static void conn_free_shallow(struct conn *c) {
  if (!c)
    return;
  free(c); // inl-warning{{fd leak: the fd stored in this heap object is not closed before 'free' releases the object}}
}

// A destructor that closes the fd first: not a plain release.
static void conn_destroy(struct conn *c) {
  close(c->fd);
  free(c);
}

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

// realloc: the fd moves into the new object, which then leaks it.
void pos_realloc_then_free(const char *path) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return;
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    free(c);
    return;
  }
  c->fd = fd;
  struct conn *n = realloc(c, 2 * sizeof *c);
  if (!n) {
    close(c->fd);
    free(c);
    return;
  }
  free(n); // expected-warning{{fd leak: the fd stored in this heap object is not closed before 'free' releases the object}}
}

// realloc's failure leaves the fd in the old object.
void pos_realloc_failure_then_free_old(const char *path) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return;
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    free(c);
    return;
  }
  c->fd = fd;
  struct conn *n = realloc(c, 2 * sizeof *c);
  if (!n) {
    free(c); // expected-warning{{fd leak: the fd stored in this heap object is not closed before 'free' releases the object}}
    return;
  }
  close(n->fd);
  free(n);
}

// The fd read back from the new object is the same fd: closing it there
// (or in the old object on failure) leaves nothing to leak.
void neg_realloc_closed_in_new_object(const char *path) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return;
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    free(c);
    return;
  }
  c->fd = fd;
  struct conn *n = realloc(c, 2 * sizeof *c);
  if (!n) {
    close(c->fd);
    free(c);
    return;
  }
  close(n->fd);
  free(n);
}

void conn_release(struct conn *c) __attribute__((ownership_takes(malloc, 1)));
void conn_hold(struct conn *c) __attribute__((ownership_holds(malloc, 1)));

void pos_ownership_takes_releases(const char *path) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return;
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    free(c);
    return;
  }
  c->fd = fd;
  conn_release(c); // expected-warning{{fd leak: the fd stored in this heap object is not closed before 'conn_release' releases the object}}
}

void neg_ownership_takes_after_close(const char *path) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return;
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    free(c);
    return;
  }
  c->fd = fd;
  close(c->fd);
  conn_release(c);
}

void neg_ownership_holds_keeps(const char *path) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return;
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    free(c);
    return;
  }
  c->fd = fd;
  conn_hold(c);
}

void pos_body_frees_object(const char *path) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return;
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    free(c);
    return;
  }
  c->fd = fd;
  // inlined: at its free; not inlined: here
  conn_free_shallow(c); // noipa-warning{{fd leak: the fd stored in this heap object is not closed before 'conn_free_shallow' releases the object}}
}

void neg_destructor_closes(const char *path) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return;
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    free(c);
    return;
  }
  c->fd = fd;
  conn_destroy(c);
}
