// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd on daemon patterns: fork/exec with pipes and dup2 onto
// stdio, daemonize with /dev/null, socketpair with fork failure.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>

int neg_spawn_with_pipe(char *const argv[]) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  pid_t pid = fork();
  if (pid < 0) {
    close(p[0]);
    close(p[1]);
    return -1;
  }
  if (pid == 0) {
    dup2(p[1], 1);
    close(p[0]);
    close(p[1]);
    execv(argv[0], argv);
    _exit(127);
  }
  close(p[1]);
  return p[0];
}

int pos_spawn_fork_failure_leaks(char *const argv[]) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  pid_t pid = fork();
  if (pid < 0)
    return -1; // expected-warning 2 {{fd leak}} (both fds of the pipe)
  if (pid == 0) {
    dup2(p[1], 1);
    execv(argv[0], argv);
    _exit(127);
  }
  close(p[1]);
  return p[0];
}

void neg_daemonize_devnull(void) {
  int fd = open("/dev/null", O_RDWR);
  if (fd < 0)
    exit(1);
  dup2(fd, 0);
  dup2(fd, 1);
  dup2(fd, 2);
  if (fd > 2)
    close(fd);
}

void pos_daemonize_devnull_not_closed(void) {
  int fd = open("/dev/null", O_RDWR);
  if (fd < 0)
    return;
  dup2(fd, 0);
  dup2(fd, 1);
} // expected-warning{{fd leak}}

int neg_socketpair_fork(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
    return -1;
  pid_t pid = fork();
  if (pid < 0) {
    close(sv[0]);
    close(sv[1]);
    return -1;
  }
  if (pid == 0) {
    close(sv[0]);
    write(sv[1], "x", 1);
    _exit(0);
  }
  close(sv[1]);
  return sv[0];
}

void pos_dup2_then_use_closed_source(const char *p) {
  int fd = open(p, O_WRONLY);
  if (fd < 0)
    return;
  dup2(fd, 1);
  close(fd);
  write(fd, "x", 1); // expected-warning{{use after close}}
}

// open(2): "the lowest-numbered file descriptor not currently open", so an
// open right after close(k) returns at most k: the reopen idiom keeps a
// standard stream (real pattern: rsync's become_daemon).

void neg_reopen_standard_streams(void) {
  for (int i = 0; i < 3; i++) {
    close(i);
    open("/dev/null", O_RDWR); // no warning: it is fd i again
  }
}

void neg_reopen_stdin_only(void) {
  close(STDIN_FILENO);
  open("/dev/null", O_RDONLY); // no warning
}

void pos_open_without_closing_a_stream(void) {
  open("/dev/null", O_RDWR);
} // expected-warning{{fd leak}}

void pos_reopen_after_closing_a_high_fd(void) {
  close(7);
  open("/dev/null", O_RDWR);
} // expected-warning{{fd leak}}

void pos_only_the_first_open_takes_the_slot(void) {
  close(0);
  open("/dev/null", O_RDONLY);
  open("/dev/null", O_RDONLY);
} // expected-warning{{fd leak}}

// fds acquired to fill closed standard streams (0 to 2): a loop whose
// condition asks whether a number is open (fcntl(n, F_GETFD), fstat) keeps
// what it acquires as the process's standard streams (LeakHeuristics.cpp,
// fillsStandardStreams).
void neg_fill_standard_streams_with_pipes(void) {
  int p[2];
  while (fcntl(2, F_GETFD) == -1) {
    if (pipe(p) != 0)
      break;
  }
}

void neg_fill_standard_streams_with_dev_null(void) {
  struct stat st;
  while (fstat(2, &st) != 0) {
    if (open("/dev/null", O_RDWR) < 0)
      break;
  }
}

void pos_loop_not_about_standard_streams(int n) {
  for (int i = 0; i < n; i++) { // expected-warning{{fd leak}}
    int fd = open("/dev/null", O_RDWR);
    if (fd < 0)
      break;
  }
}
