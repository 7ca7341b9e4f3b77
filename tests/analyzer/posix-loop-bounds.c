// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,unix,iosafe.PosixFd -verify %s
// Loops with a bound the analysis cannot know.  The analyzer explores the
// path where such a loop runs zero times; when the loop's body is where the
// fd is handed on, that path is most often ruled out by the program's
// invariants (option parsing keeps a worker count >= 1), so a leak on it is
// not reported.  A bound the analysis does know, and a loop that does not
// touch the fd, keep their reports.  (Real pattern: memcached's
// server_socket, which hands a UDP socket to each worker thread.)
#include <sys/socket.h>
#include <unistd.h>

struct settings {
  int workers;
};
extern struct settings cfg;
void dispatch(int fd); // another translation unit: hands the fd on
struct conn {
  int fd;
};
void dispatch_conn(struct conn c);

void neg_handed_on_in_loop_over_config(void) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0)
    return;
  for (int i = 0; i < cfg.workers; i++)
    dispatch(i == 0 ? s : dup(s));
} // no warning: cfg.workers >= 1 is the program's invariant

void neg_handed_on_in_while_countdown(int n) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0)
    return;
  while (n-- > 0) {
    dispatch(s);
    return;
  }
}

void neg_handed_on_through_a_struct_field(int n) {
  struct conn c;
  c.fd = socket(AF_INET, SOCK_STREAM, 0);
  if (c.fd < 0)
    return;
  for (int i = 0; i < n; i++) {
    dispatch_conn(c);
    break;
  }
}

void pos_bound_known_to_be_zero(void) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0)
    return;
  int n = 0;
  for (int i = 0; i < n; i++)
    dispatch(s);
} // expected-warning{{fd leak}}

void pos_zero_case_tested_then_forgotten(void) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0)
    return;
  if (cfg.workers == 0)
    write(2, "no workers\n", 11);
  for (int i = 0; i < cfg.workers; i++)
    dispatch(s);
} // expected-warning{{fd leak}}

void pos_loop_does_not_touch_the_fd(int n, char *buf) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0)
    return;
  for (int i = 0; i < n; i++) // expected-warning{{fd leak}}
    buf[i] = 0;
}

void pos_used_in_the_loop_but_never_closed(int n) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0)
    return;
  for (int i = 0; i < n; i++)
    send(s, "x", 1, 0);
} // expected-warning{{fd leak}}

void pos_do_while_runs_once(int n) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  if (s < 0)
    return;
  do {
    if (n > 3)
      dispatch(s);
  } while (--n > 0);
} // expected-warning{{fd leak}}
