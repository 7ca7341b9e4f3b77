// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify=expected,plain %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify=expected,stdc %s
// iosafe.PosixFd: fd numbers that are never valid, and constant fds
// closed twice.  A negative integer constant given as an fd (read(-1),
// dup2(-1, ...)) is an "unchecked fd" (EBADF, every man page's ERRORS);
// AT_FDCWD is not one.  close(STDIN_FILENO) twice with nothing opened in
// between (nothing that may take the number again) is a double close.
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>

void reopen_somehow(void);

void pos_read_minus_one(char *b) {
  read(-1, b, 1); // expected-warning{{unchecked fd: a negative number is never a valid fd}}
}

void pos_dup2_minus_one(void) {
  // With unix.StdCLibraryFunctions, its own argument check reports too
  // and ends the path; the engine checks the argument before it.
  dup2(-1, 1); // expected-warning{{unchecked fd: a negative number is never a valid fd}} stdc-warning{{The 1st argument to 'dup2' is -1 but should be >= 0}}
}

void pos_write_minus_one_macro(void) {
#define NO_FD (-1)
  write(NO_FD, "x", 1); // expected-warning{{unchecked fd: a negative number is never a valid fd}}
}

int neg_openat_at_fdcwd(const char *p) {
  int fd = openat(AT_FDCWD, p, O_RDONLY);
  if (fd < 0)
    return -1;
  return close(fd);
}

void pos_close_stdin_twice(void) {
  close(STDIN_FILENO);
  close(STDIN_FILENO); // expected-warning{{double close: fd 0 was already closed, and nothing was opened since}}
}

void neg_close_stdin_reopened(void) {
  close(STDIN_FILENO);
  int fd = open("/dev/null", O_RDONLY); // takes fd 0
  (void)fd;
  close(STDIN_FILENO);
}

void neg_close_stdin_after_unknown_call(void) {
  close(STDIN_FILENO);
  reopen_somehow();
  close(STDIN_FILENO);
}

void neg_dup2_onto_stdin_reopens(int fd) {
  close(STDIN_FILENO);
  dup2(fd, STDIN_FILENO);
  close(STDIN_FILENO);
}

void neg_close_stdout_and_stderr(void) {
  close(STDOUT_FILENO);
  close(STDERR_FILENO);
}
