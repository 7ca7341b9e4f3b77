// RUN: %clang_analyze_cc1 -std=gnu23 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -std=gnu23 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd reads GCC's fd attributes (GCC manual, "Common Function
// Attributes"): fd_arg(N) makes argument N (counted from 1) a use of an
// open fd, fd_arg_read(N) of a readable one, fd_arg_write(N) of a writable
// one.  The plugin registers them (analyzer-plugin/GccFdAttributes.cpp);
// without it Clang drops them as unknown.
#include <fcntl.h>
#include <unistd.h>

void log_to(int fd) __attribute__((fd_arg(1)));
void slurp(const char *what, int fd) __attribute__((fd_arg_read(2)));
void emit(int fd, const char *line) __attribute__((fd_arg_write(1)));
__attribute__((fd_arg_read(1), fd_arg_write(2))) void copy_fd(int from, int to);
// On a redeclaration only: the definition below need not repeat it.
void sync_fd(int fd) __attribute__((fd_arg(1)));
// A wrong argument is a warning and the attribute is not applied.
void bad_index(int fd) __attribute__((fd_arg(2))); // expected-warning{{'fd_arg' attribute ignored: its argument does not name a parameter}}
void bad_type(const char *p) __attribute__((fd_arg_read(1))); // expected-warning{{'fd_arg_read' attribute ignored: its argument names a parameter that is not an integer}}
int not_a_function __attribute__((fd_arg(1))); // expected-warning{{'fd_arg' attribute only applies to functions}}

// C23 and C++11 spell them [[gnu::fd_arg(N)]].
[[gnu::fd_arg_write(1)]] void emit23(int fd);

int pos_fd_arg_after_close(const char *path) {
  int fd = open(path, O_RDWR);
  if (fd < 0)
    return -1;
  close(fd);
  log_to(fd); // expected-warning{{use after close}}
  return 0;
}

int pos_fd_arg_unchecked(const char *path) {
  int fd = open(path, O_RDWR);
  log_to(fd); // expected-warning{{unchecked fd}}
  close(fd);
  return 0;
}

int pos_fd_arg_read_on_write_only(const char *path) {
  int fd = open(path, O_WRONLY);
  if (fd == -1)
    return -1;
  slurp("x", fd); // expected-warning{{access mode mismatch: 'slurp' reads from an fd opened write-only}}
  close(fd);
  return 0;
}

int pos_fd_arg_write_on_read_only(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd == -1)
    return -1;
  emit(fd, "x"); // expected-warning{{access mode mismatch: 'emit' writes to an fd opened read-only}}
  close(fd);
  return 0;
}

int pos_fd_arg_two_params(const char *path) {
  int in = open(path, O_RDONLY);
  if (in < 0)
    return -1;
  int out = open(path, O_RDONLY);
  if (out < 0) {
    close(in);
    return -1;
  }
  copy_fd(in, out); // expected-warning{{access mode mismatch: 'copy_fd' writes to an fd opened read-only}}
  close(in);
  close(out);
  return 0;
}

int pos_fd_arg_is_no_hand_off(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  slurp("x", fd); // a use: the caller still owns fd
  return 0; // expected-warning{{fd leak}}
}

void sync_fd(int fd) { (void)fd; }

int pos_fd_arg_on_redeclaration(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  close(fd);
  sync_fd(fd); // expected-warning{{use after close}}
  return 0;
}

int neg_fd_arg_right_modes(const char *path) {
  int in = open(path, O_RDONLY);
  if (in < 0)
    return -1;
  int out = open(path, O_WRONLY);
  if (out < 0) {
    close(in);
    return -1;
  }
  slurp("x", in);
  emit(out, "x");
  copy_fd(in, out);
  log_to(in);
  close(in);
  close(out);
  return 0;
}

void neg_fd_arg_parameter(int fd) {
  // Nothing is known of a parameter.
  emit(fd, "x");
  slurp("y", fd);
}

int neg_bad_attributes_ignored(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  close(fd);
  bad_index(fd); // not a use: no attribute
  return 0;
}

int pos_c23_spelling(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  emit23(fd); // expected-warning{{access mode mismatch: 'emit23' writes to an fd opened read-only}}
  close(fd);
  return 0;
}
