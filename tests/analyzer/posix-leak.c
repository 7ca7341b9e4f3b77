// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: leaks of plain POSIX fds.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>

int flag(void);
extern int saved_fd;
void hand_off(int fd);

int pos_open_leaked_on_error_path(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return -1;
  char buf[64];
  if (read(fd, buf, sizeof buf) < 0)
    return -1; // expected-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}
  close(fd);
  return 0;
}

void pos_socket_leaked(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return;
  if (listen(s, 16) < 0) // expected-warning{{socket phase mismatch}}
    return; // expected-warning{{fd leak: the fd acquired by 'socket'}}
  close(s);
}

void pos_pipe_write_end_leaked(void) {
  int p[2];
  if (pipe(p) < 0)
    return;
  close(p[0]); // expected-warning{{fd leak: the fd acquired by 'pipe'}}
}

void pos_socketpair_end_leaked(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
    return;
  close(sv[1]); // expected-warning{{fd leak}}
}

void pos_dup_leaked(int fd) {
  int copy = dup(fd);
  if (copy < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'dup'}}

void pos_epoll_leaked(void) {
  int ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0)
    return;
} // expected-warning{{fd leak}}

void pos_eventfd_leaked(void) {
  int e = eventfd(0, 0);
  if (e < 0)
    return;
} // expected-warning{{fd leak}}

void pos_timerfd_leaked(void) {
  int t = timerfd_create(CLOCK_MONOTONIC, 0);
  if (t < 0)
    return;
} // expected-warning{{fd leak}}

void pos_mkstemp_leaked(char *tmpl) {
  int fd = mkstemp(tmpl);
  if (fd < 0)
    return;
  unlink(tmpl); // expected-warning{{fd leak}}
}

void pos_accept_loop_leak(int listener) {
  for (;;) {
    int c = accept(listener, 0, 0); // expected-warning{{fd leak: the fd acquired by 'accept'}}
    if (c < 0)
      continue;
    write(c, "hi\n", 3);
  }
}

void neg_open_closed(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  char buf[64];
  (void)read(fd, buf, sizeof buf);
  close(fd);
}

void neg_failed_open_not_tracked(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd == -1)
    return;
  close(fd);
}

void neg_pipe_both_closed(void) {
  int p[2];
  if (pipe(p) != 0)
    return;
  close(p[0]);
  close(p[1]);
}

int neg_fd_returned(const char *p) {
  int fd = open(p, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  return fd;
}

void neg_fd_in_global(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  saved_fd = fd;
}

void neg_fd_to_unknown_function(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  hand_off(fd);
}

void neg_exit_path(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    exit(1);
  if (flag())
    exit(2);
  close(fd);
}

void neg_fdopen_stream_owns_it(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  FILE *f = fdopen(fd, "r");
  if (!f) {
    close(fd);
    return;
  }
  fclose(f);
}

void neg_accept_loop_closes(int listener) {
  for (;;) {
    int c = accept(listener, 0, 0);
    if (c < 0)
      continue;
    write(c, "hi\n", 3);
    close(c);
  }
}
