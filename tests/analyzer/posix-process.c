// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd on process plumbing: pipe + fork + dup2 onto stdio + exec,
// socketpair + fork failure, daemonize with /dev/null, pid files.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

// ---- pipe, fork, exec ---------------------------------------------------------

int neg_run_and_read(char *const argv[], char *buf, size_t len) {
  int p[2];
  if (pipe2(p, O_CLOEXEC) < 0)
    return -1;
  pid_t pid = fork();
  if (pid < 0) {
    close(p[0]);
    close(p[1]);
    return -1;
  }
  if (pid == 0) {
    dup2(p[1], STDOUT_FILENO); // no warning: stdout is not owned here
    close(p[0]);
    close(p[1]);
    execve(argv[0], argv, environ);
    _exit(127); // no warning: the child's path ends
  }
  close(p[1]);
  ssize_t n = read(p[0], buf, len);
  close(p[0]);
  waitpid(pid, NULL, 0);
  return (int)n; // no warning
}

int pos_fork_failure_leaks_pipe(char *const argv[]) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  pid_t pid = fork();
  if (pid < 0)
    return -1; // expected-warning 2 {{fd leak}} (one report per fd of the pair)
  if (pid == 0) {
    dup2(p[0], STDIN_FILENO);
    close(p[0]);
    close(p[1]);
    execv(argv[0], argv);
    _exit(127);
  }
  close(p[0]);
  write(p[1], "go\n", 3);
  close(p[1]);
  return 0;
}

int pos_parent_keeps_write_end(char *const argv[], char *buf) {
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
    dup2(p[1], STDOUT_FILENO);
    close(p[0]);
    close(p[1]);
    execv(argv[0], argv);
    _exit(127);
  }
  read(p[0], buf, 1);
  close(p[0]); // expected-warning{{fd leak}}
  return 0;
}

int pos_child_closes_twice(char *const argv[]) {
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
    dup2(p[1], STDOUT_FILENO);
    close(p[1]);
    close(p[0]);
    close(p[1]); // expected-warning{{double close}}
    execv(argv[0], argv);
    _exit(127);
  }
  close(p[1]);
  close(p[0]);
  return 0;
}

int pos_exec_failure_returns(char *const argv[]) {
  int fd = open("/dev/null", O_RDONLY);
  if (fd < 0)
    return -1;
  dup2(fd, STDIN_FILENO);
  execv(argv[0], argv); // expected-warning{{fd leak}}
  // execv returned: it failed, and fd is still open
  return -1;
}

int pos_socketpair_fork_failure_leaks(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
    return -1;
  pid_t pid = fork();
  if (pid == -1) {
    close(sv[0]); // expected-warning{{fd leak}}
    return -1;
  }
  if (pid == 0) {
    close(sv[0]);
    write(sv[1], "c", 1);
    _exit(0);
  }
  close(sv[1]);
  return sv[0]; // no warning: returned to the caller
}

int neg_socketpair_fork_all_closed(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
    return -1;
  pid_t pid = fork();
  if (pid == -1) {
    close(sv[0]);
    close(sv[1]);
    return -1;
  }
  if (pid == 0) {
    close(sv[0]);
    write(sv[1], "c", 1);
    close(sv[1]);
    _exit(0);
  }
  close(sv[1]);
  char c;
  read(sv[0], &c, 1);
  close(sv[0]);
  return 0; // no warning
}

// ---- daemonize ---------------------------------------------------------------

int neg_daemonize_devnull(void) {
  pid_t pid = fork();
  if (pid < 0)
    return -1;
  if (pid > 0)
    exit(0);
  if (setsid() < 0)
    return -1;
  int fd = open("/dev/null", O_RDWR);
  if (fd < 0)
    return -1;
  dup2(fd, STDIN_FILENO);
  dup2(fd, STDOUT_FILENO);
  dup2(fd, STDERR_FILENO);
  if (fd > STDERR_FILENO)
    close(fd);
  // On the fd <= 2 path the fd *is* one of the standard streams now
  // (dup2(fd, fd) does nothing): handed on, not leaked.
  return 0; // no warning
}

int pos_daemonize_forgets_devnull(void) {
  if (setsid() < 0)
    return -1;
  int fd = open("/dev/null", O_RDWR);
  if (fd < 0)
    return -1;
  dup2(fd, STDIN_FILENO);
  dup2(fd, STDOUT_FILENO);
  dup2(fd, STDERR_FILENO);
  return 0; // expected-warning{{fd leak}}
}

int pos_write_pid_file(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return -1;
  char line[32];
  int n = snprintf(line, sizeof line, "%ld\n", (long)getpid());
  if (write(fd, line, (size_t)n) != n)
    return -1; // expected-warning{{fd leak}}
  return close(fd);
}

static int lock_fd = -1;

int neg_keep_lock_file_open(const char *path) {
  int fd = open(path, O_RDWR | O_CREAT, 0600);
  if (fd < 0)
    return -1;
  if (lockf(fd, F_TLOCK, 0) < 0) {
    close(fd);
    return -1;
  }
  lock_fd = fd; // no warning: kept for the life of the process in a global
  return 0;
}

int neg_redirect_stderr_to_log(const char *path) {
  int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0640);
  if (fd < 0)
    return -1;
  if (dup2(fd, STDERR_FILENO) < 0) {
    close(fd);
    return -1;
  }
  return close(fd); // no warning
}

// A fork() child runs its branch and ends in exec or exit.  When the path
// goes on past the branch, the branch ended in a call the analysis cannot
// see does not return (a child_main in another translation unit): what the
// parent's code then does to the fds the child closed is not reported
// (real pattern: rsync's pipe.c, local_child).  Inside the branch, and in
// the parent, reports are as usual.

int child_main(int argc, char **argv); // another TU: never returns
int neg_child_main_unseen_noreturn(int argc, char **argv, int *in, int *out) {
  int to[2], from[2];
  if (pipe(to) < 0)
    return -1;
  if (pipe(from) < 0) {
    close(to[0]);
    close(to[1]);
    return -1;
  }
  pid_t pid = fork();
  if (pid < 0) {
    close(to[0]); close(to[1]); close(from[0]); close(from[1]);
    return -1;
  }
  if (pid == 0) {
    if (dup2(to[0], 0) < 0 || dup2(from[1], 1) < 0)
      _exit(1);
    close(to[1]);
    close(from[0]);
    if (to[0] != 0)
      close(to[0]);
    if (from[1] != 1)
      close(from[1]);
    child_main(argc, argv);
  }
  if (close(from[1]) < 0 || close(to[0]) < 0) // no warning on the child's path
    _exit(1);
  *in = from[0];
  *out = to[1];
  return pid;
}
int pos_double_close_inside_child(void) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  pid_t pid = fork();
  if (pid == 0) {
    close(p[0]);
    close(p[0]); // expected-warning{{double close}}
    _exit(0);
  }
  close(p[0]);
  close(p[1]);
  return pid;
}
int pos_parent_double_close(void) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  pid_t pid = fork();
  if (pid == 0) {
    close(p[0]);
    _exit(0);
  }
  close(p[1]);
  close(p[1]); // expected-warning{{double close}}
  close(p[0]);
  return pid;
}

pid_t do_fork(void); // another TU: a fork wrapper (rsync's util1.c)

int neg_child_of_a_fork_wrapper(int argc, char **argv) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  pid_t pid = do_fork();
  if (pid == -1) {
    close(p[0]);
    close(p[1]);
    return -1;
  }
  if (pid == 0) {
    close(p[0]);
    if (dup2(p[1], 1) < 0)
      _exit(1);
    close(p[1]);
    child_main(argc, argv);
  }
  close(p[1]); // no warning: only the parent gets here
  return p[0];
}

int pos_getpid_is_no_fork(void) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  if (getpid() != 1) {
    close(p[0]);
    close(p[1]);
  }
  close(p[1]); // expected-warning{{double close}}
  close(p[0]); // expected-warning{{double close}}
  return 0;
}
