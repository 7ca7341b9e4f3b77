// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: fds in struct fields and arrays, out-parameters, and the
// places where the analysis loses track of an fd (a global, the caller's
// memory, an unknown function, a pointer cast): there it is handed on,
// never reported as a leak.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct chan { int rd; int wr; };
struct proc { int pipefd[2]; pid_t pid; };

void register_fd(int fd);                  // another TU, unannotated
void register_fd_ptr(int *fd);             // another TU, unannotated
void set_callback(void (*cb)(void *), void *data);
static int saved_fd = -1;

int neg_struct_fields_closed(void) {
  int p[2];
  struct chan ch;
  if (pipe(p) < 0)
    return -1;
  ch.rd = p[0];
  ch.wr = p[1];
  close(ch.rd);
  close(ch.wr);
  return 0; // no warning: closed through the fields
}

int pos_struct_field_leaks(void) {
  int p[2];
  struct chan ch;
  if (pipe(p) < 0)
    return -1;
  ch.rd = p[0];
  ch.wr = p[1];
  close(ch.rd); // expected-warning{{fd leak}}
  return 0;
}

int neg_pipe_into_struct_array(struct proc *pr) {
  // the out-array lives in the caller's object: handed on on success
  return pipe(pr->pipefd); // no warning
}

int pos_pipe_into_local_struct_leaks(void) {
  struct proc pr;
  if (pipe(pr.pipefd) < 0)
    return -1;
  close(pr.pipefd[1]); // expected-warning{{fd leak}}
  return 0;
}

struct chan neg_make_chan(void) {
  struct chan ch = {-1, -1};
  int p[2];
  if (pipe(p) == 0) {
    ch.rd = p[0];
    ch.wr = p[1];
  }
  return ch; // no warning: returned by value
}

int neg_open_into_out_param(const char *path, int *out) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  *out = fd; // no warning: the caller's memory
  return 0;
}

int pos_copy_then_close_both(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  struct chan ch = {fd, fd}; // two copies of one fd, not two fds
  close(ch.rd);
  return close(ch.wr); // expected-warning{{double close}}
}

int neg_local_array_loop_closes(const char *const paths[3]) {
  int fds[3];
  int n = 0;
  for (int i = 0; i < 3; i++) {
    int fd = open(paths[i], O_RDONLY);
    if (fd < 0)
      break;
    fds[n++] = fd;
  }
  for (int i = 0; i < n; i++)
    close(fds[i]);
  return n; // no warning
}

int neg_global_store_hands_on(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  saved_fd = fd; // no warning
  return 0;
}

int neg_unknown_function_hands_on(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  register_fd(fd); // no warning
  return 0;
}

int neg_address_to_unknown_hands_on(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  register_fd_ptr(&fd); // no warning
  return 0;
}

static void on_event(void *data) { close((int)(intptr_t)data); }

int neg_fd_as_callback_data(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  set_callback(on_event, (void *)(intptr_t)fd); // no warning
  return 0;
}

int pos_use_after_close_through_field(const char *path, char *buf) {
  struct chan ch;
  ch.rd = open(path, O_RDONLY);
  if (ch.rd < 0)
    return -1;
  close(ch.rd);
  return (int)read(ch.rd, buf, 1); // expected-warning{{use after close}}
}

int neg_close_and_reset_field(struct chan *ch) {
  // a common idiom: close and mark, then a later close is skipped
  if (ch->rd >= 0) {
    close(ch->rd);
    ch->rd = -1;
  }
  if (ch->rd >= 0)
    close(ch->rd); // no warning: unreachable with a closed fd
  return 0;
}
