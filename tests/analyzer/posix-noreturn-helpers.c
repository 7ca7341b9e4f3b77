// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -analyzer-config ipa=none -verify %s
// A function of the unit whose every path ends in exit, _exit, abort or
// exec is taken as not returning when the analyzer evaluates a call to it
// without its body (not inlined: the second run inlines nothing), so a
// fork child that calls it does not fall into the parent's closes
// (analyzer-plugin/LeakHeuristics.cpp, neverReturns).
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

static void run_child(int out, char *const argv[]) {
  dup2(out, STDOUT_FILENO);
  execvp(argv[0], argv);
  _exit(127);
}

static void die(const char *why) {
  (void)why;
  exit(1);
}

static void maybe_die(int bad) {
  if (bad)
    exit(1);
}

int neg_switch_child_never_returns(char *const argv[]) {
  int p[2];
  if (pipe(p) != 0)
    return -1;
  pid_t pid = fork();
  switch (pid) {
  case -1:
    close(p[0]);
    close(p[1]);
    return -1;
  case 0:
    close(p[0]);
    run_child(p[1], argv);
    break;
  default:
    break;
  }
  close(p[1]); // no warning: the child never gets here
  close(p[0]); // no warning
  return pid;
}

void neg_exit_helper_ends_the_path(int fd) {
  close(fd);
  die("closed");
  close(fd); // no warning: die() does not return
}

void pos_helper_that_may_return(int fd, int bad) {
  close(fd);
  maybe_die(bad);
  close(fd); // expected-warning{{double close: the fd was already closed}}
}
