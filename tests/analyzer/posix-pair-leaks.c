// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// The two fds of a pipe(2) or socketpair(2) leak apart: each is its own
// report ("element [0] of the pair", "element [1] of the pair"), although
// both come from one call site (leaks are uniqued by acquisition site).
#include <sys/socket.h>
#include <unistd.h>

int flag(void);

void pos_pipe_both_ends_leak(void) {
  int p[2];
  if (pipe(p) == -1)
    return;
} // expected-warning{{fd leak: the fd acquired by 'pipe' is not closed or handed on (element [0] of the pair)}} expected-warning{{fd leak: the fd acquired by 'pipe' is not closed or handed on (element [1] of the pair)}}

void pos_socketpair_both_leak_on_error(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
    return;
  if (flag())
    return; // expected-warning{{(element [0] of the pair)}} expected-warning{{(element [1] of the pair)}}
  close(sv[0]);
  close(sv[1]);
}

void pos_pipe_write_end_leaks(void) {
  int p[2];
  if (pipe(p) != 0)
    return;
  close(p[0]); // expected-warning{{fd leak: the fd acquired by 'pipe' is not closed or handed on (element [1] of the pair)}}
}

void neg_pipe_both_closed(void) {
  int p[2];
  if (pipe(p) != 0)
    return;
  close(p[0]);
  close(p[1]);
}

void neg_pipe_failure_nothing_to_close(void) {
  int p[2];
  if (pipe(p) < 0)
    return; // no fd on this path
  close(p[1]);
  close(p[0]);
}
